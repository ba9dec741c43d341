import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StackGuardrailReport } from "../guardrails";
import type { TerraformJson as StackJson } from "../stacks/terraform-json";

// guardrails' GUARDRAIL_REPORT_FILE; importing the constant would pull cdktf into this small bundle.
const GUARDRAIL_REPORT = "guardrails.json";

/**
 * A reviewer's view of one synthesized stack, read back from `cdktf.out` (so it describes exactly what
 * was written, whichever entry point wrote it).
 */
export interface StackSummary {
  readonly id: string;
  readonly resourceCount: number;
  /** Resource count per Terraform type, most frequent first. */
  readonly resourcesByType: readonly { readonly type: string; readonly count: number }[];
  /** Data sources other than the remote-state reads of cross-stack inputs. */
  readonly dataSourceCount: number;
  /** Values read from other stacks' state, by producing stack. */
  readonly inputs: readonly { readonly fromStack: string; readonly values: readonly string[] }[];
  readonly outputs: readonly StackOutputSummary[];
  /** Annotations (warnings, errors, info) that constructs and aspects attached during synth. */
  readonly annotations: Readonly<Record<AnnotationLevel, number>>;
  /** Guardrail warnings and suppressed findings; undefined when the synth wrote no guardrail report. */
  readonly guardrails?: { readonly warnings: number; readonly suppressed: number };
}

export interface StackOutputSummary {
  readonly name: string;
  /** The Terraform expression the output carries, e.g. `aws_kms_key.logs_key.arn`. */
  readonly value: string;
  readonly sensitive: boolean;
  /** Stacks that read this output through remote state. */
  readonly consumers: readonly string[];
}

export type AnnotationLevel = "error" | "warning" | "info";

export interface SynthSummary {
  readonly stacks: readonly StackSummary[];
}

interface StackManifest {
  readonly synthesizedStackPath: string;
  readonly annotations?: readonly { readonly level: string }[];
}

const REMOTE_STATE_READ = /\bdata\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g;

/** Ids of the stacks the last synth into `outdir` wrote (older stack directories may linger beside them). */
export function manifestStackIds(outdir: string): string[] {
  return Object.keys(readManifest(outdir).stacks).sort();
}

/** Reads `manifest.json` and every stack it lists from a synth output directory. */
export function summarizeSynth(outdir: string): SynthSummary {
  const manifest = readManifest(outdir);
  const guardrailReports = existsSync(join(outdir, GUARDRAIL_REPORT))
    ? (JSON.parse(readFileSync(join(outdir, GUARDRAIL_REPORT), "utf8")) as StackGuardrailReport[])
    : undefined;
  const stacks = Object.entries(manifest.stacks)
    .map(([id, entry]) => {
      const text = readFileSync(join(outdir, entry.synthesizedStackPath), "utf8");
      return { id, entry, text, json: JSON.parse(text) as StackJson };
    })
    .sort((a, b) => compareText(a.id, b.id));

  // A remote-state read names its upstream only through the backend address, so match on that.
  const stackByStateAddress = new Map(stacks.map((s) => [stateAddress(s.json.terraform?.backend), s.id]));
  const reads = stacks.map((stack) => {
    const remoteStates = stack.json.data?.terraform_remote_state ?? {};
    const values = new Map<string, Set<string>>();
    for (const [, dataName, output] of stack.text.matchAll(REMOTE_STATE_READ)) {
      const remote = remoteStates[dataName];
      const backend = remote && { [String(remote.backend ?? "")]: (remote.config ?? {}) as Record<string, unknown> };
      const fromStack = stackByStateAddress.get(stateAddress(backend)) ?? dataName;
      if (!values.has(fromStack)) values.set(fromStack, new Set());
      values.get(fromStack)!.add(output);
    }
    return { consumer: stack.id, values };
  });

  return {
    stacks: stacks.map(({ id, entry, json }) => {
      const resourcesByType = Object.entries(json.resource ?? {})
        .map(([type, byName]) => ({ type, count: Object.keys(byName).length }))
        .sort((a, b) => b.count - a.count || compareText(a.type, b.type));
      const outputs = Object.entries(json.output ?? {})
        .map(([name, output]) => ({
          name,
          value: expressionOf(output.value),
          sensitive: output.sensitive === true,
          consumers: reads.filter((r) => r.values.get(id)?.has(name)).map((r) => r.consumer),
        }))
        .sort((a, b) => compareText(a.value, b.value) || compareText(a.name, b.name));
      const inputs = [...(reads.find((r) => r.consumer === id)?.values ?? new Map<string, Set<string>>())]
        .map(([fromStack, names]) => ({
          fromStack,
          values: [...names].map((name) => upstreamValue(stacks, fromStack, name) ?? name).sort(),
        }))
        .sort((a, b) => compareText(a.fromStack, b.fromStack));
      const annotations: Record<AnnotationLevel, number> = { error: 0, warning: 0, info: 0 };
      for (const annotation of entry.annotations ?? []) annotations[annotationLevel(annotation.level)] += 1;
      const guardrails = guardrailReports?.find((r) => r.stack === id);
      return {
        id,
        resourceCount: resourcesByType.reduce((sum, r) => sum + r.count, 0),
        resourcesByType,
        dataSourceCount: Object.entries(json.data ?? {})
          .filter(([type]) => type !== "terraform_remote_state")
          .reduce((sum, [, byName]) => sum + Object.keys(byName).length, 0),
        inputs,
        outputs,
        annotations,
        guardrails: guardrails && {
          warnings: guardrails.findings.filter((f) => f.level === "warning").length,
          suppressed: guardrails.suppressed.length,
        },
      };
    }),
  };
}

