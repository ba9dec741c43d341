import { type AlarmDefinition, UTILIZATION_WINDOW, countWindow } from "./metric-alarm";

/** The thresholds each ElastiCache (Redis) node pages on. */
export interface CacheAlarmThresholds {
  /** Average host CPU utilization, in percent, above which (for 15 minutes) it pages. */
  readonly cpuPercent: number;
  /** Average CPU of the Redis engine thread, in percent, above which (for 15 minutes) it pages. */
  readonly engineCpuPercent: number;
  /** Share of maxmemory in use, in percent, above which (for 15 minutes) it pages. */
  readonly memoryPercent: number;
  /** Evicted keys per count window above which it pages. */
  readonly evictions: number;
  /** Window, in seconds, evictions are summed over. */
  readonly countPeriodSeconds: number;
}

export interface CacheAlarmsProps {
  /** Member cluster id of each node (the `CacheClusterId` dimension), in node order; at least one. */
  readonly memberClusterIds: readonly string[];
  readonly thresholds: CacheAlarmThresholds;
}

/**
 * The alarms of the Redis replication group (stacks/redis-stack.ts), per node: host CPU, engine CPU, memory
 * and evictions; node n's are `redis-<n>-...`. See `AlarmDefinition` for why a helper.
 */
export function cacheAlarms(props: CacheAlarmsProps): AlarmDefinition[] {
  if (props.memberClusterIds.length === 0) {
    throw new Error("cacheAlarms: memberClusterIds must list at least one node; without a cache, add no cache alarms");
  }
  const { thresholds } = props;
  return props.memberClusterIds.flatMap((clusterId, i): AlarmDefinition[] => {
    const nodeKey = `redis_${i + 1}`;
    const redis = {
      namespace: "AWS/ElastiCache",
      dimensions: { CacheClusterId: clusterId },
      comparison: "GreaterThanThreshold",
      // ElastiCache reports every minute per node; silence means the node is gone.
      treatMissingData: "breaching",
      label: `node ${i + 1}`,
    } as const;
    return [
      {
        id: `${nodeKey}_cpu`,
        spec: {
          ...UTILIZATION_WINDOW,
          ...redis,
          name: `redis-${i + 1}-cpu-high`,
          description: `Redis node ${i + 1}: host CPU above ${thresholds.cpuPercent}% for 15 minutes.`,
          metricName: "CPUUtilization",
          statistic: "Average",
          threshold: thresholds.cpuPercent,
          widget: "Redis host CPU %",
        },
      },
      {
        id: `${nodeKey}_engine_cpu`,
        spec: {
          ...UTILIZATION_WINDOW,
          ...redis,
          name: `redis-${i + 1}-engine-cpu-high`,
          description: `Redis node ${i + 1}: engine thread CPU above ${thresholds.engineCpuPercent}% for 15 minutes; Redis is single-threaded, commands queue up.`,
          metricName: "EngineCPUUtilization",
          statistic: "Average",
          threshold: thresholds.engineCpuPercent,
          widget: "Redis engine CPU %",
        },
      },
      {
        id: `${nodeKey}_memory`,
        spec: {
          ...UTILIZATION_WINDOW,
          ...redis,
          name: `redis-${i + 1}-memory-high`,
          description: `Redis node ${i + 1}: more than ${thresholds.memoryPercent}% of maxmemory in use for 15 minutes; evictions follow.`,
          metricName: "DatabaseMemoryUsagePercentage",
          statistic: "Average",
          threshold: thresholds.memoryPercent,
          widget: "Redis memory %",
        },
      },
      {
        id: `${nodeKey}_evictions`,
        spec: {
          ...redis,
          ...countWindow(thresholds.countPeriodSeconds),
          name: `redis-${i + 1}-evictions`,
          description: `Redis node ${i + 1}: more than ${thresholds.evictions} keys evicted in ${thresholds.countPeriodSeconds / 60} minutes; sessions or queued work may be lost.`,
          metricName: "Evictions",
          threshold: thresholds.evictions,
          widget: "Redis evictions",
        },
      },
    ];
  });
}
