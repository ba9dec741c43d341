import { CloudwatchLogStream } from "@cdktf/provider-aws/lib/cloudwatch-log-stream";
import { Ec2ClientVpnAuthorizationRule } from "@cdktf/provider-aws/lib/ec2-client-vpn-authorization-rule";
import { Ec2ClientVpnEndpoint, Ec2ClientVpnEndpointAuthenticationOptions } from "@cdktf/provider-aws/lib/ec2-client-vpn-endpoint";
import { Ec2ClientVpnNetworkAssociation } from "@cdktf/provider-aws/lib/ec2-client-vpn-network-association";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Route53HealthCheck } from "@cdktf/provider-aws/lib/route53-health-check";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Sesv2ConfigurationSet } from "@cdktf/provider-aws/lib/sesv2-configuration-set";
import { Sesv2EmailIdentity } from "@cdktf/provider-aws/lib/sesv2-email-identity";
import { Sesv2EmailIdentityMailFromAttributes } from "@cdktf/provider-aws/lib/sesv2-email-identity-mail-from-attributes";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Fn, TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import { parseCidr } from "../config/cidr";
import type { MessagingConfig } from "../config/sections/messaging";
import { EncryptedLogGroup } from "../constructs/encrypted-log-group";
import { EncryptedQueue } from "../constructs/encrypted-queue";
import { EncryptedTopic } from "../constructs/encrypted-topic";
import { EncryptionKey } from "../constructs/encryption-key";
import { PolicyStatement, policyDocument } from "../constructs/iam-policy";
import { MetricAlarm } from "../constructs/metric-alarm";
import { SecurityGroupWithRules } from "../constructs/security-group";
import { PlatformStack, PlatformStackProps } from "./platform-stack";

export interface MessagingStackProps extends Omit<PlatformStackProps, "component"> {
  /** CMK (secrets-kms `messaging`) of the queues and the confirmations topic. */
  readonly messagingKeyArn: string;
  /** CMK (secrets-kms `logs`) of the Client VPN connection log group. */
  readonly logsKeyArn: string;
  /** Alarm topic (observability) in the primary region: dead-letter and health-check alarms page through it. */
  readonly alarmTopicArn: string;
  /**
   * Public name of the API and its Route53 hosted zone (edge.domain).
   * @default - no domain: no SES identity, no failover records; the health check probes the ALB's own name
   */
  readonly domain?: { readonly name: string; readonly hostedZoneId: string };
  /** DNS name of the ALB (edge): what the health check probes and the PRIMARY failover record aliases. */
  readonly albDnsName: string;
  /** Canonical hosted zone id of the ALB (edge), for the alias record. */
  readonly albZoneId: string;
  /** Whether the ALB serves HTTPS (edge.https); the health check then probes port 443. */
  readonly albHttps: boolean;
  readonly vpcId: string;
  /** VPC address range: what Client VPN users are authorized to reach. */
  readonly vpcCidr: string;
  /** Private subnets (one per AZ) the Client VPN endpoint is associated with. */
  readonly privateSubnetIds: readonly string[];
  /**
   * Security group of RDS; admits PostgreSQL from Client VPN when it is enabled.
   * @default - no database to reach over Client VPN
   */
  readonly rdsSecurityGroupId?: string;
  /**
   * Security group of ElastiCache; admits Redis from Client VPN when it is enabled.
   * @default - no cache to reach over Client VPN
   */
  readonly redisSecurityGroupId?: string;
  /** Task role ARN of each ECS service (ecs); those in messaging.appServices get the messaging policy. */
  readonly taskRoleArns: Readonly<Record<string, string>>;
}

const POSTGRES_PORT = 5432;
const REDIS_PORT = 6379;
/** Route53 publishes health-check metrics only in us-east-1, so the alarm and its topic live there. */
const HEALTH_CHECK_METRIC_REGION = "us-east-1";
/** SES creates exactly three DKIM tokens per domain (Easy DKIM). */
const DKIM_TOKEN_COUNT = 3;
/** AWS's recommended TTL for the DKIM and MAIL FROM records. */
const SES_RECORD_TTL = 1800;

/**
 * Seed 000's messaging and reachability pieces: the FIFO escalation queue with its dead-letter queue, the
 * confirmations topic, SES with DKIM in Route53, the Route53 health check of the ALB with optional failover
 * routing, and optional Client VPN for admin access. The application's permissions for all of it come as
 * one managed policy attached to the task roles of `messaging.appServices`.
 */
export class MessagingStack extends PlatformStack {
  readonly escalationQueueUrl: string;
  readonly escalationQueueArn: string;
  readonly deadLetterQueueArn: string;
  readonly confirmationsTopicArn: string;
  /** Route53 health check of the ALB. */
  readonly healthCheckId: string;
  /** ARN of the SES domain identity; undefined when SES is off. */
  readonly sesIdentityArn?: string;
  /** Client VPN endpoint id; undefined when Client VPN is off. */
  readonly clientVpnEndpointId?: string;

