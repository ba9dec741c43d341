import type { EnvironmentInput } from "../schema";
import { MANAGED_RULES, NO_CLOUDFRONT, auditTrail, backupPlan, logsBucket, placement } from "./shared";

/**
 * Seed 004, Gen AI Services: nine container services from one list behind one ALB, PostgreSQL, Redis, a documents
 * bucket, X-Ray sampling, a $1000 budget and a multi-region audit trail, in us-east-1 over three AZs with one NAT
 * gateway. The seed describes one environment, production; where it sits below the platform's prod rules (Multi-AZ
 * database, a Redis replica, two tasks per service, HTTPS) prod follows the rules (README, "Blueprints").
 */

/**
 * Seed 004's service list, in its order. Target groups are named `genai-services-prod-<name>` and AWS allows 32
 * characters, so the longer seed names are shortened; the seed name stays in the service's path.
 */
const SERVICES: readonly { name: string; seedName: string; documents?: "read" | "read-write" }[] = [
  { name: "format-conv", seedName: "format-conversion", documents: "read-write" },
  { name: "classify", seedName: "classification", documents: "read" },
  { name: "workflow", seedName: "workflow" },
  { name: "search", seedName: "search", documents: "read" },
  { name: "quality", seedName: "quality", documents: "read" },
  { name: "personalize", seedName: "personalization" },
  { name: "doc-extract", seedName: "document-extraction", documents: "read-write" },
  { name: "conversation", seedName: "conversational" },
  { name: "code", seedName: "code" },
];

