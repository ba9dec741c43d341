/** The vocabulary shared by the rule pack, its evaluation and the report. Rules import only from here, `helpers` and `catalog`. */

import type { TerraformJson } from "../stacks/terraform-json";

export type Level = "error" | "warning";

/** What a rule concluded about one element. */
export type Verdict =
  | { readonly status: "compliant" }
  | { readonly status: "not-applicable" }
  | { readonly status: "non-compliant"; readonly message: string };

export const compliant: Verdict = { status: "compliant" };
export const notApplicable: Verdict = { status: "not-applicable" };
export function nonCompliant(message: string): Verdict {
  return { status: "non-compliant", message };
}

/**
 * One Terraform element of a stack as a rule sees it: its attributes as they will be synthesized (escape-hatch
 * overrides merged in, tokens resolved, so a reference reads `${aws_kms_key.rds_key.arn}` and a cross-stack input
 * `${data.terraform_remote_state...}`).
 */
export interface ElementView {
  readonly kind: "resource" | "data" | "provider" | "output";
  /** `aws_s3_bucket`, `data.aws_iam_policy_document`, `provider.aws` or `output`. */
  readonly type: string;
  /** Terraform address: `aws_s3_bucket.recordings_bucket`, `data.aws_iam_policy_document.x`, `output.x`. */
  readonly address: string;
  /** Construct path, e.g. `prod-storage/recordings_bucket/Resource`. */
  readonly path: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** A stack's synthesized Terraform JSON (`cdk.tf.json`), with every argument `unknown` until a rule checks it. */
export type StackJson = TerraformJson;

/** Facts about the whole app that a single stack cannot see (cross-stack use of security groups). */
export interface AppFacts {
  /**
   * Kinds of resources that use a security group, by `<stack id>/<security group address>`; `aws_lb:application`
   * for application load balancers. Missing when nothing in the app uses the group.
   */
  readonly securityGroupUsers: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface RuleContext {
  /** Stack id, e.g. `prod-rds`. */
  readonly stack: string;
  /** Production stacks must also keep their data on deletion. */
  readonly production: boolean;
  /** Every element of the stack, in construct order. */
  readonly elements: readonly ElementView[];
  /** The element a reference such as `${aws_s3_bucket.logs.id}` points to, when it is in this stack. */
  lookup(reference: unknown): ElementView | undefined;
  readonly app: AppFacts;
}

export interface RuleInfo {
  /** Stable id used in reports and suppressions, `VP-<SERVICE>-<n>`. */
  readonly id: string;
  /** `error` fails synth; `warning` is printed. */
  readonly level: Level;
  /** What the rule demands, in one line. */
  readonly description: string;
  /** How to make a non-compliant element compliant. */
  readonly fix: string;
  /**
   * `security`: a policy of ours (encryption, exposure). `apply`: a rule of the AWS API that `terraform validate`
   * cannot see, so breaking it fails the apply or leaves the service broken.
   * @default "security"
   */
  readonly category?: "security" | "apply";
  /**
   * The AWS documentation (or provider issue) the rule encodes; every `apply` rule has one.
   * @default - none
   */
  readonly reference?: string;
}

/** A rule over one element at a time. */
export interface ElementRule extends RuleInfo {
  readonly scope: "element";
  /** Element types the rule inspects (`aws_kms_key`, `output`, `provider.aws`), or `all`. */
  readonly types: readonly string[] | "all";
  readonly check: (element: ElementView, context: RuleContext) => Verdict;
}

/** A rule across elements of a stack (a bucket and its public access block); one verdict per subject. */
export interface StackRule extends RuleInfo {
  readonly scope: "stack";
  readonly check: (context: RuleContext) => readonly { readonly subject: ElementView; readonly verdict: Verdict }[];
}

export type Rule = ElementRule | StackRule;

export interface Finding {
  readonly ruleId: string;
  readonly level: Level;
  /** Stack id. */
  readonly stack: string;
  /** Construct path of the offending element (the stack's path when a whole stack rule failed). */
  readonly path: string;
  /** Terraform address of the offending element, when there is one. */
  readonly address?: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

export interface SuppressedFinding extends Finding {
  /** Why the finding is accepted, as written at the suppression. */
  readonly reason: string;
  /** Path of the construct that carries the suppression. */
  readonly suppressedAt: string;
}

/** Guardrail outcome of one stack. */
export interface StackGuardrailReport {
  readonly stack: string;
  /** Unsuppressed findings; any `error` among them fails synth. */
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
}
