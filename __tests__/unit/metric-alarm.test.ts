import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { AlarmSet, type AlarmSpec, MetricAlarm, type MetricAlarmProps } from "../../constructs/metric-alarm";
import { synthScope } from "../support/test-app";

const base: MetricAlarmProps = {
  alarmName: "p-api-cpu-high",
  description: "CPU high",
  namespace: "AWS/ECS",
  metricName: "CPUUtilization",
  dimensions: { ClusterName: "c", ServiceName: "api" },
  statistic: "Average",
  comparison: "GreaterThanThreshold",
  threshold: 80,
  periodSeconds: 300,
  treatMissingData: "missing",
  actionArns: ["arn:aws:sns:us-east-1:111111111111:alarms"],
};

const inScope = (build: (scope: Construct) => void) => JSON.parse(synthScope(build));

describe("MetricAlarm", () => {
  it("notifies its topics on ALARM and on OK and requires every breaching period by default", () => {
    const json = inScope((scope) => new MetricAlarm(scope, "cpu", { ...base, evaluationPeriods: 3 }));
    const [alarm] = Object.values(json.resource.aws_cloudwatch_metric_alarm) as any[];
    expect(alarm).toEqual(
      expect.objectContaining({
        alarm_actions: base.actionArns,
        ok_actions: base.actionArns,
        evaluation_periods: 3,
        datapoints_to_alarm: 3,
        treat_missing_data: "missing",
      }),
    );
  });

  it.each([
    ["no action", { actionArns: [] }, /actionArns must list at least one topic/],
    ["a period CloudWatch does not offer", { periodSeconds: 45 }, /periodSeconds 45 must be 10, 30 or a multiple of 60/],
    [
      "more datapoints than periods",
      { evaluationPeriods: 2, datapointsToAlarm: 3 },
      /datapointsToAlarm must be between 1 and evaluationPeriods \(2\)/,
    ],
    ["zero evaluation periods", { evaluationPeriods: 0 }, /evaluationPeriods must be a whole number of at least 1/],
    ["an empty name", { alarmName: "" }, /alarmName must be 1-255 characters/],
  ] as const)("rejects %s", (_name, override, message) => {
    expect(() => inScope((scope) => new MetricAlarm(scope, "bad", { ...base, ...override }))).toThrow(message);
  });
});

describe("AlarmSet", () => {
  const spec = (name: string, widget: string, threshold: number): AlarmSpec => {
    const { alarmName: _alarmName, actionArns: _actionArns, ...rest } = base;
    return { ...rest, name, widget, label: name, threshold, dimensions: { ServiceName: name } };
  };

  it("prefixes names, shares the actions and draws alarms with the same widget title in one graph", () => {
    let body = "";
    const json = inScope((scope) => {
      const set = new AlarmSet(scope, "alarms", { namePrefix: "voice-ai-dev", actionArns: ["arn:topic"], region: "us-east-1" });
      set.add("api_cpu", spec("api-cpu", "CPU", 80));
      set.add("ws_cpu", spec("ws-cpu", "CPU", 80));
      set.add("db_cpu", spec("db-cpu", "DB CPU", 70));
      body = set.dashboardBody();
    });
    const alarms = Object.values(json.resource.aws_cloudwatch_metric_alarm) as any[];
    expect(alarms.map((a) => a.alarm_name).sort()).toEqual(["voice-ai-dev-api-cpu", "voice-ai-dev-db-cpu", "voice-ai-dev-ws-cpu"]);
    expect(alarms.every((a) => a.alarm_actions[0] === "arn:topic")).toBe(true);
    const widgets = JSON.parse(body).widgets;
    expect(widgets.map((w: any) => [w.properties.title, w.properties.metrics.length, w.x, w.y])).toEqual([
      ["CPU", 2, 0, 0],
      ["DB CPU", 1, 12, 0],
    ]);
    expect(widgets[0].properties.annotations.horizontal).toEqual([{ label: "alarm threshold", value: 80 }]);
  });

  it("adds definitions in order and returns their alarms", () => {
    let names: string[] = [];
    let body = "";
    inScope((scope) => {
      const set = new AlarmSet(scope, "alarms", { namePrefix: "p", actionArns: ["arn:topic"], region: "us-east-1" });
      const added = set.addAll([
        { id: "b", spec: spec("b-cpu", "B", 1) },
        { id: "a", spec: spec("a-cpu", "A", 2) },
      ]);
      names = added.map((alarm) => alarm.alarm.alarmNameInput!);
      body = set.dashboardBody();
    });
    expect(names).toEqual(["p-b-cpu", "p-a-cpu"]);
    expect(JSON.parse(body).widgets.map((w: any) => w.properties.title)).toEqual(["B", "A"]);
  });

  it("rejects a set without topics", () => {
    expect(() => inScope((scope) => new AlarmSet(scope, "alarms", { namePrefix: "p", actionArns: [], region: "us-east-1" }))).toThrow(
      /AlarmSet alarms: actionArns must list at least one topic/,
    );
  });
});
