// Bundles main.ts with esbuild into dist/main.js: one file of project code for node to load instead of hundreds
// of modules through a TypeScript loader, with the packages it imports in dist/vendor.cjs (scripts/vendor.mjs).
// No type checking here; `npm run typecheck` (part of `npm test`) does that. Also bundles the synth summary
// (dist/synth-summary.js) that scripts/synth.mjs prints after synthesis. Bundles are a speed-up
// (scripts/speedups.cjs): with VOICE_INFRA_NO_SPEEDUPS=1 scripts/synth.mjs runs the TypeScript sources instead, and
// the output is the same byte for byte. Nothing here may change what the code does (the HCL quoting fix that was an
// esbuild plugin here is a runtime patch now, patches/hcl-quoting.ts, so that it holds on every path).
import { build } from "esbuild";
import { pathToFileURL } from "node:url";
import { BUILD_INPUTS_FILE, recordInputs } from "./build-inputs.mjs";
import { assertAscii, bundleOptions } from "./bundle-options.mjs";
import { ensureVendor, vendorImports, vendoredSpecifiers } from "./vendor.mjs";

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
  recordInputs(BUILD_INPUTS_FILE, startedAt, Object.keys(result.metafile.inputs), [
    "scripts/build.mjs",
    "scripts/bundle-options.mjs",
    "scripts/vendor.mjs",
  ]);
}

// No top-level await: vitest bundles this file into its config (through scripts/test-modules.mjs).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildBundles().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
