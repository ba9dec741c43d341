import { CloudwatchEventArchive } from "@cdktf/provider-aws/lib/cloudwatch-event-archive";
import { CloudwatchEventBus } from "@cdktf/provider-aws/lib/cloudwatch-event-bus";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { Construct } from "constructs";
import { EncryptedQueue } from "./encrypted-queue";
import { ServiceRole } from "./service-role";
import { EVENTBRIDGE_SERVICE, eventBusArn } from "./workflow-key-grants";

export type EventTargetType = "sqs" | "lambda" | "state-machine" | "sns";

/** How long and how often EventBridge retries a target before it gives the event to the dead-letter queue. */
export interface EventTargetRetryPolicy {
  /** Seconds an event may wait for delivery (60-86400). */
  readonly maximumEventAgeSeconds: number;
  /** Retries after the first attempt (0-185). */
  readonly maximumRetryAttempts: number;
}

export interface EventTargetProps {
  /** Target id, unique in its rule (1-64 characters of A-Z a-z 0-9 . _ -). */
  readonly id: string;
  /**
   * What the target is. The receiving side must let EventBridge in: an `sqs` queue's policy allows
   * events.amazonaws.com sqs:SendMessage for the rule (`EncryptedQueue.serviceSenders` with `eventRuleArn`), an
   * `sns` topic lists it as a publisher (`EncryptedTopic.publishers`), and the key of either has
   * `eventBridgeTargetKeyGrant`. Lambda permissions and the state machine role are made here.
   */
  readonly type: EventTargetType;
  /** ARN of the queue, function or alias, state machine or topic, in the bus's region. */
  readonly arn: string;
  /**
   * Retry policy of this target.
   * @default - EventBridge's own defaults written out: 86400 seconds, 185 retries
   */
  readonly retry?: EventTargetRetryPolicy;
  /**
   * `sqs` targets that are FIFO queues: the message group of the events.
   * @default - none (a standard queue)
   */
  readonly messageGroupId?: string;
  /**
   * `state-machine` targets: the state machine's CMK. StartExecution encrypts the input with it, so the role
   * EventBridge assumes needs kms:GenerateDataKey and kms:Decrypt on it. Required for `state-machine` targets.
   * @default - none
   */
  readonly kmsKeyArn?: string;
}

export interface EventRuleProps {
  /** Rule name, unique on the bus (1-64 characters of A-Z a-z 0-9 _ -). */
  readonly name: string;
  /**
   * What the rule routes, shown in the console.
   * @default - none
   */
  readonly description?: string;
  /** Event pattern as JSON, e.g. `{ "source": ["voice-assistant"], "detail-type": ["UserInteraction"] }`. */
  readonly eventPattern: Readonly<Record<string, unknown>>;
  /** Where matching events go (1-5 targets, EventBridge's limit per rule). */
  readonly targets: readonly EventTargetProps[];
}

export interface EventBusProps {
  /** Bus name (1-50 characters of A-Z a-z 0-9 _ -; not `default`); prefixes its queues, archive and role. */
  readonly name: string;
  /** Account of the bus: binds queue, trust and key policies to it. */
  readonly accountId: string;
  /** Region of the bus and of every target. */
  readonly region: string;
  /** CMK of the dead-letter queues (the `messaging` key, whose policy needs `eventBridgeTargetKeyGrant`). */
  readonly queueKmsKeyArn: string;
  /** Rules of the bus, each with its own dead-letter queue. */
  readonly rules: readonly EventRuleProps[];
  /**
   * Days the archive keeps every event of the bus for replay (1-36500). Cannot be combined with `kmsKeyArn`: provider
   * 5.100's aws_cloudwatch_event_archive has no kms_key_identifier, so the archive would hold the bus's events under
   * an AWS owned key.
   * @default - no archive
   */
  readonly archiveRetentionDays?: number;
  /**
   * CMK of the events on the bus; its policy needs `eventBusKeyGrants`. Events that fail to encrypt or decrypt go
   * to a dead-letter queue of the bus. Schema discovery does not work on such a bus.
   * @default - an AWS owned key
   */
  readonly kmsKeyArn?: string;
  /**
   * Seconds the dead-letter queues keep undelivered events (60-1209600).
   * @default 1209600 (14 days, the SQS maximum, to leave time to redrive)
   */
  readonly deadLetterRetentionSeconds?: number;
}

/** EventBridge's own defaults, written out so a plan shows them and a reviewer sees a decision, not an omission. */
export const DEFAULT_EVENT_TARGET_RETRY: EventTargetRetryPolicy = { maximumEventAgeSeconds: 86_400, maximumRetryAttempts: 185 };
const MAX_TARGETS_PER_RULE = 5;

/**
 * A custom EventBridge bus with an optional archive, whose rules deliver with an explicit retry policy and a
 * CMK-encrypted dead-letter queue per rule, and which grants each target's invoke permission (Lambda permissions,
 * a role for Step Functions).
 */
