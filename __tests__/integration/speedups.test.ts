import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_SPEEDUPS } from "../../scripts/speedups.cjs";

// VOICE_INFRA_NO_SPEEDUPS=1 (scripts/speedups.cjs) turns every speed-up off: `npm run synth` then runs main.ts from
// its TypeScript sources (ts-node) with cdktf's own resolver and token stack traces, no bundle and no code cache.
// The speed-ups must change nothing but the time: the two synths of one environment are compared byte for byte.
const root = resolve(__dirname, "../..");
const ENVIRONMENT = "dev";

/** `node scripts/synth.mjs` into `outdir` with `env` added; stdout and stderr for failures. */
function synth(outdir: string, env: Record<string, string>, args: string[] = []) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== NO_SPEEDUPS && !name.startsWith("VITEST")));
  return spawnSync(process.execPath, [...args, join(root, "scripts", "synth.mjs")], {
    cwd: root,
    env: { ...clean, INFRA_ENVS: ENVIRONMENT, CDKTF_OUTDIR: outdir, ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
}

/** Every file below `dir`, by path relative to it. */
function filesOf(dir: string): Map<string, Buffer> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(dir, path), readFileSync(path)] as const;
      }),
  );
}

describe(`${NO_SPEEDUPS}=1`, () => {
  const scratch = mkdtempSync(join(tmpdir(), "voice-infra-speedups-"));
  const fast = join(scratch, "fast");
  const slow = join(scratch, "slow");
  let runs: { fast: ReturnType<typeof synth>; slow: ReturnType<typeof synth> };

  beforeAll(() => {
    runs = { fast: synth(fast, {}), slow: synth(slow, { [NO_SPEEDUPS]: "1" }) };
  }, 240_000);
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("synthesizes an environment byte for byte as with every speed-up on", () => {
    expect(runs.fast.status, runs.fast.stderr).toBe(0);
    expect(runs.slow.status, runs.slow.stderr).toBe(0);
    const a = filesOf(fast);
    const b = filesOf(slow);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect([...a.keys()].filter((path) => path.endsWith("cdk.tf.json")).length).toBeGreaterThan(5);
    for (const [path, content] of a) expect(b.get(path)?.equals(content), `${path} differs`).toBe(true);
  });

  it("stops before synth when a patch cannot take effect, naming the patch and the cdktf version", () => {
    // A cdktf whose HCL renderer lost the export the hcl-quoting fix replaces (the fixes stay on without speed-ups,
    // and this path loads cdktf from node_modules, where a preload can reach it).
    const preload = join(scratch, "break-cdktf.cjs");
    writeFileSync(preload, `delete require(${JSON.stringify(require.resolve("cdktf/lib/hcl/render", { paths: [root] }))}).renderAttributes;\n`);
    const broken = synth(join(scratch, "broken"), { [NO_SPEEDUPS]: "1" }, ["--require", preload]);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(
      /PatchError: runtime patch "hcl-quoting" did not take effect on cdktf \d+\.\d+\.\d+: cdktf\/lib\/hcl\/render no longer exports renderAttributes\(\)/,
    );
    expect(() => readdirSync(join(scratch, "broken"))).toThrow();
  });
});
