import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RULES } from "../../guardrails/pack";
import type { Rule } from "../../guardrails/types";
import { GUARDRAIL_REFERENCE, renderGuardrailReference } from "../../scripts/docs/guardrail-reference";
import { brokenReferences, headingSlugs, markdownFiles } from "../../scripts/docs/links";
import { generatedPages, stalePages } from "../../scripts/docs/pages";
import { GRAPH_BEGIN, GRAPH_END } from "../../scripts/docs/stack-graph-section";
import { BLUEPRINTS_PAGE, TABLES_BEGIN } from "../../scripts/docs/blueprint-tables-section";
import { BLUEPRINTS } from "../../config";

const root = join(__dirname, "..", "..");

describe("generated documentation", () => {
  const pages = generatedPages(root);

  it("matches what `npm run docs` generates now (configuration and guardrail references, stack graph)", () => {
    const stale = stalePages(pages).map((page) => `${page.path} is stale: run \`npm run docs\` and commit it`);
    expect(stale).toEqual([]);
  });

  it("turns stale when the rule pack changes, naming the page", () => {
    const extra = { ...RULES[0], id: "VP-TEST-1", description: "A rule the committed reference does not list yet" } as Rule;
    const changed = pages.map((page) =>
      page.path === GUARDRAIL_REFERENCE ? { ...page, expected: renderGuardrailReference([...RULES, extra]) } : page,
    );
    expect(stalePages(changed).map((page) => page.path)).toEqual([GUARDRAIL_REFERENCE]);
  });

  it("turns stale when the hand-written part is fine but the generated region of architecture.md was edited", () => {
    const architecture = pages.find((page) => page.path === "docs/architecture.md")!;
    const edited = architecture.actual!.replace(GRAPH_END, `  hand-made --> arrow\n${GRAPH_END}`);
    expect(stalePages([{ ...architecture, actual: edited }]).map((page) => page.path)).toEqual(["docs/architecture.md"]);
  });

  it("turns stale when the blueprint tables no longer match the synthesized stacks, naming docs/blueprints.md", () => {
    const blueprints = pages.find((page) => page.path === BLUEPRINTS_PAGE)!;
    expect(blueprints.expected).toContain(`${TABLES_BEGIN}\nRead from the synthesized stacks`);
    for (const name of Object.keys(BLUEPRINTS)) expect(blueprints.expected).toContain(`### \`${name}\``);
    const edited = blueprints.actual!.replace("| `gateway` 4 (2-10)", "| `gateway` 5 (2-10)");
    expect(edited).not.toBe(blueprints.actual);
    expect(stalePages([{ ...blueprints, actual: edited }]).map((page) => page.path)).toEqual([BLUEPRINTS_PAGE]);
  });

  it("documents every configuration field and every registered rule", () => {
    const configuration = pages.find((page) => page.path === "docs/reference/configuration.md")!.expected;
    for (const field of ["accountId", "network.vpcCidr", "services[].imageTag", "stateBackend.useLockfile", "database.drReplica.subnetGroupName"]) {
      expect(configuration).toContain(`| \`${field}\` |`);
    }
    const guardrails = pages.find((page) => page.path === GUARDRAIL_REFERENCE)!.expected;
    for (const rule of RULES) expect(guardrails).toContain(`| \`${rule.id}\` | ${rule.level} | ${rule.description} |`);
    expect(pages.find((page) => page.path === "docs/architecture.md")!.expected).toContain(`${GRAPH_BEGIN}\nThe deploy-order graph`);
  });
});

describe("README and docs/", () => {
  it("name only links and repository paths that exist", () => {
    const broken = brokenReferences(root).map((r) => `${r.file}:${r.line}: ${r.target} (${r.reason})`);
    expect(broken).toEqual([]);
  });

  it("keep the README a first screen (under 20 KB)", () => {
    expect(statSync(join(root, "README.md")).size).toBeLessThan(20 * 1024);
  });

  it("list every page of the manual in docs/README.md", () => {
    const index = readFileSync(join(root, "docs", "README.md"), "utf8");
    const unlisted = markdownFiles(root)
      .filter((file) => file.startsWith("docs/") && file !== "docs/README.md")
      .filter((file) => !index.includes(`](${file.slice("docs/".length)})`));
    expect(unlisted).toEqual([]);
  });
});

describe("link and path check", () => {
  const scratch = mkdtempSync(join(tmpdir(), "docs-links-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("reports a missing file, a missing heading, a missing repository path and an unmatched pattern", () => {
    mkdirSync(join(scratch, "docs"), { recursive: true });
    mkdirSync(join(scratch, "config", "sections"), { recursive: true });
    writeFileSync(join(scratch, "config", "sections", "network.ts"), "");
    writeFileSync(join(scratch, "docs", "a.md"), "# Page A\n\n## State and locking\n");
    writeFileSync(
      join(scratch, "README.md"),
      [
        "[ok](docs/a.md#state-and-locking) [gone](docs/b.md) [anchor](docs/a.md#deploying) [web](https://example.com/x)",
        "`config/sections/network.ts` `config/sections/<area>.ts` `config/sections/dns.ts` `config/blueprints/<name>.ts`",
        "`cdktf.out/stacks/prod-vpc/cdk.tf.json` `npm run synth`",
        "```sh",
        "cat config/missing.ts `config/missing.ts`",
        "```",
      ].join("\n"),
    );
    expect(readdirSync(scratch).sort()).toEqual(["README.md", "config", "docs"]);
    expect(brokenReferences(scratch).map((r) => `${r.line}: ${r.target}`)).toEqual([
      "1: docs/b.md",
      "1: docs/a.md#deploying",
      "2: config/sections/dns.ts",
      "2: config/blueprints/<name>.ts",
    ]);
  });

  it("computes GitHub's heading anchors", () => {
    const slugs = headingSlugs("# A\n## How the application gets DATABASE_URL and REDIS_URL\n## CDKTF's future\n## Monthly cost (estimate)\n## A\n");
    expect([...slugs]).toEqual(["a", "how-the-application-gets-database_url-and-redis_url", "cdktfs-future", "monthly-cost-estimate", "a-1"]);
  });
});
