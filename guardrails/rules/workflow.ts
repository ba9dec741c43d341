/** Step Functions state machines and EventBridge rules: encryption, observability, and what delivery needs at apply time. */
import { elementRule, stackRule } from "../catalog";
import { type Statement, actionMatches, blocks, isSet, isTrue, policyStatements, referencedAddress } from "../helpers";
import { type ElementView, type RuleContext, compliant, nonCompliant, notApplicable } from "../types";
import { STATE_MACHINE_LOG_DELIVERY_ACTIONS as LOG_DELIVERY_ACTIONS } from "../../constructs/state-machine-actions";

const EVENTBRIDGE = "events.amazonaws.com";

/** The logging block of a state machine when it logs (level other than OFF), else undefined. */
function loggingOf(machine: ElementView): Record<string, unknown> | undefined {
  const logging = blocks(machine.attributes.logging_configuration)[0];
  return logging && (logging.level ?? "OFF") !== "OFF" ? logging : undefined;
}

/** The log group a `log_destination` (`${aws_cloudwatch_log_group.x.arn}:*`) names, when it is in this stack. */
function destinationGroup(destination: unknown, context: RuleContext): ElementView | undefined {
  if (typeof destination !== "string") return undefined;
  const match = /^(\$\{[^}]+\})(:\*)?$/.exec(destination);
  return match ? context.lookup(match[1]) : undefined;
}

export const stateMachineLogsToCmkGroup = elementRule("VP-SFN-1", ["aws_sfn_state_machine"], (machine, context) => {
  const logging = loggingOf(machine);
  if (!logging || !isSet(logging.log_destination)) return nonCompliant("logging_configuration is off or has no log_destination");
  const group = destinationGroup(logging.log_destination, context);
  if (group?.type === "aws_cloudwatch_log_group" && !isSet(group.attributes.kms_key_id)) {
    return nonCompliant(`its log group ${group.address} has no kms_key_id`);
  }
  return compliant;
});

export const stateMachineTraced = elementRule("VP-SFN-2", ["aws_sfn_state_machine"], ({ attributes }) =>
  isTrue(blocks(attributes.tracing_configuration)[0]?.enabled) ? compliant : nonCompliant("tracing_configuration.enabled is not true"),
);

export const stateMachineEncryptedWithCmk = elementRule("VP-SFN-3", ["aws_sfn_state_machine"], ({ attributes }) => {
  const encryption = blocks(attributes.encryption_configuration)[0];
  return encryption?.type === "CUSTOMER_MANAGED_KMS_KEY" && isSet(encryption.kms_key_id)
    ? compliant
    : nonCompliant("encryption_configuration is not CUSTOMER_MANAGED_KMS_KEY with a kms_key_id (an AWS owned key)");
});

export const stateMachineLogDestinationFormat = elementRule("VP-SFN-4", ["aws_sfn_state_machine"], (machine) => {
  const destination = loggingOf(machine)?.log_destination;
  if (typeof destination !== "string") return notApplicable;
  return destination.endsWith(":*")
    ? compliant
    : nonCompliant(`log_destination "${destination}" does not end in :*, and CreateStateMachine rejects the logging configuration`);
});

/** Whether `value` (a role attribute of a policy: `${aws_iam_role.x.id}`, `.name` or the literal name) names `role`. */
function namesRole(value: unknown, role: ElementView): boolean {
  return referencedAddress(value) === role.address || (typeof value === "string" && value === role.attributes.name);
}

/** Allow statements of a role's inline policies; undefined when they cannot be read here (managed policies, plan-time documents). */
function roleAllows(role: ElementView, context: RuleContext): Statement[] | undefined {
  if (context.elements.some((e) => e.type === "aws_iam_role_policy_attachment" && namesRole(e.attributes.role, role))) return undefined;
  const documents = [
    ...context.elements.filter((e) => e.type === "aws_iam_role_policy" && namesRole(e.attributes.role, role)).map((e) => e.attributes.policy),
    ...blocks(role.attributes.inline_policy).map((inline) => inline.policy),
  ].map((policy) => policyStatements(policy, context));
  if (documents.some((statements) => statements === undefined)) return undefined;
  return documents.flatMap((statements) => statements!).filter((s) => s.effect === "Allow");
}

export const stateMachineRoleCanDeliverLogs = stackRule(
  "VP-SFN-5",
  (context) =>
    context.elements
      .filter((e) => e.type === "aws_sfn_state_machine" && loggingOf(e) !== undefined)
      .map((machine) => {
        const role = context.lookup(machine.attributes.role_arn);
        const allows = role?.type === "aws_iam_role" ? roleAllows(role, context) : undefined;
        if (!role || !allows) return { subject: machine, verdict: notApplicable };
        const missing = LOG_DELIVERY_ACTIONS.filter(
          (action) => !allows.some((s) => s.resources.includes("*") && s.actions.some((pattern) => actionMatches(pattern, action))),
        );
        return {
          subject: machine,
          verdict:
            missing.length === 0
              ? compliant
              : nonCompliant(
                  `its role ${role.address} lacks ${missing.join(", ")} on "*", so CreateStateMachine fails with "The state machine IAM Role is not authorized to access the Log Destination"`,
                ),
        };
      }),
  { logDeliveryActions: LOG_DELIVERY_ACTIONS.join(", ") },
);

