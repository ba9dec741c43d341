import { elementRule, stackRule } from "../catalog";
import { actionMatches, blocks, containerDefinitions, isExpression, isLiteralString, isSet, policyStatements, referencedAddress } from "../helpers";
import { type ElementView, compliant, nonCompliant, notApplicable } from "../types";

export const logGroupRetention = elementRule("VP-LOG-1", ["aws_cloudwatch_log_group"], ({ attributes }) => {
  const days = attributes.retention_in_days;
  return isSet(days) && Number(days) !== 0 ? compliant : nonCompliant("retention_in_days is not set, so events are kept forever");
});

export const logGroupEncryptedWithCmk = elementRule("VP-LOG-2", ["aws_cloudwatch_log_group"], ({ attributes }) =>
  isSet(attributes.kms_key_id) ? compliant : nonCompliant("kms_key_id is not set"),
);

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

export const serviceLogGroupsHaveRetention = stackRule("VP-LOG-3", (context) => {
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
});

export const trailEncryptedWithCmk = elementRule("VP-LOG-4", ["aws_cloudtrail"], ({ attributes }) =>
  isSet(attributes.kms_key_id) ? compliant : nonCompliant("kms_key_id is not set"),
);

/** What AWS lists as the least a flow-log delivery role needs (CreateLogGroup aside: our groups exist first). */
const FLOW_LOG_ROLE_ACTIONS = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams", "logs:DescribeLogGroups"];

export const flowLogRoleHasMinimumPermissions = stackRule("VP-LOG-5", (context) =>
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
);

/** A role attribute (`${aws_iam_role.x.id}`, `.name`, or the literal name) that names `role`. */
function ownedBy(value: unknown, role: ElementView): boolean {
  return referencedAddress(value) === role.address || (isLiteralString(value) && value === role.attributes.name);
}
