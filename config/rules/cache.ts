import type { ConfigIssue, CrossFieldRule } from "../schema";
import type { CacheConfig } from "../sections/cache";
import { dailyOverlapsWeekly, parseDailyWindow, parseWeeklyWindow } from "../windows";

const at = (field: string) => ["cache", field];

/** Rules over an environment that has a cache; none apply without one. */
const rules: ((config: Parameters<CrossFieldRule>[0] & { cache: CacheConfig }) => ConfigIssue[])[] = [
  ({ cache }) =>
    cache.automaticFailover && cache.numCacheClusters < 2
      ? [{ path: at("numCacheClusters"), message: "must be at least 2 when automaticFailover is on (a replica to promote)" }]
      : [],
  ({ cache }) =>
    cache.multiAz && !cache.automaticFailover
      ? [{ path: at("multiAz"), message: "requires automaticFailover (ElastiCache rejects Multi-AZ without it)" }]
      : [],
  ({ cache }) => {
    const snapshot = parseDailyWindow(cache.snapshotWindow);
    const maintenance = parseWeeklyWindow(cache.maintenanceWindow);
    return snapshot && maintenance && dailyOverlapsWeekly(snapshot, maintenance)
      ? [{ path: at("maintenanceWindow"), message: `must not overlap snapshotWindow (${cache.snapshotWindow})` }]
      : [];
  },
  ({ project, environment, cache }) =>
    cache.replicationGroupId.startsWith(`${project}-${environment}-`)
      ? []
      : [{ path: at("replicationGroupId"), message: `must start with ${project}-${environment}- so environments never collide` }],
  ({ environment, cache }) => {
    if (environment !== "prod") return [];
    const issues: ConfigIssue[] = [];
    if (!cache.automaticFailover) issues.push({ path: at("automaticFailover"), message: "must be true in prod" });
    if (!cache.multiAz) issues.push({ path: at("multiAz"), message: "must be true in prod" });
    if (cache.snapshotRetentionDays < 1) issues.push({ path: at("snapshotRetentionDays"), message: "must be at least 1 day in prod" });
    return issues;
  },
];

export const cacheRules: CrossFieldRule[] = rules.map((rule) => (c) => (c.cache ? rule({ ...c, cache: c.cache }) : []));
