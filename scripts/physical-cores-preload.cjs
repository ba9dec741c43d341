// Preloaded into every vitest worker thread (vitest.config.ts, poolOptions.threads.execArgv).
//
// tinypool, which vitest's worker imports, counts physical cores when it loads by running two shell pipelines,
// `cat /proc/cpuinfo | grep "physical id" | sort | uniq | wc -l` and the same for "core id": twelve processes and
// ~150 ms before each worker can run a test. This answers exactly those two commands from /proc/cpuinfo in
// process, with the pipelines' output; every other command runs as before.
"use strict";
const childProcess = require("node:child_process");
const { readFileSync } = require("node:fs");

const countingPipeline = /^cat \/proc\/cpuinfo \| grep "(physical id|core id)" \| sort \|\s*uniq \| wc -l$/;
const execSync = childProcess.execSync;

childProcess.execSync = function execSyncAnsweringCoreCount(command, options) {
  const match = typeof command === "string" ? countingPipeline.exec(command) : null;
  if (match === null) return execSync.apply(this, arguments);
  const lines = readFileSync("/proc/cpuinfo", "latin1").split("\n").filter((line) => line.includes(match[1]));
  const output = `${new Set(lines).size}\n`;
  return options?.encoding && options.encoding !== "buffer" ? output : Buffer.from(output);
};
