import type { ConfigIssue, CrossFieldRule, OptionalSection } from "../schema";

/**
 * Which sections a configured component cannot be built without. Every component is optional (seed 002 has no VPC,
 * load balancer or containers), so a section that is present must bring the sections its stacks read; the wiring in
 * stacks/index.ts then fails loudly on a missing input instead of skipping a stack.
 */
const REQUIRES: readonly { when: (c: Parameters<CrossFieldRule>[0]) => boolean; path: string; needs: readonly OptionalSection[]; why: string }[] = [
  { when: (c) => c.services.length > 0, path: "services", needs: ["network", "ecs", "edge"], why: "services run in the VPC on ECS behind the ALB" },
  {
    when: (c) => c.edge !== undefined,
    path: "edge",
    needs: ["network", "ecs"],
    why: "the load balancer lives in the VPC and forwards to the ECS services",
  },
  { when: (c) => c.database !== undefined, path: "database", needs: ["network"], why: "the instance lives in the VPC's database subnets" },
  { when: (c) => c.cache !== undefined, path: "cache", needs: ["network"], why: "the cluster lives in the VPC's database subnets" },
  {
    when: (c) => c.messaging !== undefined,
    path: "messaging",
    needs: ["network", "edge"],
    why: "its health check, failover records and Client VPN serve the ALB in the VPC",
  },
  {
    when: (c) => (c.functions ?? []).some((fn) => fn.vpc),
    path: "functions",
    needs: ["network"],
    why: "a function with vpc: true runs in the private subnets",
  },
  {
    when: (c) => (c.functions ?? []).length > 0,
    path: "functions",
    needs: ["ecs"],
    why: "ecs.ecr sets the lifecycle of the functions' image repositories",
  },
];

export const componentRules: CrossFieldRule[] = [
  (c) =>
    REQUIRES.filter((requirement) => requirement.when(c)).flatMap(({ path, needs, why }) =>
      needs.filter((section) => c[section] === undefined).map((section): ConfigIssue => ({ path: [path], message: `requires ${section}: ${why}` })),
    ),
  (c) =>
    c.ecs !== undefined && c.services.length === 0 && (c.functions ?? []).length === 0
      ? [{ path: ["ecs"], message: "is configured, but there is no service and no container-image function: remove it" }]
      : [],
];
