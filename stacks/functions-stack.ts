import type { Construct } from "constructs";
import {
  type ImageFunctionConfig,
  type ZipFunctionConfig,
  isImageFunction,
  isZipFunction,
  secretEnvironmentName,
} from "../config/sections/functions";
import { parameterPathFor } from "../config/sections/parameters";
import { secretNameFor } from "../config/sections/security";
import { workflowResourceName } from "../config/sections/workflow";
import { ContainerFunction, type FunctionNetwork, type FunctionTable } from "../constructs/container-function";
import type { ImageRepository } from "../constructs/container-repository";
import { eventBusArn, stateMachineArn } from "../constructs/workflow-key-grants";
import { ZipFunction } from "../constructs/zip-function";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface FunctionsStackProps extends Omit<PlatformStackProps, "component"> {
  /**
   * The VPC and its private subnets with NAT egress (vpc stack), for functions with `vpc: true`.
   * @default - no VPC; then no function may ask for one
   */
  readonly network?: FunctionNetwork;
  /**
   * ECR repository of each container-image function (registry stack), by function name.
   * @default - none; required with an image function
   */
  readonly repositories?: Readonly<Record<string, ImageRepository>>;
  /**
   * Bucket of the zip functions' packages (storage stack `artifacts`).
   * @default - none; required with a zip function
   */
  readonly artifactsBucketName?: string;
  /** CMK of the functions' log groups (secrets-kms `logs` key). */
  readonly logsKeyArn: string;
  /** CMK of the functions' environment variables (secrets-kms `functions` key). */
  readonly environmentKeyArn: string;
  /**
   * CMK of the zip functions' dead-letter queues and of the workflow queues they send to (secrets-kms `messaging`).
   * @default - none; required with a zip function
   */
  readonly messagingKeyArn?: string;
  /**
   * CMK of the workflow's state machine (secrets-kms `workflow`), for the functions that start executions.
   * @default - none; required when a function has `permissions.startsWorkflow`
   */
  readonly workflowKeyArn?: string;
  /**
   * Every secret of secrets-kms by short name, and the key that encrypts them, for `permissions.readsSecrets`.
   * @default - none; then no function may read a secret
   */
  readonly secrets?: { readonly arns: Readonly<Record<string, string>>; readonly kmsKeyArn: string };
  /**
   * CMK of the parameters stack's SecureStrings (secrets-kms `parameters`), for `permissions.readsParameters`.
   * @default - none
   */
  readonly parametersKeyArn?: string;
  /**
   * Topic the zip functions' rollback alarms page (observability's alarm topic, by its fixed name).
   * @default - none; required with a zip function
   */
  readonly alarmTopicArn?: string;
  /**
   * Tables of the data-dynamodb stack by config name, for the functions' table grants.
   * @default - none; then no function may grant a table
   */
  readonly tables?: Readonly<Record<string, FunctionTable>>;
  /**
   * CMK of those tables (secrets-kms `dynamodb` key).
   * @default - none; required with `tables`
   */
  readonly dynamodbKeyArn?: string;
}

/** A zip function as the api, workflow and observability stacks use it. */
export interface DeployedZipFunction {
  /** Physical function name. */
  readonly functionName: string;
  /** The alias CodeDeploy shifts (`live`): what callers invoke. */
  readonly aliasName: string;
  readonly aliasArn: string;
  /** The alias's API Gateway integration URI. */
  readonly aliasInvokeArn: string;
  /** The alarm that rolls a deployment back. */
  readonly errorAlarmName: string;
  /** `/aws/lambda/<function>`, for Logs Insights queries. */
  readonly logGroupName: string;
  /** Name of its async-invocation dead-letter queue, for the depth alarm. */
  readonly deadLetterQueueName: string;
}

/**
 * Lambda functions, one construct each: container images (seed 001's Amazon Connect token lookup, `ContainerFunction`)
 * and .zip packages from the artifacts bucket with a `live` alias that CodeDeploy shifts (seed 002, `ZipFunction`).
 * Only synthesized when `functions` is configured. Images and packages are published before this stack deploys; the
 * plan stops on one that is not there.
 */
export class FunctionsStack extends PlatformStack {
  /** Physical name of each container-image function, by config name. */
  readonly imageFunctionNames: Readonly<Record<string, string>>;
  /** Each zip function by config name. */
  readonly zipFunctions: Readonly<Record<string, DeployedZipFunction>>;

  constructor(scope: Construct, props: FunctionsStackProps) {
    super(scope, { ...props, component: "functions" });
    const functions = this.section("functions");

    const imageNames: Record<string, string> = {};
    const zipFunctions: Record<string, DeployedZipFunction> = {};
    for (const fn of functions) {
      if (isImageFunction(fn)) {
        imageNames[fn.name] = this.containerFunction(fn, props).name;
      } else if (isZipFunction(fn)) {
        const created = this.zipFunction(fn, props);
        zipFunctions[fn.name] = {
          functionName: created.functionName,
          aliasName: created.aliasName,
          aliasArn: created.aliasArn,
          aliasInvokeArn: created.aliasInvokeArn,
          errorAlarmName: created.errorAlarmName,
          logGroupName: created.logGroupName,
          deadLetterQueueName: created.deadLetterQueue.name,
        };
      }
    }
    this.imageFunctionNames = imageNames;
    this.zipFunctions = zipFunctions;
  }

