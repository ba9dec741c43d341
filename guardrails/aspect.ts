import { type IAspect, TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";
import { RULES } from "./pack";
import { referencedAddress } from "./helpers";
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
import { appFacts, elementView } from "./views";

export interface GuardrailOptions {
  /** Production stacks must also keep their data on deletion (deletion protection, final snapshots). */
  readonly production: boolean;
}

interface StackPass {
  readonly context: RuleContext;
  readonly viewOf: ReadonlyMap<IConstruct, ElementView>;
  readonly constructOf: ReadonlyMap<ElementView, IConstruct>;
  readonly findings: Finding[];
  readonly suppressed: SuppressedFinding[];
}

/** Which resources use which security group: the construct tree is final by synth, so once per app. */
const factsByApp = new WeakMap<IConstruct, AppFacts>();

/**
 * Runs the rule pack over one stack during synth: stack-wide rules when the stack itself is visited (cdktf visits
 * parents first), element rules on every resource, data source, provider and output below it. Findings are kept
 * for `report()`; nothing is thrown here, so that one synth lists every finding of every stack.
 */
export class GuardrailsAspect implements IAspect {
  private pass?: StackPass;

  constructor(
    readonly stack: TerraformStack,
    readonly options: GuardrailOptions,
  ) {}

  visit(node: IConstruct): void {
    if (node === this.stack) {
      this.pass = this.startPass();
      for (const rule of RULES) if (rule.scope === "stack") this.runStackRule(rule, this.pass);
      return;
    }
    const pass = this.pass ?? (this.pass = this.startPass());
    const view = pass.viewOf.get(node);
    if (!view) return;
    for (const rule of RULES) {
      if (rule.scope === "element" && appliesTo(rule, view)) this.record(pass, rule, view, evaluate(() => rule.check(view, pass.context)));
    }
  }

  /** This stack's findings; runs the pack first when synth has not visited the stack yet. */
  report(): StackGuardrailReport {
    if (!this.pass) for (const node of this.stack.node.findAll()) this.visit(node);
    const { findings, suppressed } = this.pass!;
    return { stack: this.stack.node.id, findings: [...findings], suppressed: [...suppressed] };
  }

  private startPass(): StackPass {
    const root = this.stack.node.root;
    if (!factsByApp.has(root)) factsByApp.set(root, appFacts(root));
    const viewOf = new Map<IConstruct, ElementView>();
    const constructOf = new Map<ElementView, IConstruct>();
    for (const construct of this.stack.node.findAll()) {
      if (construct !== this.stack && TerraformStack.isStack(construct)) continue;
      const view = elementView(construct);
      if (!view) continue;
      viewOf.set(construct, view);
      constructOf.set(view, construct);
    }
    const elements = [...viewOf.values()];
    const byAddress = new Map(elements.map((e) => [e.address, e]));
    const context: RuleContext = {
      stack: this.stack.node.id,
      production: this.options.production,
      elements,
      lookup: (reference) => {
        const address = referencedAddress(reference);
        return address === undefined ? undefined : byAddress.get(address);
      },
      app: factsByApp.get(root)!,
    };
    return { context, viewOf, constructOf, findings: [], suppressed: [] };
  }

  private runStackRule(rule: StackRule, pass: StackPass): void {
    let verdicts: readonly { subject: ElementView; verdict: Verdict }[];
    try {
      verdicts = rule.check(pass.context);
    } catch (error) {
      // A rule that cannot decide counts against the stack, never as a pass.
      pass.findings.push({
        ruleId: rule.id,
        level: "error",
        stack: pass.context.stack,
        path: this.stack.node.path,
        message: `the rule could not be evaluated (${describe(error)}). Fix: ${rule.fix}`,
      });
      return;
    }
    for (const { subject, verdict } of verdicts) this.record(pass, rule, subject, verdict);
  }

  private record(pass: StackPass, rule: Rule, subject: ElementView, verdict: Verdict | Error): void {
    if (!(verdict instanceof Error) && verdict.status !== "non-compliant") return;
    const finding: Finding = {
      ruleId: rule.id,
      level: verdict instanceof Error ? "error" : rule.level,
      stack: pass.context.stack,
      path: subject.path,
      address: subject.address,
      message:
        verdict instanceof Error
          ? `the rule could not be evaluated (${describe(verdict)}). Fix: ${rule.fix}`
          : `${verdict.message}. Fix: ${rule.fix}`,
    };
    const construct = pass.constructOf.get(subject);
    const suppression = construct && findSuppression(construct, rule.id);
    if (suppression) pass.suppressed.push({ ...finding, reason: suppression.reason, suppressedAt: suppression.at });
    else pass.findings.push(finding);
  }
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
