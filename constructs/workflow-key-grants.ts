/**
 * Key-policy statements that Step Functions and EventBridge need on customer-managed keys they do not call through
 * an IAM role of ours. The secrets-kms stack adds them to the keys (`EncryptionKey.serviceGrants`); the constructs
 * that need them (`StateMachine`, `EventBus`) say which key takes which grant.
 */
import type { KeyServiceGrant } from "./encryption-key";

export const EVENTBRIDGE_SERVICE = "events.amazonaws.com";
export const LOG_DELIVERY_SERVICE = "delivery.logs.amazonaws.com";

/** Where the grants are bound: the account and region that own the keys and the resources using them. */
export interface WorkflowKeyScope {
  /** Account that owns the keys, buses and state machines. */
  readonly accountId: string;
  /** Region of the keys, buses and state machines. */
  readonly region: string;
}

/**
 * For the key of SQS queues and SNS topics that EventBridge delivers to (targets and dead-letter queues; the
 * `messaging` key). EventBridge sends as its service principal, so no IAM role of ours can carry this: without it
 * the key refuses EventBridge, and delivery fails silently (the rule's FailedInvocations metric, nothing in Terraform).
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-troubleshooting.html
 */
export function eventBridgeTargetKeyGrant(scope: Pick<WorkflowKeyScope, "accountId">): KeyServiceGrant {
  return {
    sid: "EventBridgeDeliversToEncryptedQueuesAndTopics",
    service: EVENTBRIDGE_SERVICE,
    actions: ["kms:GenerateDataKey", "kms:Decrypt"],
    // The encryption context differs between SQS (aws:sqs:arn) and SNS (aws:sns:topicArn), so the grant is bound to
    // the calling account instead, as the publishers of the alarm topics are.
    conditions: { StringEquals: { "aws:SourceAccount": scope.accountId } },
  };
}

/**
 * For the key of a customer-managed-key event bus (`EventBus` with `kmsKeyArn`): EventBridge encrypts and decrypts
 * events, rule patterns and target input with it, and describes it when the bus is created or updated.
 * DescribeKey carries no encryption context, so it has a statement of its own (VP-KMS-2).
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-encryption-key-policy.html
 */
export function eventBusKeyGrants(scope: WorkflowKeyScope, busNames: readonly string[]): KeyServiceGrant[] {
  const busArns = busNames.map((name) => eventBusArn(scope, name));
  return [
    {
      sid: "EventBridgeEncryptsTheseBuses",
      service: EVENTBRIDGE_SERVICE,
      actions: ["kms:GenerateDataKey", "kms:Decrypt"],
      conditions: { StringEquals: { "kms:EncryptionContext:aws:events:event-bus:arn": busArns } },
    },
    {
      sid: "EventBridgeDescribesKey",
      service: EVENTBRIDGE_SERVICE,
      actions: ["kms:DescribeKey"],
      conditions: { StringEquals: { "aws:SourceAccount": scope.accountId } },
    },
  ];
}

/**
 * For the key of a state machine that logs (`StateMachine.kmsKeyArn`): Step Functions hands log records encrypted
 * with the state machine's key to CloudWatch Logs' delivery service, which must decrypt them before the log group
 * re-encrypts them with its own key. Without it the state machine runs but its log group stays empty.
 * https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html
 */
export function stateMachineLogDeliveryKeyGrant(scope: WorkflowKeyScope): KeyServiceGrant {
  return {
    sid: "LogDeliveryDecryptsStateMachineLogs",
    service: LOG_DELIVERY_SERVICE,
    actions: ["kms:Decrypt"],
    // Vended-log deliveries carry SourceArn arn:aws:logs:<region>:<account>:* as their encryption context.
    conditions: { StringLike: { "kms:EncryptionContext:SourceArn": logDeliverySourceArn(scope) } },
  };
}

/** `arn:aws:events:<region>:<account>:event-bus/<name>`. */
export function eventBusArn(scope: WorkflowKeyScope, busName: string): string {
  return `arn:aws:events:${scope.region}:${scope.accountId}:event-bus/${busName}`;
}

/** `arn:aws:events:<region>:<account>:rule/<bus>/<rule>`: a rule on a custom bus, known before the rule exists. */
export function eventRuleArn(scope: WorkflowKeyScope, busName: string, ruleName: string): string {
  return `arn:aws:events:${scope.region}:${scope.accountId}:rule/${busName}/${ruleName}`;
}

/** `arn:aws:states:<region>:<account>:stateMachine:<name>`, known before the state machine exists. */
export function stateMachineArn(scope: WorkflowKeyScope, name: string): string {
  return `arn:aws:states:${scope.region}:${scope.accountId}:stateMachine:${name}`;
}

/** The encryption context (`SourceArn`) of vended-log deliveries in an account and region. */
export function logDeliverySourceArn(scope: WorkflowKeyScope): string {
  return `arn:aws:logs:${scope.region}:${scope.accountId}:*`;
}