export class EventBus extends Construct {
  readonly bus: CloudwatchEventBus;
  readonly archive?: CloudwatchEventArchive;
  /** Rules by name. */
  readonly rules: ReadonlyMap<string, CloudwatchEventRule>;
  /** The dead-letter queue of each rule, by rule name. */
  readonly deadLetterQueues: ReadonlyMap<string, EncryptedQueue>;
  /** Dead-letter queue of events that failed encryption or decryption; only with `kmsKeyArn`. */
  readonly busDeadLetterQueue?: EncryptedQueue;
  /** Role EventBridge assumes to start state machine executions; only with `state-machine` targets. */
  readonly startExecutionRole?: ServiceRole;

  constructor(scope: Construct, id: string, props: EventBusProps) {
    super(scope, id);
    validate(id, props);
    const { name, accountId, region } = props;
    const retentionSeconds = props.deadLetterRetentionSeconds ?? 1_209_600;
    const deadLetterQueue = (queueId: string, queueName: string, sourceArn: string) =>
      new EncryptedQueue(this, queueId, {
        name: queueName,
        kmsKeyArn: props.queueKmsKeyArn,
        messageRetentionSeconds: retentionSeconds,
        serviceSenders: [{ service: EVENTBRIDGE_SERVICE, sourceArns: [sourceArn] }],
      });

    if (props.kmsKeyArn) {
      this.busDeadLetterQueue = deadLetterQueue("bus_dlq", `${name}-bus-dlq`, eventBusArn({ accountId, region }, name));
    }
    this.bus = new CloudwatchEventBus(this, "Resource", {
      name,
      kmsKeyIdentifier: props.kmsKeyArn,
      deadLetterConfig: this.busDeadLetterQueue ? { arn: this.busDeadLetterQueue.arn } : undefined,
      tags: { Name: name },
    });
    if (props.archiveRetentionDays !== undefined) {
      this.archive = new CloudwatchEventArchive(this, "Archive", {
        name: `${name}-archive`,
        description: `Every event of ${name}, for replay`,
        eventSourceArn: this.bus.arn,
        retentionDays: props.archiveRetentionDays,
      });
    }

    const stateMachineTargets = props.rules.flatMap((rule) => rule.targets.filter((t) => t.type === "state-machine"));
    if (stateMachineTargets.length > 0) {
      this.startExecutionRole = new ServiceRole(this, "StartExecutionRole", {
        name: `${name}-events-sfn`,
        assumedBy: EVENTBRIDGE_SERVICE,
        sourceAccount: accountId,
        statements: [
          { sid: "StartTargetExecutions", actions: ["states:StartExecution"], resources: [...new Set(stateMachineTargets.map((t) => t.arn))] },
          ...stateMachineTargets.map((target, i) => ({
            sid: `EncryptExecutionInput${i + 1}`,
            actions: ["kms:GenerateDataKey", "kms:Decrypt"],
            resources: [target.kmsKeyArn!],
            conditions: { StringEquals: { "kms:EncryptionContext:aws:states:stateMachineArn": target.arn } },
          })),
        ],
      });
    }

    const rules = new Map<string, CloudwatchEventRule>();
    const deadLetterQueues = new Map<string, EncryptedQueue>();
    for (const ruleProps of props.rules) {
      // Snake-case construct ids: Terraform addresses read like the rest of the project's.
      const ruleKey = snake(ruleProps.name);
      const rule = new CloudwatchEventRule(this, `${ruleKey}_rule`, {
        name: ruleProps.name,
        description: ruleProps.description,
        eventBusName: this.bus.name,
        eventPattern: JSON.stringify(ruleProps.eventPattern),
        state: "ENABLED",
        tags: { Name: ruleProps.name },
      });
      rules.set(ruleProps.name, rule);
      const dlq = deadLetterQueue(`${ruleKey}_dlq`, `${name}-${ruleProps.name}-dlq`, rule.arn);
      deadLetterQueues.set(ruleProps.name, dlq);

      for (const target of ruleProps.targets) {
        const retry = target.retry ?? DEFAULT_EVENT_TARGET_RETRY;
        const targetKey = `${ruleKey}_${snake(target.id)}`;
        new CloudwatchEventTarget(this, `${targetKey}_target`, {
          rule: rule.name,
          eventBusName: this.bus.name,
          targetId: target.id,
          arn: target.arn,
          roleArn: target.type === "state-machine" ? this.startExecutionRole!.arn : undefined,
          sqsTarget: target.messageGroupId ? { messageGroupId: target.messageGroupId } : undefined,
          retryPolicy: { maximumEventAgeInSeconds: retry.maximumEventAgeSeconds, maximumRetryAttempts: retry.maximumRetryAttempts },
          deadLetterConfig: { arn: dlq.arn },
          // EventBridge checks the role when the target is put; its policy must be in place first.
          dependsOn: target.type === "state-machine" && this.startExecutionRole?.policy ? [this.startExecutionRole.policy] : undefined,
        });
        if (target.type === "lambda") {
          // A function or alias ARN as function_name: the permission lands on exactly what the target invokes.
          new LambdaPermission(this, `${targetKey}_invoke`, {
            statementId: `${name}-${ruleProps.name}-${target.id}`.slice(0, 100),
            action: "lambda:InvokeFunction",
            functionName: target.arn,
            principal: EVENTBRIDGE_SERVICE,
            sourceArn: rule.arn,
          });
        }
      }
    }
    this.rules = rules;
    this.deadLetterQueues = deadLetterQueues;
  }

