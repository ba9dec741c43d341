import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BLUEPRINTS, loadBlueprints } from "../../config";
import { withCdktfResolver } from "../../patches";
import { buildPlatformApp } from "../../stacks/app";

/** Every file below `dir`, by path relative to it. */
function filesOf(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [relative(dir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name), "utf8")]),
  );
}

describe("the fast resolver (patches/fast-resolve.ts)", () => {
  const dirs: string[] = [];
  const synthesizeEveryBlueprint = (): Map<string, string> => {
    const outdir = mkdtempSync(join(tmpdir(), "voice-infra-resolver-"));
    dirs.push(outdir);
    buildPlatformApp({ configs: loadBlueprints(Object.keys(BLUEPRINTS).join(",")), outdir }).app.synth();
    return filesOf(outdir);
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("synthesizes every blueprint byte for byte as cdktf's own resolver does", () => {
    const fast = synthesizeEveryBlueprint();
    const cdktf = withCdktfResolver(synthesizeEveryBlueprint);
    expect([...fast.keys()].filter((file) => file.endsWith("cdk.tf.json")).length).toBeGreaterThan(90);
    expect([...fast.keys()].sort()).toEqual([...cdktf.keys()].sort());
    for (const [file, text] of cdktf) expect(fast.get(file) === text, `${file} differs`).toBe(true);
  });
});
