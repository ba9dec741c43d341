// Runs one of the project's TypeScript scripts: `node scripts/run-ts.mjs scripts/graph.ts [args...]` bundles it
// with the app's esbuild options into dist/scripts/ and runs the bundle in this process with the remaining args.
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { build } from "esbuild";
import { bundleOptions } from "./bundle-options.mjs";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error("usage: node scripts/run-ts.mjs <script.ts> [args...]");
  process.exit(2);
}
const outfile = join(bundleOptions.absWorkingDir, "dist", "scripts", `${basename(entry, ".ts")}.js`);
// The emulators read their own files at run time, so they stay in node_modules.
await build({ ...bundleOptions, entryPoints: [entry], outfile, external: ["s3rver", "dynalite"] });
process.argv = [process.argv[0], outfile, ...args];
createRequire(import.meta.url)(outfile);
