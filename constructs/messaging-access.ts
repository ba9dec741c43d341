import type { PolicyStatement } from "./iam-policy";

/** The messaging stack's resources as a task role is granted them (services named in `messaging.appServices`). */
export interface MessagingAccess {
  /** ARN of the FIFO escalation queue: send, receive, delete, change visibility. */
  readonly queueArn: string;
  /** ARN of the confirmations topic: publish. */
  readonly topicArn: string;
  /** CMK (secrets-kms `messaging`) that encrypts the queue and the topic. */
  readonly keyArn: string;
  /** Whether the app may text phone numbers directly (`messaging.confirmations.sms`). */
  readonly smsToPhoneNumbers: boolean;
  /**
   * SES domain identity and configuration set the app may send as.
   * @default - SES off (`messaging.ses.enabled: false`): no e-mail sending
   */
  readonly email?: { readonly identityArn: string; readonly configurationSetArn: string };
}

/** What the application may do with messaging: the queue, the topic, their key, SMS and SES, nothing else. */
export function messagingAccessStatements(access: MessagingAccess): PolicyStatement[] {
  const statements: PolicyStatement[] = [
    {
      sid: "UseEscalationQueue",
      actions: [
        "sqs:SendMessage",
        "sqs:ReceiveMessage",
        "sqs:DeleteMessage",
        "sqs:ChangeMessageVisibility",
        "sqs:GetQueueAttributes",
        "sqs:GetQueueUrl",
      ],
      resources: [access.queueArn],
    },
    { sid: "PublishConfirmations", actions: ["sns:Publish"], resources: [access.topicArn] },
    { sid: "EncryptAndDecryptMessages", actions: ["kms:GenerateDataKey", "kms:Decrypt"], resources: [access.keyArn] },
  ];
  if (access.smsToPhoneNumbers) {
    // Direct SMS has a phone number, not an ARN, as its target; NotResource keeps every topic out of this grant.
    statements.push({ sid: "SendSmsToPhoneNumbers", actions: ["sns:Publish"], resources: [], notResources: ["arn:aws:sns:*:*:*"] });
  }
  if (access.email) {
    statements.push({
      sid: "SendEmailAsTheDomain",
      actions: ["ses:SendEmail", "ses:SendRawEmail"],
      resources: [access.email.identityArn, access.email.configurationSetArn],
    });
  }
  return statements;
}
