import { Aspects, TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";
import { GuardrailsAspect } from "./aspect";
import type { StackGuardrailReport } from "./types";

/**
 * Guardrail findings and suppressions of every stack under `scope` (usually the app) that has guardrails applied,
 * in construct order. After `app.synth()` this returns what synth found; before it, it runs the rules itself.
 * The synth summary uses it to print findings and suppressions per stack.
 */
export function collectFindings(scope: IConstruct): StackGuardrailReport[] {
  return scope.node
    .findAll()
    .filter(TerraformStack.isStack)
    .flatMap((stack) => Aspects.of(stack).all.filter((a): a is GuardrailsAspect => a instanceof GuardrailsAspect && a.stack === stack))
    .map((aspect) => aspect.report());
}
