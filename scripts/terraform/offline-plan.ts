import { type AttributeTypes, attributeTypesFromSchema, fixtureOutputs, fixtureState } from "./fixtures";
import { type ProcessResult, describeResult, mapLimit } from "./process";
import {
  type OfflineEndpoints,
  type TerraformJson,
  remoteStateReads,
  resourceAddresses,
  withOfflineAwsProvider,
  withoutRandomProvider,
} from "./stack-json";
import { withStandIns } from "./stand-ins";
import type { SynthesizedApp, SynthesizedStack } from "./synth";
import type { TerraformWorkspace } from "./workspace";

/** The account fixtures and stand-ins use for a stack whose provider is not pinned to one. */
const FIXTURE_ACCOUNT_ID = "123456789012";

/**
 * Provider configurations one plan root may hold (`planRootLayout`: one provider process each, ~140 MB): keeps a
 * root of many stacks within a few GB, while every root still pays its terraform start and schema load only once.
 */
export const MAX_PROVIDERS_PER_ROOT = 20;

const PLAN_TIMEOUT_MS = 600_000;

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

/** What an offline `terraform plan -refresh=false` of one stack would create, next to what was synthesized. */
export interface OfflinePlan {
  readonly stackId: string;
  /** Managed resource addresses terraform plans to create (instance keys stripped). */
  readonly planned: readonly string[];
  readonly synthesized: readonly string[];
  readonly standIns: readonly string[];
  /** Terraform's error diagnostics for this stack, or why it could not be planned; empty when the plan succeeded. */
  readonly errors: readonly string[];
}

/**
 * The offline copy of a stack with its stand-ins and blockers (see `withStandIns`), its AWS providers pointed at
 * `endpoints`. Without a Step Functions endpoint every `aws_sfn_state_machine` is a blocker: the provider sends its
 * definition to ValidateStateMachineDefinition while it plans, which offline fails only after the SDK's retries.
 */
export function prepareOffline(
  stack: { id: string; json: TerraformJson; project?: string; environment?: string },
  endpoints: OfflineEndpoints = {},
): OfflineStack {
  const accountId = stack.json.provider?.aws?.[0]?.allowed_account_ids?.[0] ?? FIXTURE_ACCOUNT_ID;
  const withoutRandom = withoutRandomProvider(stack.json);
  const { json, standIns, blockers } = withStandIns(withoutRandom, accountId);
  const scope = stack.project !== undefined && stack.environment !== undefined ? `${stack.project}/${stack.environment}` : stack.id;
  const stateMachineBlockers =
    endpoints.sfn === undefined
      ? Object.keys(json.resource?.aws_sfn_state_machine ?? {}).map(
          (name) =>
            `aws_sfn_state_machine.${name}: the AWS provider validates its definition with Step Functions while terraform plans, and no local Step Functions endpoint was given (scripts/terraform/step-functions-stub.ts)`,
        )
      : [];
  return {
    id: stack.id,
    json: withOfflineAwsProvider(json, endpoints),
    standIns,
    blockers: [...blockers, ...stateMachineBlockers],
    synthesized: resourceAddresses(withoutRandom).sort(),
    scope,
  };
}

/** The stack as it is planned offline: random swap, stand-ins for AWS reads, AWS provider without account checks. */
export function offlineCopy(json: TerraformJson): TerraformJson {
  return prepareOffline({ id: "", json }).json;
}

/** Attribute types of every provider the workspace installed, for typed upstream fixtures (one schema load). */
export async function loadAttributeTypes(workspace: TerraformWorkspace): Promise<AttributeTypes> {
  const result = await workspace.check(workspace.providersTemplateDir, ["providers", "schema", "-json"]);
  return attributeTypesFromSchema(result.stdout);
}

/** Writes the offline copy of a stack into the workspace and runs `terraform init` against its backend. */
export async function initOfflineStack(workspace: TerraformWorkspace, stack: SynthesizedStack): Promise<string> {
  const dir = workspace.writeDir(stack.id, { "cdk.tf.json": offlineCopy(stack.json) });
  await workspace.check(dir, ["init", "-input=false", "-no-color"]);
  return dir;
}

