import { DataAwsS3Object } from "@cdktf/provider-aws/lib/data-aws-s3-object";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { ENVIRONMENT_MAX_BYTES, LAMBDA_RESERVED_ENVIRONMENT, tableEnvironmentName } from "../config/sections/functions";
import { EncryptedQueue } from "./encrypted-queue";
import { FunctionDeployment } from "./function-deployment";
import { type FunctionExecution, functionExecution } from "./function-execution";
import { type FunctionPermissions, functionPermissionStatements } from "./function-permissions";
import { MetricAlarm } from "./metric-alarm";
import type { GrantedTable, TableGrant } from "./table-access";

/** Where the function's deployment package was published (the artifacts bucket). */
export interface ZipArtifact {
  /** Bucket name; versioning on, so that a new upload under the same key is a new object version. */
  readonly bucket: string;
  /** Object key of the .zip, e.g. `functions/voice-processing/1.4.2.zip`. */
  readonly key: string;
  /**
   * Object version to deploy.
   * @default - the object's current version, read at plan time
   */
  readonly version?: string;
}

/** The alarm that stops a deployment and rolls the alias back. */
export interface ZipFunctionErrorAlarm {
  /** Failed invocations of the alias per period above which it fires. */
  readonly threshold: number;
  /** Seconds per period: 10, 30 or a multiple of 60; short enough to fire within the canary's wait. */
  readonly periodSeconds: number;
  /**
   * Breaching periods in a row that fire it.
   * @default 1
   */
  readonly evaluationPeriods?: number;
}

export interface ZipFunctionProps extends FunctionPermissions {
  /** Function name after the prefix (`voice-processing`): the function is `<namePrefix>-<name>`. */
  readonly name: string;
  /** `<project>-<env>`. */
  readonly namePrefix: string;
  readonly region: string;
  readonly accountId: string;
  /** The published .zip; a missing object stops the plan. */
  readonly artifact: ZipArtifact;
  /** Lambda runtime identifier, e.g. `python3.12`, `nodejs20.x`. */
  readonly runtime: string;
  /** Entry point in the package, e.g. `handler.lambda_handler`. */
  readonly handler: string;
  /** Memory in MB (128-10240); CPU scales with it. */
  readonly memoryMb: number;
  /** Seconds before an invocation is stopped (1-900). */
  readonly timeoutSeconds: number;
  /**
   * Instruction set the package was built for.
   * @default "x86_64"
   */
  readonly architecture?: "x86_64" | "arm64";
  /** Concurrency reserved for (and capping) the function; the account must keep 100 unreserved beside all reservations. */
  readonly reservedConcurrency: number;
  /**
   * Pre-initialized environments on the `live` alias, which marks the function critical; below `reservedConcurrency`.
   * @default - none (on-demand only)
   */
  readonly provisionedConcurrency?: number;
  /**
   * Non-secret environment variables; encrypted at rest with `environmentKeyArn`.
   * @default - none besides one `<TABLE>_TABLE` per granted table
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Tables the function may use, read or read-write, by config name; each adds `<NAME>_TABLE` to the environment.
   * @default - none
   */
  readonly tableGrants?: readonly TableGrant[];
  /**
   * Every table of the environment by config name (data-dynamodb stack).
   * @default - none; then no table may be granted
   */
  readonly tables?: Readonly<Record<string, GrantedTable>>;
  /**
   * CMK of those tables; required with table grants.
   * @default - none
   */
  readonly tablesKeyArn?: string;
  /** CMK of the log group `/aws/lambda/<function>`. */
  readonly logKmsKeyArn: string;
  /** Days the log group keeps events (a CloudWatch retention value). */
  readonly logRetentionDays: number;
  /** CMK of the environment variables. */
  readonly environmentKeyArn: string;
  /** CMK of the dead-letter queue (the messaging key). */
  readonly deadLetterKeyArn: string;
  /**
   * Seconds the dead-letter queue keeps a failed event (60-1209600).
   * @default 1209600 (14 days, the SQS maximum)
   */
  readonly deadLetterRetentionSeconds?: number;
  /**
   * CodeDeploy traffic-shifting configuration.
   * @default "CodeDeployDefault.LambdaCanary10Percent5Minutes"
   */
  readonly deploymentConfigName?: string;
  /** Errors on the `live` alias that stop a deployment and roll it back (and page). */
  readonly errorAlarm: ZipFunctionErrorAlarm;
  /** SNS topics the error alarm notifies. */
  readonly alarmTopicArns: readonly string[];
}

const RUNTIME = /^(nodejs\d+\.x|python3\.\d+|java\d+|dotnet\d+|ruby\d+\.\d+|provided\.al20(23|2))$/;
const ENV_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const RESERVED_ENVIRONMENT: readonly string[] = LAMBDA_RESERVED_ENVIRONMENT;
const ALIAS = "live";

