// Bundles main.ts with esbuild into dist/main.js: one file of project code for node to load instead of hundreds
// of modules through a TypeScript loader, with the packages it imports in dist/vendor.cjs (scripts/vendor.mjs).
// No type checking here; `npm run typecheck` (part of `npm test`) does that. Also bundles the synth summary
// (dist/synth-summary.js) that scripts/synth.mjs prints after synthesis.
import { build } from "esbuild";
import { isAscii } from "node:buffer";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BUILD_INPUTS_FILE, recordInputs } from "./build-inputs.mjs";
import { ensureVendor, vendorImports, vendoredSpecifiers } from "./vendor.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));


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
  // Without comments (zod's locales carry non-ASCII ones) the bundle is pure ASCII: Node reads it as latin1 in a
  // fraction of a millisecond instead of ~50 ms of UTF-8 decoding, and V8 keeps it as a one-byte string. Names stay.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  charset: "ascii",
  logLevel: "warning",
  plugins: [hclEscaping],
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
