import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { type EventRuleConfig, type WorkflowConfig, workflowResourceName } from "../config/sections/workflow";
import { EncryptedQueue } from "../constructs/encrypted-queue";
import { EncryptedTopic } from "../constructs/encrypted-topic";
import { EventBus, type EventRuleProps, type EventTargetProps } from "../constructs/event-bus";
import { lambdaPipelineDefinition } from "../constructs/lambda-pipeline-definition";
import { StateMachine } from "../constructs/state-machine";
import { EVENTBRIDGE_SERVICE, eventRuleArn } from "../constructs/workflow-key-grants";
import type { DeployedZipFunction } from "./functions-stack";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface WorkflowStackProps extends Omit<PlatformStackProps, "component"> {
  /** CMK of the state machine's definition and executions (secrets-kms `workflow`, whose policy lets log delivery decrypt). */
  readonly workflowKeyArn: string;
  /** CMK of the work queues, every dead-letter queue and the notifications topic (secrets-kms `messaging`, which EventBridge may use). */
  readonly messagingKeyArn: string;
  /** CMK of the state machine's log group (secrets-kms `logs`). */
  readonly logsKeyArn: string;
  /** The zip functions by config name (functions stack `zipFunctions`): steps and function targets invoke their alias. */
  readonly functions: Readonly<Record<string, DeployedZipFunction>>;
}

/** Dead-letter queues of the work queues keep messages this long (the SQS maximum), to leave time to redrive. */
const DEAD_LETTER_RETENTION_SECONDS = 1_209_600;

/**
 * Seed 002's orchestration: the voice pipeline as a Step Functions state machine running the zip functions' `live`
 * aliases in order, the application's EventBridge bus with its archive and rules, the SQS work queues the rules feed,
 * and the notifications topic that tells the team about system errors. Deployed after the functions stack, which
 * grants PutEvents, StartExecution and SendMessage on these resources by the names `workflowResourceName` derives.
 */
export class WorkflowStack extends PlatformStack {
  readonly stateMachineArn: string;
  readonly stateMachineName: string;
  /** Log group of the state machine's execution logs. */
  readonly logGroupName: string;
  readonly eventBusName: string;
  readonly eventBusArn: string;
  /** Physical rule name by config name. */
  readonly ruleNames: Readonly<Record<string, string>>;
  /** ARN of each work queue by config name. */
  readonly queueArns: Readonly<Record<string, string>>;
  /**
   * Physical name of every dead-letter queue, by a short name for its alarm: `<queue>-dlq` for a work queue's,
   * `<rule>-rule-dlq` for the one of a rule's targets.
   */
  readonly deadLetterQueueNames: Readonly<Record<string, string>>;
  readonly notificationTopicArn: string;

  constructor(scope: Construct, props: WorkflowStackProps) {
    super(scope, { ...props, component: "workflow" });
    const workflow = this.section("workflow");
    this.validate(workflow, props.functions);
    const name = (suffix: string) => workflowResourceName(this.config, suffix);
    const arnScope = { accountId: this.config.accountId, region: this.config.region };
    const busName = name(workflow.eventBus.name);
    // Derived from the names: the queues and topic (policies included) are built before the bus that makes the rules
    // delivering to them, and a rule's ARN is fixed by its bus and name.
    const ruleArnsTargeting = (type: string, targetName?: string) =>
      workflow.rules
        .filter((rule) => rule.targets.some((t) => t.type === type && (targetName === undefined || ("name" in t && t.name === targetName))))
        .map((rule) => eventRuleArn(arnScope, busName, rule.name));

    const queues = this.workQueues(workflow, props.messagingKeyArn, (queue) => ruleArnsTargeting("queue", queue));
    const topic = this.notificationTopic(workflow, props.messagingKeyArn, ruleArnsTargeting("notifications"));

    const machineName = name(workflow.stateMachine.name);
    const machine = new StateMachine(this, "pipeline", {
      name: machineName,
      definition: lambdaPipelineDefinition({
        comment: `${machineName}: ${workflow.stateMachine.steps.join(" -> ")}`,
        steps: uniqueStateNames(workflow.stateMachine.steps).map(([stateName, fn]) => ({
          name: stateName,
          functionArn: props.functions[fn].aliasArn,
        })),
        timeoutSeconds: workflow.stateMachine.timeoutSeconds,
      }),
      accountId: this.config.accountId,
      region: this.config.region,
      kmsKeyArn: props.workflowKeyArn,
      logKmsKeyArn: props.logsKeyArn,
      logRetentionDays: workflow.stateMachine.logRetentionDays,
      logLevel: workflow.stateMachine.logLevel,
      includeExecutionData: workflow.stateMachine.includeExecutionData,
    });

    const targetOf = (target: EventRuleConfig["targets"][number]): EventTargetProps => {
      switch (target.type) {
        case "queue":
          return { id: `queue-${target.name}`, type: "sqs", arn: queues.get(target.name)!.queue.arn };
        case "function":
          return { id: `function-${target.name}`, type: "lambda", arn: props.functions[target.name].aliasArn };
        case "state-machine":
          return { id: "state-machine", type: "state-machine", arn: machine.arn, kmsKeyArn: props.workflowKeyArn };
        case "notifications":
          return { id: "notifications", type: "sns", arn: topic.arn };
      }
    };
    const rules: EventRuleProps[] = workflow.rules.map((rule) => ({
      // Rule names are scoped to their bus, which carries the project and environment already.
      name: rule.name,
      description: rule.description,
      eventPattern: {
        source: rule.sources,
        // No detail-type key matches every detail type; an empty list would match none.
        ...(rule.detailTypes.length > 0 ? { "detail-type": rule.detailTypes } : {}),
      },
      targets: rule.targets.map((target) => ({ ...targetOf(target), retry: rule.retry })),
    }));
    const bus = new EventBus(this, "events", {
      name: busName,
      accountId: this.config.accountId,
      region: this.config.region,
      queueKmsKeyArn: props.messagingKeyArn,
      rules,
      // No bus CMK: provider 5.100 cannot give the archive one, and the archive is what replays an incident.
      archiveRetentionDays: workflow.eventBus.archiveRetentionDays,
    });

    this.stateMachineArn = machine.arn;
    this.stateMachineName = machine.name;
    this.logGroupName = machine.logGroup.name;
    this.eventBusName = bus.name;
    this.eventBusArn = bus.arn;
    this.ruleNames = Object.fromEntries(workflow.rules.map((rule) => [rule.name, bus.rules.get(rule.name)!.name]));
    this.queueArns = Object.fromEntries([...queues].map(([queueName, { queue }]) => [queueName, queue.arn]));
    this.deadLetterQueueNames = {
      ...Object.fromEntries([...queues].map(([queueName, { deadLetterQueue }]) => [`${queueName}-dlq`, deadLetterQueue.name])),
      ...Object.fromEntries(workflow.rules.map((rule) => [`${rule.name}-rule-dlq`, bus.deadLetterQueues.get(rule.name)!.name])),
    };
    this.notificationTopicArn = topic.arn;

    new TerraformOutput(this, "state_machine_arn", { value: machine.arn, description: "ARN of the voice pipeline state machine" });
    new TerraformOutput(this, "event_bus_name", { value: bus.name, description: "Name of the application's event bus" });
  }