  get arn(): string {
    return this.bus.arn;
  }

  get name(): string {
    return this.bus.name;
  }
}

function snake(name: string): string {
  return name.replace(/[-.]/g, "_");
}

function validate(id: string, props: EventBusProps): void {
  if (!/^[A-Za-z0-9_-]{1,50}$/.test(props.name) || props.name === "default") {
    throw new Error(`EventBus ${id}: name "${props.name}" must be 1-50 characters of A-Z a-z 0-9 _ - and not "default"`);
  }
  if (props.kmsKeyArn !== undefined && props.archiveRetentionDays !== undefined) {
    throw new Error(
      `EventBus ${id}: archiveRetentionDays cannot be combined with kmsKeyArn: provider 5.100 cannot give the archive a CMK ` +
        "(kms_key_identifier arrived in 6.x), so the bus's events would be archived under an AWS owned key; drop one of them",
    );
  }
  const days = props.archiveRetentionDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 36_500)) {
    // 0 would mean "keep forever" to EventBridge.
    throw new Error(`EventBus ${id}: archiveRetentionDays must be 1-36500`);
  }
  if (days !== undefined && `${props.name}-archive`.length > 48) {
    throw new Error(`EventBus ${id}: name "${props.name}" makes archive name ${props.name}-archive longer than EventBridge's 48 characters`);
  }
  if (props.rules.length === 0) throw new Error(`EventBus ${id}: rules is empty; a bus without rules delivers nothing`);
  const ruleNames = new Set<string>();
  for (const [r, rule] of props.rules.entries()) {
    const at = `rules[${r}]`;
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(rule.name))
      throw new Error(`EventBus ${id}: ${at}.name "${rule.name}" must be 1-64 characters of A-Z a-z 0-9 _ -`);
    if (ruleNames.has(snake(rule.name))) throw new Error(`EventBus ${id}: ${at}.name "${rule.name}" is used twice (- and _ count as one)`);
    ruleNames.add(snake(rule.name));
    const dlqName = `${props.name}-${rule.name}-dlq`;
    if (dlqName.length > 80) throw new Error(`EventBus ${id}: ${at}.name makes dead-letter queue name ${dlqName} longer than 80 characters`);
    if (Object.keys(rule.eventPattern).length === 0) throw new Error(`EventBus ${id}: ${at}.eventPattern is empty`);
    if (rule.targets.length < 1 || rule.targets.length > MAX_TARGETS_PER_RULE) {
      throw new Error(`EventBus ${id}: ${at}.targets must have 1-${MAX_TARGETS_PER_RULE} targets`);
    }
    const targetIds = new Set<string>();
    for (const [t, target] of rule.targets.entries()) {
      const where = `${at}.targets[${t}]`;
      if (!/^[A-Za-z0-9._-]{1,64}$/.test(target.id))
        throw new Error(`EventBus ${id}: ${where}.id "${target.id}" must be 1-64 characters of A-Z a-z 0-9 . _ -`);
      if (targetIds.has(snake(target.id)))
        throw new Error(`EventBus ${id}: ${where}.id "${target.id}" is used twice in the rule (- . _ count as one)`);
      targetIds.add(snake(target.id));
      const retry = target.retry ?? DEFAULT_EVENT_TARGET_RETRY;
      const { maximumEventAgeSeconds: age, maximumRetryAttempts: attempts } = retry;
      if (!Number.isInteger(age) || age < 60 || age > 86_400)
        throw new Error(`EventBus ${id}: ${where}.retry.maximumEventAgeSeconds must be 60-86400`);
      if (!Number.isInteger(attempts) || attempts < 0 || attempts > 185)
        throw new Error(`EventBus ${id}: ${where}.retry.maximumRetryAttempts must be 0-185`);
      if (target.messageGroupId !== undefined && target.type !== "sqs")
        throw new Error(`EventBus ${id}: ${where}.messageGroupId is for sqs targets only`);
      if (target.type === "state-machine" && target.kmsKeyArn === undefined) {
        throw new Error(`EventBus ${id}: ${where}.kmsKeyArn is required for a state-machine target (StartExecution encrypts the input with it)`);
      }
    }
  }
}
