import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EnvironmentConfig, loadBlueprints, parseEnvironmentConfig } from "../../config";
import type { StateBackendConfig } from "../../config/sections/state-backend";
import { buildPlatformApp } from "../../stacks/app";
import { PlatformStack } from "../../stacks/platform-stack";
import type { TerraformJson } from "./stack-json";

/** One synthesized stack: its Terraform JSON and the stacks cdktf says it depends on. */
export interface SynthesizedStack {
  /** Stack id, `<env>-<component>` (`<blueprint>-<env>-<component>` when several blueprints are built). */
  readonly id: string;
  /** The blueprint (config `project`). */
  readonly project: string;
  readonly environment: string;
  readonly component: string;
  readonly json: TerraformJson;
  /** Stack ids from cdktf's manifest: cross-stack references and `addDependency`. */
  readonly dependencies: readonly string[];
}

export interface SynthesizedApp {
  /** Every stack of every selected environment, in the order `buildEnvironment` creates them. */
  readonly stacks: readonly SynthesizedStack[];
  stack(id: string): SynthesizedStack;
}

export interface SynthesizeOptions {
  /**
   * Blueprints to build (names from config/blueprints, comma list); several give stack ids `<blueprint>-<env>-<component>`.
   * @default - INFRA_BLUEPRINTS, or voice-ai
   */
  readonly blueprints?: string;
  /**
   * Environments to build within each blueprint (comma list; empty: all of them).
   * @default - INFRA_ENVS, or every environment
   */
  readonly environments?: string;
  /**
   * Test-only emulator endpoints written into every S3 backend and remote state (`stateBackend.localEmulator`).
   * @default - the real AWS endpoints
   */
  readonly localEmulator?: StateBackendConfig["localEmulator"];
}

/**
 * Synthesizes the app the way `main.ts` does (same `buildPlatformApp`), into a temporary directory that is
 * removed again, and returns each stack's JSON. Stacks added to `stacks/index.ts` show up here on their own.
 */
export function synthesizeApp(options: SynthesizeOptions = {}): SynthesizedApp {
  const configs = loadBlueprints(options.blueprints, options.environments).map((config) => withEmulator(config, options.localEmulator));
  const outdir = mkdtempSync(join(tmpdir(), "voice-infra-synth-"));
  try {
    const { app } = buildPlatformApp({ configs, outdir });
    app.synth();
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as {
      stacks: Record<string, { synthesizedStackPath: string; dependencies?: string[] }>;
    };
    const stacks = app.node.children
      .filter((child): child is PlatformStack => child instanceof PlatformStack)
      .map((stack) => {
        const entry = manifest.stacks[stack.node.id];
        return {
          id: stack.node.id,
          project: stack.config.project,
          environment: stack.config.environment,
          component: stack.component,
          json: JSON.parse(readFileSync(join(outdir, entry.synthesizedStackPath), "utf8")) as TerraformJson,
          dependencies: entry.dependencies ?? [],
        };
      });
    const byId = new Map(stacks.map((stack) => [stack.id, stack]));
    return {
      stacks,
      stack(id: string) {
        const stack = byId.get(id);
        if (!stack) throw new Error(`no stack ${id}; synthesized: ${[...byId.keys()].join(", ")}`);
        return stack;
      },
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * State buckets and lock tables of the selected environments of the selected blueprints (defaults as in
 * `synthesizeApp`): what the emulators must provide.
 */
export function stateBackends(environments?: string, blueprints?: string): { buckets: string[]; lockTables: string[] } {
  const backends = loadBlueprints(blueprints, environments).map((config) => config.stateBackend);
  return { buckets: backends.map((b) => b.bucket), lockTables: backends.map((b) => b.lockTable) };
}

function withEmulator(config: EnvironmentConfig, localEmulator: SynthesizeOptions["localEmulator"]): EnvironmentConfig {
  if (!localEmulator) return config;
  const raw = structuredClone(config) as { stateBackend: Record<string, unknown> };
  raw.stateBackend.localEmulator = localEmulator;
  return parseEnvironmentConfig(raw, `config/blueprints/${config.project}.ts (${config.environment}, local emulators)`);
}
