// The fast path behind `npm run synth` (and the cdktf.json app): rebuild the bundles only when an input
// changed since the last build, run the bundle in this process (no second node start) with V8's code cache,
// then print the per-stack summary and write it to <outdir>/summary.md.
//
//   node scripts/synth.mjs          Terraform JSON into cdktf.out/stacks/<stack>/cdk.tf.json
//   node scripts/synth.mjs --hcl    the same, plus the HCL rendering of each stack as cdk.tf.hcl beside it
//
// VOICE_INFRA_NO_SPEEDUPS=1 (scripts/speedups.cjs) runs main.ts and the summary from their TypeScript sources
// instead (ts-node, transpile only, as the stock CDKTF template does), with cdktf's own resolver and no bundle or
// code cache: slower, and the same files byte for byte (__tests__/integration/speedups.test.ts).
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BUILD_INPUTS_FILE, inputsUnchanged } from "./build-inputs.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const { loadWithCodeCache } = require("./code-cache.cjs");
const { speedupOn } = require("./speedups.cjs");
const bundled = speedupOn("bundles");
const bundle = join(root, "dist", "main.js");

/** How to load TypeScript without the bundles: ts-node without type checking (`npm run typecheck` does that). */
const TS_NODE = { TS_NODE_TRANSPILE_ONLY: "true", TS_NODE_PROJECT: join(root, "tsconfig.json") };
if (bundled) {
  if (!inputsUnchanged(BUILD_INPUTS_FILE, ["dist/main.js", "dist/synth-summary.js", "dist/vendor.cjs"])) {
    const { buildBundles } = await import("./build.mjs");
    await buildBundles();
  }
} else {
  Object.assign(process.env, TS_NODE);
  require("ts-node/register");
}

const outdir = resolve(process.env.CDKTF_OUTDIR ?? "cdktf.out");
// cdktf chooses HCL or JSON per process (SYNTH_HCL_OUTPUT is read when each stack is constructed), so the HCL
// rendering is a second synth in a child, into a scratch directory, running on the other core meanwhile.
const hcl = process.argv.includes("--hcl") ? startHclSynth() : undefined;

try {
  // The bundle's top level is the whole synth, so the cache written after it holds every function synth compiled.
  if (bundled) loadWithCodeCache(bundle, { writeAtExit: true });
  else require(join(root, "main.ts"));
} catch (error) {
  hcl?.child.kill();
  // Both list every problem in their message; their stack traces point into synth machinery.
  if (!["ConfigError", "GuardrailViolationError"].includes(error?.name)) throw error;
  console.error(error.message);
  process.exit(1);
}

// `cdktf synth --hcl` asks for HCL instead of JSON; the summary reads JSON, so it has nothing to read then.
if (/^(true|1)$/.test(process.env.SYNTH_HCL_OUTPUT ?? "")) process.exit(0);

const { manifestStackIds, writeSynthSummary } = require(bundled ? join(root, "dist", "synth-summary.js") : join(root, "scripts", "synth-summary.ts"));
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

function startHclSynth() {
  const dir = mkdtempSync(join(tmpdir(), "voice-infra-hcl-"));
  const args = bundled ? [bundle] : ["--require", require.resolve("ts-node/register"), join(root, "main.ts")];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...(bundled ? {} : TS_NODE), SYNTH_HCL_OUTPUT: "true", CDKTF_OUTDIR: dir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const done = new Promise((resolveDone, reject) => {
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolveDone() : reject(new Error(`HCL synth exited with code ${code}`))));
  });
  return { dir, child, done };
}
