// How the offline plan groups stacks into terraform roots: which provider configurations stacks can share, how many
// a root may hold, and the root's module and provider files (scripts/terraform/offline-plan.ts runs them).
import { type TerraformJson, resourceAddresses } from "./stack-json";

/**
 * Provider configurations one plan root may hold (`planRootLayout`: one provider process each, ~140 MB): keeps a
 * root of many stacks within a few GB, while every root still pays its terraform start and schema load only once.
 */
export const MAX_PROVIDERS_PER_ROOT = 20;

/** A stack as the offline plan sees it: its offline copy and what that copy takes for granted. */
export interface OfflineStack {
  readonly id: string;
  /** The offline copy: random swap, stand-ins for AWS reads, AWS provider without account checks. */
  readonly json: TerraformJson;
  /** `<address>: <assumption>` per AWS read replaced by a fixed value. */
  readonly standIns: readonly string[];
  /** `<address>: <reason>` per AWS read without a stand-in: the stack cannot be planned offline. */
  readonly blockers: readonly string[];
  /** Managed resource addresses the plan must create (those of the offline copy, one per synthesized resource). */
  readonly synthesized: readonly string[];
  /**
   * Stacks of one scope (their environment, `<project>/<env>`) share a plan root's provider configuration where
   * their provider blocks differ only in the values of their default tags (`sharedProviders`).
   */
  readonly scope: string;
}

/** A provider block of a stack: its local name (`aws`), and the block (`alias`, `region`, `default_tags`, ...). */
interface ProviderBlock {
  readonly name: string;
  readonly block: Record<string, unknown>;
}

function providerBlocks(json: TerraformJson): ProviderBlock[] {
  return Object.entries(json.provider ?? {}).flatMap(([name, blocks]) => (blocks as Record<string, unknown>[]).map((block) => ({ name, block })));
}

/** JSON with the keys of every object sorted: equal for equal blocks whatever order their keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * Which provider configuration of a plan root a stack's provider block uses: stacks of one scope (environment)
 * share one when their blocks are the same (name, alias, region, every argument, the same default tag keys) and
 * differ at most in the values of their default tags, which within an environment is the `component` tag alone.
 */
export function providerShareKey(scope: string, { name, block }: ProviderBlock): string {
  const { default_tags: defaultTags, ...rest } = block;
  const tagKeys = ((defaultTags ?? []) as { tags?: Record<string, unknown> }[]).map(({ tags, ...other }) => ({
    ...other,
    tags: Object.keys(tags ?? {}).sort(),
  }));
  return canonical([scope, name, rest, tagKeys]);
}

/** The provider configurations a plan root of these stacks starts (one provider process each, per walk). */
export function rootProviderCount(stacks: readonly Pick<OfflineStack, "json" | "scope">[]): number {
  return new Set(stacks.flatMap((stack) => providerBlocks(stack.json).map((block) => providerShareKey(stack.scope, block)))).size;
}

/**
 * Planning one more provider configuration costs about as much CPU as planning this many resources: two AWS
 * provider starts (terraform's validate walk and its plan walk), ~1.7 CPU-seconds, against ~0.04 per resource.
 */
const RESOURCES_PER_PROVIDER = 40;

/**
 * Splits stacks into plan roots: `concurrency` of them (one per terraform process that may run), more when a root
 * would start more than `MAX_PROVIDERS_PER_ROOT` provider configurations. Each root is a run of consecutive stacks
 * (deploy order: environment by environment), cut where the roots cost about the same (resources, plus
 * `RESOURCES_PER_PROVIDER` per provider configuration): an environment's stacks stay together and share their
 * provider configurations, and the roots end about together.
 */
export function planRoots<T extends Pick<OfflineStack, "json" | "scope">>(stacks: readonly T[], concurrency: number): T[][] {
  const count = Math.min(stacks.length, concurrency * Math.max(1, Math.ceil(rootProviderCount(stacks) / (concurrency * MAX_PROVIDERS_PER_ROOT))));
  const items = stacks.map((stack) => ({
    stack,
    resources: resourceAddresses(stack.json).length,
    keys: providerBlocks(stack.json).map((block) => providerShareKey(stack.scope, block)),
  }));
  /** Cost and provider configurations of each run `rest[0..i]`. */
  const prefixes = (rest: typeof items) => {
    const keys = new Set<string>();
    let resources = 0;
    return rest.map((item) => {
      resources += item.resources;
      for (const key of item.keys) keys.add(key);
      return { cost: resources + RESOURCES_PER_PROVIDER * keys.size, providers: keys.size };
    });
  };
  const roots: T[][] = [];
  let rest = items;
  while (rest.length > 0) {
    const runs = prefixes(rest);
    const target = runs[runs.length - 1].cost / Math.max(1, count - roots.length);
    let best = 0;
    for (let i = 1; i < runs.length && runs[i].providers <= MAX_PROVIDERS_PER_ROOT; i++) {
      if (Math.abs(runs[i].cost - target) < Math.abs(runs[best].cost - target)) best = i;
    }
    roots.push(rest.slice(0, best + 1).map((item) => item.stack));
    rest = rest.slice(best + 1);
  }
  return roots;
}

