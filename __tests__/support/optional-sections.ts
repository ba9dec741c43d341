/**
 * Valid `dynamodb`, `functions`, `identity` and `parameters` sections shaped like seeds 001 and 003, for tests that
 * add them to a shipped environment (no shipped voice-ai environment has them).
 */
import { type SynthesizedEnvironment, editedConfig, synthConfig } from "./synth";
import { userPool } from "../../config/blueprints/shared";

export const CONNECT_INSTANCE_ID = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

/** Seed 001's handover-token table, with an index by caller for the lookup. */
export function dynamodbSection(): any {
  return {
    tables: [
      {
        name: "handover-tokens",
        hashKey: { name: "token", type: "S" },
        ttlAttribute: "expires_at",
        pointInTimeRecovery: true,
        deletionProtection: true,
        billingMode: "PAY_PER_REQUEST",
        globalSecondaryIndexes: [{ name: "by-caller", hashKey: { name: "caller_number", type: "S" }, projection: "KEYS_ONLY" }],
      },
      {
        name: "call-audit",
        hashKey: { name: "call_id", type: "S" },
        rangeKey: { name: "at", type: "N" },
        pointInTimeRecovery: true,
        deletionProtection: true,
      },
    ],
  };
}

/** Seed 001's Amazon Connect lookup: reads the token table only, in the VPC. */
export function functionsSection(): any {
  return [
    {
      name: "connect-lookup",
      imageTag: "v1.0.0",
      memoryMb: 512,
      timeoutSeconds: 8,
      reservedConcurrency: 50,
      environment: { LOG_LEVEL: "info" },
      tables: [{ name: "handover-tokens", access: "read" }],
      vpc: true,
      logRetentionDays: 30,
      tracing: true,
      connectInstanceId: CONNECT_INSTANCE_ID,
    },
  ];
}

/**
 * Seed 003's Cognito pool replacing Replit auth, as the blueprints build a prod pool (MFA on, threat protection
 * enforced, deletion protection, e-mail through SES), with a hosted-UI prefix of its own.
 */
export function identitySection(): any {
  return {
    ...userPool({
      project: "saprism",
      environment: "prod",
      appUrl: "https://app.example.com",
      callbackPath: "/auth/callback",
      selfSignUp: false,
      generateSecret: true,
      emailDomain: { name: "auth.example.com", hostedZoneId: "Z0999999999EXAMPLE" },
    }),
    domainPrefix: "saprism-login",
  };
}

/** Seed 003's SSM settings: third-party keys an operator puts, plus a plain setting. */
export function parametersSection(): any {
  return {
    openai_api_key: { description: "OpenAI API key; set by an operator", type: "SecureString" },
    salesforce_client_id: { description: "Salesforce connected app client id; set by an operator", type: "SecureString" },
    livekit_url: { description: "LiveKit Cloud websocket URL", type: "String", value: "wss://saprism.livekit.cloud" },
  };
}

/** Adds all four optional sections to a raw environment config. */
export function addOptionalSections(raw: any): void {
  raw.dynamodb = dynamodbSection();
  raw.functions = functionsSection();
  raw.identity = identitySection();
  raw.parameters = parametersSection();
  // The alarm thresholds that come with functions and tables.
  Object.assign(raw.observability.thresholds, { lambdaErrors: 5, lambdaThrottles: 0, dynamodbThrottleEvents: 0 });
}

const cache = new Map<string, SynthesizedEnvironment>();

/** A shipped environment plus all four optional sections, synthesized once per test worker. */
export function synthWithOptionalSections(env: string): SynthesizedEnvironment {
  let result = cache.get(env);
  if (!result) {
    result = synthConfig(editedConfig(env, addOptionalSections));
    cache.set(env, result);
  }
  return result;
}

/**
 * The other side of each switch, in one dev config so it costs one synth: a provisioned token table, the lookup
 * function outside the VPC with read-write access to the audit table and no tracing/concurrency/Connect, a second
 * function without tables, and a lenient user pool (MFA and threat protection off, self sign-up, no hosted domain).
 */
export function variantSections(raw: any): void {
  addOptionalSections(raw);
  const [tokens] = raw.dynamodb.tables;
  Object.assign(tokens, { billingMode: "PROVISIONED", readCapacity: 5, writeCapacity: 2 });
  Object.assign(tokens.globalSecondaryIndexes[0], { readCapacity: 3, writeCapacity: 1 });
  const [lookup] = raw.functions;
  Object.assign(lookup, { vpc: false, tracing: false, tables: [{ name: "call-audit", access: "read-write" }] });
  delete lookup.connectInstanceId;
  delete lookup.reservedConcurrency;
  raw.functions.push({ name: "webhook", imageTag: "2024.06.1", memoryMb: 256, timeoutSeconds: 30, vpc: false, logRetentionDays: 7 });
  Object.assign(raw.identity, { mfa: "OFF", advancedSecurityMode: "OFF", selfSignUp: true, deletionProtection: false });
  delete raw.identity.domainPrefix;
  delete raw.identity.email;
}

let variant: SynthesizedEnvironment | undefined;

/** dev with `variantSections`, synthesized once per test worker. */
export function synthVariant(): SynthesizedEnvironment {
  variant ??= synthConfig(editedConfig("dev", variantSections));
  return variant;
}

/**
 * Guardrail errors of one component's stack, as `<rule> <path>: <message>` lines. Read from the environment's
 * reports over what synth writes (`guardrailReports()`: every stack written once, then reviewed once), since a
 * review of an app with stacks not yet written prepares every stack again and synthesizes the rest in memory.
 */
export function guardrailErrors(synth: SynthesizedEnvironment, component: string): string[] {
  const stackId = `${synth.config.environment}-${component}`;
  const report = synth.guardrailReports().find((r) => r.stack === stackId);
  if (!report) throw new Error(`no guardrail report for ${stackId}`);
  return report.findings.filter((finding) => finding.level === "error").map((finding) => `${finding.ruleId} ${finding.path}: ${finding.message}`);
}
