// Loads a CommonJS bundle like `require` would, but with V8's code cache: the functions compiled by the last run
// are stored beside the bundle and reused instead of parsing and compiling megabytes of JavaScript again (10-20 %
// of a synth, a third of a test worker's start). Used by scripts/synth.mjs for dist/main.js and by the test shims
// for dist/test-modules/modules.cjs.
"use strict";
const { readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { basename, dirname, join } = require("node:path");
const vm = require("node:vm");

const loaded = new Map();

/**
 * The bundle's `module.exports`, run once per process (or worker thread) and file. The bundle must be pure ASCII
 * (scripts/build.mjs makes it so): latin1 is then the same text and decodes ~100x faster than UTF-8.
 *
 * V8 checks a cache only against the source's length, so the cache file is named after the bundle's size and
 * mtime, and a new bundle never meets an old cache. A missing or rejected cache is written after the bundle's top
 * level ran, so that it holds every function that compiled (for dist/main.js, the top level is the whole synth).
 */
function loadWithCodeCache(file) {
  if (loaded.has(file)) return loaded.get(file).exports;
  const { size, mtimeMs } = statSync(file);
  const cacheFile = `${file}.${size}-${Math.trunc(mtimeMs)}.v8cache`;
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
  if (cachedData === undefined || script.cachedDataRejected) writeCodeCache(file, cacheFile, script);
  return module.exports;
}

/** Replaces the bundle's old caches; one that cannot be written only means the next run compiles again. */
function writeCodeCache(file, cacheFile, script) {
  try {
    const prefix = `${basename(file)}.`;
    for (const name of readdirSync(dirname(file))) {
      if (name.startsWith(prefix) && name.endsWith(".v8cache") && join(dirname(file), name) !== cacheFile) rmSync(join(dirname(file), name), { force: true });
    }
    // Written under a unique name and renamed, so that a reader (another test worker) never sees half a file.
    const partial = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
  } catch (error) {
    console.error(`code cache not written: ${error.message}`);
  }
}

module.exports = { loadWithCodeCache };
