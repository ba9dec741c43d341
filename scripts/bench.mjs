// `npm run bench`: one run, one machine, every number we care about, measured against the stock CDKTF path.
//
//   node scripts/bench.mjs [--runs 5] [--grid-runs 3] [--test-runs 1] [--skip stock,unit,integration,test,grid] [--out bench/results.json]
//
// Each command runs N times (the synth commands interleaved, so drift in machine load hits all of them alike)
// after one untimed warm-up; the tables show median, min and max wall time and the highest peak RSS seen. Every
// synth writes to a scratch directory, never to cdktf.out. Prints markdown tables and writes them as JSON.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { linearFit, median, renderMarkdown, round3 } from "./bench-report.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const GRID_ENVIRONMENTS = [1, 3, 6];
const GRID_SERVICES = [2, 10, 30];
const options = parseOptions(process.argv.slice(2));
const scratch = mkdtempSync(join(os.tmpdir(), "voice-infra-bench-"));
const rssProbe = join(scratch, "rss-probe.cjs");
const useGnuTime = existsSync("/usr/bin/time");
// The cdktf CLI phones home for version checks unless told not to; offline that is a timeout, not work.
const baseEnv = { ...process.env, CHECKPOINT_DISABLE: "1", FORCE_COLOR: "0" };
delete baseEnv.INFRA_ENVS;
delete baseEnv.CDKTF_OUTDIR;

// The engineer's loop is edit, then synth or test: touching one stack's source (no content change) makes both
// the synth bundle and the test bundle stale, as an edit would.
const EDITED_SOURCE = join(root, "stacks", "vpc-stack.ts");
const touchSource = () => utimesSync(EDITED_SOURCE, new Date(), new Date());

const started = Date.now();
const loadBefore = os.loadavg()[0];
const results = [];
const notes = [];

