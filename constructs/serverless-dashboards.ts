import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { Construct } from "constructs";
import { apiDimensions } from "./api-alarms";
import { functionDimensions } from "./container-function-alarms";
import { type DashboardWidget, type MetricLine, type MetricWidget, dashboardBody } from "./dashboard-widgets";

/** The application's own metrics (seed 002's "custom metrics"), published with PutMetricData or the embedded metric format. */
export interface CustomMetrics {
  /** Namespace the application publishes to, e.g. `VoiceAssistant/prod`. */
  readonly namespace: string;
  /**
   * Dimensions every custom metric is published with.
   * @default - none
   */
  readonly dimensions?: Readonly<Record<string, string>>;
  /** @default "UserInteractions" */
  readonly userInteractionsMetric?: string;
  /** @default "LLMRequests" */
  readonly llmRequestsMetric?: string;
  /** Voice processing time, in milliseconds. @default "VoiceProcessingDuration" */
  readonly voiceProcessingDurationMetric?: string;
}

export interface ServerlessDashboardsProps {
  /** Prefix of the dashboard names (`<prefix>-overview`, `-performance`, `-usage`, `-errors`), e.g. `voice-assistant-prod`. */
  readonly namePrefix: string;
  /** Region of the metrics. */
  readonly region: string;
  /** The REST API stage: a short name for labels, the `ApiName` and the `Stage`. */
  readonly api: { readonly name: string; readonly apiName: string; readonly stageName: string };
  /** The Lambda functions: a short name for labels, the function name and the alias callers invoke (if any). */
  readonly functions: readonly { readonly name: string; readonly functionName: string; readonly alias?: string }[];
  /**
   * The DynamoDB tables.
   * @default - no table graphs
   */
  readonly tables?: readonly { readonly name: string; readonly tableName: string }[];
  /**
   * The Step Functions state machines.
   * @default - no execution graphs
   */
  readonly stateMachines?: readonly { readonly name: string; readonly stateMachineArn: string }[];
  /**
   * The dead-letter queues.
   * @default - no queue depth graph
   */
  readonly deadLetterQueues?: readonly { readonly name: string; readonly queueName: string }[];
  /**
   * The application's metrics: user interactions, LLM requests, voice processing duration.
   * @default - no custom metric graphs
   */
  readonly customMetrics?: CustomMetrics;
  /**
   * Log groups whose latest errors the errors dashboard lists (a Logs Insights table).
   * @default - no log table
   */
  readonly errorLogGroupNames?: readonly string[];
  /**
   * Seconds per data point of every graph.
   * @default 300
   */
  readonly periodSeconds?: number;
}

const DASHBOARD_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/**
 * Seed 002's four CloudWatch dashboards of the serverless stack, each an `aws_cloudwatch_dashboard` drawn from typed
 * widgets (dashboard-widgets.ts, shared with the alarm dashboard): overview (traffic, errors, latency at a glance),
 * performance (Lambda duration and concurrency, API latency), usage (invocations, requests, DynamoDB consumed
 * capacity, custom metrics) and errors (every failure signal, and the latest error lines).
 */
