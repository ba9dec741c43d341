import { describe, expect, it } from "vitest";
import { dashboardBody } from "../../constructs/dashboard-widgets";
import { ServerlessDashboards, type ServerlessDashboardsProps } from "../../constructs/serverless-dashboards";
import { synthScope } from "../support/test-app";

const STATE_MACHINE = "arn:aws:states:eu-west-1:111111111111:stateMachine:voice-assistant-prod-conversation";
const base: ServerlessDashboardsProps = {
  namePrefix: "voice-assistant-prod",
  region: "eu-west-1",
  api: { name: "api", apiName: "voice-assistant-prod-api", stageName: "prod" },
  functions: [
    { name: "voice", functionName: "voice-assistant-prod-voice", alias: "live" },
    { name: "llm", functionName: "voice-assistant-prod-llm" },
  ],
  tables: [{ name: "conversations", tableName: "voice-assistant-prod-conversations" }],
  stateMachines: [{ name: "conversation", stateMachineArn: STATE_MACHINE }],
  deadLetterQueues: [{ name: "events", queueName: "voice-assistant-prod-events-dlq" }],
  customMetrics: { namespace: "VoiceAssistant", dimensions: { Environment: "prod" } },
  errorLogGroupNames: ["/aws/lambda/voice-assistant-prod-voice"],
};

interface Widget {
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** `metrics` is absent on log widgets, which the tests read through `query`. */
  properties: { title: string; region: string; metrics: unknown[][]; query?: string; view: string };
}

/** The four dashboards' widgets, by dashboard name. */
function dashboards(props: Partial<ServerlessDashboardsProps> = {}): Record<string, Widget[]> {
  const json = JSON.parse(synthScope((scope) => new ServerlessDashboards(scope, "dashboards", { ...base, ...props })));
  return Object.fromEntries(
    Object.values(json.resource.aws_cloudwatch_dashboard).map((d: any) => [d.dashboard_name, JSON.parse(d.dashboard_body).widgets as Widget[]]),
  );
}

const widget = (widgets: Widget[], title: string) => {
  const found = widgets.find((w) => w.properties.title === title);
  if (!found) throw new Error(`no widget ${title}; have ${widgets.map((w) => w.properties.title).join(", ")}`);
  return found;
};

