import type { Finding, StackGuardrailReport, SuppressedFinding } from "./types";

function location(finding: Finding): string {
  return `${finding.stack}  ${finding.path}${finding.address ? ` (${finding.address})` : ""}`;
}

function findingLines(label: string, finding: Finding): string[] {
  return [`  ${label.padEnd(10)} ${finding.ruleId.padEnd(11)} ${location(finding)}`, `             ${finding.message}`];
}

function suppressedLines(finding: SuppressedFinding): string[] {
  return [
    `  ${"SUPPRESSED".padEnd(10)} ${finding.ruleId.padEnd(11)} ${location(finding)}`,
    `             reason (at ${finding.suppressedAt}): ${finding.reason}`,
  ];
}

/** Counts across stacks. */
export function tally(reports: readonly StackGuardrailReport[]): { errors: number; warnings: number; suppressed: number } {
  const findings = reports.flatMap((r) => r.findings);
  return {
    errors: findings.filter((f) => f.level === "error").length,
    warnings: findings.filter((f) => f.level === "warning").length,
    suppressed: reports.reduce((sum, r) => sum + r.suppressed.length, 0),
  };
}

/**
 * The text synth prints: one headline, then every error, warning and suppression (with its reason) with
 * rule id, stack, construct path and Terraform address, and the message that says how to fix it.
 */
export function formatGuardrailReport(reports: readonly StackGuardrailReport[]): string {
  const { errors, warnings, suppressed } = tally(reports);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const lines = [
    `Guardrails: ${plural(errors, "error")}, ${plural(warnings, "warning")}, ${suppressed} suppressed in ${plural(reports.length, "stack")}`,
  ];
  const findings = reports.flatMap((r) => r.findings);
  for (const finding of findings.filter((f) => f.level === "error")) lines.push(...findingLines("ERROR", finding));
  for (const finding of findings.filter((f) => f.level === "warning")) lines.push(...findingLines("WARNING", finding));
  for (const finding of reports.flatMap((r) => r.suppressed)) lines.push(...suppressedLines(finding));
  return lines.join("\n");
}

/** Synth stopped because guardrail errors remain; the message lists all of them at once. */
export class GuardrailViolationError extends Error {
  declare readonly reports: readonly StackGuardrailReport[];

  constructor(reports: readonly StackGuardrailReport[], outdir: string) {
    super(`${formatGuardrailReport(reports)}\nSynth refused: fix or suppress the errors above. ${outdir} was left as it was.`);
    this.name = "GuardrailViolationError";
    // Not enumerable, so an uncaught error prints the report once instead of also dumping the objects.
    Object.defineProperty(this, "reports", { value: reports, enumerable: false });
    // The JavaScript stack points into the synth machinery, not at the offending construct; the report does.
    this.stack = `${this.name}: ${this.message}`;
  }
}