try {
  writeFileSync(
    rssProbe,
    `process.on("exit", () => { const u = process.resourceUsage(); require("fs").appendFileSync(process.env.BENCH_RSS_FILE, [u.maxRSS, u.userCPUTime / 1e6, u.systemCPUTime / 1e6].join(" ") + "\\n"); });\n`,
  );

  log("bundle: node scripts/build.mjs");
  results.push(
    measure("build", "esbuild bundles (`npm run build`: the project bundle; dist/vendor.cjs is fresh)", ["node", "scripts/build.mjs"], {
      runs: Math.min(options.runs, 3),
    }),
  );

  // The floor the issue asks for: the same app as one prebuilt bundle (packages inlined, no vendor bundle, no
  // code cache), run by plain node.
  // Inside the project, so the runtime patches resolve cdktf's own modules (cdktf/lib/hcl/render) from node_modules.
  const singleBundle = join(root, "dist", "bench-main-single.js");
  await buildSingleBundle(singleBundle);
  const synthCommands = [
    {
      id: "synth",
      label: "`npm run synth` (ours: fresh bundle, in-process synth, summary)",
      command: ["npm", "run", "--silent", "synth"],
      outdirEnv: true,
    },
    {
      id: "synthAfterEdit",
      label: "`npm run synth` after a source edit (the project bundle rebuilt first)",
      command: ["npm", "run", "--silent", "synth"],
      outdirEnv: true,
      beforeRun: touchSource,
    },
    { id: "direct", label: "`node scripts/synth.mjs` (ours without npm's own start-up)", command: ["node", "scripts/synth.mjs"], outdirEnv: true },
    {
      id: "synthAllBlueprints",
      label: "`INFRA_BLUEPRINTS=all npm run synth` (every blueprint: what a CI run of all of them pays)",
      command: ["npm", "run", "--silent", "synth"],
      outdirEnv: true,
      env: { INFRA_BLUEPRINTS: "all" },
    },
    {
      id: "bundles",
      label: "`node dist/main.js` (our bundles with their code caches, no npm, no summary)",
      command: ["node", "dist/main.js"],
      outdirEnv: true,
    },
    {
      id: "floor",
      label: "floor: main.ts as one self-contained esbuild bundle, run by plain `node`",
      command: ["node", singleBundle],
      outdirEnv: true,
    },
  ];
  if (!options.skip.has("stock")) {
    // What `cdktf init --template typescript` sets up: the CLI runs main.ts through ts-node, type-checking it.
    synthCommands.push({
      id: "stock",
      label: '`npx cdktf synth --app "npx ts-node main.ts"` (stock CDKTF: the TypeScript template\'s app command)',
      command: ["npx", "cdktf", "synth", "--app", "npx ts-node main.ts", "--output", "{outdir}"],
    });
    // The same CLI running this project's cdktf.json app, i.e. our fast path inside it: the CLI's own cost.
    synthCommands.push({
      id: "cli",
      label: "`npx cdktf synth` (the CLI running our cdktf.json app)",
      command: ["npx", "cdktf", "synth", "--output", "{outdir}"],
    });
  }
  log(`synth: ${synthCommands.map((c) => c.id).join(", ")} interleaved, ${options.runs} runs + warm-up`);
  results.push(...measureInterleaved(synthCommands, options.runs));

  const grid = options.skip.has("grid") ? [] : await measureGrid();
  // A vitest suite: its npm script `runs` times, vitest's own duration beside the wall clock, failures tolerated.
  const measureSuite = (id, label, script, extra = {}) =>
    measure(id, label, ["npm", "run", "--silent", script], { runs: options.runs, vitestDuration: true, testSuite: true, ...extra });
  if (!options.skip.has("unit")) {
    log(`unit suite: ${options.runs} runs`);
    results.push(measureSuite("unit", "unit suite (`npm run test:unit`)", "test:unit"));
    log(`unit suite after a source edit: ${options.runs} runs`);
    results.push(
      measureSuite("unitAfterEdit", "unit suite after a source edit (the test bundle rebuilt first)", "test:unit", { beforeRun: touchSource }),
    );
  }
  if (!options.skip.has("integration")) {
    log(`integration suite: ${options.runs} runs`);
    results.push(measureSuite("integration", "integration suite (`npm run test:integration`)", "test:integration"));
  }
  if (!options.skip.has("test") && options.testRuns > 0) {
    log(`full npm test: ${options.testRuns} run(s)`);
    results.push(
      measure("test", "full `npm test` (typecheck, unit, integration, terraform suites)", ["npm", "test", "--silent"], {
        runs: options.testRuns,
        warmUp: false,
        testSuite: true,
      }),
    );
  }

  const app = appSize(join(scratch, "synth-out"));
  const report = buildReport(app, grid);
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${renderMarkdown(report)}`);
  console.log(`\nwrote ${options.out} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(join(root, "dist", "bench-main-single.js"), { force: true });
}

function measureInterleaved(commands, runs) {
  const samples = new Map(commands.map((c) => [c.id, []]));
  for (let round = 0; round <= runs; round++) {
    for (const c of commands) {
      const outdir = join(scratch, `${c.id}-out`);
      rmSync(outdir, { recursive: true, force: true });
      const command = c.command.map((part) => part.replace("{outdir}", outdir));
      c.beforeRun?.();
      const sample = runOnce(command, { ...(c.outdirEnv ? { CDKTF_OUTDIR: outdir } : {}), ...c.env });
      if (round > 0) samples.get(c.id).push(sample);
    }
  }
  return commands.map((c) => summarize(c.id, c.label, c.command.join(" "), samples.get(c.id)));
}

/** A test suite that fails is still timed (and marked), so one red test does not cost the whole benchmark. */
function measure(id, label, command, { runs, warmUp = true, vitestDuration = false, testSuite = false, env = {}, beforeRun }) {
  const run = () => {
    beforeRun?.();
    return runOnce(command, env, { vitestDuration, allowFailure: testSuite });
  };
  if (warmUp) run();
  const samples = Array.from({ length: runs }, run);
  const failed = samples.filter((s) => s.exitCode !== 0).length;
  if (failed > 0)
    notes.push(
      `${label}: ${failed} of ${samples.length} timed runs failed (exit ${samples.find((s) => s.exitCode !== 0).exitCode}); their times are included`,
    );
  return summarize(id, failed > 0 ? `${label} (failing)` : label, command.join(" "), samples);
}

