import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";
import { DbParameterGroup } from "@cdktf/provider-aws/lib/db-parameter-group";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import type { TerraformProvider } from "cdktf";
import type { Construct } from "constructs";
import { DR_REPLICA_SUFFIX, type DatabaseConfig, READ_REPLICA_SUFFIX } from "../config/sections/database";
import { EncryptedLogGroup } from "../constructs/encrypted-log-group";
import { EphemeralResource } from "../constructs/ephemeral-resource";
import { POSTGRES_PORT } from "../constructs/ports";
import { ServiceRole } from "../constructs/service-role";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface RdsStackProps extends Omit<PlatformStackProps, "component"> {
  /** Isolated database subnets (from vpc), one per AZ. */
  readonly databaseSubnetIds: readonly string[];
  /** Security group that admits 5432 from ECS tasks only (from vpc). */
  readonly securityGroupId: string;
  /** CMK for storage, snapshots and Performance Insights (from secrets-kms). */
  readonly rdsKeyArn: string;
  /** The `rds-master-user` secret (from secrets-kms): JSON `username` and `password`, written write-only there. */
  readonly masterSecretArn: string;
  /** CMK of the exported PostgreSQL log groups (from secrets-kms). */
  readonly logsKeyArn: string;
  /**
   * CMK in the DR region for the cross-region replica (from secrets-kms).
   * @default - none; required when `database.drReplica.enabled`
   */
  readonly drKeyArn?: string;
}

const LOG_EXPORTS = ["postgresql", "upgrade"];
const ENHANCED_MONITORING_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole";

/**
 * PostgreSQL on RDS: a Multi-AZ-capable primary in the isolated subnets with every data path encrypted by CMKs
 * (storage, snapshots, Performance Insights, logs), TLS forced by the parameter group, an optional same-region read
 * replica and an optional cross-region replica in the DR region. The master password comes from the `rds-master-user`
 * secret through an ephemeral read into `password_wo`, so it is in neither this stack's state nor its plan.
 */
export class RdsStack extends PlatformStack {
  readonly instanceIdentifier: string;
  readonly instanceArn: string;
  /** Host name of the primary. */
  readonly address: string;
  readonly port: number = POSTGRES_PORT;
  readonly databaseName: string;
  /** `DbiResourceId` of the primary: the instance part of an IAM auth `rds-db:connect` resource. */
  readonly resourceId: string;
  /** Identifier of the same-region read replica, when enabled. */
  readonly readReplicaIdentifier?: string;
  /** Host name of the same-region read replica, when enabled. */
  readonly readReplicaAddress?: string;
  /** `DbiResourceId` of the same-region read replica, when enabled (IAM auth grants are per instance). */
  readonly readReplicaResourceId?: string;
  /** ARN of the cross-region replica, when enabled. */
  readonly drReplicaArn?: string;
  private readonly settings: DatabaseConfig;

