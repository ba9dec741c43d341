import { DEFAULT_BLUEPRINT } from "../../config";
import { describeResult, mapLimit } from "../../scripts/terraform/process";
import type { TerraformJson } from "../../scripts/terraform/stack-json";
import { type ProviderRequirement, type TerraformToolchain, detectToolchain } from "../../scripts/terraform/toolchain";
import type { TerraformWorkspace } from "../../scripts/terraform/workspace";

/**
 * What the offline plan suite (`__tests__/terraform/plan.test.ts`) plans: every stack of every environment of the
 * default blueprint and of the serverless one (whose state machine the provider validates at plan time, and whose
 * functions read their packages), whatever INFRA_BLUEPRINTS and INFRA_ENVS say. The validate suite leaves these
 * stacks to it.
 */
export const PLAN_SUITE_SELECTION = { blueprints: `${DEFAULT_BLUEPRINT},voice-assistant`, environments: "" } as const;

/** At most this many terraform processes at once: the machine has two cores. */
export const TERRAFORM_CONCURRENCY = 2;

/** Set to 1 where skipping the terraform suites under CI=true is intended (a CI job without terraform on purpose). */
export const ALLOW_SKIP_VARIABLE = "VOICE_INFRA_ALLOW_TERRAFORM_SKIP";

/**
 * What a terraform suite that cannot run does: skip, loudly, on a developer's machine; fail under `CI=true`, where
 * a skipped suite would let a run pass that proved nothing, unless ALLOW_SKIP_VARIABLE says skipping is intended.
 */
export function skipOutcome(
  suite: string,
  reason: string,
  env: NodeJS.ProcessEnv = process.env,
): { readonly skip: string } | { readonly fail: string } {
  const ci = /^(true|1)$/i.test(env.CI ?? "");
  if (!ci || env[ALLOW_SKIP_VARIABLE] === "1") return { skip: reason };
  return {
    fail:
      `terraform suite "${suite}" cannot run under CI=true: ${reason}\n` +
      `Install terraform >= 1.10 on the CI machine (and a provider mirror, TF_PROVIDER_MIRROR, or network access to the registry), ` +
      `or set ${ALLOW_SKIP_VARIABLE}=1 if this job is meant to skip the terraform suites.`,
  };
}

/**
 * Finds terraform and the providers for a suite (a mirror, else an install from the registry into the provider
 * cache: scripts/terraform/toolchain.ts). When it cannot run, it prints a banner that cannot be overlooked and
 * returns the reason, which the suite passes to `describe.skipIf` and puts into its title; under `CI=true` it
 * throws instead (`skipOutcome`), which fails the run.
 */
export function terraformForSuite(
  suite: string,
  requirements: readonly ProviderRequirement[],
): { toolchain?: TerraformToolchain; skipReason?: string } {
  const probe = detectToolchain(requirements);
  if ("toolchain" in probe) return { toolchain: probe.toolchain };
  const outcome = skipOutcome(suite, probe.missing);
  if ("fail" in outcome) throw new Error(outcome.fail);
  const line = "=".repeat(100);
  console.warn(
    `\n${line}\n  SKIPPING ${suite}: ${probe.missing}\n` +
      `  Nothing was checked. Install terraform >= 1.10 (the AWS provider comes from TF_PROVIDER_MIRROR, a known mirror, or the registry), then rerun.\n${line}\n`,
  );
  return { skipReason: probe.missing };
}

/** A `terraform validate -json` diagnostic. */
export interface Diagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail?: string;
  readonly range?: { filename: string; start: { line: number } };
  readonly snippet?: { context?: string | null; code?: string };
}

export interface ValidationReport {
  /** Error diagnostics per stack id (empty list: valid). */
  readonly errors: ReadonlyMap<string, readonly Diagnostic[]>;
  /** Errors terraform could not place in a stack's file (provider or tool failures), with the command output. */
  readonly unattributed: readonly string[];
}

/**
 * Validates every stack with as few provider schema loads as possible: the stacks are split into one root
 * module per terraform process (`concurrency` of them), each stack a child module in its own directory. Each
 * root gets one `terraform init -backend=false` (local modules; providers from the shared lock file and plugin
 * cache) and one `terraform validate -json`; each diagnostic is traced back to its stack by file name. Loading
 * the AWS provider schema costs ~4-5 CPU-seconds per terraform process, so per-stack roots would cost minutes
 * for ~30 stacks on two cores; as child modules every resource, data source and output is still validated
 * against the provider schema, and provider blocks once per layout (`validationRoot`).
 */
