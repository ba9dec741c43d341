import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { CodedeployApp } from "@cdktf/provider-aws/lib/codedeploy-app";
import { CodedeployDeploymentGroup } from "@cdktf/provider-aws/lib/codedeploy-deployment-group";
import { DataAwsS3Object } from "@cdktf/provider-aws/lib/data-aws-s3-object";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { LambdaAlias } from "@cdktf/provider-aws/lib/lambda-alias";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { ZipFunction, type ZipFunctionProps } from "../../constructs/zip-function";
import { applyGuardrails, collectFindings } from "../../guardrails";
import { synthScope, testApp } from "../support/test-app";
import { type PolicyStatementJson as Statement, asList } from "../support/policy";

const ACCOUNT = "111111111111";
const REGION = "us-east-1";
const key = (name: string) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${name}`;
const HAIKU_3 = `arn:aws:bedrock:${REGION}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0`;
const HAIKU_35 = `arn:aws:bedrock:${REGION}::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0`;
const HAIKU_35_PROFILE = `arn:aws:bedrock:${REGION}:${ACCOUNT}:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0`;
const BOT_ALIAS = `arn:aws:lex:${REGION}:${ACCOUNT}:bot-alias/ABCDEFGHIJ/TSTALIASID`;

function props(overrides: Partial<ZipFunctionProps> = {}): ZipFunctionProps {
  return {
    name: "llm-integration",
    namePrefix: "voice-assistant-dev",
    region: REGION,
    accountId: ACCOUNT,
    artifact: { bucket: "voice-assistant-dev-artifacts", key: "functions/llm-integration/1.0.0.zip" },
    runtime: "python3.12",
    handler: "handler.lambda_handler",
    memoryMb: 512,
    timeoutSeconds: 30,
    reservedConcurrency: 20,
    environment: { LOG_LEVEL: "info" },
    tableGrants: [{ name: "conversations", access: "read-write" }],
    tables: {
      conversations: {
        name: "voice-assistant-dev-conversations",
        arn: `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/voice-assistant-dev-conversations`,
        indexArns: [],
      },
    },
    tablesKeyArn: key("dynamodb"),
    logKmsKeyArn: key("logs"),
    logRetentionDays: 30,
    environmentKeyArn: key("functions"),
    deadLetterKeyArn: key("messaging"),
    errorAlarm: { threshold: 10, periodSeconds: 60 },
    alarmTopicArns: [`arn:aws:sns:${REGION}:${ACCOUNT}:alarms`],
    bedrock: { modelArn: HAIKU_3 },
    lexBotAliasArn: BOT_ALIAS,
    synthesizeSpeech: true,
    eventBusArn: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/voice-assistant-dev`,
    stateMachineArn: `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:voice-assistant-dev-conversation`,
    stateMachineKeyArn: `arn:aws:kms:${REGION}:${ACCOUNT}:key/workflow`,
    sendsToQueues: [{ arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:voice-assistant-dev-analytics`, kmsKeyArn: key("messaging") }],
    ...overrides,
  };
}

const synth = (overrides: Partial<ZipFunctionProps> = {}) => synthScope((scope) => new ZipFunction(scope, "llm", props(overrides)));
const only = (text: string, type: string): Record<string, any> => {
  const all = Object.values(JSON.parse(text).resource?.[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0] as Record<string, any>;
};
function roleStatements(text: string): Statement[] {
  const policies = Object.values(JSON.parse(text).resource.aws_iam_role_policy) as { name: string; policy: string }[];
  return JSON.parse(policies.find((p) => p.name.endsWith("-lambda-policy"))!.policy).Statement;
}
const statement = (text: string, sid: string) => roleStatements(text).find((s) => s.Sid === sid);

describe("ZipFunction", () => {
  const text = synth();
  const fn = only(text, "aws_lambda_function");

  it("checks at plan time that the artifact exists and deploys its current object version, publishing a version", () => {
    expect(text).toHaveDataSourceWithProperties(DataAwsS3Object, {
      bucket: "voice-assistant-dev-artifacts",
      key: "functions/llm-integration/1.0.0.zip",
    });
    expect(fn.s3_object_version).toMatch(/^\$\{data\.aws_s3_object\.\w+\.version_id\}$/);
    expect(text).toHaveResourceWithProperties(LambdaFunction, {
      function_name: "voice-assistant-dev-llm-integration",
      package_type: "Zip",
      s3_bucket: "voice-assistant-dev-artifacts",
      s3_key: "functions/llm-integration/1.0.0.zip",
      publish: true,
      runtime: "python3.12",
      handler: "handler.lambda_handler",
      memory_size: 512,
      timeout: 30,
      architectures: ["x86_64"],
      reserved_concurrent_executions: 20,
      tracing_config: { mode: "Active" },
    });
    expect(fn.source_code_hash).toBeUndefined();
  });

  it("deploys a pinned object version when one is given, and checks that very version", () => {
    const pinned = synth({ artifact: { bucket: "b", key: "k.zip", version: "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY" } });
    expect(only(pinned, "aws_lambda_function").s3_object_version).toBe("3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY");
    expect(pinned).toHaveDataSourceWithProperties(DataAwsS3Object, { version_id: "3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY" });
  });

  it("encrypts its environment with the CMK that its role may use for this function only", () => {
    expect(fn.kms_key_arn).toBe(key("functions"));
    expect(fn.environment.variables).toEqual({ LOG_LEVEL: "info", CONVERSATIONS_TABLE: "voice-assistant-dev-conversations" });
    expect(statement(text, "DecryptOwnEnvironment")).toEqual({
      Sid: "DecryptOwnEnvironment",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: key("functions"),
      Condition: {
        StringEquals: {
          "kms:EncryptionContext:aws:lambda:FunctionArn": `arn:aws:lambda:${REGION}:${ACCOUNT}:function:voice-assistant-dev-llm-integration`,
        },
      },
    });
  });

  it("sends failed asynchronous events to its own CMK-encrypted dead-letter queue, which its role may write", () => {
    expect(text).toHaveResourceWithProperties(SqsQueue, { name: "voice-assistant-dev-llm-integration-dlq", kms_master_key_id: key("messaging") });
    expect(fn.dead_letter_config.target_arn).toMatch(/^\$\{aws_sqs_queue\.\w+\.arn\}$/);
    expect(statement(text, "SendFailedEventsToOwnDeadLetterQueue")!.Resource).toBe(fn.dead_letter_config.target_arn);
    expect(statement(text, "EncryptDeadLettersThroughSqs")!.Condition).toEqual({ StringEquals: { "kms:ViaService": `sqs.${REGION}.amazonaws.com` } });
    // CreateFunction checks the dead-letter permission, so the policy must exist first.
    expect(fn.depends_on).toEqual([expect.stringMatching(/^aws_iam_role_policy\./)]);
  });

  it("writes only its own encrypted log group and names it for Lambda", () => {
    const group = only(text, "aws_cloudwatch_log_group");
    expect(group).toEqual(
      expect.objectContaining({ name: "/aws/lambda/voice-assistant-dev-llm-integration", kms_key_id: key("logs"), retention_in_days: 30 }),
    );
    expect(statement(text, "WriteOwnLogs")!.Resource).toMatch(/^\$\{aws_cloudwatch_log_group\.\w+\.arn\}:log-stream:\*$/);
    expect(fn.logging_config.log_group).toMatch(/^\$\{aws_cloudwatch_log_group\.\w+\.name\}$/);
  });

  it("grants each configured service on its one resource, and '*' only where the service has no resource", () => {
    expect(statement(text, "InvokeConfiguredModel")!.Resource).toBe(HAIKU_3);
    expect(statement(text, "TalkToConfiguredBot")).toEqual(
      expect.objectContaining({ Action: ["lex:RecognizeText", "lex:RecognizeUtterance"], Resource: BOT_ALIAS }),
    );
    expect(statement(text, "PutEventsOnBus")!.Resource).toBe(props().eventBusArn);
    expect(statement(text, "StartWorkflow")).toEqual(expect.objectContaining({ Action: "states:StartExecution", Resource: props().stateMachineArn }));
    // StartExecution encrypts the input with the state machine's key under the caller's permissions.
    expect(statement(text, "EncryptWorkflowInput")).toEqual(
      expect.objectContaining({
        Resource: props().stateMachineKeyArn,
        Condition: { StringEquals: { "kms:EncryptionContext:aws:states:stateMachineArn": props().stateMachineArn } },
      }),
    );
    expect(statement(text, "SendToQueues")!.Resource).toBe(props().sendsToQueues![0].arn);
    expect(statement(text, "ReadWriteGrantedTables")!.Resource).toBe(props().tables!.conversations.arn);
    const wildcard = roleStatements(text).filter((s) => asList(s.Resource).includes("*"));
    expect(wildcard.flatMap((s) => asList(s.Action)).sort()).toEqual([
      "polly:SynthesizeSpeech",
      "xray:GetSamplingRules",
      "xray:GetSamplingTargets",
      "xray:PutTelemetryRecords",
      "xray:PutTraceSegments",
    ]);
  });

  it("asks for nothing it was not given", () => {
    const bare = synth({
      bedrock: undefined,
      lexBotAliasArn: undefined,
      synthesizeSpeech: undefined,
      eventBusArn: undefined,
      stateMachineArn: undefined,
      sendsToQueues: undefined,
      tableGrants: [],
      environment: {},
    });
    expect(roleStatements(bare).map((s) => s.Sid)).toEqual([
      "WriteOwnLogs",
      "DecryptOwnEnvironment",
      "SendTraces",
      "SendFailedEventsToOwnDeadLetterQueue",
      "EncryptDeadLettersThroughSqs",
    ]);
    expect(only(bare, "aws_lambda_function").environment).toBeUndefined();
  });

  it("invokes an inference-profile model through that profile only, in any region the profile routes to", () => {
    const profiled = synth({ bedrock: { modelArn: HAIKU_35, inferenceProfileArn: HAIKU_35_PROFILE } });
    expect(statement(profiled, "InvokeConfiguredModel")).toBeUndefined();
    expect(statement(profiled, "InvokeThroughInferenceProfile")!.Resource).toBe(HAIKU_35_PROFILE);
    expect(statement(profiled, "InvokeProfileModelInItsRegions")).toEqual(
      expect.objectContaining({
        Resource: "arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
        Condition: { StringEquals: { "bedrock:InferenceProfileArn": HAIKU_35_PROFILE } },
      }),
    );
  });

  it("creates the live alias on the published version and leaves its version and routing to CodeDeploy", () => {
    const alias = only(text, "aws_lambda_alias");
    expect(alias.name).toBe("live");
    expect(alias.function_version).toMatch(/^\$\{aws_lambda_function\.\w+\.version\}$/);
    expect(alias.lifecycle).toEqual({ ignore_changes: ["function_version", "routing_config"] });
    expect(text).toHaveResource(LambdaAlias);
  });

  it("deploys the alias by canary with CodeDeploy, rolling back on failure and on the alias's error alarm", () => {
    expect(text).toHaveResourceWithProperties(CodedeployApp, { name: "voice-assistant-dev-llm-integration", compute_platform: "Lambda" });
    const group = only(text, "aws_codedeploy_deployment_group");
    expect(group).toEqual(
      expect.objectContaining({
        deployment_group_name: "live",
        deployment_config_name: "CodeDeployDefault.LambdaCanary10Percent5Minutes",
        deployment_style: { deployment_type: "BLUE_GREEN", deployment_option: "WITH_TRAFFIC_CONTROL" },
        auto_rollback_configuration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
      }),
    );
    expect(group.alarm_configuration).toEqual({
      enabled: true,
      alarms: [expect.stringMatching(/^\$\{aws_cloudwatch_metric_alarm\.\w+\.alarm_name\}$/)],
      ignore_poll_alarm_failure: false,
    });
    expect(text).toHaveResourceWithProperties(CloudwatchMetricAlarm, {
      alarm_name: "voice-assistant-dev-llm-integration-live-errors",
      namespace: "AWS/Lambda",
      metric_name: "Errors",
      dimensions: { FunctionName: "voice-assistant-dev-llm-integration", Resource: "voice-assistant-dev-llm-integration:live" },
      threshold: 10,
      period: 60,
    });
    expect(text).toHaveResourceWithProperties(IamRolePolicyAttachment, {
      policy_arn: "arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda",
    });
    expect(text).toHaveResourceWithProperties(CodedeployDeploymentGroup, { deployment_group_name: "live" });
  });

  it("keeps provisioned concurrency on the alias, and only for a critical function", () => {
    expect(JSON.parse(text).resource.aws_lambda_provisioned_concurrency_config).toBeUndefined();
    const critical = synth({ provisionedConcurrency: 5 });
    const config = only(critical, "aws_lambda_provisioned_concurrency_config");
    expect(config.qualifier).toMatch(/^\$\{aws_lambda_alias\.\w+\.name\}$/);
    expect(config.provisioned_concurrent_executions).toBe(5);
  });

  it("passes every guardrail, errors and warnings alike", () => {
    const app = testApp();
    const stack = new TerraformStack(app, "guarded");
    applyGuardrails(stack, { production: true });
    new ZipFunction(stack, "llm", props({ provisionedConcurrency: 5, bedrock: { modelArn: HAIKU_35, inferenceProfileArn: HAIKU_35_PROFILE } }));
    const findings = collectFindings(app).flatMap((report) => report.findings);
    expect(findings.map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
  });
});

describe("ZipFunction validation", () => {
  it.each<[string, Partial<ZipFunctionProps>, RegExp]>([
    [
      "provisioned equal to reserved",
      { reservedConcurrency: 5, provisionedConcurrency: 5 },
      /provisionedConcurrency 5 must be .* below reservedConcurrency 5/,
    ],
    [
      "a non-Lambda deployment config",
      { deploymentConfigName: "CodeDeployDefault.ECSAllAtOnce" },
      /deploymentConfigName "CodeDeployDefault.ECSAllAtOnce" is not a Lambda configuration/,
    ],
    [
      "a model id instead of an ARN",
      { bedrock: { modelArn: "anthropic.claude-3-haiku-20240307-v1:0" } },
      /bedrock\.modelArn "anthropic\.claude-3-haiku.*" must be arn:aws:bedrock/,
    ],
    [
      "a profile of another model",
      { bedrock: { modelArn: HAIKU_3, inferenceProfileArn: HAIKU_35_PROFILE } },
      /inferenceProfileArn routes to anthropic\.claude-3-5-haiku.*, not to bedrock\.modelArn's anthropic\.claude-3-haiku/,
    ],
    [
      "a bot id instead of an alias ARN",
      { lexBotAliasArn: `arn:aws:lex:${REGION}:${ACCOUNT}:bot/ABCDEFGHIJ` },
      /lexBotAliasArn .* must be arn:aws:lex:<region>:<account>:bot-alias/,
    ],
    [
      "a variable the runtime sets",
      { environment: { AWS_REGION: "us-east-1" } },
      /environment sets AWS_REGION, which the Lambda runtime defines itself/,
    ],
    [
      "a variable a table grant sets",
      { environment: { CONVERSATIONS_TABLE: "x" } },
      /environment sets CONVERSATIONS_TABLE, which the table grants set/,
    ],
    ["an unknown runtime", { runtime: "python2.7x" }, /runtime "python2.7x" is not a Lambda runtime identifier/],
    ["zero reserved concurrency", { reservedConcurrency: 0 }, /reservedConcurrency must be a whole number of 1-10000/],
    ["a grant of a missing table", { tableGrants: [{ name: "users", access: "read" }] }, /tables has no entry for users/],
    ["a state machine without its key", { stateMachineKeyArn: undefined }, /stateMachineKeyArn is required with stateMachineArn/],
    [
      "a parameters path without its slashes",
      { readsParameters: { path: "voice-assistant/dev" } },
      /readsParameters\.path "voice-assistant\/dev" must start and end with \//,
    ],
  ])("rejects %s, naming the prop", (_case, overrides, message) => {
    expect(() => synth(overrides)).toThrow(message);
  });
});
