import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { BLUEPRINTS, ENVIRONMENTS, type EnvironmentConfig, loadBlueprints } from "../../config";
import { BootstrapStack } from "../../stacks/bootstrap-stack";
import { localStatePath } from "../../stacks/platform-stack";
import { editedConfig, resourcesOf, synthConfig, synthEnvironment, synthStacks } from "../support/synth";

describe.each(Object.keys(ENVIRONMENTS))("%s bootstrap stack", (env) => {
  const synth = synthEnvironment(env);
  const bootstrap = synth.stack("bootstrap");
  const backend = synth.config.stateBackend;
  const otherBackends = synth.stackIds
    .filter((id) => id !== `${env}-bootstrap`)
    .map((id) => synth.stack(id.slice(env.length + 1)).json.terraform.backend?.s3);

  it("keeps its own state locally, because the bucket it creates cannot hold state before it exists", () => {
    expect(bootstrap.json.terraform.backend).toEqual({ local: { path: `../../../terraform-state/voice-ai/${env}/bootstrap.tfstate` } });
  });

  it("keeps that state outside the output directory, where cdktf synth and deploy never delete it", () => {
    // Terraform resolves the path in the stack's working directory, <outdir>/stacks/<id>/ (`cdktf deploy` runs it there).
    const project = resolve("/project");
    const state = resolve(project, "cdktf.out", "stacks", `${env}-bootstrap`, String(bootstrap.json.terraform.backend?.local.path));
    expect(relative(project, state)).toBe(join("terraform-state", "voice-ai", env, "bootstrap.tfstate"));
  });

  it("creates exactly the bucket and lock table every other stack's backend uses", () => {
    expect(otherBackends.length).toBeGreaterThan(0);
    const bucket = Object.values(resourcesOf(bootstrap, "aws_s3_bucket"));
    const table = Object.values(resourcesOf(bootstrap, "aws_dynamodb_table"));
    expect(bucket.map((b) => b.bucket)).toEqual([backend.bucket]);
    expect(table.map((t) => t.name)).toEqual([backend.lockTable]);
    for (const other of otherBackends) {
      expect(other).toEqual(expect.objectContaining({ bucket: bucket[0].bucket, dynamodb_table: table[0].name, region: synth.config.region }));
    }
  });

  it("versions the bucket, expires superseded state versions and blocks every kind of public access", () => {
    expect(bootstrap.text).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: "Enabled" } });
    expect(bootstrap.text).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    const [lifecycle] = Object.values(resourcesOf(bootstrap, "aws_s3_bucket_lifecycle_configuration"));
    expect(lifecycle.rule).toEqual([
      expect.objectContaining({ status: "Enabled", noncurrent_version_expiration: [{ noncurrent_days: backend.noncurrentVersionDays }] }),
    ]);
  });

  it("denies every request to the state bucket that does not use TLS", () => {
    const [policy] = Object.values(resourcesOf(bootstrap, "aws_s3_bucket_policy"));
    expect(JSON.parse(policy.policy).Statement).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Principal: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );
  });

  it("encrypts state with its own CMK, the key every backend names", () => {
    const [encryption] = Object.values(resourcesOf(bootstrap, "aws_s3_bucket_server_side_encryption_configuration"));
    expect(encryption.rule[0].apply_server_side_encryption_by_default).toEqual({
      sse_algorithm: "aws:kms",
      kms_master_key_id: "${aws_kms_key.state_key.arn}",
    });
    expect(backend.kmsKeyId).toBe(`alias/${synth.config.project}-${env}-tfstate`);
    expect(resourcesOf(bootstrap, "aws_kms_alias").state_key_alias.name).toBe(backend.kmsKeyId);
    for (const other of otherBackends) expect(other?.kms_key_id).toBe(backend.kmsKeyId);
  });

  it("locks with an on-demand, point-in-time-recoverable, CMK-encrypted table that cannot be deleted by accident", () => {
    expect(bootstrap.text).toHaveResourceWithProperties(DynamodbTable, {
      hash_key: "LockID",
      attribute: [{ name: "LockID", type: "S" }],
      billing_mode: "PAY_PER_REQUEST",
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true, kms_key_arn: "${aws_kms_key.state_key.arn}" },
      deletion_protection_enabled: true,
    });
    expect(resourcesOf(bootstrap, "aws_kms_key").state_key.enable_key_rotation).toBe(true);
    expect(resourcesOf(bootstrap, "aws_dynamodb_table").lock_table.lifecycle).toEqual({ prevent_destroy: true });
    expect(resourcesOf(bootstrap, "aws_s3_bucket").state_bucket.lifecycle).toEqual({ prevent_destroy: true });
  });
});