export async function validateStacks(
  workspace: TerraformWorkspace,
  stacks: readonly { id: string; json: TerraformJson }[],
  concurrency = TERRAFORM_CONCURRENCY,
): Promise<ValidationReport> {
  const groups = Array.from({ length: Math.min(concurrency, stacks.length) }, (_, i) => stacks.filter((_, j) => j % concurrency === i));
  const errors = new Map<string, Diagnostic[]>(stacks.map((stack) => [stack.id, []]));
  const unattributed: string[] = [];
  await mapLimit(groups, concurrency, async (group) => {
    const dir = workspace.writeDir(`validate-${group[0].id}`, validationRoot(group));
    const init = await workspace.run(dir, ["init", "-backend=false", "-input=false", "-no-color"]);
    if (init.code !== 0) {
      unattributed.push(describeResult(init));
      return;
    }
    const result = await workspace.run(dir, ["validate", "-json", "-no-color"], { timeoutMs: 300_000 });
    let report: { diagnostics?: Diagnostic[] };
    try {
      report = JSON.parse(result.stdout);
    } catch {
      unattributed.push(describeResult(result));
      return;
    }
    for (const diagnostic of report.diagnostics ?? []) {
      if (diagnostic.severity !== "error") continue;
      const owner = diagnostic.range?.filename.split("/")[0];
      const list = owner ? errors.get(owner) : undefined;
      if (list) list.push(diagnostic);
      else unattributed.push(formatDiagnostic(diagnostic));
    }
    if (result.code !== 0 && !(report.diagnostics ?? []).some((d) => d.severity === "error")) unattributed.push(describeResult(result));
  });
  return { errors, unattributed };
}

/**
 * The files of one validation root: each stack a child module in its own directory. Terraform starts a provider
 * process for every provider configuration of every module, and each AWS provider start costs ~1.5 CPU-seconds,
 * which made ~100 stacks take minutes; so the provider blocks move up into the root, which passes them down by
 * `providers` (aliases declared as `configuration_aliases`). The first stack of each provider layout (names,
 * aliases, arguments) keeps its own blocks, so that every kind of provider block is still validated.
 */
function validationRoot(stacks: readonly { id: string; json: TerraformJson }[]): Record<string, object> {
  const files: Record<string, object> = {};
  const modules: Record<string, object> = {};
  const rootProviders: Record<string, Record<string, unknown>[]> = {};
  const rootRequirements: Record<string, object> = {};
  const layouts = new Set<string>();
  for (const stack of stacks) {
    const providers = stack.json.provider ?? {};
    const layout = JSON.stringify(Object.entries(providers).map(([name, blocks]) => [name, blocks.map((b) => [b.alias, Object.keys(b).sort()])]));
    if (!layouts.has(layout)) {
      layouts.add(layout);
      files[`${stack.id}/cdk.tf.json`] = stack.json;
      modules[stack.id] = { source: `./${stack.id}` };
      continue;
    }
    const json = structuredClone(stack.json);
    delete json.provider;
    const passed: Record<string, string> = {};
    for (const [name, blocks] of Object.entries(providers)) {
      const requirement = json.terraform.required_providers?.[name] ?? {};
      rootRequirements[name] = requirement;
      const aliases = blocks.filter((block) => block.alias).map((block) => `${name}.${block.alias}`);
      if (aliases.length > 0)
        json.terraform.required_providers = {
          ...json.terraform.required_providers,
          [name]: { ...requirement, configuration_aliases: aliases } as object,
        };
      for (const block of blocks) {
        const reference = block.alias ? `${name}.${block.alias}` : name;
        passed[reference] = reference;
        rootProviders[name] ??= [];
        const list = rootProviders[name];
        if (!list.some((b) => b.alias === block.alias)) list.push({ alias: block.alias, region: block.region });
      }
    }
    files[`${stack.id}/cdk.tf.json`] = json;
    modules[stack.id] = { source: `./${stack.id}`, providers: passed };
  }
  files["main.tf.json"] = { terraform: { required_providers: rootRequirements }, provider: rootProviders, module: modules };
  return files;
}

/** One diagnostic as terraform would print it: summary, place, offending code and detail. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const place = diagnostic.range ? ` (${diagnostic.range.filename}:${diagnostic.range.start.line})` : "";
  const context = diagnostic.snippet?.context ? `\n    in ${diagnostic.snippet.context}` : "";
  const code = diagnostic.snippet?.code ? `\n    ${diagnostic.snippet.code.trim().slice(0, 300)}` : "";
  return `${diagnostic.severity}: ${diagnostic.summary}${place}${context}${code}\n    ${diagnostic.detail ?? ""}`;
}
