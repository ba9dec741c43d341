import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketObjectLockConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-object-lock-configuration";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { describe, expect, it } from "vitest";
import { SecureBucket, type SecureBucketProps } from "../../constructs/secure-bucket";
import { synthScope } from "../support/test-app";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000";

function synthBucket(props: Partial<SecureBucketProps>): string {
  return synthScope((scope) => {
    new SecureBucket(scope, "bucket", { bucketName: "voice-ai-dev-test-111111111111", kmsKeyArn: KEY, ...props } as SecureBucketProps);
  });
}

function resourcesOfType(text: string, type: string): Record<string, any>[] {
  return Object.values(JSON.parse(text).resource?.[type] ?? {});
}

describe("SecureBucket", () => {
  it("defaults to SSE-KMS with a bucket key, no force-destroy and no Object Lock", () => {
    const text = synthBucket({});
    expect(text).toHaveResourceWithProperties(S3Bucket, { bucket: "voice-ai-dev-test-111111111111", force_destroy: false });
    expect(resourcesOfType(text, "aws_s3_bucket")[0]).not.toHaveProperty("object_lock_enabled");
    expect(text).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: KEY }, bucket_key_enabled: true }],
    });
    expect(resourcesOfType(text, "aws_s3_bucket_object_lock_configuration")).toEqual([]);
    expect(resourcesOfType(text, "aws_s3_bucket_lifecycle_configuration")).toEqual([]);
    expect(resourcesOfType(text, "aws_s3_bucket_logging")).toEqual([]);
  });

  it("merges extra statements after the TLS denies and hands them the bucket's ARN", () => {
    const text = synthBucket({
      extraPolicyStatements: (arn) => [
        { sid: "CloudTrailWrites", principals: { Service: "cloudtrail.amazonaws.com" }, actions: ["s3:PutObject"], resources: [`${arn}/AWSLogs/*`] },
      ],
    });
    expect(text).toHaveResource(S3BucketPolicy);
    const policy = JSON.parse(resourcesOfType(text, "aws_s3_bucket_policy")[0].policy);
    expect(policy.Statement.map((s: any) => s.Sid)).toEqual(["DenyRequestsWithoutTls", "DenyTlsBelow12", "CloudTrailWrites"]);
    expect(policy.Statement[2].Resource).toMatch(/^\$\{aws_s3_bucket\.\w+\.arn\}\/AWSLogs\/\*$/);
  });

  it("switches on Object Lock at creation with the default retention", () => {
    const text = synthBucket({ objectLock: { mode: "COMPLIANCE", years: 7 } });
    expect(text).toHaveResourceWithProperties(S3Bucket, { object_lock_enabled: true });
    expect(text).toHaveResourceWithProperties(S3BucketObjectLockConfigurationA, {
      rule: { default_retention: { mode: "COMPLIANCE", years: 7 } },
    });
  });

  it("puts every resource on the given provider (a DR-region bucket)", () => {
    const text = synthScope((scope) => {
      const dr = new AwsProvider(scope, "dr", { region: "us-west-2", alias: "dr" });
      new SecureBucket(scope, "bucket", {
        bucketName: "voice-ai-prod-backups-dr-333333333333",
        kmsKeyArn: KEY,
        provider: dr,
        lifecycleRules: [{ id: "expire", noncurrentExpirationDays: 30 }],
      });
    });
    const resources = Object.entries(JSON.parse(text).resource).flatMap(([, byName]) => Object.values(byName as object));
    expect(resources.length).toBeGreaterThanOrEqual(7);
    for (const resource of resources) expect((resource as any).provider).toBe("aws.dr");
  });

  const invalid: [string, Partial<SecureBucketProps>, RegExp][] = [
    ["both encryptions", { s3ManagedEncryption: true }, /either kmsKeyArn \(SSE-KMS\) or s3ManagedEncryption/],
    ["no encryption", { kmsKeyArn: undefined }, /kmsKeyArn is required unless s3ManagedEncryption is true/],
    ["a name over 63 characters", { bucketName: `voice-ai-${"x".repeat(60)}` }, /bucketName ".*" is 69 characters; S3 allows 3-63/],
    ["upper-case name", { bucketName: "Voice-AI-logs" }, /bucketName "Voice-AI-logs" must use a-z/],
    ["Object Lock with days and years", { objectLock: { mode: "GOVERNANCE", days: 1, years: 1 } }, /objectLock needs exactly one of days and years/],
    [
      "a transition after expiration",
      { lifecycleRules: [{ id: "r", expirationDays: 30, transitions: [{ days: 60, storageClass: "GLACIER" }] }] },
      /lifecycleRules\[r\]: the GLACIER transition \(day 60\) must come before expiration \(day 30\)/,
    ],
    [
      "duplicate lifecycle ids",
      {
        lifecycleRules: [
          { id: "r", expirationDays: 30 },
          { id: "r", expirationDays: 40 },
        ],
      },
      /lifecycleRules ids must be non-empty and unique/,
    ],
    ["zero-day expiration", { lifecycleRules: [{ id: "r", expirationDays: 0 }] }, /lifecycleRules\[r\]\.expirationDays must be a whole number >= 1/],
    [
      "an access-log prefix with a slash",
      { accessLogs: { bucketName: "voice-ai-dev-logs-111111111111", prefix: "s3/" } },
      /accessLogs\.prefix "s3\/" must not start or end with '\/'/,
    ],
    [
      "a sid that shadows the TLS deny",
      { extraPolicyStatements: () => [{ sid: "DenyRequestsWithoutTls", actions: ["s3:GetObject"], resources: ["*"] }] },
      /sid "DenyRequestsWithoutTls" is used twice/,
    ],
  ];

  it.each(invalid)("rejects %s, naming the prop", (_name, props, expected) => {
    expect(() => synthBucket(props)).toThrow(expected);
  });
});
