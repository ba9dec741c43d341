import { type ConfigIssue, type CrossFieldRule, whenConfigured } from "../schema";
import type { BackupConfig } from "../sections/backup";

/** Days AWS Backup keeps a recovery point in warm storage before cold storage may end it. */
const COLD_STORAGE_MINIMUM_DAYS = 90;
/** AWS Backup keeps continuous (point-in-time) recovery points for at most 35 days. */
const CONTINUOUS_BACKUP_MAX_DAYS = 35;

type Lifecycle = BackupConfig["retention"];

function coldStorageRule(path: (string | number)[], lifecycle: Lifecycle): ConfigIssue[] {
  const cold = lifecycle.coldStorageAfterDays;
  if (cold === undefined || lifecycle.deleteAfterDays >= cold + COLD_STORAGE_MINIMUM_DAYS) return [];
  return [
    {
      path: [...path, "deleteAfterDays"],
      message: `must be at least coldStorageAfterDays + ${COLD_STORAGE_MINIMUM_DAYS} (${cold + COLD_STORAGE_MINIMUM_DAYS}); AWS keeps cold storage for 90 days`,
    },
  ];
}

/** Rules AWS Backup enforces at apply time, checked at load instead. */
export const backupRules: CrossFieldRule[] = whenConfigured(
  ["backup"],
  [
    (c) => coldStorageRule(["backup", "retention"], c.backup.retention),
    (c) => (c.dr.enabled ? coldStorageRule(["backup", "drCopy"], c.backup.drCopy) : []),
    (c) =>
      c.backup.completionWindowMinutes < c.backup.startWindowMinutes + 60
        ? [
            {
              path: ["backup", "completionWindowMinutes"],
              message: `must be at least startWindowMinutes + 60 (${c.backup.startWindowMinutes + 60})`,
            },
          ]
        : [],
    (c) => {
      if (!c.backup.continuousBackup) return [];
      const issues: ConfigIssue[] = [];
      if (c.backup.retention.deleteAfterDays > CONTINUOUS_BACKUP_MAX_DAYS) {
        issues.push({
          path: ["backup", "retention", "deleteAfterDays"],
          message: `must be at most ${CONTINUOUS_BACKUP_MAX_DAYS} days when continuousBackup is on`,
        });
      }
      if (c.backup.retention.coldStorageAfterDays !== undefined) {
        issues.push({
          path: ["backup", "retention", "coldStorageAfterDays"],
          message: "must be absent when continuousBackup is on; continuous recovery points never move to cold storage",
        });
      }
      return issues;
    },
    // With continuous backup AWS Backup owns the instance's backup retention; a different value in the database
    // section would make Terraform and AWS Backup overwrite each other on every apply.
    ({ backup, database }) =>
      database && backup.continuousBackup && backup.retention.deleteAfterDays !== database.backupRetentionDays
        ? [
            {
              path: ["backup", "retention", "deleteAfterDays"],
              message: `must equal database.backupRetentionDays (${database.backupRetentionDays}) when continuousBackup is on`,
            },
          ]
        : [],
    (c) => {
      const lock = c.backup.vaultLock;
      if (!lock.enabled) return [];
      if (lock.minRetentionDays > lock.maxRetentionDays) {
        return [{ path: ["backup", "vaultLock", "minRetentionDays"], message: `must not exceed maxRetentionDays (${lock.maxRetentionDays})` }];
      }
      // A locked vault refuses recovery points whose retention is outside its range, so every job would fail.
      const lifecycles: [string, Lifecycle][] = [["retention", c.backup.retention]];
      if (c.dr.enabled) lifecycles.push(["drCopy", c.backup.drCopy]);
      return lifecycles
        .filter(([, l]) => l.deleteAfterDays < lock.minRetentionDays || l.deleteAfterDays > lock.maxRetentionDays)
        .map(([name]) => ({
          path: ["backup", name, "deleteAfterDays"],
          message: `must be within the vault lock range ${lock.minRetentionDays}-${lock.maxRetentionDays} days`,
        }));
    },
  ],
);
