// Before anything creates a token: every app (main.ts, the bench app, the tests) synthesizes with cdktf patched.
import "../patches";
import { App } from "cdktf";
import type { EnvironmentConfig } from "../config";
import { type StackGuardrailReport, applyGuardrails, synthesizeWithGuardrails } from "../guardrails";
import { type EnvironmentStacks, buildEnvironment } from "./index";
import { PlatformStack } from "./platform-stack";

export interface PlatformAppOptions {
  /**
   * Validated environments to build, each into its own set of stacks. Environments of more than one project
   * (blueprint) get stack ids `<project>-<env>-<component>`.
   */
  readonly configs: readonly EnvironmentConfig[];
  /**
   * Where `synth()` writes.
   * @default - cdktf.out, or CDKTF_OUTDIR when the cdktf CLI runs the app
   */
  readonly outdir?: string;
}

export interface PlatformApp {
  readonly app: App;
  readonly environments: readonly EnvironmentStacks[];
}

/** The whole application: what `main.ts` synthesizes and what the tests inspect. Every stack runs the guardrails. */
export function buildPlatformApp(options: PlatformAppOptions): PlatformApp {
  const app = new App({ outdir: options.outdir, skipValidation: false });
  // One blueprint keeps the short `<env>-<component>` ids; several would collide on them.
  const qualifyStackIds = new Set(options.configs.map((config) => config.project)).size > 1;
  const environments = options.configs.map((config) => buildEnvironment(app, config, { qualifyStackIds }));
  for (const stack of app.node.children) {
    if (stack instanceof PlatformStack) applyGuardrails(stack, { production: stack.config.environment === "prod" });
  }
  return { app, environments };
}

/**
 * Builds and synthesizes all-or-nothing into `options.outdir`: guardrail errors fail with every finding listed,
 * and a failed synth leaves the output directory as it was (see `synthesizeWithGuardrails`).
 */
export function synthesizePlatformApp(options: PlatformAppOptions): PlatformApp & { readonly reports: readonly StackGuardrailReport[] } {
  const outdir = options.outdir ?? process.env.CDKTF_OUTDIR ?? "cdktf.out";
  return synthesizeWithGuardrails(outdir, (scratchDir) => buildPlatformApp({ ...options, outdir: scratchDir }));
}
