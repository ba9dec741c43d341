import { z } from "zod";

const days = z.number().int().min(1, "must be at least 1 day").max(36500, "must be at most 36500 days");

export const storageSchema = z.strictObject({
  /** Call recordings (seed 000): versioned, KMS-encrypted, deleted after a while. Absent: no recordings bucket. */
  recordings: z
    .strictObject({
      /** Current recordings expire (become noncurrent) after this many days. */
      expirationDays: days,
      /** Noncurrent versions are deleted this many days after they stop being current. */
      noncurrentExpirationDays: days,
      /** Incomplete multipart uploads are aborted after this many days. */
      abortIncompleteMultipartUploadDays: days,
    })
    .optional(),
  /**
   * Application documents (seed 004's documents bucket): versioned, KMS-encrypted, current versions kept until the
   * application deletes them. Absent: no documents bucket.
   */
  documents: z
    .strictObject({
      /** Overwritten or deleted documents stay recoverable this many days. */
      noncurrentExpirationDays: days,
      /** Incomplete multipart uploads are aborted after this many days. */
      abortIncompleteMultipartUploadDays: days,
    })
    .optional(),
  /**
   * Build artifacts the functions run from (seed 002: zip packages, key per function in `functions[].code`), put by
   * CI before the functions stack deploys: versioned, KMS-encrypted. Absent: no artifacts bucket.
   */
  artifacts: z
    .strictObject({
      /** Superseded artifact versions stay this many days, long enough to roll a function back by version. */
      noncurrentExpirationDays: days,
      /** Incomplete multipart uploads are aborted after this many days. */
      abortIncompleteMultipartUploadDays: days,
    })
    .optional(),
  /**
   * Users' files (seed 002's S3 file storage): versioned, KMS-encrypted, in S3 Intelligent-Tiering from upload
   * (seed 002's cost section). Absent: no files bucket.
   */
  files: z
    .strictObject({
      /** Objects move to Intelligent-Tiering this many days after upload (0: at once). */
      intelligentTieringDays: z.number().int().min(0, "must be at least 0 days").max(36500, "must be at most 36500 days"),
      /** Days without access before Intelligent-Tiering's Archive Access tier (90-730); absent: no archive tier. */
      archiveAccessDays: z.number().int().min(90, "must be at least 90 days (S3's minimum)").max(730, "must be at most 730 days").optional(),
      /** Overwritten or deleted files stay recoverable this many days. */
      noncurrentExpirationDays: days,
      /** Origins whose pages upload and download directly (presigned URLs), e.g. the frontend's. */
      corsOrigins: z.array(z.url({ protocol: /^https$/, error: "must be an https:// origin" })).default([]),
    })
    .optional(),
  /** ALB and S3 server access logs (seed 000: to Glacier after 30 days). */
  logs: z.strictObject({
    /** Days after which log objects move to Glacier. */
    glacierTransitionDays: days,
    /** Must come after the Glacier transition. */
    expirationDays: days,
    /** Days a superseded log object version is kept. */
    noncurrentExpirationDays: days,
    /** Days before an unfinished multipart upload is cleaned up. */
    abortIncompleteMultipartUploadDays: days,
  }),
});

export type StorageConfig = z.infer<typeof storageSchema>;

/** Buckets of the storage stack; other stacks name theirs with `bucketNameFor` too (SecureBucket checks them at synth). */
export const STORAGE_BUCKET_PURPOSES = ["recordings", "documents", "artifacts", "files", "logs"] as const;

/**
 * Globally unique bucket name `<project>-<env>-<purpose>-<accountId>`: the account id makes it unique across AWS,
 * the prefix across environments.
 */
export function bucketNameFor(
  config: { readonly project: string; readonly environment: string; readonly accountId: string },
  purpose: string,
): string {
  return `${config.project}-${config.environment}-${purpose}-${config.accountId}`;
}
