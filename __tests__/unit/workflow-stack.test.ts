import { DefaultTokenResolver, StringConcat, Testing, Tokenization } from "cdktf";
import { describe, expect, it } from "vitest";
import { BLUEPRINTS, type EnvironmentConfig, parseEnvironmentConfig } from "../../config";
import { isZipFunction } from "../../config/sections/functions";
import { LAMBDA_TRANSIENT_ERRORS } from "../../constructs/lambda-pipeline-definition";
import { applyGuardrails, collectFindings } from "../../guardrails";
import { type DeployedZipFunction, FunctionsStack } from "../../stacks/functions-stack";
import { WorkflowStack, type WorkflowStackProps } from "../../stacks/workflow-stack";
import { testApp } from "../support/test-app";

const WORKFLOW_KEY = "arn:aws:kms:us-east-1:733333333333:key/workflow";
const MESSAGING_KEY = "arn:aws:kms:us-east-1:733333333333:key/messaging";
const LOGS_KEY = "arn:aws:kms:us-east-1:733333333333:key/logs";

type Json = Record<string, any>;

function configOf(env: "dev" | "prod", edit: (raw: any) => void = () => {}): EnvironmentConfig {
  const raw = structuredClone(BLUEPRINTS["voice-assistant"][env]) as any;
  edit(raw);
  return parseEnvironmentConfig(raw, "test");
}

/** What the functions stack hands over: each zip function's `live` alias, as plain strings. */
function zipFunctionsOf(config: EnvironmentConfig): Record<string, DeployedZipFunction> {
  return Object.fromEntries(
    (config.functions ?? []).filter(isZipFunction).map((fn) => {
      const functionName = `${config.project}-${config.environment}-${fn.name}`;
      const functionArn = `arn:aws:lambda:${config.region}:${config.accountId}:function:${functionName}`;
      return [
        fn.name,
        {
          functionName,
          aliasName: "live",
          aliasArn: `${functionArn}:live`,
          aliasInvokeArn: `arn:aws:apigateway:${config.region}:lambda:path/2015-03-31/functions/${functionArn}:live/invocations`,
          errorAlarmName: `${functionName}-errors`,
          logGroupName: `/aws/lambda/${functionName}`,
          deadLetterQueueName: `${functionName}-dlq`,
        },
      ];
    }),
  );
}

function propsOf(config: EnvironmentConfig, overrides: Partial<WorkflowStackProps> = {}): WorkflowStackProps {
  return {
    config,
    workflowKeyArn: WORKFLOW_KEY,
    messagingKeyArn: MESSAGING_KEY,
    logsKeyArn: LOGS_KEY,
    functions: zipFunctionsOf(config),
    ...overrides,
  };
}

function build(config: EnvironmentConfig, overrides: Partial<WorkflowStackProps> = {}) {
  const stack = new WorkflowStack(testApp(), propsOf(config, overrides));
  const json: Json = JSON.parse(Testing.synth(stack));
  const resolve = (value: unknown) => Tokenization.resolve(value, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()) });
  return { stack, json, resolve };
}

const list = (json: Json, type: string): Json[] => Object.values(json.resource[type] ?? {});
const byName = (json: Json, type: string, name: string): Json => {
  const found = list(json, type).filter((r) => r.name === name);
  expect(found, `${type} named ${name}`).toHaveLength(1);
  return found[0];
};
const addressOf = (json: Json, type: string, name: string) =>
  Object.entries(json.resource[type] ?? {}).find(([, r]) => (r as Json).name === name)![0];
const policyOf = (json: Json, queueAddress: string): Json[] =>
  JSON.parse(list(json, "aws_sqs_queue_policy").find((p) => p.queue_url === `\${aws_sqs_queue.${queueAddress}.url}`)!.policy).Statement;

