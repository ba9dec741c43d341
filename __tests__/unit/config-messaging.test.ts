import { describe, expect, it } from "vitest";
import { loadEnvironments, parseEnvironmentConfig } from "../../config";
import { PROD_CLIENT_VPN, STANDBY } from "../support/messaging";
import { problemsOf, withEdit } from "../support/config";

describe("messaging settings of the shipped environments", () => {
  const [dev, staging, prod] = loadEnvironments("dev,staging,prod");

  it("prod and staging send email through SES; dev (no domain) has messaging with SES off", () => {
    expect(prod.messaging?.ses.enabled).toBe(true);
    expect(staging.messaging?.ses.enabled).toBe(true);
    expect(dev.messaging).toBeDefined();
    expect(dev.messaging?.ses.enabled).toBe(false);
  });

  it("keeps Client VPN off and invents no failover standby in any environment", () => {
    for (const config of [dev, staging, prod]) {
      expect(config.messaging?.clientVpn).toEqual({ enabled: false });
      expect(config.messaging?.failover).toBeUndefined();
    }
  });

  it("gives every dead-letter queue at least its source queue's retention", () => {
    for (const config of [dev, staging, prod]) {
      const m = config.messaging!;
      expect(m.deadLetterQueue.messageRetentionSeconds).toBeGreaterThanOrEqual(m.escalationQueue.messageRetentionSeconds);
    }
  });

  it("treats the section as optional", () => {
    const config = parseEnvironmentConfig(
      withEdit("prod", (r) => delete r.messaging),
      "test",
    );
    expect(config.messaging).toBeUndefined();
  });

  it("accepts a Client VPN with certificate or SAML authentication and a failover standby", () => {
    const certificate = parseEnvironmentConfig(
      withEdit("prod", (r) => (r.messaging.clientVpn = PROD_CLIENT_VPN)),
      "test",
    );
    expect(certificate.messaging?.clientVpn).toEqual(expect.objectContaining({ enabled: true, sessionTimeoutHours: 8 }));
    const saml = withEdit("prod", (r) => {
      r.messaging.clientVpn = {
        ...PROD_CLIENT_VPN,
        authentication: { type: "federated", samlProviderArn: "arn:aws:iam::333333333333:saml-provider/okta" },
      };
      r.messaging.failover = { secondary: STANDBY };
    });
    expect(parseEnvironmentConfig(saml, "test").messaging?.failover?.secondary.evaluateTargetHealth).toBe(false);
  });
});

