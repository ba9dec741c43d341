import { type AlarmDefinition, countWindow } from "./metric-alarm";

export interface TableAlarmsProps {
  /** Table name from config (`handover-tokens`): names its alarms and their Terraform ids. */
  readonly name: string;
  /** Physical DynamoDB table name (the `TableName` dimension). */
  readonly tableName: string;
  readonly thresholds: {
    /** Read or write requests DynamoDB throttled per count window above which it pages (each direction alone). */
    readonly throttleEvents: number;
    /** Window, in seconds, the throttle events are summed over. */
    readonly countPeriodSeconds: number;
  };
}

/**
 * The alarms of a DynamoDB table of the data-dynamodb stack: read and write throttle events (seed 001's
 * "throttles"; on-demand tables throttle on a hot partition or a sudden jump past the previous peak).
 */
export function tableAlarms(props: TableAlarmsProps): AlarmDefinition[] {
  if (props.name.length === 0) throw new Error("tableAlarms: name must not be empty; it names the table's alarms");
  const { name: key, thresholds } = props;
  const minutes = thresholds.countPeriodSeconds / 60;
  return (["read", "write"] as const).map((direction) => {
    const metricName = direction === "read" ? "ReadThrottleEvents" : "WriteThrottleEvents";
    return {
      id: `${key}_${direction}_throttles`,
      spec: {
        ...countWindow(thresholds.countPeriodSeconds),
        name: `${key}-${direction}-throttles`,
        description: `${key}: more than ${thresholds.throttleEvents} ${direction} requests throttled in ${minutes} minutes; look for a hot partition key.`,
        namespace: "AWS/DynamoDB",
        metricName,
        dimensions: { TableName: props.tableName },
        threshold: thresholds.throttleEvents,
        // DynamoDB publishes no data point for a period without throttling.
        treatMissingData: "notBreaching",
        widget: "DynamoDB throttle events",
        label: `${key} ${direction}`,
      },
    };
  });
}
