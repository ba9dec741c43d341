import { elementRule } from "../catalog";
import { isSet, isTrue } from "../helpers";
import { compliant, nonCompliant } from "../types";

export const cacheEncryptedAtRest = elementRule(
  "VP-REDIS-1",
  ["aws_elasticache_replication_group", "aws_elasticache_serverless_cache"],
  ({ type, attributes }) => {
    const problems: string[] = [];
    // Serverless caches are always encrypted at rest; only the key is a choice.
    if (type === "aws_elasticache_replication_group" && !isTrue(attributes.at_rest_encryption_enabled)) {
      problems.push("at_rest_encryption_enabled is not true");
    }
    if (!isSet(attributes.kms_key_id)) problems.push("kms_key_id is not set (an AWS-owned key would be used)");
    return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
  },
);

export const cacheEncryptedInTransit = elementRule("VP-REDIS-2", ["aws_elasticache_replication_group"], ({ attributes }) => {
  if (!isTrue(attributes.transit_encryption_enabled)) return nonCompliant("transit_encryption_enabled is not true");
  if (attributes.transit_encryption_mode === "preferred") {
    return nonCompliant('transit_encryption_mode "preferred" still accepts plaintext connections');
  }
  return compliant;
});
