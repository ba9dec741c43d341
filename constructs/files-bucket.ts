import { S3BucketCorsConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-cors-configuration";
import { S3BucketIntelligentTieringConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-intelligent-tiering-configuration";
import { type TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import type { PolicyStatement } from "./iam-policy";
import { SecureBucket } from "./secure-bucket";

/** Methods the browser may use on the bucket directly (presigned URLs). */
export type FilesCorsMethod = "GET" | "HEAD" | "PUT" | "POST" | "DELETE";

export interface FilesBucketArchiveTiers {
  /**
   * Days without access before objects move to the Archive Access tier (90-730); retrieval takes minutes to hours.
   * @default - no Archive Access tier
   */
  readonly archiveAccessDays?: number;
  /**
   * Days without access before objects move to the Deep Archive Access tier (180-730, after archiveAccessDays);
   * retrieval takes up to 12 hours.
   * @default - no Deep Archive Access tier
   */
  readonly deepArchiveAccessDays?: number;
}

export interface FilesBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /** CMK for SSE-KMS. */
  readonly kmsKeyArn: string;
  /**
   * Day after upload when objects move to S3 Intelligent-Tiering (0: at once), which then moves each object between
   * frequent and infrequent access by its own access pattern.
   * @default 0
   */
  readonly intelligentTieringDays?: number;
  /**
   * Opt-in archive tiers of Intelligent-Tiering, for objects nobody reads for months.
   * @default - none: every object stays readable in milliseconds
   */
  readonly archiveTiers?: FilesBucketArchiveTiers;
  /**
   * Days a replaced or deleted version is kept before it is deleted for good.
   * @default 30
   */
  readonly noncurrentExpirationDays?: number;
  /**
   * Origins (`https://app.example.com`) whose pages may call the bucket directly (presigned uploads and downloads).
   * @default - no CORS configuration: browsers on other origins cannot read responses
   */
  readonly corsOrigins?: readonly string[];
  /**
   * Methods allowed from `corsOrigins`.
   * @default ["GET", "HEAD", "PUT"]
   */
  readonly corsMethods?: readonly FilesCorsMethod[];
  /**
   * Statements merged into the bucket policy after the TLS-only denies (see SecureBucket).
   * @default - none
   */
  readonly extraPolicyStatements?: (bucketArn: string) => readonly PolicyStatement[];
  /**
   * Provider (region) of the bucket.
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

const ARCHIVE_ACCESS_DAYS = { min: 90, max: 730 };
const DEEP_ARCHIVE_ACCESS_DAYS = { min: 180, max: 730 };
const DEFAULT_NONCURRENT_EXPIRATION_DAYS = 30;
const CORS_MAX_AGE_SECONDS = 3000;

/**
 * The bucket of user files (seed 002's "S3 (Files)"): a SecureBucket whose objects move to S3 Intelligent-Tiering,
 * optionally on to its archive tiers, with CORS for the web app's origin when it uploads or downloads directly.
 */
export class FilesBucket extends Construct {
  /** The bucket with its key, TLS-only policy and lifecycle (name and ARN for consumers). */
  readonly bucket: SecureBucket;

  constructor(scope: Construct, id: string, props: FilesBucketProps) {
    super(scope, id);
    validate(id, props);
    const provider = props.provider;

    this.bucket = new SecureBucket(this, "Resource", {
      bucketName: props.bucketName,
      kmsKeyArn: props.kmsKeyArn,
      provider,
      extraPolicyStatements: props.extraPolicyStatements,
      lifecycleRules: [
        {
          id: "intelligent-tiering",
          transitions: [{ days: props.intelligentTieringDays ?? 0, storageClass: "INTELLIGENT_TIERING" }],
          noncurrentExpirationDays: props.noncurrentExpirationDays ?? DEFAULT_NONCURRENT_EXPIRATION_DAYS,
        },
      ],
    });
    const bucket = this.bucket.bucket.id;

    const { archiveAccessDays, deepArchiveAccessDays } = props.archiveTiers ?? {};
    const tiers = [
      ...(archiveAccessDays !== undefined ? [{ accessTier: "ARCHIVE_ACCESS", days: archiveAccessDays }] : []),
      ...(deepArchiveAccessDays !== undefined ? [{ accessTier: "DEEP_ARCHIVE_ACCESS", days: deepArchiveAccessDays }] : []),
    ];
    if (tiers.length > 0) {
      new S3BucketIntelligentTieringConfiguration(this, "ArchiveTiers", {
        provider,
        bucket,
        name: "archive-tiers",
        status: "Enabled",
        tiering: tiers,
      });
    }

    if (props.corsOrigins && props.corsOrigins.length > 0) {
      new S3BucketCorsConfiguration(this, "Cors", {
        provider,
        bucket,
        corsRule: [
          {
            allowedOrigins: [...props.corsOrigins],
            allowedMethods: [...(props.corsMethods ?? ["GET", "HEAD", "PUT"])],
            allowedHeaders: ["*"],
            // The browser needs the ETag to complete multipart uploads.
            exposeHeaders: ["ETag"],
            maxAgeSeconds: CORS_MAX_AGE_SECONDS,
          },
        ],
      });
    }
  }
}

function validate(id: string, props: FilesBucketProps): void {
  const fail = (message: string): never => {
    throw new Error(`FilesBucket ${id}: ${message}`);
  };
  const days = props.intelligentTieringDays;
  if (days !== undefined && !Token.isUnresolved(days) && (!Number.isInteger(days) || days < 0)) {
    fail(`intelligentTieringDays must be a whole number >= 0, got ${days}`);
  }
  const inRange = (value: number | undefined, range: { min: number; max: number }, what: string) => {
    if (value !== undefined && (!Number.isInteger(value) || value < range.min || value > range.max)) {
      fail(`archiveTiers.${what} must be a whole number ${range.min}-${range.max} (S3 Intelligent-Tiering's limits), got ${value}`);
    }
  };
  const { archiveAccessDays, deepArchiveAccessDays } = props.archiveTiers ?? {};
  if (props.archiveTiers && archiveAccessDays === undefined && deepArchiveAccessDays === undefined) {
    fail("archiveTiers needs archiveAccessDays, deepArchiveAccessDays or both; leave it out for no archive tiers");
  }
  inRange(archiveAccessDays, ARCHIVE_ACCESS_DAYS, "archiveAccessDays");
  inRange(deepArchiveAccessDays, DEEP_ARCHIVE_ACCESS_DAYS, "deepArchiveAccessDays");
  if (archiveAccessDays !== undefined && deepArchiveAccessDays !== undefined && deepArchiveAccessDays <= archiveAccessDays) {
    fail(`archiveTiers.deepArchiveAccessDays (${deepArchiveAccessDays}) must be after archiveAccessDays (${archiveAccessDays})`);
  }
  for (const origin of props.corsOrigins ?? []) {
    if (!Token.isUnresolved(origin) && !/^https:\/\/[a-z0-9.-]+(:\d+)?$/.test(origin)) {
      fail(`corsOrigins: "${origin}" must be an https origin without a path, e.g. https://app.example.com`);
    }
  }
  if (props.corsMethods && !props.corsOrigins?.length) fail("corsMethods is only used with corsOrigins");
}
