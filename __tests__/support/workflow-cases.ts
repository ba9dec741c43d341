/**
 * Unsafe / safe builders of the workflow guardrails (VP-SFN-*, VP-EVB-*), in the shape of the CASES tables of
 * guardrails.test.ts (security rules) and apply-rules.test.ts (apply rules), which can spread them in.
 */
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { SfnStateMachine } from "@cdktf/provider-aws/lib/sfn-state-machine";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import type { TerraformStack } from "cdktf";
import { assumeRolePolicy, policyDocument } from "../../constructs/iam-policy";
import { STATE_MACHINE_LOG_DELIVERY_ACTIONS } from "../../constructs/state-machine";

export const WORKFLOW_ACCOUNT = "111111111111";
export const WORKFLOW_KEY = "arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555";
export const WORKFLOW_FUNCTION = "arn:aws:lambda:us-east-1:111111111111:function:voice-intent:live";

/** What a hand-built state machine gets wrong; every flag false is the compliant machine. */
export interface MachineFlaws {
  readonly plainLogGroup?: boolean;
  readonly untraced?: boolean;
  readonly awsOwnedKey?: boolean;
  readonly bareLogGroupArn?: boolean;
  readonly noLogDeliveryActions?: boolean;
}

/** A state machine with its role, inline policy and log group, built from raw resources so each flaw can be set alone. */
export function stateMachineWith(stack: TerraformStack, id: string, flaws: MachineFlaws = {}): SfnStateMachine {
  const group = new CloudwatchLogGroup(stack, `${id}_logs`, {
    name: `/aws/vendedlogs/states/${id}`,
    retentionInDays: 30,
    kmsKeyId: flaws.plainLogGroup ? undefined : WORKFLOW_KEY,
  });
  const role = new IamRole(stack, `${id}_role`, { name: `${id}-sfn`, assumeRolePolicy: assumeRolePolicy("states.amazonaws.com", WORKFLOW_ACCOUNT) });
  const policy = new IamRolePolicy(stack, `${id}_policy`, {
    name: `${id}-sfn`,
    role: role.id,
    policy: policyDocument([
      { sid: "Invoke", actions: ["lambda:InvokeFunction"], resources: [WORKFLOW_FUNCTION] },
      flaws.noLogDeliveryActions
        ? // Scoped to the group: these APIs have no resource-level permissions, so this grants nothing.
          { sid: "Logs", actions: [...STATE_MACHINE_LOG_DELIVERY_ACTIONS], resources: [`${group.arn}:*`] }
        : { sid: "Logs", actions: [...STATE_MACHINE_LOG_DELIVERY_ACTIONS], resources: ["*"] },
    ]),
  });
  return new SfnStateMachine(stack, `${id}_machine`, {
    name: id,
    roleArn: role.arn,
    definition: JSON.stringify({ StartAt: "Intent", States: { Intent: { Type: "Task", Resource: WORKFLOW_FUNCTION, End: true } } }),
    loggingConfiguration: { level: "ERROR", includeExecutionData: false, logDestination: flaws.bareLogGroupArn ? group.arn : `${group.arn}:*` },
    tracingConfiguration: { enabled: !flaws.untraced },
    encryptionConfiguration: flaws.awsOwnedKey ? { type: "AWS_OWNED_KEY" } : { type: "CUSTOMER_MANAGED_KMS_KEY", kmsKeyId: WORKFLOW_KEY },
    dependsOn: [policy],
  });
}

/** What a hand-built EventBridge target gets wrong; every flag false is the compliant target. */
export interface TargetFlaws {
  readonly noDeadLetterQueue?: boolean;
  readonly noRetryPolicy?: boolean;
  /** The dead-letter queue's policy only denies plaintext transport: EventBridge may not send. */
  readonly deadLetterQueueClosed?: boolean;
}

/** A rule with an SQS queue target whose policy lets EventBridge send, and a dead-letter queue. */
export function queueTargetWith(stack: TerraformStack, id: string, flaws: TargetFlaws = {}): CloudwatchEventTarget {
  const rule = new CloudwatchEventRule(stack, `${id}_rule`, { name: id, eventBusName: "voice", eventPattern: JSON.stringify({ source: ["voice"] }) });
  const queue = (queueId: string, open: boolean) => {
    const q = new SqsQueue(stack, queueId, { name: queueId, kmsMasterKeyId: WORKFLOW_KEY });
    new SqsQueuePolicy(stack, `${queueId}_policy`, {
      queueUrl: q.url,
      policy: policyDocument([
        {
          sid: "Tls",
          effect: "Deny",
          principals: "*",
          actions: ["sqs:*"],
          resources: [q.arn],
          conditions: { Bool: { "aws:SecureTransport": false } },
        },
        ...(open
          ? [
              {
                sid: "EventBridgeSends",
                principals: { Service: "events.amazonaws.com" },
                actions: ["sqs:SendMessage"],
                resources: [q.arn],
                conditions: { ArnEquals: { "aws:SourceArn": rule.arn } },
              },
            ]
          : []),
      ]),
    });
    return q;
  };
  const target = queue(`${id}_queue`, true);
  const dlq = flaws.noDeadLetterQueue ? undefined : queue(`${id}_dlq`, !flaws.deadLetterQueueClosed);
  return new CloudwatchEventTarget(stack, id, {
    rule: rule.name,
    eventBusName: "voice",
    targetId: "queue",
    arn: target.arn,
    retryPolicy: flaws.noRetryPolicy ? undefined : { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 10 },
    deadLetterConfig: dlq ? { arn: dlq.arn } : undefined,
  });
}

