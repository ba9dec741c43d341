// The stack graph sections of docs/architecture.md (the default blueprint) and of each blueprint's own page: the graph
// `npm run graph` prints (scripts/stack-graph.ts), for every environment of the blueprint, between markers, so that
// the rest of the page stays hand-written.
import { DEFAULT_BLUEPRINT } from "../../config";
import { stackGraph, toMermaid, topologicalOrder } from "../stack-graph";
import { type SynthesizedApp, synthesizeApp } from "../terraform/synth";

export const ARCHITECTURE_PAGE = "docs/architecture.md";
/** Blueprints with a page of their own, which carries their stack graph region. */
export const BLUEPRINT_PAGES: Readonly<Record<string, string>> = { "voice-assistant": "docs/voice-assistant.md" };
export const GRAPH_BEGIN = "<!-- BEGIN GENERATED: stack graph (`npm run docs` from scripts/stack-graph.ts; do not edit by hand) -->";
export const GRAPH_END = "<!-- END GENERATED: stack graph -->";

/** The generated region's content for one blueprint, without its markers. */
export function renderStackGraphSection(
  blueprint: string = DEFAULT_BLUEPRINT,
  app: SynthesizedApp = synthesizeApp({ blueprints: blueprint, environments: "" }),
): string {
  const environments = [...new Set(app.stacks.map((stack) => stack.environment))];
  // Environments with the same graph share one picture.
  const groups = new Map<string, { environments: string[]; order: string[] }>();
  for (const environment of environments) {
    const nodes = stackGraph(app.stacks.filter((stack) => stack.environment === environment));
    const mermaid = toMermaid(nodes);
    const order = topologicalOrder(nodes).map((id) => nodes.find((node) => node.id === id)!.component);
    const key = `${mermaid}\n${order.join(",")}`;
    const group = groups.get(key) ?? { environments: [], order };
    group.environments.push(environment);
    groups.set(key, group);
  }
  const lines = [
    `The deploy-order graph of the \`${blueprint}\` blueprint, computed from the synthesized stacks (which remote`,
    "states each stack reads, cdktf's dependencies, and which stack creates the state bucket); an arrow points from",
    "a stack to one that needs it, and arrows implied by a longer path are left out. `npm run graph` prints the same",
    "for the selected environments, with the `cdktf deploy` commands in order.",
  ];
  for (const [key, group] of groups) {
    const mermaid = key.slice(0, key.lastIndexOf("\n"));
    lines.push(
      "",
      `**${group.environments.join(", ")}**`,
      "",
      "```mermaid",
      mermaid,
      "```",
      "",
      `Deploy order: ${group.order.map((component) => `\`${component}\``).join(", ")}.`,
    );
  }
  return lines.join("\n");
}

/** `page` (at `path`) with its generated stack graph region replaced by `content`. */
export function withStackGraph(page: string, content: string, path = ARCHITECTURE_PAGE): string {
  return withRegion(page, path, GRAPH_BEGIN, GRAPH_END, content);
}

/** `page` (at `path`) with the text between the `begin` and `end` markers replaced by `content`. */
export function withRegion(page: string, path: string, begin: string, end: string, content: string): string {
  const from = page.indexOf(begin);
  const to = page.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path} has no region between "${begin}" and "${end}"`);
  return `${page.slice(0, from + begin.length)}\n${content}\n${page.slice(to)}`;
}
