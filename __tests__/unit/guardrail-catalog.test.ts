import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import catalogJson from "../../guardrails/rule-catalog.json";
import { CATALOG_IDS, elementRule, ruleInfo } from "../../guardrails/catalog";
import { RULES, packRules } from "../../guardrails/pack";
import { compliant } from "../../guardrails/types";

const ENTRY = { level: "error", description: "Buckets are private", fix: "Block public access" };

describe("guardrail catalog", () => {
  it("gives every rule of the pack its entry, in the catalog's order", () => {
    expect(RULES.map((rule) => rule.id)).toEqual(CATALOG_IDS);
    expect(new Set(CATALOG_IDS).size).toBe(CATALOG_IDS.length);
    for (const rule of RULES) expect(rule.level).toBe(catalogJson[rule.id as keyof typeof catalogJson].level);
  });

  it("fills the code's constants into a rule's text and leaves no placeholder", () => {
    for (const rule of RULES) expect(`${rule.description} ${rule.fix}`).not.toMatch(/\{\{/);
    const build = RULES.find((rule) => rule.id === "VP-CB-3")!;
    expect(build.fix).toContain('tags it container-build = "true"');
  });

  it("checks an apply rule names the documentation it encodes", () => {
    for (const rule of RULES.filter((r) => r.category === "apply")) expect(rule.reference).toMatch(/^https:\/\//);
    expect(() => ruleInfo("VP-X-1", {}, { "VP-X-1": { ...ENTRY, category: "apply" } })).toThrow(
      "guardrails/rule-catalog.json: VP-X-1.reference is required for an apply rule",
    );
  });

  it.each([
    ["VP-X-1", { ...ENTRY, level: "fatal" }, "VP-X-1.level must be one of error, warning"],
    ["VP-X-1", { ...ENTRY, category: "style" }, "VP-X-1.category must be one of security, apply"],
    ["VP-X-1", { ...ENTRY, reference: "docs.aws.amazon.com/x" }, "VP-X-1.reference must be an https URL"],
    ["VP-X-1", { ...ENTRY, fix: "" }, "VP-X-1.fix must be a non-empty string"],
    ["VP-X-1", { ...ENTRY, severity: "high" }, "VP-X-1.severity is not a catalog field"],
    ["VP-X-1", { ...ENTRY, fix: "Tag it {{tag}}" }, "VP-X-1.fix names {{tag}}, which the rule does not fill"],
    ["X-1", ENTRY, "X-1.id must look like VP-<SERVICE>-<n>"],
  ])("refuses %s with %o: %s", (id, entry, message) => {
    expect(() => ruleInfo(id, {}, { [id]: entry })).toThrow(`guardrails/rule-catalog.json: ${message}`);
  });

  it("refuses a value the text has no placeholder for, and an id the catalog does not have", () => {
    expect(() => ruleInfo("VP-X-1", { tag: "t" }, { "VP-X-1": ENTRY })).toThrow("VP-X-1.fix has no {{tag}}");
    expect(ruleInfo("VP-X-1", { tag: "t" }, { "VP-X-1": { ...ENTRY, fix: "Tag it {{tag}}" } }).fix).toBe("Tag it t");
    expect(() => ruleInfo("VP-NONE-1")).toThrow("guardrails/rule-catalog.json: no rule VP-NONE-1");
  });

  it("packs rules in the catalog's order and refuses an entry without a check or an id checked twice", () => {
    const [first, second] = RULES;
    const module = { first, second, NOT_A_RULE: "constant" };
    expect(packRules([second.id, first.id], [module]).map((rule) => rule.id)).toEqual([second.id, first.id]);
    expect(() => packRules([first.id, "VP-GONE-1"], [module])).toThrow("guardrails/rule-catalog.json: VP-GONE-1 has no check in guardrails/rules/");
    expect(() => packRules([first.id], [module, { again: first }])).toThrow(`guardrail rule ${first.id} has two checks`);
  });

  it("declares an element rule with its entry's texts and the scope and types of the code", () => {
    const rule = elementRule("VP-S3-1", ["aws_s3_bucket"], () => compliant);
    expect(rule).toMatchObject({ id: "VP-S3-1", scope: "element", types: ["aws_s3_bucket"], level: "error" });
    expect(rule.description).toBe(RULES.find((r) => r.id === "VP-S3-1")!.description);
  });

  it("is a JSON file no TypeScript module shares a name with (without the bundle, Node resolves `./x` to x.json first)", () => {
    const files = ["guardrails", "config", "constructs", "stacks", "scripts", "patches"].flatMap((dir) =>
      (readdirSync(dir, { recursive: true }) as string[]).map((file) => `${dir}/${file}`),
    );
    const modules = new Set(files.filter((file) => file.endsWith(".ts")).map((file) => file.slice(0, -3)));
    expect(files.filter((file) => file.endsWith(".json") && modules.has(file.slice(0, -5)))).toEqual([]);
    expect(files).toContain("guardrails/rule-catalog.json");
  });
});
