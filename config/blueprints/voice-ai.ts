import type { EnvironmentInput } from "../schema";
import type { ServiceInput } from "../sections/services";
import { MANAGED_RULES, NO_CLOUDFRONT, auditTrail, backupPlan, logsBucket, placement, redis, subnetLayout } from "./shared";

/**
 * Seed 000, the main system: the voice-AI platform in us-east-1 with DR in us-west-2, and the default blueprint.
 * - dev: cheapest layout that still mirrors prod's topology (seed 001's non-prod sizing).
 * - staging: production's shape at smaller size (two AZs, one NAT, no DR copy).
 * - prod: sized like seed 000 (us-east-1, Multi-AZ everything, NAT per AZ, DR in us-west-2).
 */
type Environment = "dev" | "staging" | "prod";
/** One entry of `services`, for the fields its two services share. */
type Service = ServiceInput;

function environment(name: Environment): EnvironmentInput {
  const by = <T>(values: Record<Environment, T>): T => values[name];
  const prod = name === "prod";
  const dev = name === "dev";
  const accountId = by({ dev: "111111111111", staging: "222222222222", prod: "333333333333" });
  const cidr = by({ dev: "10.10", staging: "10.20", prod: "10.0" });
  const zones = by({ dev: ["a", "b"], staging: ["a", "b"], prod: ["a", "b", "c"] });
  // No domain in dev: the ALB's own DNS name over plain HTTP, which config validation allows outside prod.
  const domain = by({
    dev: undefined,
    staging: { name: "api.staging.voice-ai.example.com", hostedZoneId: "Z0222222222EXAMPLE" },
    prod: { name: "api.voice-ai.example.com", hostedZoneId: "Z0333333333EXAMPLE" },
  });
  const task = {
    imageTag: "v1.0.0",
    ...by({ dev: { cpu: 256, memory: 512 }, staging: { cpu: 512, memory: 1024 }, prod: { cpu: 1024, memory: 2048 } }),
    containerPort: 8000,
    healthCheckPath: "/health",
    ...by({
      dev: { desiredCount: 1, minCount: 1, maxCount: 2 },
      staging: { desiredCount: 1, minCount: 1, maxCount: 4 },
      prod: { desiredCount: 2, minCount: 2, maxCount: 10 },
    }),
  } satisfies Partial<Service>;
  const logLevel = dev ? "debug" : "info";
  const secrets = {
    REDIS_URL: { secret: "redis-url" },
    JWT_SECRET: { secret: "jwt-signing-key" },
    DEEPGRAM_API_KEY: { secret: "deepgram-api-key" },
    OPENAI_API_KEY: { secret: "openai-api-key" },
  };
  const tags: Record<string, string> = prod
    ? { "cost-center": "voice-platform", "data-classification": "confidential" }
    : { "cost-center": "voice-platform" };
  return {
    ...placement({ project: "voice-ai", environment: name, accountId, region: "us-east-1", drRegion: "us-west-2", drEnabled: prod, tags }),
    network: {
      ...subnetLayout("us-east-1", cidr, zones, { database: true }),
      natGateways: prod ? "per-az" : "single",
      gatewayEndpoints: ["s3", "dynamodb"],
      interfaceEndpoints: by({
        dev: [],
        staging: ["ecr.api", "ecr.dkr", "logs", "secretsmanager"],
        prod: ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "kms", "ssmmessages"],
      }),
      flowLogs: { enabled: true, retentionDays: by({ dev: 30, staging: 90, prod: 365 }), trafficType: dev ? "REJECT" : "ALL" },
    },
    kms: { deletionWindowDays: by({ dev: 7, staging: 14, prod: 30 }), rotationPeriodDays: 365 },
    secrets: {
      recoveryWindowDays: by({ dev: 0, staging: 7, prod: 30 }),
      externalApiKeys: ["deepgram-api-key", "openai-api-key", "twilio-auth-token"],
      generatedLength: 64,
    },
    // Seed 000 (prod): recordings expire after 90 days (noncurrent after 30); logs go to Glacier after 30 days.
    storage: {
      recordings: { expirationDays: dev ? 30 : 90, noncurrentExpirationDays: dev ? 7 : 30, abortIncompleteMultipartUploadDays: 7 },
      logs: logsBucket(by({ dev: 90, staging: 180, prod: 365 }), dev ? 7 : 30),
    },
    // prod, seed 000: PostgreSQL 15 on db.t4g.medium, Multi-AZ, 100 GB gp3 growing to 500 GB, 7 days of backups,
    // deletion protection + final snapshot, a read replica, and a cross-region replica in us-west-2.
    // staging: prod's engine and settings one size down, single-AZ, no replicas.
    // dev: smallest Graviton class, single-AZ, one day of backups, disposable (no deletion protection or final snapshot).
    database: {
      identifier: `voice-ai-${name}-postgres`,
      engineVersion: "15",
      instanceClass: by({ dev: "db.t4g.micro", staging: "db.t4g.small", prod: "db.t4g.medium" }),
      allocatedStorageGb: by({ dev: 20, staging: 50, prod: 100 }),
      maxAllocatedStorageGb: by({ dev: 50, staging: 200, prod: 500 }),
      multiAz: prod,
      databaseName: "voice_ai",
      masterUsername: "voice_ai_admin",
      backupRetentionDays: by({ dev: 1, staging: 3, prod: 7 }),
      backupWindow: "03:00-04:00",
      maintenanceWindow: "mon:04:00-mon:05:00",
      deletionProtection: !dev,
      finalSnapshot: !dev,
      performanceInsightsRetentionDays: 7,
      monitoringIntervalSeconds: 60,
      logRetentionDays: by({ dev: 7, staging: 30, prod: 90 }),
      slowQueryThresholdMs: dev ? 500 : 1000,
      logStatement: "ddl",
      readReplica: { enabled: prod },
      // The DR region has no VPC of ours: the operator creates this DB subnet group in us-west-2 first (README).
      drReplica: prod ? { enabled: true, subnetGroupName: "voice-ai-prod-dr-database", securityGroupIds: [] } : { enabled: false },
    },
    // prod, seed 000: Redis 7 on cache.t4g.micro x2 with automatic failover, TLS, AUTH; snapshots kept 5 days.
    // staging: two nodes with automatic failover, so failover is exercised before prod; Multi-AZ placement only in prod.
    // dev: one node, no failover, no snapshots.
    cache: redis("voice-ai", name),
    services: [
      {
        // Seed 000's voice-ai API: REST, Twilio webhooks, everything but the WebSocket route.
        name: "voice-api",
        ...task,
        pathPatterns: ["/*"],
        priority: 100,
        sticky: false,
        environment: { LOG_LEVEL: logLevel },
        database: true,
        secrets: { ...secrets, TWILIO_AUTH_TOKEN: { secret: "twilio-auth-token" } },
        recordings: { prefix: "recordings/", access: "read-write" },
        autoscaling: { cpuPercent: 70, memoryPercent: 80, requestsPerTarget: 1000 },
      },
      {
        // Real-time media over WebSocket (seed 003's /ws/* target group): sticky, drained slowly so calls can end.
        name: "voice-ws",
        ...task,
        pathPatterns: ["/ws/*"],
        priority: 10,
        sticky: true,
        deregistrationDelaySeconds: 300,
        environment: { LOG_LEVEL: logLevel },
        secrets: { ...secrets },
        recordings: { prefix: "recordings/", access: "read-write" },
        autoscaling: { cpuPercent: 70, memoryPercent: 80 },
      },
    ],
    ecs: {
      containerInsights: dev ? "disabled" : "enabled",
      execEnabled: !prod,
      logRetentionDays: by({ dev: 7, staging: 30, prod: 90 }),
      ecr: { keepTaggedImages: by({ dev: 10, staging: 20, prod: 30 }), untaggedExpiryDays: by({ dev: 1, staging: 3, prod: 7 }) },
    },
    edge: {
      ...(domain && { domain }),
      https: domain !== undefined,
      tlsPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      idleTimeoutSeconds: dev ? 300 : 3600,
      deletionProtection: prod,
      waf: {
        rateLimitPer5Min: dev ? 10000 : 30000,
        managedRules: MANAGED_RULES,
        botControl: prod ? "count" : "off",
        geoBlockCountries: [],
        logRetentionDays: by({ dev: 30, staging: 90, prod: 365 }),
      },
      cloudfront: NO_CLOUDFRONT,
    },
    // prod, seed 000: daily backups kept 7 days, PITR, cross-region copy to us-west-2, 7-year immutable audit trail.
    backup: backupPlan({ environment: name, completionWindowMinutes: prod ? 240 : 180, drCopyDays: prod ? 30 : 7, continuousBackup: prod }),
    observability: {
      alarmEmails: [
        by({ dev: "platform-dev-alerts@example.com", staging: "platform-staging-alerts@example.com", prod: "platform-oncall@example.com" }),
      ],
      alarmSmsNumbers: [],
      thresholds: {
        countPeriodSeconds: 300,
        http5xxCount: 10,
        targetResponseTimeSeconds: 2,
        ecsCpuPercent: dev ? 90 : 80,
        ecsMemoryPercent: dev ? 90 : 85,
        rdsCpuPercent: dev ? 90 : 80,
        rdsFreeStorageGb: by({ dev: 2, staging: 5, prod: 20 }),
        rdsConnections: by({ dev: 60, staging: 150, prod: 320 }),
        rdsReplicaLagSeconds: by({ dev: 300, staging: 120, prod: 60 }),
        redisCpuPercent: by({ dev: 90, staging: 80, prod: 75 }),
        redisEngineCpuPercent: dev ? 90 : 80,
        redisMemoryPercent: by({ dev: 90, staging: 85, prod: 80 }),
        redisEvictions: by({ dev: 100, staging: 10, prod: 0 }),
        wafBlockedRequests: prod ? 1000 : 500,
      },
      dashboard: true,
      cloudTrail: auditTrail(prod, dev ? 30 : 90),
      budget: { monthlyLimitUsd: by({ dev: 175, staging: 325, prod: 1000 }), forecastThresholdPercent: 80, actualThresholdPercent: 100 },
      xray: dev ? { enabled: false } : { enabled: true, fixedRate: 0.05, reservoirSize: 1 },
    },
    // prod, seed 000: FIFO escalation queue with a DLQ kept the SQS maximum of 14 days, SNS SMS and SES confirmations,
    // a fast Route53 health check on /health. No standby target exists yet, so no failover records (README).
    // dev: seed 000's messaging with SES off: dev has no domain to verify. Short retention, no SMS spend.
    messaging: {
      appServices: ["voice-api"],
      escalationQueue: dev
        ? { messageRetentionSeconds: 86400, visibilityTimeoutSeconds: 120, maxReceiveCount: 3, contentBasedDeduplication: true }
        : { messageRetentionSeconds: 345600, visibilityTimeoutSeconds: 300, maxReceiveCount: 5, contentBasedDeduplication: true },
      deadLetterQueue: { messageRetentionSeconds: dev ? 345600 : 1209600 },
      confirmations: { sms: !dev, emailSubscriptions: [] },
      ses: dev ? { enabled: false } : { enabled: true, mailFromSubdomain: "mail" },
      healthCheck: { path: "/health", failureThreshold: 3, requestIntervalSeconds: prod ? 10 : 30 },
      clientVpn: { enabled: false },
    },
  };
}

export const voiceAi = { dev: environment("dev"), staging: environment("staging"), prod: environment("prod") };
