import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { type PolicyStatement, assumeRolePolicy, policyDocument } from "./iam-policy";

export interface ServiceRoleProps {
  /** Role name (max 64 characters). */
  readonly name: string;
  /** Service principal that assumes the role, e.g. `vpc-flow-logs.amazonaws.com`. */
  readonly assumedBy: string;
  /** Account id the trust policy pins with `aws:SourceAccount` (confused-deputy protection). */
  readonly sourceAccount?: string;
  /** Least-privilege statements of the role's inline policy; resources are ARNs, not `*`, wherever the service allows. */
  readonly statements?: readonly PolicyStatement[];
  /**
   * AWS managed policies to attach, for services whose needs AWS maintains (RDS enhanced monitoring, Backup).
   * @default - none
   */
  readonly managedPolicyArns?: readonly string[];
  /**
   * Provider (region) of the role; IAM is global, this only picks the API endpoint.
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

/** An IAM role for one AWS service with one inline policy; the shape every service role in the project takes. */
export class ServiceRole extends Construct {
  readonly role: IamRole;
  /** The inline policy; resources that need the permissions in place when they are created depend on it. */
  readonly policy?: IamRolePolicy;

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    if (props.name.length > 64) throw new Error(`ServiceRole ${id}: name "${props.name}" is longer than 64 characters`);
    this.role = new IamRole(this, "Resource", {
      provider: props.provider,
      name: props.name,
      assumeRolePolicy: assumeRolePolicy(props.assumedBy, props.sourceAccount),
    });
    if (props.statements && props.statements.length > 0) {
      this.policy = new IamRolePolicy(this, "Policy", {
        provider: props.provider,
        name: `${props.name}-policy`,
        role: this.role.id,
        policy: policyDocument(props.statements),
      });
    }
    (props.managedPolicyArns ?? []).forEach((policyArn, i) => {
      new IamRolePolicyAttachment(this, `Managed${i}`, { provider: props.provider, role: this.role.name, policyArn });
    });
  }

  get arn(): string {
    return this.role.arn;
  }

  get name(): string {
    return this.role.name;
  }
}
