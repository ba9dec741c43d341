import { z } from "zod";
import type { ConfigIssue, CrossFieldRule } from "../schema";
import { dailyOverlapsWeekly, dailyWindow, parseDailyWindow, parseWeeklyWindow, weeklyWindow } from "../windows";
import { logRetentionDays } from "./common";

/** Suffixes the rds stack appends to `database.identifier` for its replicas. */
export const READ_REPLICA_SUFFIX = "-replica";
export const DR_REPLICA_SUFFIX = "-dr";
const RDS_IDENTIFIER_MAX = 63;

/** RDS DB instance identifier rules: letter first, a-z 0-9 '-', no '--', no trailing '-', at most 63. */
const rdsIdentifier = z
  .string()
  .max(RDS_IDENTIFIER_MAX - READ_REPLICA_SUFFIX.length, `must be at most ${RDS_IDENTIFIER_MAX - READ_REPLICA_SUFFIX.length} characters (replica identifiers append ${READ_REPLICA_SUFFIX})`)
  .regex(/^[a-z][a-z0-9-]*$/, "must start with a lower-case letter and use only a-z, 0-9 and '-'")
  .refine((id) => !id.includes("--") && !id.endsWith("-"), "must not contain '--' or end with '-'");

/** `db.<family>.<size>`, e.g. db.t4g.medium, db.r6g.2xlarge. */
export const rdsInstanceClass = z
  .string()
  .regex(
    /^db\.[a-z][a-z0-9-]*\.(micro|small|medium|large|\d*xlarge|metal)$/,
    "must be an RDS instance class db.<family>.<size> such as db.t4g.medium",
  );

const postgresIdentifier = (what: string) =>
  z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/, `must be a PostgreSQL ${what}: a lower-case letter, then up to 62 of a-z 0-9 _`);

/** Names RDS reserves for itself or PostgreSQL for its templates. */
const RESERVED_NAMES = ["postgres", "rdsadmin", "rdsrepladmin", "rds_superuser", "template0", "template1"];

/** Performance Insights keeps 7 days free, or whole months (31-day steps) up to 731 days. */
const performanceInsightsRetention = z
  .number()
  .int()
  .refine((days) => days === 7 || days === 731 || (days % 31 === 0 && days >= 31 && days <= 713), {
    message: "must be 7, a multiple of 31 up to 713, or 731 days (the retention periods Performance Insights accepts)",
  });

export const databaseSchema = z.strictObject({
  /** DB instance identifier; replicas get `-replica` / `-dr` appended. */
  identifier: rdsIdentifier,
  /** PostgreSQL version: a major (`15`) lets auto minor upgrades move freely, `15.12` pins a minor. */
  engineVersion: z
    .string()
    .regex(/^(1[1-9]|[2-9]\d)(\.\d{1,2})?$/, "must be a PostgreSQL version: a major 11+ (15) or major.minor (15.12)"),
  instanceClass: rdsInstanceClass,
  /** gp3 storage at creation. */
  allocatedStorageGb: z
    .number()
    .int()
    .min(20, "must be at least 20 GB (the RDS PostgreSQL gp3 minimum)")
    .max(65536, "must be at most 65536 GB"),
  /** Storage autoscaling ceiling; equal to allocatedStorageGb turns autoscaling off. */
  maxAllocatedStorageGb: z.number().int().max(65536, "must be at most 65536 GB"),
  /** Synchronous standby in a second AZ. */
  multiAz: z.boolean(),
  /** Database created with the instance. */
  databaseName: postgresIdentifier("database name").refine((n) => !RESERVED_NAMES.includes(n), "is reserved by PostgreSQL or RDS"),
  /** Master user; its password is generated and rotated by RDS in Secrets Manager. */
  masterUsername: postgresIdentifier("user name").refine((n) => !RESERVED_NAMES.includes(n), "is reserved by PostgreSQL or RDS"),
  /** Days of automated backups (point-in-time recovery); 0 turns backups off. */
  backupRetentionDays: z.number().int().min(0, "must be between 0 and 35 days").max(35, "must be between 0 and 35 days"),
  /** Daily UTC backup window, at least 30 minutes. */
  backupWindow: dailyWindow(30),
  /** Weekly UTC maintenance window, at least 30 minutes, not overlapping the backup window. */
  maintenanceWindow: weeklyWindow(30),
  deletionProtection: z.boolean(),
  /** Take a final snapshot when the instance is destroyed. */
  finalSnapshot: z.boolean(),
  performanceInsightsRetentionDays: performanceInsightsRetention,
  /** Enhanced monitoring granularity. */
  monitoringIntervalSeconds: z
    .number()
    .refine((s) => [1, 5, 10, 15, 30, 60].includes(s), "must be one of 1, 5, 10, 15, 30, 60 seconds"),
  /** Retention of the exported postgresql/upgrade logs. */
  logRetentionDays,
  /** `log_min_duration_statement`: statements slower than this are logged; -1 turns it off. */
  slowQueryThresholdMs: z.number().int().min(-1, "must be -1 (off) or a number of milliseconds"),
  /** `log_statement`: which statements are logged in full (`mod`/`all` log bound values, i.e. personal data). */
  logStatement: z.enum(["none", "ddl", "mod", "all"]),
  /** Same-region read replica (seed 000). */
  readReplica: z.strictObject({
    enabled: z.boolean(),
    /** @default - the primary's instance class */
    instanceClass: rdsInstanceClass.optional(),
  }),
  /**
   * Cross-region replica in the DR region, encrypted with the DR key. The DR region has no VPC of ours, so the
   * operator names a DB subnet group (and optionally security groups) that exists there.
   */
  drReplica: z.strictObject({
    enabled: z.boolean(),
    /** @default - the primary's instance class */
    instanceClass: rdsInstanceClass.optional(),
    /** DB subnet group in the DR region; required when enabled. */
    subnetGroupName: z
      .string()
      .regex(/^[a-z0-9][a-z0-9 ._-]{0,254}$/, "must be a DB subnet group name: lower-case a-z 0-9 space . _ -")
      .refine((name) => name !== "default", "must not be the default subnet group")
      .optional(),
    /** Security groups of the DR VPC; empty means that VPC's default group. */
    securityGroupIds: z.array(z.string().regex(/^sg-[0-9a-f]{8,17}$/, "must be a security group id sg-...")).default([]),
  }),
});