describe("ServerlessDashboards", () => {
  const all = dashboards();

  it("creates the overview, performance, usage and errors dashboards, widgets two per row in the region", () => {
    expect(Object.keys(all).sort()).toEqual(["errors", "overview", "performance", "usage"].map((n) => `voice-assistant-prod-${n}`));
    for (const widgets of Object.values(all)) {
      widgets.forEach((w, i) => {
        expect({ x: w.x, y: w.y, width: w.width, height: w.height }).toEqual({ x: (i % 2) * 12, y: Math.floor(i / 2) * 6, width: 12, height: 6 });
        expect(w.properties.region).toBe("eu-west-1");
      });
    }
  });

  it("draws the alias's Lambda metrics for an aliased function and the function's for the others", () => {
    const duration = widget(all["voice-assistant-prod-performance"], "Lambda duration p99 (ms)").properties.metrics;
    expect(duration).toEqual([
      [
        "AWS/Lambda",
        "Duration",
        "FunctionName",
        "voice-assistant-prod-voice",
        "Resource",
        "voice-assistant-prod-voice:live",
        { label: "voice", stat: "p99", period: 300 },
      ],
      ["AWS/Lambda", "Duration", "FunctionName", "voice-assistant-prod-llm", { label: "llm", stat: "p99", period: 300 }],
    ]);
  });

  it("draws API latency percentiles and integration latency on ApiName + Stage", () => {
    const latency = widget(all["voice-assistant-prod-performance"], "API latency (ms)").properties.metrics;
    expect(latency.map((m) => (m.at(-1) as { stat: string }).stat)).toEqual(["p50", "p90", "p99"]);
    expect(latency.every((m) => m.slice(0, 6).join() === "AWS/ApiGateway,Latency,ApiName,voice-assistant-prod-api,Stage,prod")).toBe(true);
    expect(widget(all["voice-assistant-prod-performance"], "API integration latency (ms)").properties.metrics[0][1]).toBe("IntegrationLatency");
  });

  it("draws usage: the custom metrics in their namespace, API requests and DynamoDB consumed capacity", () => {
    const usage = all["voice-assistant-prod-usage"];
    expect(widget(usage, "User interactions").properties.metrics).toEqual([
      ["VoiceAssistant", "UserInteractions", "Environment", "prod", { label: "UserInteractions Sum", stat: "Sum", period: 300 }],
    ]);
    expect(widget(usage, "LLM requests").properties.metrics[0].slice(0, 2)).toEqual(["VoiceAssistant", "LLMRequests"]);
    expect(widget(usage, "Voice processing duration (ms)").properties.metrics[0].slice(0, 2)).toEqual(["VoiceAssistant", "VoiceProcessingDuration"]);
    expect(widget(usage, "DynamoDB consumed read capacity").properties.metrics[0].slice(0, 4)).toEqual([
      "AWS/DynamoDB",
      "ConsumedReadCapacityUnits",
      "TableName",
      "voice-assistant-prod-conversations",
    ]);
    expect(widget(usage, "API requests").properties.metrics[0].slice(0, 2)).toEqual(["AWS/ApiGateway", "Count"]);
  });

  it("lists every failure signal on the errors dashboard and the latest error lines from the log groups", () => {
    const errors = all["voice-assistant-prod-errors"];
    expect(widget(errors, "Step Functions failures").properties.metrics.map((m) => m[1])).toEqual([
      "ExecutionsFailed",
      "ExecutionsTimedOut",
      "ExecutionsAborted",
      "ExecutionThrottled",
    ]);
    expect(widget(errors, "Dead-letter queue depth").properties.metrics[0].slice(0, 4)).toEqual([
      "AWS/SQS",
      "ApproximateNumberOfMessagesVisible",
      "QueueName",
      "voice-assistant-prod-events-dlq",
    ]);
    const logs = widget(errors, "Latest errors");
    expect(logs.type).toBe("log");
    expect(logs.properties.query).toMatch(/^SOURCE '\/aws\/lambda\/voice-assistant-prod-voice' \| fields @timestamp/);
  });

  it("leaves out the graphs of what the stack does not have", () => {
    const minimal = dashboards({
      tables: undefined,
      stateMachines: undefined,
      deadLetterQueues: undefined,
      customMetrics: undefined,
      errorLogGroupNames: undefined,
    });
    const titles = Object.values(minimal).flatMap((widgets) => widgets.map((w) => w.properties.title));
    for (const gone of ["DynamoDB throttled requests", "Step Functions failures", "Dead-letter queue depth", "User interactions", "Latest errors"]) {
      expect(titles).not.toContain(gone);
    }
    expect(titles).toContain("Lambda errors");
  });

  it.each([
    ["a name prefix with a dot", { namePrefix: "voice.assistant" }, /namePrefix "voice.assistant" may only use letters, digits, - and _/],
    ["no function", { functions: [] }, /functions must list at least one function/],
    ["a 90 s period", { periodSeconds: 90 }, /periodSeconds must be a multiple of 60/],
  ] as const)("rejects %s", (_name, override, message) => {
    expect(() => dashboards(override as Partial<ServerlessDashboardsProps>)).toThrow(message);
  });
});

describe("dashboardBody", () => {
  it("writes metric graphs in the AlarmSet dashboard's key order, with threshold annotations only when given", () => {
    const line = {
      namespace: "AWS/Lambda",
      metricName: "Errors",
      dimensions: { FunctionName: "f" },
      statistic: "Sum",
      periodSeconds: 300,
      label: "f",
    };
    const [withThreshold, without] = JSON.parse(
      dashboardBody("eu-west-1", [
        { kind: "metric", title: "a", lines: [line], thresholds: [10] },
        { kind: "metric", title: "b", lines: [line], stacked: true },
      ]),
    ).widgets;
    expect(Object.keys(withThreshold.properties)).toEqual(["title", "region", "view", "period", "metrics", "annotations"]);
    expect(withThreshold.properties.annotations).toEqual({ horizontal: [{ label: "alarm threshold", value: 10 }] });
    expect(without.properties).toEqual(expect.objectContaining({ stacked: true }));
    expect(without.properties.annotations).toBeUndefined();
  });

  it("rejects a log table over more than 50 log groups", () => {
    const logGroupNames = Array.from({ length: 51 }, (_, i) => `/g${i}`);
    expect(() => dashboardBody("eu-west-1", [{ kind: "log", title: "t", logGroupNames, query: "fields @message" }])).toThrow(/1-50 log groups/);
  });
});
