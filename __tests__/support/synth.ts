import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_BLUEPRINT, ENVIRONMENTS, EnvironmentConfig, loadBlueprints, parseEnvironmentConfig } from "../../config";
import type { EnvironmentStacks } from "../../stacks";
import { buildPlatformApp } from "../../stacks/app";

/** Terraform JSON of one synthesized stack, as a string (for the cdktf matchers) and parsed. */
export interface SynthesizedStack {
  readonly text: string;
  readonly json: TerraformJson;
}

export interface TerraformJson {
  terraform: { backend?: Record<string, Record<string, unknown>>; required_providers?: Record<string, unknown> };
  provider?: Record<string, Record<string, unknown>[]>;
  resource?: Record<string, Record<string, Record<string, any>>>;
  data?: Record<string, Record<string, Record<string, any>>>;
  output?: Record<string, { value: unknown; sensitive?: boolean }>;
}

export interface SynthesizedEnvironment {
  readonly config: EnvironmentConfig;
  readonly stacks: EnvironmentStacks;
  /** The stack of one component, e.g. `stack("vpc")`; throws if the environment has no such stack. */
  stack(component: string): SynthesizedStack;
  /** All stack ids of the environment. */
  readonly stackIds: readonly string[];
}

const cache = new Map<string, SynthesizedEnvironment>();

/** Synthesizes one shipped voice-ai environment once per test worker and serves it to every test that asks. */
export function synthEnvironment(name: string): SynthesizedEnvironment {
  return synthBlueprintEnvironment(DEFAULT_BLUEPRINT, name);
}

/** Synthesizes one environment of a blueprint (`config/blueprints/`) once per test worker, alone in its app. */
export function synthBlueprintEnvironment(blueprint: string, name: string): SynthesizedEnvironment {
  const key = `${blueprint}/${name}`;
  let result = cache.get(key);
  if (!result) {
    const [config] = loadBlueprints(blueprint, name);
    result = synthConfig(config);
    cache.set(key, result);
  }
  return result;
}

/** Synthesizes a given (possibly modified) configuration; not cached. */
export function synthConfig(config: EnvironmentConfig): SynthesizedEnvironment {
  const outdir = mkdtempSync(join(tmpdir(), "voice-infra-test-"));
  try {
    const { app, environments } = buildPlatformApp({ configs: [config], outdir });
    app.synth();
    const stackIds = app.node.children.map((child) => child.node.id);
    const stacks = new Map<string, SynthesizedStack>();
    for (const id of stackIds) {
      const text = readFileSync(join(outdir, "stacks", id, "cdk.tf.json"), "utf8");
      stacks.set(id, { text, json: JSON.parse(text) });
    }
    const prefix = `${config.environment}-`;
    return {
      config,
      stacks: environments[0],
      stackIds,
      stack(component: string) {
        const stack = stacks.get(prefix + component) ?? stacks.get(component);
        if (!stack) throw new Error(`no stack ${prefix}${component}; have ${stackIds.join(", ")}`);
        return stack;
      },
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Resources of one type in a stack, by logical id. */
export function resourcesOf(stack: SynthesizedStack, type: string): Record<string, Record<string, any>> {
  return stack.json.resource?.[type] ?? {};
}

/** A modified copy of a shipped environment's raw config (deep clone, then `edit`). */
export function editedConfig(name: string, edit: (raw: any) => void): EnvironmentConfig {
  const raw = structuredClone(ENVIRONMENTS[name]);
  edit(raw);
  return parseEnvironmentConfig(raw, `${name} (edited)`);
}
