import { Route53HealthCheck } from "@cdktf/provider-aws/lib/route53-health-check";
import { Route53Record, type Route53RecordAlias } from "@cdktf/provider-aws/lib/route53-record";
import type { Construct } from "constructs";
import { EncryptedTopic } from "../constructs/encrypted-topic";
import { EncryptionKey } from "../constructs/encryption-key";
import { MetricAlarm } from "../constructs/metric-alarm";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface DnsStackProps extends Omit<PlatformStackProps, "component"> {
  /** Alarm topic (observability) in the primary region; the health-check alarm pages through it in us-east-1. */
  readonly alarmTopicArn: string;
  /**
   * Public name of the API and its Route53 hosted zone (edge.domain).
   * @default - no domain: no failover records; the health check probes the ALB's own name either way
   */
  readonly domain?: { readonly name: string; readonly hostedZoneId: string };
  /** DNS name of the ALB (edge): what the health check probes and the PRIMARY failover record aliases. */
  readonly albDnsName: string;
  /** Canonical hosted zone id of the ALB (edge), for the alias record. */
  readonly albZoneId: string;
  /** Whether the ALB serves HTTPS (edge.https); the health check then probes port 443. */
  readonly albHttps: boolean;
}

/** Route53 publishes health-check metrics only in us-east-1, so the alarm and its topic live there. */
const HEALTH_CHECK_METRIC_REGION = "us-east-1";

/**
 * Reachability of the API from the internet (seed 000: "Health checks + failover"): the Route53 health check of
 * the ALB with its alarm, and the PRIMARY/SECONDARY failover records of the domain when a standby is configured
 * (`messaging.healthCheck`, `messaging.failover`). With failover the edge stack leaves the domain's alias record
 * to this stack (`aliasDomainToAlb`).
 */
export class DnsStack extends PlatformStack {
  /** Route53 health check of the ALB. */
  readonly healthCheckId: string;

  constructor(scope: Construct, props: DnsStackProps) {
    super(scope, { ...props, component: "dns" });
    const settings = this.config.messaging;
    if (!settings)
      throw new Error(`${this.node.id}: config.messaging is absent, so no health check is configured; build no dns stack for this environment`);
    if (settings.failover && !props.domain)
      throw new Error(`${this.node.id}: messaging.failover needs the domain (config validation should have said so)`);
    const check = settings.healthCheck;

    // Route53 probes the ALB itself (not the domain, which may already point at the standby) on the health path.
    const healthCheck = new Route53HealthCheck(this, "health_check", {
      type: props.albHttps ? "HTTPS" : "HTTP",
      fqdn: props.albDnsName,
      port: props.albHttps ? 443 : 80,
      resourcePath: check.path,
      enableSni: props.albHttps,
      failureThreshold: check.failureThreshold,
      requestInterval: check.requestIntervalSeconds,
      tags: this.nameTags("alb-health"),
    });
    this.healthCheckId = healthCheck.id;

    const inMetricRegion = this.config.region === HEALTH_CHECK_METRIC_REGION;
    new MetricAlarm(this, "health_check_alarm", {
      provider: this.usEast1Provider,
      alarmName: `${this.namePrefix}-alb-health-check`,
      description: `Route53 checkers cannot get a healthy answer from ${check.path} on the ALB${settings.failover ? "; DNS now answers with the standby" : ""}.`,
      namespace: "AWS/Route53",
      metricName: "HealthCheckStatus",
      dimensions: { HealthCheckId: healthCheck.id },
      statistic: "Minimum",
      comparison: "LessThanThreshold",
      threshold: 1,
      periodSeconds: 60,
      // Route53 reports every minute; silence means the check is gone or broken.
      treatMissingData: "breaching",
      actionArns: [inMetricRegion ? props.alarmTopicArn : this.healthAlarmTopicInMetricRegion()],
    });

    const domain = props.domain;
    if (settings.failover && domain) {
      // The domain's A alias in one failover role; only the primary answers to the health check.
      const failoverRecord = (role: "primary" | "secondary", alias: Route53RecordAlias, healthCheckId?: string) =>
        new Route53Record(this, `failover_${role}_record`, {
          zoneId: domain.hostedZoneId,
          name: domain.name,
          type: "A",
          setIdentifier: role,
          failoverRoutingPolicy: { type: role.toUpperCase() },
          healthCheckId,
          alias,
        });
      failoverRecord("primary", { name: props.albDnsName, zoneId: props.albZoneId, evaluateTargetHealth: true }, healthCheck.id);
      const standby = settings.failover.secondary;
      failoverRecord("secondary", { name: standby.dnsName, zoneId: standby.hostedZoneId, evaluateTargetHealth: standby.evaluateTargetHealth });
    }
  }

  /**
   * An alarm can only notify a topic in its own region; outside us-east-1 the health-check alarm gets its own
   * topic there, with its own key (KMS keys are regional), sending to the same people as the alarm topic.
   */
  private healthAlarmTopicInMetricRegion(): string {
    const { accountId, kms } = this.config;
    const key = new EncryptionKey(this, "health_alarm_key", {
      provider: this.usEast1Provider,
      alias: `${this.namePrefix}-health-alarms`,
      description: `${this.namePrefix} Route53 health-check alarm notifications in ${HEALTH_CHECK_METRIC_REGION}`,
      accountId,
      deletionWindowDays: kms.deletionWindowDays,
      rotationPeriodDays: kms.rotationPeriodDays,
      serviceGrants: [
        {
          sid: "CloudWatchPublishesToEncryptedTopics",
          service: "cloudwatch.amazonaws.com",
          actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
          conditions: { StringEquals: { "aws:SourceAccount": accountId } },
        },
      ],
    });
    return new EncryptedTopic(this, "health_alarm_topic", {
      provider: this.usEast1Provider,
      name: `${this.namePrefix}-health-alarms`,
      kmsKeyArn: key.arn,
      accountId,
      publishers: [
        {
          service: "cloudwatch.amazonaws.com",
          sourceArnLike: `arn:aws:cloudwatch:${HEALTH_CHECK_METRIC_REGION}:${accountId}:alarm:${this.namePrefix}-*`,
        },
      ],
      emailSubscriptions: this.section("observability").alarmEmails,
    }).arn;
  }
}
