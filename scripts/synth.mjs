// The fast path behind `npm run synth` (and the cdktf.json app): rebuild the bundles only when an input
// changed since the last build, run the bundle in this process (no second node start) with V8's code cache,
// then print the per-stack summary and write it to <outdir>/summary.md.
//
//   node scripts/synth.mjs          Terraform JSON into cdktf.out/stacks/<stack>/cdk.tf.json
//   node scripts/synth.mjs --hcl    the same, plus the HCL rendering of each stack as cdk.tf.hcl beside it
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const bundle = join(root, "dist", "main.js");

if (!bundlesAreFresh()) {
  const { buildBundles } = await import("./build.mjs");
  await buildBundles();
}

const outdir = resolve(process.env.CDKTF_OUTDIR ?? "cdktf.out");
// cdktf chooses HCL or JSON per process (SYNTH_HCL_OUTPUT is read when each stack is constructed), so the HCL
// rendering is a second synth in a child, into a scratch directory, running on the other core meanwhile.
const hcl = process.argv.includes("--hcl") ? startHclSynth() : undefined;

try {
  runWithCodeCache(bundle);
} catch (error) {
  hcl?.child.kill();
  // Both list every problem in their message; their stack traces point into synth machinery.
  if (!["ConfigError", "GuardrailViolationError"].includes(error?.name)) throw error;
  console.error(error.message);
  process.exit(1);
}

// `cdktf synth --hcl` asks for HCL instead of JSON; the summary reads JSON, so it has nothing to read then.
if (/^(true|1)$/.test(process.env.SYNTH_HCL_OUTPUT ?? "")) process.exit(0);

const { manifestStackIds, writeSynthSummary } = require(join(root, "dist", "synth-summary.js"));
const stackIds = manifestStackIds(outdir);
if (hcl) {
  await hcl.done;
  // cdktf renders HCL without indentation; terraform's own formatter makes it readable.
  const fmt = spawnSync("terraform", ["fmt", "-recursive", "-list=false", hcl.dir], { stdio: ["ignore", "ignore", "inherit"] });
  if (fmt.error || fmt.status !== 0) console.error("terraform fmt failed or terraform is not installed; HCL left unformatted");
  for (const id of stackIds) copyFileSync(join(hcl.dir, "stacks", id, "cdk.tf"), join(outdir, "stacks", id, "cdk.tf.hcl"));
  rmSync(hcl.dir, { recursive: true, force: true });
} else {
  // An HCL file left by an earlier `synth:hcl` would no longer match the JSON beside it.
  for (const id of stackIds) rmSync(join(outdir, "stacks", id, "cdk.tf.hcl"), { force: true });
}
console.log(writeSynthSummary(relative(process.cwd(), outdir) || "."));
console.log(`synthesized in ${(performance.now() / 1000).toFixed(2)} s`);

/** True when both bundles exist and no input recorded by the last build changed after it started. */
function bundlesAreFresh() {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(join(root, "dist", "build-inputs.json"), "utf8"));
  } catch {
    return false;
  }
  const mtime = (file) => {
    try {
      return statSync(join(root, file)).mtimeMs;
    } catch {
      return undefined;
    }
  };
  if (["dist/main.js", "dist/synth-summary.js"].some((file) => mtime(file) === undefined)) return false;
  return recorded.inputs.every((file) => {
    const modified = mtime(file);
    return modified !== undefined && modified < recorded.startedAt;
  });
}

/**
 * Runs a CommonJS bundle like `require` would, but with V8's code cache: the functions compiled by the last run
 * are stored beside the bundle and reused, instead of parsing and compiling 5 MB of JavaScript again (10-20 %
 * of a synth). V8 checks a cache only against the source's length, so the cache file is named after the
 * bundle's size and mtime, and a new bundle never meets an old cache.
 */
function runWithCodeCache(file) {
  const { size, mtimeMs } = statSync(file);
  const cacheFile = `${file}.${size}-${Math.trunc(mtimeMs)}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, "utf8")}\n});`;
  const script = new vm.Script(source, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {}, filename: file, id: file };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  if (cachedData !== undefined && !script.cachedDataRejected) return;
  // Written after the run, so the cache also holds the functions compiled while synthesizing. The synth has
  // succeeded by now; a cache that cannot be written only means the next run compiles again.
  try {
    const stale = readdirSync(dirname(file)).filter((name) => name.startsWith(`${basename(file)}.`) && name.endsWith(".v8cache"));
    for (const name of stale) rmSync(join(dirname(file), name), { force: true });
    const partial = `${cacheFile}.${process.pid}`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
  } catch (error) {
    console.error(`code cache not written: ${error.message}`);
  }
}

function startHclSynth() {
  const dir = mkdtempSync(join(tmpdir(), "voice-infra-hcl-"));
  const child = spawn(process.execPath, [bundle], {
    env: { ...process.env, SYNTH_HCL_OUTPUT: "true", CDKTF_OUTDIR: dir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const done = new Promise((resolveDone, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolveDone() : reject(new Error(`HCL synth exited with code ${code}`))));
  });
  return { dir, child, done };
}
