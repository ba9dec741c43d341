import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import type { Construct } from "constructs";
import { EncryptedLogGroup } from "../constructs/encrypted-log-group";
import { HTTPS_PORT, POSTGRES_PORT, REDIS_PORT } from "../constructs/ports";
import { SecurityGroupWithRules } from "../constructs/security-group";
import { ServiceRole } from "../constructs/service-role";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface VpcStackProps extends Omit<PlatformStackProps, "component"> {
  /** CMK (from secrets-kms) that encrypts the flow-log group. */
  readonly logsKeyArn: string;
  /**
   * Container ports the ALB may reach on ECS tasks.
   * @default [8000] - seed 000's API port
   */
  readonly appPorts?: readonly number[];
  /**
   * Admin access over Client VPN (`messaging.clientVpn.enabled`): a security group for the endpoint, which the access
   * stack attaches, reaching only PostgreSQL and Redis, whose groups admit it.
   * @default false - no Client VPN group and no rules for it
   */
  readonly clientVpnAccess?: boolean;
}

/**
 * The network: three subnet tiers over the configured AZs, NAT by strategy, one security group per
 * tier of the request path (ALB -> ECS -> RDS/Redis), VPC endpoints and encrypted flow logs.
 */
export class VpcStack extends PlatformStack {
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** Subnet ids per tier, in availability-zone order. */
  readonly publicSubnetIds: string[];
  readonly privateSubnetIds: string[];
  /** Empty when the environment has no isolated tier. */
  readonly databaseSubnetIds: string[];
  readonly albSecurityGroupId: string;
  readonly ecsSecurityGroupId: string;
  /** Security groups of the data stores; undefined when the config has no database / cache section. */
  readonly rdsSecurityGroupId?: string;
  readonly redisSecurityGroupId?: string;
  readonly endpointSecurityGroupId: string;
  /** Security group of the Client VPN endpoint (access stack); undefined without `clientVpnAccess`. */
  readonly clientVpnSecurityGroupId?: string;