const prodConfig = configOf("prod");
const prod = build(prodConfig);
const ruleArn = (rule: string) => `arn:aws:events:us-east-1:733333333333:rule/voice-assistant-prod-events/${rule}`;
const alias = (fn: string) => `arn:aws:lambda:us-east-1:733333333333:function:voice-assistant-prod-${fn}:live`;

describe("WorkflowStack (voice-assistant prod, plain props)", () => {
  const machine = byName(prod.json, "aws_sfn_state_machine", "voice-assistant-prod-voice-pipeline");
  const definition = JSON.parse(machine.definition);

  it("runs the configured functions' aliases in order, each retrying Lambda's transient errors and caught into a Fail state", () => {
    const steps = ["voice-processing", "intent-analysis", "llm-integration", "response-generation"];
    expect(definition.StartAt).toBe("voice-processing");
    expect(definition.TimeoutSeconds).toBe(300);
    const tasks = Object.entries<Json>(definition.States).filter(([, s]) => s.Type === "Task");
    expect(tasks.map(([name]) => name)).toEqual(steps);
    expect(tasks.map(([, s]) => s.Parameters.FunctionName)).toEqual(steps.map(alias));
    expect(tasks.map(([, s]) => s.Next ?? "END")).toEqual([...steps.slice(1), "END"]);
    for (const [, task] of tasks) {
      expect(task.Resource).toBe("arn:aws:states:::lambda:invoke");
      expect(task.Retry).toEqual([
        {
          ErrorEquals: ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"],
          IntervalSeconds: 2,
          MaxAttempts: 3,
          BackoffRate: 2,
          JitterStrategy: "FULL",
        },
      ]);
      expect(task.Catch).toEqual([{ ErrorEquals: ["States.ALL"], Next: "PipelineFailed" }]);
    }
    expect(LAMBDA_TRANSIENT_ERRORS).toHaveLength(4);
    expect(definition.States.PipelineFailed).toEqual({ Type: "Fail", ErrorPath: "$.Error", CausePath: "$.Cause" });
  });

  it("lets its role invoke exactly those aliases", () => {
    const role = byName(prod.json, "aws_iam_role", "voice-assistant-prod-voice-pipeline-sfn");
    const policy = list(prod.json, "aws_iam_role_policy").find(
      (p) => p.role === `\${aws_iam_role.${addressOf(prod.json, "aws_iam_role", role.name)}.id}`,
    )!;
    const invoke = JSON.parse(policy.policy).Statement.find((s: Json) => s.Sid === "InvokeDefinitionFunctions");
    const steps = ["voice-processing", "intent-analysis", "llm-integration", "response-generation"];
    expect(invoke.Resource).toEqual(steps.flatMap((fn) => [alias(fn), `${alias(fn)}:*`]));
  });

  it("is encrypted with the workflow key, traced, and logs at ERROR without execution data to a logs-key group kept 90 days", () => {
    expect(machine.type).toBe("STANDARD");
    expect(machine.encryption_configuration).toMatchObject({ type: "CUSTOMER_MANAGED_KMS_KEY", kms_key_id: WORKFLOW_KEY });
    expect(machine.tracing_configuration).toEqual({ enabled: true });
    expect(machine.logging_configuration).toMatchObject({ level: "ERROR", include_execution_data: false });
    const group = byName(prod.json, "aws_cloudwatch_log_group", "/aws/vendedlogs/states/voice-assistant-prod-voice-pipeline");
    expect(group).toMatchObject({ kms_key_id: LOGS_KEY, retention_in_days: 90 });
    const groupAddress = addressOf(prod.json, "aws_cloudwatch_log_group", group.name);
    expect(machine.logging_configuration.log_destination).toBe(`\${aws_cloudwatch_log_group.${groupAddress}.arn}:*`);
  });

  it("routes each rule's sources and detail types to its configured targets with the configured retry and the rule's dead-letter queue", () => {
    const bus = byName(prod.json, "aws_cloudwatch_event_bus", "voice-assistant-prod-events");
    expect(bus.kms_key_identifier).toBeUndefined();
    expect(byName(prod.json, "aws_cloudwatch_event_archive", "voice-assistant-prod-events-archive").retention_days).toBe(365);
    const queueArn = `\${aws_sqs_queue.${addressOf(prod.json, "aws_sqs_queue", "voice-assistant-prod-analytics")}.arn}`;
    const machineArn = `\${aws_sfn_state_machine.${addressOf(prod.json, "aws_sfn_state_machine", machine.name)}.arn}`;
    const topicArn = `\${aws_sns_topic.${addressOf(prod.json, "aws_sns_topic", "voice-assistant-prod-notifications")}.arn}`;
    const expected: Record<string, { pattern: Json; targets: string[] }> = {
      "user-interaction": { pattern: { source: ["voice-assistant.api"], "detail-type": ["User Interaction"] }, targets: [machineArn, queueArn] },
      "system-error": { pattern: { source: ["voice-assistant.functions"], "detail-type": ["System Error"] }, targets: [topicArn] },
      analytics: {
        pattern: { source: ["voice-assistant.api", "voice-assistant.functions"], "detail-type": ["Analytics Event"] },
        targets: [queueArn],
      },
    };
    expect(
      list(prod.json, "aws_cloudwatch_event_rule")
        .map((r) => r.name)
        .sort(),
    ).toEqual(
      Object.keys(expected)
        .map((rule) => rule)
        .sort(),
    );
    for (const [rule, { pattern, targets }] of Object.entries(expected)) {
      const ruleName = rule;
      const resource = byName(prod.json, "aws_cloudwatch_event_rule", ruleName);
      expect(resource.event_bus_name).toBe(`\${aws_cloudwatch_event_bus.${addressOf(prod.json, "aws_cloudwatch_event_bus", bus.name)}.name}`);
      expect(JSON.parse(resource.event_pattern)).toEqual(pattern);
      const ruleRef = `\${aws_cloudwatch_event_rule.${addressOf(prod.json, "aws_cloudwatch_event_rule", ruleName)}.name}`;
      const ruleTargets = list(prod.json, "aws_cloudwatch_event_target").filter((t) => t.rule === ruleRef);
      expect(ruleTargets.map((t) => t.arn).sort()).toEqual([...targets].sort());
      const dlq = `\${aws_sqs_queue.${addressOf(prod.json, "aws_sqs_queue", `voice-assistant-prod-events-${ruleName}-dlq`)}.arn}`;
      for (const target of ruleTargets) {
        expect(target.retry_policy).toEqual({ maximum_event_age_in_seconds: 3600, maximum_retry_attempts: 24 });
        expect(target.dead_letter_config).toEqual({ arn: dlq });
      }
    }
    const start = list(prod.json, "aws_cloudwatch_event_target").find((t) => t.arn === machineArn)!;
    expect(start.role_arn).toMatch(/^\$\{aws_iam_role\.\w+\.arn\}$/);
  });

  it("lets events.amazonaws.com send to the work queue only for the rules that target it, and to each rule's DLQ only for that rule", () => {
    const senders = (queueName: string) =>
      policyOf(prod.json, addressOf(prod.json, "aws_sqs_queue", queueName))
        .filter((s) => s.Effect === "Allow")
        .map((s) => ({ principal: s.Principal, source: s.Condition.ArnLike["aws:SourceArn"] }));
    expect(senders("voice-assistant-prod-analytics")).toEqual([
      { principal: { Service: "events.amazonaws.com" }, source: [ruleArn("user-interaction"), ruleArn("analytics")] },
    ]);
    for (const rule of ["user-interaction", "system-error", "analytics"]) {
      expect(senders(`voice-assistant-prod-events-${rule}-dlq`)).toEqual([
        { principal: { Service: "events.amazonaws.com" }, source: [expect.stringMatching(/^\$\{aws_cloudwatch_event_rule\.\w+\.arn\}$/)] },
      ]);
    }
    // The work queue's own DLQ is fed by SQS redrive, not by a service: nobody may send to it through the policy.
    expect(senders("voice-assistant-prod-analytics-dlq")).toEqual([]);
  });

  it("keeps the work queue on the messaging key with its own dead-letter queue after the configured receives", () => {
    const queue = byName(prod.json, "aws_sqs_queue", "voice-assistant-prod-analytics");
    const dlq = byName(prod.json, "aws_sqs_queue", "voice-assistant-prod-analytics-dlq");
    expect(queue).toMatchObject({ kms_master_key_id: MESSAGING_KEY, visibility_timeout_seconds: 120, message_retention_seconds: 345_600 });
    expect(dlq).toMatchObject({ kms_master_key_id: MESSAGING_KEY, message_retention_seconds: 1_209_600 });
    const dlqAddress = addressOf(prod.json, "aws_sqs_queue", dlq.name);
    expect(JSON.parse(queue.redrive_policy)).toEqual({ deadLetterTargetArn: `\${aws_sqs_queue.${dlqAddress}.arn}`, maxReceiveCount: 5 });
    for (const q of list(prod.json, "aws_sqs_queue")) expect(q.kms_master_key_id).toBe(MESSAGING_KEY);
  });

  it("lets EventBridge publish to the encrypted notifications topic only for the system-error rule, and mails the team", () => {
    const topic = byName(prod.json, "aws_sns_topic", "voice-assistant-prod-notifications");
    expect(topic.kms_master_key_id).toBe(MESSAGING_KEY);
    const statements = JSON.parse(list(prod.json, "aws_sns_topic_policy")[0].policy).Statement as Json[];
    const events = statements.filter((s) => s.Principal?.Service === "events.amazonaws.com");
    expect(events).toEqual([
      expect.objectContaining({
        Action: "sns:Publish",
        Condition: { StringEquals: { "aws:SourceAccount": "733333333333" }, ArnLike: { "aws:SourceArn": ruleArn("system-error") } },
      }),
    ]);
    expect(list(prod.json, "aws_sns_topic_subscription")).toEqual([expect.objectContaining({ protocol: "email", endpoint: "alerts@example.com" })]);
  });

  it("exposes the names and ARNs the observability stack needs", () => {
    const { stack, resolve } = prod;
    const ref = (type: string, name: string, attribute: string) => `\${${type}.${addressOf(prod.json, type, name)}.${attribute}}`;
    expect(resolve(stack.stateMachineArn)).toBe(ref("aws_sfn_state_machine", "voice-assistant-prod-voice-pipeline", "arn"));
    expect(resolve(stack.stateMachineName)).toBe(ref("aws_sfn_state_machine", "voice-assistant-prod-voice-pipeline", "name"));
    expect(resolve(stack.logGroupName)).toBe(ref("aws_cloudwatch_log_group", "/aws/vendedlogs/states/voice-assistant-prod-voice-pipeline", "name"));
    expect(resolve(stack.eventBusName)).toBe(ref("aws_cloudwatch_event_bus", "voice-assistant-prod-events", "name"));
    expect(resolve(stack.notificationTopicArn)).toBe(ref("aws_sns_topic", "voice-assistant-prod-notifications", "arn"));
    expect(resolve(stack.queueArns)).toEqual({ analytics: ref("aws_sqs_queue", "voice-assistant-prod-analytics", "arn") });
    expect(resolve(stack.ruleNames)).toEqual(
      Object.fromEntries(["user-interaction", "system-error", "analytics"].map((r) => [r, ref("aws_cloudwatch_event_rule", r, "name")])),
    );
    const dlq = (name: string) => ref("aws_sqs_queue", name, "name");
    expect(resolve(stack.deadLetterQueueNames)).toEqual({
      "analytics-dlq": dlq("voice-assistant-prod-analytics-dlq"),
      "user-interaction-rule-dlq": dlq("voice-assistant-prod-events-user-interaction-dlq"),
      "system-error-rule-dlq": dlq("voice-assistant-prod-events-system-error-dlq"),
      "analytics-rule-dlq": dlq("voice-assistant-prod-events-analytics-dlq"),
    });
    expect(Object.keys(prod.json.output).sort()).toEqual(["event_bus_name", "state_machine_arn"]);
  });
});

