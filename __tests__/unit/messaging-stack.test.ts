import { describe, expect, it } from "vitest";
import { PROD_CLIENT_VPN, STANDBY } from "../support/messaging";
import { editedConfig, resourcesOf, synthConfig, synthEnvironment } from "../support/synth";

/** A reference to the messaging CMK of secrets-kms, through its remote state. */
const MESSAGING_KEY = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_secrets_kms\.outputs\.cross_stack_output_aws_kms_key_messaging_key_arn\}$/;
const LOGS_KEY = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_secrets_kms\.outputs\.cross_stack_output_aws_kms_key_logs_key_arn\}$/;
const ALB_DNS_NAME = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_edge\.outputs\.cross_stack_output_aws_lb_alb_dns_name\}$/;
const ALB_ZONE_ID = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_edge\.outputs\.cross_stack_output_aws_lb_alb_zone_id\}$/;
const ALARM_TOPIC = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_observability\.outputs\.cross_stack_output_aws_sns_topic_alarm_topic_arn\}$/;

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
    expect(alarm.alarm_actions).toEqual([expect.stringMatching(ALARM_TOPIC)]);
  });

  it("probes the ALB itself on /health and alarms in us-east-1 when Route53 sees it unhealthy", () => {
    const check = resourcesOf(stack, "aws_route53_health_check").health_check;
    expect(check).toEqual(
      expect.objectContaining({
        resource_path: "/health",
        failure_threshold: settings.healthCheck.failureThreshold,
        request_interval: settings.healthCheck.requestIntervalSeconds,
        type: synth.config.edge.https ? "HTTPS" : "HTTP",
        port: synth.config.edge.https ? 443 : 80,
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

  it("creates no failover records without a configured standby, and no Client VPN by default", () => {
    const failover = Object.values(resourcesOf(stack, "aws_route53_record")).filter((r) => r.failover_routing_policy);
    expect(failover).toEqual([]);
    expect(resourcesOf(stack, "aws_ec2_client_vpn_endpoint")).toEqual({});
    expect(resourcesOf(stack, "aws_security_group")).toEqual({});
  });

  it("gives only the configured services' task roles the messaging policy", () => {
    const attachments = Object.values(resourcesOf(stack, "aws_iam_role_policy_attachment"));
    expect(attachments).toHaveLength(settings.appServices.length);
    expect(attachments[0].role).toMatch(/cross_stack_output_aws_iam_role_voice_api_task_role_arn/);
    const statements = statementsOf(resourcesOf(stack, "aws_iam_policy").app_policy.policy);
    expect(statements).toContainEqual(
      expect.objectContaining({ Sid: "UseEscalationQueue", Resource: "${aws_sqs_queue.escalation_queue.arn}" }),
    );
    const sms = statements.find((s) => s.Sid === "SendSmsToPhoneNumbers");
    if (settings.confirmations.sms) {
      expect(sms).toEqual(expect.objectContaining({ Action: "sns:Publish", NotResource: "arn:aws:sns:*:*:*" }));
      expect(sms.Resource).toBeUndefined();
    } else {
      expect(sms).toBeUndefined();
    }
  });
});

describe.each(["staging", "prod"])("%s SES identity", (env) => {
  const synth = synthEnvironment(env);
  const stack = synth.stack("messaging");
  const domain = synth.config.edge.domain!;

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

  it("lets the app send only as the domain through the configuration set", () => {
    const statements = statementsOf(resourcesOf(stack, "aws_iam_policy").app_policy.policy);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Sid: "SendEmailAsTheDomain",
        Resource: ["${aws_sesv2_email_identity.ses_identity.arn}", "${aws_sesv2_configuration_set.ses_configuration_set.arn}"],
      }),
    );
  });
});

