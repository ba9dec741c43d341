// Bundles main.ts with esbuild into dist/main.js: one file for node to load instead of hundreds of
// modules through a TypeScript loader. No type checking here; `npm run typecheck` (part of `npm test`) does that.
import { build } from "esbuild";

await build({
  entryPoints: ["main.ts"],
  outfile: "dist/main.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: false,
  logLevel: "warning",
});