/** A plan root's files, and for each file that holds a shared provider configuration, the stacks that use it. */
export interface PlanRootLayout {
  readonly files: Record<string, object>;
  /** `provider-<alias>.tf.json` to the ids of the stacks planned with that configuration. */
  readonly providerUsers: ReadonlyMap<string, readonly string[]>;
}

/**
 * The files of a root module that plans `stacks` in one terraform process: each offline copy a child module named
 * by its stack id, in a directory of that name, without its backend (the root plans with local state). The root
 * re-exports every stack output with the stack's own `sensitive` flag, so that the checks terraform makes only on
 * root outputs (a sensitive value in an output not marked sensitive) still apply to each stack.
 *
 * The stacks' provider blocks move into the root, which passes them down (`providers`; aliases declared as
 * `configuration_aliases`): terraform starts a provider process per configuration and per walk (~0.85 CPU-seconds
 * each for the AWS provider), and with every stack's own configurations that was most of a plan's CPU. Stacks
 * whose blocks have the same `providerShareKey` share one configuration: the block of the first of them, verbatim
 * but for its alias `<stack id>_<alias or "default">`, in a file of its own, `provider-<that alias>.tf.json`, so
 * that an error in it is charged to every stack that uses it. The first stack plans with exactly its own block;
 * the others with one that differs only in default tag values, which terraform merges into `tags_all` and which
 * the plans are not compared on (the unit tests check each stack's default tags).
 */
export function planRootLayout(stacks: readonly OfflineStack[]): PlanRootLayout {
  const files: Record<string, object> = {};
  const module: Record<string, object> = {};
  const output: Record<string, object> = {};
  const requirements: Record<string, object> = {};
  const shared = new Map<string, { reference: string; file: string }>();
  const providerUsers = new Map<string, string[]>();
  for (const stack of stacks) {
    const json = structuredClone(stack.json);
    delete json.terraform.backend;
    const passed: Record<string, string> = {};
    for (const { name, block } of providerBlocks(json)) {
      const key = providerShareKey(stack.scope, { name, block });
      let config = shared.get(key);
      if (config === undefined) {
        const alias = `${stack.id}_${block.alias ?? "default"}`;
        config = { reference: `${name}.${alias}`, file: `provider-${alias}.tf.json` };
        shared.set(key, config);
        files[config.file] = { provider: { [name]: [{ ...block, alias }] } };
        providerUsers.set(config.file, []);
      }
      passed[block.alias ? `${name}.${block.alias}` : name] = config.reference;
      const users = providerUsers.get(config.file)!;
      if (!users.includes(stack.id)) users.push(stack.id);
    }
    for (const [name, blocks] of Object.entries(json.provider ?? {})) {
      const requirement = json.terraform.required_providers?.[name] ?? {};
      requirements[name] ??= requirement;
      const aliases = (blocks as Record<string, unknown>[]).filter((block) => block.alias).map((block) => `${name}.${block.alias}`);
      if (aliases.length > 0) {
        json.terraform.required_providers = {
          ...json.terraform.required_providers,
          [name]: { ...requirement, configuration_aliases: aliases } as object,
        };
      }
    }
    delete json.provider;
    files[`${stack.id}/cdk.tf.json`] = json;
    module[stack.id] = { source: `./${stack.id}`, ...(Object.keys(passed).length > 0 ? { providers: passed } : {}) };
    for (const [name, spec] of Object.entries(json.output ?? {})) {
      output[`${stack.id}__${name}`] = { value: `\${module.${stack.id}.${name}}`, ...(spec.sensitive ? { sensitive: true } : {}) };
    }
  }
  files["main.tf.json"] = {
    ...(Object.keys(requirements).length > 0 ? { terraform: { required_providers: requirements } } : {}),
    module,
    ...(Object.keys(output).length > 0 ? { output } : {}),
  };
  return { files, providerUsers };
}

/** The files of `planRootLayout`. */
export function planRootFiles(stacks: readonly OfflineStack[]): Record<string, object> {
  return planRootLayout(stacks).files;
}
