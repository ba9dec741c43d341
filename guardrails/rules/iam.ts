import { elementRule } from "../catalog";
import {
  actionMatches,
  grantsToEveryone,
  hasCallerCondition,
  isWildcardAction,
  isWildcardResource,
  policyAttributes,
  policyStatements,
  statementLabel,
} from "../helpers";
import { type ElementView, type RuleContext, type Verdict, compliant, nonCompliant, notApplicable } from "../types";

const POLICY_TYPES = [
  "aws_iam_policy",
  "aws_iam_role_policy",
  "aws_iam_user_policy",
  "aws_iam_group_policy",
  "aws_iam_role",
  "aws_s3_bucket_policy",
  "aws_s3_bucket",
  "aws_kms_key",
  "aws_kms_key_policy",
  "aws_sns_topic",
  "aws_sns_topic_policy",
  "aws_sqs_queue",
  "aws_sqs_queue_policy",
  "aws_secretsmanager_secret",
  "aws_secretsmanager_secret_policy",
  "aws_ecr_repository_policy",
  "aws_backup_vault_policy",
  "aws_cloudwatch_log_resource_policy",
];

/** AWS managed policies that grant every action of IAM or of everything. */
const ADMIN_POLICY = /^arn:aws[a-z-]*:iam::aws:policy\/(AdministratorAccess|PowerUserAccess|IAMFullAccess)$/;

/** Actions that read or change stored data (objects, secrets, items, messages, plaintext keys, images). */
const DATA_ACTIONS = [
  "s3:GetObject",
  "s3:GetObjectVersion",
  "s3:PutObject",
  "s3:DeleteObject",
  "s3:DeleteObjectVersion",
  "s3:RestoreObject",
  "s3:ListBucket",
  "secretsmanager:GetSecretValue",
  "secretsmanager:PutSecretValue",
  "secretsmanager:UpdateSecret",
  "secretsmanager:DeleteSecret",
  "kms:Decrypt",
  "kms:Encrypt",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:GenerateDataKeyPair",
  "kms:Sign",
  "kms:GenerateMac",
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:Scan",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:BatchWriteItem",
  "sqs:SendMessage",
  "sqs:ReceiveMessage",
  "sqs:DeleteMessage",
  "sqs:PurgeQueue",
  "sns:Publish",
  "ssm:GetParameter",
  "ssm:GetParameters",
  "ssm:GetParametersByPath",
  "ssm:PutParameter",
  "rds-db:connect",
  "rds-data:ExecuteStatement",
  "elasticache:Connect",
  "logs:GetLogEvents",
  "logs:FilterLogEvents",
  "ecr:BatchGetImage",
  "ecr:GetDownloadUrlForLayer",
  "ecr:PutImage",
  "kinesis:GetRecords",
  "kinesis:PutRecord",
  "kinesis:PutRecords",
  "firehose:PutRecord",
  "firehose:PutRecordBatch",
  // Pronunciation lexicons are the only Polly resources. polly:SynthesizeSpeech names none unless a request uses
  // lexicons, so it may have `*`; reading or changing the lexicons themselves may not.
  "polly:GetLexicon",
  "polly:PutLexicon",
  "polly:DeleteLexicon",
];

function eachPolicy(
  element: ElementView,
  context: RuleContext,
  inspect: (statements: NonNullable<ReturnType<typeof policyStatements>>, kind: "identity" | "resource" | "trust", attribute: string) => string[],
): Verdict {
  const problems: string[] = [];
  let inspected = false;
  for (const policy of policyAttributes(element)) {
    const statements = policyStatements(policy.value, context);
    // A document known only at plan time (a cross-stack input) is checked in the stack that builds it.
    if (!statements) continue;
    inspected = true;
    problems.push(...inspect(statements, policy.kind, policy.attribute));
  }
  if (problems.length > 0) return nonCompliant(problems.join("; "));
  return inspected ? compliant : notApplicable;
}

export const noWildcardActions = elementRule("VP-IAM-1", [...POLICY_TYPES, "aws_iam_role_policy_attachment"], (element, context) => {
  const adminPolicies = [element.attributes.policy_arn, element.attributes.managed_policy_arns]
    .flat()
    .filter((arn): arn is string => typeof arn === "string" && ADMIN_POLICY.test(arn));
  if (adminPolicies.length > 0) return nonCompliant(`attaches ${adminPolicies.join(", ")}`);
  return eachPolicy(element, context, (statements, kind, attribute) =>
    statements.flatMap((s, i) => {
      if (s.effect !== "Allow") return [];
      const label = `${attribute} ${statementLabel(s, i)}`;
      if (s.notActions.length > 0) return [`${label} allows everything except NotAction ${s.notActions.join(", ")}`];
      const wildcards = s.actions.filter((a) => (kind === "identity" ? isWildcardAction(a) : a === "*"));
      return wildcards.length > 0 ? [`${label} allows ${wildcards.join(", ")}`] : [];
    }),
  );
});

export const noWildcardResourcesOnData = elementRule(
  "VP-IAM-2",
  ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role"],
  (element, context) =>
    eachPolicy(element, context, (statements, kind, attribute) =>
      kind !== "identity"
        ? []
        : statements.flatMap((s, i) => {
            if (s.effect !== "Allow" || !s.resources.some(isWildcardResource)) return [];
            const dataActions = s.actions.filter((pattern) => DATA_ACTIONS.some((action) => actionMatches(pattern, action)));
            return dataActions.length > 0
              ? [`${attribute} ${statementLabel(s, i)} allows ${dataActions.join(", ")} on ${s.resources.filter(isWildcardResource).join(", ")}`]
              : [];
          }),
    ),
);

export const noPublicPrincipals = elementRule(
  "VP-IAM-3",
  POLICY_TYPES.filter((t) => !["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"].includes(t)),
  (element, context) =>
    eachPolicy(element, context, (statements, _kind, attribute) =>
      statements.flatMap((s, i) =>
        s.effect === "Allow" && grantsToEveryone(s) && !hasCallerCondition(s) ? [`${attribute} ${statementLabel(s, i)} allows everyone`] : [],
      ),
    ),
);
