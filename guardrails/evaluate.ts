import type { IConstruct } from "constructs";
import { referencedAddress } from "./helpers";
import { RULES } from "./pack";
import { findSuppression } from "./suppressions";
import type {
  AppFacts,
  ElementRule,
  ElementView,
  Finding,
  Rule,
  RuleContext,
  StackGuardrailReport,
  StackRule,
  SuppressedFinding,
  Verdict,
} from "./types";
import type { StackElement } from "./views";

export interface GuardrailOptions {
  /** Production stacks must also keep their data on deletion (deletion protection, final snapshots). */
  readonly production: boolean;
}

/** One stack as the rule pack reviews it. */
export interface StackUnderReview {
  /** Stack id, e.g. `prod-rds`. */
  readonly id: string;
  /** Construct path of the stack, where a failed stack rule is reported. */
  readonly path: string;
  readonly options: GuardrailOptions;
  /** Its elements in construct order (`stackElements`). */
  readonly elements: readonly StackElement[];
}

/**
 * Runs the rule pack over one stack: stack-wide rules first, then element rules on every resource, data source,
 * provider and output. A rule that throws counts as an error, never as a pass; a finding on a construct that
 * suppresses its rule is reported as suppressed, with the reason.
 */
export function evaluateStack(stack: StackUnderReview, app: AppFacts): StackGuardrailReport {
  const views = stack.elements.map((e) => e.view);
  const constructOf = new Map<ElementView, IConstruct>(stack.elements.map((e) => [e.view, e.construct]));
  const byAddress = new Map(views.map((view) => [view.address, view]));
  const context: RuleContext = {
    stack: stack.id,
    production: stack.options.production,
    elements: views,
    lookup: (reference) => {
      const address = referencedAddress(reference);
      return address === undefined ? undefined : byAddress.get(address);
    },
    app,
  };
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];

  const record = (rule: Rule, subject: ElementView, verdict: Verdict | Error): void => {
    if (!(verdict instanceof Error) && verdict.status !== "non-compliant") return;
    const finding: Finding = {
      ruleId: rule.id,
      level: verdict instanceof Error ? "error" : rule.level,
      stack: stack.id,
      path: subject.path,
      address: subject.address,
      message:
        verdict instanceof Error
          ? `the rule could not be evaluated (${describe(verdict)}). Fix: ${rule.fix}`
          : `${verdict.message}. Fix: ${rule.fix}`,
    };
    const construct = constructOf.get(subject);
    const suppression = construct && findSuppression(construct, rule.id);
    if (suppression) suppressed.push({ ...finding, reason: suppression.reason, suppressedAt: suppression.at });
    else findings.push(finding);
  };

  for (const rule of RULES) {
    if (rule.scope !== "stack") continue;
    let verdicts: ReturnType<StackRule["check"]>;
    try {
      verdicts = rule.check(context);
    } catch (error) {
      findings.push({
        ruleId: rule.id,
        level: "error",
        stack: stack.id,
        path: stack.path,
        message: `the rule could not be evaluated (${describe(error)}). Fix: ${rule.fix}`,
      });
      continue;
    }
    for (const { subject, verdict } of verdicts) record(rule, subject, verdict);
  }
  for (const view of views) {
    for (const rule of RULES) {
      if (rule.scope === "element" && appliesTo(rule, view))
        record(
          rule,
          view,
          evaluate(() => rule.check(view, context)),
        );
    }
  }
  return { stack: stack.id, findings, suppressed };
}

function appliesTo(rule: ElementRule, view: ElementView): boolean {
  return rule.types === "all" || rule.types.includes(view.type);
}

function evaluate(check: () => Verdict): Verdict | Error {
  try {
    return check();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