/** The state one upstream stack must hold for its downstream stacks to plan, and where its backend keeps it. */
interface UpstreamFixture {
  readonly upstream: SynthesizedStack;
  readonly backendType: string;
  readonly backend: Record<string, unknown>;
  /** A state file (format 4) holding exactly the outputs the downstream stacks read. */
  readonly state: string;
}

/**
 * Per upstream stack that `downstream` stacks read through `terraform_remote_state`, a state file whose outputs are
 * exactly the ones read (names from the synthesized references, values typed by `types`; without it every value is
 * an ARN-shaped or plain string).
 */
function upstreamFixtures(
  app: SynthesizedApp,
  downstream: readonly SynthesizedStack[],
  types: AttributeTypes,
  terraformVersion: string,
): UpstreamFixture[] {
  const needs = new Map<string, { upstream: SynthesizedStack; backendType: string; backend: Record<string, unknown>; outputs: Set<string> }>();
  for (const stack of downstream) {
    for (const read of remoteStateReads(stack.json)) {
      const upstream = app.stacks.find((candidate) => {
        const backend = candidate.json.terraform.backend?.s3;
        return backend?.bucket === read.config.bucket && backend?.key === read.config.key;
      });
      if (!upstream) throw new Error(`${stack.id} reads remote state ${read.config.bucket}/${read.config.key}, which no stack writes`);
      const need = needs.get(upstream.id) ?? { upstream, backendType: read.backend, backend: read.config, outputs: new Set<string>() };
      for (const name of read.outputs) need.outputs.add(name);
      needs.set(upstream.id, need);
    }
  }
  return [...needs.values()].map(({ upstream, backendType, backend, outputs }) => {
    const provider = upstream.json.provider?.aws?.[0] ?? {};
    const fixture = fixtureOutputs(upstream, [...outputs].sort(), types, {
      region: provider.region ?? "us-east-1",
      accountId: provider.allowed_account_ids?.[0] ?? FIXTURE_ACCOUNT_ID,
    });
    return { upstream, backendType, backend, state: fixtureState(fixture, terraformVersion) };
  });
}

/**
 * Seeds the state of every stack that `downstream` stacks read, with `terraform state push` through the upstream's
 * own backend settings, as a real apply would leave it (digest in the lock table included). Each upstream gets an
 * initialized directory `seed-<id>` in the workspace. Returns the seeded stack ids.
 */
export async function seedUpstreamStates(
  workspace: TerraformWorkspace,
  app: SynthesizedApp,
  downstream: readonly SynthesizedStack[],
  concurrency: number,
  types: AttributeTypes = () => undefined,
): Promise<string[]> {
  const fixtures = upstreamFixtures(app, downstream, types, workspace.toolchain.version);
  await mapLimit(fixtures, concurrency, async ({ upstream, backendType, backend, state }) => {
    const dir = workspace.writeDir(`seed-${upstream.id}`, {
      "main.tf.json": { terraform: { backend: { [backendType]: backend } } },
      "fixture.tfstate": state,
    });
    await workspace.check(dir, ["init", "-input=false", "-no-color"]);
    await workspace.check(dir, ["state", "push", "-lock-timeout=60s", "-no-color", "fixture.tfstate"]);
  });
  return fixtures.map((fixture) => fixture.upstream.id);
}

/**
 * Seeds the same states as `seedUpstreamStates`, but writes each one straight into the S3 emulator its remote
 * state reads (`config.endpoints.s3`, path style): two terraform processes less per upstream stack. No digest is
 * written to the lock table, and the S3 backend reads a state without one. Returns the seeded stack ids.
 */