  constructor(scope: Construct, id: string, props: MessagingStackProps) {
    super(scope, id, { ...props, component: "messaging" });
    const settings = this.config.messaging;
    if (!settings) throw new Error(`${id}: config.messaging is absent; build no messaging stack for this environment`);
    const missing = settings.appServices.filter((name) => props.taskRoleArns[name] === undefined);
    if (missing.length > 0) throw new Error(`${id}: taskRoleArns has no role for ${missing.join(", ")} (messaging.appServices)`);
    if (settings.failover && !props.domain) throw new Error(`${id}: messaging.failover needs the domain (config validation should have said so)`);
    if (settings.ses.enabled && !props.domain) throw new Error(`${id}: messaging.ses needs the domain (config validation should have said so)`);

    const deadLetterQueue = new EncryptedQueue(this, "escalation_dlq", {
      name: `${this.namePrefix}-escalation-dlq.fifo`,
      fifo: true,
      kmsKeyArn: props.messagingKeyArn,
      messageRetentionSeconds: settings.deadLetterQueue.messageRetentionSeconds,
    });
    const queue = new EncryptedQueue(this, "escalation_queue", {
      name: `${this.namePrefix}-escalation.fifo`,
      fifo: true,
      kmsKeyArn: props.messagingKeyArn,
      messageRetentionSeconds: settings.escalationQueue.messageRetentionSeconds,
      visibilityTimeoutSeconds: settings.escalationQueue.visibilityTimeoutSeconds,
      contentBasedDeduplication: settings.escalationQueue.contentBasedDeduplication,
      deadLetter: { queue: deadLetterQueue, maxReceiveCount: settings.escalationQueue.maxReceiveCount },
    });
    this.escalationQueueUrl = queue.url;
    this.escalationQueueArn = queue.arn;
    this.deadLetterQueueArn = deadLetterQueue.arn;
    // An escalation in the DLQ is a caller nobody called back.
    new MetricAlarm(this, "escalation_dlq_alarm", {
      alarmName: `${this.namePrefix}-escalation-dlq-not-empty`,
      description: `Escalations failed ${settings.escalationQueue.maxReceiveCount} times and sit in ${deadLetterQueue.name}; fix the consumer, then redrive them.`,
      namespace: "AWS/SQS",
      metricName: "ApproximateNumberOfMessagesVisible",
      dimensions: { QueueName: deadLetterQueue.name },
      statistic: "Maximum",
      comparison: "GreaterThanThreshold",
      threshold: 0,
      periodSeconds: 300,
      // SQS stops sending metrics for a queue idle for hours; an idle DLQ is an empty one.
      treatMissingData: "notBreaching",
      actionArns: [props.alarmTopicArn],
    });

    const topic = new EncryptedTopic(this, "confirmations_topic", {
      name: `${this.namePrefix}-confirmations`,
      kmsKeyArn: props.messagingKeyArn,
      accountId: this.config.accountId,
      emailSubscriptions: settings.confirmations.emailSubscriptions,
    });
    this.confirmationsTopicArn = topic.arn;

    const ses = settings.ses.enabled && props.domain ? this.createEmailIdentity(settings.ses, props.domain) : undefined;
    this.sesIdentityArn = ses?.identityArn;

    this.healthCheckId = this.createHealthCheck(settings, props);

    if (settings.clientVpn.enabled) {
      this.clientVpnEndpointId = this.createClientVpn(settings.clientVpn, props);
    }

    this.createAppPolicy(settings, props, {
      queueArn: queue.arn,
      topicArn: topic.arn,
      ses,
    });

    new TerraformOutput(this, "escalation_queue_url", { value: queue.url, description: "URL of the FIFO escalation queue" });
    new TerraformOutput(this, "confirmations_topic_arn", { value: topic.arn, description: "ARN of the confirmations topic" });
  }

