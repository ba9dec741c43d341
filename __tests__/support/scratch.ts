import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Through this variable the global setup hands the run's scratch directory to the test workers. */
export const SCRATCH_ROOT_ENV = "VOICE_INFRA_TEST_SCRATCH";

/**
 * Where a run's scratch directory goes: memory-backed where the system has it, since the synth helpers rewrite
 * the same stack files for every environment and on a disk file system truncating a file to rewrite it waits for
 * the old content's writeback (tens of milliseconds each under load).
 */
export const SCRATCH_BASE = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();

/**
 * A directory of this test worker's own, inside the run's scratch directory. vitest kills its workers, so no
 * exit handler of theirs would run; the global setup removes the whole run's directory instead.
 */
export function workerScratchDir(prefix: string): string {
  const root = process.env[SCRATCH_ROOT_ENV];
  if (!root) throw new Error(`${SCRATCH_ROOT_ENV} is not set: the tests run through vitest.config.mts, whose global setup makes it`);
  return mkdtempSync(join(root, prefix));
}