/**
 * A Lambda function deployed from a .zip in the artifacts bucket, with everything it owns: the plan-time check that
 * the package exists, its encrypted log group and least-privilege role (`functionExecution`, plus what it calls:
 * `FunctionPermissions`), X-Ray active tracing, a CMK-encrypted environment, reserved concurrency, an encrypted
 * dead-letter queue for failed asynchronous events, an error alarm on its `live` alias, and the alias itself moved to
 * each new version by a CodeDeploy canary that rolls back on that alarm (`FunctionDeployment`).
 */
export class ZipFunction extends Construct {
  readonly artifact: DataAwsS3Object;
  readonly execution: FunctionExecution;
  readonly deadLetterQueue: EncryptedQueue;
  readonly lambda: LambdaFunction;
  readonly errorAlarm: MetricAlarm;
  readonly deployment: FunctionDeployment;
  /** Physical name, `<namePrefix>-<name>`: the `FunctionName` dimension of its metrics. */
  readonly functionName: string;
  /** Name of the alias clients invoke, `live`. */
  readonly aliasName = ALIAS;
  /** Name of the alarm that stops deployments. */
  readonly errorAlarmName: string;

  constructor(scope: Construct, id: string, props: ZipFunctionProps) {
    super(scope, id);
    const functionName = `${props.namePrefix}-${props.name}`;
    const grants = props.tableGrants ?? [];
    const tables = props.tables ?? {};
    validate(id, functionName, props);

    // Read while planning: an artifact that was never published stops the plan (naming bucket and key) instead of
    // failing CreateFunction halfway through an apply.
    this.artifact = new DataAwsS3Object(this, "Artifact", {
      bucket: props.artifact.bucket,
      key: props.artifact.key,
      versionId: props.artifact.version,
    });

    this.deadLetterQueue = new EncryptedQueue(this, "DeadLetterQueue", {
      name: `${functionName}-dlq`,
      kmsKeyArn: props.deadLetterKeyArn,
      messageRetentionSeconds: props.deadLetterRetentionSeconds ?? 1_209_600,
    });

    this.execution = functionExecution(this, {
      functionName,
      region: props.region,
      accountId: props.accountId,
      logKmsKeyArn: props.logKmsKeyArn,
      logRetentionDays: props.logRetentionDays,
      tableGrants: grants,
      tables,
      tablesKeyArn: props.tablesKeyArn,
      environmentKeyArn: props.environmentKeyArn,
      tracing: true,
      statements: [
        {
          // Lambda sends events that failed every retry with the execution role; CreateFunction refuses a dead-letter
          // target the role cannot send to.
          sid: "SendFailedEventsToOwnDeadLetterQueue",
          actions: ["sqs:SendMessage"],
          resources: [this.deadLetterQueue.arn],
        },
        {
          sid: "EncryptDeadLettersThroughSqs",
          actions: ["kms:GenerateDataKey", "kms:Decrypt"],
          resources: [props.deadLetterKeyArn],
          conditions: { StringEquals: { "kms:ViaService": `sqs.${props.region}.amazonaws.com` } },
        },
        ...functionPermissionStatements(`ZipFunction ${id}`, props, props.region, props.accountId),
      ],
    });

    // functionExecution has checked that every granted table is in `tables`.
    const environment = {
      ...props.environment,
      ...Object.fromEntries(grants.map((grant) => [tableEnvironmentName(grant.name), tables[grant.name].name])),
    };

    this.lambda = new LambdaFunction(this, "Resource", {
      functionName,
      role: this.execution.role.arn,
      packageType: "Zip",
      s3Bucket: props.artifact.bucket,
      s3Key: props.artifact.key,
      // A new object version under the same key is a code change Terraform can see (s3_object_version is one of the
      // attributes that make the provider call UpdateFunctionCode); with publish, every change is a new version.
      s3ObjectVersion: props.artifact.version ?? this.artifact.versionId,
      publish: true,
      runtime: props.runtime,
      handler: props.handler,
      architectures: [props.architecture ?? "x86_64"],
      memorySize: props.memoryMb,
      timeout: props.timeoutSeconds,
      reservedConcurrentExecutions: props.reservedConcurrency,
      environment: Object.keys(environment).length > 0 ? { variables: environment } : undefined,
      kmsKeyArn: props.environmentKeyArn,
      tracingConfig: { mode: "Active" },
      deadLetterConfig: { targetArn: this.deadLetterQueue.arn },
      // Naming our encrypted group keeps Lambda from creating an unencrypted, never-expiring one.
      loggingConfig: { logFormat: "JSON", logGroup: this.execution.logGroup.name },
      // CreateFunction checks that the role may send to the dead-letter queue.
      dependsOn: [this.execution.role.policy!],
      tags: { Name: functionName },
    });

    this.errorAlarmName = `${functionName}-${ALIAS}-errors`;
    this.errorAlarm = new MetricAlarm(this, "ErrorAlarm", {
      alarmName: this.errorAlarmName,
      description: `${props.name}: ${props.errorAlarm.threshold} or more failed invocations of the ${ALIAS} alias; a running CodeDeploy deployment stops and rolls back. See ${this.execution.logGroup.name}.`,
      namespace: "AWS/Lambda",
      metricName: "Errors",
      // The alias's own metrics: during a canary they include the new version's share of traffic.
      dimensions: { FunctionName: functionName, Resource: `${functionName}:${ALIAS}` },
      statistic: "Sum",
      // "Errors that stop the shift": the threshold-th error already does (a canary's share of little traffic may
      // never reach one more).
      comparison: "GreaterThanOrEqualToThreshold",
      threshold: props.errorAlarm.threshold,
      periodSeconds: props.errorAlarm.periodSeconds,
      evaluationPeriods: props.errorAlarm.evaluationPeriods,
      // No invocations, no errors.
      treatMissingData: "notBreaching",
      actionArns: props.alarmTopicArns,
    });

    this.deployment = new FunctionDeployment(this, "Deployment", {
      function: this.lambda,
      functionName,
      aliasName: ALIAS,
      deploymentConfigName: props.deploymentConfigName,
      alarmNames: [this.errorAlarm.alarm.alarmName],
      provisionedConcurrency: props.provisionedConcurrency,
    });
    this.functionName = functionName;
  }

