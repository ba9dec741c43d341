import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";
import { DbParameterGroup } from "@cdktf/provider-aws/lib/db-parameter-group";
import { DbSubnetGroup } from "@cdktf/provider-aws/lib/db-subnet-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { describe, expect, it } from "vitest";
import { fixtureEnvironment, fullFixture, synthFixture, withCache, withDatabase } from "../support/fixtures";
import { remoteOutputRef, remoteStateSources } from "../support/remote-state";
import { resourcesOf } from "../support/synth";

// The shipped environments' classes, storage, backup retention and prod rules: __tests__/unit/sizing-policy.test.ts.
describe.each([
  ["single-AZ, unprotected, no replicas", withCache(withDatabase(fixtureEnvironment()))],
  ["Multi-AZ, protected, a read replica of its own class and a DR replica", fullFixture()],
])("rds stack: %s", (_variant, input) => {
  const synth = synthFixture(input);
  const env = synth.config.environment;
  const rds = synth.stack("rds");
  const db = synth.config.database!;
  const instances = resourcesOf(rds, "aws_db_instance");
  const primary = instances.rds_instance;

  it("reads vpc and secrets-kms through terraform_remote_state with their S3 backends' bucket, region and key", () => {
    // remoteStateSources finds each source by its backend's bucket, region and key, and fails on any other.
    expect(remoteStateSources(synth, rds).sort()).toEqual(["secrets-kms", "vpc"]);
  });

  it("runs the configured PostgreSQL engine, version and class on autoscaling gp3", () => {
    expect(rds.text).toHaveResourceWithProperties(DbInstance, {
      identifier: db.identifier,
      engine: "postgres",
      engine_version: db.engineVersion,
      instance_class: db.instanceClass,
      storage_type: "gp3",
      allocated_storage: db.allocatedStorageGb,
      max_allocated_storage: db.maxAllocatedStorageGb,
      db_name: db.databaseName,
      port: 5432,
      publicly_accessible: false,
    });
  });

  it("encrypts storage and Performance Insights with the RDS CMK from secrets-kms", () => {
    expect(primary.storage_encrypted).toBe(true);
    expect(remoteOutputRef(synth, primary.kms_key_id)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.rds_key.arn}" });
    expect(primary.performance_insights_enabled).toBe(true);
    expect(remoteOutputRef(synth, primary.performance_insights_kms_key_id)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.rds_key.arn}" });
    expect(primary.performance_insights_retention_period).toBe(db.performanceInsightsRetentionDays);
  });

  it("hands RDS the rds-master-user secret's password write-only, read ephemerally: no password in state, plan or outputs", () => {
    // RDS refuses read replicas of a source with manage_master_user_password (VP-RDS-5).
    expect(primary).not.toHaveProperty("manage_master_user_password");
    expect(primary).not.toHaveProperty("password");
    expect(primary.username).toBe(db.masterUsername);
    const reader = (rds.json as { ephemeral?: Record<string, Record<string, { secret_id: string }>> }).ephemeral?.aws_secretsmanager_secret_version
      ?.master_secret;
    expect(remoteOutputRef(synth, reader?.secret_id)).toEqual({ stack: "secrets-kms", value: "${aws_secretsmanager_secret.rds_master_user.arn}" });
    expect(primary.password_wo).toBe('${jsondecode(ephemeral.aws_secretsmanager_secret_version.master_secret.secret_string)["password"]}');
    expect(primary.password_wo_version).toBe(db.masterPasswordVersion);
    for (const instance of Object.values(instances).filter((i) => i !== primary)) {
      expect(instance).not.toHaveProperty("password_wo");
      expect(instance).not.toHaveProperty("manage_master_user_password");
    }
    expect(rds.text).not.toMatch(/random_password|master_user_secret/);
    expect(JSON.stringify(rds.json.output ?? {})).not.toMatch(/password|ephemeral/);
  });

  it("places the primary in the vpc stack's database subnets behind its RDS security group", () => {
    const subnets = resourcesOf(rds, "aws_db_subnet_group").db_subnet_group.subnet_ids as string[];
    expect(subnets).toHaveLength(synth.config.network!.availabilityZones.length);
    for (const [i, ref] of subnets.entries()) {
      expect(remoteOutputRef(synth, ref)).toEqual({
        stack: "vpc",
        value: `\${aws_subnet.database_subnet_${synth.config.network!.availabilityZones[i].replace(/-/g, "_")}.id}`,
      });
    }
    expect(rds.text).toHaveResourceWithProperties(DbSubnetGroup, { name: `${synth.config.project}-${env}-database` });
    expect(primary.db_subnet_group_name).toBe("${aws_db_subnet_group.db_subnet_group.name}");
    expect(primary.vpc_security_group_ids.map((ref: string) => remoteOutputRef(synth, ref))).toEqual([
      { stack: "vpc", value: "${aws_security_group.rds_security_group.id}" },
    ]);
  });

  it("forces TLS and logs statements; no shared_preload_libraries (pgvector is CREATE EXTENSION)", () => {
    expect(rds.text).toHaveResourceWithProperties(DbParameterGroup, {
      family: `postgres${db.engineVersion.split(".")[0]}`,
      parameter: expect.arrayContaining([
        { name: "rds.force_ssl", value: "1" },
        { name: "log_min_duration_statement", value: String(db.slowQueryThresholdMs) },
        { name: "log_statement", value: db.logStatement },
      ]),
    });
    for (const group of Object.values(resourcesOf(rds, "aws_db_parameter_group"))) {
      const names = group.parameter.map((p: { name: string }) => p.name);
      expect(names).toContain("rds.force_ssl");
      expect(names).not.toContain("shared_preload_libraries");
      expect(JSON.stringify(group)).not.toMatch(/vector/);
    }
    expect(primary.parameter_group_name).toBe("${aws_db_parameter_group.db_parameter_group.name}");
  });

  it("keeps backups in the configured windows and copies tags to snapshots", () => {
    expect(primary).toEqual(
      expect.objectContaining({
        backup_retention_period: db.backupRetentionDays,
        backup_window: db.backupWindow,
        maintenance_window: db.maintenanceWindow,
        copy_tags_to_snapshot: true,
        auto_minor_version_upgrade: true,
      }),
    );
  });

  it("turns on IAM auth, enhanced monitoring with its own role, and log exports into encrypted groups", () => {
    expect(primary.iam_database_authentication_enabled).toBe(true);
    expect(primary.monitoring_interval).toBe(db.monitoringIntervalSeconds);
    expect(primary.monitoring_role_arn).toBe("${aws_iam_role.rds_monitoring_role.arn}");
    const trust = JSON.parse(resourcesOf(rds, "aws_iam_role").rds_monitoring_role.assume_role_policy);
    expect(trust.Statement[0].Principal).toEqual({ Service: "monitoring.rds.amazonaws.com" });
    expect(rds.text).toHaveResourceWithProperties(IamRole, { name: `${synth.config.project}-${env}-rds-monitoring` });
    expect(Object.values(resourcesOf(rds, "aws_iam_role_policy_attachment")).map((a) => a.policy_arn)).toEqual([
      "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
    ]);

    expect(primary.enabled_cloudwatch_logs_exports).toEqual(["postgresql", "upgrade"]);
    const groups = resourcesOf(rds, "aws_cloudwatch_log_group");
    for (const log of ["postgresql", "upgrade"]) {
      const group = groups[`rds_${log}_log_group`];
      expect(group.name).toBe(`/aws/rds/instance/${db.identifier}/${log}`);
      expect(group.retention_in_days).toBe(db.logRetentionDays);
      expect(remoteOutputRef(synth, group.kms_key_id)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.logs_key.arn}" });
      expect(primary.depends_on).toContain(`aws_cloudwatch_log_group.rds_${log}_log_group`);
    }
  });

  it(db.multiAz ? "is Multi-AZ, deletion-protected and keeps a final snapshot" : "is single-AZ, unprotected and skips the final snapshot", () => {
    expect(primary.multi_az).toBe(db.multiAz);
    expect(primary.deletion_protection).toBe(db.deletionProtection);
    expect(primary.skip_final_snapshot).toBe(!db.finalSnapshot);
    if (db.finalSnapshot) {
      expect(primary.final_snapshot_identifier).toBe(`${db.identifier}-final`);
    } else {
      expect(primary).not.toHaveProperty("final_snapshot_identifier");
    }
  });

  it(db.readReplica.enabled ? "adds a read replica of the primary" : "has no read replica", () => {
    const replica = instances.rds_read_replica;
    if (!db.readReplica.enabled) {
      expect(replica).toBeUndefined();
      expect(synth.stacks.rds!.readReplicaIdentifier).toBeUndefined();
      return;
    }
    expect(replica).toEqual(
      expect.objectContaining({
        identifier: `${db.identifier}-replica`,
        replicate_source_db: "${aws_db_instance.rds_instance.arn}",
        parameter_group_name: "${aws_db_parameter_group.db_parameter_group.name}",
        publicly_accessible: false,
        iam_database_authentication_enabled: true,
        performance_insights_enabled: true,
        instance_class: db.readReplica.instanceClass,
        backup_retention_period: 0,
      }),
    );
    expect(db.readReplica.instanceClass).not.toBe(db.instanceClass);
    expect(replica).not.toHaveProperty("manage_master_user_password");
    expect(Object.keys(resourcesOf(rds, "aws_cloudwatch_log_group"))).toEqual(
      expect.arrayContaining(["rds_read_replica_postgresql_log_group", "rds_read_replica_upgrade_log_group"]),
    );
  });

  it(
    db.drReplica.enabled ? "replicates across regions with the DR key, the DR provider and the operator's subnet group" : "has no DR replica",
    () => {
      const drReplica = instances.rds_dr_replica;
      if (!db.drReplica.enabled) {
        expect(drReplica).toBeUndefined();
        expect(synth.stacks.rds!.drReplicaArn).toBeUndefined();
        expect(rds.json.provider?.aws?.some((p) => p.alias === "dr")).toBeFalsy();
        return;
      }
      expect(drReplica).toEqual(
        expect.objectContaining({
          provider: "aws.dr",
          identifier: `${db.identifier}-dr`,
          replicate_source_db: "${aws_db_instance.rds_instance.arn}",
          storage_encrypted: true,
          db_subnet_group_name: db.drReplica.subnetGroupName,
          parameter_group_name: "${aws_db_parameter_group.dr_db_parameter_group.name}",
          vpc_security_group_ids: db.drReplica.securityGroupIds,
        }),
      );
      expect(db.drReplica.securityGroupIds).toEqual(["sg-0123456789abcdef0"]);
      expect(remoteOutputRef(synth, drReplica.kms_key_id)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.dr_key.arn}" });
      expect(remoteOutputRef(synth, drReplica.performance_insights_kms_key_id)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.dr_key.arn}" });
      expect(resourcesOf(rds, "aws_db_parameter_group").dr_db_parameter_group.provider).toBe("aws.dr");
      expect(rds.text).toHaveProviderWithProperties({ tfResourceType: "aws" }, { alias: "dr", region: synth.config.dr.region });
    },
  );
});
