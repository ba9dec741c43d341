import { z } from "zod";
import { hostedDomain, logRetentionDays, resourceName } from "./common";
import { wafSchema } from "./edge";

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"] as const;

const throttleSchema = z.strictObject({
  /** Average requests per second. */
  rateLimit: z.number().gt(0, "must be above 0 requests per second").max(10_000, "must be at most 10000 (the account's default quota)"),
  /** Requests let through at once above the rate. */
  burstLimit: z.number().int().min(1, "must be at least 1").max(5000, "must be at most 5000 (the account's default quota)"),
});

export const apiRouteSchema = z.strictObject({
  /** Resource path: `/voice`, `/sessions/{sessionId}`, `/files/{proxy+}`. */
  path: z
    .string()
    .regex(/^\/(?:[A-Za-z0-9._{}+-]+(?:\/[A-Za-z0-9._{}+-]+)*)?$/, "must be / or /-separated segments such as /voice or /sessions/{id}"),
  /** HTTP methods on the path. */
  methods: z.array(z.enum(HTTP_METHODS)).min(1, "must list at least one method"),
  /** Zip function (by config name) whose `live` alias serves the route. */
  function: resourceName,
  /** Reachable without a Cognito token; only a health check should be. */
  public: z.boolean().default(false),
  /** Cache GET responses (needs `cache`); the caller's token is part of the key. */
  cached: z.boolean().default(false),
  /** Query strings that select a different cached response. */
  cacheKeyQueryStrings: z.array(z.string().regex(/^[A-Za-z0-9_.-]+$/, "must be a query string name")).default([]),
});

export const apiSchema = z.strictObject({
  /** Stage name, the first path segment of the `execute-api` URL. */
  stageName: z.string().regex(/^[A-Za-z0-9_]{1,128}$/, "must be 1-128 of A-Z a-z 0-9 _"),
  /** Stage-wide throttle (seed 002: rate limiting and throttling). */
  throttle: throttleSchema,
  /** Requests per period the usage plan allows; none: throttled only. */
  quota: z.strictObject({ limit: z.number().int().min(1, "must be at least 1"), period: z.enum(["DAY", "WEEK", "MONTH"]) }).optional(),
  /** Response cache cluster (seed 002: API Gateway caching); billed per hour whether used or not. */
  cache: z
    .strictObject({
      clusterSizeGb: z.enum(["0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"]),
      ttlSeconds: z.number().int().min(0, "must be at least 0").max(3600, "must be at most 3600 seconds"),
    })
    .optional(),
  /** CloudWatch execution logging of the stage; INFO logs request details, so ERROR outside debugging. */
  executionLoggingLevel: z.enum(["OFF", "ERROR", "INFO"]).default("ERROR"),
  /** Retention of the access log group. */
  logRetentionDays,
  /**
   * The account's API Gateway CloudWatch Logs role, a per-account-and-region setting that stage logging needs:
   * `create` makes this environment's api stack own it; `preexisting` when another stack or person set it.
   */
  accountLoggingRole: z.enum(["create", "preexisting"]),
  /** Regional WAF web ACL on the stage; absent: no WAF (seed 002 lists WAF as future work; prod requires it). */
  waf: wafSchema.optional(),
  /** Custom domain with a regional ACM certificate and a Route53 alias; absent: the `execute-api` URL. */
  domain: hostedDomain.optional(),
  /** The routes, each served by a zip function's `live` alias. */
  routes: z.array(apiRouteSchema).min(1, "must define at least one route"),
});

export type ApiConfig = z.infer<typeof apiSchema>;
