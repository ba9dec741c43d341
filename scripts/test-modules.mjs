// The code the tests exercise as one prebuilt bundle, and the vitest plugin that hands it to them.
//
// Through vitest every project module is fetched from vite one import at a time and transformed on the way, and
// cdktf and ~90 provider modules are compiled from scratch by every test worker: together ~2.5 s per worker before
// the first test runs, more than half of the unit suite. Bundled once by esbuild (the project's modules here, the
// packages in dist/vendor.cjs, which dist/main.js loads too: scripts/vendor.mjs), the same code loads as two files
// with V8's code cache (scripts/code-cache.cjs) in a few hundred milliseconds.
//
// Tests keep importing `../../stacks/app`, `cdktf` or `@cdktf/provider-aws/lib/s3-bucket`; the plugin resolves each
// such import to a one-line CommonJS shim (dist/test-modules/shims/...) that hands out that module's part of a
// bundle, and vitest leaves shims and bundles to Node. Every module is in one bundle once, so a class is the same
// class whichever test, support file or stack uses it. Type checking is unaffected (`npm run typecheck` reads the
// sources). The bundle is a speed-up (scripts/speedups.cjs): VITEST_SOURCE_MODULES=1 turns the plugin off, so that
// a failing test's stack trace points into the TypeScript sources, and VOICE_INFRA_NO_SPEEDUPS=1 turns it off with
// every other speed-up (vitest.config.mts asks).
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inputsUnchanged, recordInputs } from "./build-inputs.mjs";
import { VENDOR_FILE, ensureVendor, isBundledPackage, vendorImports, vendoredSpecifiers } from "./vendor.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = join(root, "dist", "test-modules");
const bundleFile = join(outdir, "modules.cjs");
const shimsDir = join(outdir, "shims");
const indexFile = join(outdir, "index.json");
const inputsFile = join(outdir, "build-inputs.json");

/** Folders whose modules the tests import. */
const SOURCE_DIRS = ["config", "constructs", "guardrails", "patches", "stacks", "scripts"];
/** Programs rather than modules: importing them would run them. */
const PROGRAMS = new Set(["scripts/bench-app.ts", "scripts/graph.ts", "scripts/plan-offline.ts", "scripts/affected.ts", "scripts/ci-generate.ts"]);
const TEST_DIR = "__tests__";

const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
/** Dev tools (vitest, fast-check, emulators) stay Node's. */
const EXTERNAL_PACKAGES = Object.keys(packageJson.devDependencies);
/** The code caches of the bundles as test workers use them (synth compiles other parts of dist/vendor.cjs). */
const CACHE = { tag: "tests" };

function typescriptFiles(dir) {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts"))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split("\\").join("/"));
}