async function buildSingleBundle(outfile) {
  const { build } = await import("esbuild");
  const { bundleOptions } = await import("./bundle-options.mjs");
  await build({ ...bundleOptions, entryPoints: ["main.ts"], outfile });
}

/** Synth of generated configs at growing size: the bench app is main.ts's synth over `benchConfigs(envs, services)`. */
async function measureGrid() {
  const { build } = await import("esbuild");
  const { bundleOptions } = await import("./bundle-options.mjs");
  const bundle = join(scratch, "bench-app.js");
  await build({ ...bundleOptions, entryPoints: ["scripts/bench-app.ts"], outfile: bundle });
  const cells = [];
  for (const environments of GRID_ENVIRONMENTS) {
    for (const services of GRID_SERVICES) {
      log(`grid: ${environments} environments x ${services} services, ${options.gridRuns} runs`);
      const outdir = join(scratch, "grid-out");
      const env = { BENCH_ENVIRONMENTS: String(environments), BENCH_SERVICES: String(services), BENCH_OUTDIR: outdir };
      const samples = [];
      for (let run = cells.length === 0 ? -1 : 0; run < options.gridRuns; run++) {
        rmSync(outdir, { recursive: true, force: true });
        const sample = runOnce(["node", bundle], env);
        if (run >= 0) samples.push(sample);
      }
      const size = appSize(outdir);
      cells.push({ environments, services, ...size, ...summarize(`grid-${environments}x${services}`, "", "node bench-app.js", samples) });
    }
  }
  return cells;
}

/**
 * Runs a command once: wall seconds, CPU seconds (user + system of the whole process tree: less sensitive than
 * wall time to other load on the machine), peak RSS of the largest process in the tree, vitest's own duration.
 */
