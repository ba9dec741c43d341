import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketObjectLockConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { type TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import { type PolicyCondition, type PolicyStatement, policyDocument } from "./iam-policy";

export type StorageClass = "STANDARD_IA" | "ONEZONE_IA" | "INTELLIGENT_TIERING" | "GLACIER_IR" | "GLACIER" | "DEEP_ARCHIVE";

export interface SecureBucketLifecycleRule {
  /** Rule id, unique in the bucket. */
  readonly id: string;
  /**
   * Key prefix the rule applies to.
   * @default "" - every object
   */
  readonly prefix?: string;
  /**
   * Storage-class transitions of current versions.
   * @default - none
   */
  readonly transitions?: readonly { readonly days: number; readonly storageClass: StorageClass }[];
  /**
   * Days after creation when a current version expires (becomes noncurrent; the bucket is versioned).
   * @default - never
   */
  readonly expirationDays?: number;
  /**
   * Days a version stays noncurrent before it is deleted for good.
   * @default - kept forever
   */
  readonly noncurrentExpirationDays?: number;
  /**
   * Days before an incomplete multipart upload is aborted and its parts deleted.
   * @default 7
   */
  readonly abortIncompleteMultipartUploadDays?: number;
}

export interface SecureBucketObjectLock {
  /** GOVERNANCE lets privileged users shorten retention; COMPLIANCE lets nobody, not even the root user. */
  readonly mode: "GOVERNANCE" | "COMPLIANCE";
  /** Default retention in days; give exactly one of days and years. */
  readonly days?: number;
  /** Default retention in years; give exactly one of days and years. */
  readonly years?: number;
}

export interface SecureBucketProps {
  /** Globally unique bucket name (use `bucketNameFor` from config/sections/storage). */
  readonly bucketName: string;
  /**
   * CMK for SSE-KMS with an S3 bucket key. Required unless `s3ManagedEncryption` is true; the two exclude each other.
   * @default - none
   */
  readonly kmsKeyArn?: string;
  /**
   * Use SSE-S3 (AES256) instead of SSE-KMS: needed for buckets that receive ALB access logs or S3 server access
   * logs, which cannot write to SSE-KMS buckets.
   * @default false
   */
  readonly s3ManagedEncryption?: boolean;
  /**
   * Lifecycle rules.
   * @default - no lifecycle configuration
   */
  readonly lifecycleRules?: readonly SecureBucketLifecycleRule[];
  /**
   * Send S3 server access logs to this bucket (it must allow `logging.s3.amazonaws.com`) under this prefix.
   * @default - no access logging
   */
  readonly accessLogs?: { readonly bucketName: string; readonly prefix: string };
  /**
   * Object Lock (WORM) with a default retention; can only be switched on when the bucket is created.
   * @default - no Object Lock
   */
  readonly objectLock?: SecureBucketObjectLock;
  /**
   * Statements merged into the bucket policy after the TLS-only denies (log delivery, CloudTrail, replication);
   * called with this bucket's ARN so they can scope their resources to it. Sids must be unique.
   * @default - none
   */
  readonly extraPolicyStatements?: (bucketArn: string) => readonly PolicyStatement[];
  /**
   * Provider (region) of the bucket, e.g. the stack's `drProvider` for a replica bucket.
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
  /**
   * Let `terraform destroy` delete a bucket that still holds objects.
   * @default false
   */
  readonly forceDestroy?: boolean;
  /**
   * Tags beside the provider's default tags.
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
}

const DEFAULT_ABORT_MULTIPART_DAYS = 7;
/** What the bucket policy refuses every request under, by statement id: no TLS at all, or TLS older than 1.2. */
const TLS_DENIALS: Readonly<Record<string, PolicyCondition>> = {
  DenyRequestsWithoutTls: { Bool: { "aws:SecureTransport": "false" } },
  DenyTlsBelow12: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
};

/**
 * An S3 bucket that is private and encrypted whatever the caller forgets: versioning on, SSE-KMS with a bucket key
 * (or SSE-S3 for log targets), all four public-access blocks, ACLs disabled (BucketOwnerEnforced), and a bucket
 * policy that denies every request without TLS 1.2+. Every bucket of the project is one of these.
 */
export class SecureBucket extends Construct {
  readonly bucket: S3Bucket;
  /** Versioning resource: replication and Object Lock configurations must depend on it. */
  readonly versioning: S3BucketVersioningA;
  /** Bucket policy: services that write into the bucket (CloudTrail, log delivery) must depend on it. */
  readonly policy: S3BucketPolicy;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    validate(id, props);
    const provider = props.provider;
    const extraStatements = props.extraPolicyStatements ?? (() => []);

    this.bucket = new S3Bucket(this, "Resource", {
      provider,
      bucket: props.bucketName,
      forceDestroy: props.forceDestroy ?? false,
      objectLockEnabled: props.objectLock ? true : undefined,
      tags: { Name: props.bucketName, ...props.tags },
    });
    const bucket = this.bucket.id;

    this.versioning = new S3BucketVersioningA(this, "Versioning", {
      provider,
      bucket,
      versioningConfiguration: { status: "Enabled" },
    });

    new S3BucketServerSideEncryptionConfigurationA(this, "Encryption", {
      provider,
      bucket,
      rule: [
        props.s3ManagedEncryption
          ? { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }
          : {
              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: props.kmsKeyArn },
              // One data key per bucket instead of per object: far fewer KMS calls, same key.
              bucketKeyEnabled: true,
            },
      ],
    });

    const publicAccessBlock = new S3BucketPublicAccessBlock(this, "PublicAccessBlock", {
      provider,
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });

    new S3BucketOwnershipControls(this, "Ownership", {
      provider,
      bucket,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });

    const arn = this.bucket.arn;
    const statements = extraStatements(arn);
    validateSids(id, statements);
    this.policy = new S3BucketPolicy(this, "Policy", {
      provider,
      bucket,
      policy: policyDocument([
        ...Object.entries(TLS_DENIALS).map(
          ([sid, conditions]): PolicyStatement => ({
            sid,
            effect: "Deny",
            principals: "*",
            actions: ["s3:*"],
            resources: [arn, `${arn}/*`],
            conditions,
          }),
        ),
        ...statements,
      ]),
      // S3 rejects concurrent changes to the public-access block and the policy of one bucket.
      dependsOn: [publicAccessBlock],
    });

    if (props.lifecycleRules && props.lifecycleRules.length > 0) {
      new S3BucketLifecycleConfiguration(this, "Lifecycle", {
        provider,
        bucket,
        rule: props.lifecycleRules.map((rule) => ({
          id: rule.id,
          status: "Enabled",
          filter: [{ prefix: rule.prefix ?? "" }],
          transition: rule.transitions?.map((t) => ({ days: t.days, storageClass: t.storageClass })),
          expiration: rule.expirationDays !== undefined ? [{ days: rule.expirationDays }] : undefined,
          noncurrentVersionExpiration: rule.noncurrentExpirationDays !== undefined ? [{ noncurrentDays: rule.noncurrentExpirationDays }] : undefined,
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: rule.abortIncompleteMultipartUploadDays ?? DEFAULT_ABORT_MULTIPART_DAYS }],
        })),
        // Lifecycle rules on a versioned bucket only make sense once versioning is on.
        dependsOn: [this.versioning],
      });
    }

    if (props.accessLogs) {
      new S3BucketLoggingA(this, "AccessLogs", {
        provider,
        bucket,
        targetBucket: props.accessLogs.bucketName,
        targetPrefix: `${props.accessLogs.prefix}/`,
        // Date-partitioned keys let Athena prune by day instead of scanning every log object.
        targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
      });
    }

    if (props.objectLock) {
      new S3BucketObjectLockConfigurationA(this, "ObjectLock", {
        provider,
        bucket,
        rule: {
          defaultRetention: { mode: props.objectLock.mode, days: props.objectLock.days, years: props.objectLock.years },
        },
        dependsOn: [this.versioning],
      });
    }
  }

  /** Bucket name (a reference, so consumers depend on the bucket existing). */
  get bucketName(): string {
    return this.bucket.bucket;
  }

  get bucketArn(): string {
    return this.bucket.arn;
  }
}

