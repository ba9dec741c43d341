import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { BLUEPRINTS, parseEnvironmentConfig } from "../../config";
import { applyGuardrails, collectFindings } from "../../guardrails";
import { ObservabilityStack, type ObservabilityStackProps } from "../../stacks/observability-stack";
import { problemsOf } from "../support/config";
import { testApp } from "../support/test-app";

type Env = "dev" | "staging" | "prod";
const TOPIC = "${aws_sns_topic.alarm_topic.arn}";
const raw = (env: Env, edit: (r: any) => void = () => {}) => {
  const copy = structuredClone(BLUEPRINTS["voice-assistant"][env]) as any;
  edit(copy);
  return copy;
};

/** The observability stack of a voice-assistant environment, fed plain names as the api, functions and workflow stacks would. */
function propsFor(env: Env, edit?: (r: any) => void): ObservabilityStackProps {
  const config = parseEnvironmentConfig(raw(env, edit), `voice-assistant ${env}`);
  const prefix = `voice-assistant-${env}`;
  return {
    config,
    messagingKeyArn: "arn:aws:kms:us-east-1:733333333333:key/messaging",
    auditKeyArn: "arn:aws:kms:us-east-1:733333333333:key/audit",
    logsKeyArn: "arn:aws:kms:us-east-1:733333333333:key/logs",
    tables: [{ name: "conversations", tableName: `${prefix}-conversations` }],
    api: {
      apiName: `${prefix}-api`,
      stageName: "v1",
      accessLogGroupName: `/aws/apigateway/${prefix}-api/access`,
      executionLogGroupName: "API-Gateway-Execution-Logs_a1b2c3/v1",
      wafLogGroupName: `aws-waf-logs-${prefix}-api`,
    },
    zipFunctions: (config.functions ?? []).map((fn) => ({
      name: fn.name,
      functionName: `${prefix}-${fn.name}`,
      aliasName: "live",
      logGroupName: `/aws/lambda/${prefix}-${fn.name}`,
      deadLetterQueueName: `${prefix}-${fn.name}-dlq`,
    })),
    workflow: {
      stateMachineArn: `arn:aws:states:us-east-1:${config.accountId}:stateMachine:${prefix}-voice-pipeline`,
      logGroupName: `/aws/vendedlogs/states/${prefix}-voice-pipeline`,
      eventBusName: `${prefix}-events`,
      ruleNames: { "user-interaction": `${prefix}-user-interaction`, "system-error": `${prefix}-system-error`, analytics: `${prefix}-analytics` },
      deadLetterQueueNames: {
        "analytics-dlq": `${prefix}-analytics-dlq`,
        "user-interaction-rule-dlq": `${prefix}-events-user-interaction-dlq`,
        "system-error-rule-dlq": `${prefix}-events-system-error-dlq`,
        "analytics-rule-dlq": `${prefix}-events-analytics-dlq`,
      },
    },
  };
}

function synth(props: ObservabilityStackProps) {
  const app = testApp();
  const stack = new ObservabilityStack(app, props);
  applyGuardrails(stack, { production: props.config.environment === "prod" });
  const json = JSON.parse(Testing.synth(stack));
  const findings = collectFindings(app).flatMap((report) => report.findings.map((f) => `${f.ruleId} ${f.path}: ${f.message}`));
  return { json, findings, resources: (type: string): Record<string, any> => json.resource[type] ?? {} };
}

