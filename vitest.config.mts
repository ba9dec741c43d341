import { defineConfig } from "vitest/config";
import { speedupOn } from "./scripts/speedups.cjs";
import { TEST_MODULES, testModulesPlugin } from "./scripts/test-modules.mjs";

// The test speed-ups below are switched in scripts/speedups.cjs: VOICE_INFRA_NO_SPEEDUPS=1 turns them all off (and the
// runtime speed-ups in patches/ with them), VITEST_SOURCE_MODULES=1 only the test bundle.
const fromSources = !speedupOn("test-bundle");

// Three projects: `unit` (stacks, constructs, config and guardrails, each against one synthesized environment:
// the fast loop, `npm run test:unit`), `integration` (whole apps: every blueprint, byte-identical output, generated
// configurations, the resolver against cdktf's own) and `terraform` (real terraform binaries). `npm test` runs all.
export default defineConfig({
  // Tests import the project's modules from one prebuilt bundle (scripts/test-modules.mjs), not module by module.
  plugins: fromSources ? [] : [testModulesPlugin()],
  test: {
    server: { deps: { external: [TEST_MODULES] } },
    globals: true,
    setupFiles: ["__tests__/support/setup.ts"],
    globalSetup: ["__tests__/support/global-setup.ts"],
    // Child processes rather than threads, to give them V8 flags of their own (a thread shares its process's):
    // without the optimizing compiler (--no-opt) a suite's few seconds of varied code run on the interpreter and
    // the baseline compiler, and TurboFan's background compiles, which never paid for themselves in so short a
    // run, no longer take CPU from the other worker (~15 % less CPU for the unit and integration suites).
    pool: "forks",
    execArgv: speedupOn("test-workers-no-opt") ? ["--no-opt"] : [],
    maxWorkers: 2,
    // With the default (isolate: true) every file got a fresh worker that reloaded cdktf and synthesized every
    // environment again (~10x the CPU). Files of one worker share one module graph, so each environment is
    // synthesized once per worker; the terraform project asks for isolation below.
    isolate: false,
    // The test files' transforms (TypeScript, imports resolved to the bundle's shims) are kept on disk between
    // runs, in node_modules/.experimental-vitest-cache, keyed by each file's content and the configuration; the
    // plugin adds the bundle's module map to the key (scripts/test-modules.mjs). A third of the unit suite's CPU
    // was vite transforming the same unchanged test files on every run.
    experimental: { fsModuleCache: speedupOn("test-transform-cache") },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["__tests__/unit/**/*.test.ts"] },
      },
      {
        extends: true,
        test: { name: "integration", include: ["__tests__/integration/**/*.test.ts"], testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: "terraform",
          include: ["__tests__/terraform/**/*.test.ts"],
          // One file at a time, after the other projects: each file runs at most 2 terraform processes, so the
          // machine's 2 cores never see more than 2 at once.
          maxWorkers: 1,
          isolate: true,
          sequence: { groupOrder: 1 },
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
