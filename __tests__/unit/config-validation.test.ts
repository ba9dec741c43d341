import { describe, expect, it } from "vitest";
import { ConfigError, parseEnvironmentConfig } from "../../config";
import { withEdit } from "../support/config";

type Edit = (raw: any) => void;

function problemsOf(input: unknown): readonly { path: string; message: string }[] {
  try {
    parseEnvironmentConfig(input, "test");
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

interface BadInput {
  readonly env: string;
  readonly what: string;
  readonly edit: Edit;
  /** Field path the error must name, exactly as ConfigError prints it. */
  readonly path: string;
  /** The rule the message must state. */
  readonly rule: RegExp;
  /** Needs the optional dynamodb/functions/identity/parameters sections. */
  readonly optionalSections?: boolean;
}

/** One row per rule, over every section: the edit, the field it must name and the rule it must state. */
const BAD_INPUTS: readonly BadInput[] = [
  // top level
  { env: "prod", what: "short account id", edit: (r) => (r.accountId = "12345"), path: "accountId", rule: /12-digit AWS account id/ },
  { env: "prod", what: "region without its number", edit: (r) => (r.region = "us-east"), path: "region", rule: /AWS region name/ },
  { env: "prod", what: "DR in the primary region", edit: (r) => (r.dr.region = "us-east-1"), path: "dr.region", rule: /must differ from region/ },
  {
    env: "dev",
    what: "a tag the stacks set",
    edit: (r) => (r.tags.Environment = "x"),
    path: "tags.Environment",
    rule: /set by the stacks themselves/,
  },
  { env: "dev", what: "project with capitals", edit: (r) => (r.project = "Voice_AI"), path: "project", rule: /2-32 characters of a-z, 0-9 and '-'/ },
  // stateBackend
  {
    env: "dev",
    what: "state bucket shaped like an IP",
    edit: (r) => (r.stateBackend.bucket = "192.168.10.1"),
    path: "stateBackend.bucket",
    rule: /must not look like an IP address/,
  },
  {
    env: "dev",
    what: "state key that is neither ARN nor alias",
    edit: (r) => (r.stateBackend.kmsKeyId = "my-key"),
    path: "stateBackend.kmsKeyId",
    rule: /KMS key ARN or alias/,
  },
  {
    env: "dev",
    what: "emulator endpoint off the machine",
    edit: (r) => (r.stateBackend.localEmulator = { s3: "http://s3.example.com", dynamodb: "http://127.0.0.1:4567" }),
    path: "stateBackend.localEmulator.s3",
    rule: /127\.0\.0\.1, localhost or \[::1\]/,
  },
  // network
  {
    env: "prod",
    what: "VPC larger than /16",
    edit: (r) => (r.network.vpcCidr = "10.0.0.0/8"),
    path: "network.vpcCidr",
    rule: /between \/16 and \/28/,
  },
  { env: "prod", what: "CIDR with host bits", edit: (r) => (r.network.vpcCidr = "10.0.0.1/16"), path: "network.vpcCidr", rule: /no host bits set/ },
  {
    env: "prod",
    what: "overlapping subnets",
    edit: (r) => (r.network.databaseSubnetCidrs[2] = r.network.privateSubnetCidrs[2]),
    path: "network.databaseSubnetCidrs.2",
    rule: /overlaps network\.privateSubnetCidrs\.2/,
  },
  {
    env: "prod",
    what: "subnet below /28",
    edit: (r) => (r.network.publicSubnetCidrs[0] = "10.0.1.0/29"),
    path: "network.publicSubnetCidrs.0",
    rule: /smaller than \/28/,
  },
  {
    env: "prod",
    what: "subnet outside the VPC",
    edit: (r) => (r.network.privateSubnetCidrs[1] = "172.16.0.0/24"),
    path: "network.privateSubnetCidrs.1",
    rule: /outside the VPC block/,
  },
  {
    env: "prod",
    what: "AZ without subnets",
    edit: (r) => r.network.availabilityZones.push("us-east-1d"),
    path: "network.databaseSubnetCidrs",
    rule: /one subnet per availability zone \(4\), got 3/,
  },
  {
    env: "dev",
    what: "a single AZ",
    edit: (r) => (r.network.availabilityZones = ["us-east-1a"]),
    path: "network.availabilityZones",
    rule: /at least 2 availability zones/,
  },
  {
    env: "prod",
    what: "AZ of another region",
    edit: (r) => (r.network.availabilityZones[1] = "us-west-2b"),
    path: "network.availabilityZones.1",
    rule: /must be in region us-east-1/,
  },
  {
    env: "dev",
    what: "flow-log retention CloudWatch rejects",
    edit: (r) => (r.network.flowLogs.retentionDays = 45),
    path: "network.flowLogs.retentionDays",
    rule: /CloudWatch Logs retention values/,
  },
  // kms, secrets
  {
    env: "prod",
    what: "KMS deletion window above 30 days",
    edit: (r) => (r.kms.deletionWindowDays = 31),
    path: "kms.deletionWindowDays",
    rule: /at most 30 days/,
  },
  {
    env: "dev",
    what: "KMS deletion window below 7 days",
    edit: (r) => (r.kms.deletionWindowDays = 6),
    path: "kms.deletionWindowDays",
    rule: /at least 7 days/,
  },
  {
    env: "dev",
    what: "KMS rotation under 90 days",
    edit: (r) => (r.kms.rotationPeriodDays = 30),
    path: "kms.rotationPeriodDays",
    rule: /at least 90 days/,
  },
  {
    env: "dev",
    what: "secret recovery window of 5 days",
    edit: (r) => (r.secrets.recoveryWindowDays = 5),
    path: "secrets.recoveryWindowDays",
    rule: /0 or between 7 and 30 days/,
  },
  {
    env: "prod",
    what: "migrations from a service that does not exist",
    edit: (r) => (r.database.migration = { service: "nope", command: ["migrate"] }),
    path: "database.migration.service",
    rule: /names no configured service "nope"/,
  },
  {
    env: "dev",
    what: "a secret name ending like an ARN suffix",
    edit: (r) => (r.secrets.externalApiKeys = ["stripe-secret"]),
    path: "secrets.externalApiKeys.0",
    rule: /must not end with a hyphen followed by six characters/,
  },
  {
    env: "dev",
    what: "generated secrets too short",
    edit: (r) => (r.secrets.generatedLength = 16),
    path: "secrets.generatedLength",
    rule: /at least 32 characters/,
  },
  // storage
  {
    env: "prod",
    what: "logs expiring before their Glacier transition",
    edit: (r) => (r.storage.logs.expirationDays = 30),
    path: "storage.logs.expirationDays",
    rule: /greater than glacierTransitionDays/,
  },
  {
    env: "dev",
    what: "recordings expiring after 0 days",
    edit: (r) => (r.storage.recordings.expirationDays = 0),
    path: "storage.recordings.expirationDays",
    rule: /at least 1 day/,
  },
  // database
  {
    env: "prod",
    what: "RDS identifier with capitals",
    edit: (r) => (r.database.identifier = "Voice-ai-prod-db"),
    path: "database.identifier",
    rule: /lower-case letter/,
  },
  {
    env: "prod",
    what: "RDS identifier of another environment",
    edit: (r) => (r.database.identifier = "voice-ai-dev-db"),
    path: "database.identifier",
    rule: /must start with voice-ai-prod-/,
  },
  {
    env: "prod",
    what: "instance class without db.",
    edit: (r) => (r.database.instanceClass = "t4g.medium"),
    path: "database.instanceClass",
    rule: /RDS instance class/,
  },
  {
    env: "dev",
    what: "gp3 storage under 20 GB",
    edit: (r) => (r.database.allocatedStorageGb = 10),
    path: "database.allocatedStorageGb",
    rule: /at least 20 GB/,
  },
  {
    env: "prod",
    what: "storage ceiling below the allocation",
    edit: (r) => (r.database.maxAllocatedStorageGb = 50),
    path: "database.maxAllocatedStorageGb",
    rule: /at least allocatedStorageGb \(100\)/,
  },
  { env: "prod", what: "single-AZ prod database", edit: (r) => (r.database.multiAz = false), path: "database.multiAz", rule: /must be true in prod/ },
  {
    env: "prod",
    what: "prod database without a final snapshot",
    edit: (r) => (r.database.finalSnapshot = false),
    path: "database.finalSnapshot",
    rule: /must be true in prod/,
  },
  {
    env: "prod",
    what: "maintenance during the backup window",
    edit: (r) => (r.database.maintenanceWindow = "tue:03:30-tue:04:30"),
    path: "database.maintenanceWindow",
    rule: /must not overlap backupWindow/,
  },
  {
    env: "prod",
    what: "Performance Insights retention of 30 days",
    edit: (r) => (r.database.performanceInsightsRetentionDays = 30),
    path: "database.performanceInsightsRetentionDays",
    rule: /7, a multiple of 31/,
  },
  {
    env: "prod",
    what: "DR replica without a subnet group",
    edit: (r) => delete r.database.drReplica.subnetGroupName,
    path: "database.drReplica.subnetGroupName",
    rule: /required when the DR replica is enabled/,
  },
  {
    env: "dev",
    what: "reserved database name",
    edit: (r) => (r.database.databaseName = "postgres"),
    path: "database.databaseName",
    rule: /reserved by PostgreSQL or RDS/,
  },
  // cache
  {
    env: "prod",
    what: "node type without cache.",
    edit: (r) => (r.cache.nodeType = "t4g.micro"),
    path: "cache.nodeType",
    rule: /ElastiCache node type/,
  },
  {
    env: "dev",
    what: "failover with one node",
    edit: (r) => (r.cache.automaticFailover = true),
    path: "cache.numCacheClusters",
    rule: /at least 2 when automaticFailover/,
  },
  { env: "dev", what: "Multi-AZ without failover", edit: (r) => (r.cache.multiAz = true), path: "cache.multiAz", rule: /requires automaticFailover/ },
  { env: "prod", what: "seven cache nodes", edit: (r) => (r.cache.numCacheClusters = 7), path: "cache.numCacheClusters", rule: /between 1 and 6/ },
  { env: "prod", what: "Redis 5", edit: (r) => (r.cache.engineVersion = "5.0"), path: "cache.engineVersion", rule: /major 6 or 7/ },
  // services
  {
    env: "prod",
    what: "Fargate memory that does not pair with the CPU",
    edit: (r) => (r.services[0].memory = 1024),
    path: "services.0.memory",
    rule: /does not pair with 1024 CPU on Fargate/,
  },
  { env: "prod", what: "a CPU size Fargate lacks", edit: (r) => (r.services[0].cpu = 768), path: "services.0.cpu", rule: /Fargate CPU size/ },
  {
    env: "prod",
    what: "privileged container port",
    edit: (r) => (r.services[0].containerPort = 80),
    path: "services.0.containerPort",
    rule: /1024-65535/,
  },
  {
    env: "dev",
    what: "minCount above maxCount",
    edit: (r) => (r.services[0].minCount = 3),
    path: "services.0.minCount",
    rule: /must not exceed maxCount/,
  },
  {
    env: "prod",
    what: "one task in prod",
    edit: (r) => Object.assign(r.services[0], { minCount: 1, desiredCount: 1 }),
    path: "services.0.minCount",
    rule: /at least 2 in prod/,
  },
  {
    env: "dev",
    what: "the same path routed twice",
    edit: (r) => (r.services[1].pathPatterns = ["/*"]),
    path: "services.1.pathPatterns.0",
    rule: /routes "\/\*" a second time/,
  },
  {
    env: "dev",
    what: "duplicate rule priority",
    edit: (r) => (r.services[1].priority = r.services[0].priority),
    path: "services.1.priority",
    rule: /duplicates listener rule priority/,
  },
  {
    env: "dev",
    what: "a credential in the environment",
    edit: (r) => (r.services[0].environment.STRIPE_API_KEY = "x"),
    path: "services.0.environment.STRIPE_API_KEY",
    rule: /names a credential/,
  },
  {
    env: "dev",
    what: "a secret nobody creates",
    edit: (r) => (r.services[0].secrets.X_KEY = { secret: "nope" }),
    path: "services.0.secrets.X_KEY.secret",
    rule: /names no known secret "nope"/,
  },
  {
    env: "dev",
    what: "'latest' image tag",
    edit: (r) => (r.services[0].imageTag = "latest"),
    path: "services.0.imageTag",
    rule: /must not be 'latest'/,
  },
  // ecs
  {
    env: "prod",
    what: "prod without Container Insights",
    edit: (r) => (r.ecs.containerInsights = "disabled"),
    path: "ecs.containerInsights",
    rule: /must not be disabled in prod/,
  },
  {
    env: "dev",
    what: "untagged images kept 0 days",
    edit: (r) => (r.ecs.ecr.untaggedExpiryDays = 0),
    path: "ecs.ecr.untaggedExpiryDays",
    rule: /at least 1 day/,
  },
  // edge
  { env: "prod", what: "prod on plain HTTP", edit: (r) => (r.edge.https = false), path: "edge.https", rule: /must be true in prod/ },
  { env: "dev", what: "HTTPS without a domain", edit: (r) => (r.edge.https = true), path: "edge.https", rule: /requires edge\.domain/ },
  {
    env: "prod",
    what: "WAF rate limit under 10",
    edit: (r) => (r.edge.waf.rateLimitPer5Min = 5),
    path: "edge.waf.rateLimitPer5Min",
    rule: /at least 10 requests per 5 minutes/,
  },
  {
    env: "prod",
    what: "WAF rate limit over 2e9",
    edit: (r) => (r.edge.waf.rateLimitPer5Min = 3_000_000_000),
    path: "edge.waf.rateLimitPer5Min",
    rule: /at most 2,000,000,000/,
  },
  {
    env: "prod",
    what: "TLS 1.0 policy",
    edit: (r) => (r.edge.tlsPolicy = "ELBSecurityPolicy-2016-08"),
    path: "edge.tlsPolicy",
    rule: /TLS 1\.3 security policy/,
  },
  {
    env: "prod",
    what: "unknown country",
    edit: (r) => (r.edge.waf.geoBlockCountries = ["XX"]),
    path: "edge.waf.geoBlockCountries.0",
    rule: /ISO 3166-1 alpha-2/,
  },
  {
    env: "prod",
    what: "idle timeout too short for WebSockets",
    edit: (r) => (r.edge.idleTimeoutSeconds = 60),
    path: "edge.idleTimeoutSeconds",
    rule: /at least 300 seconds while a sticky/,
  },
  {
    env: "prod",
    what: "domain in capitals",
    edit: (r) => (r.edge.domain.name = "API.Example.com"),
    path: "edge.domain.name",
    rule: /lower-case fully qualified domain name/,
  },
  // backup
  {
    env: "dev",
    what: "deleted before cold storage's 90 days",
    edit: (r) => (r.backup.retention = { deleteAfterDays: 100, coldStorageAfterDays: 30 }),
    path: "backup.retention.deleteAfterDays",
    rule: /at least coldStorageAfterDays \+ 90/,
  },
  {
    env: "prod",
    what: "start window under an hour",
    edit: (r) => (r.backup.startWindowMinutes = 30),
    path: "backup.startWindowMinutes",
    rule: /at least 60 minutes/,
  },
  {
    env: "prod",
    what: "completion window shorter than start + 60",
    edit: (r) => (r.backup.completionWindowMinutes = 90),
    path: "backup.completionWindowMinutes",
    rule: /at least startWindowMinutes \+ 60/,
  },
  { env: "dev", what: "schedule that is not cron", edit: (r) => (r.backup.schedule = "daily"), path: "backup.schedule", rule: /AWS cron expression/ },
  {
    env: "prod",
    what: "vault lock range upside down",
    edit: (r) => (r.backup.vaultLock.minRetentionDays = 400),
    path: "backup.vaultLock.minRetentionDays",
    rule: /must not exceed maxRetentionDays/,
  },
  {
    env: "prod",
    what: "copy retention outside the vault lock",
    edit: (r) => (r.backup.drCopy.deleteAfterDays = 500),
    path: "backup.drCopy.deleteAfterDays",
    rule: /within the vault lock range 7-365/,
  },
  {
    env: "prod",
    what: "PITR longer than 35 days",
    edit: (r) => (r.backup.retention.deleteAfterDays = 60),
    path: "backup.retention.deleteAfterDays",
    rule: /at most 35 days when continuousBackup/,
  },
  // observability
  {
    env: "dev",
    what: "no alarm recipient",
    edit: (r) => (r.observability.alarmEmails = []),
    path: "observability.alarmEmails",
    rule: /at least one address/,
  },
  {
    env: "dev",
    what: "alarm email that is not one",
    edit: (r) => (r.observability.alarmEmails = ["ops"]),
    path: "observability.alarmEmails.0",
    rule: /email address/,
  },
  {
    env: "dev",
    what: "forecast notice after the actual one",
    edit: (r) => (r.observability.budget.forecastThresholdPercent = 120),
    path: "observability.budget.forecastThresholdPercent",
    rule: /below actualThresholdPercent/,
  },
  {
    env: "dev",
    what: "alarm period of 90 s",
    edit: (r) => (r.observability.thresholds.countPeriodSeconds = 90),
    path: "observability.thresholds.countPeriodSeconds",
    rule: /multiple of 60 seconds/,
  },
  {
    env: "prod",
    what: "prod trail in governance mode",
    edit: (r) => (r.observability.cloudTrail.objectLockMode = "GOVERNANCE"),
    path: "observability.cloudTrail.objectLockMode",
    rule: /COMPLIANCE in prod/,
  },
  {
    env: "dev",
    what: "SMS number not in E.164",
    edit: (r) => (r.observability.alarmSmsNumbers = ["555-0100"]),
    path: "observability.alarmSmsNumbers.0",
    rule: /E\.164/,
  },
  // messaging
  {
    env: "dev",
    what: "queue retention under a minute",
    edit: (r) => (r.messaging.escalationQueue.messageRetentionSeconds = 30),
    path: "messaging.escalationQueue.messageRetentionSeconds",
    rule: /at least 60 seconds/,
  },
  {
    env: "dev",
    what: "messaging for an unknown service",
    edit: (r) => (r.messaging.appServices = ["billing"]),
    path: "messaging.appServices.0",
    rule: /names no service in services/,
  },
  // optional sections
  {
    env: "prod",
    optionalSections: true,
    what: "prod table without PITR",
    edit: (r) => (r.dynamodb.tables[0].pointInTimeRecovery = false),
    path: "dynamodb.tables.0.pointInTimeRecovery",
    rule: /must be true in prod/,
  },
  {
    env: "dev",
    optionalSections: true,
    what: "Lambda timeout over 15 minutes",
    edit: (r) => (r.functions[0].timeoutSeconds = 901),
    path: "functions.0.timeoutSeconds",
    rule: /at most 900 seconds/,
  },
  {
    env: "dev",
    optionalSections: true,
    what: "Cognito password under 8 characters",
    edit: (r) => (r.identity.passwordPolicy.minimumLength = 6),
    path: "identity.passwordPolicy.minimumLength",
    rule: /at least 8 characters/,
  },
];

describe("bad input never reaches Terraform", () => {
  it("covers at least 40 rules in every section", () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40);
    const sections = new Set(BAD_INPUTS.map((b) => b.path.split(".")[0]));
    const schemaSections = [
      "stateBackend",
      "network",
      "kms",
      "secrets",
      "storage",
      "database",
      "cache",
      "services",
      "ecs",
      "edge",
      "backup",
      "observability",
      "messaging",
      "dynamodb",
      "functions",
      "identity",
    ];
    expect([...sections]).toEqual(expect.arrayContaining(schemaSections));
  });

  it.each(BAD_INPUTS.map((b) => [`${b.env}: ${b.what}`, b] as const))("%s", (_name, bad) => {
    const problems = problemsOf(withEdit(bad.env, bad.edit, bad.optionalSections));
    expect(problems, `problems were:\n${problems.map((p) => `${p.path}: ${p.message}`).join("\n")}`).toContainEqual({
      path: bad.path,
      message: expect.stringMatching(bad.rule),
    });
  });

  it("reports the problems of every section at once, with their values", () => {
    const problems = problemsOf(
      withEdit("prod", (r) => {
        r.kms.deletionWindowDays = 3;
        r.database.allocatedStorageGb = 10;
        r.cache.numCacheClusters = 9;
        r.services[0].containerPort = 22;
        r.edge.https = false;
        r.backup.startWindowMinutes = 5;
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "kms.deletionWindowDays", message: "must be at least 7 days (got 3)" },
        { path: "database.allocatedStorageGb", message: expect.stringMatching(/at least 20 GB .*\(got 10\)/) },
        { path: "cache.numCacheClusters", message: "must be between 1 and 6 (got 9)" },
        { path: "services.0.containerPort", message: expect.stringMatching(/1024-65535.*\(got 22\)/) },
        { path: "backup.startWindowMinutes", message: expect.stringMatching(/at least 60 minutes.*\(got 5\)/) },
      ]),
    );
  });
});
