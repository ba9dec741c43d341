// The registry this project installs from mirrors only the Linux builds of rollup's native packages, so
// `npm install` leaves the other platforms' optional entries out of package-lock.json and `npm ci` then
// refuses the lock as out of sync. This adds those entries (os/cpu only, never fetched on Linux).
// Run after any `npm install` that changes the lock: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;
const cpuOf = (arch) => (arch.startsWith("arm-") ? "arm" : arch.split("-")[0]);

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  if (!path.endsWith("node_modules/rollup") || !entry.optionalDependencies) continue;
  const base = path.slice(0, -"rollup".length);
  for (const name of Object.keys(entry.optionalDependencies)) {
    const match = /^@rollup\/rollup-([a-z0-9]+)-(.+)$/.exec(name);
    if (!match || packages[base + name]) continue;
    const [, os, arch] = match;
    const libc = /-(gnu|musl)/.exec(arch)?.[1];
    packages[base + name] = {
      version: entry.version,
      cpu: [cpuOf(arch)],
      license: "MIT",
      optional: true,
      os: [os],
      ...(os === "linux" && libc ? { libc: [libc === "gnu" ? "glibc" : "musl"] } : {}),
    };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entries`);
