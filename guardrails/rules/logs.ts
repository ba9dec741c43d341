import { actionMatches, blocks, containerDefinitions, isExpression, isLiteralString, isSet, policyStatements, referencedAddress } from "../helpers";
import { type ElementRule, type ElementView, type StackRule, compliant, nonCompliant, notApplicable } from "../types";

export const logGroupRetention: ElementRule = {
  id: "VP-LOG-1",
  level: "error",
  scope: "element",
  types: ["aws_cloudwatch_log_group"],
  description: "CloudWatch log groups expire their events",
  fix: "Set retention_in_days to one of the CloudWatch values (EncryptedLogGroup takes it from config)",
  check: ({ attributes }) => {
    const days = attributes.retention_in_days;
    return isSet(days) && Number(days) !== 0 ? compliant : nonCompliant("retention_in_days is not set, so events are kept forever");
  },
};

export const logGroupEncryptedWithCmk: ElementRule = {
  id: "VP-LOG-2",
  level: "error",
  scope: "element",
  types: ["aws_cloudwatch_log_group"],
  description: "CloudWatch log groups are encrypted with a customer-managed KMS key",
  fix: "Set kms_key_id to the logs CMK, whose key policy lets logs.<region>.amazonaws.com use it (EncryptedLogGroup)",
  check: ({ attributes }) => (isSet(attributes.kms_key_id) ? compliant : nonCompliant("kms_key_id is not set")),
};

/** Log group names that RDS creates on its own for exported logs. */
function rdsExportGroups(db: ElementView): { readonly type: string; readonly matches: (name: string) => boolean }[] {
  const kind = db.type === "aws_rds_cluster" ? "cluster" : "instance";
  const identifierAttribute = kind === "cluster" ? "cluster_identifier" : "identifier";
  const identifier = db.attributes[identifierAttribute];
  const exports = [db.attributes.enabled_cloudwatch_logs_exports].flat().filter((t): t is string => typeof t === "string");
  return exports.map((type) => ({
    type,
    matches: (name: string) => {
      const match = new RegExp(`^/aws/rds/${kind}/(.+)/${type}$`).exec(name);
      if (!match) return false;
      return isLiteralString(identifier) ? match[1] === identifier : match[1].includes(`${db.address}.${identifierAttribute}`);
    },
  }));
}

export const serviceLogGroupsHaveRetention: StackRule = {
  id: "VP-LOG-3",
  level: "error",
  scope: "stack",
  description: "Log groups that services would create on their own (RDS log exports, Lambda, awslogs-create-group) exist in code with retention",
  fix: "Create the log group first (EncryptedLogGroup named /aws/rds/instance/<identifier>/<log>, the function's logging_config.log_group, or the awslogs-group of the container) and drop awslogs-create-group",
  check: (context) => {
    const groupNames = context.elements
      .filter((e) => e.type === "aws_cloudwatch_log_group")
      .map((g) => g.attributes.name)
      .filter((name): name is string => typeof name === "string");
    const databases = context.elements
      .filter((e) => e.type === "aws_db_instance" || e.type === "aws_rds_cluster")
      .map((db) => {
        const missing = rdsExportGroups(db)
          .filter((group) => !groupNames.some(group.matches))
          .map((group) => group.type);
        return {
          subject: db,
          verdict: missing.length === 0 ? compliant : nonCompliant(`RDS would create never-expiring log groups for ${missing.join(", ")}`),
        };
      });
    const taskDefinitions = context.elements
      .filter((e) => e.type === "aws_ecs_task_definition")
      .map((task) => {
        const creating = (containerDefinitions(task) ?? []).filter((c) => String(c.logConfiguration?.options?.["awslogs-create-group"]) === "true");
        return {
          subject: task,
          verdict:
            creating.length === 0
              ? compliant
              : nonCompliant(`containers ${creating.map((c) => c.name).join(", ")} let the awslogs driver create a log group without retention`),
        };
      });
    const functions = context.elements
      .filter((e) => e.type === "aws_lambda_function")
      .map((fn) => {
        const configured = blocks(fn.attributes.logging_config).some((c) => isSet(c.log_group));
        const name = fn.attributes.function_name;
        const own = groupNames.some((g) => g === `/aws/lambda/${String(name)}` || (isExpression(g) && g.includes(`${fn.address}.function_name`)));
        return {
          subject: fn,
          verdict: configured || own ? compliant : nonCompliant(`Lambda would create a never-expiring /aws/lambda/${String(name)}`),
        };
      });
    return [...databases, ...taskDefinitions, ...functions];
  },
};

export const trailEncryptedWithCmk: ElementRule = {
  id: "VP-LOG-4",
  level: "error",
  scope: "element",
  types: ["aws_cloudtrail"],
  description: "CloudTrail trails encrypt their log files with a customer-managed KMS key",
  fix: "Set kms_key_id to the audit CMK, whose key policy lets cloudtrail.amazonaws.com generate data keys",
  check: ({ attributes }) => (isSet(attributes.kms_key_id) ? compliant : nonCompliant("kms_key_id is not set")),
};

/** What AWS lists as the least a flow-log delivery role needs (CreateLogGroup aside: our groups exist first). */
const FLOW_LOG_ROLE_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:DescribeLogGroups"];

export const flowLogRoleHasMinimumPermissions: StackRule = {
  id: "VP-LOG-5",
  level: "error",
  category: "apply",
  scope: "stack",
  description: "VPC flow logs to CloudWatch Logs deliver through a role with the permissions AWS lists as the minimum",
  fix: "Allow logs:CreateLogStream, logs:PutLogEvents and logs:DescribeLogStreams on the log group and logs:DescribeLogGroups on arn:aws:logs:<region>:<account>:log-group:* in the role's policy",
  reference: "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html",
  check: (context) =>
    context.elements
      .filter((e) => e.type === "aws_flow_log" && (e.attributes.log_destination_type ?? "cloud-watch-logs") === "cloud-watch-logs")
      .map((flowLog) => {
        const role = context.lookup(flowLog.attributes.iam_role_arn);
        if (role?.type !== "aws_iam_role") return { subject: flowLog, verdict: notApplicable };
        // Managed policies are not in the JSON: the role's permissions cannot be read here.
        const managed = context.elements.some((e) => e.type === "aws_iam_role_policy_attachment" && ownedBy(e.attributes.role, role));
        const documents = [
          ...context.elements.filter((e) => e.type === "aws_iam_role_policy" && ownedBy(e.attributes.role, role)).map((e) => e.attributes.policy),
          ...blocks(role.attributes.inline_policy).map((inline) => inline.policy),
        ].map((policy) => policyStatements(policy, context));
        if (managed || documents.some((statements) => statements === undefined)) return { subject: flowLog, verdict: notApplicable };
        const allows = documents.flatMap((statements) => statements!).filter((s) => s.effect === "Allow");
        const missing = FLOW_LOG_ROLE_ACTIONS.filter((action) => !allows.some((s) => s.actions.some((pattern) => actionMatches(pattern, action))));
        return {
          subject: flowLog,
          verdict:
            missing.length === 0
              ? compliant
              : nonCompliant(
                  `its role ${role.address} lacks ${missing.join(", ")}, so delivery can fail with an access error that Terraform never reports`,
                ),
        };
      }),
};

/** A role attribute (`${aws_iam_role.x.id}`, `.name`, or the literal name) that names `role`. */
function ownedBy(value: unknown, role: ElementView): boolean {
  return referencedAddress(value) === role.address || (isLiteralString(value) && value === role.attributes.name);
}
