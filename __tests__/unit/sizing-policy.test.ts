import { describe, expect, it } from "vitest";
import { type SynthesizedEnvironment, type SynthesizedStack, resourcesOf, synthEnvironment } from "../support/synth";

/**
 * The sizing the default blueprint (config/blueprints/voice-ai.ts) ships, read back from the synthesized stacks: one
 * table per concern, one row per environment, and the rules prod must keep. Resizing an environment is a change of
 * one row here; the stack tests (__tests__/unit/*-stack.test.ts) assert what a stack does with its inputs on small
 * fixtures (__tests__/support/fixtures.ts) and pin no shipped number.
 */

type Env = "dev" | "staging" | "prod";
const ENVS: readonly Env[] = ["dev", "staging", "prod"];
type Table<Row> = Readonly<Record<Env, Row>>;

const NETWORK: Table<{ zones: number; natGateways: number; interfaceEndpoints: string[]; flowLogRetentionDays: number; flowLogTraffic: string }> = {
  dev: { zones: 2, natGateways: 1, interfaceEndpoints: [], flowLogRetentionDays: 30, flowLogTraffic: "REJECT" },
  staging: {
    zones: 2,
    natGateways: 1,
    interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs", "secretsmanager"],
    flowLogRetentionDays: 90,
    flowLogTraffic: "ALL",
  },
  prod: {
    zones: 3,
    natGateways: 3,
    interfaceEndpoints: ["ecr.api", "ecr.dkr", "kms", "logs", "secretsmanager", "ssmmessages"],
    flowLogRetentionDays: 365,
    flowLogTraffic: "ALL",
  },
};

const KEYS_AND_SECRETS: Table<{ kmsDeletionWindowDays: number; secretRecoveryWindowDays: number }> = {
  dev: { kmsDeletionWindowDays: 7, secretRecoveryWindowDays: 0 },
  staging: { kmsDeletionWindowDays: 14, secretRecoveryWindowDays: 7 },
  prod: { kmsDeletionWindowDays: 30, secretRecoveryWindowDays: 30 },
};

/** Days: recordings expire / noncurrent recordings deleted; logs to Glacier / expire / noncurrent logs deleted. */
const STORAGE: Table<{ recordings: [number, number]; logs: [number, number, number] }> = {
  dev: { recordings: [30, 7], logs: [30, 90, 7] },
  staging: { recordings: [90, 30], logs: [30, 180, 30] },
  prod: { recordings: [90, 30], logs: [30, 365, 30] },
};

interface DatabaseRow {
  instanceClass: string;
  storageGb: [allocated: number, max: number];
  multiAz: boolean;
  backupRetentionDays: number;
  deletionProtection: boolean;
  finalSnapshot: boolean;
  logRetentionDays: number;
  performanceInsightsRetentionDays: number;
  monitoringIntervalSeconds: number;
  /** Instance classes of the read replica and the cross-region DR replica; absent when there is none. */
  readReplica?: string;
  drReplica?: string;
}

const DATABASE: Table<DatabaseRow> = {
  dev: {
    instanceClass: "db.t4g.micro",
    storageGb: [20, 50],
    multiAz: false,
    backupRetentionDays: 1,
    deletionProtection: false,
    finalSnapshot: false,
    logRetentionDays: 7,
    performanceInsightsRetentionDays: 7,
    monitoringIntervalSeconds: 60,
  },
  staging: {
    instanceClass: "db.t4g.small",
    storageGb: [50, 200],
    multiAz: false,
    backupRetentionDays: 3,
    deletionProtection: true,
    finalSnapshot: true,
    logRetentionDays: 30,
    performanceInsightsRetentionDays: 7,
    monitoringIntervalSeconds: 60,
  },
  prod: {
    instanceClass: "db.t4g.medium",
    storageGb: [100, 500],
    multiAz: true,
    backupRetentionDays: 7,
    deletionProtection: true,
    finalSnapshot: true,
    logRetentionDays: 90,
    performanceInsightsRetentionDays: 7,
    monitoringIntervalSeconds: 60,
    readReplica: "db.t4g.medium",
    drReplica: "db.t4g.medium",
  },
};

