import type { EnvironmentInput } from "../schema";
import type { ServiceInput } from "../sections/services";
import { MANAGED_RULES, NO_CLOUDFRONT, auditTrail, backupPlan, logsBucket, placement, redis, subnetLayout, userPool } from "./shared";

/**
 * Seed 003, Saprism: a Node web app (port 5000) moved off Replit onto ECS behind an ALB, with `/ws/*` WebSocket
 * traffic on its own sticky target group, PostgreSQL with storage autoscaling, Redis, Cognito replacing Replit
 * auth, app settings in SSM Parameter Store, WAF rate limit 2000, optional X-Ray, and 5XX/latency alarms.
 * The seed names no region, so us-east-1; its NODE_ENV values development/staging/production are dev/staging/prod.
 */
type Environment = "dev" | "staging" | "prod";
/** One entry of `services`, for the fields its two services share. */
type Service = ServiceInput;

function environment(name: Environment): EnvironmentInput {
  const by = <T>(values: Record<Environment, T>): T => values[name];
  const prod = name === "prod";
  const accountId = by({ dev: "511111111111", staging: "522222222222", prod: "533333333333" });
  const cidr = by({ dev: "10.30", staging: "10.31", prod: "10.32" });
  const domain = by({ dev: undefined, staging: "app.staging.saprism.example.com", prod: "app.saprism.example.com" });
  const appUrl = domain ? `https://${domain}` : "http://localhost:5000";
  const appHostedZoneId = by({ dev: "Z0511111111EXAMPLE", staging: "Z0522222222EXAMPLE", prod: "Z0533333333EXAMPLE" });
  const tasks = by({
    dev: { desiredCount: 1, minCount: 1, maxCount: 2 },
    staging: { desiredCount: 1, minCount: 1, maxCount: 4 },
    prod: { desiredCount: 2, minCount: 2, maxCount: 10 },
  });
  const size = by({ dev: { cpu: 256, memory: 512 }, staging: { cpu: 256, memory: 512 }, prod: { cpu: 512, memory: 1024 } });
  const app = {
    imageTag: "v1.0.0",
    ...size,
    containerPort: 5000,
    healthCheckPath: "/api/health",
    ...tasks,
    environment: { NODE_ENV: by({ dev: "development", staging: "staging", prod: "production" }) },
    database: true,
    secrets: {
      REDIS_URL: { secret: "redis-url" },
      SESSION_SECRET: { secret: "jwt-signing-key" },
    },
    documents: { prefix: "uploads/", access: "read-write" },
    // OPENAI_API_KEY, SALESFORCE_CLIENT_ID, ... come from SSM at runtime (seed 003's secrets.tf).
    parameters: true,
    // Seed 003: "ECS Service: 1-10 tasks based on CPU/memory".
    autoscaling: { cpuPercent: 70, memoryPercent: 80 },
  } satisfies Partial<Service>;
  return {
    ...placement({ project: "saprism", environment: name, accountId, region: "us-east-1", drRegion: "us-west-2" }),
    network: {
      ...subnetLayout("us-east-1", cidr, ["a", "b"], { database: true }),
      natGateways: by({ dev: "single", staging: "single", prod: "per-az" }),
      gatewayEndpoints: ["s3"],
      // Seed 003: interface endpoints are optional (enable_vpc_endpoints); on where their cost is worth it.
      interfaceEndpoints: by({ dev: [], staging: [], prod: ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm", "kms"] }),
      flowLogs: { enabled: true, retentionDays: by({ dev: 14, staging: 30, prod: 365 }), trafficType: prod ? "ALL" : "REJECT" },
    },
    kms: { deletionWindowDays: by({ dev: 7, staging: 14, prod: 30 }), rotationPeriodDays: 365 },
    secrets: { recoveryWindowDays: by({ dev: 0, staging: 7, prod: 30 }), externalApiKeys: [], generatedLength: 64 },
    // Seed 003: S3 for file uploads, versioned.
    storage: {
      documents: { noncurrentExpirationDays: by({ dev: 7, staging: 30, prod: 90 }), abortIncompleteMultipartUploadDays: 7 },
      logs: logsBucket(by({ dev: 90, staging: 180, prod: 365 }), 30),
    },
    // Seed 003: db.t3.micro-class PostgreSQL, storage autoscaling up to 100 GB, 7 days of backups, Performance Insights;
    // its "production readiness" list (Multi-AZ, deletion protection) applies to prod.
    database: {
      identifier: `saprism-${name}-postgres`,
      engineVersion: "15",
      instanceClass: by({ dev: "db.t4g.micro", staging: "db.t4g.micro", prod: "db.t4g.small" }),
      allocatedStorageGb: 20,
      maxAllocatedStorageGb: 100,
      multiAz: prod,
      databaseName: "saprism",
      masterUsername: "saprism_admin",
      // Seed 003: "RDS Automated Backups: 7-day retention", in every environment (dev's 20 GB cost nothing extra).
      backupRetentionDays: 7,
      backupWindow: "03:00-04:00",
      maintenanceWindow: "mon:04:00-mon:05:00",
      deletionProtection: prod,
      finalSnapshot: prod,
      performanceInsightsRetentionDays: 7,
      monitoringIntervalSeconds: 60,
      logRetentionDays: by({ dev: 7, staging: 30, prod: 90 }),
      slowQueryThresholdMs: 1000,
      logStatement: "ddl",
      readReplica: { enabled: false },
      drReplica: { enabled: false },
    },
    // Sessions and WebSocket fan-out.
    cache: redis("saprism", name),
    services: [
      { name: "app", ...app, pathPatterns: ["/*"], priority: 100 },
      // Seed 003's websocket.tf: `/ws/*` on a separate sticky target group, drained slowly so sessions can move,
      // "auto-scaling based on connection count": each task publishes its open WebSocket connections once a minute
      // (embedded metric format, dimension Service=$METRICS_SERVICE), and scaling holds 500 per task beside CPU/memory.
      {
        name: "app-ws",
        ...app,
        pathPatterns: ["/ws/*"],
        priority: 10,
        sticky: true,
        deregistrationDelaySeconds: 300,
        environment: { ...app.environment, METRICS_SERVICE: "app-ws" },
        autoscaling: {
          ...app.autoscaling,
          customMetric: { namespace: "Saprism", metricName: "WebSocketConnections", dimensions: { Service: "app-ws" }, targetValue: 500 },
        },
      },
    ],
    ecs: {
      containerInsights: by({ dev: "disabled", staging: "enabled", prod: "enabled" }),
      execEnabled: !prod,
      logRetentionDays: by({ dev: 7, staging: 30, prod: 90 }),
      ecr: { keepTaggedImages: by({ dev: 10, staging: 20, prod: 30 }), untaggedExpiryDays: by({ dev: 1, staging: 3, prod: 7 }) },
    },
    edge: {
      domain: domain ? { name: domain, hostedZoneId: appHostedZoneId } : undefined,
      https: domain !== undefined,
      tlsPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      idleTimeoutSeconds: 3600,
      deletionProtection: prod,
      waf: {
        // Seed 003: waf_rate_limit = 2000.
        rateLimitPer5Min: 2000,
        managedRules: MANAGED_RULES,
        botControl: "off",
        geoBlockCountries: [],
        logRetentionDays: by({ dev: 30, staging: 90, prod: 365 }),
      },
      cloudfront: NO_CLOUDFRONT,
    },
    backup: backupPlan({ environment: name, continuousBackup: prod }),
    // Seed 003's alerts: more than 10 5XX in 5 minutes, average response time above 2 s, database connections and storage.
    observability: {
      alarmEmails: ["admin@example.com"],
      alarmSmsNumbers: [],
      thresholds: {
        countPeriodSeconds: 300,
        http5xxCount: 10,
        targetResponseTimeSeconds: 2,
        ecsCpuPercent: 80,
        ecsMemoryPercent: 85,
        rdsCpuPercent: 80,
        rdsFreeStorageGb: 4,
        rdsConnections: by({ dev: 60, staging: 60, prod: 150 }),
        rdsReplicaLagSeconds: 60,
        redisCpuPercent: 75,
        redisEngineCpuPercent: 80,
        redisMemoryPercent: 80,
        redisEvictions: 0,
        wafBlockedRequests: 500,
      },
      dashboard: true,
      cloudTrail: auditTrail(prod),
      budget: { monthlyLimitUsd: by({ dev: 150, staging: 250, prod: 500 }), forecastThresholdPercent: 80, actualThresholdPercent: 100 },
      // Seed 003: enable_xray is optional; on where there is traffic worth tracing.
      xray: prod || name === "staging" ? { enabled: true, fixedRate: 0.05, reservoirSize: 1 } : { enabled: false },
    },
    // Seed 003's auth.tf: Cognito replaces Replit's OpenID Connect.
    // Prod's invitations and password resets go through SES: Cognito's own sender stops after 50 a day.
    identity: userPool({
      project: "saprism",
      environment: name,
      appUrl,
      callbackPath: "/api/callback",
      selfSignUp: false,
      generateSecret: true,
      emailDomain: prod && domain ? { name: domain, hostedZoneId: appHostedZoneId } : undefined,
    }),
    // Seed 003's secrets.tf: third-party credentials as SecureStrings under /saprism/<env>/, values put by an operator.
    parameters: {
      openai_api_key: { description: "OpenAI API key; set with aws ssm put-parameter", type: "SecureString" },
      salesforce_client_id: { description: "Salesforce connected app client id; set with aws ssm put-parameter", type: "SecureString" },
      salesforce_client_secret: { description: "Salesforce connected app client secret; set with aws ssm put-parameter", type: "SecureString" },
      livekit_api_key: { description: "LiveKit Cloud API key; set with aws ssm put-parameter", type: "SecureString" },
      livekit_api_secret: { description: "LiveKit Cloud API secret; set with aws ssm put-parameter", type: "SecureString" },
    },
  };
}

export const saprism = { dev: environment("dev"), staging: environment("staging"), prod: environment("prod") };
