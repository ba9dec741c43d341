// The one seam for the speed-ups: what each one is, where it lives, and the one switch that turns them all off.
//
//   VOICE_INFRA_NO_SPEEDUPS=1 npm run synth     synth exactly as stock CDKTF would: main.ts run from its TypeScript
//                                               sources (ts-node, transpile only), cdktf's own resolver and token
//                                               stack traces, no bundles and no code caches
//   VOICE_INFRA_NO_SPEEDUPS=1 npx vitest ...    the tests against the sources, cdktf unpatched, no transform cache
//
// The output is byte-identical either way (__tests__/integration/speedups.test.ts); the speed-ups only make it
// arrive sooner. Every program and module that has a speed-up asks `speedupOn(name)` here and reads no variable of
// its own. The runtime fixes in patches/ (HCL quoting, ephemeral blocks in HCL) are not speed-ups: they change
// output, so they stay on whatever the switch says. docs/performance.md describes each speed-up.
//
// Plain CommonJS with no imports, so that everything can load it: the .mjs build scripts, scripts/code-cache.cjs
// (which the bundles load first), vitest.config.mts and, through require(), the TypeScript in patches/.
"use strict";

/** Set (to anything but "", 0 or false) to turn every speed-up off. */
const NO_SPEEDUPS = "VOICE_INFRA_NO_SPEEDUPS";

/**
 * Every speed-up by name, with where it lives and the narrower variable that turns off only it (`offWith`), kept
 * from before the seam existed.
 */
const SPEEDUPS = {
  "fast-resolve": {
    what: "cdktf's token resolver replaced by a port that walks plain data without allocating",
    where: "patches/fast-resolve.ts, installed by patches/index.ts",
  },
  "no-token-stack-traces": {
    what: "cdktf records no stack trace for every token it creates",
    where: "patches/index.ts",
    offWith: "CDKTF_TOKEN_STACK_TRACES",
  },
  bundles: {
    what: "synth runs main.ts as esbuild bundles (dist/main.js, dist/vendor.cjs) rebuilt only when an input changed, instead of from the TypeScript sources",
    where: "scripts/synth.mjs, scripts/build.mjs, scripts/vendor.mjs, scripts/build-inputs.mjs",
  },
  "code-cache": {
    what: "bundles load with V8's code cache of the previous run, read as latin1",
    where: "scripts/code-cache.cjs",
  },
  "test-bundle": {
    what: "tests import the project's modules and packages from prebuilt bundles through a vitest plugin",
    where: "scripts/test-modules.mjs, vitest.config.mts",
    offWith: "VITEST_SOURCE_MODULES",
  },
  "test-transform-cache": {
    what: "vitest keeps test files' transforms on disk between runs (experimental.fsModuleCache)",
    where: "vitest.config.mts",
  },
  "test-workers-no-opt": {
    what: "vitest workers run without V8's optimizing compiler (--no-opt)",
    where: "vitest.config.mts",
  },
};

const isSet = (value) => value !== undefined && !["", "0", "false"].includes(value);

/** False when every speed-up is off (VOICE_INFRA_NO_SPEEDUPS=1). */
function speedupsOn(env = process.env) {
  return !isSet(env[NO_SPEEDUPS]);
}

/** Whether the speed-up `name` (a key of SPEEDUPS) is on: neither VOICE_INFRA_NO_SPEEDUPS nor its own `offWith` is set. */
function speedupOn(name, env = process.env) {
  const speedup = SPEEDUPS[name];
  if (!speedup) throw new Error(`unknown speed-up "${name}"; known: ${Object.keys(SPEEDUPS).join(", ")}`);
  return speedupsOn(env) && !(speedup.offWith && isSet(env[speedup.offWith]));
}

module.exports = { NO_SPEEDUPS, SPEEDUPS, speedupOn, speedupsOn };
