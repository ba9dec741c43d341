import { readFileSync } from "node:fs";
import { join } from "node:path";
import { App, TerraformStack } from "cdktf";
import { DEFAULT_BLUEPRINT, ENVIRONMENTS, type EnvironmentConfig, loadBlueprints, parseEnvironmentConfig } from "../../config";
import { type StackGuardrailReport, applyGuardrails, collectFindings } from "../../guardrails";
import type { EnvironmentStacks } from "../../stacks";
import { buildPlatformApp } from "../../stacks/app";
import { PlatformStack } from "../../stacks/platform-stack";
import type { TerraformJson as StackJson } from "../../stacks/terraform-json";
import { workerScratchDir } from "./scratch";

/** Terraform JSON of one synthesized stack, as a string (for the cdktf matchers) and parsed. */
export interface SynthesizedStack {
  readonly text: string;
  readonly json: TerraformJson;
}

/** Synthesized stack JSON as tests read it: known output, so arguments are `any`. */
export type TerraformJson = StackJson<any>;

export interface SynthesizedEnvironment {
  readonly config: EnvironmentConfig;
  readonly stacks: EnvironmentStacks;
  /** The stack of one component, e.g. `stack("vpc")`; throws if the environment has no such stack. */
  stack(component: string): SynthesizedStack;
  /** All stack ids of the environment. */
  readonly stackIds: readonly string[];
  /** The guardrail reports of every stack, over the JSON synth writes (all stacks are synthesized first). */
  guardrailReports(): StackGuardrailReport[];
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

const variants = new Map<string, SynthesizedEnvironment>();

/**
 * A variant of a shipped voice-ai environment that several test files check, synthesized once per test worker
 * under its name (`SHARED_VARIANTS` in `./messaging.ts`): an edited environment costs as much as a shipped one.
 */
export function synthSharedVariant(name: string, config: () => EnvironmentConfig): SynthesizedEnvironment {
  let result = variants.get(name);
  if (!result) {
    result = synthConfig(config());
    variants.set(name, result);
  }
  return result;
}

// One scratch directory per worker: a stack is written there, read back at once and overwritten by the next synth
// of a stack with the same id (tests of one worker run one at a time).
const outdir = workerScratchDir("voice-infra-test-");

/**
 * Synthesizes a given (possibly modified) configuration; not cached. Like `app.synth()`, every stack is prepared
 * first (preparing one adds the outputs and remote state its cross-stack references need to others); each stack is
 * then written by cdktf's own synthesizer (aspects, validations, annotations) when a test first asks for it, so a
 * test of one stack pays for that stack only.
 */
export function synthConfig(config: EnvironmentConfig): SynthesizedEnvironment {
  const { app, environments } = buildPlatformApp({ configs: [config], outdir });
  return { ...synthesizedApp(app, config), stacks: environments[0] };
}

/**
 * Only the stacks `build` makes in a new app, guarded as `buildPlatformApp` guards its own (production rules in
 * prod), then served like `synthConfig`'s: for a test of a stack that reads no other stack's outputs (the bootstrap
 * stack), a whole environment's build would be ~30 stacks made and prepared for one.
 */
export function synthStacks(config: EnvironmentConfig, build: (app: App) => void): Omit<SynthesizedEnvironment, "stacks"> {
  const app = new App({ outdir, skipValidation: false });
  build(app);
  for (const stack of app.node.children) {
    if (stack instanceof PlatformStack) applyGuardrails(stack, { production: stack.config.environment === "prod" });
  }
  return synthesizedApp(app, config);
}

function synthesizedApp(app: App, config: EnvironmentConfig): Omit<SynthesizedEnvironment, "stacks"> {
  const stacks = new Map(app.node.children.filter(TerraformStack.isStack).map((stack) => [stack.node.id, stack]));
  for (const stack of stacks.values()) stack.prepareStack();
  const session = { outdir, skipValidation: false, manifest: app.manifest };
  const synthesized = new Map<string, SynthesizedStack>();
  const stackIds = [...stacks.keys()];
  const prefix = `${config.environment}-`;
  return {
    config,
    stackIds,
    guardrailReports() {
      for (const id of stackIds) this.stack(id);
      return collectFindings(app);
    },
    stack(component: string) {
      const id = stacks.has(prefix + component) ? prefix + component : component;
      let result = synthesized.get(id);
      if (!result) {
        const stack = stacks.get(id);
        if (!stack) throw new Error(`no stack ${prefix}${component}; have ${stackIds.join(", ")}`);
        stack.synthesizer.synthesize(session);
        const text = readFileSync(join(outdir, app.manifest.forStack(stack).synthesizedStackPath), "utf8");
        result = { text, json: JSON.parse(text) };
        synthesized.set(id, result);
      }
      return result;
    },
  };
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
