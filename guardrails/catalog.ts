/**
 * The rule catalog: what each guardrail demands, how to fix a finding, its level and the AWS documentation it encodes,
 * kept as one reviewable table (rule-catalog.json, in the order synth reports) apart from the checks in rules/*.ts. A rule
 * file declares a check with `elementRule` or `stackRule` under a catalog id; a typo in the id does not compile, and
 * an entry without a check (or a check without an entry) fails at load in pack.ts.
 */
import catalogJson from "./rule-catalog.json";
import type { ElementRule, Level, RuleInfo, StackRule } from "./types";

export type RuleId = keyof typeof catalogJson;

/** Values a rule fills into `{{name}}` placeholders of its catalog text, so the text quotes the code's own constants. */
export type CatalogValues = Readonly<Record<string, string>>;

const LEVELS: readonly Level[] = ["error", "warning"];
const CATEGORIES: readonly NonNullable<RuleInfo["category"]>[] = ["security", "apply"];
const FIELDS = new Set(["level", "category", "description", "fix", "reference"]);

/** Catalog ids in report order. */
export const CATALOG_IDS = Object.keys(catalogJson) as RuleId[];

/** A rule over one element at a time: `types` are the element types it inspects (`aws_kms_key`, `output`) or `all`. */
export function elementRule(id: RuleId, types: ElementRule["types"], check: ElementRule["check"], values?: CatalogValues): ElementRule {
  return { ...ruleInfo(id, values), scope: "element", types, check };
}

/** A rule across the elements of a stack, one verdict per subject. */
export function stackRule(id: RuleId, check: StackRule["check"], values?: CatalogValues): StackRule {
  return { ...ruleInfo(id, values), scope: "stack", check };
}

/** A catalog as read from JSON, before its entries are checked. */
export type RawCatalog = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** The catalog entry of `id` with `values` filled in, checked field by field; errors name the id and the field. */
export function ruleInfo(id: string, values: CatalogValues = {}, catalog: RawCatalog = catalogJson): RuleInfo {
  const entry = catalog[id];
  if (!entry) throw new Error(`guardrails/rule-catalog.json: no rule ${id}`);
  const fail = (field: string, rule: string) => new Error(`guardrails/rule-catalog.json: ${id}.${field} ${rule}`);
  if (!/^VP-[A-Z0-9]+-\d+$/.test(id)) throw fail("id", "must look like VP-<SERVICE>-<n>");
  for (const field of Object.keys(entry)) if (!FIELDS.has(field)) throw fail(field, `is not a catalog field (${[...FIELDS].join(", ")})`);
  const { level, category, reference } = entry;
  if (!LEVELS.includes(level as Level)) throw fail("level", `must be one of ${LEVELS.join(", ")}`);
  if (category !== undefined && !CATEGORIES.includes(category as "apply")) throw fail("category", `must be one of ${CATEGORIES.join(", ")}`);
  if (reference !== undefined && !/^https:\/\//.test(String(reference))) throw fail("reference", "must be an https URL");
  if (category === "apply" && reference === undefined) throw fail("reference", "is required for an apply rule (the AWS documentation it encodes)");
  const used = new Set<string>();
  const text = (field: "description" | "fix") => {
    if (typeof entry[field] !== "string" || entry[field] === "") throw fail(field, "must be a non-empty string");
    return (entry[field] as string).replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (values[name] === undefined) throw fail(field, `names {{${name}}}, which the rule does not fill`);
      used.add(name);
      return values[name];
    });
  };
  const info: RuleInfo = {
    id,
    level: level as Level,
    ...(category === undefined ? {} : { category: category as RuleInfo["category"] }),
    description: text("description"),
    fix: text("fix"),
    ...(reference === undefined ? {} : { reference: reference as string }),
  };
  const unused = Object.keys(values).find((name) => !used.has(name));
  if (unused) throw fail("fix", `has no {{${unused}}} for the value the rule fills`);
  return info;
}
