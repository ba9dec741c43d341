import { type AlarmDefinition, UTILIZATION_WINDOW } from "./metric-alarm";

const GIB = 1024 ** 3;

/** The thresholds an RDS instance and its read replica page on. */
export interface DatabaseAlarmThresholds {
  /** Average CPU utilization of the primary, in percent, above which (for 15 minutes) it pages. */
  readonly cpuPercent: number;
  /** Free storage of the primary, in GiB, below which it pages. */
  readonly freeStorageGb: number;
  /** Open connections to the primary above which (for 10 minutes) it pages. */
  readonly connections: number;
  /** Seconds the read replica may lag behind the primary before (for 5 minutes) it pages. */
  readonly replicaLagSeconds: number;
}

export interface DatabaseAlarmsProps {
  /** Identifier of the primary RDS instance (the `DBInstanceIdentifier` dimension). */
  readonly instanceIdentifier: string;
  /**
   * Identifier of the same-region read replica.
   * @default - no replica, so no replica-lag alarm
   */
  readonly readReplicaIdentifier?: string;
  readonly thresholds: DatabaseAlarmThresholds;
}

/**
 * The alarms of the RDS database (stacks/rds-stack.ts): CPU, free storage and connections of the primary,
 * and the lag of the read replica when there is one. See `AlarmDefinition` for why a helper.
 */
export function databaseAlarms(props: DatabaseAlarmsProps): AlarmDefinition[] {
  const { instanceIdentifier, readReplicaIdentifier, thresholds } = props;
  const rds = { DBInstanceIdentifier: instanceIdentifier };
  const definitions: AlarmDefinition[] = [
    {
      id: "rds_cpu",
      spec: {
        ...UTILIZATION_WINDOW,
        name: "rds-cpu-high",
        description: `RDS ${instanceIdentifier}: CPU above ${thresholds.cpuPercent}% for 15 minutes; check Performance Insights for the top queries.`,
        namespace: "AWS/RDS",
        metricName: "CPUUtilization",
        dimensions: rds,
        statistic: "Average",
        comparison: "GreaterThanThreshold",
        threshold: thresholds.cpuPercent,
        // RDS reports every minute while the instance is up; silence means it is not.
        treatMissingData: "breaching",
        widget: "RDS CPU %",
        label: "primary",
      },
    },
    {
      id: "rds_free_storage",
      spec: {
        periodSeconds: 300,
        evaluationPeriods: 1,
        name: "rds-free-storage-low",
        description: `RDS: less than ${thresholds.freeStorageGb} GiB free; storage autoscaling may be at its ceiling.`,
        namespace: "AWS/RDS",
        metricName: "FreeStorageSpace",
        dimensions: rds,
        statistic: "Minimum",
        comparison: "LessThanThreshold",
        threshold: thresholds.freeStorageGb * GIB,
        treatMissingData: "breaching",
        widget: "RDS free storage (bytes)",
        label: "primary",
      },
    },
    {
      id: "rds_connections",
      spec: {
        periodSeconds: 300,
        evaluationPeriods: 2,
        name: "rds-connections-high",
        description: `RDS: more than ${thresholds.connections} connections for 10 minutes; look for connection leaks or scale-out without pooling.`,
        namespace: "AWS/RDS",
        metricName: "DatabaseConnections",
        dimensions: rds,
        statistic: "Maximum",
        comparison: "GreaterThanThreshold",
        threshold: thresholds.connections,
        treatMissingData: "missing",
        widget: "RDS connections",
        label: "primary",
      },
    },
  ];
  if (readReplicaIdentifier !== undefined) {
    definitions.push({
      id: "rds_replica_lag",
      spec: {
        periodSeconds: 60,
        evaluationPeriods: 5,
        name: "rds-replica-lag-high",
        description: `RDS read replica: more than ${thresholds.replicaLagSeconds} s behind the primary for 5 minutes; reads are stale.`,
        namespace: "AWS/RDS",
        metricName: "ReplicaLag",
        dimensions: { DBInstanceIdentifier: readReplicaIdentifier },
        statistic: "Maximum",
        comparison: "GreaterThanThreshold",
        threshold: thresholds.replicaLagSeconds,
        // A replica that stopped replicating stops reporting lag.
        treatMissingData: "breaching",
        widget: "RDS replica lag (s)",
        label: "read replica",
      },
    });
  }
  return definitions;
}
