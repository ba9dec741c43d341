import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { MessagingConfig } from "../config/sections/messaging";
import { EncryptedQueue } from "../constructs/encrypted-queue";
import { EncryptedTopic } from "../constructs/encrypted-topic";
import type { MessagingAccess } from "../constructs/messaging-access";
import { MetricAlarm } from "../constructs/metric-alarm";
import { SesDomainIdentity } from "../constructs/ses-domain-identity";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface MessagingStackProps extends Omit<PlatformStackProps, "component"> {
  /** CMK (secrets-kms `messaging`) of the queues and the confirmations topic. */
  readonly messagingKeyArn: string;
  /** ARN of the alarm topic (observability) in the primary region: the dead-letter alarm pages through it. */
  readonly alarmTopicArn: string;
  /**
   * Public name of the API and its Route53 hosted zone (edge.domain).
   * @default - no domain: no SES identity
   */
  readonly domain?: { readonly name: string; readonly hostedZoneId: string };
}

/**
 * Seed 000's messaging: the FIFO escalation queue with its dead-letter queue and alarm, the confirmations topic,
 * and SES with DKIM in Route53. What the application may do with them is `appAccess`, which the ecs stack grants in
 * the task roles of `messaging.appServices`. The health check and failover records are the dns stack's, the Client
 * VPN the access stack's.
 */
export class MessagingStack extends PlatformStack {
  /** The queue, topic, key, SMS and SES as the task roles of `messaging.appServices` are granted them (ecs stack). */
  readonly appAccess: MessagingAccess;

  constructor(scope: Construct, props: MessagingStackProps) {
    super(scope, { ...props, component: "messaging" });
    const settings = this.config.messaging;
    if (!settings) throw new Error(`${this.node.id}: config.messaging is absent; build no messaging stack for this environment`);
    if (settings.ses.enabled && !props.domain)
      throw new Error(`${this.node.id}: messaging.ses needs the domain (config validation should have said so)`);

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

    const ses = settings.ses.enabled && props.domain ? this.createEmailIdentity(settings.ses, props.domain) : undefined;

    this.appAccess = {
      queueArn: queue.arn,
      topicArn: topic.arn,
      keyArn: props.messagingKeyArn,
      smsToPhoneNumbers: settings.confirmations.sms,
      email: ses,
    };

    new TerraformOutput(this, "escalation_queue_url", { value: queue.url, description: "URL of the FIFO escalation queue" });
    new TerraformOutput(this, "confirmations_topic_arn", { value: topic.arn, description: "ARN of the confirmations topic" });
  }

  /** SES domain identity with Easy DKIM, a TLS-only configuration set and MAIL FROM: what the app sends confirmations as. */
  private createEmailIdentity(
    ses: MessagingConfig["ses"],
    domain: NonNullable<MessagingStackProps["domain"]>,
  ): { identityArn: string; configurationSetArn: string } {
    const sender = new SesDomainIdentity(this, "ses", {
      domain,
      configurationSetName: `${this.namePrefix}-confirmations`,
      mailFromSubdomain: ses.mailFromSubdomain,
      region: this.config.region,
      namePrefix: this.namePrefix,
      purpose: "confirmations",
    });
    return { identityArn: sender.arn, configurationSetArn: sender.configurationSet.arn };
  }
}
