/** Blocks of one kind (`resource`, `data`, `ephemeral`) by type, then by name, then argument. */
export type TerraformBlocks<Attribute = unknown> = Record<string, Record<string, Record<string, Attribute>>>;

/**
 * A synthesized stack's Terraform JSON (`cdk.tf.json`): the one type that synth's summary, the guardrails, the
 * terraform harness and the tests read it by. `Attribute` is how arguments are typed: `unknown` (the default)
 * where the reader must check what it finds, as the guardrails do; tests that dig into known output pass `any`.
 */
export interface TerraformJson<Attribute = unknown> {
  terraform: {
    backend?: Record<string, Record<string, Attribute>>;
    required_providers?: Record<string, { source?: string; version?: string }>;
  };
  provider?: Record<string, Record<string, Attribute>[]>;
  resource?: TerraformBlocks<Attribute>;
  data?: TerraformBlocks<Attribute>;
  ephemeral?: TerraformBlocks<Attribute>;
  output?: Record<string, { value: unknown; sensitive?: boolean; description?: string }>;
  [block: string]: unknown;
}
