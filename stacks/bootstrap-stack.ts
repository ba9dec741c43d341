import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { EncryptionKey } from "../constructs/encryption-key";
import { suppress } from "../guardrails";
import { SecureBucket } from "../constructs/secure-bucket";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export type BootstrapStackProps = Omit<PlatformStackProps, "component" | "backend">;

/**
 * What every other stack's backend needs before it can exist: the state bucket and the lock table of this
 * account. Their names are `config.stateBackend`'s, the same values every S3 backend is written from, so they
 * cannot drift. The stack keeps its own state locally until the bucket exists, in
 * `terraform-state/<project>/<env>/bootstrap.tfstate` where no synth or deploy deletes it, then moves it there
 * (`stateBackend.bootstrapStateBackend`, docs/bootstrap-state.md).
 */
export class BootstrapStack extends PlatformStack {
  readonly stateBucketName: string;
  readonly stateBucketArn: string;
  readonly lockTableName: string;
  readonly lockTableArn: string;
  /** CMK of the lock table, and of the state bucket when `stateBackend.kmsKeyId` is set. */
  readonly stateKeyArn: string;

  constructor(scope: Construct, props: BootstrapStackProps) {
    super(scope, { ...props, component: "bootstrap", backend: props.config.stateBackend.bootstrapStateBackend });
    const { config } = this;
    const backend = config.stateBackend;

    // An `alias/...` in config names the key this stack creates; an ARN is a key managed elsewhere.
    const externalKeyArn = backend.kmsKeyId?.startsWith("arn:") ? backend.kmsKeyId : undefined;
    this.stateKeyArn =
      externalKeyArn ??
      new EncryptionKey(this, "state_key", {
        alias: backend.kmsKeyId?.slice("alias/".length) ?? `${this.namePrefix}-tfstate`,
        description: `${this.namePrefix} Terraform state and state locks`,
        accountId: config.accountId,
        deletionWindowDays: config.kms.deletionWindowDays,
        rotationPeriodDays: config.kms.rotationPeriodDays,
      }).arn;

    // Backends write every object with their own SSE setting (encrypt = true, plus kms_key_id when configured),
    // which overrides the bucket default; the default matches it so that both say the same.
    const bucket = new SecureBucket(this, "state_bucket", {
      bucketName: backend.bucket,
      ...(backend.kmsKeyId ? { kmsKeyArn: this.stateKeyArn } : { s3ManagedEncryption: true }),
      lifecycleRules: [{ id: "expire-superseded-state", noncurrentExpirationDays: backend.noncurrentVersionDays }],
    });
    if (!backend.kmsKeyId) {
      suppress(bucket, {
        id: "VP-S3-2",
        reason: "stateBackend.kmsKeyId is unset, so every backend writes state as SSE-S3 (AES256); the bucket default says the same",
      });
    }
    // Losing this bucket loses every stack's state; destroying it must take a code change first.
    bucket.bucket.lifecycle = { preventDestroy: true };
    this.stateBucketName = bucket.bucketName;
    this.stateBucketArn = bucket.bucketArn;

    const lockTable = new DynamodbTable(this, "lock_table", {
      name: backend.lockTable,
      hashKey: "LockID",
      attribute: [{ name: "LockID", type: "S" }],
      billingMode: "PAY_PER_REQUEST",
      pointInTimeRecovery: { enabled: true },
      serverSideEncryption: { enabled: true, kmsKeyArn: this.stateKeyArn },
      deletionProtectionEnabled: true,
      tags: { Name: backend.lockTable },
      lifecycle: { preventDestroy: true },
    });
    this.lockTableName = lockTable.name;
    this.lockTableArn = lockTable.arn;

    // Printed by the one-time `cdktf deploy <env>-bootstrap` (README, "State and locking").
    new TerraformOutput(this, "state_bucket_name", { value: this.stateBucketName, description: "Bucket holding every stack's state" });
    new TerraformOutput(this, "lock_table_name", { value: this.lockTableName, description: "DynamoDB table for state locks" });
    new TerraformOutput(this, "state_key_arn", {
      value: this.stateKeyArn,
      description: "CMK of the lock table (and of state objects with stateBackend.kmsKeyId)",
    });
  }
}
