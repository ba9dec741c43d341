import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { describe, expect, it } from "vitest";
import { ELB_LOG_ACCOUNT_BY_REGION } from "../../constructs/log-delivery-policy";
import { fixtureEnvironment, fullFixture, inRegion, synthFixture } from "../support/fixtures";
import { type SynthesizedStack, resourcesOf } from "../support/synth";

const REMOTE_KEY_REF = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_secrets_kms\.outputs\.(\w+)\}$/;

function policyOf(stack: SynthesizedStack, bucket: string) {
  return JSON.parse(resourcesOf(stack, "aws_s3_bucket_policy")[`${bucket}_policy`].policy);
}

// The shipped environments' lifecycle days: __tests__/unit/sizing-policy.test.ts.
describe("storage stack with recordings", () => {
  const synth = synthFixture(fullFixture());
  const storage = synth.stack("storage");
  const { config } = synth;
  const env = config.environment;
  const buckets = resourcesOf(storage, "aws_s3_bucket");

  it("names buckets <project>-<env>-<purpose>-<account> and never force-destroys them", () => {
    expect(buckets.recordings_bucket.bucket).toBe(`${config.project}-${env}-recordings-${config.accountId}`);
    expect(buckets.logs_bucket.bucket).toBe(`${config.project}-${env}-logs-${config.accountId}`);
    for (const bucket of Object.values(buckets)) {
      expect(bucket.force_destroy).toBe(false);
      expect(bucket.bucket.length).toBeLessThanOrEqual(63);
    }
  });

  it("versions, blocks public access and disables ACLs on every bucket", () => {
    const count = Object.keys(buckets).length;
    expect(Object.keys(resourcesOf(storage, "aws_s3_bucket_versioning"))).toHaveLength(count);
    expect(Object.keys(resourcesOf(storage, "aws_s3_bucket_public_access_block"))).toHaveLength(count);
    expect(Object.keys(resourcesOf(storage, "aws_s3_bucket_ownership_controls"))).toHaveLength(count);
    expect(storage.text).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: "Enabled" } });
    for (const block of Object.values(resourcesOf(storage, "aws_s3_bucket_public_access_block"))) {
      expect(block).toEqual(
        expect.objectContaining({ block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true }),
      );
    }
    expect(storage.text).toHaveResourceWithProperties(S3BucketPublicAccessBlock, { bucket: "${aws_s3_bucket.recordings_bucket.id}" });
    expect(storage.text).toHaveResourceWithProperties(S3BucketOwnershipControls, { rule: { object_ownership: "BucketOwnerEnforced" } });
    for (const controls of Object.values(resourcesOf(storage, "aws_s3_bucket_ownership_controls"))) {
      expect(controls.rule.object_ownership).toBe("BucketOwnerEnforced");
    }
  });

  it("encrypts recordings with the storage CMK from secrets-kms and a bucket key", () => {
    expect(storage.text).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      bucket: "${aws_s3_bucket.recordings_bucket.id}",
      rule: [
        {
          apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: expect.stringMatching(REMOTE_KEY_REF) },
          bucket_key_enabled: true,
        },
      ],
    });
    const sse = resourcesOf(storage, "aws_s3_bucket_server_side_encryption_configuration").recordings_bucket_encryption;
    const output = REMOTE_KEY_REF.exec(sse.rule[0].apply_server_side_encryption_by_default.kms_master_key_id)![1];
    expect(synth.stack("secrets-kms").json.output?.[output]?.value).toBe("${aws_kms_key.storage_key.arn}");
  });

  it("encrypts the logs bucket with SSE-S3, the only encryption ALB and S3 access logging can write to", () => {
    expect(storage.text).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      bucket: "${aws_s3_bucket.logs_bucket.id}",
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } }],
    });
  });

  it.each(["recordings_bucket", "logs_bucket"])("%s denies every request without TLS 1.2+", (bucket) => {
    const statements = policyOf(storage, bucket).Statement;
    const arn = `\${aws_s3_bucket.${bucket}.arn}`;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }),
    );
    expect(statements).toContainEqual(expect.objectContaining({ Effect: "Deny", Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } }));
    expect(statements.filter((s: any) => s.Effect === "Allow" && (s.Principal === "*" || s.Principal?.AWS === "*"))).toEqual([]);
  });

  it("lets the region's ELB account and the log-delivery service write ALB logs, only under the ALB prefix", () => {
    const statements = policyOf(storage, "logs_bucket").Statement;
    const albResource = `\${aws_s3_bucket.logs_bucket.arn}/${synth.stacks.storage.albLogPrefix}/AWSLogs/${config.accountId}/*`;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${ELB_LOG_ACCOUNT_BY_REGION[config.region]}:root` },
        Action: "s3:PutObject",
        Resource: albResource,
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: albResource,
      }),
    );
  });

  it("lets S3 server access logging write only from this account's buckets", () => {
    const statement = policyOf(storage, "logs_bucket").Statement.find((s: any) => s.Principal?.Service === "logging.s3.amazonaws.com");
    expect(statement).toEqual(
      expect.objectContaining({
        Effect: "Allow",
        Action: "s3:PutObject",
        Resource: "${aws_s3_bucket.logs_bucket.arn}/s3-access/*",
        Condition: {
          StringEquals: { "aws:SourceAccount": config.accountId },
          ArnLike: { "aws:SourceArn": [`arn:aws:s3:::${config.project}-${env}-*`] },
        },
      }),
    );
  });

  it("keeps the recordings bucket's policy to the TLS denies: no service may write into it", () => {
    expect(policyOf(storage, "recordings_bucket").Statement.map((s: any) => s.Effect)).toEqual(["Deny", "Deny"]);
  });

  it("logs recordings-bucket access into the logs bucket, partitioned by date", () => {
    expect(storage.text).toHaveResourceWithProperties(S3BucketLoggingA, {
      bucket: "${aws_s3_bucket.recordings_bucket.id}",
      target_bucket: "${aws_s3_bucket.logs_bucket.bucket}",
      target_prefix: "s3-access/recordings/",
      target_object_key_format: { partitioned_prefix: { partition_date_source: "EventTime" } },
    });
    expect(Object.keys(resourcesOf(storage, "aws_s3_bucket_logging"))).toEqual(["recordings_bucket_access_logs"]);
  });

  it("expires recordings as configured (current, noncurrent, multipart)", () => {
    const recordings = config.storage.recordings!;
    expect(storage.text).toHaveResourceWithProperties(S3BucketLifecycleConfiguration, {
      bucket: "${aws_s3_bucket.recordings_bucket.id}",
      rule: [
        expect.objectContaining({
          status: "Enabled",
          filter: [{ prefix: "" }],
          expiration: [{ days: recordings.expirationDays }],
          noncurrent_version_expiration: [{ noncurrent_days: recordings.noncurrentExpirationDays }],
          abort_incomplete_multipart_upload: [{ days_after_initiation: recordings.abortIncompleteMultipartUploadDays }],
        }),
      ],
    });
  });

  it("moves logs to Glacier, then expires them as configured", () => {
    const { logs } = config.storage;
    expect(storage.text).toHaveResourceWithProperties(S3BucketLifecycleConfiguration, {
      bucket: "${aws_s3_bucket.logs_bucket.id}",
      rule: [
        expect.objectContaining({
          transition: [{ days: logs.glacierTransitionDays, storage_class: "GLACIER" }],
          expiration: [{ days: logs.expirationDays }],
          noncurrent_version_expiration: [{ noncurrent_days: logs.noncurrentExpirationDays }],
        }),
      ],
    });
  });

  it("exposes the contract's bucket names and ARNs as references, not literals", () => {
    const s = synth.stacks.storage;
    for (const value of [s.recordingsBucket?.name, s.recordingsBucket?.arn, s.logsBucket.name, s.logsBucket.arn]) {
      expect(value).toMatch(/\$\{TfToken\[/);
    }
  });
});

describe("storage stack with the logs bucket only", () => {
  const synth = synthFixture(fixtureEnvironment());
  const storage = synth.stack("storage");

  it("creates no recordings or documents bucket and no storage key", () => {
    expect(Object.keys(resourcesOf(storage, "aws_s3_bucket"))).toEqual(["logs_bucket"]);
    expect(resourcesOf(synth.stack("secrets-kms"), "aws_kms_key").storage_key).toBeUndefined();
  });
});

describe("ALB log delivery outside the ELB-account table", () => {
  // Synthesized while collecting, like the cached environments, so a loaded machine cannot time the test out.
  const storage = synthFixture(inRegion(fixtureEnvironment(), "ap-southeast-4")).stack("storage");

  it("falls back to the log-delivery service principal alone", () => {
    const albWriters = policyOf(storage, "logs_bucket")
      .Statement.filter((s: any) => String(s.Resource).includes("/alb/AWSLogs/"))
      .map((s: any) => s.Principal);
    expect(albWriters).toEqual([{ Service: "logdelivery.elasticloadbalancing.amazonaws.com" }]);
  });
});
