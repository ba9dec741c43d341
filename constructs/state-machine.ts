import { SfnStateMachine } from "@cdktf/provider-aws/lib/sfn-state-machine";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "./encrypted-log-group";
import type { PolicyStatement } from "./iam-policy";
import { ServiceRole } from "./service-role";
import { STATE_MACHINE_LOG_DELIVERY_ACTIONS, XRAY_WRITE_ACTIONS } from "./state-machine-actions";
import { logDeliverySourceArn, stateMachineArn } from "./workflow-key-grants";

/** One state of an Amazon States Language definition; fields other than `Type` are passed through as written. */
export interface StateDefinition {
  readonly Type: string;
  readonly [field: string]: unknown;
}

export { STATE_MACHINE_LOG_DELIVERY_ACTIONS, XRAY_WRITE_ACTIONS } from "./state-machine-actions";

/** An Amazon States Language document, as JSON. ARNs inside may be references (alias ARNs from another stack). */
export interface StatesDefinition {
  readonly Comment?: string;
  readonly StartAt: string;
  readonly States: Readonly<Record<string, StateDefinition>>;
  readonly TimeoutSeconds?: number;
}

export type StateMachineLogLevel = "ALL" | "ERROR" | "FATAL";

export interface StateMachineProps {
  /** State machine name (1-75 characters of A-Z a-z 0-9 _ -); also names its role and log group. */
  readonly name: string;
  /**
   * The workflow. Task states call Lambda (`"Resource": "<function or alias ARN>"` or `arn:aws:states:::lambda:invoke`
   * with `FunctionName`), SQS (`arn:aws:states:::sqs:sendMessage`) or EventBridge (`arn:aws:states:::events:putEvents`);
   * the role may invoke exactly the functions named here.
   */
  readonly definition: StatesDefinition;
  /** Account of the state machine: its ARN, known before it exists, binds the key and trust policies. */
  readonly accountId: string;
  /** Region of the state machine. */
  readonly region: string;
  /**
   * CMK of the definition and execution history. Its key policy must give `delivery.logs.amazonaws.com` kms:Decrypt
   * (`stateMachineLogDeliveryKeyGrant`), or the log group stays empty.
   */
  readonly kmsKeyArn: string;
  /** CMK of the log group (the `logs` key, which lets CloudWatch Logs use it). */
  readonly logKmsKeyArn: string;
  /** Days the log group keeps events; one of the values CloudWatch accepts. */
  readonly logRetentionDays: number;
  /**
   * Which execution events are logged.
   * @default "ERROR"
   */
  readonly logLevel?: StateMachineLogLevel;
  /**
   * Log state input and output too; they carry what users said, so only where that is acceptable.
   * @default false
   */
  readonly includeExecutionData?: boolean;
  /**
   * ARNs of the SQS queues `sqs:sendMessage` tasks send to (tasks name a queue URL, so the ARNs are given here).
   * @default - none; a definition with an sqs:sendMessage task is rejected
   */
  readonly queueArns?: readonly string[];
  /**
   * ARNs of the event buses `events:putEvents` tasks put to.
   * @default - none; a definition with an events:putEvents task is rejected
   */
  readonly eventBusArns?: readonly string[];
  /**
   * CMKs of those queues and buses: SendMessage to an encrypted queue needs kms:GenerateDataKey and kms:Decrypt.
   * @default - none
   */
  readonly messageKeyArns?: readonly string[];
}

const LAMBDA_INVOKE = /^arn:aws:states:::lambda:invoke(\.waitForTaskToken)?$/;
const SQS_SEND = /^arn:aws:states:::sqs:sendMessage(\.waitForTaskToken)?$/;
const EVENTS_PUT = /^arn:aws:states:::events:putEvents(\.waitForTaskToken)?$/;
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?$/;
/** Step Functions' own default data-key reuse: bounded KMS calls, a key revocation felt within five minutes. */
const KMS_DATA_KEY_REUSE_SECONDS = 300;