  constructor(scope: Construct, props: RdsStackProps) {
    super(scope, { ...props, component: "rds" });
    const db = this.config.database;
    if (!db) throw new Error(`${this.node.id}: the config has no database section, so this stack must not be created`);
    this.settings = db;
    if (db.drReplica.enabled && !props.drKeyArn) {
      throw new Error(`${this.node.id}: drKeyArn is required when database.drReplica.enabled is true`);
    }

    const subnetGroup = new DbSubnetGroup(this, "db_subnet_group", {
      name: `${this.namePrefix}-database`,
      description: "Isolated database subnets, one per AZ",
      subnetIds: [...props.databaseSubnetIds],
      tags: this.nameTags("database"),
    });
    const parameterGroup = this.parameterGroup("db_parameter_group");

    const monitoringRole = new ServiceRole(this, "rds_monitoring_role", {
      name: `${this.namePrefix}-rds-monitoring`,
      assumedBy: "monitoring.rds.amazonaws.com",
      sourceAccount: this.config.accountId,
      managedPolicyArns: [ENHANCED_MONITORING_POLICY],
    });
    // Settings every instance of this stack shares, replicas included.
    const common = {
      engine: "postgres",
      port: POSTGRES_PORT,
      publiclyAccessible: false,
      storageType: "gp3",
      storageEncrypted: true,
      maxAllocatedStorage: db.maxAllocatedStorageGb,
      iamDatabaseAuthenticationEnabled: true,
      autoMinorVersionUpgrade: true,
      copyTagsToSnapshot: true,
      caCertIdentifier: "rds-ca-rsa2048-g1",
      monitoringInterval: db.monitoringIntervalSeconds,
      monitoringRoleArn: monitoringRole.arn,
      performanceInsightsEnabled: true,
      performanceInsightsRetentionPeriod: db.performanceInsightsRetentionDays,
    };

    const primaryLogs = this.logGroupsFor("rds", db.identifier, props.logsKeyArn);
    // Read at each plan and apply, never stored: the value only feeds the write-only password_wo.
    const masterSecret = new EphemeralResource(this, "master_secret", {
      type: "aws_secretsmanager_secret_version",
      config: { secret_id: props.masterSecretArn },
    });
    const primary = new DbInstance(this, "rds_instance", {
      ...common,
      identifier: db.identifier,
      engineVersion: db.engineVersion,
      instanceClass: db.instanceClass,
      allocatedStorage: db.allocatedStorageGb,
      kmsKeyId: props.rdsKeyArn,
      performanceInsightsKmsKeyId: props.rdsKeyArn,
      multiAz: db.multiAz,
      dbName: db.databaseName,
      username: db.masterUsername,
      // Not manage_master_user_password: RDS refuses read replicas of such a source (VP-RDS-5). RDS takes the
      // password when password_wo_version changes, i.e. when database.masterPasswordVersion is bumped.
      passwordWo: masterSecret.jsonMember("secret_string", "password"),
      passwordWoVersion: db.masterPasswordVersion,
      dbSubnetGroupName: subnetGroup.name,
      vpcSecurityGroupIds: [props.securityGroupId],
      parameterGroupName: parameterGroup.name,
      backupRetentionPeriod: db.backupRetentionDays,
      backupWindow: db.backupWindow,
      maintenanceWindow: db.maintenanceWindow,
      deletionProtection: db.deletionProtection,
      skipFinalSnapshot: !db.finalSnapshot,
      finalSnapshotIdentifier: db.finalSnapshot ? `${db.identifier}-final` : undefined,
      enabledCloudwatchLogsExports: LOG_EXPORTS,
      tags: this.nameTags("postgres"),
      // RDS would create the log groups itself, unencrypted and kept forever.
      dependsOn: primaryLogs,
    });
    this.instanceIdentifier = primary.identifier;
    this.instanceArn = primary.arn;
    this.address = primary.address;
    this.databaseName = db.databaseName;
    this.resourceId = primary.resourceId;

    if (db.readReplica.enabled) {
      const identifier = `${db.identifier}${READ_REPLICA_SUFFIX}`;
      const replica = new DbInstance(this, "rds_read_replica", {
        ...common,
        identifier,
        // The provider only accepts a subnet group on a replica whose source is given by ARN.
        replicateSourceDb: primary.arn,
        kmsKeyId: props.rdsKeyArn,
        instanceClass: db.readReplica.instanceClass ?? db.instanceClass,
        performanceInsightsKmsKeyId: props.rdsKeyArn,
        dbSubnetGroupName: subnetGroup.name,
        vpcSecurityGroupIds: [props.securityGroupId],
        parameterGroupName: parameterGroup.name,
        multiAz: false,
        // The primary's backups cover the data; a replica is rebuilt from it, never restored.
        backupRetentionPeriod: 0,
        deletionProtection: db.deletionProtection,
        skipFinalSnapshot: true,
        enabledCloudwatchLogsExports: LOG_EXPORTS,
        tags: this.nameTags("postgres-replica"),
        dependsOn: this.logGroupsFor("rds_read_replica", identifier, props.logsKeyArn),
      });
      this.readReplicaIdentifier = replica.identifier;
      this.readReplicaAddress = replica.address;
      this.readReplicaResourceId = replica.resourceId;
    }

    if (db.drReplica.enabled) {
      const drParameterGroup = this.parameterGroup("dr_db_parameter_group", this.drProvider);
      const drReplica = new DbInstance(this, "rds_dr_replica", {
        ...common,
        provider: this.drProvider,
        identifier: `${db.identifier}${DR_REPLICA_SUFFIX}`,
        // Cross-region replicas name their source by ARN and re-encrypt with a key of their own region.
        replicateSourceDb: primary.arn,
        instanceClass: db.drReplica.instanceClass ?? db.instanceClass,
        kmsKeyId: props.drKeyArn,
        performanceInsightsKmsKeyId: props.drKeyArn,
        // The DR region has no VPC of ours: the operator's subnet group (validated as present in config).
        dbSubnetGroupName: db.drReplica.subnetGroupName,
        vpcSecurityGroupIds: db.drReplica.securityGroupIds.length > 0 ? [...db.drReplica.securityGroupIds] : undefined,
        parameterGroupName: drParameterGroup.name,
        multiAz: false,
        backupRetentionPeriod: 0,
        deletionProtection: db.deletionProtection,
        skipFinalSnapshot: true,
        tags: this.nameTags("postgres-dr"),
      });
      this.drReplicaArn = drReplica.arn;
    }
  }

  /**
   * TLS-only connections and statement logging. No `shared_preload_libraries = vector`: RDS rejects it, and pgvector
   * needs no preload (`CREATE EXTENSION vector`).
   */
  private parameterGroup(id: string, provider?: TerraformProvider): DbParameterGroup {
    const db = this.settings;
    const major = db.engineVersion.split(".")[0];
    return new DbParameterGroup(this, id, {
      provider,
      // A prefix, not a fixed name: replacing the group (new family on a major upgrade) creates the new one first.
      namePrefix: `${this.namePrefix}-postgres${major}-`,
      family: `postgres${major}`,
      description: `${this.namePrefix} PostgreSQL ${major}: TLS only, statement logging`,
      parameter: [
        { name: "rds.force_ssl", value: "1" },
        { name: "log_min_duration_statement", value: String(db.slowQueryThresholdMs) },
        { name: "log_statement", value: db.logStatement },
        { name: "log_connections", value: "1" },
        { name: "log_disconnections", value: "1" },
        { name: "log_lock_waits", value: "1" },
      ],
      lifecycle: { createBeforeDestroy: true },
      tags: this.nameTags(`postgres${major}`),
    });
  }

  /** The log groups RDS exports into, created first so they are KMS-encrypted and expire. */
  private logGroupsFor(idPrefix: string, identifier: string, logsKeyArn: string) {
    return LOG_EXPORTS.map(
      (log) =>
        new EncryptedLogGroup(this, `${idPrefix}_${log}_log_group`, {
          name: `/aws/rds/instance/${identifier}/${log}`,
          kmsKeyArn: logsKeyArn,
          retentionDays: this.settings.logRetentionDays,
        }).logGroup,
    );
  }
}
