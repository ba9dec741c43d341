import type { ConfigIssue, CrossFieldRule } from "../schema";
import type { DatabaseConfig } from "../sections/database";
import { dailyOverlapsWeekly, parseDailyWindow, parseWeeklyWindow } from "../windows";

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
    db.appUser === db.masterUsername
      ? [{ path: at("appUser"), message: `must differ from masterUsername (${db.masterUsername}): services never connect as the master user` }]
      : [],
  ({ database: db, services }) =>
    db.migration && !services.some((service) => service.name === db.migration!.service)
      ? [
          {
            path: at("migration", "service"),
            message: `names no configured service "${db.migration.service}"; known: ${services.map((s) => s.name).join(", ")}`,
          },
        ]
      : [],
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
