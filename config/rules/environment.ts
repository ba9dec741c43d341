import type { CrossFieldRule } from "../schema";

/** Tag keys the stacks set on every resource themselves. */
const RESERVED_TAG_KEYS = ["project", "environment", "component", "managed-by"];

/** Rules over the top-level fields: the extra tags and the DR region. */
export const environmentRules: CrossFieldRule[] = [
  (c) =>
    Object.keys(c.tags)
      .filter((key) => RESERVED_TAG_KEYS.includes(key.toLowerCase()))
      .map((key) => ({ path: ["tags", key], message: "is set by the stacks themselves; remove it" })),
  (c) =>
    c.dr.enabled && c.dr.region === c.region ? [{ path: ["dr", "region"], message: `must differ from region (${c.region}) when DR is enabled` }] : [],
];
