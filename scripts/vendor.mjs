// The app's packages (cdktf, the AWS provider's resource modules, zod, constructs) as a bundle of their own,
// dist/vendor.cjs, which the app's bundles (dist/main.js; the tests' dist/test-modules/modules.cjs) load at run
// time instead of each carrying a copy. Nine tenths of the code is theirs and changes only with the dependencies:
// kept apart, an edit rebuilds ~300 KB of project code instead of 3.7 MB, and the packages keep their V8 code
// cache across edits.
import { isAscii } from "node:buffer";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { inputsUnchanged, recordInputs } from "./build-inputs.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

export const VENDOR_FILE = join(root, "dist", "vendor.cjs");
/** The import specifiers the vendor bundle answers, as a sorted JSON array. */
const VENDOR_INDEX = join(root, "dist", "vendor.json");
const VENDOR_INPUTS = join(root, "dist", "vendor-inputs.json");
const CODE_CACHE_LOADER = join(root, "scripts", "code-cache.cjs");

const packageJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
/** The app's own dependencies are vendored; dev tools (vitest, esbuild, emulators) stay Node's. */
export const BUNDLED_PACKAGES = Object.keys(packageJson.dependencies);

/** True for `cdktf`, `@cdktf/provider-aws/lib/vpc` and any other module of a dependency. */
export function isBundledPackage(specifier) {
  return BUNDLED_PACKAGES.some((name) => specifier === name || specifier.startsWith(`${name}/`));
}

/**
 * Builds dist/vendor.cjs unless it already answers every one of `specifiers` and no dependency changed since it
 * was built. A rebuild keeps what the bundle answered before (dist/main.js and the tests import different sets).
 */
export async function ensureVendor(specifiers) {
  const held = inputsUnchanged(VENDOR_INPUTS, [relative(root, VENDOR_FILE), relative(root, VENDOR_INDEX)]) ? heldSpecifiers() : [];
  if (specifiers.every((specifier) => held.includes(specifier))) return;
  const all = [...new Set([...held, ...specifiers])].sort();
  const startedAt = Date.now();
  const [{ build }, { bundleOptions }] = await Promise.all([import("esbuild"), import("./bundle-options.mjs")]);
  // require(), not `import * as`: an entry must be the module's own exports object, since patches/ replaces
  // functions on cdktf's (a namespace copy would take the assignment and leave cdktf's callers unpatched).
  const entry = `module.exports = {\n${all.map((s) => `  ${JSON.stringify(s)}: require(${JSON.stringify(s)}),`).join("\n")}\n};\n`;
  const result = await build({
    ...bundleOptions,
    stdin: { contents: entry, resolveDir: root, loader: "js", sourcefile: "vendor.js" },
    outfile: VENDOR_FILE,
    write: false,
  });
  const contents = result.outputFiles[0].contents;
  // Checked before it replaces anything: scripts/code-cache.cjs reads bundles as latin1.
  if (!isAscii(contents)) throw new Error("dist/vendor.cjs would not be pure ASCII; scripts/code-cache.cjs reads it as latin1");
  // Renamed into place: a test run or synth loading the vendor bundle meanwhile reads the old one or the new one.
  const partial = `${VENDOR_FILE}.${process.pid}.partial`;
  writeFileSync(partial, contents);
  renameSync(partial, VENDOR_FILE);
  writeFileSync(`${VENDOR_INDEX}.${process.pid}.partial`, `${JSON.stringify(all, null, 2)}\n`);
  renameSync(`${VENDOR_INDEX}.${process.pid}.partial`, VENDOR_INDEX);
  recordInputs(VENDOR_INPUTS, startedAt, [], ["scripts/vendor.mjs", "scripts/bundle-options.mjs", "package.json"]);
}

/** What dist/vendor.json says the bundle answers; nothing if it cannot be read (the bundle is then rebuilt). */
function heldSpecifiers() {
  try {
    return JSON.parse(readFileSync(VENDOR_INDEX, "utf8"));
  } catch {
    return [];
  }
}

/**
 * esbuild options for the app's bundles: every dependency stays an external `require`, and the bundle starts by
 * putting a `require` in place that answers those from dist/vendor.cjs (scripts/code-cache.cjs, `vendorRequire`),
 * loaded once per process with `cache` (`{ tag, writeAtExit }`: synth and test workers compile different functions
 * of it). Plain `node dist/main.js` runs the same way. Left to esbuild itself, since a resolve plugin's round trip
 * to JavaScript per import tripled the time of a rebuild after an edit.
 */
export function vendorImports({ outdir, cache }) {
  const fromBundle = (file) => {
    const path = relative(join(root, outdir), file).split("\\").join("/");
    return path.startsWith(".") ? path : `./${path}`;
  };
  const args = [
    "require",
    `require("node:path").join(__dirname,${JSON.stringify(fromBundle(VENDOR_FILE))})`,
    JSON.stringify(BUNDLED_PACKAGES),
    JSON.stringify(cache),
  ];
  return {
    external: BUNDLED_PACKAGES.flatMap((name) => [name, `${name}/*`]),
    // The bundle's own "use strict" comes after the banner; this one keeps the whole bundle strict.
    banner: { js: `"use strict";require=require(${JSON.stringify(fromBundle(CODE_CACHE_LOADER))}).vendorRequire(${args.join(",")});` },
  };
}

/** The dependency modules a build with `vendorImports` requires, for `ensureVendor`. */
export function vendoredSpecifiers(metafile) {
  const specifiers = Object.values(metafile.outputs).flatMap((output) =>
    output.imports.filter((i) => i.external && isBundledPackage(i.path)).map((i) => i.path),
  );
  return [...new Set(specifiers)];
}
