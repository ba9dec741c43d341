// `npm run graph`: the stack dependency graph of every environment (INFRA_ENVS limits them), computed from the
// synthesized stacks, as mermaid, a deploy order and the cdktf commands that follow it. Exits 1 on a cycle.
import { loadBlueprints } from "../config";
import { deployCommands } from "./deploy-steps";
import { DependencyCycleError, stackGraph, toMermaid, topologicalOrder } from "./stack-graph";
import { synthesizeApp } from "./terraform/synth";

const app = synthesizeApp();
const configs = loadBlueprints();
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
  console.log(`\`\`\`mermaid\n${toMermaid(nodes)}\n\`\`\`\n`);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  console.log("Deploy order:");
  order.forEach((id, i) => {
    const upstreams = [...byId.get(id)!.dependsOn.keys()].map((upstream) => byId.get(upstream)!.component);
    console.log(`  ${i + 1}. ${id}${upstreams.length ? `  (needs ${upstreams.join(", ")})` : ""}`);
  });
  console.log("\nCommands:");
  const config = configs.find((candidate) => candidate.environment === environment)!;
  const stacks = order.map((id) => ({
    id,
    component: byId.get(id)!.component,
    localBackend: app.stack(id).json.terraform.backend?.local !== undefined,
  }));
  for (const line of deployCommands(stacks, config)) console.log(`  ${line}`);
  console.log("");
}

process.exitCode = failed ? 1 : 0;