  private containerFunction(fn: ImageFunctionConfig, props: FunctionsStackProps): ContainerFunction {
    const repository = props.repositories?.[fn.name];
    if (!repository) throw new Error(`${this.node.id}: repositories has no entry for image function ${fn.name}`);
    return new ContainerFunction(this, fn.name, {
      function: fn,
      namePrefix: this.namePrefix,
      region: this.config.region,
      accountId: this.config.accountId,
      tables: props.tables ?? {},
      tablesKeyArn: props.dynamodbKeyArn,
      network: props.network,
      repository,
      logKmsKeyArn: props.logsKeyArn,
      environmentKeyArn: props.environmentKeyArn,
    });
  }

  private zipFunction(fn: ZipFunctionConfig, props: FunctionsStackProps): ZipFunction {
    const { config } = this;
    const where = `${this.node.id}: zip function ${fn.name}`;
    if (!props.artifactsBucketName) throw new Error(`${where} needs artifactsBucketName (storage.artifacts)`);
    if (!props.messagingKeyArn || !props.alarmTopicArn) throw new Error(`${where} needs messagingKeyArn and alarmTopicArn`);
    if (fn.reservedConcurrency === undefined) throw new Error(`${where} needs reservedConcurrency (config rule)`);
    const permissions = fn.permissions;
    const workflow = config.workflow;
    // The workflow stack deploys after this one (its state machine and rules invoke these functions), so the
    // grants name its bus, state machine and queues by their fixed names instead of reading its outputs.
    const scope = { accountId: config.accountId, region: config.region };
    const needsWorkflow = permissions && (permissions.putsEvents || permissions.startsWorkflow || permissions.sendsToQueues.length > 0);
    if (needsWorkflow && !workflow) throw new Error(`${where} uses the workflow section, which is absent (config rule)`);
    const lex = permissions?.lexBotAlias;
    const secretNames = permissions?.readsSecrets ?? [];
    const missingSecrets = secretNames.filter((name) => !props.secrets?.arns[name]);
    if (missingSecrets.length > 0) throw new Error(`${where} reads ${missingSecrets.join(", ")}, which secrets has no ARN for`);
    // Where the function finds what it reads: names, never values.
    const locations = {
      ...Object.fromEntries(secretNames.map((name) => [secretEnvironmentName(name), secretNameFor(config, name)])),
      ...(permissions?.readsParameters ? { PARAMETERS_PATH: parameterPathFor(config, "") } : {}),
    };
    return new ZipFunction(this, fn.name, {
      name: fn.name,
      namePrefix: this.namePrefix,
      region: config.region,
      accountId: config.accountId,
      artifact: { bucket: props.artifactsBucketName, key: fn.code.artifactKey },
      runtime: fn.code.runtime,
      handler: fn.code.handler,
      memoryMb: fn.memoryMb,
      timeoutSeconds: fn.timeoutSeconds,
      architecture: fn.architecture,
      reservedConcurrency: fn.reservedConcurrency,
      provisionedConcurrency: fn.provisionedConcurrency,
      environment: { ...fn.environment, ...locations },
      tableGrants: fn.tables,
      tables: props.tables,
      tablesKeyArn: props.dynamodbKeyArn,
      logKmsKeyArn: props.logsKeyArn,
      logRetentionDays: fn.logRetentionDays,
      environmentKeyArn: props.environmentKeyArn,
      deadLetterKeyArn: props.messagingKeyArn,
      deploymentConfigName: fn.deployment?.config,
      errorAlarm: { threshold: fn.deployment?.rollbackErrors ?? 1, periodSeconds: 60 },
      alarmTopicArns: [props.alarmTopicArn],
      bedrock: permissions?.bedrockModelId
        ? { modelArn: `arn:aws:bedrock:${config.region}::foundation-model/${permissions.bedrockModelId}` }
        : undefined,
      lexBotAliasArn: lex ? `arn:aws:lex:${config.region}:${config.accountId}:bot-alias/${lex.botId}/${lex.aliasId}` : undefined,
      synthesizeSpeech: permissions?.synthesizeSpeech,
      sendsToQueues: workflow
        ? permissions?.sendsToQueues.map((queue) => ({
            arn: `arn:aws:sqs:${config.region}:${config.accountId}:${workflowResourceName(config, queue)}`,
            kmsKeyArn: props.messagingKeyArn!,
          }))
        : undefined,
      eventBusArn: workflow && permissions?.putsEvents ? eventBusArn(scope, workflowResourceName(config, workflow.eventBus.name)) : undefined,
      stateMachineArn:
        workflow && permissions?.startsWorkflow ? stateMachineArn(scope, workflowResourceName(config, workflow.stateMachine.name)) : undefined,
      stateMachineKeyArn: permissions?.startsWorkflow ? props.workflowKeyArn : undefined,
      readsSecrets:
        secretNames.length > 0 && props.secrets
          ? { arns: secretNames.map((name) => props.secrets!.arns[name]), kmsKeyArn: props.secrets.kmsKeyArn }
          : undefined,
      readsParameters: permissions?.readsParameters ? { path: parameterPathFor(config, ""), kmsKeyArn: props.parametersKeyArn } : undefined,
    });
  }
}