const CACHE: Table<{
  nodeType: string;
  nodes: number;
  automaticFailover: boolean;
  multiAz: boolean;
  snapshotRetentionDays: number;
  logRetentionDays: number;
}> = {
  dev: { nodeType: "cache.t4g.micro", nodes: 1, automaticFailover: false, multiAz: false, snapshotRetentionDays: 0, logRetentionDays: 7 },
  staging: { nodeType: "cache.t4g.micro", nodes: 2, automaticFailover: true, multiAz: false, snapshotRetentionDays: 1, logRetentionDays: 14 },
  prod: { nodeType: "cache.t4g.micro", nodes: 2, automaticFailover: true, multiAz: true, snapshotRetentionDays: 5, logRetentionDays: 30 },
};

interface TaskRow {
  cpu: number;
  memory: number;
  desired: number;
  min: number;
  max: number;
  /** Target-tracking targets: CPU %, memory %, ALB requests per target (absent: no such policy). */
  cpuTarget?: number;
  memoryTarget?: number;
  requestsTarget?: number;
}

/** Both services share their environment's task size and counts; the API also scales on requests (seed 001). */
function tasks(size: Pick<TaskRow, "cpu" | "memory" | "desired" | "min" | "max">): Record<string, TaskRow> {
  return {
    "voice-api": { ...size, cpuTarget: 70, memoryTarget: 80, requestsTarget: 1000 },
    "voice-ws": { ...size, cpuTarget: 70, memoryTarget: 80 },
  };
}

const SERVICES: Table<Record<string, TaskRow>> = {
  dev: tasks({ cpu: 256, memory: 512, desired: 1, min: 1, max: 2 }),
  staging: tasks({ cpu: 512, memory: 1024, desired: 1, min: 1, max: 4 }),
  // Seed 000's API on 1 vCPU / 2 GB, 2-10 tasks.
  prod: tasks({ cpu: 1024, memory: 2048, desired: 2, min: 2, max: 10 }),
};

const CLUSTER: Table<{ containerInsights: string; execEnabled: boolean; logRetentionDays: number; ecrKeepTagged: number; ecrUntaggedDays: number }> =
  {
    dev: { containerInsights: "disabled", execEnabled: true, logRetentionDays: 7, ecrKeepTagged: 10, ecrUntaggedDays: 1 },
    staging: { containerInsights: "enabled", execEnabled: true, logRetentionDays: 30, ecrKeepTagged: 20, ecrUntaggedDays: 3 },
    prod: { containerInsights: "enabled", execEnabled: false, logRetentionDays: 90, ecrKeepTagged: 30, ecrUntaggedDays: 7 },
  };

const EDGE: Table<{
  https: boolean;
  idleTimeoutSeconds: number;
  deletionProtection: boolean;
  wafRateLimitPer5Min: number;
  wafLogRetentionDays: number;
}> = {
  dev: { https: false, idleTimeoutSeconds: 300, deletionProtection: false, wafRateLimitPer5Min: 10000, wafLogRetentionDays: 30 },
  staging: { https: true, idleTimeoutSeconds: 3600, deletionProtection: false, wafRateLimitPer5Min: 30000, wafLogRetentionDays: 90 },
  prod: { https: true, idleTimeoutSeconds: 3600, deletionProtection: true, wafRateLimitPer5Min: 30000, wafLogRetentionDays: 365 },
};

interface BackupRow {
  retentionDays: number;
  /** Days the DR-region copy is kept; absent: no copy. */
  drCopyDays?: number;
  continuousBackup: boolean;
  completionWindowMinutes: number;
  /** min, max and changeable-for days of the vault lock; absent: no lock. */
  vaultLock?: [number, number, number];
  bucketNoncurrentDays: number;
}

const BACKUP: Table<BackupRow> = {
  dev: { retentionDays: 3, continuousBackup: false, completionWindowMinutes: 180, bucketNoncurrentDays: 7 },
  staging: { retentionDays: 7, continuousBackup: false, completionWindowMinutes: 180, bucketNoncurrentDays: 30 },
  prod: { retentionDays: 7, drCopyDays: 30, continuousBackup: true, completionWindowMinutes: 240, vaultLock: [7, 365, 3], bucketNoncurrentDays: 90 },
};

const AUDIT_AND_COST: Table<{ budgetUsd: number; trailLockMode: string; trailRetentionYears: number; trailLogRetentionDays: number }> = {
  dev: { budgetUsd: 175, trailLockMode: "GOVERNANCE", trailRetentionYears: 1, trailLogRetentionDays: 30 },
  staging: { budgetUsd: 325, trailLockMode: "GOVERNANCE", trailRetentionYears: 1, trailLogRetentionDays: 90 },
  // Seed 000: a 7-year immutable audit trail.
  prod: { budgetUsd: 1000, trailLockMode: "COMPLIANCE", trailRetentionYears: 7, trailLogRetentionDays: 365 },
};

