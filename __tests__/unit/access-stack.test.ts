import { describe, expect, it } from "vitest";
import { PROD_CLIENT_VPN, synthMessagingVariant } from "../support/messaging";
import { editedConfig, resourcesOf, synthConfig, synthEnvironment } from "../support/synth";

const LOGS_KEY =
  /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_secrets_kms\.outputs\.cross_stack_output_aws_kms_key_logs_key_arn\}$/;
const VPN_SECURITY_GROUP =
  /^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_vpc\.outputs\.cross_stack_output_aws_security_group_client_vpn_security_group_id\}$/;

describe.each(["dev", "staging", "prod"])("%s without Client VPN", (env) => {
  const synth = synthEnvironment(env);

  it("has no access stack and no Client VPN security group", () => {
    expect(synth.stackIds).not.toContain(`${env}-access`);
    expect(synth.stacks.access).toBeUndefined();
    expect(resourcesOf(synth.stack("vpc"), "aws_security_group").client_vpn_security_group).toBeUndefined();
  });
});

describe("access stack with Client VPN enabled", () => {
  const synth = synthMessagingVariant("prod with Client VPN");
  const stack = synth.stack("access");
  const endpoint = resourcesOf(stack, "aws_ec2_client_vpn_endpoint").client_vpn_endpoint;

  it("terminates on the configured certificate, hands out the client range and authenticates by client certificate", () => {
    expect(endpoint).toEqual(
      expect.objectContaining({
        server_certificate_arn: PROD_CLIENT_VPN.serverCertificateArn,
        client_cidr_block: PROD_CLIENT_VPN.clientCidr,
        split_tunnel: true,
        session_timeout_hours: 8,
        self_service_portal: "disabled",
        dns_servers: ["10.0.0.2"],
        authentication_options: [
          { type: "certificate-authentication", root_certificate_chain_arn: PROD_CLIENT_VPN.authentication.rootCertificateChainArn },
        ],
      }),
    );
  });

  it("attaches the security group the vpc stack owns, and writes no security group or rule of its own", () => {
    expect(endpoint.security_group_ids).toEqual([expect.stringMatching(VPN_SECURITY_GROUP)]);
    const types = Object.keys(stack.json.resource ?? {});
    for (const type of ["aws_security_group", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]) {
      expect(types).not.toContain(type);
    }
  });

  it("logs every connection to a KMS-encrypted log group", () => {
    expect(endpoint.connection_log_options).toEqual({
      enabled: true,
      cloudwatch_log_group: "${aws_cloudwatch_log_group.client_vpn_log_group.name}",
      cloudwatch_log_stream: "${aws_cloudwatch_log_stream.client_vpn_log_stream.name}",
    });
    const logGroup = resourcesOf(stack, "aws_cloudwatch_log_group").client_vpn_log_group;
    expect(logGroup.kms_key_id).toMatch(LOGS_KEY);
    expect(logGroup.retention_in_days).toBe(PROD_CLIENT_VPN.connectionLogRetentionDays);
  });

  it("is associated with every private subnet and authorizes the VPC range", () => {
    const associations = Object.values(resourcesOf(stack, "aws_ec2_client_vpn_network_association"));
    expect(associations).toHaveLength(synth.config.network!.privateSubnetCidrs.length);
    for (const association of associations) {
      expect(association.client_vpn_endpoint_id).toBe("${aws_ec2_client_vpn_endpoint.client_vpn_endpoint.id}");
      expect(association.subnet_id).toMatch(/cross_stack_output_aws_subnet_private_subnet_/);
    }
    const rule = resourcesOf(stack, "aws_ec2_client_vpn_authorization_rule").client_vpn_authorization;
    expect(rule.target_network_cidr).toMatch(/cross_stack_output_aws_vpc_vpc_cidr_block/);
    expect(rule.authorize_all_groups).toBe(true);
  });

  it("is deployed after vpc and needs nothing from messaging, ecs or observability", () => {
    const remoteStates = Object.keys(stack.json.data?.terraform_remote_state ?? {});
    expect(remoteStates.map((name) => name.replace(/^cross_stack_reference_input_prod_/, "")).sort()).toEqual(["secrets_kms", "vpc"]);
  });

  const federated = synthConfig(
    editedConfig("prod", (raw) => {
      raw.messaging.clientVpn = {
        ...PROD_CLIENT_VPN,
        authentication: { type: "federated", samlProviderArn: "arn:aws:iam::333333333333:saml-provider/okta" },
      };
    }),
  );
  it("uses a SAML provider when authentication is federated", () => {
    const vpn = resourcesOf(federated.stack("access"), "aws_ec2_client_vpn_endpoint").client_vpn_endpoint;
    expect(vpn.authentication_options).toEqual([
      { type: "federated-authentication", saml_provider_arn: "arn:aws:iam::333333333333:saml-provider/okta" },
    ]);
  });
});
