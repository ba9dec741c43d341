import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { SCRATCH_BASE, SCRATCH_ROOT_ENV } from "./scratch";

// Every project of a run calls this (vitest runs a root globalSetup once per project), possibly from separate
// module instances, so the count of projects still running lives on the process.
const RUNNING_PROJECTS = Symbol.for("voice-infra.test-projects-running");
const state = globalThis as { [RUNNING_PROJECTS]?: number };

/** Makes the run's scratch directory before the first project starts; removes it when the last one ends. */
export default function setup(): () => void {
  state[RUNNING_PROJECTS] = (state[RUNNING_PROJECTS] ?? 0) + 1;
  process.env[SCRATCH_ROOT_ENV] ??= mkdtempSync(join(SCRATCH_BASE, "voice-infra-tests-"));
  return () => {
    state[RUNNING_PROJECTS]! -= 1;
    if (state[RUNNING_PROJECTS] === 0) {
      rmSync(process.env[SCRATCH_ROOT_ENV]!, { recursive: true, force: true });
      delete process.env[SCRATCH_ROOT_ENV];
    }
  };
}