/** Package modules the tests import themselves (`cdktf`, `@cdktf/provider-aws/lib/s3-bucket`, ...). */
function packageImportsOfTests() {
  const found = new Set();
  for (const file of typescriptFiles(TEST_DIR)) {
    // `from "x"`, `import "x"` and `import("x")`.
    for (const [, specifier] of readFileSync(join(root, file), "utf8").matchAll(/\b(?:from|import)\s*\(?\s*"([^".][^"]*)"/g)) {
      if (isBundledPackage(specifier)) found.add(specifier);
    }
  }
  return [...found].sort();
}

function sourceModules() {
  return SOURCE_DIRS.flatMap(typescriptFiles)
    .filter((file) => !PROGRAMS.has(file))
    .sort();
}

/** The import key of a project module: its absolute path without `.ts` (`<root>/stacks/app`). */
function moduleKey(file) {
  return join(root, file.replace(/\.ts$/, ""));
}

/**
 * The bundle's entry has a getter per project module (`m<n>`), evaluated on first use: a test of the config does
 * not load the terraform harness and its S3 emulator. The packages the tests import come from dist/vendor.cjs,
 * as the project modules' own imports of them do. The index maps each import key (`<root>/stacks/app`, `cdktf`)
 * to the bundle and export its shim hands out.
 */
async function buildBundle(sources, packages) {
  const startedAt = Date.now();
  const index = {};
  const getters = sources.map((file, i) => {
    const key = moduleKey(file);
    index[key] = { bundle: bundleFile, name: `m${i}` };
    // An index module also answers to its folder (`../../config`).
    if (key.endsWith("/index")) index[dirname(key)] = index[key];
    return `  get m${i}() { return require(${JSON.stringify(`./${file}`)}); },`;
  });
  for (const specifier of packages) index[specifier] = { bundle: VENDOR_FILE, name: specifier };
  const entry = `module.exports = {\n${getters.join("\n")}\n};\n`;
  // Loaded only to rebuild (they import esbuild): every vitest run imports this file, most with a fresh bundle.
  const [{ build }, { assertAscii, bundleOptions }] = await Promise.all([import("esbuild"), import("./bundle-options.mjs")]);
  // The synth bundle's options (pure ASCII, names kept), so the tests run the same code.
  const vendor = vendorImports({ outdir: relative(root, outdir), cache: CACHE });
  const result = await build({
    ...bundleOptions,
    ...vendor,
    stdin: { contents: entry, resolveDir: root, loader: "ts", sourcefile: "test-modules.ts" },
    outfile: bundleFile,
    external: [...vendor.external, ...EXTERNAL_PACKAGES],
    metafile: true,
  });
  await ensureVendor([...new Set([...vendoredSpecifiers(result.metafile), ...packages])]);
  await assertAscii([relative(root, bundleFile)]);
  rmSync(shimsDir, { recursive: true, force: true });
  for (const [key, target] of Object.entries(index)) writeShim(shimFile(key), target);
  writeFileSync(indexFile, JSON.stringify(index, null, 2));
  const testFiles = typescriptFiles(TEST_DIR);
  // The generated entry (stdin) is no file; what it lists follows from the recorded source and test files.
  const inputs = Object.keys(result.metafile.inputs).filter((file) => file !== "test-modules.ts");
  recordInputs(
    inputsFile,
    startedAt,
    [...inputs, ...testFiles],
    ["scripts/test-modules.mjs", "scripts/vendor.mjs", "scripts/bundle-options.mjs", "package.json"],
  );
}

function shimFile(key) {
  const path = key.startsWith(root) ? relative(root, key) : join("node_modules", key);
  return join(shimsDir, `${path}.cjs`);
}

function writeShim(file, { bundle, name }) {
  const fromShim = (target) => relative(dirname(file), target).split("\\").join("/");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `module.exports = require(${JSON.stringify(fromShim(join(root, "scripts", "code-cache.cjs")))}).loadWithCodeCache(require.resolve(${JSON.stringify(fromShim(bundle))}), ${JSON.stringify(CACHE)})[${JSON.stringify(name)}];\n`,
  );
}

/**
 * Builds the bundle unless it is fresh: no recorded input changed, and no module or package import appeared
 * since (a new file is no recorded input). Returns the shim of each import key.
 */
export async function buildTestModules() {
  const sources = sourceModules();
  const packages = packageImportsOfTests();
  let index = inputsUnchanged(inputsFile, [relative(root, bundleFile), relative(root, indexFile), relative(root, VENDOR_FILE)])
    ? JSON.parse(readFileSync(indexFile, "utf8"))
    : {};
  const keys = [...sources.map(moduleKey), ...packages];
  if (!keys.every((key) => key in index)) {
    await buildBundle(sources, packages);
    index = JSON.parse(readFileSync(indexFile, "utf8"));
  }
  return new Map(Object.keys(index).map((key) => [key, shimFile(key)]));
}

/** Vitest plugin: the tests' imports of project modules and of the app's packages resolve to shims. */
export function testModulesPlugin() {
  let shims;
  let shimsHash;
  return {
    name: "voice-infra-test-modules",
    enforce: "pre",
    async buildStart() {
      shims = await buildTestModules();
      shimsHash = createHash("sha1")
        .update(JSON.stringify([...shims]))
        .digest("hex");
    },
    // A cached transform holds the shim paths its imports resolved to; vitest's key covers the file's content and
    // the configuration, so the key here adds what the resolution depends on: the map from modules to shims.
    configureVitest({ experimental_defineCacheKeyGenerator }) {
      experimental_defineCacheKeyGenerator(() => {
        if (!shimsHash) throw new Error("test-modules: a module was transformed before the bundle was built");
        return shimsHash;
      });
    },
    resolveId(source, importer) {
      if (!shims || !importer || importer.includes("/node_modules/") || importer.startsWith(outdir)) return null;
      if (!source.startsWith(".")) {
        // Node's own copy of a bundled package would be a second cdktf whose classes the bundle's do not match.
        if (isBundledPackage(source) && !shims.has(source)) {
          throw new Error(
            `${importer} imports ${source}, which the test bundle lacks; scripts/test-modules.mjs finds imports with a pattern that missed this one`,
          );
        }
        return shims.get(source) ?? null;
      }
      return shims.get(resolve(dirname(importer), source.replace(/\.(ts|js)$/, ""))) ?? null;
    },
  };
}

/** What vitest must load with Node instead of transforming it: the shims and the bundle. */
export const TEST_MODULES = /[\\/]dist[\\/]test-modules[\\/]/;
