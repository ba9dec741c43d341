import { type AlarmDefinition, countWindow } from "./metric-alarm";

export interface ContainerFunctionAlarmsProps {
  /** Function name from config (`connect-lookup`): names its alarms and their Terraform ids. */
  readonly name: string;
  /** Physical Lambda function name (the `FunctionName` dimension). */
  readonly functionName: string;
  readonly thresholds: {
    /** Invocations that end in an error (uncaught exception, timeout, out of memory) per count window above which it pages. */
    readonly errors: number;
    /** Invocations Lambda refused for lack of concurrency per count window above which it pages. */
    readonly throttles: number;
    /** Window, in seconds, both counts are summed over. */
    readonly countPeriodSeconds: number;
  };
}

/**
 * The alarms of a `ContainerFunction` (seed 001's "errors, throttles"): failed invocations, and invocations
 * Lambda throttled because the function's reserved concurrency or the account's is used up. Beside
 * container-function.ts; see `AlarmDefinition` for why a helper.
 */
export function containerFunctionAlarms(props: ContainerFunctionAlarmsProps): AlarmDefinition[] {
  if (props.name.length === 0) throw new Error("containerFunctionAlarms: name must not be empty; it names the function's alarms");
  const { name: key, thresholds } = props;
  const minutes = thresholds.countPeriodSeconds / 60;
  const dimensions = { FunctionName: props.functionName };
  return [
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
}
