import { describeResult, mapLimit } from "../../scripts/terraform/process";
import { TerraformJson } from "../../scripts/terraform/stack-json";
import { ProviderRequirement, TerraformToolchain, detectToolchain } from "../../scripts/terraform/toolchain";
import { TerraformWorkspace } from "../../scripts/terraform/workspace";

/** At most this many terraform processes at once: the machine has two cores. */
export const TERRAFORM_CONCURRENCY = 2;

/**
 * Finds terraform and a provider mirror for a suite. When either is missing it prints a banner that cannot be
 * overlooked and returns the reason, which the suite passes to `describe.skipIf` and puts into its title.
 */
export function terraformForSuite(suite: string, requirements: readonly ProviderRequirement[]): { toolchain?: TerraformToolchain; skipReason?: string } {
  const probe = detectToolchain(requirements);
  if ("toolchain" in probe) return { toolchain: probe.toolchain };
  const line = "=".repeat(100);
  console.warn(
    `\n${line}\n  SKIPPING ${suite}: ${probe.missing}\n` +
      `  Nothing was checked. Install terraform >= 1.10 and a provider mirror (TF_PROVIDER_MIRROR), then rerun.\n${line}\n`,
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
 * for ~30 stacks on two cores; as child modules every resource, data source, output and provider block is
 * still validated against the provider schema.
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
    const files: Record<string, object> = {
      "main.tf.json": { module: Object.fromEntries(group.map((stack) => [stack.id, { source: `./${stack.id}` }])) },
    };
    for (const stack of group) files[`${stack.id}/cdk.tf.json`] = stack.json;
    const dir = workspace.writeDir(`validate-${group[0].id}`, files);
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

/** One diagnostic as terraform would print it: summary, place, offending code and detail. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const place = diagnostic.range ? ` (${diagnostic.range.filename}:${diagnostic.range.start.line})` : "";
  const context = diagnostic.snippet?.context ? `\n    in ${diagnostic.snippet.context}` : "";
  const code = diagnostic.snippet?.code ? `\n    ${diagnostic.snippet.code.trim().slice(0, 300)}` : "";
  return `${diagnostic.severity}: ${diagnostic.summary}${place}${context}${code}\n    ${diagnostic.detail ?? ""}`;
}
