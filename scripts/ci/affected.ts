import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type GraphInput, stackGraph, topologicalOrder } from "../stack-graph";
import { type TerraformJson, remoteStateReads } from "../terraform/stack-json";

/** Why a stack is in the affected set. */
export type AffectedStatus = "changed" | "downstream";

/** One affected stack, in deploy order. */
export interface AffectedStack {
  readonly id: string;
  readonly environment: string;
  readonly component: string;
  /** `changed`: its JSON differs from the base revision's (or it is new); `downstream`: it reads outputs of one that did. */
  readonly status: AffectedStatus;
  /** Affected stacks whose outputs it reads (for a downstream stack: re-plan it after these are applied). */
  readonly reads: readonly string[];
  /** Deploy wave within its environment: 1 for stacks that need nothing, else one more than its latest upstream. */
  readonly wave: number;
  /** `s3`, or `local` for a bootstrap stack whose state has not been migrated (never planned or applied by CI). */
  readonly backend: string;
}

export interface AffectedReport {
  /** Affected stacks, environment by environment (in config order), each environment in deploy order. */
  readonly stacks: readonly AffectedStack[];
  /** Stacks the base revision has and the working tree does not: terraform will not destroy them on its own. */
  readonly removed: readonly string[];
  /** Environments in order, each with its number of deploy waves (all of its stacks, affected or not). */
  readonly environments: readonly { readonly name: string; readonly waves: number }[];
}

/**
 * A stack's JSON without `//` keys, with object keys sorted: what terraform reads. `//` holds cdktf's metadata
 * (construct paths, its version, output name maps), which terraform ignores as comments in JSON syntax.
 */
export function comparableJson(json: unknown): string {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => key !== "//")
        .sort()
        .map((key) => [key, strip((value as Record<string, unknown>)[key])]),
    );
  };
  return JSON.stringify(strip(json));
}

/**
 * Deploy waves of one environment's stacks: a stack's wave is one more than the latest wave among the stacks it
 * depends on (1 when it depends on none), so the stacks of one wave may be planned and applied side by side once
 * the waves before them are done.
 */
export function deployWaves(stacks: readonly GraphInput[]): Map<string, number> {
  const nodes = stackGraph(stacks);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const waves = new Map<string, number>();
  for (const id of topologicalOrder(nodes)) {
    const upstreamWaves = [...byId.get(id)!.dependsOn.keys()].map((upstream) => waves.get(upstream)!);
    waves.set(id, 1 + Math.max(0, ...upstreamWaves));
  }
  return waves;
}

/** For every stack, the stacks whose outputs it reads through `terraform_remote_state` (matched by bucket and key). */
function outputReads(stacks: readonly GraphInput[]): Map<string, string[]> {
  const byBackend = new Map<string, string>();
  for (const stack of stacks) {
    const s3 = stack.json.terraform.backend?.s3;
    if (s3) byBackend.set(`${s3.bucket}/${s3.key}`, stack.id);
  }
  return new Map(
    stacks.map((stack) => [
      stack.id,
      remoteStateReads(stack.json)
        .map((read) => byBackend.get(`${read.config.bucket}/${read.config.key}`))
        .filter((id): id is string => id !== undefined && id !== stack.id),
    ]),
  );
}

/**
 * Compares the base revision's stacks with the working tree's: a stack is `changed` when what terraform reads of
 * its JSON differs (or it is new), `downstream` when it reads the outputs of an affected stack, transitively (an
 * upstream apply can change the values it reads even when its own JSON is unchanged). Stacks come environment by
 * environment in the working tree's order, each environment in deploy order.
 */
