import type { EnvironmentInput } from "../schema";
import { MANAGED_RULES, auditTrail, backupPlan, logsBucket, placement, userPool } from "./shared";

/**
 * Seed 002, Voice Assistant AI: the serverless shape of the product. API Gateway and Lambda instead of an ALB and
 * ECS, Step Functions and EventBridge between them, DynamoDB for conversations, an S3 + CloudFront frontend, Cognito,
 * and an AWS-native pipeline (CodePipeline, CodeBuild, CodeDeploy). No VPC, load balancer, containers, RDS or Redis:
 * the seed lists VPC, ALB, WAF, ElastiCache and Route 53 as future work; prod still gets a WAF on the API (the
 * platform's prod rule), and the domain records where a domain is configured. us-east-1, so the
 * CloudFront certificate and web ACL live in the primary region. Differences from the seed:
 * docs/decisions/voice-assistant.md.
 */
type Environment = "dev" | "staging" | "prod";
type Function = NonNullable<EnvironmentInput["functions"]>[number];

/** Seed 002's business functions. `critical` ones keep warm environments in prod (its provisioned concurrency). */
const FUNCTIONS: readonly { name: string; memoryMb: number; timeoutSeconds: number; critical?: boolean; permissions: Function["permissions"] }[] = [
  // Speech in, text out: Lex for the utterance, events for analytics.
  {
    name: "voice-processing",
    memoryMb: 1024,
    timeoutSeconds: 30,
    critical: true,
    permissions: { lexBotAlias: { botId: "VOICEBOT01", aliasId: "LIVEALIAS1" }, putsEvents: true },
  },
  { name: "intent-analysis", memoryMb: 512, timeoutSeconds: 15, permissions: { lexBotAlias: { botId: "VOICEBOT01", aliasId: "LIVEALIAS1" } } },
  // Bedrock, Claude Haiku only (seed 002: 90 % cheaper than GPT-4).
  {
    name: "llm-integration",
    memoryMb: 1024,
    timeoutSeconds: 60,
    critical: true,
    // The model id and the conversation window come from Parameter Store (PARAMETERS_PATH).
    permissions: { bedrockModelId: "anthropic.claude-3-haiku-20240307-v1:0", readsParameters: true },
  },
  // The music and weather providers' keys, put by an operator into Secrets Manager.
  { name: "music", memoryMb: 256, timeoutSeconds: 10, permissions: { readsSecrets: ["music-api-key"] } },
  { name: "weather", memoryMb: 256, timeoutSeconds: 10, permissions: { readsSecrets: ["weather-api-key"] } },
  // Text back to speech with Polly; starts the pipeline for follow-ups and reports analytics.
  {
    name: "response-generation",
    memoryMb: 512,
    timeoutSeconds: 30,
    permissions: { synthesizeSpeech: true, startsWorkflow: true, sendsToQueues: ["analytics"], readsParameters: true },
  },
];

