import { BackupPlan } from "@cdktf/provider-aws/lib/backup-plan";
import { BackupSelection } from "@cdktf/provider-aws/lib/backup-selection";
import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { BackupVaultLockConfiguration } from "@cdktf/provider-aws/lib/backup-vault-lock-configuration";
import { S3BucketReplicationConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-replication-configuration";
import type { TerraformProvider } from "cdktf";
import type { Construct } from "constructs";
import { bucketNameFor } from "../config/sections/storage";
import { SecureBucket } from "../constructs/secure-bucket";
import { ServiceRole } from "../constructs/service-role";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface BackupStackProps extends Omit<PlatformStackProps, "component"> {
  /** CMK (secrets-kms `backup`) of the primary vault and the backups bucket. */
  readonly backupKeyArn: string;
  /**
   * CMK in the DR region (secrets-kms `drKeyArn`) of the DR vault and the replica bucket.
   * @default - none; required when `dr.enabled`
   */
  readonly drKeyArn?: string;
  /**
   * ARN of the primary RDS instance (rds stack), selected by ARN so it is never missed for a lost tag.
   * @default - no database; the plan selects tagged resources only
   */
  readonly rdsInstanceArn?: string;
  /**
   * ARNs of the DynamoDB tables (data-dynamodb stack), selected by ARN like the RDS instance: nothing tags them, so
   * the tag selection alone would back up nothing.
   * @default - no tables
   */
  readonly dynamodbTableArns?: readonly string[];
}

/** AWS-maintained policies of the AWS Backup service role: backup and restore, including S3 buckets picked by tag. */
const BACKUP_MANAGED_POLICIES = [
  "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
  "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
  "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup",
  "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore",
];

/**
 * Recoverability: AWS Backup (vault, optional lock, daily plan with point-in-time recovery and a copy to the
 * DR region) and the backups bucket replicated to the DR region. With DR off nothing here touches the DR region.
 */
export class BackupStack extends PlatformStack {
  /** ARN of the primary backup vault. */
  readonly vaultArn: string;
  /** ARN of the DR-region vault that receives copies; undefined without DR. */
  readonly drVaultArn?: string;
  /** Name of the backups bucket (database dumps, exports) in the primary region. */
  readonly backupsBucketName: string;

  constructor(scope: Construct, props: BackupStackProps) {
    super(scope, { ...props, component: "backup" });
    const { config } = this;
    const settings = this.section("backup");
    if (config.dr.enabled && !props.drKeyArn) {
      throw new Error(`${this.node.id}: drKeyArn is required when dr.enabled is true (pass secretsKms.drKeyArn)`);
    }
    const drKeyArn = config.dr.enabled ? props.drKeyArn : undefined;

    const vault = this.vault("vault", `${this.namePrefix}-vault`, props.backupKeyArn);
    this.vaultArn = vault.arn;
    const drVault = drKeyArn ? this.vault("dr_vault", `${this.namePrefix}-dr-vault`, drKeyArn, this.drProvider) : undefined;
    this.drVaultArn = drVault?.arn;

    const plan = new BackupPlan(this, "plan", {
      name: `${this.namePrefix}-daily`,
      rule: [
        {
          ruleName: "daily",
          targetVaultName: vault.name,
          schedule: settings.schedule,
          startWindow: settings.startWindowMinutes,
          completionWindow: settings.completionWindowMinutes,
          // RDS gets point-in-time recovery; resource types without continuous backup get the daily snapshot.
          enableContinuousBackup: settings.continuousBackup,
          lifecycle: {
            deleteAfter: settings.retention.deleteAfterDays,
            coldStorageAfter: settings.retention.coldStorageAfterDays,
          },
          copyAction: drVault
            ? [
                {
                  destinationVaultArn: drVault.arn,
                  lifecycle: {
                    deleteAfter: settings.drCopy.deleteAfterDays,
                    coldStorageAfter: settings.drCopy.coldStorageAfterDays,
                  },
                },
              ]
            : undefined,
          recoveryPointTags: { plan: `${this.namePrefix}-daily` },
        },
      ],
      tags: this.nameTags("backup-plan"),
    });

    // Trust without aws:SourceAccount: AWS Backup's documented service role trusts the bare service principal.
    const role = new ServiceRole(this, "backup_role", {
      name: `${this.namePrefix}-backup`,
      assumedBy: "backup.amazonaws.com",
      managedPolicyArns: BACKUP_MANAGED_POLICIES,
    });
    if (props.rdsInstanceArn !== undefined) {
      new BackupSelection(this, "rds_selection", {
        name: `${this.namePrefix}-rds`,
        planId: plan.id,
        iamRoleArn: role.arn,
        resources: [props.rdsInstanceArn],
      });
    }
    if (props.dynamodbTableArns !== undefined && props.dynamodbTableArns.length > 0) {
      new BackupSelection(this, "dynamodb_selection", {
        name: `${this.namePrefix}-dynamodb`,
        planId: plan.id,
        iamRoleArn: role.arn,
        resources: [...props.dynamodbTableArns],
      });
    }
    // Operators' opt-in for resources made outside this code; what the stacks here make is selected by ARN above.
    new BackupSelection(this, "tagged_selection", {
      name: `${this.namePrefix}-tagged`,
      planId: plan.id,
      iamRoleArn: role.arn,
      selectionTag: [{ type: "STRINGEQUALS", key: settings.selectionTag.key, value: settings.selectionTag.value }],
    });

    const bucket = this.backupsBucket("backups_bucket", bucketNameFor(config, "backups"), props.backupKeyArn);
    this.backupsBucketName = bucket.bucketName;
    if (drKeyArn) {
      const replica = this.backupsBucket("backups_replica_bucket", bucketNameFor(config, "backups-dr"), drKeyArn, this.drProvider);
      this.replicate(bucket, replica, props.backupKeyArn, drKeyArn);
    }
  }

  private vault(id: string, name: string, kmsKeyArn: string, provider?: TerraformProvider): BackupVault {
    const vault = new BackupVault(this, id, { provider, name, kmsKeyArn, tags: this.nameTags(name.slice(this.namePrefix.length + 1)) });
    const lock = this.section("backup").vaultLock;
    if (lock.enabled) {
      new BackupVaultLockConfiguration(this, `${id}_lock`, {
        provider,
        backupVaultName: vault.name,
        minRetentionDays: lock.minRetentionDays,
        maxRetentionDays: lock.maxRetentionDays,
        changeableForDays: lock.changeableForDays,
      });
    }
    return vault;
  }

  private backupsBucket(id: string, bucketName: string, kmsKeyArn: string, provider?: TerraformProvider): SecureBucket {
    return new SecureBucket(this, id, {
      provider,
      bucketName,
      kmsKeyArn,
      lifecycleRules: [{ id: "expire-noncurrent-versions", noncurrentExpirationDays: this.section("backup").bucketNoncurrentVersionDays }],
    });
  }

  /** Cross-region replication with a role that can touch exactly the two buckets and the two keys. */
  private replicate(source: SecureBucket, replica: SecureBucket, sourceKeyArn: string, replicaKeyArn: string): void {
    const { region, dr } = this.config;
    // With S3 Bucket Keys the encryption context is the bucket ARN, without them the object ARN.
    const contextOf = (bucketArn: string) => [bucketArn, `${bucketArn}/*`];
    const role = new ServiceRole(this, "replication_role", {
      name: `${this.namePrefix}-backups-replication`,
      assumedBy: "s3.amazonaws.com",
      sourceAccount: this.config.accountId,
      statements: [
        {
          sid: "ReadSourceReplicationConfig",
          actions: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
          resources: [source.bucketArn],
        },
        {
          sid: "ReadSourceObjectVersions",
          actions: ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
          resources: [`${source.bucketArn}/*`],
        },
        {
          sid: "WriteReplicas",
          actions: ["s3:ReplicateObject", "s3:ReplicateTags"],
          resources: [`${replica.bucketArn}/*`],
        },
        {
          sid: "DecryptSourceObjects",
          actions: ["kms:Decrypt"],
          resources: [sourceKeyArn],
          conditions: {
            StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` },
            StringLike: { "kms:EncryptionContext:aws:s3:arn": contextOf(source.bucketArn) },
          },
        },
        {
          sid: "EncryptReplicasWithDrKey",
          actions: ["kms:Encrypt", "kms:GenerateDataKey"],
          resources: [replicaKeyArn],
          conditions: {
            StringEquals: { "kms:ViaService": `s3.${dr.region}.amazonaws.com` },
            StringLike: { "kms:EncryptionContext:aws:s3:arn": contextOf(replica.bucketArn) },
          },
        },
      ],
    });
    new S3BucketReplicationConfigurationA(this, "backups_replication", {
      bucket: source.bucketName,
      role: role.arn,
      rule: [
        {
          id: "to-dr-region",
          status: "Enabled",
          filter: {},
          // Deletes stay in the primary region: a mistaken or malicious delete must not reach the DR copy.
          deleteMarkerReplication: { status: "Disabled" },
          sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
          destination: {
            bucket: replica.bucketArn,
            storageClass: "STANDARD_IA",
            encryptionConfiguration: { replicaKmsKeyId: replicaKeyArn },
          },
        },
      ],
      // S3 rejects a replication configuration until versioning is on for the source.
      dependsOn: [source.versioning, replica.versioning],
    });
  }
}
