import { z } from "zod";
import { dailyWindow, weeklyWindow } from "../windows";
import { logRetentionDays } from "./common";

/** ElastiCache replication group id rules: letter first, a-z 0-9 '-', no '--', no trailing '-', at most 40. */
const replicationGroupId = z
  .string()
  .max(40, "must be at most 40 characters")
  .regex(/^[a-z][a-z0-9-]*$/, "must start with a lower-case letter and use only a-z, 0-9 and '-'")
  .refine((id) => !id.includes("--") && !id.endsWith("-"), "must not contain '--' or end with '-'");

export const cacheSchema = z.strictObject({
  /** Replication group id; member nodes are named `<id>-001`, `<id>-002`, ... */
  replicationGroupId,
  /** Redis OSS 6.x/7.x as `major.minor` (7.1); the parameter group family follows from the major. */
  engineVersion: z.string().regex(/^[67]\.\d$/, "must be a Redis OSS version major.minor with major 6 or 7, such as 7.1"),
  /** `cache.<family>.<size>`, e.g. cache.t4g.micro. */
  nodeType: z
    .string()
    .regex(
      /^cache\.[a-z][a-z0-9-]*\.(micro|small|medium|large|\d*xlarge)$/,
      "must be an ElastiCache node type cache.<family>.<size> such as cache.t4g.micro",
    ),
  /** Nodes in the group: one primary plus replicas (1-6). */
  numCacheClusters: z.number().int().min(1, "must be between 1 and 6").max(6, "must be between 1 and 6"),
  /** Promote a replica when the primary fails. */
  automaticFailover: z.boolean(),
  /** Spread primary and replicas over AZs (needs automatic failover). */
  multiAz: z.boolean(),
  /** Days of daily snapshots kept; 0 turns snapshots off. */
  snapshotRetentionDays: z.number().int().min(0, "must be between 0 and 35 days").max(35, "must be between 0 and 35 days"),
  /** Daily UTC snapshot window, at least 60 minutes. */
  snapshotWindow: dailyWindow(60),
  /** Weekly UTC maintenance window, at least 60 minutes, not overlapping the snapshot window. */
  maintenanceWindow: weeklyWindow(60),
  /** Eviction policy when memory is full (`noeviction` if Redis holds queues that must not lose entries). */
  maxmemoryPolicy: z.enum([
    "volatile-lru",
    "allkeys-lru",
    "volatile-lfu",
    "allkeys-lfu",
    "volatile-random",
    "allkeys-random",
    "volatile-ttl",
    "noeviction",
  ]),
  /** Retention of the slow-log and engine-log groups. */
  logRetentionDays,
});

export type CacheConfig = z.infer<typeof cacheSchema>;

/** Parameter group family of an engine version: `redis7` for 7.x, `redis6.x` for 6.x. */
export function redisParameterFamily(engineVersion: string): string {
  const major = engineVersion.split(".")[0];
  return major === "6" ? "redis6.x" : `redis${major}`;
}
