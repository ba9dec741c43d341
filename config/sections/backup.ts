import { z } from "zod";

/** AWS Backup schedule: a six-field `cron(...)` expression, evaluated in UTC. */
const backupCron = z.string().regex(/^cron\((\S+ ){5}\S+\)$/, "must be an AWS cron expression with six fields, e.g. cron(0 5 ? * * *)");

const days = (what: string) => z.number().int().min(1, `${what} must be at least 1 day`).max(36500, `${what} must be at most 36500 days`);

/** When a recovery point moves to cold storage and when it is deleted (an AWS Backup lifecycle). */
const lifecycleSchema = z.strictObject({
  /** Days after creation the recovery point is deleted. */
  deleteAfterDays: days("retention"),
  /**
   * Days after creation a recovery point moves to cold storage (resource types that support it; others ignore it).
   * @default - never
   */
  coldStorageAfterDays: days("cold storage").optional(),
});

const vaultLockSchema = z.discriminatedUnion("enabled", [
  z.strictObject({ enabled: z.literal(false) }),
  z.strictObject({
    enabled: z.literal(true),
    /** Recovery points with a shorter retention are refused by the vault. */
    minRetentionDays: days("minimum retention"),
    /** Recovery points with a longer retention are refused by the vault. */
    maxRetentionDays: days("maximum retention"),
    /** Grace period during which the lock can still be removed; after it the lock is immutable (compliance mode). */
    changeableForDays: z.number().int().min(3, "must be at least 3 days, the AWS minimum grace period").max(36500, "must be at most 36500 days"),
  }),
]);

export const backupSchema = z.strictObject({
  /** Start of the daily backup rule (UTC), outside the RDS backup and maintenance windows. */
  schedule: backupCron,
  /** Minutes after the scheduled time a job may still start; AWS requires at least 60. */
  startWindowMinutes: z.number().int().min(60, "must be at least 60 minutes, the AWS minimum"),
  /** Minutes a started job may take; AWS requires at least the start window plus 60. */
  completionWindowMinutes: z.number().int().max(40320, "must be at most 40320 minutes (28 days)"),
  /** Lifecycle of recovery points in the primary vault (seed 000: 7 days in prod). */
  retention: lifecycleSchema,
  /** Lifecycle of the copies in the DR-region vault; used only when `dr.enabled`. */
  drCopy: lifecycleSchema,
  /** Point-in-time recovery for RDS through AWS Backup continuous backup (at most 35 days, no cold storage). */
  continuousBackup: z.boolean(),
  /** Vault lock on the vaults (WORM): refuses deletes and out-of-range retention. */
  vaultLock: vaultLockSchema,
  /** Resources carrying this tag are backed up by the plan besides the RDS instance. */
  selectionTag: z.strictObject({
    /** Tag key the backup selection matches. */
    key: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[\w .:/=+\-@]+$/, "must be a valid AWS tag key"),
    /** Tag value the backup selection matches. */
    value: z.string().max(256),
  }),
  /** Days the backups bucket keeps superseded object versions (in both regions). */
  bucketNoncurrentVersionDays: days("noncurrent version retention"),
});

export type BackupConfig = z.infer<typeof backupSchema>;