/** Seed 003's paging thresholds, the same everywhere: more than 10 5XX in 5 minutes, more than 2 s average response. */
const PAGING = { http5xxCount: 10, countPeriodSeconds: 300, targetResponseTimeSeconds: 2 };

/** Seconds: escalation queue retention and visibility, dead-letter retention; receives before the DLQ. */
const MESSAGING: Table<{
  queueRetention: number;
  visibilityTimeout: number;
  maxReceiveCount: number;
  dlqRetention: number;
  healthCheckInterval: number;
}> = {
  dev: { queueRetention: 86400, visibilityTimeout: 120, maxReceiveCount: 3, dlqRetention: 345600, healthCheckInterval: 30 },
  staging: { queueRetention: 345600, visibilityTimeout: 300, maxReceiveCount: 5, dlqRetention: 1209600, healthCheckInterval: 30 },
  prod: { queueRetention: 345600, visibilityTimeout: 300, maxReceiveCount: 5, dlqRetention: 1209600, healthCheckInterval: 10 },
};

const idOf = (name: string) => name.replace(/-/g, "_");
const only = <T>(record: Record<string, T>): T => {
  const values = Object.values(record);
  expect(values).toHaveLength(1);
  return values[0];
};

/** Every metric alarm of the environment, whichever stack defines it. */
function alarmsOf(synth: SynthesizedEnvironment): Record<string, any>[] {
  const prefix = `${synth.config.environment}-`;
  return synth.stackIds.flatMap((id) => Object.values(resourcesOf(synth.stack(id.slice(prefix.length)), "aws_cloudwatch_metric_alarm")));
}

function databaseRow(rds: SynthesizedStack): DatabaseRow {
  const { rds_instance: primary, rds_read_replica: replica, rds_dr_replica: drReplica } = resourcesOf(rds, "aws_db_instance");
  const logGroups = resourcesOf(rds, "aws_cloudwatch_log_group");
  expect(logGroups.rds_upgrade_log_group.retention_in_days).toBe(logGroups.rds_postgresql_log_group.retention_in_days);
  return {
    instanceClass: primary.instance_class,
    storageGb: [primary.allocated_storage, primary.max_allocated_storage],
    multiAz: primary.multi_az,
    backupRetentionDays: primary.backup_retention_period,
    deletionProtection: primary.deletion_protection,
    finalSnapshot: !primary.skip_final_snapshot,
    logRetentionDays: logGroups.rds_postgresql_log_group.retention_in_days,
    performanceInsightsRetentionDays: primary.performance_insights_retention_period,
    monitoringIntervalSeconds: primary.monitoring_interval,
    ...(replica && { readReplica: replica.instance_class }),
    ...(drReplica && { drReplica: drReplica.instance_class }),
  };
}

function taskRows(ecs: SynthesizedStack, names: string[]): Record<string, TaskRow> {
  const definitions = resourcesOf(ecs, "aws_ecs_task_definition");
  const services = resourcesOf(ecs, "aws_ecs_service");
  const targets = resourcesOf(ecs, "aws_appautoscaling_target");
  const policies = resourcesOf(ecs, "aws_appautoscaling_policy");
  const target = (id: string, kind: string): number | undefined =>
    policies[`${id}_${kind}_scaling`]?.target_tracking_scaling_policy_configuration.target_value;
  return Object.fromEntries(
    names.map((name) => {
      const id = idOf(name);
      const row: TaskRow = {
        cpu: Number(definitions[`${id}_task_definition`].cpu),
        memory: Number(definitions[`${id}_task_definition`].memory),
        desired: services[id].desired_count,
        min: targets[`${id}_scaling`].min_capacity,
        max: targets[`${id}_scaling`].max_capacity,
      };
      for (const [key, kind] of [
        ["cpuTarget", "cpu"],
        ["memoryTarget", "memory"],
        ["requestsTarget", "request"],
      ] as const) {
        const value = target(id, kind);
        if (value !== undefined) row[key] = value;
      }
      return [name, row];
    }),
  );
}