describe.each(["dev", "prod"] as const)("%s serverless observability (voice-assistant)", (env) => {
  const props = propsFor(env);
  const { config } = props;
  const { thresholds } = config.observability!;
  const prefix = `voice-assistant-${env}`;
  const { json, findings, resources } = synth(props);
  const alarms = Object.values(resources("aws_cloudwatch_metric_alarm"));
  const alarm = (suffix: string) => {
    const found = alarms.find((a) => a.alarm_name === `${prefix}-${suffix}`);
    if (!found) throw new Error(`no alarm ${suffix}; have ${alarms.map((a) => a.alarm_name).join(", ")}`);
    return found;
  };
  const count = { statistic: "Sum", comparison_operator: "GreaterThanThreshold", period: 300, evaluation_periods: 1 };

  it("passes every guardrail, errors and warnings alike", () => {
    expect(findings).toEqual([]);
  });

  it("pages on more than 5 API 5XX responses in 5 minutes on the stage (seed 002)", () => {
    expect(thresholds.http5xxCount).toBe(5);
    expect(alarm("rest-api-5xx")).toEqual(
      expect.objectContaining({
        ...count,
        namespace: "AWS/ApiGateway",
        metric_name: "5XXError",
        dimensions: { ApiName: `${prefix}-api`, Stage: "v1" },
        threshold: 5,
      }),
    );
  });

  it("pages on every zip function's live alias: errors > 10 and throttles in 5 minutes, p99 duration > 10 s", () => {
    expect(config.functions).toHaveLength(6);
    for (const fn of config.functions!) {
      const dimensions = { FunctionName: `${prefix}-${fn.name}`, Resource: `${prefix}-${fn.name}:live` };
      expect(alarm(`${fn.name}-errors`)).toEqual(expect.objectContaining({ ...count, metric_name: "Errors", dimensions, threshold: 10 }));
      expect(alarm(`${fn.name}-throttles`)).toEqual(expect.objectContaining({ ...count, metric_name: "Throttles", dimensions, threshold: 0 }));
      expect(alarm(`${fn.name}-duration-high`)).toEqual(
        expect.objectContaining({
          metric_name: "Duration",
          extended_statistic: "p99",
          dimensions,
          threshold: 10_000,
          period: 300,
          evaluation_periods: 2,
        }),
      );
    }
  });

  it("pages on any message in each function's and each workflow dead-letter queue", () => {
    const depth = alarms.filter((a) => a.metric_name === "ApproximateNumberOfMessagesVisible");
    const expected = [
      ...config.functions!.map((fn) => [`${prefix}-${fn.name}-function-dlq-not-empty`, `${prefix}-${fn.name}-dlq`]),
      [`${prefix}-analytics-dlq-not-empty`, `${prefix}-analytics-dlq`],
      [`${prefix}-user-interaction-rule-dlq-not-empty`, `${prefix}-events-user-interaction-dlq`],
      [`${prefix}-system-error-rule-dlq-not-empty`, `${prefix}-events-system-error-dlq`],
      [`${prefix}-analytics-rule-dlq-not-empty`, `${prefix}-events-analytics-dlq`],
    ];
    expect(depth.map((a) => [a.alarm_name, a.dimensions.QueueName]).sort()).toEqual(expected.sort());
    expect(depth.every((a) => a.namespace === "AWS/SQS" && a.statistic === "Maximum" && a.threshold === 0)).toBe(true);
  });

  it("pages on any failed, timed-out or throttled execution of the state machine", () => {
    expect(thresholds.workflowFailures).toBe(0);
    const StateMachineArn = props.workflow!.stateMachineArn;
    for (const [suffix, metric] of [
      ["failed", "ExecutionsFailed"],
      ["timed-out", "ExecutionsTimedOut"],
      ["throttled", "ExecutionThrottled"],
    ]) {
      expect(alarm(`voice-pipeline-${suffix}`)).toEqual(
        expect.objectContaining({ ...count, namespace: "AWS/States", metric_name: metric, dimensions: { StateMachineArn }, threshold: 0 }),
      );
    }
  });

  it("pages on every event rule's failed, dead-lettered and lost deliveries on the custom bus", () => {
    for (const [rule, ruleName] of Object.entries(props.workflow!.ruleNames)) {
      for (const [suffix, metric] of [
        ["failed-invocations", "FailedInvocations"],
        ["sent-to-dlq", "InvocationsSentToDlq"],
        ["dlq-failures", "InvocationsFailedToBeSentToDlq"],
      ]) {
        expect(alarm(`${rule}-${suffix}`)).toEqual(
          expect.objectContaining({
            namespace: "AWS/Events",
            metric_name: metric,
            dimensions: { EventBusName: `${prefix}-events`, RuleName: ruleName },
            threshold: 0,
          }),
        );
      }
    }
  });

  it("keeps the DynamoDB throttle alarms, and every alarm notifies the topic under a unique name", () => {
    expect(alarm("conversations-read-throttles").dimensions).toEqual({ TableName: `${prefix}-conversations` });
    expect(alarm("conversations-write-throttles").metric_name).toBe("WriteThrottleEvents");
    expect(alarms.every((a) => a.alarm_actions[0] === TOPIC && a.ok_actions[0] === TOPIC)).toBe(true);
    expect(new Set(alarms.map((a) => a.alarm_name)).size).toBe(alarms.length);
  });

  it("draws seed 002's four dashboards of the API stage, the functions' aliases, the state machine and the queues", () => {
    const dashboards = resources("aws_cloudwatch_dashboard");
    // The alarm dashboard (`<prefix>`) and the four of seed 002.
    expect(
      Object.values(dashboards)
        .map((d) => d.dashboard_name)
        .sort(),
    ).toEqual([prefix, ...["errors", "overview", "performance", "usage"].map((name) => `${prefix}-${name}`)]);
    const metricsOf = (name: string) =>
      JSON.parse(dashboards[`dashboards_${name}`].dashboard_body).widgets.flatMap((w: any) => w.properties.metrics ?? []);
    const overview = metricsOf("overview");
    expect(overview).toContainEqual(["AWS/ApiGateway", "Count", "ApiName", `${prefix}-api`, "Stage", "v1", expect.anything()]);
    expect(overview).toContainEqual([
      "AWS/Lambda",
      "Invocations",
      "FunctionName",
      `${prefix}-llm-integration`,
      "Resource",
      `${prefix}-llm-integration:live`,
      expect.anything(),
    ]);
    expect(metricsOf("errors")).toContainEqual([
      "AWS/States",
      "ExecutionsFailed",
      "StateMachineArn",
      props.workflow!.stateMachineArn,
      expect.anything(),
    ]);
    expect(metricsOf("errors")).toContainEqual([
      "AWS/SQS",
      "ApproximateNumberOfMessagesVisible",
      "QueueName",
      `${prefix}-analytics-dlq`,
      expect.anything(),
    ]);
    const logWidget = JSON.parse(dashboards.dashboards_errors.dashboard_body).widgets.find((w: any) => w.type === "log");
    for (const fn of config.functions!) expect(logWidget.properties.query).toContain(`SOURCE '/aws/lambda/${prefix}-${fn.name}'`);
  });

  it("saves the four analyses' Logs Insights queries over the right log groups", () => {
    const queries = resources("aws_cloudwatch_query_definition");
    const byName = (name: string) => Object.values(queries).find((q) => q.name === `${prefix}/${name}`);
    const functionLogs = config.functions!.map((fn) => `/aws/lambda/${prefix}-${fn.name}`);
    const access = `/aws/apigateway/${prefix}-api/access`;
    expect(byName("errors/by-service").log_group_names).toEqual([
      ...functionLogs,
      access,
      `/aws/vendedlogs/states/${prefix}-voice-pipeline`,
      "API-Gateway-Execution-Logs_a1b2c3/v1",
    ]);
    expect(byName("performance/lambda-invocations").log_group_names).toEqual(functionLogs);
    for (const name of ["performance/api-latency-by-route", "user-behaviour/routes", "user-behaviour/users", "security/denied-and-throttled"]) {
      expect(byName(name)?.log_group_names, name).toEqual([access]);
    }
    expect(byName("security/waf-blocks")?.log_group_names).toEqual([`aws-waf-logs-${prefix}-api`]);
  });

  it("watches the project's tagged costs with a CUSTOM anomaly monitor that tells the topic at once", () => {
    const impact = { dev: 10, prod: 20 }[env];
    expect(config.observability!.costAnomaly).toEqual({ impactThresholdUsd: impact });
    const monitor = resources("aws_ce_anomaly_monitor").cost_anomaly_monitor;
    expect(monitor).toEqual(expect.objectContaining({ name: `${prefix}-costs`, monitor_type: "CUSTOM" }));
    expect(JSON.parse(monitor.monitor_specification)).toEqual({ Tags: { Key: "project", Values: ["voice-assistant"], MatchOptions: ["EQUALS"] } });
    const subscriptions = Object.values(resources("aws_ce_anomaly_subscription"));
    expect(subscriptions).toEqual([
      expect.objectContaining({
        frequency: "IMMEDIATE",
        subscriber: [{ type: "SNS", address: TOPIC }],
        monitor_arn_list: ["${aws_ce_anomaly_monitor.cost_anomaly_monitor.arn}"],
        depends_on: ["aws_sns_topic_policy.alarm_topic_policy"],
      }),
    ]);
    expect(subscriptions[0].threshold_expression.dimension.values).toEqual([String(impact)]);
    const policy = JSON.parse(resources("aws_sns_topic_policy").alarm_topic_policy.policy);
    expect(policy.Statement).toContainEqual(
      expect.objectContaining({
        Principal: { Service: "costalerts.amazonaws.com" },
        Action: "sns:Publish",
        Resource: TOPIC,
        Condition: { StringEquals: { "aws:SourceAccount": config.accountId } },
      }),
    );
    expect(json.resource.aws_budgets_budget.monthly_budget.notification[0].subscriber_sns_topic_arns).toEqual([TOPIC]);
  });
});

