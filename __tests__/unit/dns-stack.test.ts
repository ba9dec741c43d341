import { describe, expect, it } from "vitest";
import { STANDBY, synthMessagingVariant } from "../support/messaging";
import { resourcesOf, synthEnvironment } from "../support/synth";

const ALB_DNS_NAME = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_edge\.outputs\.cross_stack_output_aws_lb_alb_dns_name\}$/;
const ALB_ZONE_ID = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_edge\.outputs\.cross_stack_output_aws_lb_alb_zone_id\}$/;
const ALARM_TOPIC =
  /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_observability\.outputs\.cross_stack_output_aws_sns_topic_alarm_topic_arn\}$/;

describe.each(["dev", "staging", "prod"])("%s dns stack", (env) => {
  const synth = synthEnvironment(env);
  const stack = synth.stack("dns");
  const settings = synth.config.messaging!;

  it("probes the ALB itself on /health and alarms in us-east-1 when Route53 sees it unhealthy", () => {
    const check = resourcesOf(stack, "aws_route53_health_check").health_check;
    expect(check).toEqual(
      expect.objectContaining({
        resource_path: "/health",
        failure_threshold: settings.healthCheck.failureThreshold,
        request_interval: settings.healthCheck.requestIntervalSeconds,
        type: synth.config.edge!.https ? "HTTPS" : "HTTP",
        port: synth.config.edge!.https ? 443 : 80,
      }),
    );
    expect(check.fqdn).toMatch(ALB_DNS_NAME);
    const alarm = resourcesOf(stack, "aws_cloudwatch_metric_alarm").health_check_alarm;
    expect(alarm).toEqual(
      expect.objectContaining({
        namespace: "AWS/Route53",
        metric_name: "HealthCheckStatus",
        dimensions: { HealthCheckId: "${aws_route53_health_check.health_check.id}" },
        statistic: "Minimum",
        comparison_operator: "LessThanThreshold",
        threshold: 1,
        treat_missing_data: "breaching",
      }),
    );
    expect(alarm.alarm_actions).toEqual([expect.stringMatching(ALARM_TOPIC)]);
  });

  it("creates no failover records without a configured standby", () => {
    expect(resourcesOf(stack, "aws_route53_record")).toEqual({});
  });

  it("holds the health check and its alarm only, nothing of messaging", () => {
    expect(Object.keys(stack.json.resource ?? {}).sort()).toEqual(["aws_cloudwatch_metric_alarm", "aws_route53_health_check"]);
  });
});

describe("dns stack variants", () => {
  const withoutMessaging = synthMessagingVariant("dev without messaging");
  it("is not synthesized when the messaging section (and so the health check) is absent", () => {
    expect(withoutMessaging.stackIds).not.toContain("dev-dns");
    expect(withoutMessaging.stacks.dns).toBeUndefined();
  });

  const withFailover = synthMessagingVariant("prod with failover");
  it("routes the domain to the ALB while healthy and to the configured standby otherwise", () => {
    const synth = withFailover;
    const domain = synth.config.edge!.domain!;
    const records = resourcesOf(synth.stack("dns"), "aws_route53_record");
    expect(records.failover_primary_record).toEqual(
      expect.objectContaining({
        zone_id: domain.hostedZoneId,
        name: domain.name,
        type: "A",
        set_identifier: "primary",
        failover_routing_policy: { type: "PRIMARY" },
        health_check_id: "${aws_route53_health_check.health_check.id}",
        alias: expect.objectContaining({ evaluate_target_health: true }),
      }),
    );
    expect(records.failover_primary_record.alias.name).toMatch(ALB_DNS_NAME);
    expect(records.failover_primary_record.alias.zone_id).toMatch(ALB_ZONE_ID);
    expect(records.failover_secondary_record).toEqual(
      expect.objectContaining({
        zone_id: domain.hostedZoneId,
        name: domain.name,
        type: "A",
        set_identifier: "secondary",
        failover_routing_policy: { type: "SECONDARY" },
        alias: { name: STANDBY.dnsName, zone_id: STANDBY.hostedZoneId, evaluate_target_health: false },
      }),
    );
    expect(records.failover_secondary_record.health_check_id).toBeUndefined();
    // The messaging stack keeps its SES records and gets no failover record.
    const messagingRecords = Object.values(resourcesOf(synth.stack("messaging"), "aws_route53_record"));
    expect(messagingRecords.filter((r) => r.failover_routing_policy)).toEqual([]);
  });

  const inEuWest1 = synthMessagingVariant("staging in eu-west-1");
  it("outside us-east-1 alarms on the health check in us-east-1 through an encrypted topic of its own there", () => {
    const synth = inEuWest1;
    const stack = synth.stack("dns");
    const alarms = resourcesOf(stack, "aws_cloudwatch_metric_alarm");
    expect(alarms.health_check_alarm.provider).toBe("aws.us_east_1");
    expect(alarms.health_check_alarm.alarm_actions).toEqual(["${aws_sns_topic.health_alarm_topic.arn}"]);
    const topic = resourcesOf(stack, "aws_sns_topic").health_alarm_topic;
    expect(topic).toEqual(expect.objectContaining({ provider: "aws.us_east_1", kms_master_key_id: "${aws_kms_key.health_alarm_key.arn}" }));
    expect(resourcesOf(stack, "aws_kms_key").health_alarm_key.provider).toBe("aws.us_east_1");
    const subscriptions = Object.values(resourcesOf(stack, "aws_sns_topic_subscription"));
    expect(subscriptions.map((s) => s.endpoint)).toEqual([...synth.config.observability!.alarmEmails]);
  });
});
