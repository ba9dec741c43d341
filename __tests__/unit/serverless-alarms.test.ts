import { describe, expect, it } from "vitest";
import { apiAlarms } from "../../constructs/api-alarms";
import { containerFunctionAlarms } from "../../constructs/container-function-alarms";
import { type AlarmDefinition, AlarmSet } from "../../constructs/metric-alarm";
import { deadLetterQueueAlarms, eventRuleAlarms, stateMachineAlarms } from "../../constructs/workflow-alarms";
import { synthScope } from "../support/test-app";

const byId = (definitions: readonly AlarmDefinition[]) => Object.fromEntries(definitions.map((d) => [d.id, d.spec]));
const STATE_MACHINE = "arn:aws:states:eu-west-1:111111111111:stateMachine:voice-assistant-prod-conversation";
const api = {
  name: "voice-api",
  apiName: "voice-assistant-prod-api",
  stageName: "prod",
  thresholds: { http5xxCount: 5, countPeriodSeconds: 300, latencyP90Ms: 3000, latencyP99Ms: 10000, http4xxRatePercent: 10 },
};
const fn = {
  name: "voice-handler",
  functionName: "voice-assistant-prod-voice-handler",
  alias: "live",
  thresholds: { errors: 10, throttles: 0, countPeriodSeconds: 300, durationMs: 10000 },
};

/** The synthesized alarms of the definitions in one AlarmSet, by Terraform id. */
function synthesized(definitions: readonly AlarmDefinition[]): Record<string, any> {
  const json = JSON.parse(
    synthScope((scope) => new AlarmSet(scope, "alarms", { namePrefix: "p", actionArns: ["arn:topic"], region: "eu-west-1" }).addAll(definitions)),
  );
  return json.resource.aws_cloudwatch_metric_alarm;
}

describe.each([
  ["apiAlarms", apiAlarms(api)],
  ["containerFunctionAlarms (alias, duration)", containerFunctionAlarms(fn)],
  [
    "stateMachineAlarms",
    stateMachineAlarms({
      name: "conversation",
      stateMachineArn: STATE_MACHINE,
      thresholds: { failedExecutions: 0, timedOutExecutions: 0, throttledExecutions: 0, countPeriodSeconds: 300 },
    }),
  ],
  [
    "deadLetterQueueAlarms",
    deadLetterQueueAlarms({
      queues: [
        { name: "events", queueName: "p-events-dlq" },
        { name: "voice", queueName: "p-voice-dlq" },
      ],
    }),
  ],
  [
    "eventRuleAlarms",
    eventRuleAlarms({ name: "ended", ruleName: "p-ended", eventBusName: "p-bus", thresholds: { failedInvocations: 0, countPeriodSeconds: 300 } }),
  ],
])("%s", (_name, definitions) => {
  it("gives every alarm a unique id and name, treats silence as fine and passes MetricAlarm's validation", () => {
    expect(new Set(definitions.map((d) => d.id)).size).toBe(definitions.length);
    expect(new Set(definitions.map((d) => d.spec.name)).size).toBe(definitions.length);
    expect(definitions.every((d) => d.spec.treatMissingData === "notBreaching")).toBe(true);
    expect(Object.keys(synthesized(definitions))).toHaveLength(definitions.length);
  });
});

