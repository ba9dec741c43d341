// Bundles main.ts with esbuild into dist/main.js: one file of project code for node to load instead of hundreds
// of modules through a TypeScript loader, with the packages it imports in dist/vendor.cjs (scripts/vendor.mjs).
// No type checking here; `npm run typecheck` (part of `npm test`) does that. Also bundles the synth summary
// (dist/synth-summary.js) that scripts/synth.mjs prints after synthesis. Bundles are a speed-up
// (scripts/speedups.cjs): with VOICE_INFRA_NO_SPEEDUPS=1 scripts/synth.mjs runs the TypeScript sources instead, and
// the output is the same byte for byte. Nothing here may change what the code does (the HCL quoting fix that was an
// esbuild plugin here is a runtime patch now, patches/hcl-quoting.ts, so that it holds on every path).
import { build } from "esbuild";
import { isAscii } from "node:buffer";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BUILD_INPUTS_FILE, recordInputs } from "./build-inputs.mjs";
import { ensureVendor, vendorImports, vendoredSpecifiers } from "./vendor.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

/** esbuild options every bundle of the app shares (the bench bundles its generated-config app with them too). */
export const bundleOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: false,
  // Without comments (zod's locales carry non-ASCII ones) the bundle is pure ASCII: Node reads it as latin1 in a
  // fraction of a millisecond instead of ~50 ms of UTF-8 decoding, and V8 keeps it as a one-byte string. Names stay.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  charset: "ascii",
  logLevel: "warning",
};

/** scripts/code-cache.cjs reads bundles as latin1, which is only their text when they are pure ASCII. */
export async function assertAscii(files) {
  for (const file of files) {
    if (!isAscii(await readFile(join(root, file)))) throw new Error(`${file} is not pure ASCII; scripts/code-cache.cjs reads it as latin1`);
  }
}

export async function buildBundles() {
  const startedAt = Date.now();
  const result = await build({
    ...bundleOptions,
    ...vendorImports({ outdir: "dist", cache: { tag: "synth", writeAtExit: true } }),
    entryPoints: { main: "main.ts", "synth-summary": "scripts/synth-summary.ts" },
    outdir: "dist",
    metafile: true,
  });
  await ensureVendor(vendoredSpecifiers(result.metafile));
  await assertAscii(["dist/main.js", "dist/synth-summary.js"]);
  recordInputs(BUILD_INPUTS_FILE, startedAt, Object.keys(result.metafile.inputs), ["scripts/build.mjs", "scripts/vendor.mjs"]);
}

// No top-level await: vitest bundles this file into its config (through scripts/test-modules.mjs).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildBundles().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