export type DatabaseConfig = z.infer<typeof databaseSchema>;

/** An environment that has a database: the rules below only run for those. */
type Config = Parameters<CrossFieldRule>[0] & { database: DatabaseConfig };
const at = (field: string, ...rest: string[]) => ["database", field, ...rest];

const rules: ((config: Config) => ConfigIssue[])[] = [
  ({ database: db }) =>
    db.maxAllocatedStorageGb < db.allocatedStorageGb
      ? [{ path: at("maxAllocatedStorageGb"), message: `must be at least allocatedStorageGb (${db.allocatedStorageGb})` }]
      : [],
  ({ database: db }) => {
    const backup = parseDailyWindow(db.backupWindow);
    const maintenance = parseWeeklyWindow(db.maintenanceWindow);
    return backup && maintenance && dailyOverlapsWeekly(backup, maintenance)
      ? [{ path: at("maintenanceWindow"), message: `must not overlap backupWindow (${db.backupWindow})` }]
      : [];
  },
  ({ project, environment, database: db }) =>
    db.identifier.startsWith(`${project}-${environment}-`)
      ? []
      : [{ path: at("identifier"), message: `must start with ${project}-${environment}- so environments never collide` }],
  ({ database: db }) =>
    (db.readReplica.enabled || db.drReplica.enabled) && db.backupRetentionDays < 1
      ? [{ path: at("backupRetentionDays"), message: "must be at least 1 day when a read or DR replica is enabled (RDS replicates from backups)" }]
      : [],
  drReplicaRule,
  prodDatabaseRule,
];

export const databaseRules: CrossFieldRule[] = rules.map((rule) => (c) => (c.database ? rule({ ...c, database: c.database }) : []));

function drReplicaRule({ dr, database: db }: Config): ConfigIssue[] {
  if (!db.drReplica.enabled) return [];
  const issues: ConfigIssue[] = [];
  if (!dr.enabled) issues.push({ path: at("drReplica", "enabled"), message: "requires dr.enabled (the DR region's provider and KMS key)" });
  if (!db.drReplica.subnetGroupName) {
    issues.push({
      path: at("drReplica", "subnetGroupName"),
      message: `is required when the DR replica is enabled: name a DB subnet group that exists in ${dr.region}`,
    });
  }
  return issues;
}

/** Prod keeps seed 000's guarantees; a config edit must not quietly remove them. */
function prodDatabaseRule({ environment, database: db }: Config): ConfigIssue[] {
  if (environment !== "prod") return [];
  const issues: ConfigIssue[] = [];
  if (db.backupRetentionDays < 7) issues.push({ path: at("backupRetentionDays"), message: "must be at least 7 days in prod" });
  if (!db.multiAz) issues.push({ path: at("multiAz"), message: "must be true in prod" });
  if (!db.deletionProtection) issues.push({ path: at("deletionProtection"), message: "must be true in prod" });
  if (!db.finalSnapshot) issues.push({ path: at("finalSnapshot"), message: "must be true in prod" });
  return issues;
}
