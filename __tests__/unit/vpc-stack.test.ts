import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { describe, expect, it } from "vitest";
import { fixtureEnvironment, fullFixture, synthFixture } from "../support/fixtures";
import { PROD_CLIENT_VPN, synthMessagingVariant } from "../support/messaging";
import { resourcesOf } from "../support/synth";

// The shipped environments' zones, NAT gateways, endpoints and flow-log retention: __tests__/unit/sizing-policy.test.ts.
describe.each([
  ["two zones, one NAT, no data stores", fixtureEnvironment()],
  ["three zones, a NAT per zone, database and cache", fullFixture()],
])("vpc stack: %s", (_variant, input) => {
  const synth = synthFixture(input);
  const vpc = synth.stack("vpc");
  const network = synth.config.network!;
  const zones = network.availabilityZones.length;
  const dataStores = synth.config.database !== undefined || synth.config.cache !== undefined;

  it("creates the VPC with DNS on", () => {
    expect(vpc.text).toHaveResourceWithProperties(Vpc, {
      cidr_block: network.vpcCidr,
      enable_dns_support: true,
      enable_dns_hostnames: true,
    });
  });

  it("has one subnet per tier and AZ, none of them auto-assigning public IPs", () => {
    const subnets = Object.values(resourcesOf(vpc, "aws_subnet"));
    const tiers = dataStores ? ["public", "private", "database"] : ["public", "private"];
    expect(subnets).toHaveLength(tiers.length * zones);
    for (const tier of tiers) {
      expect(subnets.filter((s) => s.tags.tier === tier)).toHaveLength(zones);
    }
    expect(subnets.every((s) => s.map_public_ip_on_launch === false)).toBe(true);
  });

  it("follows the NAT strategy", () => {
    const nats = Object.keys(resourcesOf(vpc, "aws_nat_gateway"));
    expect(nats).toHaveLength(network.natGateways === "per-az" ? zones : 1);
    const privateRoutes = Object.values(resourcesOf(vpc, "aws_route")).filter((r) => r.nat_gateway_id);
    expect(privateRoutes).toHaveLength(zones);
  });

  it("gives database subnets no route out of the VPC", () => {
    const routes = Object.values(resourcesOf(vpc, "aws_route"));
    expect(routes.some((r) => String(r.route_table_id).includes("database_route_table"))).toBe(false);
  });

  it("locks the default security group", () => {
    expect(vpc.text).toHaveResourceWithProperties(DefaultSecurityGroup, { ingress: [], egress: [] });
  });

  it("opens 0.0.0.0/0 only on the ALB, only on 80 and 443", () => {
    const openRules = Object.values(resourcesOf(vpc, "aws_vpc_security_group_ingress_rule")).filter(
      (r) => r.cidr_ipv4 === "0.0.0.0/0" || r.cidr_ipv6 === "::/0",
    );
    expect(openRules.map((r) => r.from_port).sort()).toEqual([443, 80]);
    expect(openRules.every((r) => r.security_group_id === "${aws_security_group.alb_security_group.id}")).toBe(true);
  });

  it(dataStores ? "lets only ECS tasks reach PostgreSQL and Redis" : "has no PostgreSQL or Redis security group", () => {
    const ingress = Object.values(resourcesOf(vpc, "aws_vpc_security_group_ingress_rule"));
    if (!dataStores) {
      expect(Object.keys(resourcesOf(vpc, "aws_security_group")).sort()).toEqual([
        "alb_security_group",
        "ecs_security_group",
        "endpoints_security_group",
      ]);
      expect(ingress.some((r) => [5432, 6379].includes(r.from_port))).toBe(false);
      return;
    }
    for (const [group, port] of [
      ["rds_security_group", 5432],
      ["redis_security_group", 6379],
    ] as const) {
      const rules = ingress.filter((r) => r.security_group_id === `\${aws_security_group.${group}.id}`);
      expect(rules).toEqual([
        expect.objectContaining({
          from_port: port,
          to_port: port,
          referenced_security_group_id: "${aws_security_group.ecs_security_group.id}",
        }),
      ]);
    }
  });

  it("creates the configured endpoints", () => {
    const endpoints = Object.values(resourcesOf(vpc, "aws_vpc_endpoint"));
    const services = endpoints.map((e) => String(e.service_name).split(`${synth.config.region}.`)[1]).sort();
    expect(services).toEqual([...network.gatewayEndpoints, ...network.interfaceEndpoints].sort());
  });

  it("sends flow logs to a log group encrypted with the logs key from secrets-kms (cross-stack)", () => {
    expect(vpc.text).toHaveResourceWithProperties(FlowLog, { traffic_type: network.flowLogs.trafficType });
    const group = Object.values(resourcesOf(vpc, "aws_cloudwatch_log_group"))[0];
    expect(group.retention_in_days).toBe(network.flowLogs.retentionDays);
    expect(group.kms_key_id).toMatch(/^\$\{data\.terraform_remote_state\.cross_stack_reference_input_\w+_secrets_kms\.outputs\./);
    expect(vpc.text).toHaveResource(CloudwatchLogGroup);
  });

  it("lets the flow-log role do what AWS lists as its minimum, DescribeLogGroups on log-group:* included", () => {
    // https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html
    const statements: { Action: string | string[]; Resource: string | string[] }[] = JSON.parse(
      String(resourcesOf(vpc, "aws_iam_role_policy").flow_log_role_policy.policy),
    ).Statement;
    const allowed = (action: string) => statements.filter((s) => [s.Action].flat().includes(action)).flatMap((s) => [s.Resource].flat());
    for (const action of ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]) {
      expect(allowed(action).length, action).toBeGreaterThan(0);
    }
    expect(allowed("logs:DescribeLogGroups")).toEqual([`arn:aws:logs:${synth.config.region}:${synth.config.accountId}:log-group:*`]);
  });
});