  /** SES domain identity with Easy DKIM (2048-bit) and its three CNAMEs, a TLS-only configuration set and MAIL FROM. */
  private createEmailIdentity(
    ses: MessagingConfig["ses"],
    domain: NonNullable<MessagingStackProps["domain"]>,
  ): { identityArn: string; configurationSetArn: string } {
    const configurationSet = new Sesv2ConfigurationSet(this, "ses_configuration_set", {
      configurationSetName: `${this.namePrefix}-confirmations`,
      // Confirmations carry personal data: never hand them to a mail server over plaintext SMTP.
      deliveryOptions: { tlsPolicy: "REQUIRE" },
      reputationOptions: { reputationMetricsEnabled: true },
      sendingOptions: { sendingEnabled: true },
      suppressionOptions: { suppressedReasons: ["BOUNCE", "COMPLAINT"] },
      tags: this.nameTags("confirmations"),
    });
    const identity = new Sesv2EmailIdentity(this, "ses_identity", {
      emailIdentity: domain.name,
      configurationSetName: configurationSet.configurationSetName,
      dkimSigningAttributes: { nextSigningKeyLength: "RSA_2048_BIT" },
      tags: this.nameTags("ses-identity"),
    });
    // The tokens are known after apply, but there are always three, so the records have static addresses.
    const tokens = identity.dkimSigningAttributes.tokens;
    for (let i = 0; i < DKIM_TOKEN_COUNT; i++) {
      const token = Fn.element(tokens, i);
      new Route53Record(this, `ses_dkim_record_${i + 1}`, {
        zoneId: domain.hostedZoneId,
        name: `${token}._domainkey.${domain.name}`,
        type: "CNAME",
        ttl: SES_RECORD_TTL,
        records: [`${token}.dkim.amazonses.com`],
      });
    }
    if (ses.mailFromSubdomain) {
      const mailFrom = `${ses.mailFromSubdomain}.${domain.name}`;
      new Sesv2EmailIdentityMailFromAttributes(this, "ses_mail_from", {
        emailIdentity: identity.emailIdentity,
        mailFromDomain: mailFrom,
        behaviorOnMxFailure: "USE_DEFAULT_VALUE",
      });
      new Route53Record(this, "ses_mail_from_mx", {
        zoneId: domain.hostedZoneId,
        name: mailFrom,
        type: "MX",
        ttl: SES_RECORD_TTL,
        records: [`10 feedback-smtp.${this.config.region}.amazonses.com`],
      });
      new Route53Record(this, "ses_mail_from_spf", {
        zoneId: domain.hostedZoneId,
        name: mailFrom,
        type: "TXT",
        ttl: SES_RECORD_TTL,
        records: ["v=spf1 include:amazonses.com ~all"],
      });
    }
    return { identityArn: identity.arn, configurationSetArn: configurationSet.arn };
  }