describe.each(ENVS)("%s ships", (env) => {
  const synth = synthEnvironment(env);
  const stack = (component: string) => synth.stack(component);

  it("its network: zones, NAT gateways, interface endpoints, flow logs", () => {
    const vpc = stack("vpc");
    const endpoints = Object.values(resourcesOf(vpc, "aws_vpc_endpoint"));
    expect({
      zones: Object.values(resourcesOf(vpc, "aws_subnet")).filter((s) => s.tags.tier === "public").length,
      natGateways: Object.keys(resourcesOf(vpc, "aws_nat_gateway")).length,
      interfaceEndpoints: endpoints
        .filter((e) => e.vpc_endpoint_type === "Interface")
        .map((e) => String(e.service_name).split(`${synth.config.region}.`)[1])
        .sort(),
      flowLogRetentionDays: only(resourcesOf(vpc, "aws_cloudwatch_log_group")).retention_in_days,
      flowLogTraffic: only(resourcesOf(vpc, "aws_flow_log")).traffic_type,
    }).toEqual(NETWORK[env]);
  });

  it("its key deletion and secret recovery windows", () => {
    const secretsKms = stack("secrets-kms");
    const windows = new Set(Object.values(resourcesOf(secretsKms, "aws_kms_key")).map((k) => k.deletion_window_in_days));
    const recovery = new Set(Object.values(resourcesOf(secretsKms, "aws_secretsmanager_secret")).map((s) => s.recovery_window_in_days));
    expect(windows.size).toBe(1);
    expect(recovery.size).toBe(1);
    expect({ kmsDeletionWindowDays: [...windows][0], secretRecoveryWindowDays: [...recovery][0] }).toEqual(KEYS_AND_SECRETS[env]);
  });

  it("its recordings and logs lifecycles", () => {
    const lifecycles = resourcesOf(stack("storage"), "aws_s3_bucket_lifecycle_configuration");
    const ruleOf = (bucket: string) => {
      const rules = Object.values(lifecycles).filter((l) => l.bucket === `\${aws_s3_bucket.${bucket}.id}`);
      expect(rules).toHaveLength(1);
      return rules[0].rule[0];
    };
    const recordings = ruleOf("recordings_bucket");
    const logs = ruleOf("logs_bucket");
    expect({
      recordings: [recordings.expiration[0].days, recordings.noncurrent_version_expiration[0].noncurrent_days],
      logs: [logs.transition[0].days, logs.expiration[0].days, logs.noncurrent_version_expiration[0].noncurrent_days],
    }).toEqual(STORAGE[env]);
  });

  it("its database: class, storage, Multi-AZ, backups, protection, log retention, replicas", () => {
    expect(databaseRow(stack("rds"))).toEqual(DATABASE[env]);
  });

  it("its cache: node type and count, failover, Multi-AZ, snapshots, log retention", () => {
    const redis = stack("redis");
    const group = resourcesOf(redis, "aws_elasticache_replication_group").redis_replication_group;
    const logGroups = resourcesOf(redis, "aws_cloudwatch_log_group");
    expect(logGroups.redis_engine_log_group.retention_in_days).toBe(logGroups.redis_slow_log_group.retention_in_days);
    expect({
      nodeType: group.node_type,
      nodes: group.num_cache_clusters,
      automaticFailover: group.automatic_failover_enabled,
      multiAz: group.multi_az_enabled,
      snapshotRetentionDays: group.snapshot_retention_limit,
      logRetentionDays: logGroups.redis_slow_log_group.retention_in_days,
    }).toEqual(CACHE[env]);
  });

  it("its services' task sizes, counts and scaling targets", () => {
    const names = synth.config.services.map((s) => s.name);
    expect(names).toEqual(Object.keys(SERVICES[env]));
    expect(taskRows(stack("ecs"), names)).toEqual(SERVICES[env]);
  });

  it("its cluster: Container Insights, ECS Exec, log and image retention", () => {
    const ecs = stack("ecs");
    const services = Object.values(resourcesOf(ecs, "aws_ecs_service"));
    const execs = new Set(services.map((s) => s.enable_execute_command));
    const logGroups = Object.values(resourcesOf(ecs, "aws_cloudwatch_log_group"));
    const retentions = new Set(logGroups.map((g) => g.retention_in_days));
    expect(execs.size).toBe(1);
    expect(retentions.size).toBe(1);
    const rules = Object.values(resourcesOf(stack("registry"), "aws_ecr_lifecycle_policy")).flatMap((p) => JSON.parse(p.policy).rules);
    const kept = new Set(
      rules.filter((r: any) => r.selection.tagStatus === "tagged" || r.selection.tagStatus === "any").map((r: any) => r.selection.countNumber),
    );
    const untagged = new Set(rules.filter((r: any) => r.selection.tagStatus === "untagged").map((r: any) => r.selection.countNumber));
    expect(kept.size).toBe(1);
    expect(untagged.size).toBe(1);
    expect({
      containerInsights: resourcesOf(ecs, "aws_ecs_cluster").cluster.setting[0].value,
      execEnabled: [...execs][0],
      logRetentionDays: [...retentions][0],
      ecrKeepTagged: [...kept][0],
      ecrUntaggedDays: [...untagged][0],
    }).toEqual(CLUSTER[env]);
  });

  it("its edge: HTTPS, idle timeout, deletion protection, WAF rate limit and log retention", () => {
    const edge = stack("edge");
    const alb = resourcesOf(edge, "aws_lb").alb;
    const rate = resourcesOf(edge, "aws_wafv2_web_acl").waf.rule.find((r: any) => r.statement.rate_based_statement);
    expect({
      https: resourcesOf(edge, "aws_lb_listener").https_listener !== undefined,
      idleTimeoutSeconds: alb.idle_timeout,
      deletionProtection: alb.enable_deletion_protection,
      wafRateLimitPer5Min: rate.statement.rate_based_statement.limit,
      wafLogRetentionDays: resourcesOf(edge, "aws_cloudwatch_log_group").waf_logs.retention_in_days,
    }).toEqual(EDGE[env]);
  });

  it("its backups: retention, DR copy, continuous backup, windows, vault lock", () => {
    const backup = stack("backup");
    const [rule] = resourcesOf(backup, "aws_backup_plan").plan.rule;
    const lock = resourcesOf(backup, "aws_backup_vault_lock_configuration").vault_lock;
    const noncurrent = new Set(
      Object.values(resourcesOf(backup, "aws_s3_bucket_lifecycle_configuration")).flatMap((l) =>
        l.rule.map((r: any) => r.noncurrent_version_expiration?.[0]?.noncurrent_days ?? r.noncurrent_version_expiration?.noncurrent_days),
      ),
    );
    expect(noncurrent.size).toBe(1);
    expect({
      retentionDays: rule.lifecycle.delete_after,
      ...(rule.copy_action && { drCopyDays: rule.copy_action[0].lifecycle.delete_after }),
      continuousBackup: rule.enable_continuous_backup,
      completionWindowMinutes: rule.completion_window,
      ...(lock && { vaultLock: [lock.min_retention_days, lock.max_retention_days, lock.changeable_for_days] }),
      bucketNoncurrentDays: [...noncurrent][0],
    }).toEqual(BACKUP[env]);
  });

  it("its budget and audit trail retention", () => {
    const observability = stack("observability");
    const budget = resourcesOf(observability, "aws_budgets_budget").monthly_budget;
    const lock = resourcesOf(observability, "aws_s3_bucket_object_lock_configuration").trail_bucket_object_lock.rule.default_retention;
    expect({
      budgetUsd: Number(budget.limit_amount),
      trailLockMode: lock.mode,
      trailRetentionYears: lock.years,
      trailLogRetentionDays: resourcesOf(observability, "aws_cloudwatch_log_group").trail_log_group.retention_in_days,
    }).toEqual(AUDIT_AND_COST[env]);
  });

  it("seed 003's paging thresholds on 5XX counts and response time", () => {
    const alarms = alarmsOf(synth);
    const fiveXx = alarms.filter((a) => /-5xx$/.test(a.alarm_name));
    const latency = alarms.filter((a) => a.metric_name === "TargetResponseTime");
    expect(fiveXx.length).toBeGreaterThan(synth.config.services.length);
    expect(latency).toHaveLength(synth.config.services.length);
    for (const a of fiveXx) expect([a.threshold, a.period], a.alarm_name).toEqual([PAGING.http5xxCount, PAGING.countPeriodSeconds]);
    for (const a of latency) expect(a.threshold, a.alarm_name).toBe(PAGING.targetResponseTimeSeconds);
  });

  it("its escalation queues and health check interval", () => {
    const queues = resourcesOf(stack("messaging"), "aws_sqs_queue");
    const check = resourcesOf(stack("dns"), "aws_route53_health_check").health_check;
    expect({
      queueRetention: queues.escalation_queue.message_retention_seconds,
      visibilityTimeout: queues.escalation_queue.visibility_timeout_seconds,
      maxReceiveCount: JSON.parse(queues.escalation_queue.redrive_policy).maxReceiveCount,
      dlqRetention: queues.escalation_dlq.message_retention_seconds,
      healthCheckInterval: check.request_interval,
    }).toEqual(MESSAGING[env]);
  });
});

