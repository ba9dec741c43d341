/** Turns cdktf constructs into the plain `ElementView`s rules read, and gathers the app-wide facts. */
import {
  DefaultTokenResolver,
  StringConcat,
  TerraformDataSource,
  type TerraformElement,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  Token,
  Tokenization,
} from "cdktf";
import type { IConstruct } from "constructs";
import type { AppFacts, ElementView } from "./types";

const RESOLVER = new DefaultTokenResolver(new StringConcat());

interface RawElement {
  readonly kind: ElementView["kind"];
  readonly type: string;
  readonly name: string;
  readonly body: Record<string, unknown>;
}

/** Synth reads every resource twice (app facts, then its stack's pass); `toTerraform()` is the costly part. */
const rawCache = new WeakMap<IConstruct, RawElement | null>();

/** `toTerraform()` of an element: its attributes with escape-hatch overrides, tokens still unresolved. */
function rawBody(construct: IConstruct): RawElement | undefined {
  let raw = rawCache.get(construct);
  if (raw === undefined) {
    raw = readRawBody(construct as TerraformElement) ?? null;
    rawCache.set(construct, raw);
  }
  return raw ?? undefined;
}

function readRawBody(element: TerraformElement): RawElement | undefined {
  if (TerraformResource.isTerraformResource(element)) {
    const type = element.terraformResourceType;
    const [name, body] = Object.entries(element.toTerraform().resource[type])[0] as [string, Record<string, unknown>];
    return { kind: "resource", type, name, body };
  }
  if (TerraformDataSource.isTerraformDataSource(element)) {
    const type = element.terraformResourceType;
    const [name, body] = Object.entries(element.toTerraform().data[type])[0] as [string, Record<string, unknown>];
    return { kind: "data", type, name, body };
  }
  if (TerraformProvider.isTerraformProvider(element)) {
    const type = element.terraformResourceType;
    const body = (element.toTerraform().provider[type] as Record<string, unknown>[])[0];
    return { kind: "provider", type, name: String(body.alias ?? "default"), body };
  }
  if (TerraformOutput.isTerraformOutput(element)) {
    const [name, body] = Object.entries(element.toTerraform().output)[0] as [string, Record<string, unknown>];
    return { kind: "output", type: "output", name, body };
  }
  return undefined;
}

/**
 * The element as it will be synthesized, tokens resolved in its own stack (a cross-stack input reads
 * `${data.terraform_remote_state...}`); undefined for constructs that are not Terraform elements.
 */
export function elementView(construct: IConstruct): ElementView | undefined {
  const raw = rawBody(construct);
  if (!raw) return undefined;
  const { "//": _metadata, ...body } = raw.body;
  const attributes = Tokenization.resolve(body, { scope: construct, resolver: RESOLVER, preparing: false }) as Record<string, unknown>;
  const type = raw.kind === "data" ? `data.${raw.type}` : raw.kind === "provider" ? `provider.${raw.type}` : raw.type;
  const address = raw.kind === "provider" ? `${type}.${raw.name}` : `${type === "output" ? "output" : type}.${raw.name}`;
  return { kind: raw.kind, type, address, path: construct.node.path, attributes };
}

/**
 * Which stack and Terraform expression a token string stands for (`dev-vpc`, `aws_security_group.alb.id`), read
 * from cdktf's reference token. This is how a consumer in another stack is traced back to the security group it
 * uses; cdktf keeps both fields private, so a change there shows up as the cross-stack guardrail test failing.
 */
function referenceTarget(value: unknown): { stack: string; expression: string } | undefined {
  if (typeof value !== "string" || !Token.isUnresolved(value)) return undefined;
  const token = Tokenization.reverseString(value).firstToken as { identifier?: unknown; originStack?: unknown } | undefined;
  if (!token || typeof token.identifier !== "string" || !TerraformStack.isStack(token.originStack)) return undefined;
  return { stack: token.originStack.node.path, expression: token.identifier };
}

const SECURITY_GROUP_LIST_KEYS = ["security_groups", "vpc_security_group_ids", "security_group_ids"];

function* securityGroupReferences(value: unknown): Generator<unknown> {
  if (Array.isArray(value)) for (const item of value) yield* securityGroupReferences(item);
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (SECURITY_GROUP_LIST_KEYS.includes(key) && Array.isArray(child)) yield* child;
      else yield* securityGroupReferences(child);
    }
  }
}

/** Security-group users across every stack of the app (a group is made in `vpc` and used in `rds`, `edge`, ...). */
export function appFacts(root: IConstruct): AppFacts {
  const securityGroupUsers = new Map<string, Set<string>>();
  for (const construct of root.node.findAll()) {
    if (!TerraformResource.isTerraformResource(construct)) continue;
    const type = construct.terraformResourceType;
    // A group's own inline rules name other groups as sources, which is not using them.
    if (type === "aws_security_group" || type === "aws_default_security_group") continue;
    const body = rawBody(construct)!.body;
    const user = type === "aws_lb" || type === "aws_alb" ? `aws_lb:${String(body.load_balancer_type ?? "application")}` : type;
    for (const reference of securityGroupReferences(body)) {
      const target = referenceTarget(reference);
      if (!target) continue;
      const address = target.expression.replace(/\.id$/, "");
      const key = `${target.stack}/${address}`;
      if (!securityGroupUsers.has(key)) securityGroupUsers.set(key, new Set());
      securityGroupUsers.get(key)!.add(user);
    }
  }
  return { securityGroupUsers };
}