  /**
   * Route53 probes the ALB itself (not the domain, which may already point at the standby) on the health path;
   * the PRIMARY/SECONDARY failover pair exists only when a standby is configured.
   */
  private createHealthCheck(settings: MessagingConfig, props: MessagingStackProps): string {
    const check = settings.healthCheck;
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
      new Route53Record(this, "failover_primary_record", {
        zoneId: domain.hostedZoneId,
        name: domain.name,
        type: "A",
        setIdentifier: "primary",
        failoverRoutingPolicy: { type: "PRIMARY" },
        healthCheckId: healthCheck.id,
        alias: { name: props.albDnsName, zoneId: props.albZoneId, evaluateTargetHealth: true },
      });
      const standby = settings.failover.secondary;
      new Route53Record(this, "failover_secondary_record", {
        zoneId: domain.hostedZoneId,
        name: domain.name,
        type: "A",
        setIdentifier: "secondary",
        failoverRoutingPolicy: { type: "SECONDARY" },
        alias: { name: standby.dnsName, zoneId: standby.hostedZoneId, evaluateTargetHealth: standby.evaluateTargetHealth },
      });
    }
    return healthCheck.id;
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
      emailSubscriptions: this.config.observability.alarmEmails,
    }).arn;
  }

  /** Client VPN into the private subnets, logged to an encrypted log group, reaching the data stores (RDS, Redis) only. */
  private createClientVpn(vpn: Extract<MessagingConfig["clientVpn"], { enabled: true }>, props: MessagingStackProps): string {
    const securityGroup = new SecurityGroupWithRules(this, "client_vpn_security_group", {
      name: `${this.namePrefix}-client-vpn`,
      description: "Client VPN endpoint: admin sessions to the data stores",
      vpcId: props.vpcId,
    });
    const { rdsSecurityGroupId, redisSecurityGroupId } = props;
    if (rdsSecurityGroupId) securityGroup.allowEgressToGroup("postgres", rdsSecurityGroupId, POSTGRES_PORT, "Admins to PostgreSQL");
    if (redisSecurityGroupId) securityGroup.allowEgressToGroup("redis", redisSecurityGroupId, REDIS_PORT, "Admins to Redis");
    if (rdsSecurityGroupId) {
      new VpcSecurityGroupIngressRule(this, "rds_ingress_from_client_vpn", {
        securityGroupId: rdsSecurityGroupId,
        referencedSecurityGroupId: securityGroup.id,
        ipProtocol: "tcp",
        fromPort: POSTGRES_PORT,
        toPort: POSTGRES_PORT,
        description: "Admins over Client VPN",
      });
    }
    if (redisSecurityGroupId) {
      new VpcSecurityGroupIngressRule(this, "redis_ingress_from_client_vpn", {
        securityGroupId: redisSecurityGroupId,
        referencedSecurityGroupId: securityGroup.id,
        ipProtocol: "tcp",
        fromPort: REDIS_PORT,
        toPort: REDIS_PORT,
        description: "Admins over Client VPN",
      });
    }

    const logGroup = new EncryptedLogGroup(this, "client_vpn_log_group", {
      name: `/aws/client-vpn/${this.namePrefix}`,
      kmsKeyArn: props.logsKeyArn,
      retentionDays: vpn.connectionLogRetentionDays,
    });
    const logStream = new CloudwatchLogStream(this, "client_vpn_log_stream", { logGroupName: logGroup.name, name: "connections" });

    const authentication: Ec2ClientVpnEndpointAuthenticationOptions =
      vpn.authentication.type === "certificate"
        ? { type: "certificate-authentication", rootCertificateChainArn: vpn.authentication.rootCertificateChainArn }
        : { type: "federated-authentication", samlProviderArn: vpn.authentication.samlProviderArn };
    const endpoint = new Ec2ClientVpnEndpoint(this, "client_vpn_endpoint", {
      description: `${this.namePrefix} admin access`,
      serverCertificateArn: vpn.serverCertificateArn,
      clientCidrBlock: vpn.clientCidr,
      authenticationOptions: [authentication],
      connectionLogOptions: { enabled: true, cloudwatchLogGroup: logGroup.name, cloudwatchLogStream: logStream.name },
      splitTunnel: vpn.splitTunnel,
      sessionTimeoutHours: vpn.sessionTimeoutHours,
      transportProtocol: "udp",
      vpcId: props.vpcId,
      securityGroupIds: [securityGroup.id],
      // The VPC's resolver, so private names (RDS, ElastiCache endpoints) resolve for admins.
      dnsServers: [vpcResolverAddress(this.config.network.vpcCidr)],
      selfServicePortal: "disabled",
      tags: this.nameTags("client-vpn"),
    });
    props.privateSubnetIds.forEach((subnetId, i) => {
      new Ec2ClientVpnNetworkAssociation(this, `client_vpn_association_${this.config.network.availabilityZones[i] ?? i}`, {
        clientVpnEndpointId: endpoint.id,
        subnetId,
      });
    });
    new Ec2ClientVpnAuthorizationRule(this, "client_vpn_authorization", {
      clientVpnEndpointId: endpoint.id,
      targetNetworkCidr: props.vpcCidr,
      // Certificate authentication has no groups; with SAML every federated user of the provider may connect.
      authorizeAllGroups: true,
      description: "Authenticated admins reach the VPC",
    });
    return endpoint.id;
  }

  /** What the application may do with messaging, as one managed policy attached to the task roles that need it. */
  private createAppPolicy(
    settings: MessagingConfig,
    props: MessagingStackProps,
    resources: { queueArn: string; topicArn: string; ses?: { identityArn: string; configurationSetArn: string } },
  ): void {
    const statements: PolicyStatement[] = [
      {
        sid: "UseEscalationQueue",
        actions: ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
        resources: [resources.queueArn],
      },
      { sid: "PublishConfirmations", actions: ["sns:Publish"], resources: [resources.topicArn] },
      {
        sid: "EncryptAndDecryptMessages",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: [props.messagingKeyArn],
      },
    ];
    if (settings.confirmations.sms) {
      // Direct SMS has a phone number, not an ARN, as its target; NotResource keeps every topic out of this grant.
      statements.push({ sid: "SendSmsToPhoneNumbers", actions: ["sns:Publish"], resources: [], notResources: ["arn:aws:sns:*:*:*"] });
    }
    if (resources.ses) {
      statements.push({
        sid: "SendEmailAsTheDomain",
        actions: ["ses:SendEmail", "ses:SendRawEmail"],
        resources: [resources.ses.identityArn, resources.ses.configurationSetArn],
      });
    }
    const policy = new IamPolicy(this, "app_policy", {
      name: `${this.namePrefix}-messaging-app`,
      description: "Escalation queue, confirmations topic, SMS and SES for the application's tasks",
      policy: policyDocument(statements),
    });
    for (const service of settings.appServices) {
      new IamRolePolicyAttachment(this, `app_policy_${service}`, {
        // Task roles have no path, so the name is what follows `role/` in the ARN.
        role: Fn.element(Fn.split("/", props.taskRoleArns[service]), 1),
        policyArn: policy.arn,
      });
    }
  }
}

/** The Amazon-provided DNS server of a VPC: its base address plus two. */
function vpcResolverAddress(vpcCidr: string): string {
  const range = parseCidr(vpcCidr);
  if (!range) throw new Error(`network.vpcCidr "${vpcCidr}" is not a CIDR block`);
  const address = range.start + 2;
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}
