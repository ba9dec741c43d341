/** Messaging fixtures shared by the config and stack tests. */

/** A valid Client VPN section for prod (us-east-1, VPC 10.0.0.0/16). */
export const PROD_CLIENT_VPN = {
  enabled: true,
  serverCertificateArn: "arn:aws:acm:us-east-1:333333333333:certificate/0f0e0d0c-0b0a-4098-8765-43210fedcba9",
  clientCidr: "172.16.0.0/22",
  authentication: {
    type: "certificate",
    rootCertificateChainArn: "arn:aws:acm:us-east-1:333333333333:certificate/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
  },
  splitTunnel: true,
  connectionLogRetentionDays: 365,
};

/** A DR-region ALB as the failover standby. */
export const STANDBY = { dnsName: "dualstack.voice-ai-dr-123456789.us-west-2.elb.amazonaws.com", hostedZoneId: "Z1H1FL5HABSF5" };
