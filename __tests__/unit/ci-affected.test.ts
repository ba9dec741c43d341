import { describe, expect, it } from "vitest";
import { comparableJson, compareStacks, deployWaves, formatReport, githubOutputs, summaryLine } from "../../scripts/ci/affected";
import type { GraphInput } from "../../scripts/stack-graph";
import type { TerraformJson } from "../../scripts/terraform/stack-json";

/**
 * A minimal stack of environment `env`: S3 backend at `state/<env>/<component>.tfstate`, remote-state reads of
 * `reads` (same environment), one resource whose `size` the tests change.
 */
function stack(env: string, component: string, reads: string[] = [], size = 1, options: { local?: boolean } = {}): GraphInput {
  const data = Object.fromEntries(
    reads.map((upstream) => [`read_${upstream}`, { backend: "s3", config: { bucket: "state", key: `${env}/${upstream}.tfstate` } }]),
  );
  return {
    id: `${env}-${component}`,
    environment: env,
    component,
    dependencies: [],
    json: {
      "//": { metadata: { stackName: `${env}-${component}`, version: "0.21.0" } },
      terraform: { backend: options.local ? { local: { path: "x.tfstate" } } : { s3: { bucket: "state", key: `${env}/${component}.tfstate` } } },
      data: reads.length ? { terraform_remote_state: data } : undefined,
      resource: {
        thing: {
          main: {
            "//": { metadata: { path: `${env}-${component}/main` } },
            size,
            uses: reads.map((u) => `\${data.terraform_remote_state.read_${u}.outputs.id}`),
          },
        },
      },
    },
  };
}

/** network <- db <- app <- dashboard (each reads the one before), dns reads nothing, bootstrap keeps local state. */
function environment(env: string, sizes: Record<string, number> = {}): GraphInput[] {
  return [
    stack(env, "bootstrap", [], sizes.bootstrap, { local: true }),
    stack(env, "network", [], sizes.network),
    stack(env, "db", ["network"], sizes.db),
    stack(env, "app", ["db", "network"], sizes.app),
    stack(env, "dashboard", ["app"], sizes.dashboard),
    stack(env, "dns", [], sizes.dns),
  ];
}

const jsonOf = (stacks: GraphInput[]) => new Map<string, TerraformJson>(stacks.map((s) => [s.id, s.json]));

describe("affected stacks", () => {
  const base = [...environment("dev"), ...environment("prod")];

  it("finds nothing when only cdktf's `//` metadata differs: terraform reads it as comments", () => {
    const head = base.map((s) => ({ ...s, json: { ...structuredClone(s.json), "//": { metadata: { version: "0.22.0" } } } }));
    head[2].json.resource!.thing.main["//"] = { metadata: { path: "moved/in/the/tree" } };
    const report = compareStacks(jsonOf(base), head);
    expect(report.stacks).toEqual([]);
    expect(summaryLine(report)).toBe("0 stacks affected");
    expect(formatReport(report, "main")).toBe("0 stacks affected");
    expect(comparableJson({ b: 1, a: { "//": 1, c: [2] } })).toBe(comparableJson({ a: { c: [2] }, b: 1 }));
  });

  it("marks a changed stack, then every stack that reads its outputs, transitively, in deploy order", () => {
    const head = [...environment("dev"), ...environment("prod", { db: 2 })];
    const report = compareStacks(jsonOf(base), head);
    expect(report.stacks.map((s) => [s.id, s.status, s.reads])).toEqual([
      ["prod-db", "changed", []],
      ["prod-app", "downstream", ["prod-db"]],
      ["prod-dashboard", "downstream", ["prod-app"]],
    ]);
    expect(summaryLine(report)).toBe("3 stacks affected (1 changed, 2 downstream)");
    const text = formatReport(report, "main (abc)").split("\n");
    expect(text[0]).toBe("Affected stacks since main (abc), in deploy order:");
    expect(text).toContain("  prod");
    expect(text.some((line) => /prod-app .*downstream: re-plan after prod-db is applied/.test(line))).toBe(true);
    expect(text.at(-1)).toBe("3 stacks affected (1 changed, 2 downstream)");
  });

  it("lists a changed stack that also reads a changed one as changed, and stays within its environment", () => {
    const head = [...environment("dev", { network: 2, app: 5 }), ...environment("prod")];
    const report = compareStacks(jsonOf(base), head);
    expect(report.stacks.map((s) => `${s.id}:${s.status}`)).toEqual([
      "dev-network:changed",
      "dev-db:downstream",
      "dev-app:changed",
      "dev-dashboard:downstream",
    ]);
    expect(report.stacks.find((s) => s.id === "dev-app")!.reads).toEqual(["dev-db", "dev-network"]);
  });

  it("counts a new stack as changed and reports a removed one apart", () => {
    const head = [...environment("dev"), ...environment("prod"), stack("prod", "cache", ["network"])].filter((s) => s.id !== "dev-dns");
    const report = compareStacks(jsonOf(base), head);
    expect(report.stacks.map((s) => `${s.id}:${s.status}`)).toEqual(["prod-cache:changed"]);
    expect(report.removed).toEqual(["dev-dns"]);
    expect(formatReport(report, "main")).toMatch(
      /Removed \(in main, not in the working tree; .*\): dev-dns\n1 stack affected \(1 changed, 0 downstream\)$/,
    );
  });

  it("puts each stack in the wave after its latest upstream, the bucket's creator included", () => {
    const withBucket = environment("prod").map((s) =>
      s.component === "bootstrap" ? { ...s, json: { ...s.json, resource: { aws_s3_bucket: { state: { bucket: "state" } } } } } : s,
    );
    expect(Object.fromEntries(deployWaves(withBucket))).toEqual({
      "prod-bootstrap": 1,
      "prod-network": 2,
      "prod-dns": 2,
      "prod-db": 3,
      "prod-app": 4,
      "prod-dashboard": 5,
    });
  });

  it("writes one step output per wave and environment for the workflow, leaving local-state stacks to people", () => {
    const head = [...environment("dev", { bootstrap: 2, network: 2 }), ...environment("prod", { dns: 3 })];
    const report = compareStacks(jsonOf(base), head);
    const outputs = Object.fromEntries(
      githubOutputs(report, 4)
        .trim()
        .split("\n")
        .map((line) => [line.slice(0, line.indexOf("=")), JSON.parse(line.slice(line.indexOf("=") + 1))]),
    );
    expect(outputs.count).toBe(report.stacks.length);
    expect(outputs.manual).toEqual(["dev-bootstrap"]);
    expect(outputs.plan_wave_1).toEqual([
      { stack: "dev-network", environment: "dev" },
      { stack: "prod-dns", environment: "prod" },
    ]);
    expect(outputs.dev_wave_1).toEqual(["dev-network"]);
    expect(outputs.prod_wave_1).toEqual(["prod-dns"]);
    expect(outputs.dev_wave_2).toEqual(["dev-db"]);
    expect(outputs.prod_wave_4).toEqual([]);
    expect(Object.keys(outputs)).toHaveLength(2 + 4 * 3);
    expect(() => githubOutputs(report, 2)).toThrow(/deploy wave 4, the workflow has 2: run npm run ci:generate/);
  });
});
