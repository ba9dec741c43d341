import type { TerraformJson } from "./terraform/stack-json";
import { remoteStateReads } from "./terraform/stack-json";

/** What the graph needs of a synthesized stack (`SynthesizedStack` from scripts/terraform/synth fits). */
export interface GraphInput {
  readonly id: string;
  readonly environment: string;
  readonly component: string;
  readonly json: TerraformJson;
  /** Stack ids from cdktf's manifest (cross-stack references and `addDependency`). */
  readonly dependencies: readonly string[];
}

/** One stack and the stacks that must be deployed before it, each with why. */
export interface StackNode {
  readonly id: string;
  readonly component: string;
  readonly dependsOn: ReadonlyMap<string, readonly string[]>;
}

export class DependencyCycleError extends Error {
  constructor(readonly cycle: readonly string[]) {
    super(`stack dependency cycle: ${cycle.join(" needs ")}`);
    this.name = "DependencyCycleError";
  }
}

/**
 * The deploy-order graph of one environment's stacks, from what terraform itself will need at plan time:
 * a stack depends on the stacks whose state it reads (`terraform_remote_state`, matched by backend bucket and
 * key), on the stacks cdktf lists as its dependencies, and on the stack that creates its backend's bucket.
 */
export function stackGraph(stacks: readonly GraphInput[]): StackNode[] {
  const byBackend = new Map<string, string>();
  const bucketOwners = new Map<string, string>();
  for (const stack of stacks) {
    const s3 = stack.json.terraform.backend?.s3;
    if (s3) byBackend.set(`${s3.bucket}/${s3.key}`, stack.id);
    for (const bucket of Object.values(stack.json.resource?.aws_s3_bucket ?? {})) {
      if (typeof bucket.bucket === "string") bucketOwners.set(bucket.bucket, stack.id);
    }
  }
  const ids = new Set(stacks.map((stack) => stack.id));
  return stacks.map((stack) => {
    const dependsOn = new Map<string, string[]>();
    const add = (upstream: string | undefined, reason: string) => {
      if (!upstream || upstream === stack.id || !ids.has(upstream)) return;
      dependsOn.set(upstream, [...(dependsOn.get(upstream) ?? []), reason]);
    };
    for (const read of remoteStateReads(stack.json)) {
      const upstream = byBackend.get(`${read.config.bucket}/${read.config.key}`);
      if (!upstream) throw new Error(`${stack.id} reads state ${read.config.bucket}/${read.config.key}, which no stack writes`);
      add(upstream, `reads ${read.outputs.length} output(s)`);
    }
    for (const upstream of stack.dependencies) add(upstream, "cdktf dependency");
    const bucket = stack.json.terraform.backend?.s3?.bucket;
    if (bucket) add(bucketOwners.get(bucket), "creates its state bucket");
    return { id: stack.id, component: stack.component, dependsOn };
  });
}

/**
 * Stack ids so that every stack comes after the stacks it depends on; among stacks that are ready at the same
 * time, the input order (the order `buildEnvironment` creates them) decides.
 * @throws DependencyCycleError naming the stacks of one cycle
 */
export function topologicalOrder(nodes: readonly StackNode[]): string[] {
  const remaining = new Map(nodes.map((node) => [node.id, new Set(node.dependsOn.keys())]));
  const order: string[] = [];
  while (remaining.size > 0) {
    const ready = nodes.find((node) => remaining.has(node.id) && remaining.get(node.id)!.size === 0);
    if (!ready) throw new DependencyCycleError(findCycle(nodes, new Set(remaining.keys())));
    order.push(ready.id);
    remaining.delete(ready.id);
    for (const upstreams of remaining.values()) upstreams.delete(ready.id);
  }
  return order;
}

function findCycle(nodes: readonly StackNode[], among: ReadonlySet<string>): string[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  // Every stack left has an unresolved upstream, so walking upstream must come back to a stack already seen.
  const path: string[] = [];
  let current = [...among][0];
  while (!path.includes(current)) {
    path.push(current);
    current = [...byId.get(current)!.dependsOn.keys()].find((upstream) => among.has(upstream))!;
  }
  return [...path.slice(path.indexOf(current)), current];
}

/**
 * A mermaid flowchart (upstream --> downstream, by component name). Edges implied by a longer path are left
 * out, so the picture shows the layers rather than every stack's arrow from bootstrap.
 */
export function toMermaid(nodes: readonly StackNode[]): string {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const reaches = (from: string, to: string, skipDirect: boolean): boolean => {
    const stack = [...byId.get(from)!.dependsOn.keys()].filter((upstream) => !(skipDirect && upstream === to));
    const seen = new Set<string>();
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === to) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...byId.get(next)!.dependsOn.keys());
    }
    return false;
  };
  const lines = ["graph TD"];
  for (const node of nodes) {
    if (node.dependsOn.size === 0 && !nodes.some((other) => other.dependsOn.has(node.id))) lines.push(`  ${node.component}`);
    for (const upstream of node.dependsOn.keys()) {
      if (!reaches(node.id, upstream, true)) lines.push(`  ${byId.get(upstream)!.component} --> ${node.component}`);
    }
  }
  return lines.join("\n");
}
