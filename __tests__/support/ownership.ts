import type { TerraformJson } from "./synth";

/**
 * Resources that change another resource (a security group, a role) and the attribute that names it. A stack may write
 * them only for a group or role it creates itself (DESIGN.md: "a stack changes only resources it owns (a
 * security-group rule lives with the group, fed by a prop)").
 */
const WRITES_INTO: readonly { type: string; attribute: string; owner: "aws_security_group" | "aws_iam_role" }[] = [
  { type: "aws_vpc_security_group_ingress_rule", attribute: "security_group_id", owner: "aws_security_group" },
  { type: "aws_vpc_security_group_egress_rule", attribute: "security_group_id", owner: "aws_security_group" },
  { type: "aws_security_group_rule", attribute: "security_group_id", owner: "aws_security_group" },
  { type: "aws_iam_role_policy", attribute: "role", owner: "aws_iam_role" },
  { type: "aws_iam_role_policy_attachment", attribute: "role", owner: "aws_iam_role" },
  { type: "aws_iam_role_policies_exclusive", attribute: "role_name", owner: "aws_iam_role" },
  { type: "aws_iam_role_policy_attachments_exclusive", attribute: "role_name", owner: "aws_iam_role" },
];

/** A plain reference to an attribute of one resource: `${aws_iam_role.task_role.name}`. */
const OWN_REFERENCE = /^\$\{(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)\.(id|name|arn)\}$/;

/**
 * Every write of a stack into a security group or role it does not create: the target is a remote-state value,
 * an expression over one (e.g. a role name split out of an ARN), a literal, or a resource of another type.
 */
export function foreignWrites(json: TerraformJson): string[] {
  const resources = json.resource ?? {};
  const found: string[] = [];
  for (const { type, attribute, owner } of WRITES_INTO) {
    for (const [name, resource] of Object.entries(resources[type] ?? {})) {
      const target = String(resource[attribute]);
      const match = OWN_REFERENCE.exec(target);
      const own = match !== null && match[1] === owner && resources[owner]?.[match[2]] !== undefined;
      if (!own) found.push(`${type}.${name}.${attribute} = ${target}`);
    }
  }
  return found;
}
