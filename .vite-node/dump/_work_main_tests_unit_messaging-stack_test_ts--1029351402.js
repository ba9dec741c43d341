// /work/main/__tests__/unit/messaging-stack.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("/__tests__/support/messaging.ts", {"importedNames":["PROD_CLIENT_VPN","STANDBY"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("/__tests__/support/synth.ts", {"importedNames":["editedConfig","resourcesOf","synthConfig","synthEnvironment"]});



const MESSAGING_KEY = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_secrets_kms\.outputs\.cross_stack_output_aws_kms_key_messaging_key_arn\}$/;
const LOGS_KEY = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_secrets_kms\.outputs\.cross_stack_output_aws_kms_key_logs_key_arn\}$/;
const ALB_DNS_NAME = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_edge\.outputs\.cross_stack_output_aws_lb_alb_dns_name\}$/;
const ALB_ZONE_ID = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_edge\.outputs\.cross_stack_output_aws_lb_alb_zone_id\}$/;
const ALARM_TOPIC = /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_observability\.outputs\.cross_stack_output_aws_sns_topic_alarm_topic_arn\}$/;
function statementsOf(policy) {
  return JSON.parse(policy).Statement;
}
__vite_ssr_import_0__.describe.each(["dev", "staging", "prod"])("%s messaging stack", (env) => {
  const synth = (0,__vite_ssr_import_2__.synthEnvironment)(env);
  const stack = synth.stack("messaging");
  const settings = synth.config.messaging;
  const queues = (0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_sqs_queue");
  (0,__vite_ssr_import_0__.it)("builds a FIFO escalation queue whose redrive policy points at a FIFO DLQ after maxReceiveCount receives", () => {
    const queue = queues.escalation_queue;
    (0,__vite_ssr_import_0__.expect)(queue).toEqual(
      __vite_ssr_import_0__.expect.objectContaining({
        name: `voice-ai-${env}-escalation.fifo`,
        fifo_queue: true,
        content_based_deduplication: settings.escalationQueue.contentBasedDeduplication,
        message_retention_seconds: settings.escalationQueue.messageRetentionSeconds,
        visibility_timeout_seconds: settings.escalationQueue.visibilityTimeoutSeconds
      })
    );
    (0,__vite_ssr_import_0__.expect)(JSON.parse(queue.redrive_policy)).toEqual({
      deadLetterTargetArn: "${aws_sqs_queue.escalation_dlq.arn}",
      maxReceiveCount: settings.escalationQueue.maxReceiveCount
    });
    (0,__vite_ssr_import_0__.expect)(queues.escalation_dlq).toEqual(
      __vite_ssr_import_0__.expect.objectContaining({
        name: `voice-ai-${env}-escalation-dlq.fifo`,
        fifo_queue: true,
        message_retention_seconds: settings.deadLetterQueue.messageRetentionSeconds
      })
    );
  });
  (0,__vite_ssr_import_0__.it)("lets the DLQ accept redrives from the escalation queue only", () => {
    const allow = (0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_sqs_queue_redrive_allow_policy").escalation_dlq_redrive_allow;
    (0,__vite_ssr_import_0__.expect)(allow.queue_url).toBe("${aws_sqs_queue.escalation_dlq.url}");
    (0,__vite_ssr_import_0__.expect)(JSON.parse(allow.redrive_allow_policy)).toEqual({
      redrivePermission: "byQueue",
      sourceQueueArns: ["${aws_sqs_queue.escalation_queue.arn}"]
    });
  });
  (0,__vite_ssr_import_0__.it)("encrypts both queues and the confirmations topic with the messaging CMK and refuses plaintext transport", () => {
    for (const queue of Object.values(queues)) (0,__vite_ssr_import_0__.expect)(queue.kms_master_key_id).toMatch(MESSAGING_KEY);
    const topic = (0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_sns_topic").confirmations_topic;
    (0,__vite_ssr_import_0__.expect)(topic.kms_master_key_id).toMatch(MESSAGING_KEY);
    const policies = [
      ...Object.values((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_sqs_queue_policy")),
      (0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_sns_topic_policy").confirmations_topic_policy
    ];
    (0,__vite_ssr_import_0__.expect)(policies).toHaveLength(3);
    for (const policy of policies) {
      (0,__vite_ssr_import_0__.expect)(statementsOf(policy.policy)).toContainEqual(
        __vite_ssr_import_0__.expect.objectContaining({ Effect: "Deny", Principal: "*", Condition: { Bool: { "aws:SecureTransport": false } } })
      );
    }
  });
  (0,__vite_ssr_import_0__.it)("pages through the observability topic when an escalation lands in the DLQ", () => {
    const alarm = (0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_cloudwatch_metric_alarm").escalation_dlq_alarm;
    (0,__vite_ssr_import_0__.expect)(alarm).toEqual(
      __vite_ssr_import_0__.expect.objectContaining({
        namespace: "AWS/SQS",
        metric_name: "ApproximateNumberOfMessagesVisible",
        dimensions: { QueueName: "${aws_sqs_queue.escalation_dlq.name}" },
        comparison_operator: "GreaterThanThreshold",
        threshold: 0
      })
    );
    (0,__vite_ssr_import_0__.expect)(alarm.alarm_actions).toEqual([__vite_ssr_import_0__.expect.stringMatching(ALARM_TOPIC)]);
  });
  (0,__vite_ssr_import_0__.it)("probes the ALB itself on /health and alarms in us-east-1 when Route53 sees it unhealthy", () => {
    const check = (0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_route53_health_check").health_check;
    (0,__vite_ssr_import_0__.expect)(check).toEqual(
      __vite_ssr_import_0__.expect.objectContaining({
        resource_path: "/health",
        failure_threshold: settings.healthCheck.failureThreshold,
        request_interval: settings.healthCheck.requestIntervalSeconds,
        type: synth.config.edge.https ? "HTTPS" : "HTTP",
        port: synth.config.edge.https ? 443 : 80
      })
    );
    (0,__vite_ssr_import_0__.expect)(check.fqdn).toMatch(ALB_DNS_NAME);
    const alarm = (0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_cloudwatch_metric_alarm").health_check_alarm;
    (0,__vite_ssr_import_0__.expect)(alarm).toEqual(
      __vite_ssr_import_0__.expect.objectContaining({
        namespace: "AWS/Route53",
        metric_name: "HealthCheckStatus",
        dimensions: { HealthCheckId: "${aws_route53_health_check.health_check.id}" },
        statistic: "Minimum",
        comparison_operator: "LessThanThreshold",
        threshold: 1,
        treat_missing_data: "breaching"
      })
    );
    (0,__vite_ssr_import_0__.expect)(alarm.alarm_actions).toEqual([__vite_ssr_import_0__.expect.stringMatching(ALARM_TOPIC)]);
  });
  (0,__vite_ssr_import_0__.it)("creates no failover records without a configured standby, and no Client VPN by default", () => {
    const failover = Object.values((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_route53_record")).filter((r) => r.failover_routing_policy);
    (0,__vite_ssr_import_0__.expect)(failover).toEqual([]);
    (0,__vite_ssr_import_0__.expect)((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_ec2_client_vpn_endpoint")).toEqual({});
    (0,__vite_ssr_import_0__.expect)((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_security_group")).toEqual({});
  });
  (0,__vite_ssr_import_0__.it)("gives only the configured services' task roles the messaging policy", () => {
    const attachments = Object.values((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_iam_role_policy_attachment"));
    (0,__vite_ssr_import_0__.expect)(attachments).toHaveLength(settings.appServices.length);
    (0,__vite_ssr_import_0__.expect)(attachments[0].role).toMatch(/cross_stack_output_aws_iam_role_voice_api_task_role_arn/);
    const statements = statementsOf((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_iam_policy").app_policy.policy);
    (0,__vite_ssr_import_0__.expect)(statements).toContainEqual(
      __vite_ssr_import_0__.expect.objectContaining({ Sid: "UseEscalationQueue", Resource: "${aws_sqs_queue.escalation_queue.arn}" })
    );
    const sms = statements.find((s) => s.Sid === "SendSmsToPhoneNumbers");
    if (settings.confirmations.sms) {
      (0,__vite_ssr_import_0__.expect)(sms).toEqual(__vite_ssr_import_0__.expect.objectContaining({ Action: "sns:Publish", NotResource: "arn:aws:sns:*:*:*" }));
      (0,__vite_ssr_import_0__.expect)(sms.Resource).toBeUndefined();
    } else {
      (0,__vite_ssr_import_0__.expect)(sms).toBeUndefined();
    }
  });
});
__vite_ssr_import_0__.describe.each(["staging", "prod"])("%s SES identity", (env) => {
  const synth = (0,__vite_ssr_import_2__.synthEnvironment)(env);
  const stack = synth.stack("messaging");
  const domain = synth.config.edge.domain;
  (0,__vite_ssr_import_0__.it)("verifies the domain with 2048-bit Easy DKIM through a TLS-only configuration set", () => {
    (0,__vite_ssr_import_0__.expect)((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_sesv2_email_identity").ses_identity).toEqual(
      __vite_ssr_import_0__.expect.objectContaining({
        email_identity: domain.name,
        dkim_signing_attributes: { next_signing_key_length: "RSA_2048_BIT" },
        configuration_set_name: "${aws_sesv2_configuration_set.ses_configuration_set.configuration_set_name}"
      })
    );
    (0,__vite_ssr_import_0__.expect)((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_sesv2_configuration_set").ses_configuration_set.delivery_options).toEqual({ tls_policy: "REQUIRE" });
  });
  (0,__vite_ssr_import_0__.it)("publishes the three DKIM CNAMEs in the domain's zone, one per token", () => {
    const cnames = Object.values((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_route53_record")).filter((r) => r.type === "CNAME");
    (0,__vite_ssr_import_0__.expect)(cnames).toHaveLength(3);
    cnames.forEach((record, i) => {
      const token = `\${element(aws_sesv2_email_identity.ses_identity.dkim_signing_attributes[0].tokens, ${i})}`;
      (0,__vite_ssr_import_0__.expect)(record).toEqual(
        __vite_ssr_import_0__.expect.objectContaining({
          zone_id: domain.hostedZoneId,
          name: `${token}._domainkey.${domain.name}`,
          records: [`${token}.dkim.amazonses.com`]
        })
      );
    });
  });
  (0,__vite_ssr_import_0__.it)("sets a MAIL FROM subdomain with its MX and SPF records", () => {
    const mailFrom = `${synth.config.messaging.ses.mailFromSubdomain}.${domain.name}`;
    const records = Object.values((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_route53_record")).filter((r) => r.name === mailFrom);
    (0,__vite_ssr_import_0__.expect)(records.map((r) => [r.type, r.records])).toEqual([
      ["MX", [`10 feedback-smtp.${synth.config.region}.amazonses.com`]],
      ["TXT", ["v=spf1 include:amazonses.com ~all"]]
    ]);
  });
  (0,__vite_ssr_import_0__.it)("lets the app send only as the domain through the configuration set", () => {
    const statements = statementsOf((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_iam_policy").app_policy.policy);
    (0,__vite_ssr_import_0__.expect)(statements).toContainEqual(
      __vite_ssr_import_0__.expect.objectContaining({
        Sid: "SendEmailAsTheDomain",
        Resource: ["${aws_sesv2_email_identity.ses_identity.arn}", "${aws_sesv2_configuration_set.ses_configuration_set.arn}"]
      })
    );
  });
});
(0,__vite_ssr_import_0__.describe)("messaging stack variants", () => {
  (0,__vite_ssr_import_0__.it)("dev (SES off) has no SES identity and no DNS records", () => {
    const stack = (0,__vite_ssr_import_2__.synthEnvironment)("dev").stack("messaging");
    (0,__vite_ssr_import_0__.expect)((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_sesv2_email_identity")).toEqual({});
    (0,__vite_ssr_import_0__.expect)((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_route53_record")).toEqual({});
  });
  const withoutMessaging = (0,__vite_ssr_import_2__.synthConfig)((0,__vite_ssr_import_2__.editedConfig)("dev", (raw) => delete raw.messaging));
  (0,__vite_ssr_import_0__.it)("is not synthesized when the messaging section is absent", () => {
    const synth = withoutMessaging;
    (0,__vite_ssr_import_0__.expect)(synth.stackIds).not.toContain("dev-messaging");
    (0,__vite_ssr_import_0__.expect)(synth.stacks.messaging).toBeUndefined();
    (0,__vite_ssr_import_0__.expect)(() => synth.stack("messaging")).toThrow(/no stack dev-messaging/);
  });
  const withFailover = (0,__vite_ssr_import_2__.synthConfig)((0,__vite_ssr_import_2__.editedConfig)("prod", (raw) => raw.messaging.failover = { secondary: __vite_ssr_import_1__.STANDBY }));
  (0,__vite_ssr_import_0__.it)("routes the domain to the ALB while healthy and to the configured standby otherwise", () => {
    const synth = withFailover;
    const domain = synth.config.edge.domain;
    const records = (0,__vite_ssr_import_2__.resourcesOf)(synth.stack("messaging"), "aws_route53_record");
    (0,__vite_ssr_import_0__.expect)(records.failover_primary_record).toEqual(
      __vite_ssr_import_0__.expect.objectContaining({
        zone_id: domain.hostedZoneId,
        name: domain.name,
        type: "A",
        set_identifier: "primary",
        failover_routing_policy: { type: "PRIMARY" },
        health_check_id: "${aws_route53_health_check.health_check.id}",
        alias: __vite_ssr_import_0__.expect.objectContaining({ evaluate_target_health: true })
      })
    );
    (0,__vite_ssr_import_0__.expect)(records.failover_primary_record.alias.name).toMatch(ALB_DNS_NAME);
    (0,__vite_ssr_import_0__.expect)(records.failover_primary_record.alias.zone_id).toMatch(ALB_ZONE_ID);
    (0,__vite_ssr_import_0__.expect)(records.failover_secondary_record).toEqual(
      __vite_ssr_import_0__.expect.objectContaining({
        zone_id: domain.hostedZoneId,
        name: domain.name,
        type: "A",
        set_identifier: "secondary",
        failover_routing_policy: { type: "SECONDARY" },
        alias: { name: __vite_ssr_import_1__.STANDBY.dnsName, zone_id: __vite_ssr_import_1__.STANDBY.hostedZoneId, evaluate_target_health: false }
      })
    );
    (0,__vite_ssr_import_0__.expect)(records.failover_secondary_record.health_check_id).toBeUndefined();
  });
  const inEuWest1 = (0,__vite_ssr_import_2__.synthConfig)(
    (0,__vite_ssr_import_2__.editedConfig)("staging", (raw) => {
      raw.region = "eu-west-1";
      raw.stateBackend.region = "eu-west-1";
      raw.network.availabilityZones = raw.network.availabilityZones.map((zone) => zone.replace("us-east-1", "eu-west-1"));
    })
  );
  (0,__vite_ssr_import_0__.it)("outside us-east-1 alarms on the health check in us-east-1 through an encrypted topic of its own there", () => {
    const synth = inEuWest1;
    const stack = synth.stack("messaging");
    const alarms = (0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_cloudwatch_metric_alarm");
    (0,__vite_ssr_import_0__.expect)(alarms.health_check_alarm.provider).toBe("aws.us_east_1");
    (0,__vite_ssr_import_0__.expect)(alarms.health_check_alarm.alarm_actions).toEqual(["${aws_sns_topic.health_alarm_topic.arn}"]);
    (0,__vite_ssr_import_0__.expect)(alarms.escalation_dlq_alarm.provider).toBeUndefined();
    (0,__vite_ssr_import_0__.expect)(alarms.escalation_dlq_alarm.alarm_actions).toEqual([__vite_ssr_import_0__.expect.stringMatching(ALARM_TOPIC)]);
    const topic = (0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_sns_topic").health_alarm_topic;
    (0,__vite_ssr_import_0__.expect)(topic).toEqual(__vite_ssr_import_0__.expect.objectContaining({ provider: "aws.us_east_1", kms_master_key_id: "${aws_kms_key.health_alarm_key.arn}" }));
    (0,__vite_ssr_import_0__.expect)((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_kms_key").health_alarm_key.provider).toBe("aws.us_east_1");
    const subscriptions = Object.values((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_sns_topic_subscription"));
    (0,__vite_ssr_import_0__.expect)(subscriptions.map((s) => s.endpoint)).toEqual([...synth.config.observability.alarmEmails]);
  });
  (0,__vite_ssr_import_0__.describe)("with Client VPN enabled", () => {
    const synth = (0,__vite_ssr_import_2__.synthConfig)((0,__vite_ssr_import_2__.editedConfig)("prod", (raw) => raw.messaging.clientVpn = __vite_ssr_import_1__.PROD_CLIENT_VPN));
    const stack = synth.stack("messaging");
    const endpoint = (0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_ec2_client_vpn_endpoint").client_vpn_endpoint;
    (0,__vite_ssr_import_0__.it)("terminates on the configured certificate, hands out the client range and authenticates by client certificate", () => {
      (0,__vite_ssr_import_0__.expect)(endpoint).toEqual(
        __vite_ssr_import_0__.expect.objectContaining({
          server_certificate_arn: __vite_ssr_import_1__.PROD_CLIENT_VPN.serverCertificateArn,
          client_cidr_block: __vite_ssr_import_1__.PROD_CLIENT_VPN.clientCidr,
          split_tunnel: true,
          session_timeout_hours: 8,
          self_service_portal: "disabled",
          dns_servers: ["10.0.0.2"],
          security_group_ids: ["${aws_security_group.client_vpn_security_group.id}"],
          authentication_options: [
            { type: "certificate-authentication", root_certificate_chain_arn: __vite_ssr_import_1__.PROD_CLIENT_VPN.authentication.rootCertificateChainArn }
          ]
        })
      );
    });
    (0,__vite_ssr_import_0__.it)("logs every connection to a KMS-encrypted log group", () => {
      (0,__vite_ssr_import_0__.expect)(endpoint.connection_log_options).toEqual({
        enabled: true,
        cloudwatch_log_group: "${aws_cloudwatch_log_group.client_vpn_log_group.name}",
        cloudwatch_log_stream: "${aws_cloudwatch_log_stream.client_vpn_log_stream.name}"
      });
      const logGroup = (0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_cloudwatch_log_group").client_vpn_log_group;
      (0,__vite_ssr_import_0__.expect)(logGroup.kms_key_id).toMatch(LOGS_KEY);
      (0,__vite_ssr_import_0__.expect)(logGroup.retention_in_days).toBe(__vite_ssr_import_1__.PROD_CLIENT_VPN.connectionLogRetentionDays);
    });
    (0,__vite_ssr_import_0__.it)("is associated with every private subnet and authorizes the VPC range", () => {
      const associations = Object.values((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_ec2_client_vpn_network_association"));
      (0,__vite_ssr_import_0__.expect)(associations).toHaveLength(synth.config.network.privateSubnetCidrs.length);
      for (const association of associations) {
        (0,__vite_ssr_import_0__.expect)(association.client_vpn_endpoint_id).toBe("${aws_ec2_client_vpn_endpoint.client_vpn_endpoint.id}");
        (0,__vite_ssr_import_0__.expect)(association.subnet_id).toMatch(/cross_stack_output_aws_subnet_private_subnet_/);
      };
      const rule = (0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_ec2_client_vpn_authorization_rule").client_vpn_authorization;
      (0,__vite_ssr_import_0__.expect)(rule.target_network_cidr).toMatch(/cross_stack_output_aws_vpc_vpc_cidr_block/);
      (0,__vite_ssr_import_0__.expect)(rule.authorize_all_groups).toBe(true);
    });
    (0,__vite_ssr_import_0__.it)("reaches PostgreSQL and Redis only, and those groups admit it", () => {
      const egress = Object.values((0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_vpc_security_group_egress_rule"));
      (0,__vite_ssr_import_0__.expect)(egress.map((r) => r.from_port).sort()).toEqual([5432, 6379]);
      (0,__vite_ssr_import_0__.expect)(egress.every((r) => r.cidr_ipv4 === void 0)).toBe(true);
      const ingress = (0,__vite_ssr_import_2__.resourcesOf)(stack, "aws_vpc_security_group_ingress_rule");
      (0,__vite_ssr_import_0__.expect)(ingress.rds_ingress_from_client_vpn).toEqual(
        __vite_ssr_import_0__.expect.objectContaining({ from_port: 5432, referenced_security_group_id: "${aws_security_group.client_vpn_security_group.id}" })
      );
      (0,__vite_ssr_import_0__.expect)(ingress.rds_ingress_from_client_vpn.security_group_id).toMatch(/cross_stack_output_aws_security_group_rds_security_group_id/);
      (0,__vite_ssr_import_0__.expect)(ingress.redis_ingress_from_client_vpn.security_group_id).toMatch(/cross_stack_output_aws_security_group_redis_security_group_id/);
    });
    const federated = (0,__vite_ssr_import_2__.synthConfig)(
      (0,__vite_ssr_import_2__.editedConfig)("prod", (raw) => {
        raw.messaging.clientVpn = {
          ...__vite_ssr_import_1__.PROD_CLIENT_VPN,
          authentication: { type: "federated", samlProviderArn: "arn:aws:iam::333333333333:saml-provider/okta" }
        };
      })
    );
    (0,__vite_ssr_import_0__.it)("uses a SAML provider when authentication is federated", () => {
      const vpn = (0,__vite_ssr_import_2__.resourcesOf)(federated.stack("messaging"), "aws_ec2_client_vpn_endpoint").client_vpn_endpoint;
      (0,__vite_ssr_import_0__.expect)(vpn.authentication_options).toEqual([
        { type: "federated-authentication", saml_provider_arn: "arn:aws:iam::333333333333:saml-provider/okta" }
      ]);
    });
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBOzs7O0FBR0EsTUFBTSxnQkFBZ0I7QUFDdEIsTUFBTSxXQUFXO0FBQ2pCLE1BQU0sZUFBZTtBQUNyQixNQUFNLGNBQWM7QUFDcEIsTUFBTSxjQUFjO0FBRXBCLFNBQVMsYUFBYSxRQUF1QjtBQUMzQyxTQUFPLEtBQUssTUFBTSxNQUFNLEVBQUU7QUFDNUI7QUFFQSwrQkFBUyxLQUFLLENBQUMsT0FBTyxXQUFXLE1BQU0sQ0FBQyxFQUFFLHNCQUFzQixDQUFDLFFBQVE7QUFDdkUsUUFBTSxXQUFRLHdDQUFpQixHQUFHO0FBQ2xDLFFBQU0sUUFBUSxNQUFNLE1BQU0sV0FBVztBQUNyQyxRQUFNLFdBQVcsTUFBTSxPQUFPO0FBQzlCLFFBQU0sWUFBUyxtQ0FBWSxPQUFPLGVBQWU7QUFFakQsK0JBQUcsMkdBQTJHLE1BQU07QUFDbEgsVUFBTSxRQUFRLE9BQU87QUFDckIscUNBQU8sS0FBSyxFQUFFO0FBQUEsTUFDWiw2QkFBTyxpQkFBaUI7QUFBQSxRQUN0QixNQUFNLFlBQVksR0FBRztBQUFBLFFBQ3JCLFlBQVk7QUFBQSxRQUNaLDZCQUE2QixTQUFTLGdCQUFnQjtBQUFBLFFBQ3RELDJCQUEyQixTQUFTLGdCQUFnQjtBQUFBLFFBQ3BELDRCQUE0QixTQUFTLGdCQUFnQjtBQUFBLE1BQ3ZELENBQUM7QUFBQSxJQUNIO0FBQ0EscUNBQU8sS0FBSyxNQUFNLE1BQU0sY0FBYyxDQUFDLEVBQUUsUUFBUTtBQUFBLE1BQy9DLHFCQUFxQjtBQUFBLE1BQ3JCLGlCQUFpQixTQUFTLGdCQUFnQjtBQUFBLElBQzVDLENBQUM7QUFDRCxxQ0FBTyxPQUFPLGNBQWMsRUFBRTtBQUFBLE1BQzVCLDZCQUFPLGlCQUFpQjtBQUFBLFFBQ3RCLE1BQU0sWUFBWSxHQUFHO0FBQUEsUUFDckIsWUFBWTtBQUFBLFFBQ1osMkJBQTJCLFNBQVMsZ0JBQWdCO0FBQUEsTUFDdEQsQ0FBQztBQUFBLElBQ0g7QUFBQSxFQUNGLENBQUM7QUFFRCwrQkFBRywrREFBK0QsTUFBTTtBQUN0RSxVQUFNLFdBQVEsbUNBQVksT0FBTyxvQ0FBb0MsRUFBRTtBQUN2RSxxQ0FBTyxNQUFNLFNBQVMsRUFBRSxLQUFLLHFDQUFxQztBQUNsRSxxQ0FBTyxLQUFLLE1BQU0sTUFBTSxvQkFBb0IsQ0FBQyxFQUFFLFFBQVE7QUFBQSxNQUNyRCxtQkFBbUI7QUFBQSxNQUNuQixpQkFBaUIsQ0FBQyx1Q0FBdUM7QUFBQSxJQUMzRCxDQUFDO0FBQUEsRUFDSCxDQUFDO0FBRUQsK0JBQUcsMkdBQTJHLE1BQU07QUFDbEgsZUFBVyxTQUFTLE9BQU8sT0FBTyxNQUFNLEVBQUcsa0NBQU8sTUFBTSxpQkFBaUIsRUFBRSxRQUFRLGFBQWE7QUFDaEcsVUFBTSxXQUFRLG1DQUFZLE9BQU8sZUFBZSxFQUFFO0FBQ2xELHFDQUFPLE1BQU0saUJBQWlCLEVBQUUsUUFBUSxhQUFhO0FBQ3JELFVBQU0sV0FBVztBQUFBLE1BQ2YsR0FBRyxPQUFPLFVBQU8sbUNBQVksT0FBTyxzQkFBc0IsQ0FBQztBQUFBLFNBQzNELG1DQUFZLE9BQU8sc0JBQXNCLEVBQUU7QUFBQSxJQUM3QztBQUNBLHFDQUFPLFFBQVEsRUFBRSxhQUFhLENBQUM7QUFDL0IsZUFBVyxVQUFVLFVBQVU7QUFDN0IsdUNBQU8sYUFBYSxPQUFPLE1BQU0sQ0FBQyxFQUFFO0FBQUEsUUFDbEMsNkJBQU8saUJBQWlCLEVBQUUsUUFBUSxRQUFRLFdBQVcsS0FBSyxXQUFXLEVBQUUsTUFBTSxFQUFFLHVCQUF1QixNQUFNLEVBQUUsRUFBRSxDQUFDO0FBQUEsTUFDbkg7QUFBQSxJQUNGO0FBQUEsRUFDRixDQUFDO0FBRUQsK0JBQUcsNkVBQTZFLE1BQU07QUFDcEYsVUFBTSxXQUFRLG1DQUFZLE9BQU8sNkJBQTZCLEVBQUU7QUFDaEUscUNBQU8sS0FBSyxFQUFFO0FBQUEsTUFDWiw2QkFBTyxpQkFBaUI7QUFBQSxRQUN0QixXQUFXO0FBQUEsUUFDWCxhQUFhO0FBQUEsUUFDYixZQUFZLEVBQUUsV0FBVyx1Q0FBdUM7QUFBQSxRQUNoRSxxQkFBcUI7QUFBQSxRQUNyQixXQUFXO0FBQUEsTUFDYixDQUFDO0FBQUEsSUFDSDtBQUNBLHFDQUFPLE1BQU0sYUFBYSxFQUFFLFFBQVEsQ0FBQyw2QkFBTyxlQUFlLFdBQVcsQ0FBQyxDQUFDO0FBQUEsRUFDMUUsQ0FBQztBQUVELCtCQUFHLDJGQUEyRixNQUFNO0FBQ2xHLFVBQU0sV0FBUSxtQ0FBWSxPQUFPLDBCQUEwQixFQUFFO0FBQzdELHFDQUFPLEtBQUssRUFBRTtBQUFBLE1BQ1osNkJBQU8saUJBQWlCO0FBQUEsUUFDdEIsZUFBZTtBQUFBLFFBQ2YsbUJBQW1CLFNBQVMsWUFBWTtBQUFBLFFBQ3hDLGtCQUFrQixTQUFTLFlBQVk7QUFBQSxRQUN2QyxNQUFNLE1BQU0sT0FBTyxLQUFLLFFBQVEsVUFBVTtBQUFBLFFBQzFDLE1BQU0sTUFBTSxPQUFPLEtBQUssUUFBUSxNQUFNO0FBQUEsTUFDeEMsQ0FBQztBQUFBLElBQ0g7QUFDQSxxQ0FBTyxNQUFNLElBQUksRUFBRSxRQUFRLFlBQVk7QUFDdkMsVUFBTSxXQUFRLG1DQUFZLE9BQU8sNkJBQTZCLEVBQUU7QUFDaEUscUNBQU8sS0FBSyxFQUFFO0FBQUEsTUFDWiw2QkFBTyxpQkFBaUI7QUFBQSxRQUN0QixXQUFXO0FBQUEsUUFDWCxhQUFhO0FBQUEsUUFDYixZQUFZLEVBQUUsZUFBZSw4Q0FBOEM7QUFBQSxRQUMzRSxXQUFXO0FBQUEsUUFDWCxxQkFBcUI7QUFBQSxRQUNyQixXQUFXO0FBQUEsUUFDWCxvQkFBb0I7QUFBQSxNQUN0QixDQUFDO0FBQUEsSUFDSDtBQUNBLHFDQUFPLE1BQU0sYUFBYSxFQUFFLFFBQVEsQ0FBQyw2QkFBTyxlQUFlLFdBQVcsQ0FBQyxDQUFDO0FBQUEsRUFDMUUsQ0FBQztBQUVELCtCQUFHLDBGQUEwRixNQUFNO0FBQ2pHLFVBQU0sV0FBVyxPQUFPLFVBQU8sbUNBQVksT0FBTyxvQkFBb0IsQ0FBQyxFQUFFLE9BQU8sQ0FBQyxNQUFNLEVBQUUsdUJBQXVCO0FBQ2hILHFDQUFPLFFBQVEsRUFBRSxRQUFRLENBQUMsQ0FBQztBQUMzQix3Q0FBTyxtQ0FBWSxPQUFPLDZCQUE2QixDQUFDLEVBQUUsUUFBUSxDQUFDLENBQUM7QUFDcEUsd0NBQU8sbUNBQVksT0FBTyxvQkFBb0IsQ0FBQyxFQUFFLFFBQVEsQ0FBQyxDQUFDO0FBQUEsRUFDN0QsQ0FBQztBQUVELCtCQUFHLHVFQUF1RSxNQUFNO0FBQzlFLFVBQU0sY0FBYyxPQUFPLFVBQU8sbUNBQVksT0FBTyxnQ0FBZ0MsQ0FBQztBQUN0RixxQ0FBTyxXQUFXLEVBQUUsYUFBYSxTQUFTLFlBQVksTUFBTTtBQUM1RCxxQ0FBTyxZQUFZLENBQUMsRUFBRSxJQUFJLEVBQUUsUUFBUSx5REFBeUQ7QUFDN0YsVUFBTSxhQUFhLGdCQUFhLG1DQUFZLE9BQU8sZ0JBQWdCLEVBQUUsV0FBVyxNQUFNO0FBQ3RGLHFDQUFPLFVBQVUsRUFBRTtBQUFBLE1BQ2pCLDZCQUFPLGlCQUFpQixFQUFFLEtBQUssc0JBQXNCLFVBQVUsd0NBQXdDLENBQUM7QUFBQSxJQUMxRztBQUNBLFVBQU0sTUFBTSxXQUFXLEtBQUssQ0FBQyxNQUFNLEVBQUUsUUFBUSx1QkFBdUI7QUFDcEUsUUFBSSxTQUFTLGNBQWMsS0FBSztBQUM5Qix1Q0FBTyxHQUFHLEVBQUUsUUFBUSw2QkFBTyxpQkFBaUIsRUFBRSxRQUFRLGVBQWUsYUFBYSxvQkFBb0IsQ0FBQyxDQUFDO0FBQ3hHLHVDQUFPLElBQUksUUFBUSxFQUFFLGNBQWM7QUFBQSxJQUNyQyxPQUFPO0FBQ0wsdUNBQU8sR0FBRyxFQUFFLGNBQWM7QUFBQSxJQUM1QjtBQUFBLEVBQ0YsQ0FBQztBQUNILENBQUM7QUFFRCwrQkFBUyxLQUFLLENBQUMsV0FBVyxNQUFNLENBQUMsRUFBRSxtQkFBbUIsQ0FBQyxRQUFRO0FBQzdELFFBQU0sV0FBUSx3Q0FBaUIsR0FBRztBQUNsQyxRQUFNLFFBQVEsTUFBTSxNQUFNLFdBQVc7QUFDckMsUUFBTSxTQUFTLE1BQU0sT0FBTyxLQUFLO0FBRWpDLCtCQUFHLG9GQUFvRixNQUFNO0FBQzNGLHdDQUFPLG1DQUFZLE9BQU8sMEJBQTBCLEVBQUUsWUFBWSxFQUFFO0FBQUEsTUFDbEUsNkJBQU8saUJBQWlCO0FBQUEsUUFDdEIsZ0JBQWdCLE9BQU87QUFBQSxRQUN2Qix5QkFBeUIsRUFBRSx5QkFBeUIsZUFBZTtBQUFBLFFBQ25FLHdCQUF3QjtBQUFBLE1BQzFCLENBQUM7QUFBQSxJQUNIO0FBQ0Esd0NBQU8sbUNBQVksT0FBTyw2QkFBNkIsRUFBRSxzQkFBc0IsZ0JBQWdCLEVBQUUsUUFBUSxFQUFFLFlBQVksVUFBVSxDQUFDO0FBQUEsRUFDcEksQ0FBQztBQUVELCtCQUFHLHVFQUF1RSxNQUFNO0FBQzlFLFVBQU0sU0FBUyxPQUFPLFVBQU8sbUNBQVksT0FBTyxvQkFBb0IsQ0FBQyxFQUFFLE9BQU8sQ0FBQyxNQUFNLEVBQUUsU0FBUyxPQUFPO0FBQ3ZHLHFDQUFPLE1BQU0sRUFBRSxhQUFhLENBQUM7QUFDN0IsV0FBTyxRQUFRLENBQUMsUUFBUSxNQUFNO0FBQzVCLFlBQU0sUUFBUSx1RkFBdUYsQ0FBQztBQUN0Ryx1Q0FBTyxNQUFNLEVBQUU7QUFBQSxRQUNiLDZCQUFPLGlCQUFpQjtBQUFBLFVBQ3RCLFNBQVMsT0FBTztBQUFBLFVBQ2hCLE1BQU0sR0FBRyxLQUFLLGVBQWUsT0FBTyxJQUFJO0FBQUEsVUFDeEMsU0FBUyxDQUFDLEdBQUcsS0FBSyxxQkFBcUI7QUFBQSxRQUN6QyxDQUFDO0FBQUEsTUFDSDtBQUFBLElBQ0YsQ0FBQztBQUFBLEVBQ0gsQ0FBQztBQUVELCtCQUFHLDBEQUEwRCxNQUFNO0FBQ2pFLFVBQU0sV0FBVyxHQUFHLE1BQU0sT0FBTyxVQUFXLElBQUksaUJBQWlCLElBQUksT0FBTyxJQUFJO0FBQ2hGLFVBQU0sVUFBVSxPQUFPLFVBQU8sbUNBQVksT0FBTyxvQkFBb0IsQ0FBQyxFQUFFLE9BQU8sQ0FBQyxNQUFNLEVBQUUsU0FBUyxRQUFRO0FBQ3pHLHFDQUFPLFFBQVEsSUFBSSxDQUFDLE1BQU0sQ0FBQyxFQUFFLE1BQU0sRUFBRSxPQUFPLENBQUMsQ0FBQyxFQUFFLFFBQVE7QUFBQSxNQUN0RCxDQUFDLE1BQU0sQ0FBQyxvQkFBb0IsTUFBTSxPQUFPLE1BQU0sZ0JBQWdCLENBQUM7QUFBQSxNQUNoRSxDQUFDLE9BQU8sQ0FBQyxtQ0FBbUMsQ0FBQztBQUFBLElBQy9DLENBQUM7QUFBQSxFQUNILENBQUM7QUFFRCwrQkFBRyxzRUFBc0UsTUFBTTtBQUM3RSxVQUFNLGFBQWEsZ0JBQWEsbUNBQVksT0FBTyxnQkFBZ0IsRUFBRSxXQUFXLE1BQU07QUFDdEYscUNBQU8sVUFBVSxFQUFFO0FBQUEsTUFDakIsNkJBQU8saUJBQWlCO0FBQUEsUUFDdEIsS0FBSztBQUFBLFFBQ0wsVUFBVSxDQUFDLGdEQUFnRCwwREFBMEQ7QUFBQSxNQUN2SCxDQUFDO0FBQUEsSUFDSDtBQUFBLEVBQ0YsQ0FBQztBQUNILENBQUM7R0FFRCxnQ0FBUyw0QkFBNEIsTUFBTTtBQUN6QywrQkFBRyx3REFBd0QsTUFBTTtBQUMvRCxVQUFNLFdBQVEsd0NBQWlCLEtBQUssRUFBRSxNQUFNLFdBQVc7QUFDdkQsd0NBQU8sbUNBQVksT0FBTywwQkFBMEIsQ0FBQyxFQUFFLFFBQVEsQ0FBQyxDQUFDO0FBQ2pFLHdDQUFPLG1DQUFZLE9BQU8sb0JBQW9CLENBQUMsRUFBRSxRQUFRLENBQUMsQ0FBQztBQUFBLEVBQzdELENBQUM7QUFHRCxRQUFNLHNCQUFtQixzQ0FBWSxvQ0FBYSxPQUFPLENBQUMsUUFBUSxPQUFPLElBQUksU0FBUyxDQUFDO0FBQ3ZGLCtCQUFHLDJEQUEyRCxNQUFNO0FBQ2xFLFVBQU0sUUFBUTtBQUNkLHFDQUFPLE1BQU0sUUFBUSxFQUFFLElBQUksVUFBVSxlQUFlO0FBQ3BELHFDQUFPLE1BQU0sT0FBTyxTQUFTLEVBQUUsY0FBYztBQUM3QyxxQ0FBTyxNQUFNLE1BQU0sTUFBTSxXQUFXLENBQUMsRUFBRSxRQUFRLHdCQUF3QjtBQUFBLEVBQ3pFLENBQUM7QUFFRCxRQUFNLGtCQUFlLHNDQUFZLG9DQUFhLFFBQVEsQ0FBQyxRQUFTLElBQUksVUFBVSxXQUFXLEVBQUUsV0FBVyw4QkFBUSxDQUFFLENBQUM7QUFDakgsK0JBQUcsc0ZBQXNGLE1BQU07QUFDN0YsVUFBTSxRQUFRO0FBQ2QsVUFBTSxTQUFTLE1BQU0sT0FBTyxLQUFLO0FBQ2pDLFVBQU0sYUFBVSxtQ0FBWSxNQUFNLE1BQU0sV0FBVyxHQUFHLG9CQUFvQjtBQUMxRSxxQ0FBTyxRQUFRLHVCQUF1QixFQUFFO0FBQUEsTUFDdEMsNkJBQU8saUJBQWlCO0FBQUEsUUFDdEIsU0FBUyxPQUFPO0FBQUEsUUFDaEIsTUFBTSxPQUFPO0FBQUEsUUFDYixNQUFNO0FBQUEsUUFDTixnQkFBZ0I7QUFBQSxRQUNoQix5QkFBeUIsRUFBRSxNQUFNLFVBQVU7QUFBQSxRQUMzQyxpQkFBaUI7QUFBQSxRQUNqQixPQUFPLDZCQUFPLGlCQUFpQixFQUFFLHdCQUF3QixLQUFLLENBQUM7QUFBQSxNQUNqRSxDQUFDO0FBQUEsSUFDSDtBQUNBLHFDQUFPLFFBQVEsd0JBQXdCLE1BQU0sSUFBSSxFQUFFLFFBQVEsWUFBWTtBQUN2RSxxQ0FBTyxRQUFRLHdCQUF3QixNQUFNLE9BQU8sRUFBRSxRQUFRLFdBQVc7QUFDekUscUNBQU8sUUFBUSx5QkFBeUIsRUFBRTtBQUFBLE1BQ3hDLDZCQUFPLGlCQUFpQjtBQUFBLFFBQ3RCLFNBQVMsT0FBTztBQUFBLFFBQ2hCLE1BQU0sT0FBTztBQUFBLFFBQ2IsTUFBTTtBQUFBLFFBQ04sZ0JBQWdCO0FBQUEsUUFDaEIseUJBQXlCLEVBQUUsTUFBTSxZQUFZO0FBQUEsUUFDN0MsT0FBTyxFQUFFLE1BQU0sOEJBQVEsU0FBUyxTQUFTLDhCQUFRLGNBQWMsd0JBQXdCLE1BQU07QUFBQSxNQUMvRixDQUFDO0FBQUEsSUFDSDtBQUNBLHFDQUFPLFFBQVEsMEJBQTBCLGVBQWUsRUFBRSxjQUFjO0FBQUEsRUFDMUUsQ0FBQztBQUVELFFBQU0sZUFBWTtBQUFBLE9BQ2hCLG9DQUFhLFdBQVcsQ0FBQyxRQUFRO0FBQy9CLFVBQUksU0FBUztBQUNiLFVBQUksYUFBYSxTQUFTO0FBQzFCLFVBQUksUUFBUSxvQkFBb0IsSUFBSSxRQUFRLGtCQUFrQixJQUFJLENBQUMsU0FBaUIsS0FBSyxRQUFRLGFBQWEsV0FBVyxDQUFDO0FBQUEsSUFDNUgsQ0FBQztBQUFBLEVBQ0g7QUFDQSwrQkFBRyx5R0FBeUcsTUFBTTtBQUNoSCxVQUFNLFFBQVE7QUFDZCxVQUFNLFFBQVEsTUFBTSxNQUFNLFdBQVc7QUFDckMsVUFBTSxZQUFTLG1DQUFZLE9BQU8sNkJBQTZCO0FBQy9ELHFDQUFPLE9BQU8sbUJBQW1CLFFBQVEsRUFBRSxLQUFLLGVBQWU7QUFDL0QscUNBQU8sT0FBTyxtQkFBbUIsYUFBYSxFQUFFLFFBQVEsQ0FBQyx5Q0FBeUMsQ0FBQztBQUNuRyxxQ0FBTyxPQUFPLHFCQUFxQixRQUFRLEVBQUUsY0FBYztBQUMzRCxxQ0FBTyxPQUFPLHFCQUFxQixhQUFhLEVBQUUsUUFBUSxDQUFDLDZCQUFPLGVBQWUsV0FBVyxDQUFDLENBQUM7QUFDOUYsVUFBTSxXQUFRLG1DQUFZLE9BQU8sZUFBZSxFQUFFO0FBQ2xELHFDQUFPLEtBQUssRUFBRSxRQUFRLDZCQUFPLGlCQUFpQixFQUFFLFVBQVUsaUJBQWlCLG1CQUFtQixzQ0FBc0MsQ0FBQyxDQUFDO0FBQ3RJLHdDQUFPLG1DQUFZLE9BQU8sYUFBYSxFQUFFLGlCQUFpQixRQUFRLEVBQUUsS0FBSyxlQUFlO0FBQ3hGLFVBQU0sZ0JBQWdCLE9BQU8sVUFBTyxtQ0FBWSxPQUFPLDRCQUE0QixDQUFDO0FBQ3BGLHFDQUFPLGNBQWMsSUFBSSxDQUFDLE1BQU0sRUFBRSxRQUFRLENBQUMsRUFBRSxRQUFRLENBQUMsR0FBRyxNQUFNLE9BQU8sY0FBYyxXQUFXLENBQUM7QUFBQSxFQUNsRyxDQUFDO0FBRUQscUNBQVMsMkJBQTJCLE1BQU07QUFDeEMsVUFBTSxXQUFRLHNDQUFZLG9DQUFhLFFBQVEsQ0FBQyxRQUFTLElBQUksVUFBVSxZQUFZLHFDQUFnQixDQUFDO0FBQ3BHLFVBQU0sUUFBUSxNQUFNLE1BQU0sV0FBVztBQUNyQyxVQUFNLGNBQVcsbUNBQVksT0FBTyw2QkFBNkIsRUFBRTtBQUVuRSxpQ0FBRyxnSEFBZ0gsTUFBTTtBQUN2SCx1Q0FBTyxRQUFRLEVBQUU7QUFBQSxRQUNmLDZCQUFPLGlCQUFpQjtBQUFBLFVBQ3RCLHdCQUF3QixzQ0FBZ0I7QUFBQSxVQUN4QyxtQkFBbUIsc0NBQWdCO0FBQUEsVUFDbkMsY0FBYztBQUFBLFVBQ2QsdUJBQXVCO0FBQUEsVUFDdkIscUJBQXFCO0FBQUEsVUFDckIsYUFBYSxDQUFDLFVBQVU7QUFBQSxVQUN4QixvQkFBb0IsQ0FBQyxvREFBb0Q7QUFBQSxVQUN6RSx3QkFBd0I7QUFBQSxZQUN0QixFQUFFLE1BQU0sOEJBQThCLDRCQUE0QixzQ0FBZ0IsZUFBZSx3QkFBd0I7QUFBQSxVQUMzSDtBQUFBLFFBQ0YsQ0FBQztBQUFBLE1BQ0g7QUFBQSxJQUNGLENBQUM7QUFFRCxpQ0FBRyxzREFBc0QsTUFBTTtBQUM3RCx1Q0FBTyxTQUFTLHNCQUFzQixFQUFFLFFBQVE7QUFBQSxRQUM5QyxTQUFTO0FBQUEsUUFDVCxzQkFBc0I7QUFBQSxRQUN0Qix1QkFBdUI7QUFBQSxNQUN6QixDQUFDO0FBQ0QsWUFBTSxjQUFXLG1DQUFZLE9BQU8sMEJBQTBCLEVBQUU7QUFDaEUsdUNBQU8sU0FBUyxVQUFVLEVBQUUsUUFBUSxRQUFRO0FBQzVDLHVDQUFPLFNBQVMsaUJBQWlCLEVBQUUsS0FBSyxzQ0FBZ0IsMEJBQTBCO0FBQUEsSUFDcEYsQ0FBQztBQUVELGlDQUFHLHdFQUF3RSxNQUFNO0FBQy9FLFlBQU0sZUFBZSxPQUFPLFVBQU8sbUNBQVksT0FBTyx3Q0FBd0MsQ0FBQztBQUMvRix1Q0FBTyxZQUFZLEVBQUUsYUFBYSxNQUFNLE9BQU8sUUFBUSxtQkFBbUIsTUFBTTtBQUNoRixpQkFBVyxlQUFlLGNBQWM7QUFDdEMseUNBQU8sWUFBWSxzQkFBc0IsRUFBRSxLQUFLLHVEQUF1RDtBQUN2Ryx5Q0FBTyxZQUFZLFNBQVMsRUFBRSxRQUFRLCtDQUErQztBQUFBLE1BQ3ZGO0FBQ0EsWUFBTSxVQUFPLG1DQUFZLE9BQU8sdUNBQXVDLEVBQUU7QUFDekUsdUNBQU8sS0FBSyxtQkFBbUIsRUFBRSxRQUFRLDJDQUEyQztBQUNwRix1Q0FBTyxLQUFLLG9CQUFvQixFQUFFLEtBQUssSUFBSTtBQUFBLElBQzdDLENBQUM7QUFFRCxpQ0FBRyxnRUFBZ0UsTUFBTTtBQUN2RSxZQUFNLFNBQVMsT0FBTyxVQUFPLG1DQUFZLE9BQU8sb0NBQW9DLENBQUM7QUFDckYsdUNBQU8sT0FBTyxJQUFJLENBQUMsTUFBTSxFQUFFLFNBQVMsRUFBRSxLQUFLLENBQUMsRUFBRSxRQUFRLENBQUMsTUFBTSxJQUFJLENBQUM7QUFDbEUsdUNBQU8sT0FBTyxNQUFNLENBQUMsTUFBTSxFQUFFLGNBQWMsTUFBUyxDQUFDLEVBQUUsS0FBSyxJQUFJO0FBQ2hFLFlBQU0sYUFBVSxtQ0FBWSxPQUFPLHFDQUFxQztBQUN4RSx1Q0FBTyxRQUFRLDJCQUEyQixFQUFFO0FBQUEsUUFDMUMsNkJBQU8saUJBQWlCLEVBQUUsV0FBVyxNQUFNLDhCQUE4QixxREFBcUQsQ0FBQztBQUFBLE1BQ2pJO0FBQ0EsdUNBQU8sUUFBUSw0QkFBNEIsaUJBQWlCLEVBQUUsUUFBUSw2REFBNkQ7QUFDbkksdUNBQU8sUUFBUSw4QkFBOEIsaUJBQWlCLEVBQUUsUUFBUSwrREFBK0Q7QUFBQSxJQUN6SSxDQUFDO0FBRUQsVUFBTSxlQUFZO0FBQUEsU0FDaEIsb0NBQWEsUUFBUSxDQUFDLFFBQVE7QUFDNUIsWUFBSSxVQUFVLFlBQVk7QUFBQSxVQUN4QixHQUFHO0FBQUEsVUFDSCxnQkFBZ0IsRUFBRSxNQUFNLGFBQWEsaUJBQWlCLCtDQUErQztBQUFBLFFBQ3ZHO0FBQUEsTUFDRixDQUFDO0FBQUEsSUFDSDtBQUNBLGlDQUFHLHlEQUF5RCxNQUFNO0FBQ2hFLFlBQU0sU0FBTSxtQ0FBWSxVQUFVLE1BQU0sV0FBVyxHQUFHLDZCQUE2QixFQUFFO0FBQ3JGLHVDQUFPLElBQUksc0JBQXNCLEVBQUUsUUFBUTtBQUFBLFFBQ3pDLEVBQUUsTUFBTSw0QkFBNEIsbUJBQW1CLCtDQUErQztBQUFBLE1BQ3hHLENBQUM7QUFBQSxJQUNILENBQUM7QUFBQSxFQUNILENBQUM7QUFDSCxDQUFDIiwibmFtZXMiOltdLCJpZ25vcmVMaXN0IjpbXSwic291cmNlcyI6WyJtZXNzYWdpbmctc3RhY2sudGVzdC50cyJdLCJzb3VyY2VzQ29udGVudCI6WyJpbXBvcnQgeyBkZXNjcmliZSwgZXhwZWN0LCBpdCB9IGZyb20gXCJ2aXRlc3RcIjtcbmltcG9ydCB7IFBST0RfQ0xJRU5UX1ZQTiwgU1RBTkRCWSB9IGZyb20gXCIuLi9zdXBwb3J0L21lc3NhZ2luZ1wiO1xuaW1wb3J0IHsgZWRpdGVkQ29uZmlnLCByZXNvdXJjZXNPZiwgc3ludGhDb25maWcsIHN5bnRoRW52aXJvbm1lbnQgfSBmcm9tIFwiLi4vc3VwcG9ydC9zeW50aFwiO1xuXG4vKiogQSByZWZlcmVuY2UgdG8gdGhlIG1lc3NhZ2luZyBDTUsgb2Ygc2VjcmV0cy1rbXMsIHRocm91Z2ggaXRzIHJlbW90ZSBzdGF0ZS4gKi9cbmNvbnN0IE1FU1NBR0lOR19LRVkgPSAvXlxcJFxce2RhdGFcXC50ZXJyYWZvcm1fcmVtb3RlX3N0YXRlXFwuY3Jvc3Nfc3RhY2tfcmVmZXJlbmNlX2lucHV0X1xcdytfc2VjcmV0c19rbXNcXC5vdXRwdXRzXFwuY3Jvc3Nfc3RhY2tfb3V0cHV0X2F3c19rbXNfa2V5X21lc3NhZ2luZ19rZXlfYXJuXFx9JC87XG5jb25zdCBMT0dTX0tFWSA9IC9eXFwkXFx7ZGF0YVxcLnRlcnJhZm9ybV9yZW1vdGVfc3RhdGVcXC5jcm9zc19zdGFja19yZWZlcmVuY2VfaW5wdXRfXFx3K19zZWNyZXRzX2ttc1xcLm91dHB1dHNcXC5jcm9zc19zdGFja19vdXRwdXRfYXdzX2ttc19rZXlfbG9nc19rZXlfYXJuXFx9JC87XG5jb25zdCBBTEJfRE5TX05BTUUgPSAvXlxcJFxce2RhdGFcXC50ZXJyYWZvcm1fcmVtb3RlX3N0YXRlXFwuY3Jvc3Nfc3RhY2tfcmVmZXJlbmNlX2lucHV0X1xcdytfZWRnZVxcLm91dHB1dHNcXC5jcm9zc19zdGFja19vdXRwdXRfYXdzX2xiX2FsYl9kbnNfbmFtZVxcfSQvO1xuY29uc3QgQUxCX1pPTkVfSUQgPSAvXlxcJFxce2RhdGFcXC50ZXJyYWZvcm1fcmVtb3RlX3N0YXRlXFwuY3Jvc3Nfc3RhY2tfcmVmZXJlbmNlX2lucHV0X1xcdytfZWRnZVxcLm91dHB1dHNcXC5jcm9zc19zdGFja19vdXRwdXRfYXdzX2xiX2FsYl96b25lX2lkXFx9JC87XG5jb25zdCBBTEFSTV9UT1BJQyA9IC9eXFwkXFx7ZGF0YVxcLnRlcnJhZm9ybV9yZW1vdGVfc3RhdGVcXC5jcm9zc19zdGFja19yZWZlcmVuY2VfaW5wdXRfXFx3K19vYnNlcnZhYmlsaXR5XFwub3V0cHV0c1xcLmNyb3NzX3N0YWNrX291dHB1dF9hd3Nfc25zX3RvcGljX2FsYXJtX3RvcGljX2FyblxcfSQvO1xuXG5mdW5jdGlvbiBzdGF0ZW1lbnRzT2YocG9saWN5OiBzdHJpbmcpOiBhbnlbXSB7XG4gIHJldHVybiBKU09OLnBhcnNlKHBvbGljeSkuU3RhdGVtZW50O1xufVxuXG5kZXNjcmliZS5lYWNoKFtcImRldlwiLCBcInN0YWdpbmdcIiwgXCJwcm9kXCJdKShcIiVzIG1lc3NhZ2luZyBzdGFja1wiLCAoZW52KSA9PiB7XG4gIGNvbnN0IHN5bnRoID0gc3ludGhFbnZpcm9ubWVudChlbnYpO1xuICBjb25zdCBzdGFjayA9IHN5bnRoLnN0YWNrKFwibWVzc2FnaW5nXCIpO1xuICBjb25zdCBzZXR0aW5ncyA9IHN5bnRoLmNvbmZpZy5tZXNzYWdpbmchO1xuICBjb25zdCBxdWV1ZXMgPSByZXNvdXJjZXNPZihzdGFjaywgXCJhd3Nfc3FzX3F1ZXVlXCIpO1xuXG4gIGl0KFwiYnVpbGRzIGEgRklGTyBlc2NhbGF0aW9uIHF1ZXVlIHdob3NlIHJlZHJpdmUgcG9saWN5IHBvaW50cyBhdCBhIEZJRk8gRExRIGFmdGVyIG1heFJlY2VpdmVDb3VudCByZWNlaXZlc1wiLCAoKSA9PiB7XG4gICAgY29uc3QgcXVldWUgPSBxdWV1ZXMuZXNjYWxhdGlvbl9xdWV1ZTtcbiAgICBleHBlY3QocXVldWUpLnRvRXF1YWwoXG4gICAgICBleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7XG4gICAgICAgIG5hbWU6IGB2b2ljZS1haS0ke2Vudn0tZXNjYWxhdGlvbi5maWZvYCxcbiAgICAgICAgZmlmb19xdWV1ZTogdHJ1ZSxcbiAgICAgICAgY29udGVudF9iYXNlZF9kZWR1cGxpY2F0aW9uOiBzZXR0aW5ncy5lc2NhbGF0aW9uUXVldWUuY29udGVudEJhc2VkRGVkdXBsaWNhdGlvbixcbiAgICAgICAgbWVzc2FnZV9yZXRlbnRpb25fc2Vjb25kczogc2V0dGluZ3MuZXNjYWxhdGlvblF1ZXVlLm1lc3NhZ2VSZXRlbnRpb25TZWNvbmRzLFxuICAgICAgICB2aXNpYmlsaXR5X3RpbWVvdXRfc2Vjb25kczogc2V0dGluZ3MuZXNjYWxhdGlvblF1ZXVlLnZpc2liaWxpdHlUaW1lb3V0U2Vjb25kcyxcbiAgICAgIH0pLFxuICAgICk7XG4gICAgZXhwZWN0KEpTT04ucGFyc2UocXVldWUucmVkcml2ZV9wb2xpY3kpKS50b0VxdWFsKHtcbiAgICAgIGRlYWRMZXR0ZXJUYXJnZXRBcm46IFwiJHthd3Nfc3FzX3F1ZXVlLmVzY2FsYXRpb25fZGxxLmFybn1cIixcbiAgICAgIG1heFJlY2VpdmVDb3VudDogc2V0dGluZ3MuZXNjYWxhdGlvblF1ZXVlLm1heFJlY2VpdmVDb3VudCxcbiAgICB9KTtcbiAgICBleHBlY3QocXVldWVzLmVzY2FsYXRpb25fZGxxKS50b0VxdWFsKFxuICAgICAgZXhwZWN0Lm9iamVjdENvbnRhaW5pbmcoe1xuICAgICAgICBuYW1lOiBgdm9pY2UtYWktJHtlbnZ9LWVzY2FsYXRpb24tZGxxLmZpZm9gLFxuICAgICAgICBmaWZvX3F1ZXVlOiB0cnVlLFxuICAgICAgICBtZXNzYWdlX3JldGVudGlvbl9zZWNvbmRzOiBzZXR0aW5ncy5kZWFkTGV0dGVyUXVldWUubWVzc2FnZVJldGVudGlvblNlY29uZHMsXG4gICAgICB9KSxcbiAgICApO1xuICB9KTtcblxuICBpdChcImxldHMgdGhlIERMUSBhY2NlcHQgcmVkcml2ZXMgZnJvbSB0aGUgZXNjYWxhdGlvbiBxdWV1ZSBvbmx5XCIsICgpID0+IHtcbiAgICBjb25zdCBhbGxvdyA9IHJlc291cmNlc09mKHN0YWNrLCBcImF3c19zcXNfcXVldWVfcmVkcml2ZV9hbGxvd19wb2xpY3lcIikuZXNjYWxhdGlvbl9kbHFfcmVkcml2ZV9hbGxvdztcbiAgICBleHBlY3QoYWxsb3cucXVldWVfdXJsKS50b0JlKFwiJHthd3Nfc3FzX3F1ZXVlLmVzY2FsYXRpb25fZGxxLnVybH1cIik7XG4gICAgZXhwZWN0KEpTT04ucGFyc2UoYWxsb3cucmVkcml2ZV9hbGxvd19wb2xpY3kpKS50b0VxdWFsKHtcbiAgICAgIHJlZHJpdmVQZXJtaXNzaW9uOiBcImJ5UXVldWVcIixcbiAgICAgIHNvdXJjZVF1ZXVlQXJuczogW1wiJHthd3Nfc3FzX3F1ZXVlLmVzY2FsYXRpb25fcXVldWUuYXJufVwiXSxcbiAgICB9KTtcbiAgfSk7XG5cbiAgaXQoXCJlbmNyeXB0cyBib3RoIHF1ZXVlcyBhbmQgdGhlIGNvbmZpcm1hdGlvbnMgdG9waWMgd2l0aCB0aGUgbWVzc2FnaW5nIENNSyBhbmQgcmVmdXNlcyBwbGFpbnRleHQgdHJhbnNwb3J0XCIsICgpID0+IHtcbiAgICBmb3IgKGNvbnN0IHF1ZXVlIG9mIE9iamVjdC52YWx1ZXMocXVldWVzKSkgZXhwZWN0KHF1ZXVlLmttc19tYXN0ZXJfa2V5X2lkKS50b01hdGNoKE1FU1NBR0lOR19LRVkpO1xuICAgIGNvbnN0IHRvcGljID0gcmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX3Nuc190b3BpY1wiKS5jb25maXJtYXRpb25zX3RvcGljO1xuICAgIGV4cGVjdCh0b3BpYy5rbXNfbWFzdGVyX2tleV9pZCkudG9NYXRjaChNRVNTQUdJTkdfS0VZKTtcbiAgICBjb25zdCBwb2xpY2llcyA9IFtcbiAgICAgIC4uLk9iamVjdC52YWx1ZXMocmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX3Nxc19xdWV1ZV9wb2xpY3lcIikpLFxuICAgICAgcmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX3Nuc190b3BpY19wb2xpY3lcIikuY29uZmlybWF0aW9uc190b3BpY19wb2xpY3ksXG4gICAgXTtcbiAgICBleHBlY3QocG9saWNpZXMpLnRvSGF2ZUxlbmd0aCgzKTtcbiAgICBmb3IgKGNvbnN0IHBvbGljeSBvZiBwb2xpY2llcykge1xuICAgICAgZXhwZWN0KHN0YXRlbWVudHNPZihwb2xpY3kucG9saWN5KSkudG9Db250YWluRXF1YWwoXG4gICAgICAgIGV4cGVjdC5vYmplY3RDb250YWluaW5nKHsgRWZmZWN0OiBcIkRlbnlcIiwgUHJpbmNpcGFsOiBcIipcIiwgQ29uZGl0aW9uOiB7IEJvb2w6IHsgXCJhd3M6U2VjdXJlVHJhbnNwb3J0XCI6IGZhbHNlIH0gfSB9KSxcbiAgICAgICk7XG4gICAgfVxuICB9KTtcblxuICBpdChcInBhZ2VzIHRocm91Z2ggdGhlIG9ic2VydmFiaWxpdHkgdG9waWMgd2hlbiBhbiBlc2NhbGF0aW9uIGxhbmRzIGluIHRoZSBETFFcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGFsYXJtID0gcmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX2Nsb3Vkd2F0Y2hfbWV0cmljX2FsYXJtXCIpLmVzY2FsYXRpb25fZGxxX2FsYXJtO1xuICAgIGV4cGVjdChhbGFybSkudG9FcXVhbChcbiAgICAgIGV4cGVjdC5vYmplY3RDb250YWluaW5nKHtcbiAgICAgICAgbmFtZXNwYWNlOiBcIkFXUy9TUVNcIixcbiAgICAgICAgbWV0cmljX25hbWU6IFwiQXBwcm94aW1hdGVOdW1iZXJPZk1lc3NhZ2VzVmlzaWJsZVwiLFxuICAgICAgICBkaW1lbnNpb25zOiB7IFF1ZXVlTmFtZTogXCIke2F3c19zcXNfcXVldWUuZXNjYWxhdGlvbl9kbHEubmFtZX1cIiB9LFxuICAgICAgICBjb21wYXJpc29uX29wZXJhdG9yOiBcIkdyZWF0ZXJUaGFuVGhyZXNob2xkXCIsXG4gICAgICAgIHRocmVzaG9sZDogMCxcbiAgICAgIH0pLFxuICAgICk7XG4gICAgZXhwZWN0KGFsYXJtLmFsYXJtX2FjdGlvbnMpLnRvRXF1YWwoW2V4cGVjdC5zdHJpbmdNYXRjaGluZyhBTEFSTV9UT1BJQyldKTtcbiAgfSk7XG5cbiAgaXQoXCJwcm9iZXMgdGhlIEFMQiBpdHNlbGYgb24gL2hlYWx0aCBhbmQgYWxhcm1zIGluIHVzLWVhc3QtMSB3aGVuIFJvdXRlNTMgc2VlcyBpdCB1bmhlYWx0aHlcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGNoZWNrID0gcmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX3JvdXRlNTNfaGVhbHRoX2NoZWNrXCIpLmhlYWx0aF9jaGVjaztcbiAgICBleHBlY3QoY2hlY2spLnRvRXF1YWwoXG4gICAgICBleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7XG4gICAgICAgIHJlc291cmNlX3BhdGg6IFwiL2hlYWx0aFwiLFxuICAgICAgICBmYWlsdXJlX3RocmVzaG9sZDogc2V0dGluZ3MuaGVhbHRoQ2hlY2suZmFpbHVyZVRocmVzaG9sZCxcbiAgICAgICAgcmVxdWVzdF9pbnRlcnZhbDogc2V0dGluZ3MuaGVhbHRoQ2hlY2sucmVxdWVzdEludGVydmFsU2Vjb25kcyxcbiAgICAgICAgdHlwZTogc3ludGguY29uZmlnLmVkZ2UuaHR0cHMgPyBcIkhUVFBTXCIgOiBcIkhUVFBcIixcbiAgICAgICAgcG9ydDogc3ludGguY29uZmlnLmVkZ2UuaHR0cHMgPyA0NDMgOiA4MCxcbiAgICAgIH0pLFxuICAgICk7XG4gICAgZXhwZWN0KGNoZWNrLmZxZG4pLnRvTWF0Y2goQUxCX0ROU19OQU1FKTtcbiAgICBjb25zdCBhbGFybSA9IHJlc291cmNlc09mKHN0YWNrLCBcImF3c19jbG91ZHdhdGNoX21ldHJpY19hbGFybVwiKS5oZWFsdGhfY2hlY2tfYWxhcm07XG4gICAgZXhwZWN0KGFsYXJtKS50b0VxdWFsKFxuICAgICAgZXhwZWN0Lm9iamVjdENvbnRhaW5pbmcoe1xuICAgICAgICBuYW1lc3BhY2U6IFwiQVdTL1JvdXRlNTNcIixcbiAgICAgICAgbWV0cmljX25hbWU6IFwiSGVhbHRoQ2hlY2tTdGF0dXNcIixcbiAgICAgICAgZGltZW5zaW9uczogeyBIZWFsdGhDaGVja0lkOiBcIiR7YXdzX3JvdXRlNTNfaGVhbHRoX2NoZWNrLmhlYWx0aF9jaGVjay5pZH1cIiB9LFxuICAgICAgICBzdGF0aXN0aWM6IFwiTWluaW11bVwiLFxuICAgICAgICBjb21wYXJpc29uX29wZXJhdG9yOiBcIkxlc3NUaGFuVGhyZXNob2xkXCIsXG4gICAgICAgIHRocmVzaG9sZDogMSxcbiAgICAgICAgdHJlYXRfbWlzc2luZ19kYXRhOiBcImJyZWFjaGluZ1wiLFxuICAgICAgfSksXG4gICAgKTtcbiAgICBleHBlY3QoYWxhcm0uYWxhcm1fYWN0aW9ucykudG9FcXVhbChbZXhwZWN0LnN0cmluZ01hdGNoaW5nKEFMQVJNX1RPUElDKV0pO1xuICB9KTtcblxuICBpdChcImNyZWF0ZXMgbm8gZmFpbG92ZXIgcmVjb3JkcyB3aXRob3V0IGEgY29uZmlndXJlZCBzdGFuZGJ5LCBhbmQgbm8gQ2xpZW50IFZQTiBieSBkZWZhdWx0XCIsICgpID0+IHtcbiAgICBjb25zdCBmYWlsb3ZlciA9IE9iamVjdC52YWx1ZXMocmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX3JvdXRlNTNfcmVjb3JkXCIpKS5maWx0ZXIoKHIpID0+IHIuZmFpbG92ZXJfcm91dGluZ19wb2xpY3kpO1xuICAgIGV4cGVjdChmYWlsb3ZlcikudG9FcXVhbChbXSk7XG4gICAgZXhwZWN0KHJlc291cmNlc09mKHN0YWNrLCBcImF3c19lYzJfY2xpZW50X3Zwbl9lbmRwb2ludFwiKSkudG9FcXVhbCh7fSk7XG4gICAgZXhwZWN0KHJlc291cmNlc09mKHN0YWNrLCBcImF3c19zZWN1cml0eV9ncm91cFwiKSkudG9FcXVhbCh7fSk7XG4gIH0pO1xuXG4gIGl0KFwiZ2l2ZXMgb25seSB0aGUgY29uZmlndXJlZCBzZXJ2aWNlcycgdGFzayByb2xlcyB0aGUgbWVzc2FnaW5nIHBvbGljeVwiLCAoKSA9PiB7XG4gICAgY29uc3QgYXR0YWNobWVudHMgPSBPYmplY3QudmFsdWVzKHJlc291cmNlc09mKHN0YWNrLCBcImF3c19pYW1fcm9sZV9wb2xpY3lfYXR0YWNobWVudFwiKSk7XG4gICAgZXhwZWN0KGF0dGFjaG1lbnRzKS50b0hhdmVMZW5ndGgoc2V0dGluZ3MuYXBwU2VydmljZXMubGVuZ3RoKTtcbiAgICBleHBlY3QoYXR0YWNobWVudHNbMF0ucm9sZSkudG9NYXRjaCgvY3Jvc3Nfc3RhY2tfb3V0cHV0X2F3c19pYW1fcm9sZV92b2ljZV9hcGlfdGFza19yb2xlX2Fybi8pO1xuICAgIGNvbnN0IHN0YXRlbWVudHMgPSBzdGF0ZW1lbnRzT2YocmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX2lhbV9wb2xpY3lcIikuYXBwX3BvbGljeS5wb2xpY3kpO1xuICAgIGV4cGVjdChzdGF0ZW1lbnRzKS50b0NvbnRhaW5FcXVhbChcbiAgICAgIGV4cGVjdC5vYmplY3RDb250YWluaW5nKHsgU2lkOiBcIlVzZUVzY2FsYXRpb25RdWV1ZVwiLCBSZXNvdXJjZTogXCIke2F3c19zcXNfcXVldWUuZXNjYWxhdGlvbl9xdWV1ZS5hcm59XCIgfSksXG4gICAgKTtcbiAgICBjb25zdCBzbXMgPSBzdGF0ZW1lbnRzLmZpbmQoKHMpID0+IHMuU2lkID09PSBcIlNlbmRTbXNUb1Bob25lTnVtYmVyc1wiKTtcbiAgICBpZiAoc2V0dGluZ3MuY29uZmlybWF0aW9ucy5zbXMpIHtcbiAgICAgIGV4cGVjdChzbXMpLnRvRXF1YWwoZXhwZWN0Lm9iamVjdENvbnRhaW5pbmcoeyBBY3Rpb246IFwic25zOlB1Ymxpc2hcIiwgTm90UmVzb3VyY2U6IFwiYXJuOmF3czpzbnM6KjoqOipcIiB9KSk7XG4gICAgICBleHBlY3Qoc21zLlJlc291cmNlKS50b0JlVW5kZWZpbmVkKCk7XG4gICAgfSBlbHNlIHtcbiAgICAgIGV4cGVjdChzbXMpLnRvQmVVbmRlZmluZWQoKTtcbiAgICB9XG4gIH0pO1xufSk7XG5cbmRlc2NyaWJlLmVhY2goW1wic3RhZ2luZ1wiLCBcInByb2RcIl0pKFwiJXMgU0VTIGlkZW50aXR5XCIsIChlbnYpID0+IHtcbiAgY29uc3Qgc3ludGggPSBzeW50aEVudmlyb25tZW50KGVudik7XG4gIGNvbnN0IHN0YWNrID0gc3ludGguc3RhY2soXCJtZXNzYWdpbmdcIik7XG4gIGNvbnN0IGRvbWFpbiA9IHN5bnRoLmNvbmZpZy5lZGdlLmRvbWFpbiE7XG5cbiAgaXQoXCJ2ZXJpZmllcyB0aGUgZG9tYWluIHdpdGggMjA0OC1iaXQgRWFzeSBES0lNIHRocm91Z2ggYSBUTFMtb25seSBjb25maWd1cmF0aW9uIHNldFwiLCAoKSA9PiB7XG4gICAgZXhwZWN0KHJlc291cmNlc09mKHN0YWNrLCBcImF3c19zZXN2Ml9lbWFpbF9pZGVudGl0eVwiKS5zZXNfaWRlbnRpdHkpLnRvRXF1YWwoXG4gICAgICBleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7XG4gICAgICAgIGVtYWlsX2lkZW50aXR5OiBkb21haW4ubmFtZSxcbiAgICAgICAgZGtpbV9zaWduaW5nX2F0dHJpYnV0ZXM6IHsgbmV4dF9zaWduaW5nX2tleV9sZW5ndGg6IFwiUlNBXzIwNDhfQklUXCIgfSxcbiAgICAgICAgY29uZmlndXJhdGlvbl9zZXRfbmFtZTogXCIke2F3c19zZXN2Ml9jb25maWd1cmF0aW9uX3NldC5zZXNfY29uZmlndXJhdGlvbl9zZXQuY29uZmlndXJhdGlvbl9zZXRfbmFtZX1cIixcbiAgICAgIH0pLFxuICAgICk7XG4gICAgZXhwZWN0KHJlc291cmNlc09mKHN0YWNrLCBcImF3c19zZXN2Ml9jb25maWd1cmF0aW9uX3NldFwiKS5zZXNfY29uZmlndXJhdGlvbl9zZXQuZGVsaXZlcnlfb3B0aW9ucykudG9FcXVhbCh7IHRsc19wb2xpY3k6IFwiUkVRVUlSRVwiIH0pO1xuICB9KTtcblxuICBpdChcInB1Ymxpc2hlcyB0aGUgdGhyZWUgREtJTSBDTkFNRXMgaW4gdGhlIGRvbWFpbidzIHpvbmUsIG9uZSBwZXIgdG9rZW5cIiwgKCkgPT4ge1xuICAgIGNvbnN0IGNuYW1lcyA9IE9iamVjdC52YWx1ZXMocmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX3JvdXRlNTNfcmVjb3JkXCIpKS5maWx0ZXIoKHIpID0+IHIudHlwZSA9PT0gXCJDTkFNRVwiKTtcbiAgICBleHBlY3QoY25hbWVzKS50b0hhdmVMZW5ndGgoMyk7XG4gICAgY25hbWVzLmZvckVhY2goKHJlY29yZCwgaSkgPT4ge1xuICAgICAgY29uc3QgdG9rZW4gPSBgXFwke2VsZW1lbnQoYXdzX3Nlc3YyX2VtYWlsX2lkZW50aXR5LnNlc19pZGVudGl0eS5ka2ltX3NpZ25pbmdfYXR0cmlidXRlc1swXS50b2tlbnMsICR7aX0pfWA7XG4gICAgICBleHBlY3QocmVjb3JkKS50b0VxdWFsKFxuICAgICAgICBleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7XG4gICAgICAgICAgem9uZV9pZDogZG9tYWluLmhvc3RlZFpvbmVJZCxcbiAgICAgICAgICBuYW1lOiBgJHt0b2tlbn0uX2RvbWFpbmtleS4ke2RvbWFpbi5uYW1lfWAsXG4gICAgICAgICAgcmVjb3JkczogW2Ake3Rva2VufS5ka2ltLmFtYXpvbnNlcy5jb21gXSxcbiAgICAgICAgfSksXG4gICAgICApO1xuICAgIH0pO1xuICB9KTtcblxuICBpdChcInNldHMgYSBNQUlMIEZST00gc3ViZG9tYWluIHdpdGggaXRzIE1YIGFuZCBTUEYgcmVjb3Jkc1wiLCAoKSA9PiB7XG4gICAgY29uc3QgbWFpbEZyb20gPSBgJHtzeW50aC5jb25maWcubWVzc2FnaW5nIS5zZXMubWFpbEZyb21TdWJkb21haW59LiR7ZG9tYWluLm5hbWV9YDtcbiAgICBjb25zdCByZWNvcmRzID0gT2JqZWN0LnZhbHVlcyhyZXNvdXJjZXNPZihzdGFjaywgXCJhd3Nfcm91dGU1M19yZWNvcmRcIikpLmZpbHRlcigocikgPT4gci5uYW1lID09PSBtYWlsRnJvbSk7XG4gICAgZXhwZWN0KHJlY29yZHMubWFwKChyKSA9PiBbci50eXBlLCByLnJlY29yZHNdKSkudG9FcXVhbChbXG4gICAgICBbXCJNWFwiLCBbYDEwIGZlZWRiYWNrLXNtdHAuJHtzeW50aC5jb25maWcucmVnaW9ufS5hbWF6b25zZXMuY29tYF1dLFxuICAgICAgW1wiVFhUXCIsIFtcInY9c3BmMSBpbmNsdWRlOmFtYXpvbnNlcy5jb20gfmFsbFwiXV0sXG4gICAgXSk7XG4gIH0pO1xuXG4gIGl0KFwibGV0cyB0aGUgYXBwIHNlbmQgb25seSBhcyB0aGUgZG9tYWluIHRocm91Z2ggdGhlIGNvbmZpZ3VyYXRpb24gc2V0XCIsICgpID0+IHtcbiAgICBjb25zdCBzdGF0ZW1lbnRzID0gc3RhdGVtZW50c09mKHJlc291cmNlc09mKHN0YWNrLCBcImF3c19pYW1fcG9saWN5XCIpLmFwcF9wb2xpY3kucG9saWN5KTtcbiAgICBleHBlY3Qoc3RhdGVtZW50cykudG9Db250YWluRXF1YWwoXG4gICAgICBleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7XG4gICAgICAgIFNpZDogXCJTZW5kRW1haWxBc1RoZURvbWFpblwiLFxuICAgICAgICBSZXNvdXJjZTogW1wiJHthd3Nfc2VzdjJfZW1haWxfaWRlbnRpdHkuc2VzX2lkZW50aXR5LmFybn1cIiwgXCIke2F3c19zZXN2Ml9jb25maWd1cmF0aW9uX3NldC5zZXNfY29uZmlndXJhdGlvbl9zZXQuYXJufVwiXSxcbiAgICAgIH0pLFxuICAgICk7XG4gIH0pO1xufSk7XG5cbmRlc2NyaWJlKFwibWVzc2FnaW5nIHN0YWNrIHZhcmlhbnRzXCIsICgpID0+IHtcbiAgaXQoXCJkZXYgKFNFUyBvZmYpIGhhcyBubyBTRVMgaWRlbnRpdHkgYW5kIG5vIEROUyByZWNvcmRzXCIsICgpID0+IHtcbiAgICBjb25zdCBzdGFjayA9IHN5bnRoRW52aXJvbm1lbnQoXCJkZXZcIikuc3RhY2soXCJtZXNzYWdpbmdcIik7XG4gICAgZXhwZWN0KHJlc291cmNlc09mKHN0YWNrLCBcImF3c19zZXN2Ml9lbWFpbF9pZGVudGl0eVwiKSkudG9FcXVhbCh7fSk7XG4gICAgZXhwZWN0KHJlc291cmNlc09mKHN0YWNrLCBcImF3c19yb3V0ZTUzX3JlY29yZFwiKSkudG9FcXVhbCh7fSk7XG4gIH0pO1xuXG4gIC8vIFN5bnRoZXNpemVkIHdoaWxlIGNvbGxlY3RpbmcsIGxpa2UgdGhlIG90aGVyIHZhcmlhbnRzOiBhIHdob2xlIGVudmlyb25tZW50IHRha2VzIHNlY29uZHMgdW5kZXIgbG9hZC5cbiAgY29uc3Qgd2l0aG91dE1lc3NhZ2luZyA9IHN5bnRoQ29uZmlnKGVkaXRlZENvbmZpZyhcImRldlwiLCAocmF3KSA9PiBkZWxldGUgcmF3Lm1lc3NhZ2luZykpO1xuICBpdChcImlzIG5vdCBzeW50aGVzaXplZCB3aGVuIHRoZSBtZXNzYWdpbmcgc2VjdGlvbiBpcyBhYnNlbnRcIiwgKCkgPT4ge1xuICAgIGNvbnN0IHN5bnRoID0gd2l0aG91dE1lc3NhZ2luZztcbiAgICBleHBlY3Qoc3ludGguc3RhY2tJZHMpLm5vdC50b0NvbnRhaW4oXCJkZXYtbWVzc2FnaW5nXCIpO1xuICAgIGV4cGVjdChzeW50aC5zdGFja3MubWVzc2FnaW5nKS50b0JlVW5kZWZpbmVkKCk7XG4gICAgZXhwZWN0KCgpID0+IHN5bnRoLnN0YWNrKFwibWVzc2FnaW5nXCIpKS50b1Rocm93KC9ubyBzdGFjayBkZXYtbWVzc2FnaW5nLyk7XG4gIH0pO1xuXG4gIGNvbnN0IHdpdGhGYWlsb3ZlciA9IHN5bnRoQ29uZmlnKGVkaXRlZENvbmZpZyhcInByb2RcIiwgKHJhdykgPT4gKHJhdy5tZXNzYWdpbmcuZmFpbG92ZXIgPSB7IHNlY29uZGFyeTogU1RBTkRCWSB9KSkpO1xuICBpdChcInJvdXRlcyB0aGUgZG9tYWluIHRvIHRoZSBBTEIgd2hpbGUgaGVhbHRoeSBhbmQgdG8gdGhlIGNvbmZpZ3VyZWQgc3RhbmRieSBvdGhlcndpc2VcIiwgKCkgPT4ge1xuICAgIGNvbnN0IHN5bnRoID0gd2l0aEZhaWxvdmVyO1xuICAgIGNvbnN0IGRvbWFpbiA9IHN5bnRoLmNvbmZpZy5lZGdlLmRvbWFpbiE7XG4gICAgY29uc3QgcmVjb3JkcyA9IHJlc291cmNlc09mKHN5bnRoLnN0YWNrKFwibWVzc2FnaW5nXCIpLCBcImF3c19yb3V0ZTUzX3JlY29yZFwiKTtcbiAgICBleHBlY3QocmVjb3Jkcy5mYWlsb3Zlcl9wcmltYXJ5X3JlY29yZCkudG9FcXVhbChcbiAgICAgIGV4cGVjdC5vYmplY3RDb250YWluaW5nKHtcbiAgICAgICAgem9uZV9pZDogZG9tYWluLmhvc3RlZFpvbmVJZCxcbiAgICAgICAgbmFtZTogZG9tYWluLm5hbWUsXG4gICAgICAgIHR5cGU6IFwiQVwiLFxuICAgICAgICBzZXRfaWRlbnRpZmllcjogXCJwcmltYXJ5XCIsXG4gICAgICAgIGZhaWxvdmVyX3JvdXRpbmdfcG9saWN5OiB7IHR5cGU6IFwiUFJJTUFSWVwiIH0sXG4gICAgICAgIGhlYWx0aF9jaGVja19pZDogXCIke2F3c19yb3V0ZTUzX2hlYWx0aF9jaGVjay5oZWFsdGhfY2hlY2suaWR9XCIsXG4gICAgICAgIGFsaWFzOiBleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7IGV2YWx1YXRlX3RhcmdldF9oZWFsdGg6IHRydWUgfSksXG4gICAgICB9KSxcbiAgICApO1xuICAgIGV4cGVjdChyZWNvcmRzLmZhaWxvdmVyX3ByaW1hcnlfcmVjb3JkLmFsaWFzLm5hbWUpLnRvTWF0Y2goQUxCX0ROU19OQU1FKTtcbiAgICBleHBlY3QocmVjb3Jkcy5mYWlsb3Zlcl9wcmltYXJ5X3JlY29yZC5hbGlhcy56b25lX2lkKS50b01hdGNoKEFMQl9aT05FX0lEKTtcbiAgICBleHBlY3QocmVjb3Jkcy5mYWlsb3Zlcl9zZWNvbmRhcnlfcmVjb3JkKS50b0VxdWFsKFxuICAgICAgZXhwZWN0Lm9iamVjdENvbnRhaW5pbmcoe1xuICAgICAgICB6b25lX2lkOiBkb21haW4uaG9zdGVkWm9uZUlkLFxuICAgICAgICBuYW1lOiBkb21haW4ubmFtZSxcbiAgICAgICAgdHlwZTogXCJBXCIsXG4gICAgICAgIHNldF9pZGVudGlmaWVyOiBcInNlY29uZGFyeVwiLFxuICAgICAgICBmYWlsb3Zlcl9yb3V0aW5nX3BvbGljeTogeyB0eXBlOiBcIlNFQ09OREFSWVwiIH0sXG4gICAgICAgIGFsaWFzOiB7IG5hbWU6IFNUQU5EQlkuZG5zTmFtZSwgem9uZV9pZDogU1RBTkRCWS5ob3N0ZWRab25lSWQsIGV2YWx1YXRlX3RhcmdldF9oZWFsdGg6IGZhbHNlIH0sXG4gICAgICB9KSxcbiAgICApO1xuICAgIGV4cGVjdChyZWNvcmRzLmZhaWxvdmVyX3NlY29uZGFyeV9yZWNvcmQuaGVhbHRoX2NoZWNrX2lkKS50b0JlVW5kZWZpbmVkKCk7XG4gIH0pO1xuXG4gIGNvbnN0IGluRXVXZXN0MSA9IHN5bnRoQ29uZmlnKFxuICAgIGVkaXRlZENvbmZpZyhcInN0YWdpbmdcIiwgKHJhdykgPT4ge1xuICAgICAgcmF3LnJlZ2lvbiA9IFwiZXUtd2VzdC0xXCI7XG4gICAgICByYXcuc3RhdGVCYWNrZW5kLnJlZ2lvbiA9IFwiZXUtd2VzdC0xXCI7XG4gICAgICByYXcubmV0d29yay5hdmFpbGFiaWxpdHlab25lcyA9IHJhdy5uZXR3b3JrLmF2YWlsYWJpbGl0eVpvbmVzLm1hcCgoem9uZTogc3RyaW5nKSA9PiB6b25lLnJlcGxhY2UoXCJ1cy1lYXN0LTFcIiwgXCJldS13ZXN0LTFcIikpO1xuICAgIH0pLFxuICApO1xuICBpdChcIm91dHNpZGUgdXMtZWFzdC0xIGFsYXJtcyBvbiB0aGUgaGVhbHRoIGNoZWNrIGluIHVzLWVhc3QtMSB0aHJvdWdoIGFuIGVuY3J5cHRlZCB0b3BpYyBvZiBpdHMgb3duIHRoZXJlXCIsICgpID0+IHtcbiAgICBjb25zdCBzeW50aCA9IGluRXVXZXN0MTtcbiAgICBjb25zdCBzdGFjayA9IHN5bnRoLnN0YWNrKFwibWVzc2FnaW5nXCIpO1xuICAgIGNvbnN0IGFsYXJtcyA9IHJlc291cmNlc09mKHN0YWNrLCBcImF3c19jbG91ZHdhdGNoX21ldHJpY19hbGFybVwiKTtcbiAgICBleHBlY3QoYWxhcm1zLmhlYWx0aF9jaGVja19hbGFybS5wcm92aWRlcikudG9CZShcImF3cy51c19lYXN0XzFcIik7XG4gICAgZXhwZWN0KGFsYXJtcy5oZWFsdGhfY2hlY2tfYWxhcm0uYWxhcm1fYWN0aW9ucykudG9FcXVhbChbXCIke2F3c19zbnNfdG9waWMuaGVhbHRoX2FsYXJtX3RvcGljLmFybn1cIl0pO1xuICAgIGV4cGVjdChhbGFybXMuZXNjYWxhdGlvbl9kbHFfYWxhcm0ucHJvdmlkZXIpLnRvQmVVbmRlZmluZWQoKTtcbiAgICBleHBlY3QoYWxhcm1zLmVzY2FsYXRpb25fZGxxX2FsYXJtLmFsYXJtX2FjdGlvbnMpLnRvRXF1YWwoW2V4cGVjdC5zdHJpbmdNYXRjaGluZyhBTEFSTV9UT1BJQyldKTtcbiAgICBjb25zdCB0b3BpYyA9IHJlc291cmNlc09mKHN0YWNrLCBcImF3c19zbnNfdG9waWNcIikuaGVhbHRoX2FsYXJtX3RvcGljO1xuICAgIGV4cGVjdCh0b3BpYykudG9FcXVhbChleHBlY3Qub2JqZWN0Q29udGFpbmluZyh7IHByb3ZpZGVyOiBcImF3cy51c19lYXN0XzFcIiwga21zX21hc3Rlcl9rZXlfaWQ6IFwiJHthd3Nfa21zX2tleS5oZWFsdGhfYWxhcm1fa2V5LmFybn1cIiB9KSk7XG4gICAgZXhwZWN0KHJlc291cmNlc09mKHN0YWNrLCBcImF3c19rbXNfa2V5XCIpLmhlYWx0aF9hbGFybV9rZXkucHJvdmlkZXIpLnRvQmUoXCJhd3MudXNfZWFzdF8xXCIpO1xuICAgIGNvbnN0IHN1YnNjcmlwdGlvbnMgPSBPYmplY3QudmFsdWVzKHJlc291cmNlc09mKHN0YWNrLCBcImF3c19zbnNfdG9waWNfc3Vic2NyaXB0aW9uXCIpKTtcbiAgICBleHBlY3Qoc3Vic2NyaXB0aW9ucy5tYXAoKHMpID0+IHMuZW5kcG9pbnQpKS50b0VxdWFsKFsuLi5zeW50aC5jb25maWcub2JzZXJ2YWJpbGl0eS5hbGFybUVtYWlsc10pO1xuICB9KTtcblxuICBkZXNjcmliZShcIndpdGggQ2xpZW50IFZQTiBlbmFibGVkXCIsICgpID0+IHtcbiAgICBjb25zdCBzeW50aCA9IHN5bnRoQ29uZmlnKGVkaXRlZENvbmZpZyhcInByb2RcIiwgKHJhdykgPT4gKHJhdy5tZXNzYWdpbmcuY2xpZW50VnBuID0gUFJPRF9DTElFTlRfVlBOKSkpO1xuICAgIGNvbnN0IHN0YWNrID0gc3ludGguc3RhY2soXCJtZXNzYWdpbmdcIik7XG4gICAgY29uc3QgZW5kcG9pbnQgPSByZXNvdXJjZXNPZihzdGFjaywgXCJhd3NfZWMyX2NsaWVudF92cG5fZW5kcG9pbnRcIikuY2xpZW50X3Zwbl9lbmRwb2ludDtcblxuICAgIGl0KFwidGVybWluYXRlcyBvbiB0aGUgY29uZmlndXJlZCBjZXJ0aWZpY2F0ZSwgaGFuZHMgb3V0IHRoZSBjbGllbnQgcmFuZ2UgYW5kIGF1dGhlbnRpY2F0ZXMgYnkgY2xpZW50IGNlcnRpZmljYXRlXCIsICgpID0+IHtcbiAgICAgIGV4cGVjdChlbmRwb2ludCkudG9FcXVhbChcbiAgICAgICAgZXhwZWN0Lm9iamVjdENvbnRhaW5pbmcoe1xuICAgICAgICAgIHNlcnZlcl9jZXJ0aWZpY2F0ZV9hcm46IFBST0RfQ0xJRU5UX1ZQTi5zZXJ2ZXJDZXJ0aWZpY2F0ZUFybixcbiAgICAgICAgICBjbGllbnRfY2lkcl9ibG9jazogUFJPRF9DTElFTlRfVlBOLmNsaWVudENpZHIsXG4gICAgICAgICAgc3BsaXRfdHVubmVsOiB0cnVlLFxuICAgICAgICAgIHNlc3Npb25fdGltZW91dF9ob3VyczogOCxcbiAgICAgICAgICBzZWxmX3NlcnZpY2VfcG9ydGFsOiBcImRpc2FibGVkXCIsXG4gICAgICAgICAgZG5zX3NlcnZlcnM6IFtcIjEwLjAuMC4yXCJdLFxuICAgICAgICAgIHNlY3VyaXR5X2dyb3VwX2lkczogW1wiJHthd3Nfc2VjdXJpdHlfZ3JvdXAuY2xpZW50X3Zwbl9zZWN1cml0eV9ncm91cC5pZH1cIl0sXG4gICAgICAgICAgYXV0aGVudGljYXRpb25fb3B0aW9uczogW1xuICAgICAgICAgICAgeyB0eXBlOiBcImNlcnRpZmljYXRlLWF1dGhlbnRpY2F0aW9uXCIsIHJvb3RfY2VydGlmaWNhdGVfY2hhaW5fYXJuOiBQUk9EX0NMSUVOVF9WUE4uYXV0aGVudGljYXRpb24ucm9vdENlcnRpZmljYXRlQ2hhaW5Bcm4gfSxcbiAgICAgICAgICBdLFxuICAgICAgICB9KSxcbiAgICAgICk7XG4gICAgfSk7XG5cbiAgICBpdChcImxvZ3MgZXZlcnkgY29ubmVjdGlvbiB0byBhIEtNUy1lbmNyeXB0ZWQgbG9nIGdyb3VwXCIsICgpID0+IHtcbiAgICAgIGV4cGVjdChlbmRwb2ludC5jb25uZWN0aW9uX2xvZ19vcHRpb25zKS50b0VxdWFsKHtcbiAgICAgICAgZW5hYmxlZDogdHJ1ZSxcbiAgICAgICAgY2xvdWR3YXRjaF9sb2dfZ3JvdXA6IFwiJHthd3NfY2xvdWR3YXRjaF9sb2dfZ3JvdXAuY2xpZW50X3Zwbl9sb2dfZ3JvdXAubmFtZX1cIixcbiAgICAgICAgY2xvdWR3YXRjaF9sb2dfc3RyZWFtOiBcIiR7YXdzX2Nsb3Vkd2F0Y2hfbG9nX3N0cmVhbS5jbGllbnRfdnBuX2xvZ19zdHJlYW0ubmFtZX1cIixcbiAgICAgIH0pO1xuICAgICAgY29uc3QgbG9nR3JvdXAgPSByZXNvdXJjZXNPZihzdGFjaywgXCJhd3NfY2xvdWR3YXRjaF9sb2dfZ3JvdXBcIikuY2xpZW50X3Zwbl9sb2dfZ3JvdXA7XG4gICAgICBleHBlY3QobG9nR3JvdXAua21zX2tleV9pZCkudG9NYXRjaChMT0dTX0tFWSk7XG4gICAgICBleHBlY3QobG9nR3JvdXAucmV0ZW50aW9uX2luX2RheXMpLnRvQmUoUFJPRF9DTElFTlRfVlBOLmNvbm5lY3Rpb25Mb2dSZXRlbnRpb25EYXlzKTtcbiAgICB9KTtcblxuICAgIGl0KFwiaXMgYXNzb2NpYXRlZCB3aXRoIGV2ZXJ5IHByaXZhdGUgc3VibmV0IGFuZCBhdXRob3JpemVzIHRoZSBWUEMgcmFuZ2VcIiwgKCkgPT4ge1xuICAgICAgY29uc3QgYXNzb2NpYXRpb25zID0gT2JqZWN0LnZhbHVlcyhyZXNvdXJjZXNPZihzdGFjaywgXCJhd3NfZWMyX2NsaWVudF92cG5fbmV0d29ya19hc3NvY2lhdGlvblwiKSk7XG4gICAgICBleHBlY3QoYXNzb2NpYXRpb25zKS50b0hhdmVMZW5ndGgoc3ludGguY29uZmlnLm5ldHdvcmsucHJpdmF0ZVN1Ym5ldENpZHJzLmxlbmd0aCk7XG4gICAgICBmb3IgKGNvbnN0IGFzc29jaWF0aW9uIG9mIGFzc29jaWF0aW9ucykge1xuICAgICAgICBleHBlY3QoYXNzb2NpYXRpb24uY2xpZW50X3Zwbl9lbmRwb2ludF9pZCkudG9CZShcIiR7YXdzX2VjMl9jbGllbnRfdnBuX2VuZHBvaW50LmNsaWVudF92cG5fZW5kcG9pbnQuaWR9XCIpO1xuICAgICAgICBleHBlY3QoYXNzb2NpYXRpb24uc3VibmV0X2lkKS50b01hdGNoKC9jcm9zc19zdGFja19vdXRwdXRfYXdzX3N1Ym5ldF9wcml2YXRlX3N1Ym5ldF8vKTtcbiAgICAgIH1cbiAgICAgIGNvbnN0IHJ1bGUgPSByZXNvdXJjZXNPZihzdGFjaywgXCJhd3NfZWMyX2NsaWVudF92cG5fYXV0aG9yaXphdGlvbl9ydWxlXCIpLmNsaWVudF92cG5fYXV0aG9yaXphdGlvbjtcbiAgICAgIGV4cGVjdChydWxlLnRhcmdldF9uZXR3b3JrX2NpZHIpLnRvTWF0Y2goL2Nyb3NzX3N0YWNrX291dHB1dF9hd3NfdnBjX3ZwY19jaWRyX2Jsb2NrLyk7XG4gICAgICBleHBlY3QocnVsZS5hdXRob3JpemVfYWxsX2dyb3VwcykudG9CZSh0cnVlKTtcbiAgICB9KTtcblxuICAgIGl0KFwicmVhY2hlcyBQb3N0Z3JlU1FMIGFuZCBSZWRpcyBvbmx5LCBhbmQgdGhvc2UgZ3JvdXBzIGFkbWl0IGl0XCIsICgpID0+IHtcbiAgICAgIGNvbnN0IGVncmVzcyA9IE9iamVjdC52YWx1ZXMocmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX3ZwY19zZWN1cml0eV9ncm91cF9lZ3Jlc3NfcnVsZVwiKSk7XG4gICAgICBleHBlY3QoZWdyZXNzLm1hcCgocikgPT4gci5mcm9tX3BvcnQpLnNvcnQoKSkudG9FcXVhbChbNTQzMiwgNjM3OV0pO1xuICAgICAgZXhwZWN0KGVncmVzcy5ldmVyeSgocikgPT4gci5jaWRyX2lwdjQgPT09IHVuZGVmaW5lZCkpLnRvQmUodHJ1ZSk7XG4gICAgICBjb25zdCBpbmdyZXNzID0gcmVzb3VyY2VzT2Yoc3RhY2ssIFwiYXdzX3ZwY19zZWN1cml0eV9ncm91cF9pbmdyZXNzX3J1bGVcIik7XG4gICAgICBleHBlY3QoaW5ncmVzcy5yZHNfaW5ncmVzc19mcm9tX2NsaWVudF92cG4pLnRvRXF1YWwoXG4gICAgICAgIGV4cGVjdC5vYmplY3RDb250YWluaW5nKHsgZnJvbV9wb3J0OiA1NDMyLCByZWZlcmVuY2VkX3NlY3VyaXR5X2dyb3VwX2lkOiBcIiR7YXdzX3NlY3VyaXR5X2dyb3VwLmNsaWVudF92cG5fc2VjdXJpdHlfZ3JvdXAuaWR9XCIgfSksXG4gICAgICApO1xuICAgICAgZXhwZWN0KGluZ3Jlc3MucmRzX2luZ3Jlc3NfZnJvbV9jbGllbnRfdnBuLnNlY3VyaXR5X2dyb3VwX2lkKS50b01hdGNoKC9jcm9zc19zdGFja19vdXRwdXRfYXdzX3NlY3VyaXR5X2dyb3VwX3Jkc19zZWN1cml0eV9ncm91cF9pZC8pO1xuICAgICAgZXhwZWN0KGluZ3Jlc3MucmVkaXNfaW5ncmVzc19mcm9tX2NsaWVudF92cG4uc2VjdXJpdHlfZ3JvdXBfaWQpLnRvTWF0Y2goL2Nyb3NzX3N0YWNrX291dHB1dF9hd3Nfc2VjdXJpdHlfZ3JvdXBfcmVkaXNfc2VjdXJpdHlfZ3JvdXBfaWQvKTtcbiAgICB9KTtcblxuICAgIGNvbnN0IGZlZGVyYXRlZCA9IHN5bnRoQ29uZmlnKFxuICAgICAgZWRpdGVkQ29uZmlnKFwicHJvZFwiLCAocmF3KSA9PiB7XG4gICAgICAgIHJhdy5tZXNzYWdpbmcuY2xpZW50VnBuID0ge1xuICAgICAgICAgIC4uLlBST0RfQ0xJRU5UX1ZQTixcbiAgICAgICAgICBhdXRoZW50aWNhdGlvbjogeyB0eXBlOiBcImZlZGVyYXRlZFwiLCBzYW1sUHJvdmlkZXJBcm46IFwiYXJuOmF3czppYW06OjMzMzMzMzMzMzMzMzpzYW1sLXByb3ZpZGVyL29rdGFcIiB9LFxuICAgICAgICB9O1xuICAgICAgfSksXG4gICAgKTtcbiAgICBpdChcInVzZXMgYSBTQU1MIHByb3ZpZGVyIHdoZW4gYXV0aGVudGljYXRpb24gaXMgZmVkZXJhdGVkXCIsICgpID0+IHtcbiAgICAgIGNvbnN0IHZwbiA9IHJlc291cmNlc09mKGZlZGVyYXRlZC5zdGFjayhcIm1lc3NhZ2luZ1wiKSwgXCJhd3NfZWMyX2NsaWVudF92cG5fZW5kcG9pbnRcIikuY2xpZW50X3Zwbl9lbmRwb2ludDtcbiAgICAgIGV4cGVjdCh2cG4uYXV0aGVudGljYXRpb25fb3B0aW9ucykudG9FcXVhbChbXG4gICAgICAgIHsgdHlwZTogXCJmZWRlcmF0ZWQtYXV0aGVudGljYXRpb25cIiwgc2FtbF9wcm92aWRlcl9hcm46IFwiYXJuOmF3czppYW06OjMzMzMzMzMzMzMzMzpzYW1sLXByb3ZpZGVyL29rdGFcIiB9LFxuICAgICAgXSk7XG4gICAgfSk7XG4gIH0pO1xufSk7XG4iXSwiZmlsZSI6Ii93b3JrL21haW4vX190ZXN0c19fL3VuaXQvbWVzc2FnaW5nLXN0YWNrLnRlc3QudHMifQ==
