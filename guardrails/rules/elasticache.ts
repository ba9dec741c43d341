import { isSet, isTrue } from "../helpers";
import { type ElementRule, compliant, nonCompliant } from "../types";

export const cacheEncryptedAtRest: ElementRule = {
  id: "VP-REDIS-1",
  level: "error",
  scope: "element",
  types: ["aws_elasticache_replication_group", "aws_elasticache_serverless_cache"],
  description: "ElastiCache data is encrypted at rest with a customer-managed KMS key",
  fix: "Set at_rest_encryption_enabled = true and kms_key_id to the cache CMK",
  check: ({ type, attributes }) => {
    const problems: string[] = [];
    // Serverless caches are always encrypted at rest; only the key is a choice.
    if (type === "aws_elasticache_replication_group" && !isTrue(attributes.at_rest_encryption_enabled)) {
      problems.push("at_rest_encryption_enabled is not true");
    }
    if (!isSet(attributes.kms_key_id)) problems.push("kms_key_id is not set (an AWS-owned key would be used)");
    return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
  },
};

export const cacheEncryptedInTransit: ElementRule = {
  id: "VP-REDIS-2",
  level: "error",
  scope: "element",
  types: ["aws_elasticache_replication_group"],
  description: "Redis accepts only TLS connections",
  fix: 'Set transit_encryption_enabled = true and leave transit_encryption_mode unset or "required"',
  check: ({ attributes }) => {
    if (!isTrue(attributes.transit_encryption_enabled)) return nonCompliant("transit_encryption_enabled is not true");
    if (attributes.transit_encryption_mode === "preferred") {
      return nonCompliant('transit_encryption_mode "preferred" still accepts plaintext connections');
    }
    return compliant;
  },
};