export class ServerlessDashboards extends Construct {
  readonly overview: CloudwatchDashboard;
  readonly performance: CloudwatchDashboard;
  readonly usage: CloudwatchDashboard;
  readonly errors: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: ServerlessDashboardsProps) {
    super(scope, id);
    const period = props.periodSeconds ?? 300;
    if (!DASHBOARD_NAME.test(`${props.namePrefix}-performance`)) {
      throw new Error(`ServerlessDashboards ${id}: namePrefix "${props.namePrefix}" may only use letters, digits, - and _ (dashboard names)`);
    }
    if (props.functions.length === 0) throw new Error(`ServerlessDashboards ${id}: functions must list at least one function`);
    if (!(period === 60 || (period > 0 && period % 60 === 0))) throw new Error(`ServerlessDashboards ${id}: periodSeconds must be a multiple of 60`);

    const m = new Lines(props, period);
    const dashboard = (name: string, widgets: (DashboardWidget | undefined)[]) =>
      new CloudwatchDashboard(this, name, {
        dashboardName: `${props.namePrefix}-${name}`,
        dashboardBody: dashboardBody(
          props.region,
          widgets.filter((w): w is DashboardWidget => w !== undefined),
        ),
      });

    this.overview = dashboard("overview", [
      graph("API requests", [m.api("Count", "Sum", "requests")]),
      graph("API errors", [m.api("5XXError", "Sum", "5XX"), m.api("4XXError", "Sum", "4XX")]),
      graph("API latency (ms)", [m.api("Latency", "p50", "p50"), m.api("Latency", "p99", "p99")]),
      graph("Lambda invocations", m.functions("Invocations", "Sum"), { stacked: true }),
      graph("Lambda errors", m.functions("Errors", "Sum")),
      graph("Step Functions executions", m.stateMachines(["ExecutionsSucceeded", "ExecutionsFailed"])),
      graph("Dead-letter queue depth", m.queues()),
      graph("DynamoDB throttled requests", m.tables(["ReadThrottleEvents", "WriteThrottleEvents"], "Sum")),
    ]);

    this.performance = dashboard("performance", [
      graph("Lambda duration p99 (ms)", m.functions("Duration", "p99")),
      graph("Lambda duration average (ms)", m.functions("Duration", "Average")),
      graph("Lambda concurrent executions", m.functions("ConcurrentExecutions", "Maximum")),
      graph("API latency (ms)", [m.api("Latency", "p50", "p50"), m.api("Latency", "p90", "p90"), m.api("Latency", "p99", "p99")]),
      graph("API integration latency (ms)", [m.api("IntegrationLatency", "p50", "p50"), m.api("IntegrationLatency", "p99", "p99")]),
      graph("Step Functions execution time (ms)", m.stateMachines(["ExecutionTime"], "p99")),
      graph("Voice processing duration (ms)", m.custom("voiceProcessingDurationMetric", "VoiceProcessingDuration", ["Average", "p99"])),
    ]);

    this.usage = dashboard("usage", [
      graph("User interactions", m.custom("userInteractionsMetric", "UserInteractions", ["Sum"])),
      graph("LLM requests", m.custom("llmRequestsMetric", "LLMRequests", ["Sum"])),
      graph("API requests", [m.api("Count", "Sum", "requests")]),
      graph("Lambda invocations", m.functions("Invocations", "Sum"), { stacked: true }),
      graph("DynamoDB consumed read capacity", m.tables(["ConsumedReadCapacityUnits"], "Sum")),
      graph("DynamoDB consumed write capacity", m.tables(["ConsumedWriteCapacityUnits"], "Sum")),
      graph("Step Functions executions started", m.stateMachines(["ExecutionsStarted"])),
      graph("Voice processing duration (ms)", m.custom("voiceProcessingDurationMetric", "VoiceProcessingDuration", ["Average"])),
    ]);

    const errorLogs = props.errorLogGroupNames ?? [];
    this.errors = dashboard("errors", [
      graph("Lambda errors", m.functions("Errors", "Sum")),
      graph("Lambda throttles", m.functions("Throttles", "Sum")),
      graph("API errors", [m.api("5XXError", "Sum", "5XX"), m.api("4XXError", "Sum", "4XX")]),
      graph("API error rate", [m.api("5XXError", "Average", "5XX share"), m.api("4XXError", "Average", "4XX share")]),
      graph("Step Functions failures", m.stateMachines(["ExecutionsFailed", "ExecutionsTimedOut", "ExecutionsAborted", "ExecutionThrottled"])),
      graph("Dead-letter queue depth", m.queues()),
      graph("DynamoDB throttled requests", m.tables(["ReadThrottleEvents", "WriteThrottleEvents"], "Sum")),
      errorLogs.length === 0
        ? undefined
        : {
            kind: "log",
            title: "Latest errors",
            logGroupNames: errorLogs,
            query: `fields @timestamp, @log, @message | filter level = "ERROR" or @message like /(?i)(exception|task timed out)/ | sort @timestamp desc | limit 50`,
          },
    ]);
  }
}

/** A graph of the lines, or nothing when there are none (a stack without tables draws no table graph). */
function graph(title: string, lines: readonly MetricLine[], options: Pick<MetricWidget, "stacked"> = {}): MetricWidget | undefined {
  return lines.length === 0 ? undefined : { kind: "metric", title, lines, ...options };
}

/** The metric lines of the observed resources, each at the dashboards' period. */
class Lines {
  constructor(
    private readonly props: ServerlessDashboardsProps,
    private readonly period: number,
  ) {}

  private line(namespace: string, metricName: string, dimensions: Record<string, string>, statistic: string, label: string): MetricLine {
    return { namespace, metricName, dimensions, statistic, periodSeconds: this.period, label };
  }

  api(metricName: string, statistic: string, label: string): MetricLine {
    const { api } = this.props;
    return this.line("AWS/ApiGateway", metricName, apiDimensions(api.apiName, api.stageName), statistic, `${api.name} ${label}`);
  }

  functions(metricName: string, statistic: string): MetricLine[] {
    return this.props.functions.map((fn) => this.line("AWS/Lambda", metricName, functionDimensions(fn.functionName, fn.alias), statistic, fn.name));
  }

  stateMachines(metricNames: readonly string[], statistic = "Sum"): MetricLine[] {
    return (this.props.stateMachines ?? []).flatMap((sm) =>
      metricNames.map((metricName) =>
        this.line("AWS/States", metricName, { StateMachineArn: sm.stateMachineArn }, statistic, `${sm.name} ${metricName}`),
      ),
    );
  }

  queues(): MetricLine[] {
    return (this.props.deadLetterQueues ?? []).map((q) =>
      this.line("AWS/SQS", "ApproximateNumberOfMessagesVisible", { QueueName: q.queueName }, "Maximum", q.name),
    );
  }

  tables(metricNames: readonly string[], statistic: string): MetricLine[] {
    return (this.props.tables ?? []).flatMap((t) =>
      metricNames.map((metricName) => this.line("AWS/DynamoDB", metricName, { TableName: t.tableName }, statistic, `${t.name} ${metricName}`)),
    );
  }

  custom(
    field: "userInteractionsMetric" | "llmRequestsMetric" | "voiceProcessingDurationMetric",
    fallback: string,
    statistics: readonly string[],
  ): MetricLine[] {
    const custom = this.props.customMetrics;
    if (custom === undefined) return [];
    const metricName = custom[field] ?? fallback;
    return statistics.map((statistic) => this.line(custom.namespace, metricName, { ...custom.dimensions }, statistic, `${metricName} ${statistic}`));
  }
}
