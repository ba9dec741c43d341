import { z } from "zod";
import { cidrBlock, hostedZoneId, logRetentionDays, resourceName } from "./common";

/** SQS limits for MessageRetentionPeriod: one minute to 14 days. */
const retentionSeconds = z
  .number()
  .int()
  .min(60, "must be at least 60 seconds (SQS minimum)")
  .max(1_209_600, "must be at most 1209600 seconds (14 days, SQS maximum)");

const acmCertificateArn = z
  .string()
  .regex(
    /^arn:aws(-[a-z]+)*:acm:[a-z]{2}(-gov)?-[a-z]+-\d:\d{12}:certificate\/[0-9a-f-]{36}$/,
    "must be an ACM certificate ARN such as arn:aws:acm:us-east-1:123456789012:certificate/<uuid>",
  );

const samlProviderArn = z
  .string()
  .regex(
    /^arn:aws(-[a-z]+)*:iam::\d{12}:saml-provider\/[\w+=,.@-]{1,128}$/,
    "must be an IAM SAML provider ARN such as arn:aws:iam::123456789012:saml-provider/okta",
  );

const clientVpnSchema = z.discriminatedUnion("enabled", [
  z.strictObject({ enabled: z.literal(false) }),
  z.strictObject({
    enabled: z.literal(true),
    /** ACM certificate the endpoint presents to clients; must live in the environment's region. */
    serverCertificateArn: acmCertificateArn,
    /** Addresses handed to connected clients: /12 to /22, outside the VPC. */
    clientCidr: cidrBlock,
    /** How users prove who they are: mutual TLS against a root CA in ACM, or an IAM SAML provider. */
    authentication: z.discriminatedUnion("type", [
      z.strictObject({
        type: z.literal("certificate"),
        /** ACM certificate of the CA that signed the client certificates. */
        rootCertificateChainArn: acmCertificateArn,
      }),
      z.strictObject({
        type: z.literal("federated"),
        /** IAM SAML identity provider of the company's IdP. */
        samlProviderArn,
      }),
    ]),
    /** Only VPC-bound traffic goes through the tunnel; the rest stays on the client's own network. */
    splitTunnel: z.boolean(),
    /** Days the connection log (who connected when, from where) is kept. */
    connectionLogRetentionDays: logRetentionDays,
    /** Idle sessions end after this many hours; AWS accepts 8, 10, 12 or 24. */
    sessionTimeoutHours: z.union([z.literal(8), z.literal(10), z.literal(12), z.literal(24)]).default(8),
  }),
]);

/** A Route53 alias target (ALB, CloudFront, S3 website) that answers for the domain while the ALB is unhealthy. */
const failoverTargetSchema = z.strictObject({
  /** DNS name of the standby, e.g. a DR-region ALB or a static maintenance site. */
  dnsName: z
    .string()
    .regex(/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\.?$/, "must be a lower-case DNS name such as dr-alb-123.us-west-2.elb.amazonaws.com"),
  /** Canonical hosted zone id of that target (the ALB's region, CloudFront's Z2FDTNDATAQYW2, ...). */
  hostedZoneId: hostedZoneId,
  /** Whether Route53 also checks the standby's health before answering with it. */
  evaluateTargetHealth: z.boolean().default(false),
});

export const messagingSchema = z.strictObject({
  /** Services (by name from `services`) whose task roles may use the queue, the topic, SES and SMS. */
  appServices: z.array(resourceName).min(1, "must list at least one service; nobody could use the queue otherwise"),
  /** FIFO queue of calls waiting for a human (seed 000: "escalation queue, FIFO for ordering"). */
  escalationQueue: z.strictObject({
    messageRetentionSeconds: retentionSeconds,
    /** How long a received message stays hidden from other consumers; SQS accepts 0-43200 s (12 h). */
    visibilityTimeoutSeconds: z
      .number()
      .int()
      .min(0, "must be at least 0 seconds")
      .max(43_200, "must be at most 43200 seconds (12 hours, SQS maximum)"),
    /** Failed receives before a message moves to the dead-letter queue; SQS accepts 1-1000. */
    maxReceiveCount: z.number().int().min(1, "must be at least 1").max(1000, "must be at most 1000 (SQS maximum)"),
    /** Deduplicate by a SHA-256 of the body when producers send no deduplication id. */
    contentBasedDeduplication: z.boolean(),
  }),
  deadLetterQueue: z.strictObject({
    /** Must be at least the escalation queue's: SQS keeps a message's original enqueue time when it moves. */
    messageRetentionSeconds: retentionSeconds,
  }),
  /** SNS topic for reservation confirmations (seed 000: SMS confirmations through SNS). */
  confirmations: z.strictObject({
    /** Lets the application text customers directly (SNS SMS to phone numbers, not to topics). */
    sms: z.boolean(),
    /** Addresses that receive a copy of every confirmation (e.g. a front-desk inbox). */
    emailSubscriptions: z.array(z.email("must be an email address such as desk@example.com")).max(20, "must list at most 20 addresses").default([]),
  }),
  /** SES domain identity for confirmation emails (seed 000), on edge.domain.name. */
  ses: z.strictObject({
    enabled: z.boolean(),
    /** Subdomain of the identity used as MAIL FROM (bounce) domain, e.g. `mail`; none keeps amazonses.com. */
    mailFromSubdomain: z
      .string()
      .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be one lower-case DNS label such as mail")
      .optional(),
  }),
  /** Route53 health check of the ALB (seed 000: "Health checks + failover"). */
  healthCheck: z.strictObject({
    /** Path the checkers request; the services answer it (seed 000: /health). */
    path: z
      .string()
      .regex(/^\/[\w\-./]*$/, "must be an absolute URL path such as /health")
      .max(255)
      .default("/health"),
    /** Consecutive failed checks before the endpoint counts as unhealthy; Route53 accepts 1-10. */
    failureThreshold: z.number().int().min(1, "must be 1-10").max(10, "must be 1-10"),
    /** Seconds between checks from each checker; Route53 accepts 10 (fast, extra cost) or 30. */
    requestIntervalSeconds: z.union([z.literal(10), z.literal(30)], "must be 10 or 30 seconds"),
  }),
  /**
   * Failover routing for edge.domain: PRIMARY is the ALB (guarded by the health check), SECONDARY this standby.
   * @default - no failover records; the health check and its alarm only
   */
  failover: z.strictObject({ secondary: failoverTargetSchema }).optional(),
  /** AWS Client VPN for admin access to the private subnets (seed 000: "VPN (admin access)"). */
  clientVpn: clientVpnSchema.default({ enabled: false }),
});

export type MessagingConfig = z.infer<typeof messagingSchema>;