function environment(name: Environment): EnvironmentInput {
  const by = <T>(values: Record<Environment, T>): T => values[name];
  const prod = name === "prod";
  const accountId = by({ dev: "711111111111", staging: "722222222222", prod: "733333333333" });
  // The site's host and its account's public hosted zone: Cognito's redirects and the files bucket's CORS name it.
  const site = by({ dev: "dev.assistant.example.com", staging: "staging.assistant.example.com", prod: "assistant.example.com" });
  const hostedZoneId = by({ dev: "Z0711111111EXAMPLE", staging: "Z0722222222EXAMPLE", prod: "Z0733333333EXAMPLE" });
  const appUrl = `https://${site}`;
  // Prod's API has its own domain, which the site's CSP must let the browser call; elsewhere the execute-api host.
  const apiDomain = prod ? "api.assistant.example.com" : undefined;
  return {
    // The seed has no second region; DynamoDB point-in-time recovery and the backup vault are the recovery story.
    ...placement({ project: "voice-assistant", environment: name, accountId, region: "us-east-1", drRegion: "us-west-2" }),
    kms: { deletionWindowDays: by({ dev: 7, staging: 14, prod: 30 }), rotationPeriodDays: 365 },
    // Seed 002's Secrets Manager: the third-party keys the music and weather functions call with.
    secrets: {
      recoveryWindowDays: by({ dev: 0, staging: 7, prod: 30 }),
      externalApiKeys: ["music-api-key", "weather-api-key"],
      generatedLength: 64,
    },
    storage: {
      // Function zips and the frontend build, put by the pipeline's build stage before the functions deploy.
      artifacts: { noncurrentExpirationDays: by({ dev: 14, staging: 30, prod: 90 }), abortIncompleteMultipartUploadDays: 7 },
      // Seed 002: "S3: Intelligent tiering for cost optimization" for users' files (recordings they upload, exports).
      files: {
        intelligentTieringDays: 0,
        archiveAccessDays: prod ? 180 : undefined,
        noncurrentExpirationDays: by({ dev: 7, staging: 30, prod: 90 }),
        corsOrigins: [appUrl],
      },
      logs: logsBucket(by({ dev: 90, staging: 180, prod: 365 }), 30),
    },
    // Seed 002: DynamoDB for conversations and user data, on demand, with GSIs (its performance section).
    dynamodb: {
      tables: [
        {
          name: "conversations",
          hashKey: { name: "conversation_id", type: "S" },
          rangeKey: { name: "turn", type: "N" },
          ttlAttribute: "expires_at",
          pointInTimeRecovery: true,
          deletionProtection: prod,
          billingMode: "PAY_PER_REQUEST",
          globalSecondaryIndexes: [
            { name: "by-user", hashKey: { name: "user_id", type: "S" }, rangeKey: { name: "started_at", type: "N" }, projection: "ALL" },
          ],
        },
      ],
    },
    // Seed 002: Cognito authentication; MFA required in prod.
    // A browser SPA cannot keep a secret: a public client with PKCE.
    // Prod's sign-up codes and password resets go through SES: Cognito's own sender stops after 50 a day.
    identity: userPool({
      project: "voice-assistant",
      environment: name,
      appUrl,
      callbackPath: "/callback",
      selfSignUp: true,
      generateSecret: false,
      emailDomain: prod ? { name: site, hostedZoneId } : undefined,
    }),
    // Seed 002's Parameter Store configuration management: the functions' non-secret settings.
    parameters: {
      bedrock_model_id: {
        description: "Bedrock model the LLM function calls (seed 002: Claude Haiku)",
        type: "String",
        value: "anthropic.claude-3-haiku-20240307-v1:0",
      },
      polly_voice_id: { description: "Amazon Polly voice of spoken responses", type: "String", value: "Joanna" },
      max_conversation_turns: { description: "Turns kept in a conversation's context", type: "String", value: "20" },
    },
    // Seed 002's Lambda functions: zip packages from the artifacts bucket, each behind a `live` alias that CodeDeploy
    // shifts with a canary and rolls back on errors (its blue-green deployments with automatic rollback).
    functions: FUNCTIONS.map(
      (fn): Function => ({
        name: fn.name,
        code: { artifactKey: `functions/${fn.name}.zip`, runtime: "python3.12", handler: "handler.lambda_handler" },
        architecture: "arm64",
        memoryMb: fn.memoryMb,
        timeoutSeconds: fn.timeoutSeconds,
        reservedConcurrency: by({ dev: 10, staging: 20, prod: 100 }),
        provisionedConcurrency: prod && fn.critical ? 5 : undefined,
        deployment: { config: prod ? "CodeDeployDefault.LambdaCanary10Percent5Minutes" : "CodeDeployDefault.LambdaAllAtOnce", rollbackErrors: 1 },
        environment: { LOG_LEVEL: by({ dev: "DEBUG", staging: "INFO", prod: "INFO" }), POWERTOOLS_SERVICE_NAME: fn.name },
        tables: [{ name: "conversations", access: "read-write" }],
        permissions: fn.permissions,
        logRetentionDays: by({ dev: 14, staging: 30, prod: 90 }),
        tracing: true,
      }),
    ),
    // Seed 002's Step Functions orchestration and EventBridge event-driven architecture.
    workflow: {
      stateMachine: {
        name: "voice-pipeline",
        steps: ["voice-processing", "intent-analysis", "llm-integration", "response-generation"],
        logLevel: prod ? "ERROR" : "ALL",
        includeExecutionData: false,
        logRetentionDays: by({ dev: 14, staging: 30, prod: 90 }),
        timeoutSeconds: 300,
      },
      eventBus: { name: "events", archiveRetentionDays: by({ dev: 7, staging: 30, prod: 365 }) },
      queues: [{ name: "analytics", visibilityTimeoutSeconds: 120, messageRetentionSeconds: 345_600, maxReceiveCount: 5 }],
      rules: [
        {
          name: "user-interaction",
          description: "A user spoke or typed: run the voice pipeline and count it",
          sources: ["voice-assistant.api"],
          detailTypes: ["User Interaction"],
          targets: [{ type: "state-machine" }, { type: "queue", name: "analytics" }],
        },
        {
          name: "system-error",
          description: "A function reported an error it could not handle: tell the team",
          sources: ["voice-assistant.functions"],
          detailTypes: ["System Error"],
          targets: [{ type: "notifications" }],
        },
        {
          name: "analytics",
          description: "Usage events for the analytics consumer",
          sources: ["voice-assistant.api", "voice-assistant.functions"],
          detailTypes: ["Analytics Event"],
          targets: [{ type: "queue", name: "analytics" }],
        },
      ],
      notificationEmails: ["alerts@example.com"],
    },
    // Seed 002's API Gateway: REST, Cognito on every route but health, throttling, caching in prod.
    api: {
      stageName: "v1",
      throttle: { rateLimit: by({ dev: 20, staging: 50, prod: 500 }), burstLimit: by({ dev: 40, staging: 100, prod: 1000 }) },
      cache: prod ? { clusterSizeGb: "0.5", ttlSeconds: 300 } : undefined,
      executionLoggingLevel: "ERROR",
      logRetentionDays: by({ dev: 14, staging: 30, prod: 365 }),
      // One environment per account here, so each owns its account's API Gateway logging role.
      accountLoggingRole: "create",
      waf: prod
        ? {
            rateLimitPer5Min: 10_000,
            managedRules: MANAGED_RULES,
            botControl: "off",
            geoBlockCountries: [],
            // Speech arrives base64-encoded in the request body, far above the Core Rule Set's 8 KB.
            largeBodyPaths: ["/voice"],
            logRetentionDays: 365,
          }
        : undefined,
      domain: apiDomain ? { name: apiDomain, hostedZoneId } : undefined,
      routes: [
        { path: "/health", methods: ["GET"], function: "response-generation", public: true },
        { path: "/voice", methods: ["POST"], function: "voice-processing" },
        { path: "/intent", methods: ["POST"], function: "intent-analysis" },
        { path: "/chat", methods: ["POST"], function: "llm-integration" },
        { path: "/music", methods: ["GET"], function: "music", cached: prod, cacheKeyQueryStrings: prod ? ["query"] : [] },
        { path: "/weather", methods: ["GET"], function: "weather", cached: prod, cacheKeyQueryStrings: prod ? ["location"] : [] },
        { path: "/respond", methods: ["POST"], function: "response-generation" },
      ],
    },
    // Seed 002's React frontend on S3 + CloudFront.
    frontend: {
      domain: { name: site, hostedZoneId },
      priceClass: "PriceClass_100",
      contentSecurityPolicy: [
        "default-src 'self'",
        `connect-src 'self'${apiDomain ? ` https://${apiDomain}` : ""} https://*.amazonaws.com https://*.amazoncognito.com`,
        "img-src 'self' data:",
        "media-src 'self' blob:",
        "frame-ancestors 'none'",
      ].join("; "),
      accessLogRetentionDays: by({ dev: 14, staging: 30, prod: 365 }),
    },
    // Seed 002's CodePipeline: built and deployed from prod's account (the most guarded one), into each environment by role.
    pipeline: prod
      ? {
          repository: { owner: "example-org", name: "voice-assistant-ai", branch: "main" },
          deployTargets: [
            { environment: "dev", roleArn: "arn:aws:iam::711111111111:role/voice-assistant-deploy" },
            { environment: "staging", roleArn: "arn:aws:iam::722222222222:role/voice-assistant-deploy" },
            { environment: "prod", roleArn: "arn:aws:iam::733333333333:role/voice-assistant-deploy", manualApproval: true },
          ],
          approvalEmails: ["release-managers@example.com"],
          logRetentionDays: 90,
          artifactRetentionDays: 90,
        }
      : undefined,
    // DynamoDB tables (selected by ARN) besides their point-in-time recovery.
    backup: backupPlan({ environment: name, retentionDays: by({ dev: 3, staging: 7, prod: 35 }), continuousBackup: false }),
    // Seed 002's alerts: Lambda errors > 10 in 5 min, API 5XX > 5 in 5 min, duration > 10 s, DynamoDB throttling.
    observability: {
      alarmEmails: ["alerts@example.com"],
      alarmSmsNumbers: [],
      thresholds: {
        countPeriodSeconds: 300,
        http5xxCount: 5,
        lambdaErrors: 10,
        lambdaThrottles: 0,
        lambdaDurationSeconds: 10,
        // Step Functions failures and EventBridge delivery failures (the issue's additions to the seed's alerts).
        workflowFailures: 0,
        dynamodbThrottleEvents: 0,
      },
      dashboard: true,
      cloudTrail: auditTrail(prod),
      // Seed 002: budget alerts at 80 % (forecast) and 100 % (actual).
      budget: { monthlyLimitUsd: by({ dev: 100, staging: 150, prod: 600 }), forecastThresholdPercent: 80, actualThresholdPercent: 100 },
      xray: { enabled: true, fixedRate: by({ dev: 1, staging: 0.2, prod: 0.05 }), reservoirSize: 1 },
      // Seed 002: "Cost anomaly detection". A day's spend at prod's budget (600 / 30), told the same day; 10 USD elsewhere.
      costAnomaly: { impactThresholdUsd: by({ dev: 10, staging: 10, prod: 20 }) },
    },
  };
}

export const voiceAssistant = { dev: environment("dev"), staging: environment("staging"), prod: environment("prod") };