describe("WorkflowStack names", () => {
  it("creates the bus, state machine and queue the functions stack granted PutEvents, StartExecution and SendMessage on", () => {
    const functions = new FunctionsStack(testApp(), {
      config: prodConfig,
      artifactsBucketName: "voice-assistant-prod-artifacts",
      logsKeyArn: LOGS_KEY,
      environmentKeyArn: "arn:aws:kms:us-east-1:733333333333:key/functions",
      messagingKeyArn: MESSAGING_KEY,
      alarmTopicArn: "arn:aws:sns:us-east-1:733333333333:voice-assistant-prod-alarms",
      workflowKeyArn: WORKFLOW_KEY,
      secrets: {
        arns: Object.fromEntries(
          ["music-api-key", "weather-api-key"].map((name) => [
            name,
            `arn:aws:secretsmanager:us-east-1:733333333333:secret:prod/voice-assistant/${name}-AbCdEf`,
          ]),
        ),
        kmsKeyArn: "arn:aws:kms:us-east-1:733333333333:key/secrets",
      },
      tables: {
        conversations: {
          name: "voice-assistant-prod-conversations",
          arn: "arn:aws:dynamodb:us-east-1:733333333333:table/voice-assistant-prod-conversations",
          indexArns: ["arn:aws:dynamodb:us-east-1:733333333333:table/voice-assistant-prod-conversations/index/by-user"],
        },
      },
      dynamodbKeyArn: "arn:aws:kms:us-east-1:733333333333:key/dynamodb",
    });
    const granted = (sid: string) =>
      list(JSON.parse(Testing.synth(functions)), "aws_iam_role_policy")
        .flatMap((p) => JSON.parse(p.policy).Statement as Json[])
        .filter((s) => s.Sid === sid)
        .flatMap((s) => [s.Resource].flat());
    const [putEvents, startExecution, sendMessage] = ["PutEventsOnBus", "StartWorkflow", "SendToQueues"].map(granted);
    // Each grant is in use, or this test would compare nothing.
    expect([putEvents.length, startExecution.length, sendMessage.length]).toEqual([1, 1, 1]);

    const { json } = prod;
    const [account, region] = ["733333333333", "us-east-1"];
    expect(putEvents[0]).toBe(`arn:aws:events:${region}:${account}:event-bus/${list(json, "aws_cloudwatch_event_bus")[0].name}`);
    expect(startExecution[0]).toBe(`arn:aws:states:${region}:${account}:stateMachine:${list(json, "aws_sfn_state_machine")[0].name}`);
    expect(sendMessage[0]).toBe(`arn:aws:sqs:${region}:${account}:${byName(json, "aws_sqs_queue", "voice-assistant-prod-analytics").name}`);
  });
});