export const eventTargetHasDeadLetterQueue = elementRule("VP-EVB-1", ["aws_cloudwatch_event_target"], ({ attributes }) =>
  isSet(blocks(attributes.dead_letter_config)[0]?.arn)
    ? compliant
    : nonCompliant("dead_letter_config is not set, so undeliverable events are dropped"),
);

export const eventTargetHasRetryPolicy = elementRule("VP-EVB-2", ["aws_cloudwatch_event_target"], ({ attributes }) => {
  const retry = blocks(attributes.retry_policy)[0];
  return retry && isSet(retry.maximum_event_age_in_seconds) && isSet(retry.maximum_retry_attempts)
    ? compliant
    : nonCompliant("retry_policy does not set both maximum_event_age_in_seconds and maximum_retry_attempts");
});

/** Policies of a queue: its inline `policy` and any `aws_sqs_queue_policy` on its URL. */
function queueStatements(queue: ElementView, context: RuleContext): Statement[] | undefined {
  const documents = [
    queue.attributes.policy,
    ...context.elements
      .filter((e) => e.type === "aws_sqs_queue_policy" && referencedAddress(e.attributes.queue_url) === queue.address)
      .map((e) => e.attributes.policy),
  ].filter(isSet);
  const parsed = documents.map((document) => policyStatements(document, context));
  return parsed.some((statements) => statements === undefined) ? undefined : parsed.flatMap((statements) => statements!);
}

function letsEventBridgeSend(statements: readonly Statement[]): boolean {
  return statements.some(
    (s) =>
      s.effect === "Allow" &&
      s.principals !== undefined &&
      s.principals !== "*" &&
      (s.principals.Service ?? []).includes(EVENTBRIDGE) &&
      s.actions.some((pattern) => actionMatches(pattern, "sqs:SendMessage")),
  );
}

export const eventQueuesAcceptEventBridge = stackRule("VP-EVB-3", (context) =>
  context.elements
    .filter((e) => e.type === "aws_cloudwatch_event_target")
    .flatMap((target) => {
      const destinations = [
        { role: "target", queue: context.lookup(target.attributes.arn) },
        { role: "dead-letter queue", queue: context.lookup(blocks(target.attributes.dead_letter_config)[0]?.arn) },
      ].filter((d): d is { role: string; queue: ElementView } => d.queue?.type === "aws_sqs_queue");
      if (destinations.length === 0) return [{ subject: target, verdict: notApplicable }];
      const refused = destinations.filter(({ queue }) => {
        const statements = queueStatements(queue, context);
        return statements !== undefined && !letsEventBridgeSend(statements);
      });
      return [
        {
          subject: target,
          verdict:
            refused.length === 0
              ? compliant
              : nonCompliant(
                  `${refused.map(({ role, queue }) => `its ${role} ${queue.address}`).join(" and ")} has no policy letting events.amazonaws.com sqs:SendMessage, so EventBridge's deliveries fail silently (only the rule's FailedInvocations metric shows it)`,
                ),
        },
      ];
    }),
);

export const lambdaTargetsHavePermission = stackRule("VP-EVB-4", (context) =>
  context.elements
    .filter((e) => e.type === "aws_cloudwatch_event_target")
    .map((target) => {
      const arn = target.attributes.arn;
      const referenced = context.lookup(arn);
      const isLambda = referenced
        ? referenced.type === "aws_lambda_function" || referenced.type === "aws_lambda_alias"
        : typeof arn === "string" && /^arn:aws[a-z-]*:lambda:/.test(arn);
      if (!isLambda) return { subject: target, verdict: notApplicable };
      const rule = referencedAddress(target.attributes.rule);
      const permitted = context.elements.some(
        (p) =>
          p.type === "aws_lambda_permission" &&
          p.attributes.principal === EVENTBRIDGE &&
          (p.attributes.function_name === arn ||
            (referenced !== undefined && referencedAddress(p.attributes.function_name) === referenced.address)) &&
          (rule === undefined || referencedAddress(p.attributes.source_arn) === rule),
      );
      return {
        subject: target,
        verdict: permitted
          ? compliant
          : nonCompliant(
              `no aws_lambda_permission lets events.amazonaws.com invoke ${String(arn)} for this rule, so every invocation fails silently (FailedInvocations)`,
            ),
      };
    }),
);
