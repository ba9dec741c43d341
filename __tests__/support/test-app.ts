import { type App, TerraformStack, Testing } from "cdktf";
import type { Construct } from "constructs";
import { type Finding, applyGuardrails, collectFindings } from "../../guardrails";
import { workerScratchDir } from "./scratch";

// Testing.app() makes a new temp directory per call and never removes it; these apps are only
// inspected in memory, so one directory per worker serves them all and goes away with the run's scratch
// directory (__tests__/support/global-setup.ts).
const outdir = workerScratchDir("voice-infra-test-app-");

/** A cdktf testing app for stacks that are inspected in memory (Testing.synth), never written to disk. */
export function testApp(): App {
  return Testing.app({ outdir });
}

/** `Testing.synthScope(build)` in a testApp(): cdktf's own makes a temporary directory per call and keeps it. */
export function synthScope(build: (scope: Construct) => void): string {
  const stack = new TerraformStack(testApp(), "stack");
  build(stack);
  return Testing.synth(stack);
}

/** The guardrail findings of one guarded stack `test` that `build` fills (production rules when `production`). */
export function guardedFindings(build: (stack: TerraformStack) => void, production = false): Finding[] {
  const app = testApp();
  const stack = new TerraformStack(app, "test");
  applyGuardrails(stack, { production });
  build(stack);
  return collectFindings(app).flatMap((report) => report.findings);
}