describe("WorkflowStack (voice-assistant dev) and variants", () => {
  it("logs every transition in dev and keeps the archive and logs for a shorter time", () => {
    const { json } = build(configOf("dev"));
    expect(byName(json, "aws_sfn_state_machine", "voice-assistant-dev-voice-pipeline").logging_configuration).toMatchObject({
      level: "ALL",
      include_execution_data: false,
    });
    expect(byName(json, "aws_cloudwatch_event_archive", "voice-assistant-dev-events-archive").retention_days).toBe(7);
    expect(byName(json, "aws_cloudwatch_log_group", "/aws/vendedlogs/states/voice-assistant-dev-voice-pipeline").retention_in_days).toBe(14);
  });

  it("matches every detail type of a rule without detailTypes, and lets EventBridge invoke a function target's alias for that rule", () => {
    const config = configOf("prod", (raw) => {
      raw.workflow.rules[2].detailTypes = [];
      raw.workflow.rules[2].targets.push({ type: "function", name: "music" });
    });
    const { json } = build(config);
    const rule = byName(json, "aws_cloudwatch_event_rule", "analytics");
    expect(JSON.parse(rule.event_pattern)).toEqual({ source: ["voice-assistant.api", "voice-assistant.functions"] });
    const ruleAddress = addressOf(json, "aws_cloudwatch_event_rule", rule.name);
    expect(list(json, "aws_cloudwatch_event_target").filter((t) => t.arn === alias("music"))).toEqual([
      expect.objectContaining({ rule: `\${aws_cloudwatch_event_rule.${ruleAddress}.name}`, target_id: "function-music" }),
    ]);
    expect(list(json, "aws_lambda_permission")).toEqual([
      expect.objectContaining({
        function_name: alias("music"),
        principal: "events.amazonaws.com",
        source_arn: `\${aws_cloudwatch_event_rule.${ruleAddress}.arn}`,
      }),
    ]);
  });

  it.each([
    ["a step", (fns: Record<string, DeployedZipFunction>) => delete fns["llm-integration"], /steps\[2\] names function "llm-integration"/],
    ["a rule target", (fns: Record<string, DeployedZipFunction>) => delete fns.music, /rules\[2\]\.targets\[1\] names function "music"/],
  ])("fails naming %s's function that is missing from functions", (_, remove, message) => {
    const config = configOf("prod", (raw) => raw.workflow.rules[2].targets.push({ type: "function", name: "music" }));
    const functions = zipFunctionsOf(config);
    remove(functions);
    expect(() => build(config, { functions })).toThrow(message);
  });
});