describe("bad messaging input is rejected with the field path", () => {
  const vpn = (edit: (v: any) => void) => (r: any) => {
    r.messaging.clientVpn = structuredClone(PROD_CLIENT_VPN);
    edit(r.messaging.clientVpn);
  };
  const cases: [string, string, (raw: any) => void, RegExp][] = [
    [
      "queue retention under a minute",
      "prod",
      (r) => (r.messaging.escalationQueue.messageRetentionSeconds = 59),
      /messaging\.escalationQueue\.messageRetentionSeconds: must be at least 60 seconds/,
    ],
    [
      "queue retention over 14 days",
      "prod",
      (r) => (r.messaging.escalationQueue.messageRetentionSeconds = 1_209_601),
      /messaging\.escalationQueue\.messageRetentionSeconds: must be at most 1209600 seconds/,
    ],
    [
      "visibility timeout over 12 hours",
      "prod",
      (r) => (r.messaging.escalationQueue.visibilityTimeoutSeconds = 43_201),
      /messaging\.escalationQueue\.visibilityTimeoutSeconds: must be at most 43200 seconds/,
    ],
    [
      "negative visibility timeout",
      "prod",
      (r) => (r.messaging.escalationQueue.visibilityTimeoutSeconds = -1),
      /messaging\.escalationQueue\.visibilityTimeoutSeconds: must be at least 0 seconds/,
    ],
    [
      "max receive count 0",
      "prod",
      (r) => (r.messaging.escalationQueue.maxReceiveCount = 0),
      /messaging\.escalationQueue\.maxReceiveCount: must be at least 1/,
    ],
    [
      "max receive count over 1000",
      "prod",
      (r) => (r.messaging.escalationQueue.maxReceiveCount = 1001),
      /messaging\.escalationQueue\.maxReceiveCount: must be at most 1000/,
    ],
    [
      "DLQ keeps messages shorter than its source",
      "prod",
      (r) => (r.messaging.deadLetterQueue.messageRetentionSeconds = r.messaging.escalationQueue.messageRetentionSeconds - 1),
      /messaging\.deadLetterQueue\.messageRetentionSeconds: must be at least messaging\.escalationQueue\.messageRetentionSeconds \(345600\)/,
    ],
    ["SES without a domain", "dev", (r) => (r.messaging.ses.enabled = true), /messaging\.ses: requires edge\.domain/],
    [
      "MAIL FROM with SES off",
      "dev",
      (r) => (r.messaging.ses.mailFromSubdomain = "mail"),
      /messaging\.ses\.mailFromSubdomain: has no effect while messaging\.ses\.enabled is false/,
    ],
    [
      "MAIL FROM that is not one label",
      "prod",
      (r) => (r.messaging.ses.mailFromSubdomain = "mail.out"),
      /messaging\.ses\.mailFromSubdomain: must be one lower-case DNS label/,
    ],
    [
      "confirmation email that is no address",
      "prod",
      (r) => (r.messaging.confirmations.emailSubscriptions = ["front-desk"]),
      /messaging\.confirmations\.emailSubscriptions\.0: must be an email address/,
    ],
    [
      "app service that does not exist",
      "prod",
      (r) => (r.messaging.appServices = ["voice-api", "billing"]),
      /messaging\.appServices\.1: names no service in services/,
    ],
    ["no app service", "prod", (r) => (r.messaging.appServices = []), /messaging\.appServices: must list at least one service/],
    [
      "health-check failure threshold 11",
      "prod",
      (r) => (r.messaging.healthCheck.failureThreshold = 11),
      /messaging\.healthCheck\.failureThreshold: must be 1-10/,
    ],
    [
      "health-check failure threshold 0",
      "prod",
      (r) => (r.messaging.healthCheck.failureThreshold = 0),
      /messaging\.healthCheck\.failureThreshold: must be 1-10/,
    ],
    [
      "health-check interval 20 s",
      "prod",
      (r) => (r.messaging.healthCheck.requestIntervalSeconds = 20),
      /messaging\.healthCheck\.requestIntervalSeconds: must be 10 or 30 seconds/,
    ],
    [
      "relative health-check path",
      "prod",
      (r) => (r.messaging.healthCheck.path = "health"),
      /messaging\.healthCheck\.path: must be an absolute URL path/,
    ],
    ["failover without a domain", "dev", (r) => (r.messaging.failover = { secondary: STANDBY }), /messaging\.failover: requires edge\.domain/],
    [
      "failover behind CloudFront",
      "prod",
      (r) => {
        r.messaging.failover = { secondary: STANDBY };
        r.edge.cloudfront.enabled = true;
      },
      /messaging\.failover: cannot be combined with edge\.cloudfront\.enabled/,
    ],
    [
      "failover standby with a bad zone id",
      "prod",
      (r) => (r.messaging.failover = { secondary: { ...STANDBY, hostedZoneId: "zone-1" } }),
      /messaging\.failover\.secondary\.hostedZoneId: must be a Route53 hosted zone id/,
    ],
    ["Client VPN without a server certificate", "prod", vpn((v) => delete v.serverCertificateArn), /messaging\.clientVpn\.serverCertificateArn: /],
    [
      "Client VPN with a malformed certificate ARN",
      "prod",
      vpn((v) => (v.serverCertificateArn = "arn:aws:acm:us-east-1:333333333333:cert/x")),
      /messaging\.clientVpn\.serverCertificateArn: must be an ACM certificate ARN/,
    ],
    [
      "Client VPN certificate from another region",
      "prod",
      vpn((v) => (v.serverCertificateArn = v.serverCertificateArn.replace("us-east-1", "eu-west-1"))),
      /messaging\.clientVpn\.serverCertificateArn: must be a certificate in region us-east-1, where the endpoint lives \(got eu-west-1\)/,
    ],
    [
      "Client VPN root CA from another region",
      "prod",
      vpn((v) => (v.authentication.rootCertificateChainArn = v.authentication.rootCertificateChainArn.replace("us-east-1", "us-west-2"))),
      /messaging\.clientVpn\.authentication\.rootCertificateChainArn: must be a certificate in region us-east-1/,
    ],
    [
      "Client VPN client range smaller than /22",
      "prod",
      vpn((v) => (v.clientCidr = "172.16.0.0/24")),
      /messaging\.clientVpn\.clientCidr: must be between \/12 and \/22.*\(got \/24\)/,
    ],
    [
      "Client VPN client range larger than /12",
      "prod",
      vpn((v) => (v.clientCidr = "172.0.0.0/11")),
      /messaging\.clientVpn\.clientCidr: must be between \/12 and \/22/,
    ],
    [
      "Client VPN client range inside the VPC",
      "prod",
      vpn((v) => (v.clientCidr = "10.0.252.0/22")),
      /messaging\.clientVpn\.clientCidr: 10\.0\.252\.0\/22 overlaps network\.vpcCidr \(10\.0\.0\.0\/16\)/,
    ],
    [
      "Client VPN client range that is no CIDR",
      "prod",
      vpn((v) => (v.clientCidr = "172.16.0.1/22")),
      /messaging\.clientVpn\.clientCidr: must be an IPv4 CIDR block/,
    ],
    [
      "Client VPN SAML provider that is no IAM SAML ARN",
      "prod",
      vpn((v) => (v.authentication = { type: "federated", samlProviderArn: "arn:aws:iam::333333333333:role/okta" })),
      /messaging\.clientVpn\.authentication\.samlProviderArn: must be an IAM SAML provider ARN/,
    ],
    ["Client VPN session timeout 9 h", "prod", vpn((v) => (v.sessionTimeoutHours = 9)), /messaging\.clientVpn\.sessionTimeoutHours: /],
    [
      "Client VPN log retention 42 days",
      "prod",
      vpn((v) => (v.connectionLogRetentionDays = 42)),
      /messaging\.clientVpn\.connectionLogRetentionDays: must be one of the CloudWatch Logs retention values/,
    ],
    ["unknown messaging field (typo)", "prod", (r) => (r.messaging.deadLetterQueues = {}), /messaging: Unrecognized key.*deadLetterQueues/],
  ];

  it.each(cases)("%s", (_name, env, edit, expected) => {
    expect(problemsOf(withEdit(env, edit))).toMatch(expected);
  });
});
