import { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { type MetricWidget, dashboardBody } from "./dashboard-widgets";

/** How a period without data points counts; every alarm chooses on purpose, there is no default. */
export type TreatMissingData = "breaching" | "notBreaching" | "ignore" | "missing";
export type AlarmComparison = "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold" | "LessThanThreshold" | "LessThanOrEqualToThreshold";
/**
 * A percentile (`p90`, `p99`, `p99.9`). CloudWatch takes it as the alarm's `extended_statistic`, not its `statistic`;
 * latency is judged by its tail, which an average hides.
 */
export type PercentileStatistic = `p${number}`;
export type AlarmStatistic = "Average" | "Sum" | "Maximum" | "Minimum" | "SampleCount" | PercentileStatistic;

/** Whether a statistic is a percentile, which the alarm sends as `extended_statistic`. */
export function isPercentile(statistic: AlarmStatistic): statistic is PercentileStatistic {
  return statistic.startsWith("p");
}

export interface MetricAlarmProps {
  /** Alarm name, unique per account and region; starts with the environment's name prefix. */
  readonly alarmName: string;
  /** What is wrong when it fires and where to look first; it is the body of the page. */
  readonly description: string;
  /** CloudWatch namespace, e.g. `AWS/ECS`. */
  readonly namespace: string;
  readonly metricName: string;
  /** Dimensions that pick the one resource the alarm watches. */
  readonly dimensions: Readonly<Record<string, string>>;
  readonly statistic: AlarmStatistic;
  /**
   * For a percentile statistic: whether a period with too few data points for the percentile to mean much still
   * counts (`evaluate`) or leaves the alarm as it is (`ignore`). Ignored for the other statistics.
   * @default "evaluate" - a low-traffic function or API is judged on the requests it has
   */
  readonly lowSampleCountPercentiles?: "evaluate" | "ignore";
  readonly comparison: AlarmComparison;
  readonly threshold: number;
  /** Seconds per data point: 10, 30 or a multiple of 60. */
  readonly periodSeconds: number;
  /**
   * Periods looked at for each evaluation.
   * @default 1
   */
  readonly evaluationPeriods?: number;
  /**
   * Breaching periods among them that fire the alarm.
   * @default - evaluationPeriods (every period must breach)
   */
  readonly datapointsToAlarm?: number;
  /** How periods without data count (required: absence of data means different things per metric). */
  readonly treatMissingData: TreatMissingData;
  /** SNS topics notified when the alarm fires and when it recovers; at least one. */
  readonly actionArns: readonly string[];
  /**
   * Provider (region) of the alarm: the metric's region, e.g. us-east-1 for Route53 health checks.
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

/** One CloudWatch alarm on one metric that always notifies, on ALARM and on OK. */
export class MetricAlarm extends Construct {
  readonly alarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: MetricAlarmProps) {
    super(scope, id);
    const evaluationPeriods = props.evaluationPeriods ?? 1;
    const datapointsToAlarm = props.datapointsToAlarm ?? evaluationPeriods;
    if (props.actionArns.length === 0) {
      throw new Error(`MetricAlarm ${id}: actionArns must list at least one topic; an alarm without an action pages nobody`);
    }
    if (!(props.periodSeconds === 10 || props.periodSeconds === 30 || (props.periodSeconds > 0 && props.periodSeconds % 60 === 0))) {
      throw new Error(`MetricAlarm ${id}: periodSeconds ${props.periodSeconds} must be 10, 30 or a multiple of 60`);
    }
    if (!Number.isInteger(evaluationPeriods) || evaluationPeriods < 1) {
      throw new Error(`MetricAlarm ${id}: evaluationPeriods must be a whole number of at least 1`);
    }
    if (!Number.isInteger(datapointsToAlarm) || datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
      throw new Error(`MetricAlarm ${id}: datapointsToAlarm must be between 1 and evaluationPeriods (${evaluationPeriods})`);
    }
    const percentile = isPercentile(props.statistic);
    if (percentile && !/^p(100|\d{1,2}(\.\d{1,2})?)$/.test(props.statistic)) {
      throw new Error(`MetricAlarm ${id}: statistic ${props.statistic} must be a percentile between p0 and p100, e.g. p99 or p99.9`);
    }
    if (props.alarmName.length === 0 || props.alarmName.length > 255) {
      throw new Error(`MetricAlarm ${id}: alarmName must be 1-255 characters`);
    }

    this.alarm = new CloudwatchMetricAlarm(this, "Resource", {
      provider: props.provider,
      alarmName: props.alarmName,
      alarmDescription: props.description,
      namespace: props.namespace,
      metricName: props.metricName,
      dimensions: { ...props.dimensions },
      // Left out (undefined) for the other kind, so the alarms without percentiles synthesize as they always did.
      statistic: percentile ? undefined : props.statistic,
      extendedStatistic: percentile ? props.statistic : undefined,
      evaluateLowSampleCountPercentiles: percentile ? (props.lowSampleCountPercentiles ?? "evaluate") : undefined,
      comparisonOperator: props.comparison,
      threshold: props.threshold,
      period: props.periodSeconds,
      evaluationPeriods,
      datapointsToAlarm,
      treatMissingData: props.treatMissingData,
      alarmActions: [...props.actionArns],
      okActions: [...props.actionArns],
    });
  }

  get arn(): string {
    return this.alarm.arn;
  }
}

/** An alarm of an `AlarmSet`: the alarm itself plus where its metric is drawn on the dashboard. */
export interface AlarmSpec extends Omit<MetricAlarmProps, "alarmName" | "actionArns"> {
  /** Alarm name after the set's prefix, e.g. `api-cpu`. */
  readonly name: string;
  /** Title of the dashboard graph the metric is drawn in; alarms sharing a title share a graph. */
  readonly widget: string;
  /** Label of the metric's line in that graph. */
  readonly label: string;
}

/**
 * One alarm of a resource family's alarm set, with its id: the last part of its Terraform address
 * (`<set id>_<id>`). The `*-alarms.ts` helpers beside each construct (fargate-service-alarms.ts, ...) return
 * these instead of creating `MetricAlarm`s themselves: a construct of their own would add a level to every
 * alarm's construct path, and so to its address, and the environment's dashboard needs every alarm in one set.
 */
export interface AlarmDefinition {
  /** Unique within the set; `voice-api_cpu` becomes `aws_cloudwatch_metric_alarm.alarms_voice_api_cpu`. */
  readonly id: string;
  readonly spec: AlarmSpec;
}

/** Utilization alarms look at 5-minute averages and page after 15 minutes, so a deploy spike does not page. */
export const UTILIZATION_WINDOW = { periodSeconds: 300, evaluationPeriods: 3 } as const;

/** A count alarm: the sum over one window of `periodSeconds` above the threshold pages. */
export function countWindow(periodSeconds: number) {
  return { periodSeconds, statistic: "Sum", comparison: "GreaterThanThreshold" } as const;
}

export interface AlarmSetProps {
  /** Prefix of every alarm name, e.g. `voice-ai-prod`. */
  readonly namePrefix: string;
  /** Topics every alarm of the set notifies. */
  readonly actionArns: readonly string[];
  /** Region of the metrics, for the dashboard widgets. */
  readonly region: string;
}

interface Widget {
  readonly title: string;
  readonly specs: AlarmSpec[];
}

/**
 * The alarms of one environment, all with the same actions, plus the dashboard that draws exactly the
 * alarmed metrics with their thresholds, so graphs and pages never drift apart.
 */
export class AlarmSet extends Construct {
  private readonly props: AlarmSetProps;
  private readonly entries: { spec: AlarmSpec; alarm: MetricAlarm }[] = [];

  constructor(scope: Construct, id: string, props: AlarmSetProps) {
    super(scope, id);
    if (props.actionArns.length === 0) throw new Error(`AlarmSet ${id}: actionArns must list at least one topic`);
    this.props = props;
  }

  /** Adds one alarm; `id` becomes the last part of its Terraform address. */
  add(id: string, spec: AlarmSpec): MetricAlarm {
    const { name, widget: _widget, label: _label, ...alarmProps } = spec;
    const alarm = new MetricAlarm(this, id, {
      ...alarmProps,
      alarmName: `${this.props.namePrefix}-${name}`,
      actionArns: this.props.actionArns,
    });
    this.entries.push({ spec, alarm });
    return alarm;
  }

  /** Adds each definition in order (the order of the dashboard's graphs). */
  addAll(definitions: readonly AlarmDefinition[]): MetricAlarm[] {
    return definitions.map(({ id, spec }) => this.add(id, spec));
  }

  get alarms(): readonly MetricAlarm[] {
    return this.entries.map((e) => e.alarm);
  }

  /** CloudWatch dashboard JSON: one graph per widget title, in the order alarms were added, two per row. */
  dashboardBody(): string {
    const widgets: Widget[] = [];
    for (const { spec } of this.entries) {
      const existing = widgets.find((w) => w.title === spec.widget);
      if (existing) existing.specs.push(spec);
      else widgets.push({ title: spec.widget, specs: [spec] });
    }
    return dashboardBody(
      this.props.region,
      widgets.map(
        (widget): MetricWidget => ({
          kind: "metric",
          title: widget.title,
          lines: widget.specs,
          thresholds: [...new Set(widget.specs.map((s) => s.threshold))],
          periodSeconds: widget.specs[0].periodSeconds,
        }),
      ),
    );
  }
}