/** What the Task states of a definition call, found by walking it (Parallel branches and Map item processors included). */
interface DefinitionCalls {
  readonly lambdaArns: string[];
  readonly sendsToQueues: boolean;
  readonly putsEvents: boolean;
}

function callsOf(id: string, definition: StatesDefinition): DefinitionCalls {
  const calls = { lambdaArns: [] as string[], sendsToQueues: false, putsEvents: false };
  const walk = (states: Readonly<Record<string, StateDefinition>>, where: string) => {
    for (const [stateName, state] of Object.entries(states)) {
      const at = `${where}.${stateName}`;
      if (state.Type === "Parallel") {
        for (const [i, branch] of ((state.Branches ?? []) as StatesDefinition[]).entries()) walk(branch.States, `${at}.Branches[${i}]`);
      }
      if (state.Type === "Map") {
        const processor = (state.ItemProcessor ?? state.Iterator) as StatesDefinition | undefined;
        if (processor) walk(processor.States, `${at}.ItemProcessor`);
      }
      if (state.Type !== "Task") continue;
      const resource = state.Resource;
      if (typeof resource !== "string") throw new Error(`StateMachine ${id}: ${at}.Resource must be a string`);
      if (LAMBDA_INVOKE.test(resource)) {
        const parameters = (state.Parameters ?? state.Arguments ?? {}) as Record<string, unknown>;
        const functionName = parameters.FunctionName;
        if (typeof functionName !== "string" || !(Token.isUnresolved(functionName) || LAMBDA_ARN.test(functionName))) {
          // A path (`FunctionName.$`) or a bare name would need lambda:InvokeFunction on every function.
          throw new Error(`StateMachine ${id}: ${at} invokes Lambda without a literal function ARN in Parameters.FunctionName`);
        }
        calls.lambdaArns.push(functionName);
      } else if (SQS_SEND.test(resource)) {
        calls.sendsToQueues = true;
      } else if (EVENTS_PUT.test(resource)) {
        calls.putsEvents = true;
      } else if (Token.isUnresolved(resource) || LAMBDA_ARN.test(resource)) {
        calls.lambdaArns.push(resource);
      } else {
        throw new Error(`StateMachine ${id}: ${at}.Resource "${resource}" is not a Lambda, SQS or EventBridge task, which the role could not call`);
      }
    }
  };
  if (!(definition.StartAt in definition.States)) {
    throw new Error(`StateMachine ${id}: definition.StartAt "${definition.StartAt}" names no state in definition.States`);
  }
  walk(definition.States, "definition.States");
  return { ...calls, lambdaArns: [...new Set(calls.lambdaArns)] };
}

/**
 * A STANDARD Step Functions state machine that is always encrypted with a CMK, traced with X-Ray and logging to a
 * CMK-encrypted log group, run by a role that may invoke exactly the functions its definition names.
 */
export class StateMachine extends Construct {
  readonly stateMachine: SfnStateMachine;
  readonly role: ServiceRole;
  readonly logGroup: EncryptedLogGroup;
  /** Lambda ARNs the definition invokes, which the role may invoke. */
  readonly lambdaArns: readonly string[];

