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
import { type OfflineStack, type PlanRootLayout, planRootLayout, planRoots } from "./plan-roots";

export {
  MAX_PROVIDERS_PER_ROOT,
  type OfflineStack,
  planRootFiles,
  planRootLayout,
  planRoots,
  providerShareKey,
  rootProviderCount,
} from "./plan-roots";

/** The account fixtures and stand-ins use for a stack whose provider is not pinned to one. */
const FIXTURE_ACCOUNT_ID = "123456789012";

const PLAN_TIMEOUT_MS = 600_000;

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