  /** Unqualified function ARN. */
  get functionArn(): string {
    return this.lambda.arn;
  }

  /** ARN of the `live` alias: what clients, EventBridge targets and Step Functions tasks invoke. */
  get aliasArn(): string {
    return this.deployment.alias.arn;
  }

  /** Invoke ARN of the `live` alias, for API Gateway integrations. */
  get aliasInvokeArn(): string {
    return this.deployment.alias.invokeArn;
  }

  /** The latest published version: the appspec's `TargetVersion` of the next deployment. */
  get latestVersion(): string {
    return this.lambda.version;
  }

  get logGroupName(): string {
    return this.execution.logGroup.name;
  }

  get deploymentApplicationName(): string {
    return this.deployment.application.name;
  }

  get deploymentGroupName(): string {
    return this.deployment.group.deploymentGroupName;
  }
}

function validate(id: string, functionName: string, props: ZipFunctionProps): void {
  const fail = (message: string): never => {
    throw new Error(`ZipFunction ${id}: ${message}`);
  };
  const wholeIn = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
  if (!/^[a-z][a-z0-9-]*$/.test(props.name)) fail(`name "${props.name}" must be lower-case letters, digits and '-', starting with a letter`);
  if (functionName.length > 64) fail(`the function name "${functionName}" is longer than 64 characters; shorten name`);
  if (props.artifact.bucket.length === 0 || props.artifact.key.length === 0) fail("artifact.bucket and artifact.key must not be empty");
  if (!Token.isUnresolved(props.runtime) && !RUNTIME.test(props.runtime))
    fail(`runtime "${props.runtime}" is not a Lambda runtime identifier (python3.12, nodejs20.x, ...)`);
  if (!/^\S{1,128}$/.test(props.handler)) fail(`handler "${props.handler}" must be 1-128 characters without spaces`);
  if (!wholeIn(props.memoryMb, 128, 10240)) fail("memoryMb must be a whole number of 128-10240");
  if (!wholeIn(props.timeoutSeconds, 1, 900)) fail("timeoutSeconds must be a whole number of 1-900");
  if (!wholeIn(props.reservedConcurrency, 1, 10000)) fail("reservedConcurrency must be a whole number of 1-10000 (0 throttles every invocation)");
  const provisioned = props.provisionedConcurrency;
  if (provisioned !== undefined && (!Number.isInteger(provisioned) || provisioned < 1 || provisioned >= props.reservedConcurrency)) {
    fail(
      `provisionedConcurrency ${provisioned} must be a whole number of at least 1 and below reservedConcurrency ${props.reservedConcurrency}: ` +
        "Lambda refuses more, and at equal the canary's new version has no on-demand concurrency left",
    );
  }
  const environment = props.environment ?? {};
  const names = Object.keys(environment);
  const badName = names.find((name) => !ENV_NAME.test(name));
  if (badName) fail(`environment name "${badName}" must be letters, digits and '_', starting with a letter`);
  const reserved = names.filter((name) => RESERVED_ENVIRONMENT.includes(name));
  if (reserved.length > 0) fail(`environment sets ${reserved.join(", ")}, which the Lambda runtime defines itself`);
  const generated = (props.tableGrants ?? []).map((grant) => tableEnvironmentName(grant.name)).filter((name) => name in environment);
  if (generated.length > 0) fail(`environment sets ${generated.join(", ")}, which the table grants set`);
  const literalBytes = Object.entries(environment)
    .filter(([, value]) => !Token.isUnresolved(value))
    .reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value), 0);
  if (literalBytes > ENVIRONMENT_MAX_BYTES) fail(`environment is ${literalBytes} bytes; Lambda allows ${ENVIRONMENT_MAX_BYTES} in all`);
  if (!(props.errorAlarm.threshold >= 0)) fail("errorAlarm.threshold must be 0 or more");
}