function validate(id: string, props: SecureBucketProps): void {
  const fail = (message: string): never => {
    throw new Error(`SecureBucket ${id}: ${message}`);
  };
  const name = props.bucketName;
  if (!Token.isUnresolved(name)) {
    if (name.length < 3 || name.length > 63) fail(`bucketName "${name}" is ${name.length} characters; S3 allows 3-63`);
    if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(name) || name.includes("..")) {
      fail(`bucketName "${name}" must use a-z, 0-9, '.' and '-' and start and end with a letter or digit`);
    }
  }
  if (props.s3ManagedEncryption && props.kmsKeyArn) {
    fail("give either kmsKeyArn (SSE-KMS) or s3ManagedEncryption: true (SSE-S3), not both");
  }
  if (!props.s3ManagedEncryption && !props.kmsKeyArn) {
    fail("kmsKeyArn is required unless s3ManagedEncryption is true (log buckets)");
  }

  const positive = (value: number | undefined, what: string) => {
    if (value !== undefined && !Token.isUnresolved(value) && (!Number.isInteger(value) || value < 1)) {
      fail(`${what} must be a whole number >= 1, got ${value}`);
    }
  };
  const ruleIds = new Set<string>();
  for (const rule of props.lifecycleRules ?? []) {
    if (!rule.id || ruleIds.has(rule.id)) fail(`lifecycleRules ids must be non-empty and unique ("${rule.id}")`);
    ruleIds.add(rule.id);
    positive(rule.expirationDays, `lifecycleRules[${rule.id}].expirationDays`);
    positive(rule.noncurrentExpirationDays, `lifecycleRules[${rule.id}].noncurrentExpirationDays`);
    positive(rule.abortIncompleteMultipartUploadDays, `lifecycleRules[${rule.id}].abortIncompleteMultipartUploadDays`);
    for (const t of rule.transitions ?? []) {
      // Day 0 is valid (S3 moves new objects straight to INTELLIGENT_TIERING or an archive class).
      if (!Token.isUnresolved(t.days) && (!Number.isInteger(t.days) || t.days < 0)) {
        fail(`lifecycleRules[${rule.id}].transitions.days must be a whole number >= 0, got ${t.days}`);
      }
      if (rule.expirationDays !== undefined && t.days >= rule.expirationDays) {
        fail(`lifecycleRules[${rule.id}]: the ${t.storageClass} transition (day ${t.days}) must come before expiration (day ${rule.expirationDays})`);
      }
    }
  }

  if (props.accessLogs && /^\/|\/$/.test(props.accessLogs.prefix)) {
    fail(`accessLogs.prefix "${props.accessLogs.prefix}" must not start or end with '/'`);
  }
  if (props.objectLock) {
    const { days, years } = props.objectLock;
    if ((days === undefined) === (years === undefined)) fail("objectLock needs exactly one of days and years");
    positive(days, "objectLock.days");
    positive(years, "objectLock.years");
  }
}

function validateSids(id: string, statements: readonly PolicyStatement[]): void {
  const sids = [...Object.keys(TLS_DENIALS), ...statements.map((s) => s.sid)];
  const duplicate = sids.find((sid, i) => sids.indexOf(sid) !== i);
  if (duplicate) throw new Error(`SecureBucket ${id}: extraPolicyStatements sid "${duplicate}" is used twice`);
}
