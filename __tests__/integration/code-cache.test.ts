import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { afterAll, describe, expect, it } from "vitest";

// scripts/code-cache.cjs is what keeps synth and the test workers from compiling megabytes of bundle on every run;
// when it goes wrong nothing fails, everything only gets slower. These run it in fresh node processes and threads.
const LOADER = resolve("scripts/code-cache.cjs");
const root = mkdtempSync(join(tmpdir(), "voice-infra-code-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * A bundle in a directory of its own, so that every test starts from no cache at all and none depends on what an
 * earlier one left (they can run alone, in any order).
 */
function newBundle(body: string) {
  const dir = mkdtempSync(join(root, "case-"));
  const bundle = join(dir, "bundle.cjs");
  const write = (code: string) => writeFileSync(bundle, `module.exports = { answer() { ${code} } };\nmodule.exports.answer();\n`);
  write(body);
  const caches = () =>
    readdirSync(dir)
      .filter((name) => name.endsWith(".v8cache"))
      .sort();
  return {
    dir,
    bundle,
    write,
    caches,
    mtimes: () => caches().map((name) => statSync(join(dir, name)).mtimeMs),
    /**
     * Loads the bundle in a new node process (`nodeArgs` before the script) with `options`, returns what `answer()`
     * gave and, with `ending: "kill"`, kills itself (as vitest ends its workers: no exit handler runs).
     */
    load({ nodeArgs = [] as string[], options = { tag: "t" } as object, ending = "exit" } = {}): unknown {
      const load = `require(${JSON.stringify(LOADER)}).loadWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(options)})`;
      const end = ending === "kill" ? `process.kill(process.pid, "SIGKILL")` : "";
      const script = `require("node:fs").writeSync(1, JSON.stringify(${load}.answer())); ${end}`;
      const result = spawnSync(process.execPath, [...nodeArgs, "-e", script], { encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
      expect(result.stderr).toBe("");
      expect(ending === "kill" ? result.signal : result.status).toBe(ending === "kill" ? "SIGKILL" : 0);
      return JSON.parse(result.stdout);
    },
  };
}

describe("the code cache loader", () => {
  it("writes a cache after the first run, named after the bundle's size and mtime, V8's flags and the tag", () => {
    const { bundle, load, caches } = newBundle("return 42;");
    expect(load()).toBe(42);
    const { size, mtimeMs } = statSync(bundle);
    expect(caches()).toEqual([expect.stringMatching(new RegExp(`^bundle\\.cjs\\.${size}-${Math.trunc(mtimeMs)}\\.\\d+\\.t\\.v8cache$`))]);
  });

  it("reuses that cache without rewriting it", () => {
    const { load, mtimes } = newBundle("return 42;");
    load();
    const before = mtimes();
    expect(before).toHaveLength(1);
    expect(load()).toBe(42);
    expect(mtimes()).toEqual(before);
  });

  it("keeps a cache per set of V8 flags, so runs under other flags (the cdktf CLI's) do not evict each other's", () => {
    const { dir, load, caches } = newBundle("return 42;");
    load();
    const [defaultFlags] = caches();
    const before = statSync(join(dir, defaultFlags)).mtimeMs;
    expect(load({ nodeArgs: ["--max-old-space-size=4096"] })).toBe(42);
    expect(caches()).toHaveLength(2);
    // With one cache for both, the run under other flags rejected it and wrote its own over it.
    expect(statSync(join(dir, defaultFlags)).mtimeMs).toBe(before);
  });

  it("never serves an old bundle's cache: a new bundle replaces them", () => {
    const { bundle, write, load, caches } = newBundle("return 42;");
    load();
    load({ nodeArgs: ["--max-old-space-size=4096"] });
    write("return 'a longer answer';");
    expect(load()).toBe("a longer answer");
    const { size } = statSync(bundle);
    expect(caches()).toEqual([expect.stringContaining(`bundle.cjs.${size}-`)]);
  });

  it("writes it as soon as the bundle's top level ran, so a process that is killed (a test worker) leaves it", () => {
    const { load, caches } = newBundle("return 'a longer answer';");
    expect(load({ ending: "kill" })).toBe("a longer answer");
    expect(caches()).toHaveLength(1);
  });

  it("with writeAtExit writes it when the process exits (synth: after everything the run compiled), not before", () => {
    const { load, caches } = newBundle("return 'a longer answer';");
    const options = { tag: "t", writeAtExit: true };
    expect(load({ options, ending: "kill" })).toBe("a longer answer");
    expect(caches()).toEqual([]);
    expect(load({ options })).toBe("a longer answer");
    expect(caches()).toHaveLength(1);
  });
});

describe("vendorRequire", () => {
  const { vendorRequire } = createRequire(LOADER)(LOADER);
  // Apart from the bundle above: loading this writes a code cache too.
  const vendorFile = join(mkdtempSync(join(root, "vendor-")), "vendor.cjs");
  writeFileSync(vendorFile, `module.exports = { "pkg": { name: "pkg" }, "pkg/lib/part": { name: "part" } };\n`);
  const required: string[] = [];
  const nodeRequire = Object.assign((specifier: string) => required.push(specifier) && { fromNode: specifier }, { resolve: () => "", cache: {} });
  const bundleRequire = vendorRequire(nodeRequire, vendorFile, ["pkg"], { tag: "t" });

  it("answers the vendored packages' modules from the vendor bundle, one instance each", () => {
    expect(bundleRequire("pkg")).toEqual({ name: "pkg" });
    expect(bundleRequire("pkg/lib/part")).toBe(bundleRequire("pkg/lib/part"));
    expect(required).toEqual([]);
  });

  it("leaves everything else to the bundle's own require, a package whose name only starts alike included", () => {
    expect(bundleRequire("node:path")).toEqual({ fromNode: "node:path" });
    expect(bundleRequire("pkg-other")).toEqual({ fromNode: "pkg-other" });
    expect(bundleRequire.resolve).toBe(nodeRequire.resolve);
  });

  it("fails naming the module when the vendor bundle lacks it, instead of loading a second copy from node_modules", () => {
    expect(() => bundleRequire("pkg/lib/missing")).toThrow(/vendor\.cjs lacks pkg\/lib\/missing; `npm run build` rebuilds it/);
  });
});
