import { BudgetsBudget } from "@cdktf/provider-aws/lib/budgets-budget";
import { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { XraySamplingRule } from "@cdktf/provider-aws/lib/xray-sampling-rule";
import type { Construct } from "constructs";
import { COMPONENT_THRESHOLDS, requireThresholds } from "../config/sections/observability";
import { bucketNameFor } from "../config/sections/storage";
import { EncryptedLogGroup } from "../constructs/encrypted-log-group";
import { accountManagesTopicStatement, servicePublishesStatement } from "../constructs/encrypted-topic";
import { type PolicyStatement, policyDocument } from "../constructs/iam-policy";
import { type CacheAlarmsProps, cacheAlarms } from "../constructs/cache-alarms";
import { type ContainerFunctionAlarmsProps, containerFunctionAlarms } from "../constructs/container-function-alarms";
import { type DatabaseAlarmsProps, databaseAlarms } from "../constructs/database-alarms";
import { type FargateServiceAlarmsProps, fargateServiceAlarms } from "../constructs/fargate-service-alarms";
import { loadBalancerAlarms } from "../constructs/load-balancer-alarms";
import { mailReputationAlarms } from "../constructs/mail-reputation-alarms";
import { AlarmSet } from "../constructs/metric-alarm";
import { webApplicationFirewallAlarms } from "../constructs/web-application-firewall-alarms";
import { SecureBucket } from "../constructs/secure-bucket";
import { type TableAlarmsProps, tableAlarms } from "../constructs/table-alarms";
import { ServiceRole } from "../constructs/service-role";
import { costAlertsTopicStatement } from "../constructs/cost-anomaly-detection";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";
import {
  type ServerlessObservedResources,
  costAnomalyDetection,
  serverlessAlarms,
  serverlessViews,
  validateServerlessResources,
} from "./serverless-observability";

/**
 * One ECS service behind the ALB, as its alarms need it: name, cluster, ECS service name and target group
 * (the ALB is shared, `albArnSuffix`).
 */
export type ObservedService = Omit<FargateServiceAlarmsProps, "loadBalancerArnSuffix" | "thresholds">;
/** The shared ALB and the web ACL in front of it, as their alarms need them. */
export interface ObservedLoadBalancer {
  /** ARN suffix of the ALB (`app/<name>/<id>`), the `LoadBalancer` dimension. */
  readonly arnSuffix: string;
  /** Name of the regional WAF web ACL in front of the ALB. */
  readonly webAclName: string;
}
/** The RDS primary and its optional same-region read replica, as their alarms need them. */
export type ObservedDatabase = Omit<DatabaseAlarmsProps, "thresholds">;
/** The ElastiCache nodes, as their alarms need them. */
export type ObservedCache = Omit<CacheAlarmsProps, "thresholds">;
/** One Lambda function of the functions stack (config name and physical name), as its alarms need it. */
export type ObservedFunction = Omit<ContainerFunctionAlarmsProps, "thresholds">;
/** One DynamoDB table of the data-dynamodb stack (config name and physical name), as its alarms need it. */
export type ObservedTable = Omit<TableAlarmsProps, "thresholds">;

/** Besides the props below, the serverless resources (api, zipFunctions, workflow): see stacks/serverless-observability.ts. */
export interface ObservabilityStackProps extends Omit<PlatformStackProps, "component">, ServerlessObservedResources {
  /** CMK (secrets-kms `messaging`) of the alarm topic; its key policy lets CloudWatch and Budgets use it. */
  readonly messagingKeyArn: string;
  /** CMK (secrets-kms `audit`) that encrypts the CloudTrail log files and the trail bucket. */
  readonly auditKeyArn: string;
  /** CMK (secrets-kms `logs`) of the trail's CloudWatch log group. */
  readonly logsKeyArn: string;
  /**
   * The ALB and its WAF web ACL (edge stack): 5XX and blocked-request alarms.
   * @default - no load balancer (serverless), so no ALB or WAF alarms; then there may be no services
   */
  readonly loadBalancer?: ObservedLoadBalancer;
  /**
   * Every ECS service behind that ALB; each gets CPU, memory, 5XX, latency and host-health alarms.
   * @default - no services
   */
  readonly services?: readonly ObservedService[];
  /**
   * The primary RDS instance and its read replica; the replica gets a lag alarm.
   * @default - no database, so no RDS alarms
   */
  readonly database?: ObservedDatabase;
  /**
   * The ElastiCache member clusters (one per node); each node gets its own alarms.
   * @default - no cache, so no Redis alarms
   */
  readonly cache?: ObservedCache;
  /**
   * The Lambda functions without an alias (container images); each gets an errors and a throttles alarm.
   * @default - no functions, so no Lambda alarms
   */
  readonly functions?: readonly ObservedFunction[];
  /**
   * The DynamoDB tables; each gets a read and a write throttle alarm.
   * @default - no tables, so no DynamoDB alarms
   */
  readonly tables?: readonly ObservedTable[];
}

const DAYS_PER_YEAR = 365.25;

/**
 * What tells the team something is wrong, and what proves what happened: the alarm topic, one alarm per service,
 * function and data-store signal, the dashboards and saved queries, the audit trail with its locked bucket, the
 * monthly budget, cost anomaly detection and X-Ray sampling.
 */
export class ObservabilityStack extends PlatformStack {
  /** SNS topic every alarm and budget notification goes to. */
  readonly alarmTopicArn: string;

  constructor(scope: Construct, props: ObservabilityStackProps) {
    super(scope, { ...props, component: "observability" });
    const { config } = this;
    const settings = this.section("observability");
    const { accountId, region } = config;
    const services = props.services ?? [];
    if (services.length > 0 && props.loadBalancer === undefined) {
      throw new Error(`${this.node.id}: services are observed behind a load balancer, so loadBalancer is required`);
    }
    // The wiring looks these up by service name in the ecs and edge stacks' outputs; a miss would be an undefined dimension.
    for (const service of services) {
      const missing = (["clusterName", "serviceName", "targetGroupArnSuffix"] as const).filter((field) => !service[field]);
      if (missing.length > 0) {
        throw new Error(
          `${this.node.id}: service ${service.name} has no ${missing.join(", ")}; the ecs and edge stacks must expose every configured service`,
        );
      }
    }
    validateServerlessResources(this, props);

    const topic = new SnsTopic(this, "alarm_topic", {
      name: `${this.namePrefix}-alarms`,
      kmsMasterKeyId: props.messagingKeyArn,
      tags: this.nameTags("alarms"),
    });
    this.alarmTopicArn = topic.arn;
    const topicPolicy = new SnsTopicPolicy(this, "alarm_topic_policy", {
      arn: topic.arn,
      policy: policyDocument([
        accountManagesTopicStatement(topic.arn, accountId),
        servicePublishesStatement("CloudWatchAlarmsOfThisAccountPublish", topic.arn, accountId, {
          service: "cloudwatch.amazonaws.com",
          sourceArnLike: `arn:aws:cloudwatch:${region}:${accountId}:alarm:${this.namePrefix}-*`,
        }),
        servicePublishesStatement("BudgetsOfThisAccountPublish", topic.arn, accountId, {
          service: "budgets.amazonaws.com",
          sourceArnLike: `arn:aws:budgets::${accountId}:*`,
        }),
        // Only with an anomaly monitor, so that the policy of an environment without one stays as it was.
        ...(settings.costAnomaly ? [costAlertsTopicStatement(topic.arn, accountId)] : []),
      ]),
    });
    settings.alarmEmails.forEach((email, i) => {
      new SnsTopicSubscription(this, `alarm_email_${i + 1}`, { topicArn: topic.arn, protocol: "email", endpoint: email });
    });
    settings.alarmSmsNumbers.forEach((number, i) => {
      new SnsTopicSubscription(this, `alarm_sms_${i + 1}`, { topicArn: topic.arn, protocol: "sms", endpoint: number });
    });

    this.createAlarms(props, topic.arn);
    serverlessViews(this, props);
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
        ...(settings.budget.actualWarningPercent === undefined
          ? []
          : [{ notificationType: "ACTUAL", threshold: settings.budget.actualWarningPercent }]),
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
    costAnomalyDetection(this, topic.arn, topicPolicy);

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

  /**
   * Every alarm of the environment in one `AlarmSet` (one topic, one dashboard). Each resource family's alarms
   * are written beside its construct (constructs/*-alarms.ts) and take narrow props: the watched resource's
   * dimensions and its thresholds. They are added here, not in the stacks that own the resources, because the
   * topic lives in this stack, which already reads the ecs, edge, rds and redis outputs; alarms in those stacks
   * would need the topic before them (a reversed dependency) and would move every alarm to another state.
   */
  private createAlarms(props: ObservabilityStackProps, topicArn: string): void {
    const { region } = this.config;
    const { thresholds, dashboard } = this.section("observability");
    const { countPeriodSeconds, http5xxCount } = thresholds;
    const alarms = new AlarmSet(this, "alarms", { namePrefix: this.namePrefix, actionArns: [topicArn], region });

    const loadBalancer = props.loadBalancer;
    for (const service of props.services ?? []) {
      const ecs = requireThresholds(thresholds, COMPONENT_THRESHOLDS.services, this.node.id);
      alarms.addAll(
        fargateServiceAlarms({
          ...service,
          loadBalancerArnSuffix: loadBalancer!.arnSuffix,
          thresholds: {
            cpuPercent: ecs.ecsCpuPercent,
            memoryPercent: ecs.ecsMemoryPercent,
            http5xxCount,
            countPeriodSeconds,
            responseTimeSeconds: ecs.targetResponseTimeSeconds,
          },
        }),
      );
    }
    if (loadBalancer) alarms.addAll(loadBalancerAlarms({ arnSuffix: loadBalancer.arnSuffix, thresholds: { http5xxCount, countPeriodSeconds } }));

    if (props.database !== undefined) {
      const rds = requireThresholds(thresholds, COMPONENT_THRESHOLDS.database, this.node.id);
      alarms.addAll(
        databaseAlarms({
          ...props.database,
          thresholds: {
            cpuPercent: rds.rdsCpuPercent,
            freeStorageGb: rds.rdsFreeStorageGb,
            connections: rds.rdsConnections,
            replicaLagSeconds: rds.rdsReplicaLagSeconds,
          },
        }),
      );
    }
    if (props.cache !== undefined) {
      const redis = requireThresholds(thresholds, COMPONENT_THRESHOLDS.cache, this.node.id);
      alarms.addAll(
        cacheAlarms({
          ...props.cache,
          thresholds: {
            cpuPercent: redis.redisCpuPercent,
            engineCpuPercent: redis.redisEngineCpuPercent,
            memoryPercent: redis.redisMemoryPercent,
            evictions: redis.redisEvictions,
            countPeriodSeconds,
          },
        }),
      );
    }
    if (props.functions !== undefined && props.functions.length > 0) {
      const lambda = requireThresholds(thresholds, COMPONENT_THRESHOLDS.functions, this.node.id);
      for (const fn of props.functions) {
        alarms.addAll(
          containerFunctionAlarms({ ...fn, thresholds: { errors: lambda.lambdaErrors, throttles: lambda.lambdaThrottles, countPeriodSeconds } }),
        );
      }
    }
    if (props.tables !== undefined && props.tables.length > 0) {
      const dynamodb = requireThresholds(thresholds, COMPONENT_THRESHOLDS.dynamodb, this.node.id);
      for (const table of props.tables) {
        alarms.addAll(tableAlarms({ ...table, thresholds: { throttleEvents: dynamodb.dynamodbThrottleEvents, countPeriodSeconds } }));
      }
    }
    if (loadBalancer) {
      alarms.addAll(
        webApplicationFirewallAlarms({
          webAclName: loadBalancer.webAclName,
          region,
          thresholds: {
            blockedRequests: requireThresholds(thresholds, COMPONENT_THRESHOLDS.edge, this.node.id).wafBlockedRequests,
            countPeriodSeconds,
          },
        }),
      );
    }
    alarms.addAll(serverlessAlarms(this, props));
    // The account's mail reputation, where this environment sends through SES.
    if (this.config.identity?.email || this.config.messaging?.ses.enabled) alarms.addAll(mailReputationAlarms());

    if (dashboard) {
      new CloudwatchDashboard(this, "dashboard", { dashboardName: this.namePrefix, dashboardBody: alarms.dashboardBody() });
    }
  }

  private createAuditTrail(props: ObservabilityStackProps): void {
    const { accountId, region } = this.config;
    const trailSettings = this.section("observability").cloudTrail;
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