describe("apiAlarms", () => {
  const alarms = byId(apiAlarms(api));

  it("pages on more than 5 5XX responses in 5 minutes of the stage (ApiName + Stage)", () => {
    expect(alarms["voice-api_5xx"]).toEqual(
      expect.objectContaining({
        namespace: "AWS/ApiGateway",
        metricName: "5XXError",
        dimensions: { ApiName: "voice-assistant-prod-api", Stage: "prod" },
        statistic: "Sum",
        comparison: "GreaterThanThreshold",
        threshold: 5,
        periodSeconds: 300,
      }),
    );
  });

  it("warns on p90 and p99 latency as extended statistics, and on the 4XX share as a fraction", () => {
    const alarmsById = synthesized(apiAlarms(api));
    const p99 = Object.values(alarmsById).find((a: any) => a.alarm_name === "p-voice-api-latency-p99-high");
    expect(p99).toEqual(
      expect.objectContaining({
        extended_statistic: "p99",
        evaluate_low_sample_count_percentiles: "evaluate",
        threshold: 10000,
        evaluation_periods: 3,
      }),
    );
    expect(p99.statistic).toBeUndefined();
    expect(alarms["voice-api_latency_p90"]).toEqual(expect.objectContaining({ statistic: "p90", threshold: 3000, metricName: "Latency" }));
    expect(alarms["voice-api_4xx_rate"]).toEqual(expect.objectContaining({ metricName: "4XXError", statistic: "Average", threshold: 0.1 }));
  });

  it("leaves the warnings out unless their thresholds are set", () => {
    const minimal = apiAlarms({ ...api, thresholds: { http5xxCount: 5, countPeriodSeconds: 300 } });
    expect(minimal.map((d) => d.id)).toEqual(["voice-api_5xx"]);
  });

  it.each([
    ["a non-ASCII ApiName, which API Gateway strips from the dimension", { apiName: "voix-api-é" }, /apiName "voix-api-é" must be printable ASCII/],
    ["an empty stage", { stageName: "" }, /stageName of voice-api must not be empty/],
    [
      "a 4XX share of 100%",
      { thresholds: { ...api.thresholds, http4xxRatePercent: 100 } },
      /http4xxRatePercent of voice-api must be between 0 and 100/,
    ],
  ] as const)("rejects %s", (_name, override, message) => {
    expect(() => apiAlarms({ ...api, ...override })).toThrow(message);
  });
});

describe("containerFunctionAlarms", () => {
  it("watches the live alias (FunctionName + Resource = <function>:live) and pages on errors above 10 in 5 minutes", () => {
    const alarms = byId(containerFunctionAlarms(fn));
    const alias = { FunctionName: "voice-assistant-prod-voice-handler", Resource: "voice-assistant-prod-voice-handler:live" };
    expect(Object.keys(alarms)).toEqual(["voice-handler_errors", "voice-handler_throttles", "voice-handler_duration"]);
    for (const spec of Object.values(alarms)) expect(spec.dimensions).toEqual(alias);
    expect(alarms["voice-handler_errors"]).toEqual(expect.objectContaining({ statistic: "Sum", threshold: 10, periodSeconds: 300 }));
  });

  it("pages on p99 duration above 10 s in two 5-minute periods running", () => {
    const duration = Object.values(synthesized(containerFunctionAlarms(fn))).find((a: any) => a.metric_name === "Duration");
    expect(duration).toEqual(
      expect.objectContaining({ extended_statistic: "p99", threshold: 10000, period: 300, evaluation_periods: 2, datapoints_to_alarm: 2 }),
    );
  });

  it("keeps the function-wide dimension and no duration alarm when neither alias nor durationMs is given", () => {
    const { alias: _alias, ...plain } = fn;
    const definitions = containerFunctionAlarms({ ...plain, thresholds: { errors: 5, throttles: 0, countPeriodSeconds: 300 } });
    expect(definitions.map((d) => d.id)).toEqual(["voice-handler_errors", "voice-handler_throttles"]);
    expect(definitions[0].spec.dimensions).toEqual({ FunctionName: "voice-assistant-prod-voice-handler" });
  });

  it("rejects an alias given as an ARN or a version qualifier", () => {
    expect(() => containerFunctionAlarms({ ...fn, alias: "arn:aws:lambda:eu-west-1:111111111111:function:f:live" })).toThrow(/must be an alias name/);
  });
});

