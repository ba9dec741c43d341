/** Pure helpers for rules: reading synthesized attributes and IAM policy documents. */
import type { ElementView, RuleContext } from "./types";

/** True for a string that is, or contains, a Terraform expression (`${...}`): a value known only at plan time. */
export function isExpression(value: unknown): value is string {
  return typeof value === "string" && value.includes("${");
}

/** A literal string typed into the code, as opposed to a reference or an interpolation. */
export function isLiteralString(value: unknown): value is string {
  return typeof value === "string" && !value.includes("${");
}

/** Set to something: a non-empty literal or any reference. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/**
 * True for a KMS key reference that names a customer-managed key: set, and not the service's AWS-managed key
 * (`alias/aws/<service>`), whether written as the bare alias or as its alias ARN (`arn:aws:kms:...:alias/aws/<service>`).
 */
export function isCustomerManagedKey(value: unknown, awsManagedAlias: string): boolean {
  return isSet(value) && !(typeof value === "string" && (value === awsManagedAlias || value.endsWith(`:${awsManagedAlias}`)));
}

/** Terraform booleans arrive as `true` or, from overrides, `"true"`. */
export function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}

/** Nested blocks synthesize as an object (max one) or a list; this always gives the list. */
export function blocks(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is Record<string, unknown> => typeof item === "object" && item !== null);
}