export function compareStacks(base: ReadonlyMap<string, TerraformJson>, head: readonly GraphInput[]): AffectedReport {
  const environments = [...new Set(head.map((stack) => stack.environment))];
  const stacks: AffectedStack[] = [];
  const waveCounts: { name: string; waves: number }[] = [];
  for (const environment of environments) {
    const members = head.filter((stack) => stack.environment === environment);
    const waves = deployWaves(members);
    waveCounts.push({ name: environment, waves: Math.max(0, ...waves.values()) });
    const reads = outputReads(members);
    const changed = new Set(
      members.filter((stack) => !base.has(stack.id) || comparableJson(base.get(stack.id)) !== comparableJson(stack.json)).map((stack) => stack.id),
    );
    const affected = new Set(changed);
    const order = topologicalOrder(stackGraph(members));
    // Upstreams come first in deploy order, so one pass reaches every transitive reader.
    for (const id of order) {
      if (!affected.has(id) && reads.get(id)!.some((upstream) => affected.has(upstream))) affected.add(id);
    }
    const byId = new Map(members.map((stack) => [stack.id, stack]));
    for (const id of order.filter((candidate) => affected.has(candidate))) {
      const stack = byId.get(id)!;
      stacks.push({
        id,
        environment,
        component: stack.component,
        status: changed.has(id) ? "changed" : "downstream",
        reads: reads.get(id)!.filter((upstream) => affected.has(upstream)),
        wave: waves.get(id)!,
        backend: Object.keys(stack.json.terraform.backend ?? { local: {} })[0],
      });
    }
  }
  const headIds = new Set(head.map((stack) => stack.id));
  return { stacks, removed: [...base.keys()].filter((id) => !headIds.has(id)).sort(), environments: waveCounts };
}

/** The last line of the report: `N stacks affected (C changed, D downstream)`, or `0 stacks affected`. */
export function summaryLine(report: AffectedReport): string {
  const changed = report.stacks.filter((stack) => stack.status === "changed").length;
  const total = report.stacks.length;
  if (total === 0) return "0 stacks affected";
  return `${total} stack${total === 1 ? "" : "s"} affected (${changed} changed, ${total - changed} downstream)`;
}

/** The report as `npm run affected` prints it. */
export function formatReport(report: AffectedReport, base: string): string {
  const lines: string[] = [];
  if (report.stacks.length > 0) lines.push(`Affected stacks since ${base}, in deploy order:`);
  const width = Math.max(0, ...report.stacks.map((stack) => stack.id.length));
  for (const environment of report.environments) {
    const members = report.stacks.filter((stack) => stack.environment === environment.name);
    if (members.length === 0) continue;
    lines.push(`  ${environment.name}`);
    for (const stack of members) {
      const why =
        stack.status === "changed"
          ? "changed"
          : `downstream: re-plan after ${stack.reads.join(", ")} ${stack.reads.length === 1 ? "is" : "are"} applied`;
      const local = stack.backend === "local" ? "  (local state: deploy by hand, docs/bootstrap-state.md)" : "";
      lines.push(`    wave ${stack.wave}  ${stack.id.padEnd(width)}  ${why}${local}`);
    }
  }
  if (report.removed.length > 0) {
    lines.push(`Removed (in ${base}, not in the working tree; terraform does not destroy them on its own): ${report.removed.join(", ")}`);
  }
  lines.push(summaryLine(report));
  return lines.join("\n");
}

/** Output name of one environment's wave: `dev_wave_1`, or `plan_wave_1` for every environment's stacks of that wave. */
export function waveOutputName(environment: string | "plan", wave: number): string {
  return `${environment.replace(/[^A-Za-z0-9]/g, "_")}_wave_${wave}`;
}

/**
 * Step outputs for the generated workflow (`key=value` lines for `$GITHUB_OUTPUT`): for every wave of the
 * pipeline, `plan_wave_<n>` (a JSON list of `{ stack, environment }` over all environments) and
 * `<env>_wave_<n>` (a JSON list of stack ids), `[]` when none is affected; `count`; and `manual`, the affected
 * stacks with local state, which CI never touches. `waves` is how many waves the workflow has jobs for.
 */