describe("bootstrap stack options", () => {
  const keyArn = "arn:aws:kms:us-east-1:333333333333:key/0b0f3c4e-8f1a-4d52-9c1e-6a7b8c9d0e1f";
  // The bootstrap stack reads no other stack's outputs: the variants that check only it build it alone.
  const bootstrapOf = (config: EnvironmentConfig) => synthStacks(config, (app) => new BootstrapStack(app, { config }));
  const migrated = bootstrapOf(editedConfig("prod", (raw) => (raw.stateBackend.bootstrapStateBackend = "s3")));
  const externalKey = bootstrapOf(editedConfig("prod", (raw) => (raw.stateBackend.kmsKeyId = keyArn)));
  const sseS3 = synthConfig(editedConfig("dev", (raw) => delete raw.stateBackend.kmsKeyId));

  it("moves its state into its own bucket once bootstrapStateBackend is s3", () => {
    expect(migrated.stack("bootstrap").json.terraform.backend).toEqual({
      s3: expect.objectContaining({
        bucket: migrated.config.stateBackend.bucket,
        key: "voice-ai/prod/bootstrap.tfstate",
        dynamodb_table: migrated.config.stateBackend.lockTable,
        encrypt: true,
      }),
    });
  });

  it("keeps the local state of every blueprint and environment in a file of its own", () => {
    // "": every environment, whatever INFRA_ENVS says.
    const paths = loadBlueprints(Object.keys(BLUEPRINTS).join(","), "").map((config) => localStatePath(config, "bootstrap"));
    expect(paths).toContain("../../../terraform-state/saprism/prod/bootstrap.tfstate");
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("keeps it in the working directory of the test-only emulator runs, which plan scratch copies elsewhere", () => {
    const emulated = bootstrapOf(
      editedConfig("dev", (raw) => (raw.stateBackend.localEmulator = { s3: "http://127.0.0.1:4568", dynamodb: "http://127.0.0.1:4567" })),
    );
    expect(emulated.stack("bootstrap").json.terraform.backend).toEqual({ local: { path: "voice-ai-dev-bootstrap.tfstate" } });
  });

  it("uses a key managed elsewhere when kmsKeyId is an ARN, and creates none", () => {
    const bootstrap = externalKey.stack("bootstrap");
    expect(resourcesOf(bootstrap, "aws_kms_key")).toEqual({});
    const [encryption] = Object.values(resourcesOf(bootstrap, "aws_s3_bucket_server_side_encryption_configuration"));
    expect(encryption.rule[0].apply_server_side_encryption_by_default.kms_master_key_id).toBe(keyArn);
    expect(resourcesOf(bootstrap, "aws_dynamodb_table").lock_table.server_side_encryption.kms_key_arn).toBe(keyArn);
  });

  it("falls back to SSE-S3 without kmsKeyId, like the backends, and still locks with a CMK-encrypted table", () => {
    const bootstrap = sseS3.stack("bootstrap");
    const [encryption] = Object.values(resourcesOf(bootstrap, "aws_s3_bucket_server_side_encryption_configuration"));
    expect(encryption.rule[0].apply_server_side_encryption_by_default).toEqual({ sse_algorithm: "AES256" });
    expect(sseS3.stack("vpc").json.terraform.backend?.s3).not.toHaveProperty("kms_key_id");
    expect(resourcesOf(bootstrap, "aws_kms_alias").state_key_alias.name).toBe("alias/voice-ai-dev-tfstate");
    expect(resourcesOf(bootstrap, "aws_dynamodb_table").lock_table.server_side_encryption.kms_key_arn).toBe("${aws_kms_key.state_key.arn}");
    const report = sseS3.guardrailReports().find((r) => r.stack === "dev-bootstrap")!;
    expect(report.findings.filter((f) => f.level === "error")).toEqual([]);
    expect(report.suppressed.map((f) => f.ruleId)).toEqual(["VP-S3-2"]);
  });
});
