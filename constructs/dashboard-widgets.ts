/**
 * CloudWatch dashboard bodies from typed widgets: the one place that knows the dashboard JSON, shared by the
 * `AlarmSet` dashboard (metric-alarm.ts) and the serverless dashboards (serverless-dashboards.ts).
 * Format: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Dashboard-Body-Structure.html
 */

/** One metric drawn as a line (or a number) of a graph. */
export interface MetricLine {
  /** CloudWatch namespace, e.g. `AWS/Lambda`. */
  readonly namespace: string;
  readonly metricName: string;
  /** Dimensions that pick the one resource, in the order they are written. */
  readonly dimensions: Readonly<Record<string, string>>;
  /** `Sum`, `Average`, `Maximum`, `p99`, ... */
  readonly statistic: string;
  /** Seconds per data point. */
  readonly periodSeconds: number;
  /** Label of the line in the legend. */
  readonly label: string;
}

/** A graph of metrics. */
export interface MetricWidget {
  readonly kind: "metric";
  readonly title: string;
  readonly lines: readonly MetricLine[];
  /**
   * Values drawn as horizontal "alarm threshold" lines.
   * @default - none
   */
  readonly thresholds?: readonly number[];
  /**
   * Period of the graph, in seconds.
   * @default - the first line's period
   */
  readonly periodSeconds?: number;
  /**
   * `timeSeries` draws lines over time, `singleValue` the latest number of each line.
   * @default "timeSeries"
   */
  readonly view?: "timeSeries" | "singleValue";
  /**
   * Stack the lines (a total made of its parts).
   * @default false
   */
  readonly stacked?: boolean;
}

/** A CloudWatch Logs Insights query whose result rows are shown as a table. */
export interface LogTableWidget {
  readonly kind: "log";
  readonly title: string;
  /** Log groups the query reads (at most 50). */
  readonly logGroupNames: readonly string[];
  /** The query without its `SOURCE` clause, e.g. `fields @timestamp, @message | filter ...`. */
  readonly query: string;
}

export type DashboardWidget = MetricWidget | LogTableWidget;

const WIDTH = 12;
const HEIGHT = 6;
/** Log groups one Logs Insights query may read. */
export const MAX_QUERY_LOG_GROUPS = 50;

/** The `metrics` entry of one line: namespace, name, dimension pairs and the rendering options. */
function metricEntry(line: MetricLine): unknown[] {
  return [
    line.namespace,
    line.metricName,
    ...Object.entries(line.dimensions).flat(),
    { label: line.label, stat: line.statistic, period: line.periodSeconds },
  ];
}

function widgetProperties(widget: DashboardWidget, region: string): Record<string, unknown> {
  if (widget.kind === "log") {
    if (widget.logGroupNames.length === 0 || widget.logGroupNames.length > MAX_QUERY_LOG_GROUPS) {
      throw new Error(`dashboard widget "${widget.title}": logGroupNames must list 1-${MAX_QUERY_LOG_GROUPS} log groups`);
    }
    return {
      title: widget.title,
      region,
      view: "table",
      query: `${widget.logGroupNames.map((name) => `SOURCE '${name}'`).join(" | ")} | ${widget.query}`,
    };
  }
  if (widget.lines.length === 0) throw new Error(`dashboard widget "${widget.title}": lines must list at least one metric`);
  // Key order is part of the output: the AlarmSet dashboard has always been written title, region, view, period,
  // metrics, annotations.
  return {
    title: widget.title,
    region,
    view: widget.view ?? "timeSeries",
    period: widget.periodSeconds ?? widget.lines[0].periodSeconds,
    metrics: widget.lines.map(metricEntry),
    ...(widget.thresholds === undefined || widget.thresholds.length === 0
      ? {}
      : { annotations: { horizontal: widget.thresholds.map((value) => ({ label: "alarm threshold", value })) } }),
    ...(widget.stacked ? { stacked: true } : {}),
  };
}

/** Dashboard JSON: the widgets in order, two per row, each half the width and six units high. */
export function dashboardBody(region: string, widgets: readonly DashboardWidget[]): string {
  return JSON.stringify({
    widgets: widgets.map((widget, i) => ({
      type: widget.kind,
      x: (i % 2) * WIDTH,
      y: Math.floor(i / 2) * HEIGHT,
      width: WIDTH,
      height: HEIGHT,
      properties: widgetProperties(widget, region),
    })),
  });
}
