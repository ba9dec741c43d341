import { providerAddress, type ProviderRequirement } from "./toolchain";

import type { TerraformJson as StackJson } from "../../stacks/terraform-json";

/** A synthesized `cdk.tf.json` as the harness reads and rewrites it (its copies of known output). */
// biome-ignore lint/suspicious/noExplicitAny: the harness rewrites attributes of every provider's schema.
export type TerraformJson = StackJson<any>;

/** A `terraform_remote_state` data source and the outputs of it that the stack reads. */
export interface RemoteStateRead {
  /** Data source name (`cross_stack_reference_input_dev_vpc`). */
  readonly name: string;
  /** Backend type and settings the data source reads (bucket, key, region, ...). */
  readonly backend: string;
  readonly config: Record<string, unknown>;
  /** Output names referenced as `data.terraform_remote_state.<name>.outputs.<output>`. */
  readonly outputs: readonly string[];
}

/** Providers a stack requires, as registry addresses with their version constraints. */
export function requiredProviders(json: TerraformJson): ProviderRequirement[] {
  return Object.entries(json.terraform.required_providers ?? {}).map(([name, spec]) => ({
    address: providerAddress(spec.source ?? name),
    version: spec.version ?? "",
  }));
}

/** Every provider the given stacks require, once each. */
export function providerRequirements(stacks: readonly TerraformJson[]): ProviderRequirement[] {
  return [...new Map(stacks.flatMap(requiredProviders).map((p) => [p.address, p])).values()];
}

/** Managed resource addresses (`aws_vpc.vpc`), the unit the offline plan is compared in. */
export function resourceAddresses(json: TerraformJson): string[] {
  return Object.entries(json.resource ?? {}).flatMap(([type, blocks]) => Object.keys(blocks).map((name) => `${type}.${name}`));
}

/** Every `terraform_remote_state` of a stack with the output names the stack reads from it. */
export function remoteStateReads(json: TerraformJson): RemoteStateRead[] {
  const text = JSON.stringify(json);
  return Object.entries(json.data?.terraform_remote_state ?? {}).map(([name, block]) => {
    const pattern = new RegExp(`data\\.terraform_remote_state\\.${name}\\.outputs\\.([A-Za-z0-9_-]+)`, "g");
    const outputs = new Set([...text.matchAll(pattern)].map((match) => match[1]));
    return { name, backend: block.backend, config: block.config ?? {}, outputs: [...outputs].sort() };
  });
}

/**
 * The stack with every `random_*` resource replaced by a `terraform_data` of the same name and every reference
 * rewritten (`random_password.x.result` -> `terraform_data.x.output`), and the random provider removed: the
 * random provider is not in the offline mirror, and `terraform_data` is built in. The resource count stays
 * the same, so plans still compare one to one.
 */
export function withoutRandomProvider(json: TerraformJson): TerraformJson {
  const copy: TerraformJson = structuredClone(json);
  delete copy.provider?.random;
  delete copy.terraform.required_providers?.random;
  const resources = copy.resource ?? {};
  const randomTypes = Object.keys(resources).filter((type) => type.startsWith("random_"));
  if (randomTypes.length === 0) return copy;

  const standIns: Record<string, Record<string, unknown>> = { ...(resources.terraform_data ?? {}) };
  for (const type of randomTypes) {
    for (const [name, block] of Object.entries(resources[type])) {
      if (standIns[name]) throw new Error(`cannot swap ${type}.${name}: terraform_data.${name} already exists`);
      const { count, for_each, depends_on, "//": metadata } = block;
      const standIn = { "//": metadata, input: `${type} stand-in (the random provider is not in the offline mirror)`, count, for_each, depends_on };
      standIns[name] = Object.fromEntries(Object.entries(standIn).filter(([, value]) => value !== undefined));
    }
    delete resources[type];
  }
  resources.terraform_data = standIns;

  const types = randomTypes.join("|");
  const reference = new RegExp(`\\b(?:${types})\\.([A-Za-z0-9_-]+)(\\.[A-Za-z_][A-Za-z0-9_]*)?`, "g");
  const rewrite = (_: string, name: string, attribute?: string) =>
    attribute === undefined ? `terraform_data.${name}` : `terraform_data.${name}${attribute === ".id" ? ".id" : ".output"}`;
  const bare = new RegExp(`^(?:${types})\\.([A-Za-z0-9_-]+)$`);
  // References live inside ${...} interpolations, and bare (`random_password.x`) in depends_on lists.
  const rewritten = JSON.stringify(copy, (_key, value) => {
    if (typeof value !== "string") return value;
    if (bare.test(value)) return value.replace(bare, "terraform_data.$1");
    return value.replace(/\$\{[^}]*\}/g, (expression) => expression.replace(reference, rewrite));
  });
  return JSON.parse(rewritten);
}

/** Provider settings that let the AWS provider plan without AWS: fake keys from the environment, no account lookups. */
export const OFFLINE_PROVIDER_SETTINGS = {
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
} as const;

/**
 * Local endpoints for AWS APIs the provider calls while it plans, keyed as in the provider's `endpoints` block
 * (provider 5.100's schema has `sfn`, the service's own name, and `stepfunctions`, an alias of it).
 */
export interface OfflineEndpoints {
  /**
   * The Step Functions stub (step-functions-stub.ts) that answers `aws_sfn_state_machine`'s plan-time
   * ValidateStateMachineDefinition.
   * @default - none: a stack with a state machine cannot be planned offline
   */
  readonly sfn?: string;
}

/**
 * The stack with every AWS provider configured to plan offline. `allowed_account_ids` goes: with no account
 * lookup the guard cannot be checked and would fail the plan. Every AWS provider gets the same `endpoints`, whether
 * its stack calls them or not, so that provider blocks that were the same stay the same (`providerShareKey`).
 */
export function withOfflineAwsProvider(json: TerraformJson, endpoints: OfflineEndpoints = {}): TerraformJson {
  const copy: TerraformJson = structuredClone(json);
  const set = Object.fromEntries(Object.entries(endpoints).filter(([, url]) => url !== undefined));
  for (const provider of copy.provider?.aws ?? []) {
    delete provider.allowed_account_ids;
    Object.assign(provider, OFFLINE_PROVIDER_SETTINGS);
    if (Object.keys(set).length > 0) provider.endpoints = [{ ...(provider.endpoints?.[0] ?? {}), ...set }];
  }
  return copy;
}
