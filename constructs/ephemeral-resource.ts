import { TerraformElement, type TerraformProvider } from "cdktf";
import type { Construct } from "constructs";

/** Marks the HCL fragment of an ephemeral block for the renderer in `patches/` (cdktf 0.21 renders none). */
export const EPHEMERAL_HCL_MARKER = "//ephemeral";

export interface EphemeralResourceProps {
  /** Provider resource type, e.g. `aws_secretsmanager_secret_version`. */
  readonly type: string;
  /** Arguments of the block; values may be tokens of this stack or cross-stack references. */
  readonly config: Readonly<Record<string, unknown>>;
  /**
   * Provider (region) that opens it.
   * @default - the stack's default provider of that type
   */
  readonly provider?: TerraformProvider;
}

/**
 * An `ephemeral` block (Terraform 1.10+): opened during each plan and apply and never written to state or plan
 * files, so a secret it reads can feed write-only arguments (`password_wo`) without landing anywhere. cdktf 0.21
 * has no binding for ephemeral blocks; this element writes one into the stack's JSON like any resource, so its
 * arguments may carry cross-stack references.
 */
export class EphemeralResource extends TerraformElement {
  private readonly type: string;
  private readonly config: Readonly<Record<string, unknown>>;
  private readonly provider?: TerraformProvider;

  constructor(scope: Construct, id: string, props: EphemeralResourceProps) {
    super(scope, id, `ephemeral.${props.type}`);
    this.type = props.type;
    this.config = props.config;
    this.provider = props.provider;
  }

  /** `ephemeral.<type>.<name>.<attribute>`, bare, for use inside a larger Terraform expression. */
  expression(attribute: string): string {
    return `ephemeral.${this.type}.${this.friendlyUniqueId}.${attribute}`;
  }

  /** `${ephemeral.<type>.<name>.<attribute>}`: usable only in write-only arguments, provider blocks and other ephemeral blocks. */
  attribute(name: string): string {
    return `\${${this.expression(name)}}`;
  }

  /** A member of a JSON-valued attribute, `${jsondecode(ephemeral.<type>.<name>.<attribute>)["<key>"]}`. */
  jsonMember(attribute: string, key: string): string {
    return `\${jsondecode(${this.expression(attribute)})[${JSON.stringify(key)}]}`;
  }

  toTerraform(): Record<string, unknown> {
    return { ephemeral: { [this.type]: { [this.friendlyUniqueId]: this.block() } } };
  }

  toHclTerraform(): Record<string, unknown> {
    // Rendered as a data block by cdktf, renamed by the renderer patch in patches/ephemeral-hcl.ts.
    return { data: { [this.type]: { [this.friendlyUniqueId]: { ...this.block(), [EPHEMERAL_HCL_MARKER]: true } } } };
  }

  private block(): Record<string, unknown> {
    return { ...this.config, ...(this.provider ? { provider: this.provider.fqn } : {}) };
  }
}