/** `aws_s3_bucket.logs` from `${aws_s3_bucket.logs.id}`; undefined for literals and compound expressions. */
export function referencedAddress(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^\$\{((?:data\.)?[a-z0-9_]+\.[A-Za-z0-9_-]+)(?:\.[A-Za-z0-9_.[\]"*-]+)?\}$/.exec(value);
  return match?.[1];
}

/** Whether `value` names `target`: a reference to it, or its literal `nameAttribute` (a bucket given by name). */
export function refersTo(value: unknown, target: ElementView, nameAttribute?: string): boolean {
  if (referencedAddress(value) === target.address) return true;
  const name = nameAttribute ? target.attributes[nameAttribute] : undefined;
  return isLiteralString(value) && isLiteralString(name) && value === name;
}

// Credentials: the one detector config validation uses too (config/credentials.ts), so a value config accepts is
// never one a rule rejects. `isSecretName` is its name rule under the name the rules use.
export { credentialKind, environmentCredential, isCredentialName as isSecretName, looksLikeKey } from "../config/credentials";

/** A container definition as ECS reads it (the fields guardrails look at). */
export interface ContainerDefinition {
  readonly name?: string;
  readonly user?: string;
  readonly readonlyRootFilesystem?: boolean;
  readonly mountPoints?: readonly { readonly sourceVolume?: string; readonly containerPath?: string; readonly readOnly?: boolean }[];
  readonly secrets?: readonly { readonly name?: string; readonly valueFrom?: unknown }[];
  readonly environment?: readonly { readonly name?: string; readonly value?: unknown }[];
  readonly logConfiguration?: { readonly options?: Readonly<Record<string, unknown>> };
  /** Hard limit in MiB. */
  readonly memory?: number;
  /** Soft limit in MiB. */
  readonly memoryReservation?: number;
  readonly dependsOn?: readonly { readonly containerName?: string; readonly condition?: string }[];
}

/**
 * The containers of an `aws_ecs_task_definition`; undefined when the document is only known at plan time.
 * @throws for text that is not JSON, which ECS would reject anyway
 */
export function containerDefinitions(task: ElementView): ContainerDefinition[] | undefined {
  const text = task.attributes.container_definitions;
  if (typeof text !== "string" || /^\$\{[\s\S]*\}$/.test(text.trim())) return undefined;
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) throw new Error("container_definitions is not a JSON list");
  return parsed as ContainerDefinition[];
}

// ---------------------------------------------------------------------------------------------------------------
// IAM policy documents

export type PolicyKind = "identity" | "resource" | "trust";

export interface Statement {
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  /** `NotAction` in an Allow grants everything else: treated as a wildcard. */
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  /** `"*"` for everyone, else principal type to identifiers; undefined in identity policies. */
  readonly principals?: "*" | Readonly<Record<string, readonly string[]>>;
  readonly conditions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface PolicyAttribute {
  readonly attribute: string;
  readonly kind: PolicyKind;
  readonly value: unknown;
}

const IDENTITY_POLICY_TYPES = new Set(["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]);
const RESOURCE_POLICY_ATTRIBUTES: Readonly<Record<string, string>> = {
  aws_s3_bucket_policy: "policy",
  aws_s3_bucket: "policy",
  aws_kms_key: "policy",
  aws_kms_key_policy: "policy",
  aws_sns_topic: "policy",
  aws_sns_topic_policy: "policy",
  aws_sqs_queue: "policy",
  aws_sqs_queue_policy: "policy",
  aws_secretsmanager_secret: "policy",
  aws_secretsmanager_secret_policy: "policy",
  aws_ecr_repository_policy: "policy",
  aws_backup_vault_policy: "policy",
  aws_cloudwatch_log_resource_policy: "policy_document",
};

/** Every policy document an element carries, with what kind of policy it is. */
export function policyAttributes(element: ElementView): PolicyAttribute[] {
  const { type, attributes } = element;
  const found: PolicyAttribute[] = [];
  if (IDENTITY_POLICY_TYPES.has(type)) found.push({ attribute: "policy", kind: "identity", value: attributes.policy });
  if (type === "aws_iam_role") {
    found.push({ attribute: "assume_role_policy", kind: "trust", value: attributes.assume_role_policy });
    for (const [i, inline] of blocks(attributes.inline_policy).entries()) {
      found.push({ attribute: `inline_policy[${i}].policy`, kind: "identity", value: inline.policy });
    }
  }
  const resourceAttribute = RESOURCE_POLICY_ATTRIBUTES[type];
  if (resourceAttribute) found.push({ attribute: resourceAttribute, kind: "resource", value: attributes[resourceAttribute] });
  return found.filter((p) => isSet(p.value));
}

/**
 * The statements of a policy given as JSON text or as a reference to an `aws_iam_policy_document` in the stack.
 * Undefined when the document is only known at plan time (a cross-stack input, `jsonencode(...)`).
 * @throws for text that is not a policy document, which AWS would reject anyway
 */
export function policyStatements(value: unknown, context: Pick<RuleContext, "lookup">): Statement[] | undefined {
  if (typeof value !== "string") return undefined;
  const referenced = referencedAddress(value);
  if (referenced !== undefined) {
    const document = context.lookup(value);
    return document?.type === "data.aws_iam_policy_document" ? statementsOfPolicyDocument(document, context) : undefined;
  }
  if (/^\$\{[\s\S]*\}$/.test(value.trim())) return undefined;
  const parsed = JSON.parse(value) as { Statement?: unknown };
  if (typeof parsed !== "object" || parsed === null || parsed.Statement === undefined) {
    throw new Error("policy document has no Statement");
  }
  return (Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement]).map(statementOfJson);
}

function statementOfJson(raw: Record<string, unknown>): Statement {
  const principal = raw.Principal;
  return {
    sid: typeof raw.Sid === "string" ? raw.Sid : undefined,
    effect: raw.Effect === "Deny" ? "Deny" : "Allow",
    actions: strings(raw.Action),
    notActions: strings(raw.NotAction),
    resources: strings(raw.Resource),
    principals:
      principal === undefined
        ? undefined
        : principal === "*"
          ? "*"
          : Object.fromEntries(Object.entries(principal as Record<string, unknown>).map(([type, ids]) => [type, strings(ids)])),
    conditions: (raw.Condition ?? {}) as Statement["conditions"],
  };
}

function statementsOfPolicyDocument(document: ElementView, context: Pick<RuleContext, "lookup">): Statement[] | undefined {
  const merged: Statement[] = [];
  for (const source of [...strings(document.attributes.source_policy_documents), ...strings(document.attributes.override_policy_documents)]) {
    const statements = policyStatements(source, context);
    if (!statements) return undefined;
    merged.push(...statements);
  }
  for (const block of blocks(document.attributes.statement)) {
    const principals = blocks(block.principals);
    const conditions: Record<string, Record<string, unknown>> = {};
    for (const condition of blocks(block.condition)) {
      const test = String(condition.test);
      conditions[test] = { ...conditions[test], [String(condition.variable)]: condition.values };
    }
    merged.push({
      sid: typeof block.sid === "string" ? block.sid : undefined,
      effect: block.effect === "Deny" ? "Deny" : "Allow",
      actions: strings(block.actions),
      notActions: strings(block.not_actions),
      resources: strings(block.resources),
      principals: principals.length === 0 ? undefined : Object.fromEntries(principals.map((p) => [String(p.type), strings(p.identifiers)])),
      conditions,
    });
  }
  return merged;
}

function strings(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/** IAM action patterns are case-insensitive and take `*` and `?` wildcards. */
export function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
    "i",
  );
  return regex.test(action);
}

/** `*` or a whole service (`s3:*`). */
export function isWildcardAction(action: string): boolean {
  return action === "*" || /^[a-z0-9-]+:\*$/i.test(action);
}

/** A resource entry that covers every resource of a service: `*`, `arn:aws:s3:::*`, `arn:aws:secretsmanager:*:*:*`. */
export function isWildcardResource(resource: string): boolean {
  if (resource === "*") return true;
  const arn = /^arn:[^:]+:[^:]+:([^:]*):([^:]*):(.*)$/.exec(resource);
  return arn !== null && ["", "*"].includes(arn[1]) && ["", "*"].includes(arn[2]) && /^([a-z-]+[:/])?\*$/.test(arn[3]);
}

/** Statement grants to everyone: `"*"` or `{ AWS: "*" }`. */
export function grantsToEveryone(statement: Statement): boolean {
  if (statement.principals === "*") return true;
  return statement.principals?.AWS?.includes("*") === true;
}

/** Condition keys that pin who may call, so a `*` principal is not actually public. */
const CALLER_CONDITION_KEYS = [
  "aws:sourceaccount",
  "aws:sourcearn",
  "aws:sourceowner",
  "aws:sourcevpc",
  "aws:sourcevpce",
  "aws:sourceip",
  "aws:principalaccount",
  "aws:principalarn",
  "aws:principalorgid",
  "aws:principalorgpaths",
  "aws:userid",
  "kms:calleraccount",
  "kms:viaservice",
];

export function hasCallerCondition(statement: Statement): boolean {
  return Object.values(statement.conditions).some((keys) => Object.keys(keys).some((key) => CALLER_CONDITION_KEYS.includes(key.toLowerCase())));
}

/** `Sid "X"` or `statement 2` for messages. */
export function statementLabel(statement: Statement, index: number): string {
  return statement.sid ? `statement "${statement.sid}"` : `statement ${index + 1}`;
}
