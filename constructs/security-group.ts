import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";

export interface SecurityGroupWithRulesProps {
  /** Group name, unique in the VPC. */
  readonly name: string;
  /** Why the group exists; AWS cannot change it later without replacement. */
  readonly description: string;
  readonly vpcId: string;
}

/**
 * A security group with no inline rules and no default egress: every rule is its own
 * `aws_vpc_security_group_*_rule` resource, so a reviewer sees each opening by name and
 * changing one rule never replaces the others.
 */
export class SecurityGroupWithRules extends Construct {
  readonly group: SecurityGroup;

  constructor(scope: Construct, id: string, props: SecurityGroupWithRulesProps) {
    super(scope, id);
    this.group = new SecurityGroup(this, "Resource", {
      name: props.name,
      description: props.description,
      vpcId: props.vpcId,
      revokeRulesOnDelete: true,
      tags: { Name: props.name },
    });
  }

  get id(): string {
    return this.group.id;
  }

  allowIngressFromGroup(ruleId: string, sourceGroupId: string, port: number, description: string): void {
    this.addRule("ingress", ruleId, { referencedSecurityGroupId: sourceGroupId }, port, description);
  }

  allowIngressFromCidr(ruleId: string, cidr: string, port: number, description: string): void {
    this.addRule("ingress", ruleId, { cidrIpv4: cidr }, port, description);
  }

  allowEgressToGroup(ruleId: string, targetGroupId: string, port: number, description: string): void {
    this.addRule("egress", ruleId, { referencedSecurityGroupId: targetGroupId }, port, description);
  }

  allowEgressToCidr(ruleId: string, cidr: string, port: number, description: string): void {
    this.addRule("egress", ruleId, { cidrIpv4: cidr }, port, description);
  }

  private addRule(
    direction: "ingress" | "egress",
    ruleId: string,
    peer: { referencedSecurityGroupId: string } | { cidrIpv4: string },
    port: number,
    description: string,
  ): void {
    const RuleClass = direction === "ingress" ? VpcSecurityGroupIngressRule : VpcSecurityGroupEgressRule;
    new RuleClass(this, `${direction}_${ruleId}`, {
      securityGroupId: this.group.id,
      ...peer,
      ipProtocol: "tcp",
      fromPort: port,
      toPort: port,
      description,
    });
  }
}