  constructor(scope: Construct, id: string, props: StateMachineProps) {
    super(scope, id);
    // 75, not Step Functions' 80: the role is named `<name>-sfn` and IAM allows 64, so the role decides (below).
    if (!/^[A-Za-z0-9_-]{1,75}$/.test(props.name)) {
      throw new Error(`StateMachine ${id}: name "${props.name}" must be 1-75 characters of A-Z a-z 0-9 _ -`);
    }
    const roleName = `${props.name}-sfn`;
    if (roleName.length > 64) throw new Error(`StateMachine ${id}: name "${props.name}" makes role name ${roleName} longer than 64 characters`);
    const calls = callsOf(id, props.definition);
    if (calls.sendsToQueues && (props.queueArns ?? []).length === 0) {
      throw new Error(`StateMachine ${id}: the definition has sqs:sendMessage tasks; list their queues in queueArns`);
    }
    if (calls.putsEvents && (props.eventBusArns ?? []).length === 0) {
      throw new Error(`StateMachine ${id}: the definition has events:putEvents tasks; list their buses in eventBusArns`);
    }
    this.lambdaArns = calls.lambdaArns;

    const scopeOfArns = { accountId: props.accountId, region: props.region };
    // Built from the name, not the resource's attribute: the role's policy must exist before the state machine.
    const ownArn = stateMachineArn(scopeOfArns, props.name);
    const statements: PolicyStatement[] = [
      ...(calls.lambdaArns.length > 0
        ? [{ sid: "InvokeDefinitionFunctions", actions: ["lambda:InvokeFunction"], resources: calls.lambdaArns.flatMap((arn) => [arn, `${arn}:*`]) }]
        : []),
      // https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html#cloudwatch-iam-policy
      { sid: "SetUpLogDelivery", actions: [...STATE_MACHINE_LOG_DELIVERY_ACTIONS], resources: ["*"] },
      // https://docs.aws.amazon.com/step-functions/latest/dg/xray-iam.html
      { sid: "SendTraces", actions: [...XRAY_WRITE_ACTIONS], resources: ["*"] },
      // https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html
      {
        sid: "EncryptOwnExecutions",
        actions: ["kms:Decrypt", "kms:GenerateDataKey"],
        resources: [props.kmsKeyArn],
        conditions: { StringEquals: { "kms:EncryptionContext:aws:states:stateMachineArn": ownArn } },
      },
      {
        sid: "EncryptLogRecords",
        actions: ["kms:GenerateDataKey"],
        resources: [props.kmsKeyArn],
        conditions: { StringEquals: { "kms:EncryptionContext:SourceArn": logDeliverySourceArn(scopeOfArns) } },
      },
      ...((props.queueArns ?? []).length > 0 ? [{ sid: "SendToQueues", actions: ["sqs:SendMessage"], resources: [...props.queueArns!] }] : []),
      ...((props.eventBusArns ?? []).length > 0 ? [{ sid: "PutEvents", actions: ["events:PutEvents"], resources: [...props.eventBusArns!] }] : []),
      ...((props.messageKeyArns ?? []).length > 0
        ? [{ sid: "EncryptMessages", actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [...props.messageKeyArns!] }]
        : []),
    ];
    this.role = new ServiceRole(this, "Role", { name: roleName, assumedBy: "states.amazonaws.com", sourceAccount: props.accountId, statements });

    // Under /aws/vendedlogs/ CloudWatch Logs does not add the group to the account's log resource policy, whose
    // 5,120-character limit fails log setup once enough state machines log elsewhere.
    this.logGroup = new EncryptedLogGroup(this, "Logs", {
      name: `/aws/vendedlogs/states/${props.name}`,
      kmsKeyArn: props.logKmsKeyArn,
      retentionDays: props.logRetentionDays,
    });

    this.stateMachine = new SfnStateMachine(this, "Resource", {
      name: props.name,
      type: "STANDARD",
      roleArn: this.role.arn,
      definition: JSON.stringify(props.definition),
      loggingConfiguration: {
        // The API wants the log group ARN with its `:*` stream suffix, which the provider's `arn` attribute lacks.
        logDestination: `${this.logGroup.arn}:*`,
        level: props.logLevel ?? "ERROR",
        includeExecutionData: props.includeExecutionData ?? false,
      },
      tracingConfiguration: { enabled: true },
      encryptionConfiguration: {
        type: "CUSTOMER_MANAGED_KMS_KEY",
        kmsKeyId: props.kmsKeyArn,
        kmsDataKeyReusePeriodSeconds: KMS_DATA_KEY_REUSE_SECONDS,
      },
      // CreateStateMachine checks that the role can set up log delivery and use the key: the policy comes first.
      dependsOn: this.role.policy ? [this.role.policy] : [],
      tags: { Name: props.name },
    });
  }

  get arn(): string {
    return this.stateMachine.arn;
  }

  get name(): string {
    return this.stateMachine.name;
  }
}
