import { TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";
import { type GuardrailOptions, evaluateStack } from "./evaluate";
import type { StackGuardrailReport, StackJson } from "./types";
import { appFacts, stackElements } from "./views";

interface GuardedStack {
  readonly options: GuardrailOptions;
  /** The JSON the stack's last synth wrote; rules read it instead of resolving every element again. */
  synthesized?: StackJson;
  /** The report of that JSON, so that asking twice evaluates once. */
  report?: { readonly of: StackJson; readonly report: StackGuardrailReport };
}

const guarded = new WeakMap<TerraformStack, GuardedStack>();

/**
 * Puts `stack` under the guardrail pack. The rules run over the Terraform JSON the stack synthesizes, when
 * `collectFindings` asks (`synthesizeWithGuardrails` does after every synth).
 */
export function applyGuardrails(stack: TerraformStack, options: GuardrailOptions): void {
  if (guarded.has(stack)) throw new Error(`applyGuardrails(${stack.node.path}): the stack is guarded already`);
  const entry: GuardedStack = { options };
  guarded.set(stack, entry);
  const toTerraform = stack.toTerraform.bind(stack);
  stack.toTerraform = () => (entry.synthesized = toTerraform() as StackJson);
}

/**
 * Guardrail findings and suppressions of every guarded stack under `scope` (usually the app), in construct
 * order. After `app.synth()` the rules read what synth wrote; before it, the stacks are synthesized in memory
 * first, cross-stack references included (which adds the outputs and remote state synth would add).
 */
export function collectFindings(scope: IConstruct): StackGuardrailReport[] {
  const stacks = scope.node.root.node.findAll().filter(TerraformStack.isStack);
  const reviewed = scope.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c) && guarded.has(c));
  if (reviewed.length === 0) return [];
  const json = synthesizedJson(stacks);
  const facts = appFacts(new Map(stacks.map((stack) => [stack.node.id, json.get(stack)!])));
  return reviewed.map((stack) => {
    const entry = guarded.get(stack)!;
    const of = json.get(stack)!;
    if (entry.report?.of !== of) {
      const report = evaluateStack({ id: stack.node.id, path: stack.node.path, options: entry.options, elements: stackElements(stack, of) }, facts);
      entry.report = { of, report };
    }
    return entry.report.report;
  });
}

/** Each stack's JSON: as its last synth wrote it, or synthesized now for stacks that have none yet. */
function synthesizedJson(stacks: readonly TerraformStack[]): Map<TerraformStack, StackJson> {
  const recorded = (stack: TerraformStack) => guarded.get(stack)?.synthesized;
  if (stacks.some((stack) => recorded(stack) === undefined)) {
    for (const stack of stacks) stack.prepareStack();
  }
  return new Map(stacks.map((stack) => [stack, recorded(stack) ?? (stack.toTerraform() as StackJson)]));
}
