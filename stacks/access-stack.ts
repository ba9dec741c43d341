import { CloudwatchLogStream } from "@cdktf/provider-aws/lib/cloudwatch-log-stream";
import { Ec2ClientVpnAuthorizationRule } from "@cdktf/provider-aws/lib/ec2-client-vpn-authorization-rule";
import { Ec2ClientVpnEndpoint, type Ec2ClientVpnEndpointAuthenticationOptions } from "@cdktf/provider-aws/lib/ec2-client-vpn-endpoint";
import { Ec2ClientVpnNetworkAssociation } from "@cdktf/provider-aws/lib/ec2-client-vpn-network-association";
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { parseCidr } from "../config/cidr";
import { EncryptedLogGroup } from "../constructs/encrypted-log-group";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface AccessStackProps extends Omit<PlatformStackProps, "component"> {
  /** CMK (secrets-kms `logs`) of the connection log group. */
  readonly logsKeyArn: string;
  readonly vpcId: string;
  /** VPC address range: what Client VPN users are authorized to reach. */
  readonly vpcCidr: string;
  /** Private subnets (one per AZ) the endpoint is associated with. */
  readonly privateSubnetIds: readonly string[];
  /**
   * Security group of the endpoint (vpc stack, `clientVpnAccess`): it reaches PostgreSQL and Redis only, and their
   * groups admit it. The vpc stack owns it and its rules; this stack only attaches it.
   */
  readonly securityGroupId: string;
}

/**
 * Admin access (seed 000: "VPN (admin access)"): an AWS Client VPN endpoint into the private subnets, with its
 * connection log, subnet associations and authorization for the VPC range. Exists only with
 * `messaging.clientVpn.enabled`.
 */
export class AccessStack extends PlatformStack {
  /** Client VPN endpoint id. */
  readonly clientVpnEndpointId: string;

  constructor(scope: Construct, props: AccessStackProps) {
    super(scope, { ...props, component: "access" });
    const vpn = this.config.messaging?.clientVpn;
    if (!vpn?.enabled) throw new Error(`${this.node.id}: messaging.clientVpn is not enabled; build no access stack for this environment`);
    if (props.privateSubnetIds.length === 0)
      throw new Error(`${this.node.id}: privateSubnetIds is empty; the endpoint needs a subnet to associate with`);

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
      securityGroupIds: [props.securityGroupId],
      // The VPC's resolver, so private names (RDS, ElastiCache endpoints) resolve for admins.
      dnsServers: [vpcResolverAddress(this.section("network").vpcCidr)],
      selfServicePortal: "disabled",
      tags: this.nameTags("client-vpn"),
    });
    this.clientVpnEndpointId = endpoint.id;
    props.privateSubnetIds.forEach((subnetId, i) => {
      new Ec2ClientVpnNetworkAssociation(this, `client_vpn_association_${this.section("network").availabilityZones[i] ?? i}`, {
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

    new TerraformOutput(this, "client_vpn_endpoint_id", {
      value: endpoint.id,
      description: "Client VPN endpoint id (aws ec2 export-client-vpn-client-configuration --client-vpn-endpoint-id ...)",
    });
  }
}

/** The Amazon-provided DNS server of a VPC: its base address plus two. */
function vpcResolverAddress(vpcCidr: string): string {
  const range = parseCidr(vpcCidr);
  if (!range) throw new Error(`network.vpcCidr "${vpcCidr}" is not a CIDR block`);
  const address = range.start + 2;
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}
