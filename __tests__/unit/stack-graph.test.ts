import { describe, expect, it } from "vitest";
import { DependencyCycleError, type GraphInput, stackGraph, toMermaid, topologicalOrder } from "../../scripts/stack-graph";
import { synthEnvironment } from "../support/synth";

interface StackOptions {
  readonly dependencies?: string[];
  /** Buckets the stack creates. */
  readonly buckets?: string[];
  /** Keep state locally instead of in the `state` bucket. */
  readonly localBackend?: boolean;
}

/** A minimal synthesized stack: S3 backend at `state/<component>.tfstate`, remote-state reads of `reads`. */
function stack(component: string, reads: string[] = [], options: StackOptions = {}): GraphInput {
  const data = Object.fromEntries(
    reads.map((upstream) => [`read_${upstream}`, { backend: "s3", config: { bucket: "state", key: `${upstream}.tfstate` } }]),
  );
  const outputsRead = reads.map((upstream) => `\${data.terraform_remote_state.read_${upstream}.outputs.value}`);
  return {
    id: `prod-${component}`,
    environment: "prod",
    component,
    dependencies: options.dependencies ?? [],
    json: {
      terraform: { backend: options.localBackend ? { local: { path: "x" } } : { s3: { bucket: "state", key: `${component}.tfstate` } } },
      data: reads.length ? { terraform_remote_state: data } : undefined,
      resource: {
        ...(outputsRead.length ? { null_resource: { uses: { triggers: outputsRead } } } : {}),
        ...(options.buckets ? { aws_s3_bucket: Object.fromEntries(options.buckets.map((b) => [b, { bucket: b }])) } : {}),
      },
    },
  };
}

describe("stack graph", () => {
  const prod = synthEnvironment("prod");

  it("orders stacks after the stacks whose state they read, keeping the input order among ready ones", () => {
    const nodes = stackGraph([stack("app", ["db", "network"]), stack("db", ["network"]), stack("network"), stack("dns")]);
    expect(topologicalOrder(nodes)).toEqual(["prod-network", "prod-db", "prod-app", "prod-dns"]);
  });

  it("puts the stack that creates the state bucket first, and follows cdktf's own dependencies", () => {
    const bootstrap = stack("bootstrap", [], { buckets: ["state"], localBackend: true });
    const nodes = stackGraph([stack("app", [], { dependencies: ["prod-worker"] }), stack("worker"), bootstrap]);
    expect(topologicalOrder(nodes)).toEqual(["prod-bootstrap", "prod-worker", "prod-app"]);
    expect([...nodes[0].dependsOn.entries()]).toEqual([
      ["prod-worker", ["cdktf dependency"]],
      ["prod-bootstrap", ["creates its state bucket"]],
    ]);
  });

  it("fails on a cycle and names the stacks in it", () => {
    const nodes = stackGraph([stack("a", ["c"]), stack("b", ["a"]), stack("c", ["b"]), stack("d")]);
    expect(() => topologicalOrder(nodes)).toThrow(DependencyCycleError);
    try {
      topologicalOrder(nodes);
    } catch (error) {
      const cycle = (error as DependencyCycleError).cycle;
      expect(cycle[0]).toBe(cycle[cycle.length - 1]);
      expect(new Set(cycle)).toEqual(new Set(["prod-a", "prod-b", "prod-c"]));
    }
  });

  it("refuses a remote state that no stack writes", () => {
    expect(() => stackGraph([stack("app", ["ghost"])])).toThrow(/prod-app reads state state\/ghost.tfstate, which no stack writes/);
  });

  it("draws mermaid without the arrows a longer path already implies", () => {
    const nodes = stackGraph([stack("network"), stack("db", ["network"]), stack("app", ["db", "network"]), stack("dns")]);
    expect(toMermaid(nodes).split("\n")).toEqual(["graph TD", "  network --> db", "  db --> app", "  dns"]);
  });

  it("orders the real prod stacks: bootstrap, then secrets-kms, and every stack after each stack it reads", () => {
    const inputs = prod.stackIds.map((id) => {
      const component = id.slice("prod-".length);
      return { id, environment: "prod", component, json: prod.stack(component).json as GraphInput["json"], dependencies: [] };
    });
    const nodes = stackGraph(inputs);
    const order = topologicalOrder(nodes);
    expect(order.slice(0, 2)).toEqual(["prod-bootstrap", "prod-secrets-kms"]);
    for (const node of nodes) {
      for (const upstream of node.dependsOn.keys()) expect(order.indexOf(upstream)).toBeLessThan(order.indexOf(node.id));
    }
    expect(nodes.find((n) => n.id === "prod-rds")!.dependsOn.has("prod-vpc")).toBe(true);
  });
});
