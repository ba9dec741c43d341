import { type AlarmDefinition, UTILIZATION_WINDOW, countWindow } from "./metric-alarm";

/** The thresholds a Fargate service behind the ALB pages on. */
export interface FargateServiceAlarmThresholds {
  /** Average service CPU utilization, in percent, above which (for 15 minutes) it pages. */
  readonly cpuPercent: number;
  /** Average service memory utilization, in percent, above which (for 15 minutes) it pages. */
  readonly memoryPercent: number;
  /** 5XX responses from the service's targets per count window above which it pages. */
  readonly http5xxCount: number;
  /** Window, in seconds, the 5XX count is summed over. */
  readonly countPeriodSeconds: number;
  /** Average target response time, in seconds, above which (for 10 minutes) it pages. */
  readonly responseTimeSeconds: number;
}

export interface FargateServiceAlarmsProps {
  /** Service name from config (`voice-api`): names its alarms and their Terraform ids. */
  readonly name: string;
  /** ECS cluster the service runs in (the `ClusterName` dimension). */
  readonly clusterName: string;
  /** ECS service name (the `ServiceName` dimension). */
  readonly serviceName: string;
  /** ARN suffix of the ALB (`app/<name>/<id>`), the `LoadBalancer` dimension. */
  readonly loadBalancerArnSuffix: string;
  /** ARN suffix of the service's target group (`targetgroup/<name>/<id>`), the `TargetGroup` dimension. */
  readonly targetGroupArnSuffix: string;
  readonly thresholds: FargateServiceAlarmThresholds;
}

/**
 * The alarms of one `FargateService` behind the ALB: CPU and memory of its tasks, 5XX responses and response
 * time of its targets, and target health (some unhealthy, none healthy). Kept beside fargate-service.ts so a
 * service's parts and what pages about them change together; the observability stack adds them to its
 * `AlarmSet`, which owns the alarm topic and the dashboard (see `AlarmDefinition` for why a helper).
 */
export function fargateServiceAlarms(props: FargateServiceAlarmsProps): AlarmDefinition[] {
  if (props.name.length === 0) throw new Error("fargateServiceAlarms: name must not be empty; it names the service's alarms");
  const { name: key, thresholds } = props;
  const ecs = { ClusterName: props.clusterName, ServiceName: props.serviceName };
  const targets = { LoadBalancer: props.loadBalancerArnSuffix, TargetGroup: props.targetGroupArnSuffix };
  return [
    {
      id: `${key}_cpu`,
      spec: {
        ...UTILIZATION_WINDOW,
        name: `${key}-cpu-high`,
        description: `${key}: CPU above ${thresholds.cpuPercent}% for 15 minutes; check autoscaling (at max?) and recent deploys.`,
        namespace: "AWS/ECS",
        metricName: "CPUUtilization",
        dimensions: ecs,
        statistic: "Average",
        comparison: "GreaterThanThreshold",
        threshold: thresholds.cpuPercent,
        // No data means no running task; the healthy-host alarm pages for that.
        treatMissingData: "missing",
        widget: "ECS CPU %",
        label: key,
      },
    },
    {
      id: `${key}_memory`,
      spec: {
        ...UTILIZATION_WINDOW,
        name: `${key}-memory-high`,
        description: `${key}: memory above ${thresholds.memoryPercent}% for 15 minutes; tasks are close to being OOM-killed.`,
        namespace: "AWS/ECS",
        metricName: "MemoryUtilization",
        dimensions: ecs,
        statistic: "Average",
        comparison: "GreaterThanThreshold",
        threshold: thresholds.memoryPercent,
        treatMissingData: "missing",
        widget: "ECS memory %",
        label: key,
      },
    },
    {
      id: `${key}_target_5xx`,
      spec: {
        ...countWindow(thresholds.countPeriodSeconds),
        name: `${key}-5xx`,
        description: `${key}: more than ${thresholds.http5xxCount} 5XX responses from its tasks in ${thresholds.countPeriodSeconds / 60} minutes.`,
        namespace: "AWS/ApplicationELB",
        metricName: "HTTPCode_Target_5XX_Count",
        dimensions: targets,
        threshold: thresholds.http5xxCount,
        // The ALB publishes no data point for a period without 5XX responses.
        treatMissingData: "notBreaching",
        widget: "5XX responses",
        label: `${key} (targets)`,
      },
    },
    {
      id: `${key}_response_time`,
      spec: {
        periodSeconds: 300,
        evaluationPeriods: 2,
        name: `${key}-latency-high`,
        description: `${key}: average target response time above ${thresholds.responseTimeSeconds} s for 10 minutes.`,
        namespace: "AWS/ApplicationELB",
        metricName: "TargetResponseTime",
        dimensions: targets,
        statistic: "Average",
        comparison: "GreaterThanThreshold",
        threshold: thresholds.responseTimeSeconds,
        // No requests, no latency.
        treatMissingData: "notBreaching",
        widget: "Target response time (s)",
        label: key,
      },
    },
    {
      id: `${key}_unhealthy_hosts`,
      spec: {
        periodSeconds: 60,
        evaluationPeriods: 3,
        name: `${key}-unhealthy-hosts`,
        description: `${key}: targets failing the ALB health check for 3 minutes; see the service's events and task logs.`,
        namespace: "AWS/ApplicationELB",
        metricName: "UnHealthyHostCount",
        dimensions: targets,
        statistic: "Maximum",
        comparison: "GreaterThanThreshold",
        threshold: 0,
        treatMissingData: "notBreaching",
        widget: "Target health",
        label: `${key} unhealthy`,
      },
    },
    {
      id: `${key}_no_healthy_hosts`,
      spec: {
        periodSeconds: 60,
        evaluationPeriods: 3,
        name: `${key}-no-healthy-hosts`,
        description: `${key}: no healthy target for 3 minutes; the service is down behind the ALB.`,
        namespace: "AWS/ApplicationELB",
        metricName: "HealthyHostCount",
        dimensions: targets,
        statistic: "Minimum",
        comparison: "LessThanThreshold",
        threshold: 1,
        // Silence from a target group that should always have targets is itself an outage.
        treatMissingData: "breaching",
        widget: "Target health",
        label: `${key} healthy`,
      },
    },
  ];
}
