import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { TEST_MODULES, testModulesPlugin } from "./scripts/test-modules.mjs";

const fromSources = process.env.VITEST_SOURCE_MODULES === "1";

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
    pool: "threads",
    // Whether a worker is recycled after each file is decided here for the whole run, not per project: with the
    // default (isolate: true) every unit file got a fresh thread that reloaded cdktf and synthesized every
    // environment again (~10x the CPU). Projects that need isolation ask for it below.
    poolOptions: {
      threads: {
        maxThreads: 2,
        minThreads: 1,
        isolate: false,
        // tinypool shells out twice to count physical cores in every worker; this answers it in process.
        execArgv: ["--require", fileURLToPath(new URL("./scripts/physical-cores-preload.cjs", import.meta.url))],
      },
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["__tests__/unit/**/*.test.ts"],
          // Files share one module graph per worker, so each environment is synthesized once per worker.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["__tests__/integration/**/*.test.ts"],
          isolate: false,
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "terraform",
          include: ["__tests__/terraform/**/*.test.ts"],
          // One file at a time, after the unit files: each file runs at most 2 terraform processes, so the
          // machine's 2 cores never see more than 2 at once.
          poolOptions: { threads: { singleThread: true, isolate: true } },
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