  /** Every function the config names must be one the functions stack deployed (fail at synth, naming it); the archive must end. */
  private validate(workflow: WorkflowConfig, functions: WorkflowStackProps["functions"]): void {
    const known = Object.keys(functions);
    const missing = (fn: string, where: string) => {
      if (!Object.hasOwn(functions, fn)) {
        throw new Error(
          `${this.node.id}: ${where} names function "${fn}", which is not in functions (zip functions given: ${known.join(", ") || "none"})`,
        );
      }
    };
    for (const [i, step] of workflow.stateMachine.steps.entries()) missing(step, `workflow.stateMachine.steps[${i}]`);
    for (const [i, rule] of workflow.rules.entries()) {
      for (const [j, target] of rule.targets.entries()) {
        if (target.type === "function") missing(target.name, `workflow.rules[${i}].targets[${j}]`);
      }
    }
  }

  /** Each work queue with a dead-letter queue of its own, open to EventBridge only for the rules that target it. */
  private workQueues(
    workflow: WorkflowConfig,
    kmsKeyArn: string,
    senderRuleArns: (queue: string) => string[],
  ): Map<string, { queue: EncryptedQueue; deadLetterQueue: EncryptedQueue }> {
    const queues = new Map<string, { queue: EncryptedQueue; deadLetterQueue: EncryptedQueue }>();
    for (const config of workflow.queues) {
      const id = config.name.replaceAll("-", "_");
      const deadLetterQueue = new EncryptedQueue(this, `${id}_dlq`, {
        name: workflowResourceName(this.config, `${config.name}-dlq`),
        kmsKeyArn,
        messageRetentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
      });
      const rules = senderRuleArns(config.name);
      const queue = new EncryptedQueue(this, `${id}_queue`, {
        name: workflowResourceName(this.config, config.name),
        kmsKeyArn,
        messageRetentionSeconds: config.messageRetentionSeconds,
        visibilityTimeoutSeconds: config.visibilityTimeoutSeconds,
        deadLetter: { queue: deadLetterQueue, maxReceiveCount: config.maxReceiveCount },
        serviceSenders: rules.length > 0 ? [{ service: EVENTBRIDGE_SERVICE, sourceArns: rules }] : undefined,
      });
      queues.set(config.name, { queue, deadLetterQueue });
    }
    return queues;
  }

  /** The topic system errors reach the team through; EventBridge may publish for the rules that target it. */
  private notificationTopic(workflow: WorkflowConfig, kmsKeyArn: string, ruleArns: readonly string[]): EncryptedTopic {
    // A topic policy takes one publisher statement per service (the Sid is the service's), so several rules share
    // the pattern of this bus's rules, all of them this stack's.
    const sourceArnLike = ruleArns.length === 1 ? ruleArns[0] : ruleArns[0]?.replace(/[^/]+$/, "*");
    return new EncryptedTopic(this, "notifications_topic", {
      name: workflowResourceName(this.config, "notifications"),
      kmsKeyArn,
      accountId: this.config.accountId,
      publishers: sourceArnLike ? [{ service: EVENTBRIDGE_SERVICE, sourceArnLike }] : [],
      emailSubscriptions: workflow.notificationEmails,
    });
  }
}

/** State names for the steps: the function's config name, numbered when the pipeline runs a function twice. */
function uniqueStateNames(steps: readonly string[]): [stateName: string, functionName: string][] {
  return steps.map((fn, i) => [steps.indexOf(fn) === i ? fn : `${fn}-${i + 1}`, fn]);
}
