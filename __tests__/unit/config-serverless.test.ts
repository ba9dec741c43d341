import { describe, expect, it } from "vitest";
import { parseEnvironmentConfig } from "../../config";
import { BLUEPRINTS } from "../../config/blueprints";
import { problemsOf } from "../support/config";

type Env = "dev" | "staging" | "prod";

/** A deep copy of a voice-assistant environment after `edit`, not yet validated. */
function edited(env: Env, edit: (raw: any) => void): unknown {
  const raw = structuredClone(BLUEPRINTS["voice-assistant"][env]) as any;
  edit(raw);
  return raw;
}

const fn = (raw: any, name: string) => raw.functions.find((f: any) => f.name === name);

describe("voice-assistant config", () => {
  it.each(["dev", "staging", "prod"] as const)("%s is valid and has no VPC, load balancer, containers, database or cache", (env) => {
    const config = parseEnvironmentConfig(BLUEPRINTS["voice-assistant"][env], env);
    expect([config.network, config.edge, config.ecs, config.database, config.cache]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(config.services).toEqual([]);
    expect(config.functions?.every((f) => f.code !== undefined && f.imageTag === undefined && f.tracing)).toBe(true);
  });

  it("defines the pipeline in exactly one environment", () => {
    const withPipeline = Object.entries(BLUEPRINTS["voice-assistant"]).filter(([, raw]) => raw.pipeline !== undefined);
    expect(withPipeline.map(([env]) => env)).toEqual(["prod"]);
  });
});

describe("bad serverless input is rejected with the field path", () => {
  const cases: [string, Env, (raw: any) => void, RegExp][] = [
    // functions
    [
      "image and zip at once",
      "dev",
      (r) => (r.functions[0].imageTag = "v1"),
      /functions\.0: must set exactly one of imageTag \(container image\) and code/,
    ],
    ["neither image nor zip", "dev", (r) => delete r.functions[0].code, /functions\.0: must set exactly one of imageTag/],
    [
      "zip without reserved concurrency",
      "dev",
      (r) => delete r.functions[0].reservedConcurrency,
      /functions\.0\.reservedConcurrency: is required for a zip function/,
    ],
    [
      "provisioned at the reservation",
      "prod",
      (r) => (fn(r, "voice-processing").provisionedConcurrency = 100),
      /functions\.0\.provisionedConcurrency: must be below reservedConcurrency \(100\)/,
    ],
    ["zip function untraced", "dev", (r) => (r.functions[0].tracing = false), /functions\.0\.tracing: must be true for a zip function/],
    [
      "artifact key not a zip",
      "dev",
      (r) => (r.functions[0].code.artifactKey = "functions/voice.tar"),
      /functions\.0\.code\.artifactKey: must be an S3 key of safe characters ending in \.zip/,
    ],
    ["unknown runtime", "dev", (r) => (r.functions[0].code.runtime = "python2.7"), /functions\.0\.code\.runtime: must be a Lambda runtime/],
    [
      "unknown deployment config",
      "dev",
      (r) => (r.functions[0].deployment.config = "CodeDeployDefault.OneAtATime"),
      /functions\.0\.deployment\.config/,
    ],
    [
      "bad Bedrock model id",
      "dev",
      (r) => (fn(r, "llm-integration").permissions.bedrockModelId = "claude haiku"),
      /functions\.2\.permissions\.bedrockModelId: must be a Bedrock model id/,
    ],
    [
      "unknown queue",
      "dev",
      (r) => (fn(r, "response-generation").permissions.sendsToQueues = ["billing"]),
      /functions\.5\.permissions\.sendsToQueues\.0: names no queue of workflow\.queues \(analytics\)/,
    ],
    [
      "a secret that does not exist",
      "dev",
      (r) => (fn(r, "music").permissions.readsSecrets = ["spotify-key"]),
      /functions\.3\.permissions\.readsSecrets\.0: names no secret of secrets\.externalApiKeys \(music-api-key, weather-api-key\)/,
    ],
    [
      "parameters without a parameters section",
      "dev",
      (r) => delete r.parameters,
      /functions\.2\.permissions\.readsParameters: requires the parameters section/,
    ],
    [
      "a variable the stack sets",
      "dev",
      (r) => (fn(r, "music").environment.MUSIC_API_KEY_SECRET_ID = "x"),
      /functions\.3\.environment\.MUSIC_API_KEY_SECRET_ID: is set by the functions stack to the secret's name/,
    ],
    ["events without a workflow", "dev", (r) => delete r.workflow, /functions\.0\.permissions\.putsEvents: requires the workflow section/],
    [
      "zip functions without an artifacts bucket",
      "dev",
      (r) => delete r.storage.artifacts,
      /functions: requires storage\.artifacts: zip functions run packages from the artifacts bucket/,
    ],
    // workflow
    ["unknown step", "dev", (r) => r.workflow.stateMachine.steps.push("translation"), /workflow\.stateMachine\.steps\.4: names no zip function/],
    [
      "rule target queue unknown",
      "dev",
      (r) => (r.workflow.rules[0].targets[1] = { type: "queue", name: "billing" }),
      /workflow\.rules\.0\.targets\.1: names no queue of workflow\.queues/,
    ],
    [
      "notifications nobody receives",
      "dev",
      (r) => (r.workflow.notificationEmails = []),
      /workflow\.rules\.1\.targets\.0: delivers to the notifications topic, which has no subscriber/,
    ],
    [
      "six targets",
      "dev",
      (r) => (r.workflow.rules[0].targets = Array(6).fill({ type: "state-machine" })),
      /workflow\.rules\.0\.targets: must list at most 5 targets/,
    ],
    ["duplicate queue", "dev", (r) => r.workflow.queues.push(r.workflow.queues[0]), /workflow\.queues\.1\.name: duplicates queue name "analytics"/],
    [
      "retry attempts above EventBridge's",
      "dev",
      (r) => (r.workflow.rules[0].retry = { maximumEventAgeSeconds: 3600, maximumRetryAttempts: 200 }),
      /workflow\.rules\.0\.retry\.maximumRetryAttempts: must be at most 185/,
    ],
    // api
    ["route to an unknown function", "dev", (r) => (r.api.routes[1].function = "translation"), /api\.routes\.1\.function: names no zip function/],
    ["cached route without a cache", "dev", (r) => (r.api.routes[4].cached = true), /api\.routes\.4\.cached: requires api\.cache/],
    ["cached POST", "prod", (r) => (r.api.routes[1].cached = true), /api\.routes\.1\.cached: caches GET responses only/],
    ["public business route", "dev", (r) => (r.api.routes[1].public = true), /api\.routes\.1\.public: is allowed only on a \/health route/],
    ["prod API without a WAF", "prod", (r) => delete r.api.waf, /api\.waf: is required in prod/],
    [
      "same path twice",
      "dev",
      (r) => r.api.routes.push({ path: "/voice", methods: ["GET"], function: "voice-processing" }),
      /api\.routes\.7\.path: lists \/voice twice/,
    ],
    ["unknown cache size", "prod", (r) => (r.api.cache.clusterSizeGb = "1"), /api\.cache\.clusterSizeGb/],
    [
      "API without Cognito",
      "dev",
      (r) => delete r.identity,
      /api: requires identity: its routes call zip functions and its authorizer is the Cognito user pool/,
    ],
    // frontend
    [
      "upper-case site domain",
      "prod",
      (r) => (r.frontend.domain.name = "Assistant.example.com"),
      /frontend\.domain\.name: must be a lower-case domain name/,
    ],
    ["empty CSP", "dev", (r) => (r.frontend.contentSecurityPolicy = ""), /frontend\.contentSecurityPolicy: must not be empty/],
    [
      "site without a domain while Cognito redirects to it",
      "dev",
      (r) => delete r.frontend.domain,
      /frontend\.domain: is required: identity's callback URLs and storage\.files\.corsOrigins must name the site's host/,
    ],
    [
      "callback to another host",
      "staging",
      (r) => (r.identity.appClient.callbackUrls = ["https://assistant.example.com/callback"]),
      /identity\.appClient\.callbackUrls\.0: points at assistant\.example\.com, but the site is served at staging\.assistant\.example\.com/,
    ],
    [
      "CORS for another host",
      "prod",
      (r) => (r.storage.files.corsOrigins = ["https://dev.assistant.example.com"]),
      /storage\.files\.corsOrigins\.0: names dev\.assistant\.example\.com, but the site is served at assistant\.example\.com/,
    ],
    [
      "CSP that blocks the API's domain",
      "prod",
      (r) => (r.frontend.contentSecurityPolicy = "default-src 'self'; connect-src 'self' https://*.amazonaws.com"),
      /frontend\.contentSecurityPolicy: must allow https:\/\/api\.assistant\.example\.com \(api\.domain\) in connect-src/,
    ],
    // pipeline
    [
      "one build for two architectures",
      "prod",
      (r) => (r.functions[0].architecture = "x86_64"),
      /pipeline: builds every zip function in one build, but functions mix x86_64 and arm64/,
    ],
    [
      "deploy role that is no role ARN",
      "prod",
      (r) => (r.pipeline.deployTargets[0].roleArn = "voice-assistant-deploy"),
      /pipeline\.deployTargets\.0\.roleArn: must be an IAM role ARN/,
    ],
    ["pipeline that deploys nothing", "prod", (r) => (r.pipeline.deployTargets = []), /pipeline\.deployTargets: must list at least one environment/],
    // storage
    [
      "plain-HTTP CORS origin",
      "dev",
      (r) => (r.storage.files.corsOrigins = ["http://dev.assistant.example.com"]),
      /storage\.files\.corsOrigins\.0: must be an https:\/\/ origin/,
    ],
    [
      "archive tier before S3's minimum",
      "dev",
      (r) => (r.storage.files.archiveAccessDays = 30),
      /storage\.files\.archiveAccessDays: must be at least 90 days/,
    ],
  ];

  it.each(cases)("%s (%s)", (_name, env, edit, expected) => {
    expect(problemsOf(edited(env, edit))).toMatch(expected);
  });
});
