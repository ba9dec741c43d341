import { elementRule, stackRule } from "../catalog";
import { blocks, isTrue, referencedAddress } from "../helpers";
import { type ElementView, type RuleContext, compliant, nonCompliant } from "../types";

const ANYWHERE = ["0.0.0.0/0", "::/0"];
/** The only ports the internet may reach, and only on groups that nothing but application load balancers use. */
const LOAD_BALANCER_PORTS = [80, 443];

interface Opening {
  readonly subject: ElementView;
  /** The security group the opening belongs to, when known. */
  readonly group?: ElementView;
  readonly cidrs: readonly string[];
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
}

function group(context: RuleContext, reference: unknown): ElementView | undefined {
  const address = referencedAddress(reference);
  return context.elements.find((e) => e.address === address && (e.type === "aws_security_group" || e.type === "aws_default_security_group"));
}

function openings(context: RuleContext): Opening[] {
  const found: Opening[] = [];
  for (const element of context.elements) {
    const { type, attributes: a } = element;
    if (type === "aws_vpc_security_group_ingress_rule") {
      found.push({
        subject: element,
        group: group(context, a.security_group_id),
        cidrs: [a.cidr_ipv4, a.cidr_ipv6].filter((c): c is string => typeof c === "string"),
        protocol: String(a.ip_protocol),
        fromPort: Number(a.from_port ?? 0),
        toPort: Number(a.to_port ?? 65535),
      });
    } else if (type === "aws_security_group_rule" && a.type === "ingress") {
      found.push({
        subject: element,
        group: group(context, a.security_group_id),
        cidrs: [a.cidr_blocks, a.ipv6_cidr_blocks].flat().filter((c): c is string => typeof c === "string"),
        protocol: String(a.protocol),
        fromPort: Number(a.from_port),
        toPort: Number(a.to_port),
      });
    } else if (type === "aws_security_group" || type === "aws_default_security_group") {
      for (const rule of blocks(a.ingress)) {
        found.push({
          subject: element,
          group: element,
          cidrs: [rule.cidr_blocks, rule.ipv6_cidr_blocks].flat().filter((c): c is string => typeof c === "string"),
          protocol: String(rule.protocol),
          fromPort: Number(rule.from_port),
          toPort: Number(rule.to_port),
        });
      }
    }
  }
  return found;
}

/** Used by application load balancers only (or not attached yet): the group of an internet-facing ALB. */
function isLoadBalancerGroup(context: RuleContext, sg: ElementView | undefined): boolean {
  if (!sg) return false;
  const users = context.app.securityGroupUsers.get(`${context.stack}/${sg.address}`) ?? new Set<string>();
  return [...users].every((user) => user === "aws_lb:application");
}

export const noInternetIngress = stackRule("VP-NET-1", (context) =>
  openings(context)
    .filter((o) => o.cidrs.some((cidr) => ANYWHERE.includes(cidr)))
    .map((o) => {
      const protocol = o.protocol.toLowerCase();
      const tcp = protocol === "tcp" || protocol === "6";
      const allowed = tcp && o.fromPort === o.toPort && LOAD_BALANCER_PORTS.includes(o.fromPort) && isLoadBalancerGroup(context, o.group);
      const ports =
        protocol === "-1" || protocol === "all" ? "all ports" : o.fromPort === o.toPort ? `port ${o.fromPort}` : `ports ${o.fromPort}-${o.toPort}`;
      const cidr = o.cidrs.filter((c) => ANYWHERE.includes(c)).join(" and ");
      return {
        subject: o.subject,
        verdict: allowed ? compliant : nonCompliant(`ingress from ${cidr} on ${ports} (${o.protocol})${o.group ? ` into ${o.group.address}` : ""}`),
      };
    }),
);

export const noPublicIpAddresses = elementRule("VP-NET-2", ["aws_subnet", "aws_instance", "aws_launch_template"], ({ type, attributes }) => {
  if (type === "aws_subnet") {
    return isTrue(attributes.map_public_ip_on_launch) ? nonCompliant("map_public_ip_on_launch is true") : compliant;
  }
  if (type === "aws_instance") {
    return isTrue(attributes.associate_public_ip_address) ? nonCompliant("associate_public_ip_address is true") : compliant;
  }
  return blocks(attributes.network_interfaces).some((ni) => isTrue(ni.associate_public_ip_address))
    ? nonCompliant("a network interface has associate_public_ip_address = true")
    : compliant;
});

export const noUnrestrictedEgress = elementRule(
  "VP-NET-3",
  ["aws_vpc_security_group_egress_rule", "aws_security_group_rule", "aws_security_group"],
  ({ type, attributes: a }) => {
    const rules =
      type === "aws_vpc_security_group_egress_rule"
        ? [{ cidrs: [a.cidr_ipv4, a.cidr_ipv6], protocol: a.ip_protocol }]
        : type === "aws_security_group_rule"
          ? a.type === "egress"
            ? [{ cidrs: [a.cidr_blocks, a.ipv6_cidr_blocks].flat(), protocol: a.protocol }]
            : []
          : blocks(a.egress).map((rule) => ({ cidrs: [rule.cidr_blocks, rule.ipv6_cidr_blocks].flat(), protocol: rule.protocol }));
    const open = rules.filter((r) => ["-1", "all"].includes(String(r.protocol)) && r.cidrs.some((c) => ANYWHERE.includes(String(c))));
    return open.length === 0 ? compliant : nonCompliant("egress allows every protocol and port to anywhere");
  },
);