export async function putUpstreamStates(
  app: SynthesizedApp,
  downstream: readonly SynthesizedStack[],
  types: AttributeTypes,
  terraformVersion: string,
): Promise<string[]> {
  const fixtures = upstreamFixtures(app, downstream, types, terraformVersion);
  await Promise.all(
    fixtures.map(async ({ upstream, backendType, backend, state }) => {
      const endpoint = (backend.endpoints as { s3?: unknown } | undefined)?.s3;
      if (backendType !== "s3" || typeof endpoint !== "string") {
        throw new Error(
          `${upstream.id}: only remote state in the S3 emulator can be seeded (backend ${backendType}, endpoint ${endpoint ?? "none"})`,
        );
      }
      const response = await fetch(`${endpoint}/${backend.bucket}/${backend.key}`, { method: "PUT", body: state });
      if (!response.ok) throw new Error(`seeding ${upstream.id}'s state failed (${response.status}): ${await response.text()}`);
    }),
  );
  return fixtures.map((fixture) => fixture.upstream.id);
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

/** One terraform JSON log message, the parts read here. */
interface LogMessage {
  readonly type: string;
  readonly change?: { action: string; resource: { module?: string; resource_type: string; resource_name: string } };
  readonly diagnostic?: {
    severity: string;
    summary: string;
    detail?: string;
    address?: string;
    range?: { filename: string; start: { line: number } };
    snippet?: { context?: string | null };
  };
}

/** A plan root's outcome read from terraform's JSON log, per stack id (the root's child module names). */
export interface RootPlanLog {
  /** Resource addresses planned for creation, per stack. */
  readonly planned: ReadonlyMap<string, readonly string[]>;
  /** Error diagnostics, formatted, per stack. */
  readonly errors: ReadonlyMap<string, readonly string[]>;
  /** Error diagnostics no stack could be named for. */
  readonly unattributed: readonly string[];
}

/**
 * Reads a root's `terraform plan -json` log. An error belongs to the stack its address (`module.<id>.…`), file
 * (`<id>/cdk.tf.json`) or re-exported root output (`output "<id>__…"`) names, or to every stack that uses the
 * provider configuration in whose file (`providerUsers`) it is.
 */
export function readPlanLog(
  stdout: string,
  stackIds: readonly string[],
  providerUsers: ReadonlyMap<string, readonly string[]> = new Map(),
): RootPlanLog {
  const ids = new Set(stackIds);
  const planned = new Map<string, string[]>();
  const errors = new Map<string, string[]>();
  const unattributed: string[] = [];
  const stacksOf = (diagnostic: NonNullable<LogMessage["diagnostic"]>): string[] => {
    const users = providerUsers.get(diagnostic.range?.filename ?? "");
    if (users) return users.filter((id) => ids.has(id));
    const id = [
      /^module\.([^.[]+)/.exec(diagnostic.address ?? "")?.[1],
      diagnostic.range?.filename.split("/")[0],
      /^output "(.+?)__/.exec(diagnostic.snippet?.context ?? "")?.[1],
    ].find((candidate): candidate is string => candidate !== undefined && ids.has(candidate));
    return id ? [id] : [];
  };
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const message = JSON.parse(line) as LogMessage;
    if (message.type === "planned_change" && message.change?.action === "create") {
      const { module, resource_type, resource_name } = message.change.resource;
      const id = module?.replace(/^module\./, "");
      if (id && ids.has(id)) planned.set(id, [...(planned.get(id) ?? []), `${resource_type}.${resource_name}`]);
    } else if (message.type === "diagnostic" && message.diagnostic?.severity === "error") {
      const { summary, detail, range, address } = message.diagnostic;
      const where = address ?? (range ? `${range.filename}:${range.start.line}` : undefined);
      const text = `${summary}${where ? ` (${where})` : ""}${detail ? `: ${detail}` : ""}`;
      const owners = stacksOf(message.diagnostic);
      for (const id of owners) errors.set(id, [...(errors.get(id) ?? []), text]);
      if (owners.length === 0) unattributed.push(text);
    }
  }
  const unique = (map: Map<string, string[]>) => new Map([...map].map(([id, list]) => [id, [...new Set(list)].sort()]));
  return { planned: unique(planned), errors: unique(errors), unattributed };
}

/** A plan root written into the workspace, and its `terraform init`. */
interface InitializedRoot {
  readonly dir: string;
  readonly init: ProcessResult;
  readonly providerUsers: PlanRootLayout["providerUsers"];
}

async function initRoot(workspace: TerraformWorkspace, stacks: readonly OfflineStack[]): Promise<InitializedRoot> {
  const { files, providerUsers } = planRootLayout(stacks);
  const dir = workspace.writeDir(`plan-${stacks[0].id}`, files);
  return { dir, providerUsers, init: await workspace.run(dir, ["init", "-backend=false", "-input=false", "-no-color"]) };
}

/**
 * Plans `stacks` as one root (`terraform plan -refresh=false`), initialized unless `root` already is. A failed plan
 * renders no changes at all, so the stacks terraform named in errors fail with them and the others are planned again
 * without them; errors no stack can be named for split the root in halves until each half plans or a single stack
 * is left to carry them.
 */
async function planRoot(workspace: TerraformWorkspace, stacks: readonly OfflineStack[], root?: InitializedRoot): Promise<OfflinePlan[]> {
  const result = (stack: OfflineStack, planned: readonly string[], errors: readonly string[]): OfflinePlan => ({
    stackId: stack.id,
    planned,
    synthesized: stack.synthesized,
    standIns: stack.standIns,
    errors,
  });
  const { dir, init, providerUsers } = root ?? (await initRoot(workspace, stacks));
  const run =
    init.code === 0
      ? await workspace.run(dir, ["plan", "-refresh=false", "-lock=false", "-input=false", "-json", "-no-color"], { timeoutMs: PLAN_TIMEOUT_MS })
      : init;
  const log = readPlanLog(
    run.stdout,
    stacks.map((stack) => stack.id),
    providerUsers,
  );
  if (run.code === 0) return stacks.map((stack) => result(stack, log.planned.get(stack.id) ?? [], []));

  const unattributed = log.errors.size === 0 && log.unattributed.length === 0 ? [describeResult(run)] : log.unattributed;
  if (stacks.length === 1) return [result(stacks[0], [], [...(log.errors.get(stacks[0].id) ?? []), ...unattributed])];
  const rest = stacks.filter((stack) => !log.errors.has(stack.id));
  // With nobody left to blame, the errors no stack was named in go with each that was.
  const failed = stacks
    .filter((stack) => log.errors.has(stack.id))
    .map((stack) => result(stack, [], [...log.errors.get(stack.id)!, ...(rest.length === 0 ? unattributed : [])]));
  if (rest.length === 0) return failed;
  if (unattributed.length === 0) return [...failed, ...(await planRoot(workspace, rest))];
  const halves = [rest.slice(0, Math.ceil(rest.length / 2)), rest.slice(Math.ceil(rest.length / 2))].filter((half) => half.length > 0);
  return [...failed, ...(await mapLimit(halves, 1, (half) => planRoot(workspace, half))).flat()];
}

/**
 * Plans every stack offline against seeded upstream outputs: seeds the remote state the stacks read (typed from one
 * provider schema load), then plans them in `planRoots`, `concurrency` terraform processes at a time, the AWS
 * providers pointed at `endpoints` (`StateEmulators.stepFunctionsEndpoint` for `sfn`). A stack whose AWS reads have
 * no stand-in is not planned and fails with the reason. Results keep the order of `stacks`.
 */
export async function planStacksOffline(
  workspace: TerraformWorkspace,
  app: SynthesizedApp,
  stacks: readonly SynthesizedStack[],
  concurrency: number,
  endpoints: OfflineEndpoints = {},
): Promise<{ plans: OfflinePlan[]; seeded: string[] }> {
  const offline = stacks.map((stack) => prepareOffline(stack, endpoints));
  const blocked: OfflinePlan[] = offline
    .filter((stack) => stack.blockers.length > 0)
    .map((stack) => ({
      stackId: stack.id,
      planned: [],
      synthesized: stack.synthesized,
      standIns: stack.standIns,
      errors: stack.blockers.map((b) => `cannot be planned offline: ${b}`),
    }));
  const roots = planRoots(
    offline.filter((stack) => stack.blockers.length === 0),
    concurrency,
  );

  // The schema load and the roots' inits need nothing from each other, so they share the processes allowed.
  let types: AttributeTypes = () => undefined;
  const initialized = new Map<readonly OfflineStack[], InitializedRoot>();
  const loadTypes = async () => {
    if (stacks.some((stack) => remoteStateReads(stack.json).length > 0)) types = await loadAttributeTypes(workspace);
  };
  const inits = roots.map((root) => async () => void initialized.set(root, await initRoot(workspace, root)));
  await mapLimit([loadTypes, ...inits], concurrency, (task) => task());
  const seeded = await putUpstreamStates(app, stacks, types, workspace.toolchain.version);

  const planned = (await mapLimit(roots, concurrency, (root) => planRoot(workspace, root, initialized.get(root)))).flat();
  const byId = new Map([...blocked, ...planned].map((plan) => [plan.stackId, plan]));
  return { plans: stacks.map((stack) => byId.get(stack.id)!), seeded };
}
