// `npm run graph`: the stack dependency graph of every environment (INFRA_ENVS limits them), computed from the
// synthesized stacks, as mermaid, a deploy order and the cdktf commands that follow it. Exits 1 on a cycle.
import { DependencyCycleError, stackGraph, toMermaid, topologicalOrder } from "./stack-graph";
import { synthesizeApp } from "./terraform/synth";

const app = synthesizeApp();
const environments = [...new Set(app.stacks.map((stack) => stack.environment))];
let failed = false;

for (const environment of environments) {
  const nodes = stackGraph(app.stacks.filter((stack) => stack.environment === environment));
  console.log(`## ${environment}\n`);
  let order: string[];
  try {
    order = topologicalOrder(nodes);
  } catch (error) {
    if (!(error instanceof DependencyCycleError)) throw error;
    console.error(`ERROR: ${error.message}\n`);
    failed = true;
    continue;
  }
  console.log("```mermaid\n" + toMermaid(nodes) + "\n```\n");
  const byId = new Map(nodes.map((node) => [node.id, node]));
  console.log("Deploy order:");
  order.forEach((id, i) => {
    const upstreams = [...byId.get(id)!.dependsOn.keys()].map((upstream) => byId.get(upstream)!.component);
    console.log(`  ${i + 1}. ${id}${upstreams.length ? `  (needs ${upstreams.join(", ")})` : ""}`);
  });
  console.log("\nCommands:");
  for (const id of order) {
    const local = app.stack(id).json.terraform.backend?.local !== undefined;
    console.log(`  npx cdktf deploy ${id}${local ? "   # local state: migrate it into S3 next (README, State and locking)" : ""}`);
  }
  console.log("");
}

process.exitCode = failed ? 1 : 0;
