import { type GraphInput, stackGraph, topologicalOrder } from "../stack-graph";
import type { OfflinePlan } from "./offline-plan";

export const PLAN_USAGE = "usage: npm run plan:offline -- --all | <stack id> [...]   e.g. prod-rds";

/**
 * The stacks `npm run plan:offline` was asked for: `--all`, or stack ids (each must be one of `stacks`).
 * Returns the usage problem instead when the arguments are neither.
 */
export function selectStacks<T extends { id: string }>(
  stacks: readonly T[],
  args: readonly string[],
): { stacks: readonly T[] } | { problem: string } {
  if (args.length === 1 && args[0] === "--all") return { stacks };
  const flags = args.filter((arg) => arg.startsWith("-"));
  if (args.length === 0 || flags.length > 0)
    return { problem: flags.length > 0 ? `unknown or misplaced option: ${flags.join(" ")}` : "no stacks named" };
  const byId = new Map(stacks.map((stack) => [stack.id, stack]));
  const unknown = args.filter((id) => !byId.has(id));
  if (unknown.length > 0) return { problem: `unknown stack: ${unknown.join(", ")}\nsynthesized: ${[...byId.keys()].join(", ")}` };
  return { stacks: [...new Set(args)].map((id) => byId.get(id)!) };
}

/**
 * Stacks in deploy order: environment by environment as synthesized (`<project>/<env>`), each in the order of its
 * stack graph (`npm run graph`).
 * @throws DependencyCycleError when an environment's stacks depend on each other in a circle
 */
export function deployOrder<T extends GraphInput & { readonly project: string }>(stacks: readonly T[]): T[] {
  const environments = new Map<string, T[]>();
  for (const stack of stacks) {
    const key = `${stack.project}/${stack.environment}`;
    environments.set(key, [...(environments.get(key) ?? []), stack]);
  }
  const byId = new Map(stacks.map((stack) => [stack.id, stack]));
  return [...environments.values()].flatMap((members) => topologicalOrder(stackGraph(members)).map((id) => byId.get(id)!));
}

/** Why a stack's offline plan fails: terraform's errors, or a plan that does not create exactly the synthesized resources. */
export function planFailures(plan: OfflinePlan): string[] {
  if (plan.errors.length > 0) return [...plan.errors];
  const notPlanned = plan.synthesized.filter((address) => !plan.planned.includes(address));
  const notSynthesized = plan.planned.filter((address) => !plan.synthesized.includes(address));
  return [
    ...(notPlanned.length > 0 ? [`synthesized but not planned: ${notPlanned.join(", ")}`] : []),
    ...(notSynthesized.length > 0 ? [`planned but not synthesized: ${notSynthesized.join(", ")}`] : []),
  ];
}

/** The run's last line: every stack of the run, and how many of them failed (unplannable ones included). */
export function summaryLine(plans: readonly OfflinePlan[]): string {
  return `planned ${plans.length} stacks, ${plans.filter((plan) => planFailures(plan).length > 0).length} failed`;
}