export function githubOutputs(report: AffectedReport, waves: number): string {
  const automated = report.stacks.filter((stack) => stack.backend !== "local");
  const lines = [`count=${report.stacks.length}`, `manual=${JSON.stringify(report.stacks.filter((s) => s.backend === "local").map((s) => s.id))}`];
  const deepest = Math.max(0, ...report.stacks.map((stack) => stack.wave));
  if (deepest > waves) throw new Error(`a stack is in deploy wave ${deepest}, the workflow has ${waves}: run npm run ci:generate`);
  for (let wave = 1; wave <= waves; wave++) {
    const inWave = automated.filter((stack) => stack.wave === wave);
    lines.push(`${waveOutputName("plan", wave)}=${JSON.stringify(inWave.map((stack) => ({ stack: stack.id, environment: stack.environment })))}`);
    for (const environment of report.environments) {
      lines.push(
        `${waveOutputName(environment.name, wave)}=${JSON.stringify(inWave.filter((s) => s.environment === environment.name).map((s) => s.id))}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The `app` command and output directory that a checkout's cdktf.json names. */
export function cdktfApp(projectDir: string): { app: string; output: string } {
  const file = join(projectDir, "cdktf.json");
  if (!existsSync(file)) throw new Error(`${file} does not exist: not a cdktf project at that revision`);
  const config = JSON.parse(readFileSync(file, "utf8")) as { app?: string; output?: string };
  if (!config.app) throw new Error(`${file} names no app command`);
  return { app: config.app, output: config.output ?? "cdktf.out" };
}

/** Each stack's JSON from a synthesized output directory (cdktf's manifest.json and the files it names). */
export function readSynthesizedStacks(outdir: string): Map<string, TerraformJson> {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { synthesizedStackPath: string }> };
  return new Map(
    Object.entries(manifest.stacks).map(([id, entry]) => [
      id,
      JSON.parse(readFileSync(join(outdir, entry.synthesizedStackPath), "utf8")) as TerraformJson,
    ]),
  );
}

function git(cwd: string, args: readonly string[]): string {
  const result = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${(result.stderr || String(result.error)).trim()}`);
  return result.stdout.trim();
}

/** The full commit id of `rev` in the repository at `cwd`; throws naming the revision when git does not know it. */
export function resolveCommit(cwd: string, rev: string): string {
  return git(cwd, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
}

/** A synth of another revision that is running; `done` resolves to its stacks, `dispose` removes the worktree. */
export interface RevisionSynth {
  readonly commit: string;
  readonly done: Promise<Map<string, TerraformJson>>;
  dispose(): void;
}

/**
 * Starts synthesizing revision `rev` of the repository holding `projectDir`: checks it out into a temporary git
 * worktree (detached, so no branch is touched), links the working tree's `node_modules` into it (the installed
 * packages are reused, nothing is installed), and runs the app command of that revision's cdktf.json with
 * `CDKTF_OUTDIR` pointing into the temporary directory, as `cdktf synth` does. The caller's environment
 * (INFRA_ENVS, INFRA_BLUEPRINTS) is passed on, so both sides build the same selection.
 */
export function startRevisionSynth(projectDir: string, rev: string): RevisionSynth {
  const commit = resolveCommit(projectDir, rev);
  const topLevel = git(projectDir, ["rev-parse", "--show-toplevel"]);
  const prefix = git(projectDir, ["rev-parse", "--show-prefix"]);
  const scratch = mkdtempSync(join(tmpdir(), "voice-infra-affected-"));
  const worktree = join(scratch, "worktree");
  git(topLevel, ["worktree", "add", "--detach", "--quiet", worktree, commit]);
  let child: ChildProcess | undefined;
  const dispose = () => {
    child?.kill();
    spawnSync("git", ["worktree", "remove", "--force", worktree], { cwd: topLevel });
    rmSync(scratch, { recursive: true, force: true });
    spawnSync("git", ["worktree", "prune"], { cwd: topLevel });
  };
  const done = new Promise<Map<string, TerraformJson>>((resolvePromise, reject) => {
    try {
      const baseProject = join(worktree, prefix);
      const { app } = cdktfApp(baseProject);
      const modules = resolve(projectDir, "node_modules");
      if (existsSync(modules) && !existsSync(join(baseProject, "node_modules"))) symlinkSync(modules, join(baseProject, "node_modules"), "dir");
      const outdir = join(scratch, "out");
      let output = "";
      child = spawn(app, { cwd: baseProject, shell: true, env: { ...process.env, CDKTF_OUTDIR: outdir }, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout!.on("data", (chunk) => (output += chunk));
      child.stderr!.on("data", (chunk) => (output += chunk));
      child.on("error", reject);
      child.on("close", (code) => {
        if (code !== 0)
          return reject(new Error(`synthesizing ${rev} (${commit.slice(0, 12)}) with \`${app}\` failed (exit ${code}):\n${output.trim()}`));
        try {
          resolvePromise(readSynthesizedStacks(outdir));
        } catch (error) {
          reject(error);
        }
      });
    } catch (error) {
      reject(error);
    }
  });
  return { commit, done, dispose };
}
