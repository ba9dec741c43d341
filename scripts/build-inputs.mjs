// Freshness of generated bundles: a build records the files it read and when it started; the bundle is fresh
// while none of them changed after that. A few ms of `stat` instead of a rebuild.
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** What scripts/synth.mjs compares against to decide whether dist/main.js and dist/synth-summary.js are stale. */
export const BUILD_INPUTS_FILE = join(root, "dist", "build-inputs.json");

// Dependencies count as one input: npm rewrites node_modules/.package-lock.json on every install.
const DEPENDENCIES = "node_modules/.package-lock.json";

/** Records `inputs` (esbuild metafile input paths, relative to the project) of a build that began at `startedAt`. */
export function recordInputs(recordFile, startedAt, inputs, extra = []) {
  const files = [...new Set([...inputs.filter((file) => !file.includes("node_modules/")), DEPENDENCIES, ...extra])].sort();
  writeFileSync(recordFile, JSON.stringify({ startedAt, inputs: files }, null, 2));
}

/** True when the build's record and `outputs` exist and no recorded input changed after the build started. */
export function inputsUnchanged(recordFile, outputs) {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(recordFile, "utf8"));
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
  if (outputs.some((file) => mtime(file) === undefined)) return false;
  return recorded.inputs.every((file) => {
    const modified = mtime(file);
    return modified !== undefined && modified < recorded.startedAt;
  });
}
