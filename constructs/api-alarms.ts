import { type AlarmDefinition, countWindow } from "./metric-alarm";

/** The thresholds an API Gateway REST API stage pages on; the optional ones are warnings, left out unless set. */
export interface ApiAlarmThresholds {
  /** 5XX responses per count window above which it pages (seed 002: 5 in 5 minutes). */
  readonly http5xxCount: number;
  /** Window, in seconds, the 5XX count is summed over. */
  readonly countPeriodSeconds: number;
  /**
   * p90 latency, in milliseconds, above which (for 15 minutes) it warns: most users wait too long.
   * @default - no p90 latency alarm
   */
  readonly latencyP90Ms?: number;
  /**
   * p99 latency, in milliseconds, above which (for 15 minutes) it warns: the slowest requests near the 29 s
   * integration timeout.
   * @default - no p99 latency alarm
   */
  readonly latencyP99Ms?: number;
  /**
   * Share of requests, in percent, answered with a 4XX above which (for 15 minutes) it warns: a broken client
   * release, expired tokens or a scan.
   * @default - no 4XX rate alarm
   */
  readonly http4xxRatePercent?: number;
}

export interface ApiAlarmsProps {
  /** API name from config (`voice-api`): names its alarms and their Terraform ids. */
  readonly name: string;
  /** Name of the REST API as API Gateway shows it (the `ApiName` dimension), e.g. `voice-assistant-prod-api`. */
  readonly apiName: string;
  /** Stage whose traffic is watched (the `Stage` dimension), e.g. `prod`. */
  readonly stageName: string;
  readonly thresholds: ApiAlarmThresholds;
}

/** Latency warnings look at three 5-minute periods, so one slow burst (a cold start wave) does not warn. */
const SUSTAINED = { periodSeconds: 300, evaluationPeriods: 3 } as const;

/**
 * The dimensions of a REST API stage's metrics. API Gateway publishes REST API metrics per `ApiName` and per
 * `ApiName` + `Stage` (and per method and resource with detailed metrics); HTTP and WebSocket APIs use `ApiId`
 * instead. https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-metrics-and-dimensions.html
 */
export function apiDimensions(apiName: string, stageName: string): Record<string, string> {
  return { ApiName: apiName, Stage: stageName };
}

/**
 * The alarms of an API Gateway REST API stage (seed 002: "API Gateway 5XX errors > 5/5min"): 5XX responses page;
 * p90 and p99 latency and the 4XX rate warn when their thresholds are set. Every alarm treats a period without
 * data as fine: API Gateway publishes nothing for a stage without requests. See `AlarmDefinition` for why a helper.
 */
export function apiAlarms(props: ApiAlarmsProps): AlarmDefinition[] {
  const { name: key, thresholds } = props;
  if (key.length === 0) throw new Error("apiAlarms: name must not be empty; it names the API's alarms");
  // API Gateway drops non-ASCII characters from the ApiName dimension, so an alarm on the configured name would watch nothing.
  if (!/^[\x20-\x7e]+$/.test(props.apiName)) {
    throw new Error(`apiAlarms: apiName "${props.apiName}" must be printable ASCII; API Gateway strips other characters from the ApiName dimension`);
  }
  if (props.stageName.length === 0) throw new Error(`apiAlarms: stageName of ${key} must not be empty; it is the Stage dimension`);
  const rate = thresholds.http4xxRatePercent;
  if (rate !== undefined && !(rate > 0 && rate < 100))
    throw new Error(`apiAlarms: thresholds.http4xxRatePercent of ${key} must be between 0 and 100`);
  const dimensions = apiDimensions(props.apiName, props.stageName);
  const minutes = thresholds.countPeriodSeconds / 60;
  const definitions: AlarmDefinition[] = [
    {
      id: `${key}_5xx`,
      spec: {
        ...countWindow(thresholds.countPeriodSeconds),
        name: `${key}-5xx`,
        description: `${key} (${props.stageName}): more than ${thresholds.http5xxCount} 5XX responses in ${minutes} minutes; see the integration's function errors and the access log.`,
        namespace: "AWS/ApiGateway",
        metricName: "5XXError",
        dimensions,
        threshold: thresholds.http5xxCount,
        treatMissingData: "notBreaching",
        widget: "API errors",
        label: `${key} 5XX`,
      },
    },
  ];
  for (const [percentile, threshold] of [
    ["p90", thresholds.latencyP90Ms],
    ["p99", thresholds.latencyP99Ms],
  ] as const) {
    if (threshold === undefined) continue;
    definitions.push({
      id: `${key}_latency_${percentile}`,
      spec: {
        ...SUSTAINED,
        name: `${key}-latency-${percentile}-high`,
        description: `${key} (${props.stageName}): warning, ${percentile} latency above ${threshold} ms for 15 minutes; compare with IntegrationLatency to tell API Gateway from the backend.`,
        namespace: "AWS/ApiGateway",
        metricName: "Latency",
        dimensions,
        statistic: percentile,
        lowSampleCountPercentiles: "evaluate",
        comparison: "GreaterThanThreshold",
        threshold,
        treatMissingData: "notBreaching",
        widget: "API latency (ms)",
        label: `${key} ${percentile}`,
      },
    });
  }
  if (rate !== undefined) {
    definitions.push({
      id: `${key}_4xx_rate`,
      spec: {
        ...SUSTAINED,
        name: `${key}-4xx-rate-high`,
        description: `${key} (${props.stageName}): warning, more than ${rate}% of requests answered 4XX for 15 minutes; a client release, expired tokens or a scan (see the security query).`,
        namespace: "AWS/ApiGateway",
        metricName: "4XXError",
        dimensions,
        // The Average of 4XXError is the share of requests that got a 4XX (a fraction, 0 to 1).
        statistic: "Average",
        comparison: "GreaterThanThreshold",
        threshold: rate / 100,
        treatMissingData: "notBreaching",
        widget: "API 4XX rate",
        label: `${key} 4XX share`,
      },
    });
  }
  return definitions;
}
