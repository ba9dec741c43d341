import type { Construct } from "constructs";
import { bucketNameFor } from "../config/sections/storage";
import { FilesBucket } from "../constructs/files-bucket";
import { albAccessLogStatements, s3AccessLogStatements } from "../constructs/log-delivery-policy";
import { SecureBucket, type SecureBucketLifecycleRule } from "../constructs/secure-bucket";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface StorageStackProps extends Omit<PlatformStackProps, "component"> {
  /**
   * CMK (from secrets-kms) that encrypts the recordings, documents, artifacts and files buckets.
   * @default - none; required when the config has any of them
   */
  readonly storageKeyArn?: string;
}

/** A bucket another stack uses: name and ARN, both references, so the consumer depends on the bucket existing. */
export interface StoredBucket {
  readonly name: string;
  readonly arn: string;
}

/** Prefix under which load balancers write access logs into the logs bucket (`access_logs.prefix`). */
export const ALB_LOG_PREFIX = "alb";
/** Prefix of S3 server access logs in the logs bucket; one folder per source bucket below it. */
export const S3_ACCESS_LOG_PREFIX = "s3-access";

/**
 * Object storage: the call-recordings and documents buckets (SSE-KMS, each only when configured) and the logs bucket (SSE-S3, because ALB and S3 server
 * access logging cannot write to SSE-KMS buckets) that receives the recordings bucket's access logs and the ALB's.
 */
export class StorageStack extends PlatformStack {
  /** Recordings bucket (SSE-KMS with the storage key); undefined when `storage.recordings` is absent. */
  readonly recordingsBucket?: StoredBucket;
  /** Documents bucket (SSE-KMS with the storage key); undefined when `storage.documents` is absent. */
  readonly documentsBucket?: StoredBucket;
  /** Bucket of the functions' zip artifacts (SSE-KMS with the storage key); undefined when `storage.artifacts` is absent. */
  readonly artifactsBucket?: StoredBucket;
  /** Users' files in Intelligent-Tiering (SSE-KMS with the storage key); undefined when `storage.files` is absent. */
  readonly filesBucket?: StoredBucket;
  /** SSE-S3 bucket that accepts ALB access logs under `albLogPrefix`. */
  readonly logsBucket: StoredBucket;
  /** Prefix the ALB must use for its access logs; the bucket policy allows writes only there. */
  readonly albLogPrefix: string = ALB_LOG_PREFIX;

  constructor(scope: Construct, props: StorageStackProps) {
    super(scope, { ...props, component: "storage" });
    const { config } = this;
    const { recordings, documents, artifacts, files, logs } = config.storage;
    if ((recordings || documents || artifacts || files) && !props.storageKeyArn) {
      throw new Error(
        `${this.node.id}: storageKeyArn is required for the recordings, documents, artifacts and files buckets (pass secretsKms.optionalKeyArns.storage)`,
      );
    }

    const logsBucket = new SecureBucket(this, "logs_bucket", {
      bucketName: bucketNameFor(config, "logs"),
      s3ManagedEncryption: true,
      extraPolicyStatements: (bucketArn) => [
        ...albAccessLogStatements({
          bucketArn,
          prefix: ALB_LOG_PREFIX,
          accountId: config.accountId,
          region: config.region,
        }),
        ...s3AccessLogStatements({
          bucketArn,
          prefix: S3_ACCESS_LOG_PREFIX,
          accountId: config.accountId,
          sourceBucketArns: [`arn:aws:s3:::${this.namePrefix}-*`],
        }),
      ],
      lifecycleRules: [
        {
          id: "archive-then-expire-logs",
          transitions: [{ days: logs.glacierTransitionDays, storageClass: "GLACIER" }],
          expirationDays: logs.expirationDays,
          noncurrentExpirationDays: logs.noncurrentExpirationDays,
          abortIncompleteMultipartUploadDays: logs.abortIncompleteMultipartUploadDays,
        },
      ],
    });

    // A bucket of application data: SSE-KMS with the storage key, one lifecycle rule (the config's days under `ruleId`),
    // access logs into the logs bucket.
    const dataBucket = (kind: "recordings" | "documents" | "artifacts", ruleId: string, days: Omit<SecureBucketLifecycleRule, "id">) =>
      stored(
        new SecureBucket(this, `${kind}_bucket`, {
          bucketName: bucketNameFor(config, kind),
          kmsKeyArn: props.storageKeyArn,
          lifecycleRules: [{ id: ruleId, ...days }],
          accessLogs: { bucketName: logsBucket.bucketName, prefix: `${S3_ACCESS_LOG_PREFIX}/${kind}` },
        }),
      );
    this.recordingsBucket = recordings && dataBucket("recordings", "expire-recordings", recordings);
    this.documentsBucket = documents && dataBucket("documents", "expire-superseded-documents", documents);
    // Versioned (SecureBucket), so a function can be pointed back at the previous object version of its key.
    this.artifactsBucket = artifacts && dataBucket("artifacts", "expire-superseded-artifacts", artifacts);

    if (files) {
      const filesBucket = new FilesBucket(this, "files_bucket", {
        bucketName: bucketNameFor(config, "files"),
        kmsKeyArn: props.storageKeyArn!,
        intelligentTieringDays: files.intelligentTieringDays,
        archiveTiers: files.archiveAccessDays === undefined ? undefined : { archiveAccessDays: files.archiveAccessDays },
        noncurrentExpirationDays: files.noncurrentExpirationDays,
        corsOrigins: files.corsOrigins,
      });
      this.filesBucket = stored(filesBucket.bucket);
    }
    this.logsBucket = stored(logsBucket);
  }
}

function stored(bucket: { readonly bucketName: string; readonly bucketArn: string }): StoredBucket {
  return { name: bucket.bucketName, arn: bucket.bucketArn };
}
