/**
 * Small, explicit environments for stack unit tests: what a stack does with its inputs, independent of what the
 * shipped blueprints choose (that is `__tests__/unit/sizing-policy.test.ts`). `fixtureEnvironment()` is the minimal
 * valid configuration (no optional section, no DR, one service, no domain); the `with*` helpers add one concern each
 * and return a new input, so a test reads as the list of what it needs:
 *
 *   synthFixture(withCache(withDatabase(fixtureEnvironment())))
 *
 * Every value differs from the shipped environments' where it can, so a stack that ignored its config and used a
 * shipped value would fail.
 */
import type { EnvironmentInput } from "../../config";
import { parseEnvironmentConfig } from "../../config";
import { type SynthesizedEnvironment, synthConfig } from "./synth";

type Input = EnvironmentInput;
type Database = NonNullable<Input["database"]>;
type Cache = NonNullable<Input["cache"]>;

export const FIXTURE_PROJECT = "fixture";
export const FIXTURE_ACCOUNT = "123456789012";

/** Subnets of `count` zones of `region` (a, b, c, ...) in 10.99.0.0/16: public .1x, private .2x, database .3x. */
function networkOf(region: string, count: number, withDatabaseTier: boolean) {
  const zones = ["a", "b", "c", "d", "e", "f"].slice(0, count);
  return {
    availabilityZones: zones.map((zone) => `${region}${zone}`),
    publicSubnetCidrs: zones.map((_, i) => `10.99.${10 + i}.0/24`),
    privateSubnetCidrs: zones.map((_, i) => `10.99.${20 + i}.0/24`),
    databaseSubnetCidrs: withDatabaseTier ? zones.map((_, i) => `10.99.${30 + i}.0/24`) : [],
  };
}

/** The minimal valid environment: dev, us-east-1, two zones, one NAT, one service over HTTP, logs bucket only. */
export function fixtureEnvironment(): Input {
  return {
    project: FIXTURE_PROJECT,
    environment: "dev",
    accountId: FIXTURE_ACCOUNT,
    region: "us-east-1",
    dr: { enabled: false, region: "us-west-2" },
    stateBackend: { bucket: `fixture-tfstate-${FIXTURE_ACCOUNT}`, region: "us-east-1", lockTable: "fixture-tfstate-locks" },
    network: {
      vpcCidr: "10.99.0.0/16",
      ...networkOf("us-east-1", 2, false),
      natGateways: "single",
      gatewayEndpoints: ["s3"],
      interfaceEndpoints: [],
      flowLogs: { enabled: true, retentionDays: 14, trafficType: "REJECT" },
    },
    kms: { deletionWindowDays: 10, rotationPeriodDays: 180 },
    secrets: { recoveryWindowDays: 0, externalApiKeys: [], generatedLength: 40 },
    storage: {
      logs: { glacierTransitionDays: 45, expirationDays: 120, noncurrentExpirationDays: 11, abortIncompleteMultipartUploadDays: 2 },
    },
    services: [
      {
        name: "api",
        imageTag: "v0.1.0",
        cpu: 512,
        memory: 1024,
        containerPort: 8080,
        healthCheckPath: "/healthz",
        desiredCount: 1,
        minCount: 1,
        maxCount: 3,
        pathPatterns: ["/*"],
        priority: 100,
        autoscaling: { cpuPercent: 65 },
      },
    ],
    ecs: { containerInsights: "disabled", execEnabled: false, logRetentionDays: 14, ecr: { keepTaggedImages: 5, untaggedExpiryDays: 2 } },
    edge: {
      https: false,
      idleTimeoutSeconds: 120,
      deletionProtection: false,
      waf: {
        rateLimitPer5Min: 2000,
        managedRules: { commonRuleSet: true, knownBadInputs: true, sqlInjection: true, ipReputation: true },
        logRetentionDays: 14,
      },
    },
    backup: {
      schedule: "cron(0 6 ? * * *)",
      startWindowMinutes: 60,
      completionWindowMinutes: 150,
      retention: { deleteAfterDays: 5 },
      drCopy: { deleteAfterDays: 9 },
      continuousBackup: false,
      vaultLock: { enabled: false },
      selectionTag: { key: "backup", value: "true" },
      bucketNoncurrentVersionDays: 12,
    },
    observability: {
      alarmEmails: ["fixture-alerts@example.com"],
      thresholds: {
        countPeriodSeconds: 120,
        http5xxCount: 7,
        targetResponseTimeSeconds: 3,
        ecsCpuPercent: 88,
        ecsMemoryPercent: 87,
        wafBlockedRequests: 400,
      },
      dashboard: false,
      cloudTrail: { multiRegion: false, objectLockMode: "GOVERNANCE", retentionYears: 1, logRetentionDays: 14 },
      budget: { monthlyLimitUsd: 50, forecastThresholdPercent: 80, actualThresholdPercent: 100 },
      xray: { enabled: false },
    },
  };
}

/** A copy of `input` with `edit` applied; helpers use it so no fixture is ever changed in place. */
export function edited(input: Input, edit: (copy: Input) => void): Input {
  const copy = structuredClone(input);
  edit(copy);
  return copy;
}

/** As `input`, in `region` (state backend and zones follow). */
export function inRegion(input: Input, region: string): Input {
  return edited(input, (c) => {
    c.region = region;
    c.stateBackend.region = region;
    Object.assign(c.network!, networkOf(region, c.network!.availabilityZones.length, c.network!.databaseSubnetCidrs!.length > 0));
  });
}

