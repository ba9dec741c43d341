import { type AlarmDefinition, countWindow } from "./metric-alarm";

export interface ContainerFunctionAlarmsProps {
  /** Function name from config (`connect-lookup`): names its alarms and their Terraform ids. */
  readonly name: string;
  /** Physical Lambda function name (the `FunctionName` dimension). */
  readonly functionName: string;
  /**
   * Alias the callers invoke (`live`): the alarms then watch the alias's metrics (`Resource = <function>:<alias>`),
   * the traffic that API Gateway and EventBridge send, without test invocations of `$LATEST`.
   * @default - the function's metrics over every version and alias (`FunctionName` alone)
   */
  readonly alias?: string;
  readonly thresholds: {
    /** Invocations that end in an error (uncaught exception, timeout, out of memory) per count window above which it pages. */
    readonly errors: number;
    /** Invocations Lambda refused for lack of concurrency per count window above which it pages. */
    readonly throttles: number;
    /** Window, in seconds, both counts are summed over. */
    readonly countPeriodSeconds: number;
    /**
     * p99 duration, in milliseconds, above which (in two 5-minute periods running) it pages.
     * @default - no duration alarm
     */
    readonly durationMs?: number;
  };
}

/**
 * The dimensions of a function's Lambda metrics: the alias's (`FunctionName` plus `Resource = <function>:<alias>`)
 * or the function's over every version. Lambda publishes a metric under each set, so the two never mix.
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html
 */
export function functionDimensions(functionName: string, alias?: string): Record<string, string> {
  return alias === undefined ? { FunctionName: functionName } : { FunctionName: functionName, Resource: `${functionName}:${alias}` };
}

/**
 * The alarms of a Lambda function, a `ContainerFunction` or a zip function alike (seed 001's "errors, throttles";
 * seed 002's "errors > 10 in 5 minutes, duration > 10 s"): failed invocations, invocations Lambda throttled
 * because the function's reserved concurrency or the account's is used up and, with `durationMs`, slow
 * invocations. Beside container-function.ts; see `AlarmDefinition` for why a helper.
 *
 * Duration is judged at p99 rather than Maximum: a single cold start of an image function or one slow model call
 * would page on Maximum, while a timeout, the worst case, already counts as an error. Below the ~1,000 invocations
 * per period a p99 needs, CloudWatch evaluates it anyway (`evaluate`), where it comes close to the maximum; two
 * periods in a row must breach, so one slow burst does not page.
 */
export function containerFunctionAlarms(props: ContainerFunctionAlarmsProps): AlarmDefinition[] {
  if (props.name.length === 0) throw new Error("containerFunctionAlarms: name must not be empty; it names the function's alarms");
  if (props.alias !== undefined && !/^[a-zA-Z0-9_-]{1,128}$/.test(props.alias)) {
    throw new Error(`containerFunctionAlarms: alias "${props.alias}" must be an alias name (letters, digits, - and _), not a version or an ARN`);
  }
  const { name: key, thresholds } = props;
  const minutes = thresholds.countPeriodSeconds / 60;
  const dimensions = functionDimensions(props.functionName, props.alias);
  const definitions: AlarmDefinition[] = [
    {
      id: `${key}_errors`,
      spec: {
        ...countWindow(thresholds.countPeriodSeconds),
        name: `${key}-errors`,
        description: `${key}: more than ${thresholds.errors} failed invocations in ${minutes} minutes; see the function's log group.`,
        namespace: "AWS/Lambda",
        metricName: "Errors",
        dimensions,
        threshold: thresholds.errors,
        // No invocations, no errors.
        treatMissingData: "notBreaching",
        widget: "Lambda errors and throttles",
        label: `${key} errors`,
      },
    },
    {
      id: `${key}_throttles`,
      spec: {
        ...countWindow(thresholds.countPeriodSeconds),
        name: `${key}-throttles`,
        description: `${key}: more than ${thresholds.throttles} invocations throttled in ${minutes} minutes; reserved or account concurrency is used up.`,
        namespace: "AWS/Lambda",
        metricName: "Throttles",
        dimensions,
        threshold: thresholds.throttles,
        treatMissingData: "notBreaching",
        widget: "Lambda errors and throttles",
        label: `${key} throttles`,
      },
    },
  ];
  if (thresholds.durationMs !== undefined) {
    if (!(thresholds.durationMs > 0)) throw new Error(`containerFunctionAlarms: thresholds.durationMs of ${key} must be above 0`);
    definitions.push({
      id: `${key}_duration`,
      spec: {
        periodSeconds: 300,
        evaluationPeriods: 2,
        name: `${key}-duration-high`,
        description: `${key}: p99 duration above ${thresholds.durationMs / 1000} s for 10 minutes; look for cold starts (REPORT Init Duration) and slow downstream calls.`,
        namespace: "AWS/Lambda",
        metricName: "Duration",
        dimensions,
        statistic: "p99",
        lowSampleCountPercentiles: "evaluate",
        comparison: "GreaterThanThreshold",
        threshold: thresholds.durationMs,
        // No invocations, no duration.
        treatMissingData: "notBreaching",
        widget: "Lambda duration p99 (ms)",
        label: key,
      },
    });
  }
  return definitions;
}