const prod = {
  // Seed 004: secondary region us-west-2 with cross-region copies (backups and the backups bucket).
  ...placement({
    project: "genai-services",
    environment: "prod",
    accountId: "633333333333",
    region: "us-east-1",
    drRegion: "us-west-2",
    drEnabled: true,
  }),
  // Seed 004's VPC module: 10.0.0.0/16 over three AZs, one NAT gateway for all of them.
  network: {
    vpcCidr: "10.0.0.0/16",
    availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
    publicSubnetCidrs: ["10.0.101.0/24", "10.0.102.0/24", "10.0.103.0/24"],
    privateSubnetCidrs: ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"],
    databaseSubnetCidrs: ["10.0.201.0/24", "10.0.202.0/24", "10.0.203.0/24"],
    natGateways: "single",
    gatewayEndpoints: ["s3", "dynamodb"],
    interfaceEndpoints: [],
    flowLogs: { enabled: true, retentionDays: 90, trafficType: "ALL" },
  },
  kms: { deletionWindowDays: 30, rotationPeriodDays: 365 },
  // Seed 004's gen-ai-api-keys: one secret holding the model providers' keys, put by an operator.
  secrets: { recoveryWindowDays: 30, externalApiKeys: ["api-keys"], generatedLength: 64 },
  storage: {
    // Seed 004's versioned documents bucket; documents stay until the services delete them.
    documents: { noncurrentExpirationDays: 90, abortIncompleteMultipartUploadDays: 7 },
    logs: logsBucket(365, 30),
  },
  // Seed 004: db.t3.micro, 20 GB, 7 days of backups in 03:00-04:00. PostgreSQL 13.7 is past RDS standard support, so 16.
  database: {
    identifier: "genai-services-prod-postgres",
    engineVersion: "16",
    instanceClass: "db.t4g.micro",
    allocatedStorageGb: 20,
    maxAllocatedStorageGb: 100,
    multiAz: true,
    databaseName: "genai",
    masterUsername: "genai_admin",
    backupRetentionDays: 7,
    backupWindow: "03:00-04:00",
    maintenanceWindow: "sun:04:30-sun:05:30",
    deletionProtection: true,
    finalSnapshot: true,
    performanceInsightsRetentionDays: 7,
    monitoringIntervalSeconds: 60,
    logRetentionDays: 30,
    slowQueryThresholdMs: 1000,
    logStatement: "ddl",
    readReplica: { enabled: false },
    drReplica: { enabled: false },
  },
  // Seed 004: one cache.t3.micro node; prod needs a replica to fail over to.
  cache: {
    replicationGroupId: "genai-services-prod-redis",
    engineVersion: "7.1",
    nodeType: "cache.t4g.micro",
    numCacheClusters: 2,
    automaticFailover: true,
    multiAz: true,
    snapshotRetentionDays: 5,
    snapshotWindow: "02:00-03:00",
    maintenanceWindow: "sun:06:00-sun:07:00",
    maxmemoryPolicy: "allkeys-lru",
    logRetentionDays: 30,
  },
  // One entry per seed service: its own ECR repository, log group, target group on /<seed name>/*, port 8000-8008
  // (the seed's security group opens 8000-8009) and scaling up to 4 tasks (seed: 1-4; prod keeps at least 2).
  services: SERVICES.map((service, i) => ({
    name: service.name,
    imageTag: "v1.0.0",
    cpu: 512,
    memory: 1024,
    containerPort: 8000 + i,
    healthCheckPath: "/health",
    desiredCount: 2,
    minCount: 2,
    maxCount: 4,
    pathPatterns: [`/${service.seedName}/*`],
    priority: 10 * (i + 1),
    environment: { LOG_LEVEL: "info", SERVICE_NAME: service.seedName },
    database: true,
    secrets: {
      REDIS_URL: { secret: "redis-url" },
      API_KEYS: { secret: "api-keys" },
    },
    ...(service.documents ? { documents: { prefix: "documents/", access: service.documents } } : {}),
    autoscaling: { cpuPercent: 70, memoryPercent: 80 },
  })),
  // Seed 004: Container Insights on, service logs kept 30 days.
  ecs: {
    containerInsights: "enabled",
    execEnabled: false,
    logRetentionDays: 30,
    ecr: { keepTaggedImages: 30, untaggedExpiryDays: 7 },
  },
  edge: {
    domain: { name: "api.genai-services.example.com", hostedZoneId: "Z0633333333EXAMPLE" },
    https: true,
    tlsPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
    idleTimeoutSeconds: 120,
    deletionProtection: true,
    waf: {
      rateLimitPer5Min: 10000,
      managedRules: MANAGED_RULES,
      botControl: "off",
      geoBlockCountries: [],
      // Seed 004's services take documents (document-extraction, format-conversion), source files (code) and chat
      // histories (conversational) in the request body, which outgrow the Core Rule Set's 8 KB body cap; the other
      // routes keep it. Source code also reads as cross-site scripting, so /code/ alone relaxes that rule too.
      largeBodyPaths: ["/document-extraction/", "/format-conversion/", "/conversational/", "/code/"],
      scriptBodyPaths: ["/code/"],
      logRetentionDays: 365,
    },
    cloudfront: NO_CLOUDFRONT,
  },
  // Seed 004: daily backups kept 7 days with point-in-time recovery, copied to us-west-2.
  backup: backupPlan({ environment: "prod", completionWindowMinutes: 240, drCopyDays: 30, continuousBackup: true }),
  // Seed 004's alerts: CPU > 80 %, memory > 85 %, free disk < 20 % (of 20 GB); a $1000 budget alerting at 80 %;
  // X-Ray sampling 5 % after one request per second; a multi-region trail.
  observability: {
    alarmEmails: ["genai-platform@example.com"],
    alarmSmsNumbers: [],
    thresholds: {
      countPeriodSeconds: 300,
      http5xxCount: 10,
      targetResponseTimeSeconds: 5,
      ecsCpuPercent: 80,
      ecsMemoryPercent: 85,
      rdsCpuPercent: 80,
      rdsFreeStorageGb: 4,
      rdsConnections: 80,
      rdsReplicaLagSeconds: 60,
      redisCpuPercent: 80,
      redisEngineCpuPercent: 80,
      redisMemoryPercent: 85,
      redisEvictions: 100,
      wafBlockedRequests: 1000,
    },
    dashboard: true,
    cloudTrail: auditTrail(true),
    // Seed 004's budget notifies on actual spend above 80 %; the platform also warns on the forecast and at 100 %.
    budget: { monthlyLimitUsd: 1000, forecastThresholdPercent: 80, actualWarningPercent: 80, actualThresholdPercent: 100 },
    xray: { enabled: true, fixedRate: 0.05, reservoirSize: 1 },
  },
} satisfies EnvironmentInput;

export const genaiServices = { prod };