describe("serverless observability switches", () => {
  it("builds no serverless dashboard with the dashboard switched off, but keeps the queries", () => {
    const { resources } = synth(propsFor("dev", (r) => (r.observability.dashboard = false)));
    expect(resources("aws_cloudwatch_dashboard")).toEqual({});
    expect(Object.keys(resources("aws_cloudwatch_query_definition")).length).toBeGreaterThanOrEqual(6);
  });

  it("builds no anomaly monitor, and grants Cost Anomaly Detection nothing, without observability.costAnomaly", () => {
    const { resources } = synth(propsFor("dev", (r) => delete r.observability.costAnomaly));
    expect(resources("aws_ce_anomaly_monitor")).toEqual({});
    expect(resources("aws_ce_anomaly_subscription")).toEqual({});
    expect(resources("aws_sns_topic_policy").alarm_topic_policy.policy).not.toContain("costalerts");
  });

  it("builds no API alarm, dashboard or query without an api", () => {
    const { resources } = synth({ ...propsFor("dev"), api: undefined });
    expect(Object.values(resources("aws_cloudwatch_metric_alarm")).filter((a) => a.namespace === "AWS/ApiGateway")).toEqual([]);
    expect(resources("aws_cloudwatch_query_definition")).toEqual({});
    expect(Object.keys(resources("aws_cloudwatch_dashboard"))).toEqual(["dashboard"]);
  });

  it("refuses an api without the zip functions that serve it", () => {
    expect(() => synth({ ...propsFor("dev"), zipFunctions: undefined })).toThrow(/api is observed with the zip functions that serve it/);
  });

  it("refuses a function passed both as a container function and as a zip function", () => {
    const props = propsFor("dev");
    expect(() => synth({ ...props, functions: [{ name: "music", functionName: "voice-assistant-dev-music" }] })).toThrow(
      /music listed in both functions and zipFunctions; pass zip functions in zipFunctions only/,
    );
  });
});

describe("serverless observability config", () => {
  it.each<[string, (r: any) => void, RegExp]>([
    [
      "zip functions without a duration threshold",
      (r) => delete r.observability.thresholds.lambdaDurationSeconds,
      /observability\.thresholds\.lambdaDurationSeconds: is required while functions lists a zip function \(code\)/,
    ],
    [
      "a workflow without a failure threshold",
      (r) => delete r.observability.thresholds.workflowFailures,
      /observability\.thresholds\.workflowFailures: is required while the workflow section is present/,
    ],
    [
      "a duration longer than Lambda runs",
      (r) => (r.observability.thresholds.lambdaDurationSeconds = 901),
      /lambdaDurationSeconds: must be at most 900/,
    ],
    ["a free anomaly", (r) => (r.observability.costAnomaly.impactThresholdUsd = 0), /costAnomaly\.impactThresholdUsd: must be above 0 USD/],
    ["a duration threshold without zip functions", (r) => delete r.functions, /lambdaDurationSeconds: has no effect without a zip function/],
  ])("rejects %s", (_, edit, message) => {
    expect(problemsOf(raw("dev", edit))).toMatch(message);
  });
});
