import { elementRule } from "../catalog";
import { type Statement, actionMatches, isTrue, policyStatements, statementLabel } from "../helpers";
import { compliant, nonCompliant, notApplicable } from "../types";

export const kmsKeyRotation = elementRule("VP-KMS-1", ["aws_kms_key"], ({ attributes }) => {
  const spec = attributes.customer_master_key_spec ?? attributes.key_spec ?? "SYMMETRIC_DEFAULT";
  // AWS rotates only symmetric encryption keys; asymmetric and HMAC keys cannot rotate.
  if (spec !== "SYMMETRIC_DEFAULT") return notApplicable;
  return isTrue(attributes.enable_key_rotation) ? compliant : nonCompliant("enable_key_rotation is not true");
});

/**
 * KMS operations whose requests carry an encryption context, so that a `kms:EncryptionContext:*` condition can match
 * them (AWS KMS condition keys: kms:EncryptionContext:context-key). CreateGrant is matched through the grant's
 * encryption context constraints.
 */
const OPERATIONS_WITH_ENCRYPTION_CONTEXT = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:GenerateDataKeyPair",
  "kms:GenerateDataKeyPairWithoutPlaintext",
  "kms:CreateGrant",
  "kms:RetireGrant",
];

/** Actions (or patterns) that match no operation carrying an encryption context. */
function actionsWithoutEncryptionContext(actions: readonly string[]): string[] {
  return actions.filter((action) => !OPERATIONS_WITH_ENCRYPTION_CONTEXT.some((operation) => actionMatches(action, operation)));
}

function conditionsOnEncryptionContext(statement: Statement): boolean {
  return Object.values(statement.conditions).some((keys) => Object.keys(keys).some((key) => /^kms:EncryptionContext:/i.test(key)));
}

export const encryptionContextGrantsReachable = elementRule("VP-KMS-2", ["aws_kms_key", "aws_kms_key_policy"], (key, context) => {
  const statements = policyStatements(key.attributes.policy, context);
  if (!statements) return notApplicable;
  const problems = statements
    .map((statement, index) => ({
      statement,
      index,
      dead: conditionsOnEncryptionContext(statement) ? actionsWithoutEncryptionContext(statement.actions) : [],
    }))
    .filter(({ dead }) => dead.length > 0)
    .map(
      ({ statement, index, dead }) =>
        `${statementLabel(statement, index)} grants ${dead.join(", ")} only with a kms:EncryptionContext condition, which those requests never carry, so the grant never applies`,
    );
  return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
});