/** A rule targeting a Lambda alias by ARN, with or without the permission that lets EventBridge invoke it. */
export function lambdaTargetWith(stack: TerraformStack, id: string, permitted: boolean): void {
  const rule = new CloudwatchEventRule(stack, `${id}_rule`, { name: id, eventBusName: "voice", eventPattern: JSON.stringify({ source: ["voice"] }) });
  const dlq = new SqsQueue(stack, `${id}_dlq`, { name: `${id}-dlq`, kmsMasterKeyId: WORKFLOW_KEY });
  new SqsQueuePolicy(stack, `${id}_dlq_policy`, {
    queueUrl: dlq.url,
    policy: policyDocument([
      { sid: "EventBridgeSends", principals: { Service: "events.amazonaws.com" }, actions: ["sqs:SendMessage"], resources: [dlq.arn] },
    ]),
  });
  new CloudwatchEventTarget(stack, id, {
    rule: rule.name,
    eventBusName: "voice",
    targetId: "intent",
    arn: WORKFLOW_FUNCTION,
    retryPolicy: { maximumEventAgeInSeconds: 3600, maximumRetryAttempts: 10 },
    deadLetterConfig: { arn: dlq.arn },
  });
  if (permitted) {
    new LambdaPermission(stack, `${id}_invoke`, {
      action: "lambda:InvokeFunction",
      functionName: WORKFLOW_FUNCTION,
      principal: "events.amazonaws.com",
      sourceArn: rule.arn,
    });
  }
}

export interface WorkflowRuleCase {
  /** Builds the flaw under a construct whose path starts with `unsafe`. */
  readonly unsafe: (stack: TerraformStack) => void;
  /** The compliant counterpart. */
  readonly safe: (stack: TerraformStack) => void;
  /** Part of the expected message: the why. */
  readonly message: RegExp;
}

/** Security rules: for guardrails.test.ts's CASES. */
export const WORKFLOW_SECURITY_CASES: Readonly<Record<string, WorkflowRuleCase>> = {
  "VP-SFN-1": {
    unsafe: (s) => stateMachineWith(s, "unsafe", { plainLogGroup: true }),
    safe: (s) => stateMachineWith(s, "safe"),
    message: /its log group aws_cloudwatch_log_group\.unsafe_logs has no kms_key_id/,
  },
  "VP-SFN-2": {
    unsafe: (s) => stateMachineWith(s, "unsafe", { untraced: true }),
    safe: (s) => stateMachineWith(s, "safe"),
    message: /tracing_configuration\.enabled is not true/,
  },
  "VP-SFN-3": {
    unsafe: (s) => stateMachineWith(s, "unsafe", { awsOwnedKey: true }),
    safe: (s) => stateMachineWith(s, "safe"),
    message: /encryption_configuration is not CUSTOMER_MANAGED_KMS_KEY/,
  },
  "VP-EVB-1": {
    unsafe: (s) => queueTargetWith(s, "unsafe", { noDeadLetterQueue: true }),
    safe: (s) => queueTargetWith(s, "safe"),
    message: /dead_letter_config is not set, so undeliverable events are dropped/,
  },
  "VP-EVB-2": {
    unsafe: (s) => queueTargetWith(s, "unsafe", { noRetryPolicy: true }),
    safe: (s) => queueTargetWith(s, "safe"),
    message: /retry_policy does not set both/,
  },
};

/** Apply rules: for apply-rules.test.ts's CASES. */
export const WORKFLOW_APPLY_CASES: Readonly<Record<string, WorkflowRuleCase>> = {
  "VP-SFN-4": {
    unsafe: (s) => stateMachineWith(s, "unsafe", { bareLogGroupArn: true }),
    safe: (s) => stateMachineWith(s, "safe"),
    message: /does not end in :\*, and CreateStateMachine rejects the logging configuration/,
  },
  "VP-SFN-5": {
    unsafe: (s) => stateMachineWith(s, "unsafe", { noLogDeliveryActions: true }),
    safe: (s) => stateMachineWith(s, "safe"),
    message: /its role aws_iam_role\.unsafe_role lacks logs:CreateLogDelivery, .* on "\*", so CreateStateMachine fails/,
  },
  "VP-EVB-3": {
    unsafe: (s) => queueTargetWith(s, "unsafe", { deadLetterQueueClosed: true }),
    safe: (s) => queueTargetWith(s, "safe"),
    message: /its dead-letter queue aws_sqs_queue\.unsafe_dlq has no policy letting events\.amazonaws\.com sqs:SendMessage/,
  },
  "VP-EVB-4": {
    unsafe: (s) => lambdaTargetWith(s, "unsafe", false),
    safe: (s) => lambdaTargetWith(s, "safe", true),
    message: /no aws_lambda_permission lets events\.amazonaws\.com invoke .*voice-intent:live for this rule/,
  },
};