  constructor(scope: Construct, props: VpcStackProps) {
    super(scope, { ...props, component: "vpc" });
    const network = this.section("network");
    const appPorts = [...new Set(props.appPorts ?? [8000])].sort((a, b) => a - b);

    const vpc = new Vpc(this, "vpc", {
      cidrBlock: network.vpcCidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: this.nameTags("vpc"),
    });
    this.vpcId = vpc.id;
    this.vpcCidr = vpc.cidrBlock;

    // A VPC's default security group allows all traffic between its members; strip every rule.
    new DefaultSecurityGroup(this, "default_security_group", {
      vpcId: vpc.id,
      ingress: [],
      egress: [],
      tags: this.nameTags("default-locked"),
    });

    const igw = new InternetGateway(this, "internet_gateway", { vpcId: vpc.id, tags: this.nameTags("igw") });

    const subnetsOf = (tier: "public" | "private" | "database", cidrs: readonly string[]) =>
      network.availabilityZones.map(
        (zone, i) =>
          new Subnet(this, `${tier}_subnet_${zone}`, {
            vpcId: vpc.id,
            availabilityZone: zone,
            cidrBlock: cidrs[i],
            mapPublicIpOnLaunch: false,
            tags: { ...this.nameTags(`${tier}-${zone}`), tier },
          }),
      );
    const publicSubnets = subnetsOf("public", network.publicSubnetCidrs);
    const privateSubnets = subnetsOf("private", network.privateSubnetCidrs);
    // An environment without a database or cache has no isolated tier (network.databaseSubnetCidrs is empty).
    const databaseSubnets = network.databaseSubnetCidrs.length > 0 ? subnetsOf("database", network.databaseSubnetCidrs) : [];
    this.publicSubnetIds = publicSubnets.map((s) => s.id);
    this.privateSubnetIds = privateSubnets.map((s) => s.id);
    this.databaseSubnetIds = databaseSubnets.map((s) => s.id);

    const publicRouteTable = new RouteTable(this, "public_route_table", { vpcId: vpc.id, tags: this.nameTags("public") });
    new Route(this, "public_internet_route", {
      routeTableId: publicRouteTable.id,
      destinationCidrBlock: "0.0.0.0/0",
      gatewayId: igw.id,
    });
    publicSubnets.forEach((subnet, i) => {
      new RouteTableAssociation(this, `public_route_table_${network.availabilityZones[i]}`, {
        subnetId: subnet.id,
        routeTableId: publicRouteTable.id,
      });
    });

    // per-az: each AZ's private subnets leave through their own NAT, so losing an AZ loses only its egress.
    const natZones = network.natGateways === "per-az" ? network.availabilityZones : network.availabilityZones.slice(0, 1);
    const natGateways = natZones.map((zone, i) => {
      const eip = new Eip(this, `nat_eip_${zone}`, { domain: "vpc", tags: this.nameTags(`nat-${zone}`) });
      return new NatGateway(this, `nat_gateway_${zone}`, {
        allocationId: eip.allocationId,
        subnetId: publicSubnets[i].id,
        tags: this.nameTags(`nat-${zone}`),
        dependsOn: [igw],
      });
    });

    const privateRouteTables = network.availabilityZones.map((zone, i) => {
      const table = new RouteTable(this, `private_route_table_${zone}`, {
        vpcId: vpc.id,
        tags: this.nameTags(`private-${zone}`),
      });
      new Route(this, `private_nat_route_${zone}`, {
        routeTableId: table.id,
        destinationCidrBlock: "0.0.0.0/0",
        natGatewayId: natGateways[Math.min(i, natGateways.length - 1)].id,
      });
      new RouteTableAssociation(this, `private_route_table_association_${zone}`, {
        subnetId: privateSubnets[i].id,
        routeTableId: table.id,
      });
      return table;
    });

    // Database subnets have no route out of the VPC at all.
    const databaseRouteTable = databaseSubnets.length > 0 ? this.isolatedRouteTable(databaseSubnets) : undefined;

    // A group of this VPC, `<key>_security_group` named `<prefix>-<name>`.
    const securityGroup = (key: string, name: string, description: string) =>
      new SecurityGroupWithRules(this, `${key}_security_group`, { name: `${this.namePrefix}-${name}`, description, vpcId: vpc.id });
    const alb = securityGroup("alb", "alb", "Internet-facing load balancer: HTTP(S) from anywhere");
    const ecs = securityGroup("ecs", "ecs-tasks", "Fargate tasks: app ports from the ALB only");
    const rds = this.config.database && securityGroup("rds", "rds", "PostgreSQL: 5432 from ECS tasks only");
    const redis = this.config.cache && securityGroup("redis", "redis", "Redis: 6379 from ECS tasks only");
    const endpoints = securityGroup("endpoints", "vpc-endpoints", "Interface endpoints: HTTPS from inside the VPC");

    for (const port of [80, HTTPS_PORT]) {
      alb.allowIngressFromCidr(`internet_${port}`, "0.0.0.0/0", port, `Clients on port ${port}`);
    }
    for (const port of appPorts) {
      alb.allowEgressToGroup(`ecs_${port}`, ecs.id, port, `Forward to tasks on ${port}`);
      ecs.allowIngressFromGroup(`alb_${port}`, alb.id, port, `Load balancer to tasks on ${port}`);
    }
    ecs.allowEgressToCidr("https", "0.0.0.0/0", HTTPS_PORT, "AWS APIs, ECR and third-party voice/AI APIs over TLS");
    if (rds) ecs.allowEgressToGroup("postgres", rds.id, POSTGRES_PORT, "PostgreSQL");
    if (redis) ecs.allowEgressToGroup("redis", redis.id, REDIS_PORT, "Redis");
    rds?.allowIngressFromGroup("ecs", ecs.id, POSTGRES_PORT, "PostgreSQL from tasks");
    redis?.allowIngressFromGroup("ecs", ecs.id, REDIS_PORT, "Redis from tasks");
    endpoints.allowIngressFromCidr("vpc_https", network.vpcCidr, HTTPS_PORT, "HTTPS from the VPC");
    // The Client VPN endpoint's group lives here, beside the groups that admit it, rather than in the access stack:
    // - Client VPN source-NATs every client to the address of its subnet association's network interface, so the
    //   client range (messaging.clientVpn.clientCidr) never reaches RDS or Redis as a source and a CIDR rule on it
    //   would admit nobody; AWS's way is to admit the security group applied to the endpoint.
    // - A rule fed by a group id of the access stack would make vpc (deployed first) read access's state: a cycle.
    // - The private subnet ranges would admit every task and function in them, not only admins.
    const clientVpn =
      props.clientVpnAccess === true
        ? securityGroup("client_vpn", "client-vpn", "Client VPN endpoint: admin sessions to the data stores")
        : undefined;
    if (clientVpn && rds) {
      clientVpn.allowEgressToGroup("postgres", rds.id, POSTGRES_PORT, "Admins to PostgreSQL");
      rds.allowIngressFromGroup("client_vpn", clientVpn.id, POSTGRES_PORT, "Admins over Client VPN");
    }
    if (clientVpn && redis) {
      clientVpn.allowEgressToGroup("redis", redis.id, REDIS_PORT, "Admins to Redis");
      redis.allowIngressFromGroup("client_vpn", clientVpn.id, REDIS_PORT, "Admins over Client VPN");
    }
    this.albSecurityGroupId = alb.id;
    this.ecsSecurityGroupId = ecs.id;
    this.rdsSecurityGroupId = rds?.id;
    this.redisSecurityGroupId = redis?.id;
    this.endpointSecurityGroupId = endpoints.id;
    this.clientVpnSecurityGroupId = clientVpn?.id;

    const region = this.config.region;
    for (const service of network.gatewayEndpoints) {
      new VpcEndpoint(this, `${service}_gateway_endpoint`, {
        vpcId: vpc.id,
        serviceName: `com.amazonaws.${region}.${service}`,
        vpcEndpointType: "Gateway",
        routeTableIds: [...privateRouteTables.map((t) => t.id), ...(databaseRouteTable ? [databaseRouteTable.id] : [])],
        tags: this.nameTags(`${service}-endpoint`),
      });
    }
    for (const service of network.interfaceEndpoints) {
      new VpcEndpoint(this, `${service.replace(".", "_")}_interface_endpoint`, {
        vpcId: vpc.id,
        serviceName: `com.amazonaws.${region}.${service}`,
        vpcEndpointType: "Interface",
        privateDnsEnabled: true,
        subnetIds: this.privateSubnetIds,
        securityGroupIds: [endpoints.id],
        tags: this.nameTags(`${service}-endpoint`),
      });
    }

    if (network.flowLogs.enabled) {
      const logGroup = new EncryptedLogGroup(this, "flow_log_group", {
        name: `/aws/vpc/${this.namePrefix}/flow-logs`,
        kmsKeyArn: props.logsKeyArn,
        retentionDays: network.flowLogs.retentionDays,
      });
      const role = new ServiceRole(this, "flow_log_role", {
        name: `${this.namePrefix}-vpc-flow-logs`,
        assumedBy: "vpc-flow-logs.amazonaws.com",
        sourceAccount: this.config.accountId,
        statements: [
          {
            sid: "WriteFlowLogsToItsGroup",
            actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            resources: [logGroup.arn, `${logGroup.arn}:*`],
          },
          {
            // AWS lists DescribeLogGroups among the role's minimum permissions; it is a list call that only takes a
            // log-group:* resource, so it cannot be narrowed to the one group.
            sid: "FlowLogsFindTheirGroup",
            actions: ["logs:DescribeLogGroups"],
            resources: [`arn:aws:logs:${this.config.region}:${this.config.accountId}:log-group:*`],
          },
        ],
      });
      new FlowLog(this, "flow_log", {
        vpcId: vpc.id,
        trafficType: network.flowLogs.trafficType,
        logDestinationType: "cloud-watch-logs",
        logDestination: logGroup.arn,
        iamRoleArn: role.arn,
        maxAggregationInterval: 60,
        tags: this.nameTags("flow-log"),
      });
    }
  }

  /** The route table of the isolated (database) subnets: local routes only. */
  private isolatedRouteTable(subnets: readonly Subnet[]): RouteTable {
    const table = new RouteTable(this, "database_route_table", {
      vpcId: this.vpcId,
      tags: this.nameTags("database"),
    });
    subnets.forEach((subnet, i) => {
      new RouteTableAssociation(this, `database_route_table_association_${this.section("network").availabilityZones[i]}`, {
        subnetId: subnet.id,
        routeTableId: table.id,
      });
    });
    return table;
  }
}
