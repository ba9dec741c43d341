// The deploy commands of docs/first-deploy.md: what `npm run graph` prints for the default blueprint's prod, with
// the manual steps between stacks, between markers, so the page cannot drift from the stack graph.
import { DEFAULT_BLUEPRINT, loadBlueprints } from "../../config";
import { deployCommands } from "../deploy-steps";
import { stackGraph, topologicalOrder } from "../stack-graph";
import { type SynthesizedApp, synthesizeApp } from "../terraform/synth";
import { withRegion } from "./stack-graph-section";

export const FIRST_DEPLOY_PAGE = "docs/first-deploy.md";
const ENVIRONMENT = "prod";
export const COMMANDS_BEGIN = "<!-- BEGIN GENERATED: prod deploy commands (`npm run docs` from scripts/deploy-steps.ts; do not edit by hand) -->";
export const COMMANDS_END = "<!-- END GENERATED: prod deploy commands -->";

/** The generated region's content, without its markers. */
export function renderDeployCommandsSection(
  app: SynthesizedApp = synthesizeApp({ blueprints: DEFAULT_BLUEPRINT, environments: ENVIRONMENT }),
): string {
  const [config] = loadBlueprints(DEFAULT_BLUEPRINT, ENVIRONMENT);
  const stacks = app.stacks.filter((stack) => stack.environment === ENVIRONMENT && stack.project === DEFAULT_BLUEPRINT);
  const nodes = stackGraph(stacks);
  const order = topologicalOrder(nodes).map((id) => {
    const stack = stacks.find((candidate) => candidate.id === id)!;
    return { id, component: stack.component, localBackend: stack.json.terraform.backend?.local !== undefined };
  });
  return ["```sh", ...deployCommands(order, config), "```"].join("\n");
}

/** `page` with its generated region replaced by `content`. */
export function withDeployCommands(page: string, content: string): string {
  return withRegion(page, FIRST_DEPLOY_PAGE, COMMANDS_BEGIN, COMMANDS_END, content);
}
