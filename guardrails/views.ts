/**
 * Turns a stack's synthesized Terraform JSON into the plain `ElementView`s rules read, and gathers the facts
 * that span stacks. Rules see exactly what synth writes, without resolving a single token again.
 */
import { TerraformDataSource, TerraformOutput, TerraformProvider, TerraformResource, TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";
import { referencedAddress } from "./helpers";
import type { AppFacts, ElementView, StackJson } from "./types";

/** An element of a stack with the construct that made it (which carries its suppressions). */
export interface StackElement {
  readonly view: ElementView;
  readonly construct: IConstruct;
}

/** The Terraform address of a construct that is a Terraform element, as it appears in the stack's JSON. */
function addressOf(construct: IConstruct): { kind: ElementView["kind"]; type: string; name: string } | undefined {
  if (TerraformResource.isTerraformResource(construct)) {
    return { kind: "resource", type: construct.terraformResourceType, name: construct.friendlyUniqueId };
  }
  if (TerraformDataSource.isTerraformDataSource(construct)) {
    return { kind: "data", type: construct.terraformResourceType, name: construct.friendlyUniqueId };
  }
  if (TerraformProvider.isTerraformProvider(construct)) {
    return { kind: "provider", type: construct.terraformResourceType, name: construct.alias ?? "default" };
  }
  if (TerraformOutput.isTerraformOutput(construct)) return { kind: "output", type: "output", name: construct.friendlyUniqueId };
  return undefined;
}

function bodyOf(json: StackJson, kind: ElementView["kind"], type: string, name: string): Record<string, unknown> | undefined {
  switch (kind) {
    case "resource":
      return json.resource?.[type]?.[name];
    case "data":
      return json.data?.[type]?.[name];
    case "provider":
      return json.provider?.[type]?.find((block) => (block.alias ?? "default") === name);
    case "output":
      return json.output?.[name];
  }
}

/**
 * Every resource, data source, provider and output of `stack`, in construct order, as synthesized in `json`
 * (escape-hatch overrides merged in, tokens resolved: a reference reads `${aws_kms_key.rds_key.arn}`, a
 * cross-stack input `${data.terraform_remote_state...}`).
 */
export function stackElements(stack: TerraformStack, json: StackJson): StackElement[] {
  const elements: StackElement[] = [];
  for (const construct of stack.node.findAll()) {
    const at = addressOf(construct);
    if (!at || TerraformStack.of(construct) !== stack) continue;
    const body = bodyOf(json, at.kind, at.type, at.name);
    if (!body) continue;
    const { "//": _metadata, ...attributes } = body;
    const type = at.kind === "data" ? `data.${at.type}` : at.kind === "provider" ? `provider.${at.type}` : at.type;
    elements.push({ construct, view: { kind: at.kind, type, address: `${type}.${at.name}`, path: construct.node.path, attributes } });
  }
  return elements;
}

const SECURITY_GROUP_LIST_KEYS = new Set(["security_groups", "vpc_security_group_ids", "security_group_ids"]);
const REMOTE_OUTPUT = /^\$\{data\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)\}$/;

function collectSecurityGroupReferences(value: unknown, found: string[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectSecurityGroupReferences(item, found);
  } else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (SECURITY_GROUP_LIST_KEYS.has(key) && Array.isArray(child)) {
        for (const item of child) if (typeof item === "string") found.push(item);
      } else {
        collectSecurityGroupReferences(child, found);
      }
    }
  }
}

/** Where a backend keeps a state, so a `terraform_remote_state` can be traced to the stack that writes it. */
function stateLocation(backend: string, config: Record<string, unknown>): string {
  return backend === "s3" ? `s3://${String(config.bucket)}/${String(config.key)}` : `${backend}:${JSON.stringify(config.path ?? config)}`;
}

/**
 * Security-group users across every stack of the app (a group is made in `vpc` and used in `rds`, `edge`, ...),
 * traced through `terraform_remote_state` to the output, and so the group, of the stack that writes that state.
 */
export function appFacts(stacks: ReadonlyMap<string, StackJson>): AppFacts {
  const writers = new Map<string, string>();
  for (const [id, json] of stacks) {
    for (const [backend, config] of Object.entries(json.terraform?.backend ?? {})) writers.set(stateLocation(backend, config), id);
  }
  const securityGroupUsers = new Map<string, Set<string>>();
  for (const [id, json] of stacks) {
    for (const [type, blocks] of Object.entries(json.resource ?? {})) {
      // A group's own inline rules name other groups as sources, which is not using them.
      if (type === "aws_security_group" || type === "aws_default_security_group") continue;
      for (const body of Object.values(blocks)) {
        const user = type === "aws_lb" || type === "aws_alb" ? `aws_lb:${String(body.load_balancer_type ?? "application")}` : type;
        const references: string[] = [];
        collectSecurityGroupReferences(body, references);
        for (const reference of references) {
          const group = securityGroupOf(id, json, reference, stacks, writers);
          if (!group) continue;
          if (!securityGroupUsers.has(group)) securityGroupUsers.set(group, new Set());
          securityGroupUsers.get(group)!.add(user);
        }
      }
    }
  }
  return { securityGroupUsers };
}

/** `<stack id>/<security group address>` that a reference in stack `id` names, through remote state if need be. */
function securityGroupOf(
  id: string,
  json: StackJson,
  reference: string,
  stacks: ReadonlyMap<string, StackJson>,
  writers: ReadonlyMap<string, string>,
): string | undefined {
  const remote = REMOTE_OUTPUT.exec(reference);
  if (!remote) {
    const address = referencedAddress(reference);
    return address === undefined ? undefined : `${id}/${address}`;
  }
  const state = json.data?.terraform_remote_state?.[remote[1]];
  const writer = state && writers.get(stateLocation(String(state.backend), (state.config ?? {}) as Record<string, unknown>));
  const output = writer === undefined ? undefined : stacks.get(writer)?.output?.[remote[2]];
  const address = referencedAddress(output?.value);
  return writer === undefined || address === undefined ? undefined : `${writer}/${address}`;
}
