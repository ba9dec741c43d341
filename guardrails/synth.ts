import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { App } from "cdktf";
import { collectFindings } from "./collect";
import { GuardrailViolationError, formatGuardrailReport } from "./report";
import type { StackGuardrailReport } from "./types";

/** Name of the guardrail report written next to `manifest.json`: the reports of `collectFindings`, as JSON. */
export const GUARDRAIL_REPORT_FILE = "guardrails.json";

/**
 * All-or-nothing synth. `build` returns `{ app }` whose outdir is the given scratch directory (a sibling of
 * `outdir`). After `app.synth()`, and only if no guardrail error remains, the files move into `outdir` with
 * `manifest.json` last and the guardrail report (warnings, suppressions) is printed. Any failure (a construct error,
 * a guardrail error) leaves `outdir` exactly as it was and removes the scratch directory. Files in `outdir` that
 * synth does not write (terraform's `.terraform` directories, a local state file) are kept.
 * @throws GuardrailViolationError listing every guardrail error of every stack at once
 */
export function synthesizeWithGuardrails<T extends { readonly app: App }>(
  outdir: string,
  build: (scratchDir: string) => T,
  print: (text: string) => void = console.log,
): T & { readonly reports: readonly StackGuardrailReport[] } {
  const target = resolve(outdir);
  mkdirSync(dirname(target), { recursive: true });
  const scratch = mkdtempSync(`${target}.staging-`);
  try {
    const built = build(scratch);
    const { app } = built;
    if (resolve(app.outdir) !== scratch) throw new Error(`the app must synthesize into ${scratch}, not ${app.outdir}`);
    app.synth();
    const reports = collectFindings(app);
    if (reports.some((r) => r.findings.some((f) => f.level === "error"))) throw new GuardrailViolationError(reports, outdir);
    writeFileSync(join(scratch, GUARDRAIL_REPORT_FILE), `${JSON.stringify(reports, null, 2)}\n`);
    publish(scratch, target);
    print(formatGuardrailReport(reports));
    return { ...built, reports };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Moves every file into place; the manifest last, so it never lists a stack whose file is not there yet. */
function publish(from: string, to: string): void {
  const files = filesUnder(from).sort((a, b) => Number(a === "manifest.json") - Number(b === "manifest.json"));
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    renameSync(join(from, file), join(to, file));
  }
}
