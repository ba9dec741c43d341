/** Messaging fixtures shared by the config and stack tests. */
import { type SynthesizedEnvironment, editedConfig, synthSharedVariant } from "./synth";

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

/** Messaging variants of the shipped environments that several stack test files check, one edit per name. */
const SHARED_VARIANTS = {
  "dev without messaging": () => editedConfig("dev", (raw) => delete raw.messaging),
  "prod with Client VPN": () => editedConfig("prod", (raw) => (raw.messaging.clientVpn = PROD_CLIENT_VPN)),
  "prod with failover": () => editedConfig("prod", (raw) => (raw.messaging.failover = { secondary: STANDBY })),
  "staging in eu-west-1": () =>
    editedConfig("staging", (raw) => {
      raw.region = "eu-west-1";
      raw.stateBackend.region = "eu-west-1";
      raw.network.availabilityZones = raw.network.availabilityZones.map((zone: string) => zone.replace("us-east-1", "eu-west-1"));
    }),
};

/** One of `SHARED_VARIANTS`, synthesized once per test worker whichever file asks first. */
export function synthMessagingVariant(name: keyof typeof SHARED_VARIANTS): SynthesizedEnvironment {
  return synthSharedVariant(name, SHARED_VARIANTS[name]);
}
