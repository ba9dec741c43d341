// Loads a CommonJS bundle like `require` would, but with V8's code cache: the functions compiled by the last run
// are stored beside the bundle and reused instead of parsing and compiling megabytes of JavaScript again (10-20 %
// of a synth, a third of a test worker's start). scripts/synth.mjs loads dist/main.js with it; the bundles load
// dist/vendor.cjs with it (scripts/vendor.mjs); the test shims load dist/test-modules/modules.cjs with it.
"use strict";
const { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { basename, dirname, join, resolve } = require("node:path");
const v8 = require("node:v8");
const vm = require("node:vm");
const { speedupOn } = require("./speedups.cjs");

/** Off with VOICE_INFRA_NO_SPEEDUPS=1 (scripts/speedups.cjs): no cache is read or written; bundles load as Node would. */
const useCodeCache = speedupOn("code-cache");

const loaded = new Map();
/** Caches to write once the process has done its work (see `loadWithCodeCache`). */
const pending = [];
process.on("exit", () => {
  for (const write of pending.splice(0)) write();
});

/**
 * The bundle's `module.exports`, run once per process (or worker thread) and file. The bundle must be pure ASCII
 * (scripts/build.mjs makes it so): latin1 is then the same text and decodes ~100x faster than UTF-8.
 *
 * V8 checks a cache only against the source's length, so the cache file is named after the bundle's size and
 * mtime, and a new bundle never meets an old cache. It also rejects a cache made under other V8 flags, so the
 * name carries V8's tag for version and flags: `npx cdktf synth` runs the app with --max-old-space-size=4096,
 * and one shared cache was rejected and rewritten by every alternate run. `tag` keeps apart the caches of uses
 * that compile different parts of one bundle (synth and the test workers).
 *
 * A missing or rejected cache is written right after the bundle's top level ran, or with `writeAtExit` when the
 * process exits: for synth, whose caches then hold every function the whole synth compiled. (Not for test
 * workers: vitest kills them, and no exit handler of theirs runs.)
 */
function loadWithCodeCache(bundle, { tag = "", writeAtExit = false } = {}) {
  const file = resolve(bundle);
  if (loaded.has(file)) return loaded.get(file).exports;
  if (!useCodeCache) {
    const exports = require(file);
    loaded.set(file, { exports });
    return exports;
  }
  const { size, mtimeMs } = statSync(file);
  const version = `${size}-${Math.trunc(mtimeMs)}`;
  const cacheFile = `${file}.${version}.${v8.cachedDataVersionTag()}${tag ? `.${tag}` : ""}.v8cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, "latin1")}\n});`;
  const script = new vm.Script(source, {
    filename: file,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {}, filename: file, id: file };
  loaded.set(file, module);
  try {
    script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  } catch (error) {
    loaded.delete(file);
    throw error;
  }
  if (cachedData === undefined || script.cachedDataRejected) {
    const write = () => writeCodeCache(file, version, cacheFile, script);
    if (writeAtExit) pending.push(write);
    else write();
  }
  return module.exports;
}

/**
 * The `require` of a bundle whose dependencies are in a vendor bundle (scripts/vendor.mjs puts it in place at the
 * bundle's top): a module of one of `packages` comes from `vendorFile`, loaded with `options`; anything else from
 * Node (`nodeRequire`, the bundle's own).
 */
function vendorRequire(nodeRequire, vendorFile, packages, options) {
  const vendored = (specifier) => packages.some((name) => specifier === name || specifier.startsWith(`${name}/`));
  const vendorRequire = (specifier) => {
    if (!vendored(specifier)) return nodeRequire(specifier);
    const exports = loadWithCodeCache(vendorFile, options);
    if (!Object.hasOwn(exports, specifier)) throw new Error(`${vendorFile} lacks ${specifier}; \`npm run build\` rebuilds it`);
    return exports[specifier];
  };
  return Object.assign(vendorRequire, { resolve: nodeRequire.resolve, cache: nodeRequire.cache, main: nodeRequire.main });
}

/** Replaces the bundle's caches for older versions of it; one that cannot be written only means the next run compiles again. */
function writeCodeCache(file, version, cacheFile, script) {
  try {
    const prefix = `${basename(file)}.`;
    for (const name of readdirSync(dirname(file))) {
      if (name.startsWith(prefix) && name.endsWith(".v8cache") && !name.startsWith(`${prefix}${version}.`))
        rmSync(join(dirname(file), name), { force: true });
    }
    // Written under a unique name and renamed, so that a reader (another test worker) never sees half a file.
    const partial = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
  } catch (error) {
    console.error(`code cache not written: ${error.message}`);
  }
}

module.exports = { loadWithCodeCache, vendorRequire };