describe("messaging stack variants", () => {
  it("dev (SES off) has no SES identity and no DNS records", () => {
    const stack = synthEnvironment("dev").stack("messaging");
    expect(resourcesOf(stack, "aws_sesv2_email_identity")).toEqual({});
    expect(resourcesOf(stack, "aws_route53_record")).toEqual({});
  });

  // Synthesized while collecting, like the other variants: a whole environment takes seconds under load.
  const withoutMessaging = synthConfig(editedConfig("dev", (raw) => delete raw.messaging));
  it("is not synthesized when the messaging section is absent", () => {
    const synth = withoutMessaging;
    expect(synth.stackIds).not.toContain("dev-messaging");
    expect(synth.stacks.messaging).toBeUndefined();
    expect(() => synth.stack("messaging")).toThrow(/no stack dev-messaging/);
  });

  const withFailover = synthConfig(editedConfig("prod", (raw) => (raw.messaging.failover = { secondary: STANDBY })));
  it("routes the domain to the ALB while healthy and to the configured standby otherwise", () => {
    const synth = withFailover;
    const domain = synth.config.edge.domain!;
    const records = resourcesOf(synth.stack("messaging"), "aws_route53_record");
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
  });

  const inEuWest1 = synthConfig(
    editedConfig("staging", (raw) => {
      raw.region = "eu-west-1";
      raw.stateBackend.region = "eu-west-1";
      raw.network.availabilityZones = raw.network.availabilityZones.map((zone: string) => zone.replace("us-east-1", "eu-west-1"));
    }),
  );
  it("outside us-east-1 alarms on the health check in us-east-1 through an encrypted topic of its own there", () => {
    const synth = inEuWest1;
    const stack = synth.stack("messaging");
    const alarms = resourcesOf(stack, "aws_cloudwatch_metric_alarm");
    expect(alarms.health_check_alarm.provider).toBe("aws.us_east_1");
    expect(alarms.health_check_alarm.alarm_actions).toEqual(["${aws_sns_topic.health_alarm_topic.arn}"]);
    expect(alarms.escalation_dlq_alarm.provider).toBeUndefined();
    expect(alarms.escalation_dlq_alarm.alarm_actions).toEqual([expect.stringMatching(ALARM_TOPIC)]);
    const topic = resourcesOf(stack, "aws_sns_topic").health_alarm_topic;
    expect(topic).toEqual(expect.objectContaining({ provider: "aws.us_east_1", kms_master_key_id: "${aws_kms_key.health_alarm_key.arn}" }));
    expect(resourcesOf(stack, "aws_kms_key").health_alarm_key.provider).toBe("aws.us_east_1");
    const subscriptions = Object.values(resourcesOf(stack, "aws_sns_topic_subscription"));
    expect(subscriptions.map((s) => s.endpoint)).toEqual([...synth.config.observability.alarmEmails]);
  });

  describe("with Client VPN enabled", () => {
    const synth = synthConfig(editedConfig("prod", (raw) => (raw.messaging.clientVpn = PROD_CLIENT_VPN)));
    const stack = synth.stack("messaging");
    const endpoint = resourcesOf(stack, "aws_ec2_client_vpn_endpoint").client_vpn_endpoint;

    it("terminates on the configured certificate, hands out the client range and authenticates by client certificate", () => {
      expect(endpoint).toEqual(
        expect.objectContaining({
          server_certificate_arn: PROD_CLIENT_VPN.serverCertificateArn,
          client_cidr_block: PROD_CLIENT_VPN.clientCidr,
          split_tunnel: true,
          session_timeout_hours: 8,
          self_service_portal: "disabled",
          dns_servers: ["10.0.0.2"],
          security_group_ids: ["${aws_security_group.client_vpn_security_group.id}"],
          authentication_options: [
            { type: "certificate-authentication", root_certificate_chain_arn: PROD_CLIENT_VPN.authentication.rootCertificateChainArn },
          ],
        }),
      );
    });

    it("logs every connection to a KMS-encrypted log group", () => {
      expect(endpoint.connection_log_options).toEqual({
        enabled: true,
        cloudwatch_log_group: "${aws_cloudwatch_log_group.client_vpn_log_group.name}",
        cloudwatch_log_stream: "${aws_cloudwatch_log_stream.client_vpn_log_stream.name}",
      });
      const logGroup = resourcesOf(stack, "aws_cloudwatch_log_group").client_vpn_log_group;
      expect(logGroup.kms_key_id).toMatch(LOGS_KEY);
      expect(logGroup.retention_in_days).toBe(PROD_CLIENT_VPN.connectionLogRetentionDays);
    });

    it("is associated with every private subnet and authorizes the VPC range", () => {
      const associations = Object.values(resourcesOf(stack, "aws_ec2_client_vpn_network_association"));
      expect(associations).toHaveLength(synth.config.network.privateSubnetCidrs.length);
      for (const association of associations) {
        expect(association.client_vpn_endpoint_id).toBe("${aws_ec2_client_vpn_endpoint.client_vpn_endpoint.id}");
        expect(association.subnet_id).toMatch(/cross_stack_output_aws_subnet_private_subnet_/);
      }
      const rule = resourcesOf(stack, "aws_ec2_client_vpn_authorization_rule").client_vpn_authorization;
      expect(rule.target_network_cidr).toMatch(/cross_stack_output_aws_vpc_vpc_cidr_block/);
      expect(rule.authorize_all_groups).toBe(true);
    });

    it("reaches PostgreSQL and Redis only, and those groups admit it", () => {
      const egress = Object.values(resourcesOf(stack, "aws_vpc_security_group_egress_rule"));
      expect(egress.map((r) => r.from_port).sort()).toEqual([5432, 6379]);
      expect(egress.every((r) => r.cidr_ipv4 === undefined)).toBe(true);
      const ingress = resourcesOf(stack, "aws_vpc_security_group_ingress_rule");
      expect(ingress.rds_ingress_from_client_vpn).toEqual(
        expect.objectContaining({ from_port: 5432, referenced_security_group_id: "${aws_security_group.client_vpn_security_group.id}" }),
      );
      expect(ingress.rds_ingress_from_client_vpn.security_group_id).toMatch(/cross_stack_output_aws_security_group_rds_security_group_id/);
      expect(ingress.redis_ingress_from_client_vpn.security_group_id).toMatch(/cross_stack_output_aws_security_group_redis_security_group_id/);
    });

    const federated = synthConfig(
      editedConfig("prod", (raw) => {
        raw.messaging.clientVpn = {
          ...PROD_CLIENT_VPN,
          authentication: { type: "federated", samlProviderArn: "arn:aws:iam::333333333333:saml-provider/okta" },
        };
      }),
    );
    it("uses a SAML provider when authentication is federated", () => {
      const vpn = resourcesOf(federated.stack("messaging"), "aws_ec2_client_vpn_endpoint").client_vpn_endpoint;
      expect(vpn.authentication_options).toEqual([
        { type: "federated-authentication", saml_provider_arn: "arn:aws:iam::333333333333:saml-provider/okta" },
      ]);
    });
  });
});