describe("stateMachineAlarms", () => {
  it("alarms on failed, timed-out and throttled executions of the state machine ARN", () => {
    const alarms = byId(
      stateMachineAlarms({
        name: "conversation",
        stateMachineArn: STATE_MACHINE,
        thresholds: { failedExecutions: 0, timedOutExecutions: 1, throttledExecutions: 2, countPeriodSeconds: 300 },
      }),
    );
    expect(Object.values(alarms).map((a) => [a.metricName, a.threshold])).toEqual([
      ["ExecutionsFailed", 0],
      ["ExecutionsTimedOut", 1],
      ["ExecutionThrottled", 2],
    ]);
    expect(Object.values(alarms).every((a) => a.namespace === "AWS/States" && a.dimensions.StateMachineArn === STATE_MACHINE)).toBe(true);
  });

  it("rejects an execution or alias ARN and accepts a reference", () => {
    const thresholds = { failedExecutions: 0, timedOutExecutions: 0, throttledExecutions: 0, countPeriodSeconds: 300 };
    expect(() => stateMachineAlarms({ name: "c", stateMachineArn: `${STATE_MACHINE}:live`, thresholds })).toThrow(/must be a state machine ARN/);
    expect(stateMachineAlarms({ name: "c", stateMachineArn: "${aws_sfn_state_machine.c.arn}", thresholds })).toHaveLength(3);
  });
});

describe("deadLetterQueueAlarms", () => {
  it("pages on any visible message of each queue", () => {
    const alarms = byId(deadLetterQueueAlarms({ queues: [{ name: "events", queueName: "p-events-dlq" }] }));
    expect(alarms.events_dlq_depth).toEqual(
      expect.objectContaining({
        metricName: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: "p-events-dlq" },
        statistic: "Maximum",
        threshold: 0,
      }),
    );
  });

  it("rejects a queue URL and a name listed twice", () => {
    expect(() => deadLetterQueueAlarms({ queues: [{ name: "q", queueName: "https://sqs.eu-west-1.amazonaws.com/1/q" }] })).toThrow(/not its URL/);
    expect(() =>
      deadLetterQueueAlarms({
        queues: [
          { name: "q", queueName: "a" },
          { name: "q", queueName: "b" },
        ],
      }),
    ).toThrow(/listed twice/);
  });
});

describe("eventRuleAlarms", () => {
  const thresholds = { failedInvocations: 0, countPeriodSeconds: 300 };

  it("uses EventBusName + RuleName on a custom bus, RuleName alone on the default bus", () => {
    const custom = eventRuleAlarms({ name: "ended", ruleName: "p-ended", eventBusName: "p-bus", thresholds });
    expect(custom.map((d) => d.spec.metricName)).toEqual(["FailedInvocations", "InvocationsSentToDlq", "InvocationsFailedToBeSentToDlq"]);
    expect(custom.every((d) => d.spec.dimensions.EventBusName === "p-bus" && d.spec.dimensions.RuleName === "p-ended")).toBe(true);
    for (const eventBusName of [undefined, "default"]) {
      expect(eventRuleAlarms({ name: "ended", ruleName: "p-ended", eventBusName, thresholds })[0].spec.dimensions).toEqual({ RuleName: "p-ended" });
    }
  });

  it("rejects a bus ARN, which is not the dimension's value", () => {
    expect(() =>
      eventRuleAlarms({ name: "e", ruleName: "r", eventBusName: "arn:aws:events:eu-west-1:111111111111:event-bus/p-bus", thresholds }),
    ).toThrow(/not its ARN/);
  });
});

describe("MetricAlarm percentiles", () => {
  it("rejects a percentile CloudWatch does not know", () => {
    const [definition] = containerFunctionAlarms(fn).filter((d) => d.id.endsWith("_duration"));
    expect(() => synthesized([{ ...definition, spec: { ...definition.spec, statistic: "p101" } }])).toThrow(
      /statistic p101 must be a percentile between p0 and p100/,
    );
  });
});
