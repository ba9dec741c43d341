import { type AlarmDefinition, countWindow } from "./metric-alarm";

/** True for a value known only at plan time (`${...}`), which validation skips. */
const isToken = (value: string) => value.includes("${");

export interface StateMachineAlarmsProps {
  /** State machine name from config (`conversation-flow`): names its alarms and their Terraform ids. */
  readonly name: string;
  /** ARN of the state machine (the `StateMachineArn` dimension), not of a version or an alias. */
  readonly stateMachineArn: string;
  readonly thresholds: {
    /** Failed executions per count window above which it pages. */
    readonly failedExecutions: number;
    /** Executions that ran past their TimeoutSeconds per count window above which it pages. */
    readonly timedOutExecutions: number;
    /** State transitions (and their retries) Step Functions throttled per count window above which it pages. */
    readonly throttledExecutions: number;
    /** Window, in seconds, the counts are summed over. */
    readonly countPeriodSeconds: number;
  };
}

/**
 * The alarms of a Step Functions state machine: failed, timed-out and throttled executions, each summed over the
 * count window (`AWS/States`, dimension `StateMachineArn`; Step Functions publishes no data point for a period
 * without executions). https://docs.aws.amazon.com/step-functions/latest/dg/procedure-cw-metrics.html
 */
export function stateMachineAlarms(props: StateMachineAlarmsProps): AlarmDefinition[] {
  const { name: key, stateMachineArn, thresholds } = props;
  if (key.length === 0) throw new Error("stateMachineAlarms: name must not be empty; it names the state machine's alarms");
  if (!isToken(stateMachineArn) && !/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[^:]+$/.test(stateMachineArn)) {
    throw new Error(
      `stateMachineAlarms: stateMachineArn "${stateMachineArn}" of ${key} must be a state machine ARN (arn:aws:states:<region>:<account>:stateMachine:<name>), without a version or alias`,
    );
  }
  const minutes = thresholds.countPeriodSeconds / 60;
  const signals = [
    ["failed", "ExecutionsFailed", thresholds.failedExecutions, "executions failed", "open their event history"],
    ["timed_out", "ExecutionsTimedOut", thresholds.timedOutExecutions, "executions timed out", "a task waits on something that never answers"],
    [
      "throttled",
      "ExecutionThrottled",
      thresholds.throttledExecutions,
      "state transitions throttled",
      "the account's StateTransition quota is used up",
    ],
  ] as const;
  return signals.map(([signal, metricName, threshold, what, advice]) => ({
    id: `${key}_${signal}`,
    spec: {
      ...countWindow(thresholds.countPeriodSeconds),
      name: `${key}-${signal.replace("_", "-")}`,
      description: `${key}: more than ${threshold} ${what} in ${minutes} minutes; ${advice}.`,
      namespace: "AWS/States",
      metricName,
      dimensions: { StateMachineArn: stateMachineArn },
      threshold,
      treatMissingData: "notBreaching",
      widget: "Step Functions executions",
      label: `${key} ${signal.replace("_", " ")}`,
    },
  }));
}

export interface DeadLetterQueueAlarmsProps {
  /** The dead-letter queues: a short name from config (names the alarm) and the physical queue name (`QueueName`). */
  readonly queues: readonly { readonly name: string; readonly queueName: string }[];
  /**
   * Seconds per data point of the depth.
   * @default 300
   */
  readonly periodSeconds?: number;
}

/**
 * One alarm per dead-letter queue: any visible message pages (`ApproximateNumberOfMessagesVisible` Maximum > 0),
 * since each is work that failed every retry. SQS keeps publishing the metric while a queue holds messages and
 * stops for a queue idle and empty for hours, so silence counts as empty.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html
 */
