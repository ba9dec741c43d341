/** Minimal typed IAM policy documents, rendered as JSON strings (tokens resolve inside them). */

export type PolicyCondition = Record<string, Record<string, string | string[] | boolean>>;

export interface PolicyStatement {
  /** Statement id shown in the console and in review. */
  readonly sid: string;
  /** @default "Allow" */
  readonly effect?: "Allow" | "Deny";
  readonly actions: readonly string[];
  /** Empty in resource policies whose statements may only apply to the resource itself (ECR repository policies): no `Resource` is rendered. */
  readonly resources: readonly string[];
  /**
   * Rendered as `NotResource` instead of `Resource` (then leave `resources` empty): e.g. SNS SMS publishing, whose
   * targets are phone numbers, allowed with `NotResource: arn:aws:sns:*:*:*` so that no topic is included.
   * @default - none; `resources` applies
   */
  readonly notResources?: readonly string[];
  /** Principal for resource policies (key, bucket, topic policies); omitted in identity policies. */
  readonly principals?: { readonly AWS?: string | readonly string[]; readonly Service?: string | readonly string[] } | "*";
  readonly conditions?: PolicyCondition;
}

export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: statements.map((s) => ({
      Sid: s.sid,
      Effect: s.effect ?? "Allow",
      ...(s.principals ? { Principal: s.principals } : {}),
      Action: s.actions.length === 1 ? s.actions[0] : s.actions,
      ...(s.notResources
        ? { NotResource: s.notResources.length === 1 ? s.notResources[0] : s.notResources }
        : s.resources.length > 0
          ? { Resource: s.resources.length === 1 ? s.resources[0] : s.resources }
          : {}),
      ...(s.conditions ? { Condition: s.conditions } : {}),
    })),
  });
}

/** A resource-policy statement refusing `actions` on `resources` to anyone calling without TLS. */
export function denyUnencryptedTransport(actions: readonly string[], resources: readonly string[]): PolicyStatement {
  return {
    sid: "DenyUnencryptedTransport",
    effect: "Deny",
    principals: "*",
    actions,
    resources,
    conditions: { Bool: { "aws:SecureTransport": false } },
  };
}

/** Trust policy letting one AWS service assume a role, optionally pinned to this account. */
export function assumeRolePolicy(service: string, accountId?: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Service: service },
        Action: "sts:AssumeRole",
        ...(accountId ? { Condition: { StringEquals: { "aws:SourceAccount": accountId } } } : {}),
      },
    ],
  });
}