describe("prod keeps seed 000's guarantees", () => {
  const prod = synthEnvironment("prod");
  const zones = prod.config.network!.availabilityZones.length;

  it("runs PostgreSQL Multi-AZ, deletion-protected, with a final snapshot and at least 7 days of backups", () => {
    const primary = resourcesOf(prod.stack("rds"), "aws_db_instance").rds_instance;
    expect(primary).toEqual(expect.objectContaining({ multi_az: true, deletion_protection: true, skip_final_snapshot: false }));
    expect(primary.final_snapshot_identifier).toBe(`${prod.config.database!.identifier}-final`);
    expect(primary.backup_retention_period).toBeGreaterThanOrEqual(7);
  });

  it("runs Redis on at least two nodes with automatic failover across zones and kept snapshots", () => {
    const group = resourcesOf(prod.stack("redis"), "aws_elasticache_replication_group").redis_replication_group;
    expect(group).toEqual(expect.objectContaining({ automatic_failover_enabled: true, multi_az_enabled: true }));
    expect(group.num_cache_clusters).toBeGreaterThanOrEqual(2);
    expect(group.snapshot_retention_limit).toBeGreaterThanOrEqual(1);
  });

  it("runs every service on at least two tasks, never scaling below two, with ECS Exec off", () => {
    const ecs = prod.stack("ecs");
    const targets = resourcesOf(ecs, "aws_appautoscaling_target");
    for (const service of prod.config.services) {
      const id = idOf(service.name);
      expect(resourcesOf(ecs, "aws_ecs_service")[id].desired_count, service.name).toBeGreaterThanOrEqual(2);
      expect(targets[`${id}_scaling`].min_capacity, service.name).toBeGreaterThanOrEqual(2);
      expect(resourcesOf(ecs, "aws_ecs_service")[id].enable_execute_command, service.name).toBe(false);
    }
  });

  it("serves HTTPS only from a deletion-protected ALB", () => {
    const edge = prod.stack("edge");
    expect(resourcesOf(edge, "aws_lb").alb.enable_deletion_protection).toBe(true);
    expect(resourcesOf(edge, "aws_lb_listener").https_listener).toEqual(expect.objectContaining({ port: 443, protocol: "HTTPS" }));
    expect(resourcesOf(edge, "aws_lb_listener").http_listener.default_action).toEqual([expect.objectContaining({ type: "redirect" })]);
  });

  it("has a NAT gateway in every zone, over at least two zones", () => {
    expect(zones).toBeGreaterThanOrEqual(2);
    expect(Object.keys(resourcesOf(prod.stack("vpc"), "aws_nat_gateway"))).toHaveLength(zones);
  });

  it("keeps an immutable audit trail for at least 7 years", () => {
    const lock = resourcesOf(prod.stack("observability"), "aws_s3_bucket_object_lock_configuration").trail_bucket_object_lock;
    expect(lock.rule.default_retention.mode).toBe("COMPLIANCE");
    expect(lock.rule.default_retention.years).toBeGreaterThanOrEqual(7);
  });

  it("copies backups and replicates the database to the DR region", () => {
    expect(resourcesOf(prod.stack("backup"), "aws_backup_plan").plan.rule[0].copy_action).toHaveLength(1);
    expect(resourcesOf(prod.stack("rds"), "aws_db_instance").rds_dr_replica.provider).toBe("aws.dr");
  });
});

describe("across environments", () => {
  it("budgets grow from dev to staging to prod", () => {
    const limits = ENVS.map((env) =>
      Number(resourcesOf(synthEnvironment(env).stack("observability"), "aws_budgets_budget").monthly_budget.limit_amount),
    );
    expect(limits).toEqual([...limits].sort((a, b) => a - b));
    expect(new Set(limits).size).toBe(ENVS.length);
  });

  it("dev runs smaller and fewer tasks than prod", () => {
    const [dev, prod] = (["dev", "prod"] as const).map((env) => synthEnvironment(env));
    for (const service of dev.config.services) {
      const devRow = SERVICES.dev[service.name];
      const prodRow = SERVICES.prod[service.name];
      expect(devRow.cpu).toBeLessThan(prodRow.cpu);
      expect(devRow.max).toBeLessThan(prodRow.max);
    }
    expect(dev.config.services.map((s) => s.name)).toEqual(prod.config.services.map((s) => s.name));
  });
});
