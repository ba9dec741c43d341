import { parseCidr, rangesOverlap } from "../cidr";
import { type ConfigIssue, type CrossFieldRule, whenConfigured } from "../schema";

/** AWS accepts /12 to /22 for a Client VPN client range. */
const CLIENT_CIDR_PREFIX = { min: 12, max: 22 } as const;

export const messagingRules: CrossFieldRule[] = whenConfigured(
  ["messaging", "network", "edge"],
  [
    (c) =>
      (c.messaging?.appServices ?? []).flatMap((name, i) =>
        c.services.some((service) => service.name === name)
          ? []
          : [{ path: ["messaging", "appServices", i], message: `names no service in services (${c.services.map((s) => s.name).join(", ")})` }],
      ),
    (c) => {
      const m = c.messaging;
      if (!m || m.deadLetterQueue.messageRetentionSeconds >= m.escalationQueue.messageRetentionSeconds) return [];
      return [
        {
          path: ["messaging", "deadLetterQueue", "messageRetentionSeconds"],
          message: `must be at least messaging.escalationQueue.messageRetentionSeconds (${m.escalationQueue.messageRetentionSeconds}): a moved message keeps its age and would expire early`,
        },
      ];
    },
    (c) =>
      c.messaging?.ses.enabled && !c.edge.domain
        ? [{ path: ["messaging", "ses"], message: "requires edge.domain: the identity is the domain and its DKIM records go into its hosted zone" }]
        : [],
    (c) =>
      c.messaging?.ses.enabled === false && c.messaging.ses.mailFromSubdomain !== undefined
        ? [{ path: ["messaging", "ses", "mailFromSubdomain"], message: "has no effect while messaging.ses.enabled is false; remove it" }]
        : [],
    (c) => {
      if (!c.messaging?.failover) return [];
      const issues: ConfigIssue[] = [];
      if (!c.edge.domain) {
        issues.push({ path: ["messaging", "failover"], message: "requires edge.domain: failover records answer for the domain in its hosted zone" });
      }
      if (c.edge.cloudfront.enabled) {
        issues.push({
          path: ["messaging", "failover"],
          message: "cannot be combined with edge.cloudfront.enabled: the domain points at CloudFront, which fails over with origin groups",
        });
      }
      return issues;
    },
    (c) => {
      const vpn = c.messaging?.clientVpn;
      if (!vpn?.enabled) return [];
      const issues: ConfigIssue[] = [];
      const client = parseCidr(vpn.clientCidr);
      const vpc = parseCidr(c.network.vpcCidr);
      if (client && (client.prefix < CLIENT_CIDR_PREFIX.min || client.prefix > CLIENT_CIDR_PREFIX.max)) {
        issues.push({
          path: ["messaging", "clientVpn", "clientCidr"],
          message: `must be between /${CLIENT_CIDR_PREFIX.min} and /${CLIENT_CIDR_PREFIX.max}, the sizes Client VPN allows (got /${client.prefix})`,
        });
      }
      if (client && vpc && rangesOverlap(client, vpc)) {
        issues.push({
          path: ["messaging", "clientVpn", "clientCidr"],
          message: `${vpn.clientCidr} overlaps network.vpcCidr (${c.network.vpcCidr}); client addresses must be outside the VPC`,
        });
      }
      // Client VPN reads both certificates from ACM in its own region.
      const certificates: [(string | number)[], string][] = [[["serverCertificateArn"], vpn.serverCertificateArn]];
      if (vpn.authentication.type === "certificate") {
        certificates.push([["authentication", "rootCertificateChainArn"], vpn.authentication.rootCertificateChainArn]);
      }
      for (const [path, arn] of certificates) {
        const region = arn.split(":")[3];
        if (region !== c.region) {
          issues.push({
            path: ["messaging", "clientVpn", ...path],
            message: `must be a certificate in region ${c.region}, where the endpoint lives (got ${region})`,
          });
        }
      }
      return issues;
    },
  ],
);
