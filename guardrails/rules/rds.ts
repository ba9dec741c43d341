import { blocks, isSet, isTrue, referencedAddress } from "../helpers";
import { type ElementRule, type ElementView, type StackRule, compliant, nonCompliant, notApplicable } from "../types";

const DB_TYPES = ["aws_db_instance", "aws_rds_cluster"];

function isReplica(db: ElementView): boolean {
  return isSet(db.attributes.replicate_source_db) || isSet(db.attributes.replication_source_identifier);
}

/** Cross-region replicas name their source by ARN (same-region ones may use the identifier). */
function isCrossRegionReplica(db: ElementView): boolean {
  const source = String(db.attributes.replicate_source_db ?? db.attributes.replication_source_identifier ?? "");
  return /^arn:|\.arn\}$/.test(source);
}

export const databaseEncryptedWithCmk: ElementRule = {
  id: "VP-RDS-1",
  level: "error",
  scope: "element",
  types: DB_TYPES,
  description: "RDS storage and Performance Insights are encrypted with a customer-managed KMS key",
  fix: "Set storage_encrypted = true and kms_key_id to the rds CMK, and performance_insights_kms_key_id when Performance Insights is on (a cross-region replica needs kms_key_id of a key in its region)",
  check: (db) => {
    const { attributes } = db;
    const problems: string[] = [];
    // A same-region replica inherits its source's key; one in another region needs a key of that region.
    const inheritsKey = isReplica(db) && !isCrossRegionReplica(db);
    if (!inheritsKey && !isSet(attributes.kms_key_id)) problems.push("kms_key_id is not set (the AWS-managed aws/rds key would be used)");
    // Terraform ignores storage_encrypted on replicas: they are encrypted like their source.
    if (!isReplica(db) && !isTrue(attributes.storage_encrypted)) problems.push("storage_encrypted is not true");
    if (isTrue(attributes.performance_insights_enabled) && !isSet(attributes.performance_insights_kms_key_id)) {
      problems.push("performance_insights_kms_key_id is not set");
    }
    return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
  },
};

export const databaseNotPublic: ElementRule = {
  id: "VP-RDS-2",
  level: "error",
  scope: "element",
  types: ["aws_db_instance", "aws_rds_cluster_instance"],
  description: "RDS instances are not publicly accessible",
  fix: "Remove publicly_accessible (or set it false) and keep the instance in the isolated database subnets",
  check: ({ attributes }) => (isTrue(attributes.publicly_accessible) ? nonCompliant("publicly_accessible is true") : compliant),
};

/** Parameter names that make the engine refuse unencrypted connections, by engine family prefix. */
const FORCE_SSL_PARAMETERS: readonly { readonly family: RegExp; readonly name: string }[] = [
  { family: /^(aurora-)?postgres/, name: "rds.force_ssl" },
  { family: /^(aurora-)?mysql|^mariadb/, name: "require_secure_transport" },
];

function forcesSsl(group: ElementView): boolean | undefined {
  const family = String(group.attributes.family ?? "");
  const required = FORCE_SSL_PARAMETERS.find((p) => p.family.test(family));
  if (!required) return undefined;
  const parameter = blocks(group.attributes.parameter).find((p) => p.name === required.name);
  return parameter !== undefined && ["1", "on", "true"].includes(String(parameter.value).toLowerCase());
}

export const databaseForcesTls: StackRule = {
  id: "VP-RDS-3",
  level: "error",
  scope: "stack",
  description: "RDS instances use a parameter group that refuses connections without TLS",
  fix: "Give every instance (replicas too) a parameter group in its region with rds.force_ssl = 1 (PostgreSQL) or require_secure_transport = ON (MySQL/MariaDB)",
  check: (context) => {
    const groups = context.elements.filter((e) => e.type === "aws_db_parameter_group" || e.type === "aws_rds_cluster_parameter_group");
    const groupVerdicts = groups.map((group) => {
      const forced = forcesSsl(group);
      return {
        subject: group,
        verdict: forced === undefined ? notApplicable : forced ? compliant : nonCompliant("the parameter group does not force SSL"),
      };
    });
    const instanceVerdicts = context.elements
      .filter((e) => e.type === "aws_db_instance" || e.type === "aws_rds_cluster")
      .map((db) => {
        const attribute = db.type === "aws_rds_cluster" ? "db_cluster_parameter_group_name" : "parameter_group_name";
        const value = db.attributes[attribute];
        if (!isSet(value)) {
          return { subject: db, verdict: nonCompliant(`${attribute} is not set, so the engine's default group (no forced SSL) applies`) };
        }
        const group = groups.find((g) => referencedAddress(value) === g.address || g.attributes.name === value);
        // A group from another stack is checked in that stack.
        if (!group) return { subject: db, verdict: notApplicable };
        return {
          subject: db,
          verdict: forcesSsl(group) === false ? nonCompliant(`its parameter group ${group.address} does not force SSL`) : compliant,
        };
      });
    return [...groupVerdicts, ...instanceVerdicts];
  },
};

export const databaseDeletionProtection: ElementRule = {
  id: "VP-RDS-4",
  level: "error",
  scope: "element",
  types: DB_TYPES,
  description: "Production databases have deletion protection and take a final snapshot",
  fix: "In prod set deletion_protection = true, skip_final_snapshot = false and a final_snapshot_identifier (replicas need only deletion protection)",
  check: (db, context) => {
    if (!context.production) return notApplicable;
    const { attributes } = db;
    const problems: string[] = [];
    if (!isTrue(attributes.deletion_protection)) problems.push("deletion_protection is not true");
    // AWS refuses a final snapshot of a read replica.
    if (!isReplica(db)) {
      if (isTrue(attributes.skip_final_snapshot)) problems.push("skip_final_snapshot is true");
      else if (!isSet(attributes.final_snapshot_identifier)) problems.push("final_snapshot_identifier is not set");
    }
    return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
  },
};

export const replicaSourceNotManagedPassword: StackRule = {
  id: "VP-RDS-5",
  level: "error",
  category: "apply",
  scope: "stack",
  description: "Read replicas do not replicate a source whose master password RDS manages in Secrets Manager",
  fix: "Drop manage_master_user_password on the source: generate the password into a Secrets Manager secret and hand it to RDS write-only (password_wo + password_wo_version), as the rds stack does",
  reference: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html#rds-secrets-manager-limitations",
  check: (context) =>
    context.elements
      .filter((db) => db.type === "aws_db_instance" && isSet(db.attributes.replicate_source_db))
      .map((replica) => {
        const source = context.lookup(replica.attributes.replicate_source_db);
        if (source?.type !== "aws_db_instance") return { subject: replica, verdict: notApplicable };
        // SQL Server is the one engine whose managed-password sources take replicas.
        if (String(source.attributes.engine ?? "").startsWith("sqlserver") || !isTrue(source.attributes.manage_master_user_password)) {
          return { subject: replica, verdict: compliant };
        }
        return {
          subject: replica,
          verdict: nonCompliant(
            `its source ${source.address} sets manage_master_user_password, and RDS refuses to create a read replica of such a source`,
          ),
        };
      }),
};