describe("vpc stack with Client VPN enabled", () => {
  const synth = synthMessagingVariant("prod with Client VPN");
  const vpc = synth.stack("vpc");
  const VPN_GROUP = "${aws_security_group.client_vpn_security_group.id}";

  it("owns the endpoint's security group, named and described as before the move out of messaging", () => {
    expect(resourcesOf(vpc, "aws_security_group").client_vpn_security_group).toEqual(
      expect.objectContaining({ name: "voice-ai-prod-client-vpn", description: "Client VPN endpoint: admin sessions to the data stores" }),
    );
    expect(synth.stacks.vpc!.clientVpnSecurityGroupId).toBeDefined();
  });

  it("lets the Client VPN group reach PostgreSQL and Redis only, and those groups admit it", () => {
    const egress = Object.values(resourcesOf(vpc, "aws_vpc_security_group_egress_rule")).filter((r) => r.security_group_id === VPN_GROUP);
    expect(egress.map((r) => [r.from_port, r.referenced_security_group_id]).sort()).toEqual([
      [5432, "${aws_security_group.rds_security_group.id}"],
      [6379, "${aws_security_group.redis_security_group.id}"],
    ]);
    expect(egress.every((r) => r.cidr_ipv4 === undefined)).toBe(true);
    const ingress = resourcesOf(vpc, "aws_vpc_security_group_ingress_rule");
    expect(ingress.rds_security_group_ingress_client_vpn).toEqual(
      expect.objectContaining({
        security_group_id: "${aws_security_group.rds_security_group.id}",
        referenced_security_group_id: VPN_GROUP,
        ip_protocol: "tcp",
        from_port: 5432,
        to_port: 5432,
        description: "Admins over Client VPN",
      }),
    );
    expect(ingress.redis_security_group_ingress_client_vpn).toEqual(
      expect.objectContaining({
        security_group_id: "${aws_security_group.redis_security_group.id}",
        referenced_security_group_id: VPN_GROUP,
        ip_protocol: "tcp",
        from_port: 6379,
        to_port: 6379,
        description: "Admins over Client VPN",
      }),
    );
    // Nothing but the Client VPN group and the ECS tasks reaches the data stores.
    const dataStoreSources = Object.values(ingress)
      .filter((r) => [5432, 6379].includes(r.from_port))
      .map((r) => r.referenced_security_group_id);
    expect(new Set(dataStoreSources)).toEqual(new Set([VPN_GROUP, "${aws_security_group.ecs_security_group.id}"]));
  });

  it("admits no client CIDR: Client VPN source-NATs clients to its association's address", () => {
    const rules = [
      ...Object.values(resourcesOf(vpc, "aws_vpc_security_group_ingress_rule")),
      ...Object.values(resourcesOf(vpc, "aws_vpc_security_group_egress_rule")),
    ];
    expect(rules.some((r) => r.cidr_ipv4 === PROD_CLIENT_VPN.clientCidr)).toBe(false);
  });
});
