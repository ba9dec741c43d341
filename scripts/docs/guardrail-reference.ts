// docs/reference/guardrails.md, generated from the rule pack (guardrails/pack.ts): every rule of the catalog
// (guardrails/rule-catalog.json) with its id, level, category, description, fix and reference, in the order synth reports
// them. A rule added to the catalog appears here after `npm run docs`; the staleness test says so until then.
import { RULES } from "../../guardrails/pack";
import type { Rule } from "../../guardrails/types";
import { GENERATED_NOTICE, cell, code } from "./markdown";

export const GUARDRAIL_REFERENCE = "docs/reference/guardrails.md";

/** Fields every rule has, shown in their own columns; any other text field a rule carries gets a column too. */
const KNOWN_FIELDS = new Set(["id", "level", "scope", "types", "check", "description", "fix", "category", "reference"]);

const CATEGORIES: Readonly<Record<string, { readonly title: string; readonly text: string }>> = {
  security: {
    title: "Security rules",
    text: "Policies of this project (encryption with customer-managed keys, no exposure, least privilege, logs that expire).",
  },
  apply: {
    title: "Apply rules",
    text:
      "Rules of the AWS API that `terraform validate` cannot see: breaking one fails the apply or leaves the service " +
      "broken. Each names the AWS documentation (or provider issue) it encodes.",
  },
};

export function renderGuardrailReference(rules: readonly Rule[] = RULES): string {
  const extraFields = [
    ...new Set(
      rules.flatMap((rule) =>
        Object.entries(rule)
          .filter(([key, value]) => !KNOWN_FIELDS.has(key) && isText(value))
          .map(([key]) => key),
      ),
    ),
  ].sort();
  const categories = [...new Set(rules.map(categoryOf))];
  const counts = (level: string) => rules.filter((rule) => rule.level === level).length;
  const lines = [
    "# Guardrail reference",
    "",
    GENERATED_NOTICE("guardrails/rule-catalog.json and guardrails/rules/*.ts", "the catalog entry"),
    "",
    `${rules.length} rules (${counts("error")} errors, ${counts("warning")} warnings), in the order synth reports them. ` +
      "`error` findings fail `npm run synth` and `npx cdktf synth`; `warning` findings are printed. `element` rules look at " +
      "one Terraform element at a time, `stack` rules across the elements of a stack. How the pack runs, how to suppress " +
      "a finding and what synth prints: [guardrails.md](../guardrails.md).",
  ];
  for (const category of categories) {
    const known = CATEGORIES[category];
    lines.push("", `## ${known?.title ?? category}`, "");
    if (known) lines.push(known.text, "");
    const header = ["id", "level", "what", "how to fix", "scope", "reference", ...extraFields];
    lines.push(`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`);
    for (const rule of rules.filter((r) => categoryOf(r) === category)) {
      const record = rule as unknown as Record<string, unknown>;
      const cells = [
        code(rule.id),
        rule.level,
        cell(rule.description),
        cell(rule.fix),
        rule.scope,
        rule.reference ? link(rule.reference) : "",
        ...extraFields.map((field) => (isText(record[field]) ? cell(textOf(record[field])) : "")),
      ];
      lines.push(`| ${cells.join(" | ")} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function categoryOf(rule: Rule): string {
  return rule.category ?? "security";
}

function isText(value: unknown): value is string | readonly string[] {
  return typeof value === "string" || (Array.isArray(value) && value.every((item) => typeof item === "string"));
}

function textOf(value: string | readonly string[]): string {
  return (typeof value === "string" ? [value] : value).map((item) => (/^https?:\/\//.test(item) ? link(item) : item)).join("; ");
}

function link(reference: string): string {
  return /^https?:\/\//.test(reference) ? `[${cell(reference.replace(/^https?:\/\/(www\.)?/, ""))}](${reference})` : cell(reference);
}
