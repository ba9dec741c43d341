import { App, TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";
import { RULES_BY_ID } from "./pack";

/** Accepting a finding on purpose: which rule, and why in words a reviewer can judge. */
export interface Suppression {
  /** Rule id, e.g. `VP-S3-2`. */
  readonly id: string;
  /** Why the finding is acceptable here; at least `MIN_REASON_LENGTH` characters. */
  readonly reason: string;
}

export const MIN_REASON_LENGTH = 20;
const METADATA_TYPE = "voice-platform/guardrails/suppression";

/**
 * Suppresses one guardrail rule on a construct and everything below it (put it on the narrowest construct:
 * the bucket, not the stack). The reason is printed with every synth.
 * @throws for an unknown rule id, a reason shorter than `MIN_REASON_LENGTH`, or a stack or app as scope
 */
export function suppress(construct: IConstruct, suppression: Suppression): void {
  const where = construct.node.path || "the app";
  if (!RULES_BY_ID.has(suppression.id)) {
    throw new Error(`suppress(${where}): unknown guardrail rule "${suppression.id}"; known: ${[...RULES_BY_ID.keys()].join(", ")}`);
  }
  if (suppression.reason.trim().length < MIN_REASON_LENGTH) {
    throw new Error(
      `suppress(${where}, ${suppression.id}): the reason must explain why in at least ${MIN_REASON_LENGTH} characters, got "${suppression.reason}"`,
    );
  }
  if (App.isApp(construct) || TerraformStack.isStack(construct)) {
    throw new Error(`suppress(${where}, ${suppression.id}): suppress on the construct that owns the resource, not on a whole stack or app`);
  }
  construct.node.addMetadata(METADATA_TYPE, { id: suppression.id, reason: suppression.reason.trim() });
}

/** The suppression of `ruleId` on `construct` or its nearest ancestor below the stack. */
export function findSuppression(construct: IConstruct, ruleId: string): { readonly reason: string; readonly at: string } | undefined {
  for (let scope: IConstruct | undefined = construct; scope && !TerraformStack.isStack(scope); scope = scope.node.scope) {
    const entry = scope.node.metadata.find((m) => m.type === METADATA_TYPE && (m.data as Suppression).id === ruleId);
    if (entry) return { reason: (entry.data as Suppression).reason, at: scope.node.path };
  }
  return undefined;
}
