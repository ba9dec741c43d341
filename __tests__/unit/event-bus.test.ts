import { CloudwatchEventBus } from "@cdktf/provider-aws/lib/cloudwatch-event-bus";
import { TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { EncryptedQueue } from "../../constructs/encrypted-queue";
import { EventBus, type EventBusProps } from "../../constructs/event-bus";
import { eventBridgeTargetKeyGrant, eventBusKeyGrants, eventRuleArn } from "../../constructs/workflow-key-grants";
import { applyGuardrails, collectFindings } from "../../guardrails";
import { synthScope, testApp } from "../support/test-app";

const ACCOUNT = "111111111111";
const KEY = "arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555";
const SFN_KEY = "arn:aws:kms:us-east-1:111111111111:key/22222222-2222-3333-4444-555555555555";
const QUEUE = "arn:aws:sqs:us-east-1:111111111111:voice-ai-dev-interactions";
const ALIAS = "arn:aws:lambda:us-east-1:111111111111:function:voice-ai-dev-errors:live";
const MACHINE = "arn:aws:states:us-east-1:111111111111:stateMachine:voice-ai-dev-analytics";
const TOPIC = "arn:aws:sns:us-east-1:111111111111:voice-ai-dev-alerts";

const base: EventBusProps = {
  name: "voice-ai-dev",
  accountId: ACCOUNT,
  region: "us-east-1",
  queueKmsKeyArn: KEY,
  archiveRetentionDays: 30,
  rules: [
    {
      name: "user-interaction",
      eventPattern: { source: ["voice-assistant"], "detail-type": ["UserInteraction"] },
      targets: [{ id: "queue", type: "sqs", arn: QUEUE }],
    },
    {
      name: "system-error",
      eventPattern: { source: ["voice-assistant"], "detail-type": ["SystemError"] },
      targets: [
        { id: "handler", type: "lambda", arn: ALIAS, retry: { maximumEventAgeSeconds: 3600, maximumRetryAttempts: 10 } },
        { id: "alerts", type: "sns", arn: TOPIC },
      ],
    },
    {
      name: "analytics",
      eventPattern: { source: ["voice-assistant"], "detail-type": ["Analytics"] },
      targets: [{ id: "pipeline", type: "state-machine", arn: MACHINE, kmsKeyArn: SFN_KEY }],
    },
  ],
};

function synth(props: Partial<EventBusProps> = {}): Record<string, any> {
  return JSON.parse(synthScope((scope) => new EventBus(scope, "events", { ...base, ...props })));
}
const all = (json: Record<string, any>, type: string) => json.resource[type] ?? {};
const list = (json: Record<string, any>, type: string) => Object.values(all(json, type)) as Record<string, any>[];

describe("EventBus", () => {
  it("makes a bus on an AWS owned key and an archive of all its events with the retention given", () => {
    const text = synthScope((scope) => new EventBus(scope, "events", base));
    expect(text).toHaveResourceWithProperties(CloudwatchEventBus, { name: "voice-ai-dev" });
    const json = JSON.parse(text);
    expect(list(json, "aws_cloudwatch_event_bus")[0]).not.toHaveProperty("kms_key_identifier");
    expect(list(json, "aws_cloudwatch_event_archive")).toEqual([
      expect.objectContaining({
        name: "voice-ai-dev-archive",
        retention_days: 30,
        event_source_arn: expect.stringMatching(/^\$\{aws_cloudwatch_event_bus\.\w+\.arn\}$/),
      }),
    ]);
  });

  it("gives every target a retry policy and its rule's CMK-encrypted standard dead-letter queue", () => {
    const json = synth();
    const targets = all(json, "aws_cloudwatch_event_target");
    expect(Object.keys(targets)).toHaveLength(4);
    for (const target of Object.values(targets) as Record<string, any>[]) {
      expect(target.retry_policy).toBeDefined();
      expect(target.dead_letter_config.arn).toMatch(/^\$\{aws_sqs_queue\.\w+\.arn\}$/);
      expect(target.event_bus_name).toMatch(/^\$\{aws_cloudwatch_event_bus\.\w+\.name\}$/);
    }
    const byId = Object.fromEntries((Object.values(targets) as Record<string, any>[]).map((t) => [t.target_id, t]));
    expect(byId.queue.retry_policy).toEqual({ maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 });
    expect(byId.handler.retry_policy).toEqual({ maximum_event_age_in_seconds: 3600, maximum_retry_attempts: 10 });
    const queues = list(json, "aws_sqs_queue");
    expect(queues.map((q) => q.name).sort()).toEqual([
      "voice-ai-dev-analytics-dlq",
      "voice-ai-dev-system-error-dlq",
      "voice-ai-dev-user-interaction-dlq",
    ]);
    for (const queue of queues) {
      expect(queue).toMatchObject({ kms_master_key_id: KEY, message_retention_seconds: 1209600 });
      expect(queue).not.toHaveProperty("fifo_queue");
    }
  });

  it("lets EventBridge send to each dead-letter queue for its own rule only, in the queue's one policy", () => {
    const json = synth();
    const policies = list(json, "aws_sqs_queue_policy");
    expect(policies).toHaveLength(3);
    for (const policy of policies) {
      const statements = JSON.parse(policy.policy).Statement;
      expect(statements.map((s: any) => s.Sid)).toEqual(["DenyUnencryptedTransport", "eventsSendsForItsSources"]);
      expect(statements[1]).toMatchObject({
        Principal: { Service: "events.amazonaws.com" },
        Action: "sqs:SendMessage",
        Condition: { ArnLike: { "aws:SourceArn": [expect.stringMatching(/^\$\{aws_cloudwatch_event_rule\.\w+\.arn\}$/)] } },
      });
    }
  });

  it("lets EventBridge invoke the Lambda alias for its rule, and start the state machine through a role bound to its key", () => {
    const json = synth();
    expect(list(json, "aws_lambda_permission")).toEqual([
      expect.objectContaining({
        function_name: ALIAS,
        principal: "events.amazonaws.com",
        action: "lambda:InvokeFunction",
        source_arn: expect.stringMatching(/^\$\{aws_cloudwatch_event_rule\.events_system_error_rule_\w+\.arn\}$/),
      }),
    ]);
    const role = list(json, "aws_iam_role")[0];
    expect(role.name).toBe("voice-ai-dev-events-sfn");
    expect(JSON.parse(role.assume_role_policy).Statement[0].Principal).toEqual({ Service: "events.amazonaws.com" });
    const statements = JSON.parse(list(json, "aws_iam_role_policy")[0].policy).Statement;
    expect(statements).toEqual([
      { Sid: "StartTargetExecutions", Effect: "Allow", Action: "states:StartExecution", Resource: MACHINE },
      {
        Sid: "EncryptExecutionInput1",
        Effect: "Allow",
        Action: ["kms:GenerateDataKey", "kms:Decrypt"],
        Resource: SFN_KEY,
        Condition: { StringEquals: { "kms:EncryptionContext:aws:states:stateMachineArn": MACHINE } },
      },
    ]);
    const machineTarget = list(json, "aws_cloudwatch_event_target").find((t) => t.target_id === "pipeline")!;
    expect(machineTarget.role_arn).toMatch(/^\$\{aws_iam_role\.\w+\.arn\}$/);
    expect(machineTarget.depends_on).toEqual([expect.stringMatching(/^aws_iam_role_policy\./)]);
    expect(list(json, "aws_cloudwatch_event_target").find((t) => t.target_id === "queue")).not.toHaveProperty("role_arn");
  });

  it("with a CMK, encrypts the bus and gives it a dead-letter queue for events that fail encryption", () => {
    const json = synth({ kmsKeyArn: KEY, archiveRetentionDays: undefined });
    const bus = list(json, "aws_cloudwatch_event_bus")[0];
    expect(bus.kms_key_identifier).toBe(KEY);
    expect(bus.dead_letter_config.arn).toMatch(/^\$\{aws_sqs_queue\.events_bus_dlq_\w+\.arn\}$/);
    const busDlqPolicy = list(json, "aws_sqs_queue_policy").map((p) => JSON.parse(p.policy).Statement[1]);
    expect(busDlqPolicy).toContainEqual(
      expect.objectContaining({ Condition: { ArnLike: { "aws:SourceArn": ["arn:aws:events:us-east-1:111111111111:event-bus/voice-ai-dev"] } } }),
    );
    expect(list(json, "aws_cloudwatch_event_archive")).toEqual([]);
  });

  it("passes every guardrail of the pack", () => {
    const app = testApp();
    const stack = new TerraformStack(app, "test");
    applyGuardrails(stack, { production: true });
    new EventBus(stack, "events", base);
    expect(collectFindings(app).flatMap((r) => r.findings)).toEqual([]);
  });

  it("passes VP-EVB-3 for an SQS target in the same stack only when the queue lets the rule send", () => {
    const build = (open: boolean) => {
      const app = testApp();
      const stack = new TerraformStack(app, "test");
      applyGuardrails(stack, { production: false });
      const work = new EncryptedQueue(stack, "work", {
        name: "voice-ai-dev-interactions",
        kmsKeyArn: KEY,
        messageRetentionSeconds: 345600,
        serviceSenders: open
          ? [
              {
                service: "events.amazonaws.com",
                sourceArns: [eventRuleArn({ accountId: ACCOUNT, region: "us-east-1" }, "voice-ai-dev", "user-interaction")],
              },
            ]
          : undefined,
      });
      new EventBus(stack, "events", { ...base, rules: [{ ...base.rules[0], targets: [{ id: "queue", type: "sqs", arn: work.arn }] }] });
      return collectFindings(app)
        .flatMap((r) => r.findings)
        .filter((f) => f.ruleId === "VP-EVB-3");
    };
    expect(build(false).map((f) => f.message)).toEqual([
      expect.stringMatching(/its target aws_sqs_queue\.work_\w+ has no policy letting events.amazonaws.com/),
    ]);
    expect(build(true)).toEqual([]);
  });

  it("describes the key grants the secrets-kms stack must add", () => {
    const scope = { accountId: ACCOUNT, region: "us-east-1" };
    expect(eventBridgeTargetKeyGrant(scope)).toEqual({
      sid: "EventBridgeDeliversToEncryptedQueuesAndTopics",
      service: "events.amazonaws.com",
      actions: ["kms:GenerateDataKey", "kms:Decrypt"],
      conditions: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
    });
    const [crypto, describeKey] = eventBusKeyGrants(scope, ["voice-ai-dev"]);
    expect(crypto.conditions).toEqual({
      StringEquals: { "kms:EncryptionContext:aws:events:event-bus:arn": ["arn:aws:events:us-east-1:111111111111:event-bus/voice-ai-dev"] },
    });
    expect(describeKey).toMatchObject({ actions: ["kms:DescribeKey"], conditions: { StringEquals: { "aws:SourceAccount": ACCOUNT } } });
  });

  it("EncryptedQueue refuses a service sender without source ARNs, which would send for anyone's resources", () => {
    expect(() =>
      synthScope((scope) => {
        new EncryptedQueue(scope, "q", {
          name: "q",
          kmsKeyArn: KEY,
          messageRetentionSeconds: 60,
          serviceSenders: [{ service: "events.amazonaws.com", sourceArns: [] }],
        });
      }),
    ).toThrow(/serviceSenders\[0\].sourceArns is empty/);
  });

  const rule0 = base.rules[0];
  it.each([
    [{ name: "default" }, /name "default" must be 1-50 characters/],
    [{ kmsKeyArn: KEY }, /archiveRetentionDays cannot be combined with kmsKeyArn: provider 5.100/],
    [{ archiveRetentionDays: 0 }, /archiveRetentionDays must be 1-36500/],
    [{ name: "n".repeat(41) }, /archive name n+-archive longer than EventBridge's 48 characters/],
    [{ rules: [] }, /rules is empty/],
    [{ rules: [rule0, rule0] }, /rules\[1\].name "user-interaction" is used twice/],
    [{ rules: [{ ...rule0, eventPattern: {} }] }, /rules\[0\].eventPattern is empty/],
    [{ rules: [{ ...rule0, targets: [] }] }, /rules\[0\].targets must have 1-5 targets/],
    [
      { rules: [{ ...rule0, targets: [{ id: "q", type: "sqs", arn: QUEUE, retry: { maximumEventAgeSeconds: 30, maximumRetryAttempts: 3 } }] }] },
      /targets\[0\].retry.maximumEventAgeSeconds must be 60-86400/,
    ],
    [
      { rules: [{ ...rule0, targets: [{ id: "q", type: "sqs", arn: QUEUE, retry: { maximumEventAgeSeconds: 60, maximumRetryAttempts: 186 } }] }] },
      /targets\[0\].retry.maximumRetryAttempts must be 0-185/,
    ],
    [
      { rules: [{ ...rule0, targets: [{ id: "m", type: "state-machine", arn: MACHINE }] }] },
      /targets\[0\].kmsKeyArn is required for a state-machine target/,
    ],
    [
      { rules: [{ ...rule0, targets: [{ id: "f", type: "lambda", arn: ALIAS, messageGroupId: "g" }] }] },
      /targets\[0\].messageGroupId is for sqs targets only/,
    ],
  ] as [Partial<EventBusProps>, RegExp][])("rejects %o", (props, message) => {
    expect(() => synth(props)).toThrow(message);
  });
});
