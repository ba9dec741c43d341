/**
 * Security guardrails: a pack of rules (one file per service under `rules/`) run over every resource, data source,
 * provider and output of a stack as synthesized (its Terraform JSON).
 *
 * - `applyGuardrails(stack, { production })` puts a stack under the pack (`buildPlatformApp` does it for every stack).
 * - `collectFindings(app)` returns each stack's findings and suppressions (rule id, level, stack, construct path,
 *   Terraform address, message with the fix): the synth summary prints them per stack.
 * - `suppress(construct, { id, reason })` accepts one rule's findings on a construct and below, with a reason of
 *   at least 20 characters that every report shows.
 * - `synthesizeWithGuardrails(outdir, build)` is the all-or-nothing synth behind `main.ts`: errors fail it with
 *   every finding listed at once, warnings and suppressions are printed, and `<outdir>/guardrails.json` holds the
 *   reports.
 */
export { applyGuardrails, collectFindings } from "./collect";
export { RULES, RULES_BY_ID } from "./pack";
export { GuardrailViolationError, formatGuardrailReport, tally } from "./report";
export { MIN_REASON_LENGTH, type Suppression, suppress } from "./suppressions";
export { GUARDRAIL_REPORT_FILE, synthesizeWithGuardrails } from "./synth";
export type { Finding, Level, Rule, StackGuardrailReport, SuppressedFinding } from "./types";
export type { GuardrailOptions } from "./evaluate";
