import { BudgetsBudget } from "@cdktf/provider-aws/lib/budgets-budget";
import { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { XraySamplingRule } from "@cdktf/provider-aws/lib/xray-sampling-rule";
import { Construct } from "constructs";
import { type AlarmThresholds, RDS_THRESHOLDS, REDIS_THRESHOLDS } from "../config/sections/observability";
import { bucketNameFor } from "../config/sections/storage";
import { EncryptedLogGroup } from "../constructs/encrypted-log-group";
import { PolicyStatement, policyDocument } from "../constructs/iam-policy";
import { AlarmSet } from "../constructs/metric-alarm";
import { SecureBucket } from "../constructs/secure-bucket";
import { ServiceRole } from "../constructs/service-role";
import { PlatformStack, PlatformStackProps } from "./platform-stack";

/** One ECS service behind the ALB, as the alarms need it. */
export interface ObservedService {
  /** Service name from config (`voice-api`); names its alarms. */
  readonly name: string;
  /** ECS cluster the service runs in. */
  readonly clusterName: string;
  /** ECS service name (the `ServiceName` metric dimension). */
  readonly serviceName: string;
  /** ARN suffix of the service's target group (`targetgroup/<name>/<id>`). */
  readonly targetGroupArnSuffix: string;
}

export interface ObservabilityStackProps extends Omit<PlatformStackProps, "component"> {
  /** CMK (secrets-kms `messaging`) of the alarm topic; its key policy lets CloudWatch and Budgets use it. */
  readonly messagingKeyArn: string;
  /** CMK (secrets-kms `audit`) that encrypts the CloudTrail log files and the trail bucket. */
  readonly auditKeyArn: string;
  /** CMK (secrets-kms `logs`) of the trail's CloudWatch log group. */
  readonly logsKeyArn: string;
  /** Every ECS service; each gets CPU, memory, 5XX, latency and host-health alarms. */
  readonly services: readonly ObservedService[];
  /** ARN suffix of the ALB (`app/<name>/<id>`), the `LoadBalancer` dimension. */
  readonly albArnSuffix: string;
  /** Name of the regional WAF web ACL in front of the ALB. */
  readonly webAclName: string;
  /**
   * Identifier of the primary RDS instance.
   * @default - no database, so no RDS alarms
   */
  readonly rdsInstanceIdentifier?: string;
  /**
   * Identifier of the same-region read replica.
   * @default - no replica, so no replica-lag alarm
   */
  readonly rdsReadReplicaIdentifier?: string;
  /**
   * ElastiCache member cluster ids (one per node); each node gets its own alarms.
   * @default - no cache, so no Redis alarms
   */
  readonly redisMemberClusterIds?: readonly string[];
}

const GIB = 1024 ** 3;
const DAYS_PER_YEAR = 365.25;
/** Utilization alarms look at 5-minute averages and page after 15 minutes, so a deploy spike does not page. */
const UTILIZATION = { periodSeconds: 300, evaluationPeriods: 3 } as const;

/**
 * What tells the team something is wrong, and what proves what happened: the alarm topic and its
 * subscriptions, one alarm per service and data-store signal, the dashboard, the audit trail with its
 * locked bucket, the monthly budget and X-Ray sampling.
 */
export class ObservabilityStack extends PlatformStack {
  /** SNS topic every alarm and budget notification goes to. */
  readonly alarmTopicArn: string;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, { ...props, component: "observability" });
    const { config } = this;
    const settings = config.observability;
    const { accountId, region } = config;
    if (props.services.length === 0) {
      throw new Error(`${id}: services must list at least one service; every service needs its alarms`);
    }

    const topic = new SnsTopic(this, "alarm_topic", {
      name: `${this.namePrefix}-alarms`,
      kmsMasterKeyId: props.messagingKeyArn,
      tags: this.nameTags("alarms"),
    });
    this.alarmTopicArn = topic.arn;
    const topicPolicy = new SnsTopicPolicy(this, "alarm_topic_policy", {
      arn: topic.arn,
      policy: policyDocument([
        {
          sid: "AccountManagesTopic",
          principals: { AWS: `arn:aws:iam::${accountId}:root` },
          actions: ["sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:Subscribe", "sns:ListSubscriptionsByTopic", "sns:Publish"],
          resources: [topic.arn],
        },
        {
          sid: "CloudWatchAlarmsOfThisAccountPublish",
          principals: { Service: "cloudwatch.amazonaws.com" },
          actions: ["sns:Publish"],
          resources: [topic.arn],
          conditions: {
            StringEquals: { "aws:SourceAccount": accountId },
            ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:${region}:${accountId}:alarm:${this.namePrefix}-*` },
          },
        },
        {
          sid: "BudgetsOfThisAccountPublish",
          principals: { Service: "budgets.amazonaws.com" },
          actions: ["sns:Publish"],
          resources: [topic.arn],
          conditions: {
            StringEquals: { "aws:SourceAccount": accountId },
            ArnLike: { "aws:SourceArn": `arn:aws:budgets::${accountId}:*` },
          },
        },
      ]),
    });
    settings.alarmEmails.forEach((email, i) => {
      new SnsTopicSubscription(this, `alarm_email_${i + 1}`, { topicArn: topic.arn, protocol: "email", endpoint: email });
    });
    settings.alarmSmsNumbers.forEach((number, i) => {
      new SnsTopicSubscription(this, `alarm_sms_${i + 1}`, { topicArn: topic.arn, protocol: "sms", endpoint: number });
    });

    this.createAlarms(props, topic.arn);
    this.createAuditTrail(props);

    new BudgetsBudget(this, "monthly_budget", {
      name: `${this.namePrefix}-monthly`,
      accountId,
      budgetType: "COST",
      timeUnit: "MONTHLY",
      limitAmount: String(settings.budget.monthlyLimitUsd),
      limitUnit: "USD",
      notification: [
        { notificationType: "FORECASTED", threshold: settings.budget.forecastThresholdPercent },
        { notificationType: "ACTUAL", threshold: settings.budget.actualThresholdPercent },
      ].map((n) => ({
        ...n,
        comparisonOperator: "GREATER_THAN",
        thresholdType: "PERCENTAGE",
        subscriberEmailAddresses: [...settings.alarmEmails],
        subscriberSnsTopicArns: [topic.arn],
      })),
      // Budgets checks that it may publish when the notification is created.
      dependsOn: [topicPolicy],
    });

    if (settings.xray.enabled) {
      new XraySamplingRule(this, "xray_sampling_rule", {
        ruleName: this.namePrefix,
        priority: 1000,
        version: 1,
        fixedRate: settings.xray.fixedRate,
        reservoirSize: settings.xray.reservoirSize,
        host: "*",
        httpMethod: "*",
        urlPath: "*",
        serviceName: "*",
        serviceType: "*",
        resourceArn: "*",
        tags: this.nameTags("xray-sampling"),
      });
    }
  }

  private createAlarms(props: ObservabilityStackProps, topicArn: string): void {
    const { thresholds } = this.config.observability;
    const alarms = new AlarmSet(this, "alarms", { namePrefix: this.namePrefix, actionArns: [topicArn], region: this.config.region });
    const count = { periodSeconds: thresholds.countPeriodSeconds, statistic: "Sum", comparison: "GreaterThanThreshold" } as const;

    for (const service of props.services) {
      const ecs = { ClusterName: service.clusterName, ServiceName: service.serviceName };
      const targets = { LoadBalancer: props.albArnSuffix, TargetGroup: service.targetGroupArnSuffix };
      const key = service.name;
      alarms.add(`${key}_cpu`, {
        ...UTILIZATION,
        name: `${key}-cpu-high`,
        description: `${key}: CPU above ${thresholds.ecsCpuPercent}% for 15 minutes; check autoscaling (at max?) and recent deploys.`,
        namespace: "AWS/ECS",
        metricName: "CPUUtilization",
        dimensions: ecs,
        statistic: "Average",
        comparison: "GreaterThanThreshold",
        threshold: thresholds.ecsCpuPercent,
        // No data means no running task; the healthy-host alarm pages for that.
        treatMissingData: "missing",
        widget: "ECS CPU %",
        label: key,
      });
      alarms.add(`${key}_memory`, {
        ...UTILIZATION,
        name: `${key}-memory-high`,
        description: `${key}: memory above ${thresholds.ecsMemoryPercent}% for 15 minutes; tasks are close to being OOM-killed.`,
        namespace: "AWS/ECS",
        metricName: "MemoryUtilization",
        dimensions: ecs,
        statistic: "Average",
        comparison: "GreaterThanThreshold",
        threshold: thresholds.ecsMemoryPercent,
        treatMissingData: "missing",
        widget: "ECS memory %",
        label: key,
      });
      alarms.add(`${key}_target_5xx`, {
        ...count,
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
      });
      alarms.add(`${key}_response_time`, {
        periodSeconds: 300,
        evaluationPeriods: 2,
        name: `${key}-latency-high`,
        description: `${key}: average target response time above ${thresholds.targetResponseTimeSeconds} s for 10 minutes.`,
        namespace: "AWS/ApplicationELB",
        metricName: "TargetResponseTime",
        dimensions: targets,
        statistic: "Average",
        comparison: "GreaterThanThreshold",
        threshold: thresholds.targetResponseTimeSeconds,
        // No requests, no latency.
        treatMissingData: "notBreaching",
        widget: "Target response time (s)",
        label: key,
      });
      alarms.add(`${key}_unhealthy_hosts`, {
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
      });
      alarms.add(`${key}_no_healthy_hosts`, {
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
      });
    }

    alarms.add("alb_5xx", {
      ...count,
      name: "alb-5xx",
      description: `ALB: more than ${thresholds.http5xxCount} 5XX responses generated by the load balancer itself (no target, timeouts) in ${thresholds.countPeriodSeconds / 60} minutes.`,
      namespace: "AWS/ApplicationELB",
      metricName: "HTTPCode_ELB_5XX_Count",
      dimensions: { LoadBalancer: props.albArnSuffix },
      threshold: thresholds.http5xxCount,
      treatMissingData: "notBreaching",
      widget: "5XX responses",
      label: "load balancer",
    });

    const rdsIdentifier = props.rdsInstanceIdentifier;
    if (rdsIdentifier !== undefined) {
      const thresholds = requireThresholds(this.config.observability.thresholds, RDS_THRESHOLDS, this.node.id);
      const rds = { DBInstanceIdentifier: rdsIdentifier };
      alarms.add("rds_cpu", {
        ...UTILIZATION,
        name: "rds-cpu-high",
        description: `RDS ${rdsIdentifier}: CPU above ${thresholds.rdsCpuPercent}% for 15 minutes; check Performance Insights for the top queries.`,
        namespace: "AWS/RDS",
        metricName: "CPUUtilization",
        dimensions: rds,
        statistic: "Average",
        comparison: "GreaterThanThreshold",
        threshold: thresholds.rdsCpuPercent,
        // RDS reports every minute while the instance is up; silence means it is not.
        treatMissingData: "breaching",
        widget: "RDS CPU %",
        label: "primary",
      });
      alarms.add("rds_free_storage", {
        periodSeconds: 300,
        evaluationPeriods: 1,
        name: "rds-free-storage-low",
        description: `RDS: less than ${thresholds.rdsFreeStorageGb} GiB free; storage autoscaling may be at its ceiling.`,
        namespace: "AWS/RDS",
        metricName: "FreeStorageSpace",
        dimensions: rds,
        statistic: "Minimum",
        comparison: "LessThanThreshold",
        threshold: thresholds.rdsFreeStorageGb * GIB,
        treatMissingData: "breaching",
        widget: "RDS free storage (bytes)",
        label: "primary",
      });
      alarms.add("rds_connections", {
        periodSeconds: 300,
        evaluationPeriods: 2,
        name: "rds-connections-high",
        description: `RDS: more than ${thresholds.rdsConnections} connections for 10 minutes; look for connection leaks or scale-out without pooling.`,
        namespace: "AWS/RDS",
        metricName: "DatabaseConnections",
        dimensions: rds,
        statistic: "Maximum",
        comparison: "GreaterThanThreshold",
        threshold: thresholds.rdsConnections,
        treatMissingData: "missing",
        widget: "RDS connections",
        label: "primary",
      });
      if (props.rdsReadReplicaIdentifier !== undefined) {
        alarms.add("rds_replica_lag", {
          periodSeconds: 60,
          evaluationPeriods: 5,
          name: "rds-replica-lag-high",
          description: `RDS read replica: more than ${thresholds.rdsReplicaLagSeconds} s behind the primary for 5 minutes; reads are stale.`,
          namespace: "AWS/RDS",
          metricName: "ReplicaLag",
          dimensions: { DBInstanceIdentifier: props.rdsReadReplicaIdentifier },
          statistic: "Maximum",
          comparison: "GreaterThanThreshold",
          threshold: thresholds.rdsReplicaLagSeconds,
          // A replica that stopped replicating stops reporting lag.
          treatMissingData: "breaching",
          widget: "RDS replica lag (s)",
          label: "read replica",
        });
      }
    }

    props.redisMemberClusterIds?.forEach((clusterId, i) => {
      const thresholds = requireThresholds(this.config.observability.thresholds, REDIS_THRESHOLDS, this.node.id);
      const node = { CacheClusterId: clusterId };
      const nodeKey = `redis_${i + 1}`;
      const label = `node ${i + 1}`;
      const redis = {
        namespace: "AWS/ElastiCache",
        dimensions: node,
        comparison: "GreaterThanThreshold",
        // ElastiCache reports every minute per node; silence means the node is gone.
        treatMissingData: "breaching",
        label,
      } as const;
      alarms.add(`${nodeKey}_cpu`, {
        ...UTILIZATION,
        ...redis,
        name: `redis-${i + 1}-cpu-high`,
        description: `Redis node ${i + 1}: host CPU above ${thresholds.redisCpuPercent}% for 15 minutes.`,
        metricName: "CPUUtilization",
        statistic: "Average",
        threshold: thresholds.redisCpuPercent,
        widget: "Redis host CPU %",
      });
      alarms.add(`${nodeKey}_engine_cpu`, {
        ...UTILIZATION,
        ...redis,
        name: `redis-${i + 1}-engine-cpu-high`,
        description: `Redis node ${i + 1}: engine thread CPU above ${thresholds.redisEngineCpuPercent}% for 15 minutes; Redis is single-threaded, commands queue up.`,
        metricName: "EngineCPUUtilization",
        statistic: "Average",
        threshold: thresholds.redisEngineCpuPercent,
        widget: "Redis engine CPU %",
      });
      alarms.add(`${nodeKey}_memory`, {
        ...UTILIZATION,
        ...redis,
        name: `redis-${i + 1}-memory-high`,
        description: `Redis node ${i + 1}: more than ${thresholds.redisMemoryPercent}% of maxmemory in use for 15 minutes; evictions follow.`,
        metricName: "DatabaseMemoryUsagePercentage",
        statistic: "Average",
        threshold: thresholds.redisMemoryPercent,
        widget: "Redis memory %",
      });
      alarms.add(`${nodeKey}_evictions`, {
        ...redis,
        ...count,
        name: `redis-${i + 1}-evictions`,
        description: `Redis node ${i + 1}: more than ${thresholds.redisEvictions} keys evicted in ${thresholds.countPeriodSeconds / 60} minutes; sessions or queued work may be lost.`,
        metricName: "Evictions",
        threshold: thresholds.redisEvictions,
        widget: "Redis evictions",
      });
    });

    alarms.add("waf_blocked_requests", {
      ...count,
      name: "waf-blocked-spike",
      description: `WAF: more than ${thresholds.wafBlockedRequests} requests blocked in ${thresholds.countPeriodSeconds / 60} minutes; an attack, or a rule blocking real users (see the WAF logs).`,
      namespace: "AWS/WAFV2",
      metricName: "BlockedRequests",
      dimensions: { WebACL: props.webAclName, Region: this.config.region, Rule: "ALL" },
      threshold: thresholds.wafBlockedRequests,
      treatMissingData: "notBreaching",
      widget: "WAF blocked requests",
      label: "all rules",
    });

    if (this.config.observability.dashboard) {
      new CloudwatchDashboard(this, "dashboard", {
        dashboardName: this.namePrefix,
        dashboardBody: alarms.dashboardBody(),
      });
    }
  }

  private createAuditTrail(props: ObservabilityStackProps): void {
    const { accountId, region } = this.config;
    const trailSettings = this.config.observability.cloudTrail;
    const trailName = `${this.namePrefix}-audit`;
    // Spelled out instead of taken from the trail: the bucket policy must exist before the trail does.
    const trailArn = `arn:aws:cloudtrail:${region}:${accountId}:trail/${trailName}`;

    const bucket = new SecureBucket(this, "trail_bucket", {
      bucketName: bucketNameFor(this.config, "audit-trail"),
      kmsKeyArn: props.auditKeyArn,
      objectLock: { mode: trailSettings.objectLockMode, years: trailSettings.retentionYears },
      // Log files leave once their lock has run out; S3 cannot remove a version that is still locked.
      lifecycleRules: [
        {
          id: "expire-after-retention",
          expirationDays: Math.ceil(trailSettings.retentionYears * DAYS_PER_YEAR),
          noncurrentExpirationDays: 1,
        },
      ],
      extraPolicyStatements: (bucketArn): PolicyStatement[] => [
        {
          sid: "CloudTrailChecksBucketAcl",
          principals: { Service: "cloudtrail.amazonaws.com" },
          actions: ["s3:GetBucketAcl"],
          resources: [bucketArn],
          conditions: { StringEquals: { "aws:SourceArn": trailArn } },
        },
        {
          sid: "CloudTrailWritesThisTrailsLogs",
          principals: { Service: "cloudtrail.amazonaws.com" },
          actions: ["s3:PutObject"],
          resources: [`${bucketArn}/AWSLogs/${accountId}/*`],
          conditions: {
            StringEquals: { "aws:SourceArn": trailArn, "aws:SourceAccount": accountId, "s3:x-amz-acl": "bucket-owner-full-control" },
          },
        },
        {
          // Identity policies elsewhere in the account cannot grant writes either: only CloudTrail puts objects.
          sid: "NobodyElseWrites",
          effect: "Deny",
          principals: "*",
          actions: ["s3:PutObject"],
          resources: [`${bucketArn}/*`],
          conditions: { StringNotEquals: { "aws:PrincipalServiceName": "cloudtrail.amazonaws.com" } },
        },
      ],
    });

    const logGroup = new EncryptedLogGroup(this, "trail_log_group", {
      name: `/aws/cloudtrail/${this.namePrefix}`,
      kmsKeyArn: props.logsKeyArn,
      retentionDays: trailSettings.logRetentionDays,
    });
    const logsRole = new ServiceRole(this, "trail_logs_role", {
      name: `${this.namePrefix}-cloudtrail-logs`,
      assumedBy: "cloudtrail.amazonaws.com",
      sourceAccount: accountId,
      statements: [
        {
          sid: "DeliverTrailEventsToItsGroup",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
          resources: [`${logGroup.arn}:log-stream:*`],
        },
      ],
    });

    new Cloudtrail(this, "trail", {
      name: trailName,
      s3BucketName: bucket.bucketName,
      isMultiRegionTrail: trailSettings.multiRegion,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      kmsKeyId: props.auditKeyArn,
      cloudWatchLogsGroupArn: `${logGroup.arn}:*`,
      cloudWatchLogsRoleArn: logsRole.arn,
      tags: this.nameTags("audit-trail"),
      // CloudTrail checks at creation that the bucket policy lets it write.
      dependsOn: [bucket.policy],
    });
  }
}

/** The thresholds with a component's fields set; config validation requires them while the component exists. */
function requireThresholds<K extends keyof AlarmThresholds>(
  thresholds: AlarmThresholds,
  fields: readonly K[],
  stackId: string,
): AlarmThresholds & Required<Pick<AlarmThresholds, K>> {
  const missing = fields.filter((field) => thresholds[field] === undefined);
  if (missing.length > 0) throw new Error(`${stackId}: observability.thresholds needs ${missing.join(", ")} for the alarms of this component`);
  return thresholds as AlarmThresholds & Required<Pick<AlarmThresholds, K>>;
}
