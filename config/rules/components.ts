import type { ConfigIssue, CrossFieldRule, OptionalSection } from "../schema";
import { isImageFunction, isZipFunction } from "../sections/functions";

type Config = Parameters<CrossFieldRule>[0];

/** A section another one cannot do without: an optional top-level section, or the artifacts bucket of `storage`. */
type Needed = OptionalSection | "storage.artifacts";

function isPresent(c: Config, section: Needed): boolean {
  return section === "storage.artifacts" ? c.storage.artifacts !== undefined : c[section] !== undefined;
}

/**
 * Which sections a configured component cannot be built without. Every component is optional (seed 002 has no VPC,
 * load balancer or containers), so a section that is present must bring the sections its stacks read; the wiring in
 * stacks/index.ts then fails loudly on a missing input instead of skipping a stack.
 */
const REQUIRES: readonly { when: (c: Config) => boolean; path: string; needs: readonly Needed[]; why: string }[] = [
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
    needs: ["network", "edge", "observability"],
    why: "its health check, failover records and Client VPN serve the ALB in the VPC, and its alarms page the alarm topic",
  },
  {
    when: (c) => (c.functions ?? []).some((fn) => fn.vpc),
    path: "functions",
    needs: ["network"],
    why: "a function with vpc: true runs in the private subnets",
  },
  {
    when: (c) => (c.functions ?? []).some(isImageFunction),
    path: "functions",
    needs: ["ecs"],
    why: "ecs.ecr sets the lifecycle of the functions' image repositories",
  },
  {
    when: (c) => (c.functions ?? []).some(isZipFunction),
    path: "functions",
    needs: ["storage.artifacts", "observability"],
    why: "zip functions run packages from the artifacts bucket and their rollback alarms page the alarm topic",
  },
  {
    when: (c) => c.api !== undefined,
    path: "api",
    needs: ["functions", "identity"],
    why: "its routes call zip functions and its authorizer is the Cognito user pool",
  },
  { when: (c) => c.workflow !== undefined, path: "workflow", needs: ["functions"], why: "the state machine's steps are zip functions" },
];

export const componentRules: CrossFieldRule[] = [
  (c) =>
    REQUIRES.filter((requirement) => requirement.when(c)).flatMap(({ path, needs, why }) =>
      needs.filter((section) => !isPresent(c, section)).map((section): ConfigIssue => ({ path: [path], message: `requires ${section}: ${why}` })),
    ),
  (c) =>
    c.ecs !== undefined && c.services.length === 0 && !(c.functions ?? []).some(isImageFunction)
      ? [{ path: ["ecs"], message: "is configured, but there is no service and no container-image function: remove it" }]
      : [],
];
