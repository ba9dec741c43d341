// Bundles main.ts with esbuild into dist/main.js: one file for node to load instead of hundreds of
// modules through a TypeScript loader. No type checking here; `npm run typecheck` (part of `npm test`) does that.
// Also bundles the synth summary (dist/synth-summary.js) that scripts/synth.mjs prints after synthesis.
import { build } from "esbuild";
import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** What scripts/synth.mjs compares against to decide whether the bundles are stale. */
export const BUILD_INPUTS_FILE = join(root, "dist", "build-inputs.json");

// cdktf's HCL renderer leaves every quote unescaped in a string that contains an interpolation, so any JSON
// document with a reference in it (IAM policies) comes out as invalid HCL
// (https://github.com/hashicorp/terraform-cdk/issues/3911). Only `synth:hcl` renders HCL; this escapes quotes
// and backslashes outside `${...}` and keeps each interpolation as written.
const hclEscaping = {
  name: "hcl-escaping",
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]cdktf[\\/]lib[\\/]hcl[\\/]render\.js$/ }, async ({ path }) => {
      const source = await readFile(path, "utf8");
      const original = /function escapeQuotes\(str\) \{[\s\S]*?\n\}\n/;
      if (!original.test(source)) throw new Error(`${path}: escapeQuotes not found; revisit the hcl-escaping plugin`);
      return { contents: source.replace(original, `${escapeQuotes.toString()}\n${interpolationEnd.toString()}\n`), loader: "js" };
    });
  },
};

function escapeQuotes(str) {
  let escaped = "";
  for (let i = 0; i < str.length; i++) {
    if (str[i] === "$" && str[i + 1] === "{") {
      const end = interpolationEnd(str, i + 2);
      escaped += str.slice(i, end);
      i = end - 1;
    } else {
      escaped += str[i] === '"' || str[i] === "\\" ? `\\${str[i]}` : str[i];
    }
  }
  return escaped;
}

/** Index just past the `}` that closes an interpolation whose body starts at `from`. */
function interpolationEnd(str, from) {
  let depth = 1;
  let quoted = false;
  for (let i = from; i < str.length; i++) {
    const c = str[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  return str.length;
}

/** esbuild options every bundle of the app shares (the bench bundles its generated-config app with them too). */
export const bundleOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: false,
  logLevel: "warning",
  plugins: [hclEscaping],
};

export async function buildBundles() {
  const startedAt = Date.now();
  const result = await build({
    ...bundleOptions,
    entryPoints: { main: "main.ts", "synth-summary": "scripts/synth-summary.ts" },
    outdir: "dist",
    metafile: true,
  });
  // Dependencies count as one input: npm rewrites node_modules/.package-lock.json on every install.
  const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes("node_modules/"));
  inputs.push("node_modules/.package-lock.json", "scripts/build.mjs");
  writeFileSync(BUILD_INPUTS_FILE, JSON.stringify({ startedAt, inputs }, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildBundles();