export function deadLetterQueueAlarms(props: DeadLetterQueueAlarmsProps): AlarmDefinition[] {
  const periodSeconds = props.periodSeconds ?? 300;
  const names = props.queues.map((q) => q.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined) throw new Error(`deadLetterQueueAlarms: queue name ${duplicate} is listed twice; names must be unique`);
  return props.queues.map(({ name, queueName }) => {
    if (name.length === 0) throw new Error("deadLetterQueueAlarms: a queue's name must not be empty; it names the alarm");
    if (!isToken(queueName) && queueName.startsWith("https://")) {
      throw new Error(`deadLetterQueueAlarms: queueName of ${name} must be the queue's name (the QueueName dimension), not its URL`);
    }
    return {
      id: `${name}_dlq_depth`,
      spec: {
        periodSeconds,
        name: `${name}-dlq-not-empty`,
        description: `${name}: messages in the dead-letter queue ${queueName}; they failed every retry. Fix the consumer, then redrive them.`,
        namespace: "AWS/SQS",
        metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: queueName },
        statistic: "Maximum",
        comparison: "GreaterThanThreshold",
        threshold: 0,
        treatMissingData: "notBreaching",
        widget: "Dead-letter queue depth",
        label: name,
      },
    };
  });
}

export interface EventRuleAlarmsProps {
  /** Rule name from config (`conversation-ended`): names its alarms and their Terraform ids. */
  readonly name: string;
  /** Physical rule name (the `RuleName` dimension). */
  readonly ruleName: string;
  /**
   * Name (not ARN) of the custom event bus the rule is on (the `EventBusName` dimension).
   * @default - the default event bus, whose rule metrics carry `RuleName` alone
   */
  readonly eventBusName?: string;
  readonly thresholds: {
    /** Invocations that failed for good (after retries, not sent to a DLQ) per count window above which it pages. */
    readonly failedInvocations: number;
    /** Window, in seconds, the counts are summed over. */
    readonly countPeriodSeconds: number;
  };
}

/**
 * The alarms of an EventBridge rule: invocations that failed for good, events parked in the target's DLQ, and
 * events that could not even reach the DLQ (lost). Metrics with `RuleName` alone are the default bus's; a custom
 * bus's carry `EventBusName` and `RuleName`. EventBridge publishes these metrics only when they are not zero.
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-monitoring.html
 */
export function eventRuleAlarms(props: EventRuleAlarmsProps): AlarmDefinition[] {
  const { name: key, thresholds } = props;
  if (key.length === 0) throw new Error("eventRuleAlarms: name must not be empty; it names the rule's alarms");
  const bus = props.eventBusName;
  if (bus !== undefined && !isToken(bus) && bus.startsWith("arn:")) {
    throw new Error(`eventRuleAlarms: eventBusName of ${key} must be the bus's name (the EventBusName dimension), not its ARN`);
  }
  const dimensions: Record<string, string> =
    bus === undefined || bus === "default" ? { RuleName: props.ruleName } : { EventBusName: bus, RuleName: props.ruleName };
  const minutes = thresholds.countPeriodSeconds / 60;
  const signals = [
    ["failed_invocations", "FailedInvocations", thresholds.failedInvocations, "invocations failed for good"],
    ["sent_to_dlq", "InvocationsSentToDlq", 0, "events went to the target's dead-letter queue"],
    ["dlq_failures", "InvocationsFailedToBeSentToDlq", 0, "events could not be sent to the dead-letter queue and are lost"],
  ] as const;
  return signals.map(([signal, metricName, threshold, what]) => ({
    id: `${key}_${signal}`,
    spec: {
      ...countWindow(thresholds.countPeriodSeconds),
      name: `${key}-${signal.replaceAll("_", "-")}`,
      description: `${key}: more than ${threshold} ${what} in ${minutes} minutes; check the target's permissions and errors.`,
      namespace: "AWS/Events",
      metricName,
      dimensions,
      threshold,
      treatMissingData: "notBreaching",
      widget: "EventBridge delivery failures",
      label: `${key} ${signal.replaceAll("_", " ")}`,
    },
  }));
}
