import { elementRule, stackRule } from "../catalog";
import { blocks, isSet, isTrue, referencedAddress } from "../helpers";
import { type ElementView, compliant, nonCompliant, notApplicable } from "../types";

const DB_TYPES = ["aws_db_instance", "aws_rds_cluster"];

function isReplica(db: ElementView): boolean {
  return isSet(db.attributes.replicate_source_db) || isSet(db.attributes.replication_source_identifier);
}

/** Cross-region replicas name their source by ARN (same-region ones may use the identifier). */
function isCrossRegionReplica(db: ElementView): boolean {
  const source = String(db.attributes.replicate_source_db ?? db.attributes.replication_source_identifier ?? "");
  return /^arn:|\.arn\}$/.test(source);
}

export const databaseEncryptedWithCmk = elementRule("VP-RDS-1", DB_TYPES, (db) => {
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
});

export const databaseNotPublic = elementRule("VP-RDS-2", ["aws_db_instance", "aws_rds_cluster_instance"], ({ attributes }) =>
  isTrue(attributes.publicly_accessible) ? nonCompliant("publicly_accessible is true") : compliant,
);

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

export const databaseForcesTls = stackRule("VP-RDS-3", (context) => {
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
});

export const databaseDeletionProtection = elementRule("VP-RDS-4", DB_TYPES, (db, context) => {
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
});

export const replicaSourceNotManagedPassword = stackRule("VP-RDS-5", (context) =>
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
);
