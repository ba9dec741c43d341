import { TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";
import { type GuardrailOptions, evaluateStack } from "./evaluate";
import type { AppFacts, StackGuardrailReport, StackJson } from "./types";
import { appFacts, stackElements } from "./views";

interface GuardedStack {
  readonly options: GuardrailOptions;
  /** The JSON the stack's last synth wrote; rules read it instead of resolving every element again. */
  synthesized?: StackJson;
}

/** One review of an app: valid while every stack's JSON is the same object, so that asking twice evaluates once. */
interface Review {
  readonly synthesized: readonly StackJson[];
  readonly facts: AppFacts;
  readonly reports: Map<TerraformStack, StackGuardrailReport>;
}

const guarded = new WeakMap<TerraformStack, GuardedStack>();
const reviews = new WeakMap<IConstruct, Review>();

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
  const synthesized = synthesizedJson(stacks);
  let review = reviews.get(scope.node.root);
  if (!review || review.synthesized.length !== synthesized.length || review.synthesized.some((json, i) => json !== synthesized[i])) {
    const facts = appFacts(new Map(stacks.map((stack, i) => [stack.node.id, synthesized[i]])));
    review = { synthesized, facts, reports: new Map() };
    reviews.set(scope.node.root, review);
  }
  const { facts, reports } = review;
  return reviewed.map((stack) => {
    let report = reports.get(stack);
    if (!report) {
      const elements = stackElements(stack, synthesized[stacks.indexOf(stack)]);
      report = evaluateStack({ id: stack.node.id, path: stack.node.path, options: guarded.get(stack)!.options, elements }, facts);
      reports.set(stack, report);
    }
    return report;
  });
}

/** Each stack's JSON, in order: as its last synth wrote it, or synthesized now for stacks that have none yet. */
function synthesizedJson(stacks: readonly TerraformStack[]): StackJson[] {
  const recorded = (stack: TerraformStack) => guarded.get(stack)?.synthesized;
  if (stacks.some((stack) => recorded(stack) === undefined)) {
    for (const stack of stacks) stack.prepareStack();
  }
  return stacks.map((stack) => recorded(stack) ?? (stack.toTerraform() as StackJson));
}
