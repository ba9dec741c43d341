// The esbuild options every bundle of the app shares, apart from scripts/build.mjs so that scripts/vendor.mjs
// (which builds the vendor bundle with them and is imported by build.mjs) does not import build.mjs back.
import { isAscii } from "node:buffer";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

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