/** As `input` over `count` zones with a NAT gateway per zone (or a single one). */
export function withZones(input: Input, count: number, natGateways: "single" | "per-az"): Input {
  return edited(input, (c) => {
    Object.assign(c.network!, networkOf(c.region, count, c.network!.databaseSubnetCidrs!.length > 0), { natGateways });
  });
}

/** As `input` with DR on: the DR region's provider and key, backup copies there. */
export function withDr(input: Input, region = "us-west-2"): Input {
  return edited(input, (c) => (c.dr = { enabled: true, region }));
}

/** As `input` with the database subnet tier (needed by a database or a cache). */
function withDatabaseTier(c: Input): void {
  if (c.network!.databaseSubnetCidrs!.length === 0) Object.assign(c.network!, networkOf(c.region, c.network!.availabilityZones.length, true));
}

/**
 * As `input` with a PostgreSQL database: single-AZ, unprotected, no replicas unless `overrides` say otherwise, plus
 * the rds alarm thresholds config requires with it.
 */
export function withDatabase(input: Input, overrides: Partial<Database> = {}): Input {
  return edited(input, (c) => {
    withDatabaseTier(c);
    c.database = {
      identifier: `${c.project}-${c.environment}-pg`,
      engineVersion: "16",
      instanceClass: "db.t4g.large",
      allocatedStorageGb: 30,
      maxAllocatedStorageGb: 60,
      multiAz: false,
      databaseName: "fixture_db",
      masterUsername: "fixture_admin",
      backupRetentionDays: 2,
      backupWindow: "02:00-02:30",
      maintenanceWindow: "tue:03:00-tue:03:30",
      deletionProtection: false,
      finalSnapshot: false,
      performanceInsightsRetentionDays: 31,
      monitoringIntervalSeconds: 30,
      logRetentionDays: 14,
      slowQueryThresholdMs: 250,
      logStatement: "mod",
      readReplica: { enabled: false },
      drReplica: { enabled: false },
      ...overrides,
    };
    Object.assign(c.observability!.thresholds, { rdsCpuPercent: 70, rdsFreeStorageGb: 4, rdsConnections: 90, rdsReplicaLagSeconds: 200 });
  });
}

/** As `input` with a one-node Redis (no failover, no snapshots) unless `overrides` say otherwise, plus its thresholds. */
export function withCache(input: Input, overrides: Partial<Cache> = {}): Input {
  return edited(input, (c) => {
    withDatabaseTier(c);
    c.cache = {
      replicationGroupId: `${c.project}-${c.environment}-cache`,
      engineVersion: "7.0",
      nodeType: "cache.t4g.small",
      numCacheClusters: 1,
      automaticFailover: false,
      multiAz: false,
      snapshotRetentionDays: 0,
      snapshotWindow: "01:00-02:00",
      maintenanceWindow: "wed:04:00-wed:05:00",
      maxmemoryPolicy: "allkeys-lfu",
      logRetentionDays: 5,
      ...overrides,
    };
    Object.assign(c.observability!.thresholds, { redisCpuPercent: 70, redisEngineCpuPercent: 71, redisMemoryPercent: 72, redisEvictions: 3 });
  });
}

/** As `input` with the recordings bucket and a service that writes under `recordings/`. */
export function withRecordings(input: Input): Input {
  return edited(input, (c) => {
    c.storage.recordings = { expirationDays: 40, noncurrentExpirationDays: 8, abortIncompleteMultipartUploadDays: 3 };
    c.services![0].recordings = { prefix: "recordings/", access: "read-write" };
  });
}

/** As `input` with third-party API key secrets that operators fill in. */
export function withExternalApiKeys(input: Input, names: string[] = ["vendor-api-key", "sms-auth-token"]): Input {
  return edited(input, (c) => (c.secrets.externalApiKeys = names));
}

/**
 * Everything a data-tier stack can switch on, in one environment (one synth): prod-like, three zones with a NAT
 * each, interface endpoints, DR, recordings, a Multi-AZ protected database with both replicas (the read replica of
 * its own class, the DR replica with security groups of the DR VPC) and a three-node Redis with failover.
 */
export function fullFixture(): Input {
  let input = withZones(fixtureEnvironment(), 3, "per-az");
  input = edited(input, (c) => {
    c.network!.interfaceEndpoints = ["ecr.api", "logs", "sts"];
    c.network!.gatewayEndpoints = ["s3", "dynamodb"];
    c.network!.flowLogs = { enabled: true, retentionDays: 60, trafficType: "ALL" };
    c.secrets.recoveryWindowDays = 9;
  });
  input = withExternalApiKeys(withRecordings(withDr(input)));
  input = withDatabase(input, {
    multiAz: true,
    deletionProtection: true,
    finalSnapshot: true,
    masterPasswordVersion: 3,
    readReplica: { enabled: true, instanceClass: "db.t4g.small" },
    drReplica: { enabled: true, subnetGroupName: "fixture-dr-database", securityGroupIds: ["sg-0123456789abcdef0"] },
  });
  return withCache(input, { numCacheClusters: 3, automaticFailover: true, multiAz: true, snapshotRetentionDays: 4 });
}

const cache = new Map<string, SynthesizedEnvironment>();

/** Validates and synthesizes a fixture input, once per test worker and input. */
export function synthFixture(input: Input): SynthesizedEnvironment {
  const key = JSON.stringify(input);
  let result = cache.get(key);
  if (!result) {
    result = synthConfig(parseEnvironmentConfig(input, "fixture"));
    cache.set(key, result);
  }
  return result;
}
