import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { describe, expect, it } from "vitest";
import { ENVIRONMENTS, parseEnvironmentConfig } from "../../config";
import { BackupStack } from "../../stacks/backup-stack";
import { resourcesOf, synthEnvironment } from "../support/synth";
import { testApp } from "../support/test-app";

const remote = (env: string, component: string, output: string) =>
  `\${data.terraform_remote_state.cross_stack_reference_input_${env}_${component}.outputs.${output}}`;

describe.each(["dev", "staging", "prod"])("%s backup stack", (env) => {
  const synth = synthEnvironment(env);
  const stack = synth.stack("backup");
  const { config } = synth;
  const backupKey = remote(env, "secrets_kms", "cross_stack_output_aws_kms_key_backup_key_arn");
  const drKey = remote(env, "secrets_kms", "cross_stack_output_aws_kms_key_dr_key_arn");

  it("encrypts the vault with the backup CMK from secrets-kms", () => {
    expect(stack.text).toHaveResourceWithProperties(BackupVault, { name: `${config.project}-${env}-vault`, kms_key_arn: backupKey });
  });

  it(config.backup!.vaultLock.enabled ? "locks every vault with the configured range" : "has no vault lock", () => {
    const locks = resourcesOf(stack, "aws_backup_vault_lock_configuration");
    const lock = config.backup!.vaultLock;
    if (!lock.enabled) {
      expect(locks).toEqual({});
      return;
    }
    const expected = config.dr.enabled ? ["dr_vault_lock", "vault_lock"] : ["vault_lock"];
    expect(Object.keys(locks).sort()).toEqual(expected);
    for (const entry of Object.values(locks)) {
      expect(entry).toEqual(
        expect.objectContaining({
          min_retention_days: lock.minRetentionDays,
          max_retention_days: lock.maxRetentionDays,
          changeable_for_days: lock.changeableForDays,
        }),
      );
    }
    expect(locks.vault_lock.backup_vault_name).toBe("${aws_backup_vault.vault.name}");
  });

  it("runs one daily rule on the configured schedule, retention and continuous backup into the vault", () => {
    const [rule, ...others] = resourcesOf(stack, "aws_backup_plan").plan.rule;
    expect(others).toEqual([]);
    expect(rule).toEqual(
      expect.objectContaining({
        rule_name: "daily",
        target_vault_name: "${aws_backup_vault.vault.name}",
        schedule: config.backup!.schedule,
        start_window: config.backup!.startWindowMinutes,
        completion_window: config.backup!.completionWindowMinutes,
        enable_continuous_backup: config.backup!.continuousBackup,
        lifecycle: { delete_after: config.backup!.retention.deleteAfterDays },
      }),
    );
  });

  it(config.dr.enabled ? "copies every recovery point to the DR vault ARN with its own retention" : "copies nothing out of the region", () => {
    const [rule] = resourcesOf(stack, "aws_backup_plan").plan.rule;
    if (config.dr.enabled) {
      expect(rule.copy_action).toEqual([
        { destination_vault_arn: "${aws_backup_vault.dr_vault.arn}", lifecycle: { delete_after: config.backup!.drCopy.deleteAfterDays } },
      ]);
    } else {
      expect(rule.copy_action).toBeUndefined();
    }
  });

  it("selects the RDS instance by the ARN the rds stack exports, read through its remote state", () => {
    const selection = resourcesOf(stack, "aws_backup_selection").rds_selection;
    expect(selection.resources).toEqual([remote(env, "rds", "cross_stack_output_aws_db_instance_rds_instance_arn")]);
    expect(selection.plan_id).toBe("${aws_backup_plan.plan.id}");
    expect(stack.json.data?.terraform_remote_state?.[`cross_stack_reference_input_${env}_rds`].config).toEqual(
      expect.objectContaining({ bucket: config.stateBackend.bucket, key: `${config.project}/${env}/rds.tfstate` }),
    );
  });

  it("also selects everything tagged backup=true, with the same role", () => {
    const selections = resourcesOf(stack, "aws_backup_selection");
    expect(selections.tagged_selection.selection_tag).toEqual([
      { type: "STRINGEQUALS", key: config.backup!.selectionTag.key, value: config.backup!.selectionTag.value },
    ]);
    expect(selections.tagged_selection.resources).toBeUndefined();
    for (const selection of Object.values(selections)) expect(selection.iam_role_arn).toBe("${aws_iam_role.backup_role.arn}");
  });

  it("gives AWS Backup a role of its own with the AWS managed backup and restore policies only", () => {
    const role = resourcesOf(stack, "aws_iam_role").backup_role;
    expect(JSON.parse(role.assume_role_policy).Statement).toEqual([
      expect.objectContaining({ Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" }),
    ]);
    const attached = Object.values(resourcesOf(stack, "aws_iam_role_policy_attachment"))
      .filter((a) => a.role === "${aws_iam_role.backup_role.name}")
      .map((a) => a.policy_arn);
    expect(attached).toContain("arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup");
    expect(attached).toContain("arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores");
    expect(attached.every((arn) => arn.startsWith("arn:aws:iam::aws:policy/") && arn.includes("AWSBackupServiceRolePolicy"))).toBe(true);
    expect(resourcesOf(stack, "aws_iam_role_policy").backup_role_policy).toBeUndefined();
  });

  it("keeps the backups bucket versioned and encrypted with the backup CMK", () => {
    const buckets = resourcesOf(stack, "aws_s3_bucket");
    expect(buckets.backups_bucket.bucket).toBe(`${config.project}-${env}-backups-${config.accountId}`);
    expect(resourcesOf(stack, "aws_s3_bucket_versioning").backups_bucket_versioning.versioning_configuration.status).toBe("Enabled");
    const encryption = resourcesOf(stack, "aws_s3_bucket_server_side_encryption_configuration").backups_bucket_encryption;
    expect(encryption.rule[0].apply_server_side_encryption_by_default).toEqual({ sse_algorithm: "aws:kms", kms_master_key_id: backupKey });
  });

  if (config.dr.enabled) {
    it("places the DR vault and the replica bucket in the DR region through the dr provider alias", () => {
      expect(stack.text).toHaveProviderWithProperties({ tfResourceType: "aws" }, { alias: "dr", region: config.dr.region });
      expect(resourcesOf(stack, "aws_backup_vault").dr_vault).toEqual(
        expect.objectContaining({ provider: "aws.dr", kms_key_arn: drKey, name: `${config.project}-${env}-dr-vault` }),
      );
      const inDr = Object.entries(stack.json.resource ?? {}).flatMap(([type, byId]) =>
        Object.entries(byId)
          .filter(([, body]) => body.provider === "aws.dr")
          .map(([id]) => `${type}.${id}`),
      );
      expect(inDr).toEqual(
        expect.arrayContaining([
          "aws_backup_vault.dr_vault",
          "aws_s3_bucket.backups_replica_bucket",
          "aws_s3_bucket_versioning.backups_replica_bucket_versioning",
          "aws_s3_bucket_server_side_encryption_configuration.backups_replica_bucket_encryption",
          "aws_s3_bucket_public_access_block.backups_replica_bucket_public_access_block",
        ]),
      );
      expect(inDr.every((address) => address.includes("dr_vault") || address.includes("replica_bucket"))).toBe(true);
      expect(resourcesOf(stack, "aws_backup_vault").vault.provider).toBeUndefined();
    });

    it("replicates the backups bucket to the DR bucket as STANDARD_IA, re-encrypted with the DR key", () => {
      const replication = resourcesOf(stack, "aws_s3_bucket_replication_configuration").backups_replication;
      expect(replication.bucket).toBe("${aws_s3_bucket.backups_bucket.bucket}");
      expect(replication.role).toBe("${aws_iam_role.replication_role.arn}");
      expect(replication.depends_on).toContain("aws_s3_bucket_versioning.backups_bucket_versioning");
      expect(replication.rule).toEqual([
        expect.objectContaining({
          status: "Enabled",
          delete_marker_replication: { status: "Disabled" },
          source_selection_criteria: { sse_kms_encrypted_objects: { status: "Enabled" } },
          destination: {
            bucket: "${aws_s3_bucket.backups_replica_bucket.arn}",
            storage_class: "STANDARD_IA",
            encryption_configuration: { replica_kms_key_id: drKey },
          },
        }),
      ]);
    });

    it("scopes the replication role to exactly the two buckets and the two keys", () => {
      const role = resourcesOf(stack, "aws_iam_role").replication_role;
      expect(JSON.parse(role.assume_role_policy).Statement[0]).toEqual(
        expect.objectContaining({
          Principal: { Service: "s3.amazonaws.com" },
          Condition: { StringEquals: { "aws:SourceAccount": config.accountId } },
        }),
      );
      const statements: any[] = JSON.parse(resourcesOf(stack, "aws_iam_role_policy").replication_role_policy.policy).Statement;
      const resources = statements.flatMap((s) => [s.Resource].flat());
      const source = "${aws_s3_bucket.backups_bucket.arn}";
      const replica = "${aws_s3_bucket.backups_replica_bucket.arn}";
      expect(new Set(resources)).toEqual(new Set([source, `${source}/*`, `${replica}/*`, backupKey, drKey]));
      expect(statements.every((s) => s.Effect === "Allow" && ![s.Action].flat().some((a: string) => a.endsWith("*")))).toBe(true);

      const kms = (key: string) => statements.find((s) => s.Resource === key);
      expect(kms(backupKey).Action).toBe("kms:Decrypt");
      expect(kms(backupKey).Condition.StringEquals["kms:ViaService"]).toBe(`s3.${config.region}.amazonaws.com`);
      expect(kms(drKey).Action).toEqual(["kms:Encrypt", "kms:GenerateDataKey"]);
      expect(kms(drKey).Condition.StringEquals["kms:ViaService"]).toBe(`s3.${config.dr.region}.amazonaws.com`);
      expect(kms(drKey).Condition.StringLike["kms:EncryptionContext:aws:s3:arn"]).toEqual([replica, `${replica}/*`]);
    });
  } else {
    it("creates nothing in the DR region without DR: no dr provider, vault, bucket or replication", () => {
      expect(Object.keys(stack.json.provider?.aws ?? {})).toHaveLength(1);
      expect(stack.json.provider?.aws.some((p) => p.alias === "dr")).toBe(false);
      expect(stack.text).not.toContain("aws.dr");
      expect(resourcesOf(stack, "aws_backup_vault").dr_vault).toBeUndefined();
      expect(resourcesOf(stack, "aws_s3_bucket_replication_configuration")).toEqual({});
      expect(Object.keys(resourcesOf(stack, "aws_s3_bucket"))).toEqual(["backups_bucket"]);
      expect(stack.text).not.toContain("dr_key_arn");
    });
  }
});

describe("BackupStack inputs", () => {
  it("refuses to build a DR copy without the DR key", () => {
    const config = parseEnvironmentConfig(ENVIRONMENTS.prod, "prod");
    expect(
      () =>
        new BackupStack(testApp(), {
          config,
          backupKeyArn: "arn:aws:kms:us-east-1:333333333333:key/b",
          rdsInstanceArn: "arn:aws:rds:us-east-1:333333333333:db:x",
        }),
    ).toThrow(/drKeyArn is required when dr\.enabled is true/);
  });
});
