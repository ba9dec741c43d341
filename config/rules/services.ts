import { environmentCredential } from "../credentials";
import type { ConfigIssue, CrossFieldRule } from "../schema";
import { tableEnvironmentName } from "../sections/functions";
import { duplicateFieldIssues, duplicatesOf } from "./duplicates";
import { TRACE_COLLECTOR_PORTS } from "../sections/observability";
import { tableGrantIssues } from "./table-grants";
import {
  FARGATE_CPU_MEMORY,
  PLAIN_SECRETS,
  PLATFORM_ENVIRONMENT,
  RDS_MASTER_SECRET,
  REDIS_SECRETS,
  TARGET_GROUP_NAME_MAX,
} from "../sections/services";

const CATCH_ALL_PATTERNS = ["/*", "*"];

export const servicesRules: CrossFieldRule[] = [
  (c) => {
    if (!c.observability?.xray.enabled) return [];
    const taken = Object.values(TRACE_COLLECTOR_PORTS) as number[];
    return c.services.flatMap((s, i) =>
      taken.includes(s.containerPort)
        ? [
            {
              path: ["services", i, "containerPort"],
              message: `${s.containerPort} is taken by the task's trace collector (X-Ray is on); the collector uses ${taken.join(", ")}`,
            },
          ]
        : [],
    );
  },
  (c) => duplicateFieldIssues(c.services, ["services"], "name", "service name"),
  (c) =>
    duplicatesOf(c.services.map((s) => s.priority)).map((i) => ({
      path: ["services", i, "priority"],
      message: `duplicates listener rule priority ${c.services[i].priority}`,
    })),
  (c) => {
    const patterns = c.services.flatMap((s, i) => s.pathPatterns.map((pattern, j) => ({ pattern, path: ["services", i, "pathPatterns", j] })));
    return duplicatesOf(patterns.map((p) => p.pattern)).map((k) => ({
      path: patterns[k].path,
      message: `routes "${patterns[k].pattern}" a second time`,
    }));
  },
  (c) =>
    c.services.flatMap((s, i): ConfigIssue[] => {
      const allowed = FARGATE_CPU_MEMORY[s.cpu];
      if (!allowed || allowed.includes(s.memory)) return [];
      return [
        { path: ["services", i, "memory"], message: `${s.memory} MiB does not pair with ${s.cpu} CPU on Fargate; allowed: ${allowed.join(", ")}` },
      ];
    }),
  (c) =>
    c.services.flatMap((s, i): ConfigIssue[] => {
      const issues: ConfigIssue[] = [];
      if (s.minCount > s.maxCount) issues.push({ path: ["services", i, "minCount"], message: `must not exceed maxCount (${s.maxCount})` });
      if (s.desiredCount < s.minCount || s.desiredCount > s.maxCount) {
        issues.push({ path: ["services", i, "desiredCount"], message: `must be between minCount (${s.minCount}) and maxCount (${s.maxCount})` });
      }
      return issues;
    }),
  (c) =>
    c.environment !== "prod"
      ? []
      : c.services.flatMap((s, i) =>
          s.minCount < 2
            ? [{ path: ["services", i, "minCount"], message: "must be at least 2 in prod, so losing one task or AZ keeps the service up" }]
            : [],
        ),
  (c) => {
    // A catch-all rule shadows every rule evaluated after it.
    const catchAlls = c.services.filter((s) => s.pathPatterns.some((p) => CATCH_ALL_PATTERNS.includes(p)));
    return c.services.flatMap((s, i) =>
      catchAlls
        .filter((other) => other !== s && other.priority < s.priority)
        .map((other) => ({
          path: ["services", i, "priority"],
          message: `must be lower than ${other.priority}, the priority of "${other.name}"'s catch-all rule, or the rule never matches`,
        })),
    );
  },
  (c) =>
    c.services.flatMap((s, i) => {
      const name = `${c.project}-${c.environment}-${s.name}`;
      return name.length > TARGET_GROUP_NAME_MAX
        ? [{ path: ["services", i, "name"], message: `makes the target group name "${name}" longer than ${TARGET_GROUP_NAME_MAX} characters` }]
        : [];
    }),
  (c) =>
    c.services.flatMap((s, i) =>
      Object.entries(s.environment).flatMap(([name, value]): ConfigIssue[] => {
        const path = ["services", i, "environment", name];
        if ((PLATFORM_ENVIRONMENT as readonly string[]).includes(name)) return [{ path, message: "is set by the ecs stack; remove it" }];
        if (name in s.secrets) return [{ path, message: "is also defined in secrets; keep it in one place" }];
        // The credential rules VP-ECS-2 applies to the task definition (config/credentials.ts), reported here first.
        const found = environmentCredential(name, value);
        if (found?.by === "name") return [{ path, message: "names a credential; reference it under secrets instead of a plaintext value" }];
        if (found) {
          const what = found.by === "value" ? found.kind : "a generated key";
          return [{ path, message: `looks like a credential (${what}); store it in Secrets Manager and reference it under secrets` }];
        }
        return [];
      }),
    ),
  (c) =>
    c.services.flatMap((s, i) =>
      Object.entries(s.secrets).flatMap(([name, ref]): ConfigIssue[] => {
        const path = ["services", i, "secrets", name];
        if ((PLATFORM_ENVIRONMENT as readonly string[]).includes(name)) return [{ path, message: "is set by the ecs stack; remove it" }];
        return secretReferenceIssues(c.secrets.externalApiKeys, ref, path);
      }),
    ),
  // Secrets and buckets of optional components exist only while those components are configured.
  (c) =>
    c.services.flatMap((s, i) =>
      Object.entries(s.secrets).flatMap(([name, ref]): ConfigIssue[] => {
        const path = ["services", i, "secrets", name, "secret"];
        if (ref.secret === RDS_MASTER_SECRET) {
          return [
            {
              path,
              message: `must not be ${RDS_MASTER_SECRET}: the master user is for migrations only; set database: true to connect as database.appUser with IAM authentication`,
            },
          ];
        }
        if ((REDIS_SECRETS as readonly string[]).includes(ref.secret) && !c.cache)
          return [{ path, message: `needs the cache section: ${ref.secret} exists only with Redis` }];
        return [];
      }),
    ),
  (c) =>
    c.services.flatMap((s, i) =>
      (["recordings", "documents"] as const).flatMap((bucket): ConfigIssue[] =>
        s[bucket] && !c.storage[bucket]
          ? [{ path: ["services", i, bucket], message: `needs storage.${bucket}: the environment has no ${bucket} bucket` }]
          : [],
      ),
    ),
  (c) =>
    c.services.flatMap((s, i) =>
      s.database && !c.database
        ? [{ path: ["services", i, "database"], message: "needs the database section: there is no database to connect to" }]
        : [],
    ),
  (c) =>
    c.services.flatMap((s, i) =>
      s.parameters && !c.parameters
        ? [{ path: ["services", i, "parameters"], message: "needs the parameters section: there is nothing to read" }]
        : [],
    ),
  (c) => c.services.flatMap((s, i) => tableGrantIssues(s.tables, c.dynamodb?.tables, ["services", i, "tables"])),
  (c) =>
    c.services.flatMap((s, i) =>
      s.tables
        .map((grant) => tableEnvironmentName(grant.name))
        .filter((name) => name in s.environment || name in s.secrets)
        .map((name) => ({
          path: ["services", i, "tables"],
          message: `sets ${name}, which the service also defines in environment or secrets; keep one`,
        })),
    ),
];

function secretReferenceIssues(
  externalApiKeys: readonly string[],
  ref: { secret: string; jsonKey?: string },
  path: ConfigIssue["path"],
): ConfigIssue[] {
  // Refused with its reason by the optional-components rule.
  if (ref.secret === RDS_MASTER_SECRET) return [];
  if ((PLAIN_SECRETS as readonly string[]).includes(ref.secret)) {
    return ref.jsonKey === undefined ? [] : [{ path: [...path, "jsonKey"], message: `must be absent: ${ref.secret} holds a plain string, not JSON` }];
  }
  if (externalApiKeys.includes(ref.secret)) return [];
  const known = [...externalApiKeys, ...PLAIN_SECRETS].join(", ");
  return [{ path: [...path, "secret"], message: `names no known secret "${ref.secret}"; known: ${known}` }];
}
