import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Testing } from "cdktf";

// Testing.app() makes a new temp directory per call and never removes it; these apps are only
// inspected in memory, so one directory per worker serves them all and goes away with the worker.
const outdir = mkdtempSync(join(tmpdir(), "voice-infra-test-app-"));
process.on("exit", () => rmSync(outdir, { recursive: true, force: true }));

/** A cdktf testing app for stacks that are inspected in memory (Testing.synth), never written to disk. */
export function testApp(): App {
  return Testing.app({ outdir });
}
