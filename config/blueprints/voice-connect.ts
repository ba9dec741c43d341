import type { EnvironmentInput } from "../schema";
import { MANAGED_RULES, NO_CLOUDFRONT, auditTrail, backupPlan, logsBucket, placement, subnetLayout } from "./shared";

/**
 * Seed 001, Voice OpenAI Connect: a FastAPI WebSocket gateway for Twilio calls that hands callers over to Amazon
 * Connect with a short-lived token. ap-southeast-2, dev and prod, sized like the seed's cost estimate (0.5 vCPU /
 * 1 GB tasks, 2 in dev, about 4 in prod, scaling 1-10). No RDS, no Redis, no recordings: the token table in
 * DynamoDB is the only state. No DR region (the seed restores from DynamoDB point-in-time recovery).
 */
type Environment = "dev" | "prod";

function environment(name: Environment): EnvironmentInput {
  const by = <T>(values: Record<Environment, T>): T => values[name];
  const prod = name === "prod";
  const accountId = by({ dev: "411111111111", prod: "433333333333" });
  const cidr = by({ dev: "10.10", prod: "10.0" });
  return {
    // No DR (seed 001); its region only says where copies would go if it were turned on.
    ...placement({ project: "voice-connect", environment: name, accountId, region: "ap-southeast-2", drRegion: "ap-southeast-4" }),
    // Public and private subnets over two AZs; no isolated tier, since nothing lives there.
    network: {
      ...subnetLayout("ap-southeast-2", cidr, ["a", "b"], { database: false }),
      natGateways: by({ dev: "single", prod: "per-az" }),
      // Seed 001: gateway endpoints for S3/DynamoDB, interface endpoints for ECR, Logs and Secrets Manager.
      gatewayEndpoints: ["s3", "dynamodb"],
      interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs", "secretsmanager"],
      flowLogs: { enabled: true, retentionDays: by({ dev: 14, prod: 90 }), trafficType: "ALL" },
    },
    // Seed 001: "reduced KMS key deletion window" outside prod, a 30-day secret recovery window in prod.
    kms: { deletionWindowDays: by({ dev: 7, prod: 30 }), rotationPeriodDays: 365 },
    secrets: {
      recoveryWindowDays: by({ dev: 7, prod: 30 }),
      externalApiKeys: ["twilio-account-sid", "twilio-auth-token", "openai-api-key", "hubspot-api-key"],
      generatedLength: 64,
    },
    // Only the logs bucket, for the ALB's access logs (seed 001: "configure ALB access logs with lifecycle policies").
    storage: {
      logs: logsBucket(by({ dev: 90, prod: 365 }), by({ dev: 7, prod: 30 })),
    },
    services: [
      {
        // The FastAPI gateway: Twilio webhooks and the media-stream WebSocket on one port, so every route is sticky.
        name: "gateway",
        imageTag: "v1.0.0",
        cpu: 512,
        memory: 1024,
        containerPort: 8000,
        healthCheckPath: "/health",
        desiredCount: by({ dev: 2, prod: 4 }),
        minCount: by({ dev: 1, prod: 2 }),
        maxCount: 10,
        pathPatterns: ["/*"],
        priority: 100,
        sticky: true,
        deregistrationDelaySeconds: 300,
        // Seed 001's twilio_phone_number and connect_phone_number (placeholders, like the account ids): the number
        // callers dial, and the Amazon Connect number the gateway transfers them to.
        environment: {
          LOG_LEVEL: by({ dev: "debug", prod: "info" }),
          VOICE_PROVIDER: "openai",
          TWILIO_PHONE_NUMBER: by({ dev: "+61255501001", prod: "+61255503001" }),
          CONNECT_PHONE_NUMBER: by({ dev: "+61255501002", prod: "+61255503002" }),
        },
        secrets: {
          TWILIO_ACCOUNT_SID: { secret: "twilio-account-sid" },
          TWILIO_AUTH_TOKEN: { secret: "twilio-auth-token" },
          OPENAI_API_KEY: { secret: "openai-api-key" },
          HUBSPOT_API_KEY: { secret: "hubspot-api-key" },
        },
        // Issues the handover tokens that the Connect lookup reads.
        tables: [{ name: "handover-tokens", access: "read-write" }],
        autoscaling: { cpuPercent: 70, memoryPercent: 80, requestsPerTarget: 1000 },
      },
    ],
    ecs: {
      containerInsights: by({ dev: "disabled", prod: "enabled" }),
      execEnabled: !prod,
      logRetentionDays: by({ dev: 7, prod: 90 }),
      ecr: { keepTaggedImages: by({ dev: 10, prod: 30 }), untaggedExpiryDays: by({ dev: 1, prod: 7 }) },
    },
    edge: {
      // Seed 001: HTTPS only where a certificate and domain are configured; prod always has them here.
      domain: prod ? { name: "voice.example.com", hostedZoneId: "Z0433333333EXAMPLE" } : undefined,
      https: prod,
      tlsPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      // A call holds its WebSocket for its whole length.
      idleTimeoutSeconds: 3600,
      deletionProtection: prod,
      waf: {
        rateLimitPer5Min: by({ dev: 10000, prod: 30000 }),
        // Twilio calls in from cloud provider addresses, which the anonymous-IP list blocks.
        managedRules: MANAGED_RULES,
        botControl: "off",
        geoBlockCountries: [],
        logRetentionDays: by({ dev: 30, prod: 365 }),
      },
      cloudfront: NO_CLOUDFRONT,
    },
    // No database: the plan backs up the handover-token table (selected by ARN) besides its PITR, and whatever else
    // operators tag backup=true.
    backup: backupPlan({ environment: name, schedule: "cron(0 16 ? * * *)", continuousBackup: false }),
    // Seed 001: alarms to an SNS email topic and one dashboard. Budgets at 1.25 x the seed's estimates ($125, $258).
    observability: {
      alarmEmails: ["alerts@example.com"],
      alarmSmsNumbers: [],
      thresholds: {
        countPeriodSeconds: 300,
        http5xxCount: 10,
        targetResponseTimeSeconds: 2,
        ecsCpuPercent: by({ dev: 90, prod: 80 }),
        ecsMemoryPercent: by({ dev: 90, prod: 85 }),
        wafBlockedRequests: by({ dev: 500, prod: 1000 }),
        // Seed 001's "errors, throttles": a failed or throttled lookup leaves a caller without a screen pop, and
        // on-demand tables should never throttle, so any throttle pages.
        lambdaErrors: 5,
        lambdaThrottles: 0,
        dynamodbThrottleEvents: 0,
      },
      dashboard: true,
      cloudTrail: auditTrail(prod),
      budget: { monthlyLimitUsd: by({ dev: 160, prod: 325 }), forecastThresholdPercent: 80, actualThresholdPercent: 100 },
      xray: { enabled: false },
    },
    // Seed 001's HandoverTokens: on-demand, expiring through TTL, point-in-time recovery in prod, CMK-encrypted.
    dynamodb: {
      tables: [
        {
          name: "handover-tokens",
          hashKey: { name: "token", type: "S" },
          ttlAttribute: "expires_at",
          pointInTimeRecovery: prod,
          deletionProtection: prod,
          billingMode: "PAY_PER_REQUEST",
        },
      ],
    },
    // Seed 001's connect-lookup: a container image in the VPC that reads the token table for Amazon Connect.
    functions: [
      {
        name: "connect-lookup",
        imageTag: "v1.0.0",
        memoryMb: 512,
        // Amazon Connect waits at most 8 seconds for a Lambda.
        timeoutSeconds: 8,
        reservedConcurrency: prod ? 50 : undefined,
        environment: { LOG_LEVEL: by({ dev: "debug", prod: "info" }) },
        tables: [{ name: "handover-tokens", access: "read" }],
        vpc: true,
        logRetentionDays: by({ dev: 14, prod: 90 }),
        connectInstanceId: by({ dev: "aaaaaaaa-bbbb-4ccc-8ddd-111111111111", prod: "aaaaaaaa-bbbb-4ccc-8ddd-333333333333" }),
        // The seed does not ask for X-Ray; a lookup on a caller's path that nobody can trace is a blind spot (VP-LAMBDA-1).
        tracing: true,
      },
    ],
  };
}

export const voiceConnect = { dev: environment("dev"), prod: environment("prod") };