/** One line per stack for the terminal. */
export function renderSummaryText(summary: SynthSummary, markdownPath?: string): string {
  const width = Math.max(5, ...summary.stacks.map((s) => s.id.length));
  const columns = (cells: readonly (string | number)[]) => cells.map((cell) => String(cell).padStart(4)).join(" ");
  const header = `${"stack".padEnd(width)}  ${columns(["res", "in", "out", "warn", "supp", "note"])}  top resource types`;
  const lines = summary.stacks.map((s) => {
    const inputs = s.inputs.reduce((sum, i) => sum + i.values.length, 0);
    const top = s.resourcesByType
      .slice(0, 3)
      .map((r) => `${r.type} ${r.count}`)
      .join(", ");
    const cells = [s.resourceCount, inputs, s.outputs.length, s.guardrails?.warnings ?? "-", s.guardrails?.suppressed ?? "-", notes(s)];
    return `${s.id.padEnd(width)}  ${columns(cells)}  ${top}`;
  });
  const footer = `${totalsLine(summary)}${markdownPath ? `; details in ${markdownPath}` : ""}`;
  return [header, ...lines, footer].join("\n");
}

/** Markdown for a PR comment: one table row per stack, details folded per stack. */
export function renderSummaryMarkdown(summary: SynthSummary): string {
  const out = [
    "## Synth summary",
    "",
    `${totalsLine(summary)}.`,
    "",
    "| stack | resources | data sources | inputs | outputs | guardrail warnings | suppressed | annotations |",
    "|---|---:|---:|---|---|---:|---:|---:|",
  ];
  for (const s of summary.stacks) {
    const inputs = s.inputs.map((i) => `${i.values.length} from ${i.fromStack}`).join(", ") || "-";
    const consumers = [...new Set(s.outputs.flatMap((o) => o.consumers))].sort();
    const outputs = s.outputs.length === 0 ? "-" : `${s.outputs.length}${consumers.length ? ` to ${consumers.join(", ")}` : ""}`;
    const guardrails = s.guardrails ? [s.guardrails.warnings, s.guardrails.suppressed] : ["-", "-"];
    out.push(`| ${s.id} | ${s.resourceCount} | ${s.dataSourceCount} | ${inputs} | ${outputs} | ${guardrails.join(" | ")} | ${notes(s)} |`);
  }
  for (const s of summary.stacks) {
    out.push("", `<details><summary>${s.id}: ${s.resourceCount} resources</summary>`, "", "| resource type | count |", "|---|---:|");
    for (const r of s.resourcesByType) out.push(`| \`${r.type}\` | ${r.count} |`);
    if (s.inputs.length > 0) {
      out.push("", "Inputs:");
      for (const input of s.inputs) out.push(`- from \`${input.fromStack}\`: ${input.values.map((v) => `\`${v}\``).join(", ")}`);
    }
    if (s.outputs.length > 0) {
      out.push("", "Outputs:");
      for (const o of s.outputs) {
        const to = o.consumers.length > 0 ? ` to ${o.consumers.join(", ")}` : "";
        out.push(`- \`${o.value}\`${o.sensitive ? " (sensitive)" : ""}${to}`);
      }
    }
    out.push("", "</details>");
  }
  return `${out.join("\n")}\n`;
}

/** Summarizes `outdir`, writes `<outdir>/summary.md` and returns the terminal text. */
export function writeSynthSummary(outdir: string): string {
  const summary = summarizeSynth(outdir);
  const markdownPath = join(outdir, "summary.md");
  writeFileSync(markdownPath, renderSummaryMarkdown(summary));
  return renderSummaryText(summary, markdownPath);
}

function readManifest(outdir: string): { readonly stacks: Record<string, StackManifest> } {
  return JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
}

function totalsLine(summary: SynthSummary): string {
  const sum = (count: (s: StackSummary) => number) => summary.stacks.reduce((total, s) => total + count(s), 0);
  const guardrails = summary.stacks.some((s) => s.guardrails)
    ? `guardrails: ${sum((s) => s.guardrails?.warnings ?? 0)} warnings, ${sum((s) => s.guardrails?.suppressed ?? 0)} suppressed`
    : "no guardrail report";
  return `${summary.stacks.length} stacks, ${sum((s) => s.resourceCount)} resources; ${guardrails}; ${sum(notes)} annotations`;
}

/** cdktf annotations worth a look: errors and warnings (info is noise here). */
function notes(stack: StackSummary): number {
  return stack.annotations.error + stack.annotations.warning;
}

/** Backend type plus the fields that locate a state object; equal for a stack and a remote read of it. */
function stateAddress(backend: Record<string, Record<string, unknown>> | undefined): string {
  const [type, config] = Object.entries(backend ?? {})[0] ?? ["", {}];
  return JSON.stringify([type, config.bucket, config.key, config.path, config.organization, config.workspaces]);
}

function upstreamValue(stacks: readonly { id: string; json: StackJson }[], stackId: string, output: string): string | undefined {
  const value = stacks.find((s) => s.id === stackId)?.json.output?.[output]?.value;
  return value === undefined ? undefined : expressionOf(value);
}

function expressionOf(value: unknown): string {
  if (typeof value !== "string") return JSON.stringify(value);
  const whole = /^\$\{(.*)\}$/s.exec(value);
  return whole ? whole[1] : value;
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function annotationLevel(level: string): AnnotationLevel {
  if (level.includes("error")) return "error";
  if (level.includes("warn")) return "warning";
  return "info";
}
