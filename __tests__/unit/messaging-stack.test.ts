import { describe, expect, it } from "vitest";
import { synthMessagingVariant } from "../support/messaging";
import { type SynthesizedEnvironment, resourcesOf, synthEnvironment } from "../support/synth";

/** A reference to the messaging CMK of secrets-kms, through its remote state. */
const MESSAGING_KEY =
  /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_secrets_kms\.outputs\.cross_stack_output_aws_kms_key_messaging_key_arn\}$/;

/**
 * The ARN of the alarm topic the observability stack creates. Messaging is deployed before ecs, which observability
 * reads, so the dead-letter alarm names the topic by its ARN instead of reading it (stacks/index.ts, alarmTopicArnFor).
 */
function observabilityAlarmTopicArn(synth: SynthesizedEnvironment): string {
  const topic = resourcesOf(synth.stack("observability"), "aws_sns_topic").alarm_topic;
  return `arn:aws:sns:${synth.config.region}:${synth.config.accountId}:${topic.name}`;
}

function statementsOf(policy: string): any[] {
  return JSON.parse(policy).Statement;
}

describe.each(["dev", "staging", "prod"])("%s messaging stack", (env) => {
  const synth = synthEnvironment(env);
  const stack = synth.stack("messaging");
  const settings = synth.config.messaging!;
  const queues = resourcesOf(stack, "aws_sqs_queue");

  it("builds a FIFO escalation queue whose redrive policy points at a FIFO DLQ after maxReceiveCount receives", () => {
    const queue = queues.escalation_queue;
    expect(queue).toEqual(
      expect.objectContaining({
        name: `voice-ai-${env}-escalation.fifo`,
        fifo_queue: true,
        content_based_deduplication: settings.escalationQueue.contentBasedDeduplication,
        message_retention_seconds: settings.escalationQueue.messageRetentionSeconds,
        visibility_timeout_seconds: settings.escalationQueue.visibilityTimeoutSeconds,
      }),
    );
    expect(JSON.parse(queue.redrive_policy)).toEqual({
      deadLetterTargetArn: "${aws_sqs_queue.escalation_dlq.arn}",
      maxReceiveCount: settings.escalationQueue.maxReceiveCount,
    });
    expect(queues.escalation_dlq).toEqual(
      expect.objectContaining({
        name: `voice-ai-${env}-escalation-dlq.fifo`,
        fifo_queue: true,
        message_retention_seconds: settings.deadLetterQueue.messageRetentionSeconds,
      }),
    );
  });

  it("lets the DLQ accept redrives from the escalation queue only", () => {
    const allow = resourcesOf(stack, "aws_sqs_queue_redrive_allow_policy").escalation_dlq_redrive_allow;
    expect(allow.queue_url).toBe("${aws_sqs_queue.escalation_dlq.url}");
    expect(JSON.parse(allow.redrive_allow_policy)).toEqual({
      redrivePermission: "byQueue",
      sourceQueueArns: ["${aws_sqs_queue.escalation_queue.arn}"],
    });
  });

  it("encrypts both queues and the confirmations topic with the messaging CMK and refuses plaintext transport", () => {
    for (const queue of Object.values(queues)) expect(queue.kms_master_key_id).toMatch(MESSAGING_KEY);
    const topic = resourcesOf(stack, "aws_sns_topic").confirmations_topic;
    expect(topic.kms_master_key_id).toMatch(MESSAGING_KEY);
    const policies = [
      ...Object.values(resourcesOf(stack, "aws_sqs_queue_policy")),
      resourcesOf(stack, "aws_sns_topic_policy").confirmations_topic_policy,
    ];
    expect(policies).toHaveLength(3);
    for (const policy of policies) {
      expect(statementsOf(policy.policy)).toContainEqual(
        expect.objectContaining({ Effect: "Deny", Principal: "*", Condition: { Bool: { "aws:SecureTransport": false } } }),
      );
    }
  });

  it("pages through the observability topic when an escalation lands in the DLQ", () => {
    const alarm = resourcesOf(stack, "aws_cloudwatch_metric_alarm").escalation_dlq_alarm;
    expect(alarm).toEqual(
      expect.objectContaining({
        namespace: "AWS/SQS",
        metric_name: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: "${aws_sqs_queue.escalation_dlq.name}" },
        comparison_operator: "GreaterThanThreshold",
        threshold: 0,
      }),
    );
    expect(alarm.alarm_actions).toEqual([observabilityAlarmTopicArn(synth)]);
  });

  it("holds no Route53 health check, failover record, Client VPN, security group or IAM resource (dns, access, vpc and ecs own them)", () => {
    const types = Object.keys(stack.json.resource ?? {});
    for (const type of [
      "aws_route53_health_check",
      "aws_ec2_client_vpn_endpoint",
      "aws_security_group",
      "aws_vpc_security_group_ingress_rule",
      "aws_vpc_security_group_egress_rule",
      "aws_iam_policy",
      "aws_iam_role_policy",
      "aws_iam_role_policy_attachment",
    ]) {
      expect(types).not.toContain(type);
    }
    const failover = Object.values(resourcesOf(stack, "aws_route53_record")).filter((r) => r.failover_routing_policy);
    expect(failover).toEqual([]);
  });

  it("hands the ecs stack what the app may use: the queue, the topic, their key, SMS by config, SES when on", () => {
    const access = synth.stacks.messaging!.appAccess;
    expect(access.smsToPhoneNumbers).toBe(settings.confirmations.sms);
    expect(access.email === undefined).toBe(!settings.ses.enabled);
    // Where the ARNs lead once resolved is asserted in the ecs stack's tests (messaging grants in the task roles).
  });
});

