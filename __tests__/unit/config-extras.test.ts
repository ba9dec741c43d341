import { describe, expect, it } from "vitest";
import { ENVIRONMENTS, parseEnvironmentConfig } from "../../config";
import { addOptionalSections } from "../support/optional-sections";
import { problemsOf } from "../support/config";

/** A shipped environment with the dynamodb, functions, identity and parameters sections added, then edited. */
function withSections(env: string, edit: (raw: any) => void): unknown {
  const raw = structuredClone(ENVIRONMENTS[env]) as any;
  addOptionalSections(raw);
  edit(raw);
  return raw;
}

describe("optional sections (dynamodb, functions, identity, parameters)", () => {
  it.each(Object.keys(ENVIRONMENTS))("are valid when added to %s, and absent from it as shipped", (env) => {
    const config = parseEnvironmentConfig(
      withSections(env, () => undefined),
      env,
    );
    expect(config.dynamodb?.tables[0].billingMode).toBe("PAY_PER_REQUEST");
    expect(config.functions?.[0].architecture).toBe("x86_64");
    const shipped = parseEnvironmentConfig(ENVIRONMENTS[env], env);
    expect([shipped.dynamodb, shipped.functions, shipped.identity, shipped.parameters]).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe("bad optional-section input is rejected with the field path", () => {
  const cases: [string, string, (raw: any) => void, RegExp][] = [
    // dynamodb
    [
      "prod",
      "table without PITR in prod",
      (r) => (r.dynamodb.tables[0].pointInTimeRecovery = false),
      /dynamodb\.tables\.0\.pointInTimeRecovery: must be true in prod/,
    ],
    [
      "prod",
      "table without deletion protection in prod",
      (r) => (r.dynamodb.tables[1].deletionProtection = false),
      /dynamodb\.tables\.1\.deletionProtection: must be true in prod/,
    ],
    [
      "dev",
      "duplicate table name",
      (r) => (r.dynamodb.tables[1].name = "handover-tokens"),
      /dynamodb\.tables\.1\.name: duplicates table name "handover-tokens"/,
    ],
    [
      "dev",
      "provisioned table without capacity",
      (r) => (r.dynamodb.tables[1].billingMode = "PROVISIONED"),
      /dynamodb\.tables\.1\.readCapacity: is required with billingMode PROVISIONED/,
    ],
    [
      "dev",
      "capacity on an on-demand table",
      (r) => (r.dynamodb.tables[0].writeCapacity = 5),
      /dynamodb\.tables\.0\.writeCapacity: must be absent with billingMode PAY_PER_REQUEST/,
    ],
    [
      "dev",
      "key attribute type that is not S, N or B",
      (r) => (r.dynamodb.tables[0].hashKey.type = "BOOL"),
      /dynamodb\.tables\.0\.hashKey\.type: Invalid option/,
    ],
    [
      "dev",
      "index key redefining a table key's type",
      (r) => (r.dynamodb.tables[0].globalSecondaryIndexes[0].hashKey = { name: "token", type: "N" }),
      /dynamodb\.tables\.0\.globalSecondaryIndexes\.0\.hashKey\.type: must be S: attribute "token" is already a key of type S/,
    ],
    [
      "dev",
      "TTL on a string key",
      (r) => (r.dynamodb.tables[0].ttlAttribute = "token"),
      /dynamodb\.tables\.0\.ttlAttribute: names a key attribute of type S; TTL only reads Number attributes/,
    ],
    // functions
    ["dev", "memory below 128 MB", (r) => (r.functions[0].memoryMb = 64), /functions\.0\.memoryMb: must be at least 128 MB \(got 64\)/],
    ["dev", "memory above 10240 MB", (r) => (r.functions[0].memoryMb = 10241), /functions\.0\.memoryMb: must be at most 10240 MB/],
    [
      "dev",
      "timeout above 900 s",
      (r) => (r.functions[0].timeoutSeconds = 901),
      /functions\.0\.timeoutSeconds: must be at most 900 seconds \(got 901\)/,
    ],
    [
      "dev",
      "reserved concurrency 0",
      (r) => (r.functions[0].reservedConcurrency = 0),
      /functions\.0\.reservedConcurrency: must be at least 1 \(0 throttles every invocation\)/,
    ],
    [
      "dev",
      "grant of an unknown table",
      (r) => (r.functions[0].tables[0].name = "tokens"),
      /functions\.0\.tables\.0\.name: names no table "tokens"; known: handover-tokens, call-audit/,
    ],
    [
      "dev",
      "table grant without a dynamodb section",
      (r) => delete r.dynamodb,
      /functions\.0\.tables\.0\.name: names table "handover-tokens" but the dynamodb section is absent/,
    ],
    [
      "dev",
      "secret by name in the environment",
      (r) => (r.functions[0].environment.OPENAI_API_KEY = "x"),
      /functions\.0\.environment\.OPENAI_API_KEY: names a credential/,
    ],
    [
      "dev",
      "secret by shape in the environment",
      (r) => (r.functions[0].environment.UPSTREAM = "https://bot:hunter22@example.com"),
      /functions\.0\.environment\.UPSTREAM: looks like a credential/,
    ],
    [
      "dev",
      "variable reserved by the Lambda runtime",
      (r) => (r.functions[0].environment.AWS_REGION = "us-east-1"),
      /functions\.0\.environment\.AWS_REGION: is reserved by the Lambda runtime/,
    ],
    [
      "dev",
      "variable the stack sets",
      (r) => (r.functions[0].environment.HANDOVER_TOKENS_TABLE = "other"),
      /functions\.0\.environment\.HANDOVER_TOKENS_TABLE: is set by the functions stack/,
    ],
    ["dev", "'latest' image tag", (r) => (r.functions[0].imageTag = "latest"), /functions\.0\.imageTag: must not be 'latest'/],
    [
      "dev",
      "function name too long for its role",
      (r) => {
        r.project = "voice-ai-contact-centre-platform";
        r.functions[0].name = "connect-lookup-for-the-agents";
      },
      /functions\.0\.name: makes the role name "voice-ai-contact-centre-platform-dev-connect-lookup-for-the-agents-lambda" longer than 64/,
    ],
    [
      "dev",
      "environment variable name with a dash",
      (r) => (r.functions[0].environment["LOG-LEVEL"] = "info"),
      /functions\.0\.environment\.LOG-LEVEL: must be an environment variable name/,
    ],
    // identity
    ["prod", "MFA off in prod", (r) => (r.identity.mfa = "OFF"), /identity\.mfa: must be OPTIONAL or ON in prod/],
    [
      "prod",
      "a prod user pool on Cognito's own sender",
      (r) => delete r.identity.email,
      /identity\.email: is required in prod: Cognito's own sender stops after 50 e-mails a day/,
    ],
    [
      "dev",
      "a From address off the verified domain",
      (r) => (r.identity.email.fromAddress = "no-reply@example.org"),
      /identity\.email\.fromAddress: must be an address on auth\.example\.com, the domain SES verifies/,
    ],
    [
      "prod",
      "the user pool's mail domain is the messaging stack's SES identity",
      (r) => (r.identity.email = { domain: r.edge.domain, fromAddress: `no-reply@${r.edge.domain.name}` }),
      /identity\.email\.domain\.name: is the domain the messaging stack's SES identity already verifies \(edge\.domain\)/,
    ],
    [
      "prod",
      "user pool without deletion protection in prod",
      (r) => (r.identity.deletionProtection = false),
      /identity\.deletionProtection: must be true in prod/,
    ],
    [
      "dev",
      "password shorter than 8",
      (r) => (r.identity.passwordPolicy.minimumLength = 6),
      /identity\.passwordPolicy\.minimumLength: must be at least 8 characters \(got 6\)/,
    ],
    [
      "dev",
      "password longer than 99",
      (r) => (r.identity.passwordPolicy.minimumLength = 100),
      /identity\.passwordPolicy\.minimumLength: must be at most 99 characters/,
    ],
    [
      "dev",
      "plain-http callback",
      (r) => (r.identity.appClient.callbackUrls[0] = "http://app.example.com/cb"),
      /identity\.appClient\.callbackUrls\.0: must use https \(plain http only for localhost\)/,
    ],
    [
      "prod",
      "localhost callback in prod",
      (r) => r.identity.appClient.callbackUrls.push("http://localhost:3000/cb"),
      /identity\.appClient\.callbackUrls\.1: must not point at localhost in prod/,
    ],
    [
      "dev",
      "access token valid for more than a day",
      (r) => (r.identity.appClient.accessTokenValidityMinutes = 1441),
      /identity\.appClient\.accessTokenValidityMinutes: must be at most 1440 minutes/,
    ],
    [
      "dev",
      "ID token outliving the refresh token",
      (r) => Object.assign(r.identity.appClient, { idTokenValidityMinutes: 1440, refreshTokenValidityDays: 1 }),
      /identity\.appClient\.idTokenValidityMinutes: must be shorter than the refresh token validity \(1 days\)/,
    ],
    ["dev", "profile scope without openid", (r) => (r.identity.appClient.scopes = ["email"]), /identity\.appClient\.scopes: must include openid/],
    ["dev", "unknown advanced security mode", (r) => (r.identity.advancedSecurityMode = "BLOCK"), /identity\.advancedSecurityMode: Invalid option/],
    // parameters
    [
      "dev",
      "value of a SecureString in config",
      (r) => (r.parameters.openai_api_key.value = "sk-live"),
      /parameters\.openai_api_key\.value: must be absent for a SecureString/,
    ],
    [
      "dev",
      "String without a value",
      (r) => delete r.parameters.livekit_url.value,
      /parameters\.livekit_url\.value: is required for a String parameter/,
    ],
    [
      "dev",
      "credential as a String",
      (r) => (r.parameters.livekit_api_secret = { description: "x", type: "String", value: "abc" }),
      /parameters\.livekit_api_secret\.type: must be SecureString/,
    ],
    [
      "dev",
      "credential-shaped String value",
      (r) => (r.parameters.livekit_url.value = "sk-abcdefghijklmnopqrstuv"),
      /parameters\.livekit_url\.value: looks like a credential/,
    ],
    [
      "dev",
      "parameter name with upper case",
      (r) => (r.parameters.OpenAI = { description: "x", type: "SecureString" }),
      /parameters\.OpenAI: .*must be 1-128 of a-z/,
    ],
    ["dev", "unknown parameter field (typo)", (r) => (r.parameters.livekit_url.secure = true), /parameters\.livekit_url: Unrecognized key.*secure/],
  ];

  it.each(cases)("%s: %s", (env, _name, edit, expected) => {
    expect(problemsOf(withSections(env, edit))).toMatch(expected);
  });
});