describe.each(["dev", "prod"] as const)("guarded %s WorkflowStack", (env) => {
  it("has zero guardrail findings, errors and warnings alike", () => {
    const app = testApp();
    const stack = new WorkflowStack(app, propsOf(configOf(env)));
    applyGuardrails(stack, { production: env === "prod" });
    const findings = collectFindings(app).flatMap((report) => report.findings);
    expect(findings.map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
  });
});

describe("WorkflowStack edge cases", () => {
  it("lets EventBridge publish for this bus's rules when several rules notify, and for none when no rule does", () => {
    const topicPublishers = (edit: (raw: any) => void) => {
      const { json } = build(configOf("prod", edit));
      const statements = JSON.parse(list(json, "aws_sns_topic_policy")[0].policy).Statement as Json[];
      return statements.filter((s) => s.Principal?.Service === "events.amazonaws.com").map((s) => s.Condition.ArnLike["aws:SourceArn"]);
    };
    expect(topicPublishers((raw) => raw.workflow.rules[2].targets.push({ type: "notifications" }))).toEqual([
      "arn:aws:events:us-east-1:733333333333:rule/voice-assistant-prod-events/*",
    ]);
    expect(topicPublishers((raw) => (raw.workflow.rules[1].targets = [{ type: "queue", name: "analytics" }]))).toEqual([]);
  });

  it("numbers the state of a function the pipeline runs twice", () => {
    const { json } = build(configOf("prod", (raw) => raw.workflow.stateMachine.steps.push("intent-analysis")));
    const definition = JSON.parse(list(json, "aws_sfn_state_machine")[0].definition);
    expect(definition.States["response-generation"].Next).toBe("intent-analysis-5");
    expect(definition.States["intent-analysis-5"]).toMatchObject({ Parameters: { FunctionName: alias("intent-analysis") }, End: true });
  });

  it("refuses an archive kept forever (EventBridge's 0), naming the field", () => {
    expect(() => configOf("prod", (raw) => (raw.workflow.eventBus.archiveRetentionDays = 0))).toThrow(
      /workflow\.eventBus\.archiveRetentionDays: must be at least 1 day/,
    );
  });
});
