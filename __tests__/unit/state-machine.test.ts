import { SfnStateMachine } from "@cdktf/provider-aws/lib/sfn-state-machine";
import { TerraformStack, TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { StateMachine, type StateMachineProps } from "../../constructs/state-machine";
import { stateMachineLogDeliveryKeyGrant } from "../../constructs/workflow-key-grants";
import { applyGuardrails, collectFindings } from "../../guardrails";
import { synthScope, testApp } from "../support/test-app";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555";
const LOG_KEY = "arn:aws:kms:us-east-1:111111111111:key/99999999-2222-3333-4444-555555555555";
const TRANSCRIBE = "arn:aws:lambda:us-east-1:111111111111:function:voice-transcribe:live";
const RESPOND = "arn:aws:lambda:us-east-1:111111111111:function:voice-respond:live";

const RETRY = [{ ErrorEquals: ["Lambda.ServiceException", "Lambda.TooManyRequestsException"], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2 }];
const PIPELINE: StateMachineProps["definition"] = {
  Comment: "voice pipeline",
  StartAt: "Transcribe",
  States: {
    Transcribe: { Type: "Task", Resource: TRANSCRIBE, Retry: RETRY, Catch: [{ ErrorEquals: ["States.ALL"], Next: "Failed" }], Next: "Respond" },
    Respond: {
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: { FunctionName: RESPOND, "Payload.$": "$" },
      Retry: RETRY,
      End: true,
    },
    Failed: { Type: "Fail", Error: "PipelineFailed" },
  },
};

const base: StateMachineProps = {
  name: "voice-ai-dev-pipeline",
  definition: PIPELINE,
  accountId: "111111111111",
  region: "us-east-1",
  kmsKeyArn: KEY,
  logKmsKeyArn: LOG_KEY,
  logRetentionDays: 30,
};

function synth(props: Partial<StateMachineProps> = {}): Record<string, any> {
  return JSON.parse(synthScope((scope) => new StateMachine(scope, "pipeline", { ...base, ...props })));
}

const only = (json: Record<string, any>, type: string) => Object.values(json.resource[type] ?? {}) as Record<string, any>[];
const rolePolicy = (json: Record<string, any>) => JSON.parse(only(json, "aws_iam_role_policy")[0].policy).Statement as Record<string, any>[];
const statement = (json: Record<string, any>, sid: string) => rolePolicy(json).find((s) => s.Sid === sid);

describe("StateMachine", () => {
  it("is a STANDARD machine encrypted with the CMK, traced, and logging at ERROR to its CMK log group with the :* suffix", () => {
    const text = synthScope((scope) => new StateMachine(scope, "pipeline", base));
    expect(text).toHaveResourceWithProperties(SfnStateMachine, {
      name: "voice-ai-dev-pipeline",
      type: "STANDARD",
      tracing_configuration: { enabled: true },
      encryption_configuration: { type: "CUSTOMER_MANAGED_KMS_KEY", kms_key_id: KEY, kms_data_key_reuse_period_seconds: 300 },
      logging_configuration: {
        level: "ERROR",
        include_execution_data: false,
        log_destination: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.\w+\.arn\}:\*$/),
      },
    });
    const json = JSON.parse(text);
    expect(only(json, "aws_cloudwatch_log_group")).toEqual([
      expect.objectContaining({ name: "/aws/vendedlogs/states/voice-ai-dev-pipeline", kms_key_id: LOG_KEY, retention_in_days: 30 }),
    ]);
    const machine = only(json, "aws_sfn_state_machine")[0];
    expect(JSON.parse(machine.definition)).toEqual(PIPELINE);
    expect(machine.depends_on).toEqual([expect.stringMatching(/^aws_iam_role_policy\./)]);
  });

  it("lets the role invoke exactly the functions of the definition, each alias ARN and below it", () => {
    const json = synth();
    expect(statement(json, "InvokeDefinitionFunctions")).toEqual({
      Sid: "InvokeDefinitionFunctions",
      Effect: "Allow",
      Action: "lambda:InvokeFunction",
      Resource: [TRANSCRIBE, `${TRANSCRIBE}:*`, RESPOND, `${RESPOND}:*`],
    });
  });

  it("grants log-delivery setup and X-Ray on * (no resource-level permissions) and the key only under its own encryption contexts", () => {
    const json = synth();
    expect(statement(json, "SetUpLogDelivery")).toMatchObject({
      Resource: "*",
      Action: expect.arrayContaining(["logs:CreateLogDelivery", "logs:DescribeLogGroups", "logs:PutResourcePolicy"]),
    });
    expect(statement(json, "SendTraces")).toMatchObject({
      Resource: "*",
      Action: expect.arrayContaining(["xray:PutTraceSegments", "xray:GetSamplingTargets"]),
    });
    expect(statement(json, "EncryptOwnExecutions")).toMatchObject({
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: KEY,
      Condition: {
        StringEquals: {
          "kms:EncryptionContext:aws:states:stateMachineArn": "arn:aws:states:us-east-1:111111111111:stateMachine:voice-ai-dev-pipeline",
        },
      },
    });
    expect(statement(json, "EncryptLogRecords")).toMatchObject({
      Action: "kms:GenerateDataKey",
      Condition: { StringEquals: { "kms:EncryptionContext:SourceArn": "arn:aws:logs:us-east-1:111111111111:*" } },
    });
    expect(rolePolicy(json).map((s) => s.Sid)).not.toContain("SendToQueues");
    const trust = JSON.parse(only(json, "aws_iam_role")[0].assume_role_policy).Statement[0];
    expect(trust).toMatchObject({
      Principal: { Service: "states.amazonaws.com" },
      Condition: { StringEquals: { "aws:SourceAccount": "111111111111" } },
    });
  });

  it("walks Parallel branches and Map processors, and scopes queue and bus writes to the ARNs given", () => {
    const queue = "arn:aws:sqs:us-east-1:111111111111:voice-ai-dev-analytics";
    const bus = "arn:aws:events:us-east-1:111111111111:event-bus/voice-ai-dev";
    const json = synth({
      definition: {
        StartAt: "Fan",
        States: {
          Fan: {
            Type: "Parallel",
            Branches: [
              { StartAt: "Respond", States: { Respond: { Type: "Task", Resource: RESPOND, End: true } } },
              {
                StartAt: "Enqueue",
                States: { Enqueue: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", Parameters: { QueueUrl: "https://q" }, End: true } },
              },
            ],
            Next: "Each",
          },
          Each: {
            Type: "Map",
            ItemProcessor: { StartAt: "Emit", States: { Emit: { Type: "Task", Resource: "arn:aws:states:::events:putEvents", End: true } } },
            End: true,
          },
        },
      },
      queueArns: [queue],
      eventBusArns: [bus],
      messageKeyArns: [KEY],
    });
    expect(statement(json, "InvokeDefinitionFunctions")!.Resource).toEqual([RESPOND, `${RESPOND}:*`]);
    expect(statement(json, "SendToQueues")).toMatchObject({ Action: "sqs:SendMessage", Resource: queue });
    expect(statement(json, "PutEvents")).toMatchObject({ Action: "events:PutEvents", Resource: bus });
    expect(statement(json, "EncryptMessages")).toMatchObject({ Resource: KEY });
  });

  it("takes function ARNs that are references (an alias from another stack's remote state)", () => {
    const json = JSON.parse(
      synthScope((scope) => {
        const alias = new TerraformVariable(scope, "alias_arn", { type: "string" });
        new StateMachine(scope, "pipeline", {
          ...base,
          definition: {
            StartAt: "A",
            States: { A: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: alias.stringValue }, End: true } },
          },
        });
      }),
    );
    expect(statement(json, "InvokeDefinitionFunctions")!.Resource).toEqual(["${var.alias_arn}", "${var.alias_arn}:*"]);
    expect(JSON.parse(only(json, "aws_sfn_state_machine")[0].definition).States.A.Parameters.FunctionName).toBe("${var.alias_arn}");
  });

  it("passes every guardrail of the pack", () => {
    const app = testApp();
    const stack = new TerraformStack(app, "test");
    applyGuardrails(stack, { production: true });
    new StateMachine(stack, "pipeline", base);
    expect(collectFindings(app).flatMap((r) => r.findings)).toEqual([]);
  });

  it("says which key grant its key needs for log delivery", () => {
    expect(stateMachineLogDeliveryKeyGrant({ accountId: "111111111111", region: "us-east-1" })).toEqual({
      sid: "LogDeliveryDecryptsStateMachineLogs",
      service: "delivery.logs.amazonaws.com",
      actions: ["kms:Decrypt"],
      conditions: { StringLike: { "kms:EncryptionContext:SourceArn": "arn:aws:logs:us-east-1:111111111111:*" } },
    });
  });

  it.each([
    [{ name: "voice pipeline" }, /name "voice pipeline" must be 1-75 characters/],
    [{ name: "p".repeat(62) }, /makes role name p+-sfn longer than 64 characters/],
    [{ definition: { ...PIPELINE, StartAt: "Nope" } }, /definition.StartAt "Nope" names no state/],
    [
      {
        definition: {
          StartAt: "A",
          States: { A: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { "FunctionName.$": "$.fn" }, End: true } },
        },
      },
      /definition.States.A invokes Lambda without a literal function ARN/,
    ],
    [
      { definition: { StartAt: "A", States: { A: { Type: "Task", Resource: "arn:aws:states:::dynamodb:putItem", End: true } } } },
      /definition.States.A.Resource "arn:aws:states:::dynamodb:putItem" is not a Lambda, SQS or EventBridge task/,
    ],
    [
      { definition: { StartAt: "A", States: { A: { Type: "Task", Resource: "arn:aws:states:::sqs:sendMessage", End: true } } } },
      /sqs:sendMessage tasks; list their queues in queueArns/,
    ],
    [
      { definition: { StartAt: "A", States: { A: { Type: "Task", Resource: "arn:aws:states:::events:putEvents", End: true } } } },
      /events:putEvents tasks; list their buses in eventBusArns/,
    ],
  ] as [Partial<StateMachineProps>, RegExp][])("rejects %o", (props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});