describe.each(["staging", "prod"])("%s SES identity", (env) => {
  const synth = synthEnvironment(env);
  const stack = synth.stack("messaging");
  const domain = synth.config.edge!.domain!;

  it("verifies the domain with 2048-bit Easy DKIM through a TLS-only configuration set", () => {
    expect(resourcesOf(stack, "aws_sesv2_email_identity").ses_identity).toEqual(
      expect.objectContaining({
        email_identity: domain.name,
        dkim_signing_attributes: { next_signing_key_length: "RSA_2048_BIT" },
        configuration_set_name: "${aws_sesv2_configuration_set.ses_configuration_set.configuration_set_name}",
      }),
    );
    expect(resourcesOf(stack, "aws_sesv2_configuration_set").ses_configuration_set.delivery_options).toEqual({ tls_policy: "REQUIRE" });
  });

  it("publishes the three DKIM CNAMEs in the domain's zone, one per token", () => {
    const cnames = Object.values(resourcesOf(stack, "aws_route53_record")).filter((r) => r.type === "CNAME");
    expect(cnames).toHaveLength(3);
    cnames.forEach((record, i) => {
      const token = `\${element(aws_sesv2_email_identity.ses_identity.dkim_signing_attributes[0].tokens, ${i})}`;
      expect(record).toEqual(
        expect.objectContaining({
          zone_id: domain.hostedZoneId,
          name: `${token}._domainkey.${domain.name}`,
          records: [`${token}.dkim.amazonses.com`],
        }),
      );
    });
  });

  it("sets a MAIL FROM subdomain with its MX and SPF records", () => {
    const mailFrom = `${synth.config.messaging!.ses.mailFromSubdomain}.${domain.name}`;
    const records = Object.values(resourcesOf(stack, "aws_route53_record")).filter((r) => r.name === mailFrom);
    expect(records.map((r) => [r.type, r.records])).toEqual([
      ["MX", [`10 feedback-smtp.${synth.config.region}.amazonses.com`]],
      ["TXT", ["v=spf1 include:amazonses.com ~all"]],
    ]);
  });
});

describe("messaging stack variants", () => {
  it("dev (SES off) has no SES identity and no DNS records", () => {
    const stack = synthEnvironment("dev").stack("messaging");
    expect(resourcesOf(stack, "aws_sesv2_email_identity")).toEqual({});
    expect(resourcesOf(stack, "aws_route53_record")).toEqual({});
  });

  // Synthesized while collecting, like the other variants: a whole environment takes seconds under load.
  const withoutMessaging = synthMessagingVariant("dev without messaging");
  it("is not synthesized when the messaging section is absent", () => {
    const synth = withoutMessaging;
    expect(synth.stackIds).not.toContain("dev-messaging");
    expect(synth.stacks.messaging).toBeUndefined();
    expect(() => synth.stack("messaging")).toThrow(/no stack dev-messaging/);
  });

  const inEuWest1 = synthMessagingVariant("staging in eu-west-1");
  it("outside us-east-1 keeps the dead-letter alarm in the primary region, paging through the observability topic", () => {
    const alarm = resourcesOf(inEuWest1.stack("messaging"), "aws_cloudwatch_metric_alarm").escalation_dlq_alarm;
    expect(alarm.provider).toBeUndefined();
    expect(alarm.alarm_actions).toEqual([observabilityAlarmTopicArn(inEuWest1)]);
    expect(alarm.alarm_actions[0]).toContain(":eu-west-1:");
  });
});