function runOnce(command, env, { vitestDuration = false, allowFailure = false } = {}) {
  const rssFile = join(scratch, "rss.txt");
  rmSync(rssFile, { force: true });
  const [program, ...args] = useGnuTime ? ["/usr/bin/time", "-f", "%M %U %S", "-o", rssFile, ...command] : command;
  const childEnv = { ...baseEnv, ...env };
  if (!useGnuTime) {
    childEnv.BENCH_RSS_FILE = rssFile;
    childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ""} --require ${rssProbe}`.trim();
  }
  const t0 = performance.now();
  const result = spawnSync(program, args, { cwd: root, env: childEnv, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  if (result.status !== 0 && !(allowFailure && result.status !== null && existsSync(rssFile))) {
    throw new Error(
      `${command.join(" ")} failed (exit ${result.status}):\n${(result.stdout ?? "").slice(-2000)}\n${(result.stderr ?? "").slice(-4000)}`,
    );
  }
  // One line per process ("maxRSS user system"): /usr/bin/time writes one for the tree, the probe one per node.
  const usage = readFileSync(rssFile, "utf8")
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter((fields) => fields.length === 3 && fields.every(Number.isFinite));
  const sample = {
    seconds,
    exitCode: result.status,
    cpuSeconds: usage.reduce((sum, [, user, system]) => sum + user + system, 0),
    rssMb: Math.max(0, ...usage.map(([rss]) => rss)) / 1024,
  };
  if (vitestDuration) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the ANSI colour codes vitest prints.
    const match = /Duration\s+([\d.]+)(ms|s)/.exec(result.stdout.replace(/\x1b\[[0-9;]*m/g, ""));
    if (match) sample.vitestSeconds = Number(match[1]) / (match[2] === "ms" ? 1000 : 1);
  }
  return sample;
}

function summarize(id, label, command, samples) {
  const seconds = samples.map((s) => s.seconds);
  const summary = {
    id,
    label,
    command,
    runs: samples.length,
    median: median(seconds),
    min: Math.min(...seconds),
    max: Math.max(...seconds),
    cpuMedian: median(samples.map((s) => s.cpuSeconds)),
    peakRssMb: Math.max(...samples.map((s) => s.rssMb)),
    samples: seconds.map(round3),
  };
  const vitest = samples.map((s) => s.vitestSeconds).filter((v) => v !== undefined);
  if (vitest.length > 0) summary.vitestDurationMedian = median(vitest);
  return summary;
}

function buildReport(app, grid) {
  const byId = Object.fromEntries(results.map((r) => [r.id, r]));
  const ratios = {
    oursOverFloor: byId.synth.median / byId.floor.median,
    oursOverFloorCpu: byId.synth.cpuMedian / byId.floor.cpuMedian,
    oursWithoutNpmOverFloor: byId.direct.median / byId.floor.median,
  };
  if (byId.stock) {
    ratios.stockOverOurs = byId.stock.median / byId.synth.median;
    ratios.stockOverOursCpu = byId.stock.cpuMedian / byId.synth.cpuMedian;
    ratios.cliOverOurs = byId.cli.median / byId.synth.median;
    ratios.cliOverOursWithoutNpm = byId.cli.median / byId.direct.median;
  }
  if (loadBefore > os.availableParallelism()) {
    notes.push(
      `the machine was busy before the run (load average ${loadBefore.toFixed(1)} on ${os.availableParallelism()} CPUs): wall times are inflated; ` +
        "the interleaved ratios and the CPU columns hold up better",
    );
  }
  const report = {
    generatedAt: new Date(started).toISOString(),
    durationSeconds: Math.round((Date.now() - started) / 1000),
    machine: {
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
      memoryGb: round3(os.totalmem() / 1024 ** 3),
      node: process.version,
      cdktf: JSON.parse(readFileSync(join(root, "node_modules", "cdktf", "package.json"), "utf8")).version,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage1m: { before: round3(loadBefore), after: round3(os.loadavg()[0]) },
      rssFrom: useGnuTime ? "/usr/bin/time %M (largest process of the command)" : "process.resourceUsage().maxRSS of every node process (largest)",
    },
    options: { runs: options.runs, gridRuns: options.gridRuns, testRuns: options.testRuns, skipped: [...options.skip] },
    app,
    results,
    ratios,
    grid,
    notes,
  };
  if (grid.length >= 3) {
    report.gridFit = {
      seconds: linearFit(grid.map((c) => [c.resources, c.median])),
      cpuSeconds: linearFit(grid.map((c) => [c.resources, c.cpuMedian])),
      peakRssMb: linearFit(grid.map((c) => [c.resources, c.peakRssMb])),
    };
    if (new Set(grid.filter((c) => c.environments === grid[0].environments).map((c) => c.resources)).size === 1) {
      notes.push("the services axis changes no resource count: the app has no per-service resources yet");
    }
  }
  return report;
}

/** Stacks and resources in a synth output tree (one or more App outdirs below `dir`). */
function appSize(dir) {
  let stacks = 0;
  let resources = 0;
  for (const manifestDir of findManifests(dir)) {
    const manifest = JSON.parse(readFileSync(join(manifestDir, "manifest.json"), "utf8"));
    for (const stack of Object.values(manifest.stacks)) {
      const json = JSON.parse(readFileSync(join(manifestDir, stack.synthesizedStackPath), "utf8"));
      stacks += 1;
      resources += Object.values(json.resource ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
    }
  }
  return { stacks, resources };
}

function findManifests(dir) {
  if (!existsSync(dir)) return [];
  if (existsSync(join(dir, "manifest.json"))) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => findManifests(join(dir, entry.name)));
}

function parseOptions(argv) {
  const value = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  const positive = (name, fallback, min = 1) => {
    const n = Number(value(name, fallback));
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}`);
    return n;
  };
  const runs = positive("runs", process.env.BENCH_RUNS ?? 5);
  return {
    runs,
    gridRuns: positive("grid-runs", Math.min(runs, 3)),
    testRuns: positive("test-runs", 1, 0),
    skip: new Set(String(value("skip", "")).split(",").filter(Boolean)),
    out: resolve(root, value("out", "bench/results.json")),
  };
}

function log(message) {
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}
