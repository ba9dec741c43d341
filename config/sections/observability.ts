import { z } from "zod";
import { logRetentionDays } from "./common";

const percent = z.number().gt(0, "must be above 0 percent").max(100, "must be at most 100 percent");
const count = z.number().int().min(1, "must be at least 1");

/** CloudWatch periods for standard-resolution metrics: whole minutes. */
const periodSeconds = z
  .number()
  .int()
  .min(60, "must be at least 60 seconds")
  .max(86400, "must be at most 86400 seconds")
  .refine((s) => s % 60 === 0, "must be a multiple of 60 seconds");

export const alarmThresholdsSchema = z.strictObject({
  /** Window the count alarms (5XX, WAF blocks, evictions) sum over; seed 003: 5 minutes. */
  countPeriodSeconds: periodSeconds,
  /**
   * 5XX responses per window that page (seed 003: more than 10 in 5 minutes; seed 002: 5), for ALB- and
   * target-generated 5XX each, and for the REST API's.
   */
  http5xxCount: count,
  // The service thresholds are required exactly when the environment has services, wafBlockedRequests when it has an edge.
  /** Average target response time that pages, in seconds (seeds 000/003: 2 s). */
  targetResponseTimeSeconds: z.number().gt(0, "must be above 0 seconds").max(60, "must be at most 60 seconds").optional(),
  /** ECS service CPU utilization. */
  ecsCpuPercent: percent.optional(),
  /** ECS service memory utilization. */
  ecsMemoryPercent: percent.optional(),
  // The rds* thresholds are required exactly when the environment has a database, the redis* ones when it has a cache.
  rdsCpuPercent: percent.optional(),
  /** Free storage below this pages, in GiB. */
  rdsFreeStorageGb: z.number().gt(0, "must be above 0 GiB").optional(),
  /** Open connections above this page; keep it under the instance class's max_connections. */
  rdsConnections: count.optional(),
  /** Read replica lag above this pages, in seconds. */
  rdsReplicaLagSeconds: count.optional(),
  /** Host CPU of each cache node. */
  redisCpuPercent: percent.optional(),
  /** CPU of the Redis engine thread of each cache node (Redis is single-threaded). */
  redisEngineCpuPercent: percent.optional(),
  /** Share of maxmemory in use on each cache node. */
  redisMemoryPercent: percent.optional(),
  /** Evicted keys per window above this page. */
  redisEvictions: z.number().int().min(0, "must be at least 0").optional(),
  // lambdaErrors and lambdaThrottles are required exactly when the environment has functions, lambdaDurationSeconds when
  // it has zip functions, workflowFailures with a workflow and dynamodbThrottleEvents with tables.
  /** Failed invocations of each function per window above this page (seed 001: "errors"). */
  lambdaErrors: z.number().int().min(0, "must be at least 0").optional(),
  /** Throttled invocations of each function per window above this page (seed 001: "throttles"). */
  lambdaThrottles: z.number().int().min(0, "must be at least 0").optional(),
  /** p99 duration of each zip function, in seconds, above which (for 10 minutes) it pages; required with zip functions (seed 002: 10 s). */
  lambdaDurationSeconds: z.number().gt(0, "must be above 0 seconds").max(900, "must be at most 900 seconds (Lambda's longest timeout)").optional(),
  /**
   * Failed, timed-out or throttled executions of the state machine, and failed invocations of each event rule, per
   * window above which it pages; required with the workflow section (0: every failure is a lost user request).
   */
  workflowFailures: z.number().int().min(0, "must be at least 0").optional(),
  /** Throttled read or write requests of each DynamoDB table per window above this page. */
  dynamodbThrottleEvents: z.number().int().min(0, "must be at least 0").optional(),
  /** WAF-blocked requests per window above this page (an attack or a bad rule). */
  wafBlockedRequests: count.optional(),
});

/**
 * Loopback ports of the trace collector that runs in every ECS task when X-Ray is on (X-Ray UDP and TCP, OTLP gRPC and
 * HTTP, health): the task shares one network namespace, so a service's containerPort must not take one.
 */
export const TRACE_COLLECTOR_PORTS = { xray: 2000, otlpGrpc: 4317, otlpHttp: 4318, health: 13133 } as const;

/** ECR's limit on a pull through cache rule's repository prefix. */
export const PULL_THROUGH_CACHE_PREFIX_MAX = 30;

/** `public.ecr.aws/<path>` with a version tag or a digest; the path and the reference are its two groups. */
export const ECR_PUBLIC_IMAGE = /^public\.ecr\.aws\/([a-z0-9._/-]+)(:[\w][\w.-]*|@sha256:[0-9a-f]{64})$/;

/** Prefix of the registry's ECR Public cache the services' trace collector is pulled through. */
export function publicImageCachePrefix(config: { readonly project: string; readonly environment: string }): string {
  return `${config.project}-${config.environment}/public`;
}

const xraySchema = z.discriminatedUnion("enabled", [
  z.strictObject({ enabled: z.literal(false) }),
  z.strictObject({
    enabled: z.literal(true),
    /** Share of requests traced after the reservoir is used up (seed 004: 0.05). */
    fixedRate: z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1"),
    /** Requests per second always traced before the fixed rate applies. */
    reservoirSize: z.number().int().min(0, "must be at least 0"),
    /**
     * Image on ECR Public of the trace collector every ECS task runs beside its app (AWS Distro for OpenTelemetry),
     * pinned to a version: a moving tag would change what runs on the next task start. Tasks pull it through the
     * registry's cache of ECR Public.
     */
    collectorImage: z
      .string()
      .regex(
        ECR_PUBLIC_IMAGE,
        "must be an ECR Public image with a version tag or digest, e.g. public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3",
      )
      .refine((image) => !image.endsWith(":latest"), "must pin a version, not :latest")
      .default("public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3"),
  }),
]);

export const observabilitySchema = z.strictObject({
  /** Who gets paged by email (SNS email subscriptions, also the budget notifications). */
  alarmEmails: z
    .array(z.email("must be an email address such as ops@example.com"))
    .min(1, "must list at least one address; an alarm nobody receives is no alarm"),
  /** Phone numbers paged by SMS, in E.164 form. */
  alarmSmsNumbers: z.array(z.string().regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 phone number such as +14155550100")).default([]),
  /**
   * Alarm thresholds; the service ones exist exactly with services, `wafBlockedRequests` with an edge, the `rds*` ones with a database, the `redis*` ones with a cache, the `lambda*` ones
   * with functions (`lambdaDurationSeconds` with zip functions), `workflowFailures` with a workflow and `dynamodbThrottleEvents` with DynamoDB tables.
   */
  thresholds: alarmThresholdsSchema,
  /** One CloudWatch dashboard of every alarmed metric. */
  dashboard: z.boolean(),
  /** The audit trail: CloudTrail into an Object Lock bucket and a CloudWatch Logs group. */
  cloudTrail: z.strictObject({
    /** Record API calls of every region, not only the primary one. */
    multiRegion: z.boolean(),
    /** COMPLIANCE: nobody, root included, can delete a log file before it expires; GOVERNANCE: privileged users can. */
    objectLockMode: z.enum(["GOVERNANCE", "COMPLIANCE"], "must be GOVERNANCE or COMPLIANCE"),
    /** Years every log file is locked and kept (seed 000: 7 in prod). */
    retentionYears: z.number().int().min(1, "must be at least 1 year").max(100, "must be at most 100 years"),
    /** Days the CloudWatch Logs copy of the trail is kept (for queries and metric filters). */
    logRetentionDays,
  }),
  /** Monthly AWS Budgets cost budget, notifying the alarm topic and the alarm e-mails. */
  budget: z.strictObject({
    /**
     * Monthly cost budget in USD. About 1.25 x the cost estimate (docs/operations.md), so the 80% forecast notification means
     * "spending above the estimate" instead of arriving every month.
     */
    monthlyLimitUsd: z.number().gt(0, "must be above 0 USD"),
    /** Forecasted spend, in percent of the limit, that notifies (seeds 002/004: 80). */
    forecastThresholdPercent: z.number().int().min(1, "must be at least 1 percent").max(1000, "must be at most 1000 percent"),
    /** Actual spend, in percent of the limit, that notifies. */
    actualThresholdPercent: z.number().int().min(1, "must be at least 1 percent").max(1000, "must be at most 1000 percent"),
    /**
     * Actual spend, in percent of the limit, that notifies before `actualThresholdPercent` does (seed 004: 80).
     * @default - none: actual spend notifies once, at actualThresholdPercent
     */
    actualWarningPercent: z.number().int().min(1, "must be at least 1 percent").max(1000, "must be at most 1000 percent").optional(),
  }),
  /** X-Ray sampling rule for the services' traces. */
  xray: xraySchema,
  /**
   * Cost Anomaly Detection (seed 002): a monitor of the costs tagged with the project, notifying the alarm topic.
   * @default - no anomaly monitor
   */
  costAnomaly: z
    .strictObject({
      /** Total impact, in USD, at or above which an anomaly is notified. */
      impactThresholdUsd: z.number().gt(0, "must be above 0 USD"),
    })
    .optional(),
});

export type ObservabilityConfig = z.infer<typeof observabilitySchema>;
export type AlarmThresholds = z.infer<typeof alarmThresholdsSchema>;

/**
 * Each component's alarm thresholds, by the config section that has the alarms (`zip functions`: the functions with
 * `code`), in the order config validation reports them.
 */
export const COMPONENT_THRESHOLDS = {
  services: ["targetResponseTimeSeconds", "ecsCpuPercent", "ecsMemoryPercent"],
  edge: ["wafBlockedRequests"],
  database: ["rdsCpuPercent", "rdsFreeStorageGb", "rdsConnections", "rdsReplicaLagSeconds"],
  cache: ["redisCpuPercent", "redisEngineCpuPercent", "redisMemoryPercent", "redisEvictions"],
  functions: ["lambdaErrors", "lambdaThrottles"],
  "zip functions": ["lambdaDurationSeconds"],
  workflow: ["workflowFailures"],
  dynamodb: ["dynamodbThrottleEvents"],
} as const satisfies Record<string, readonly (keyof AlarmThresholds)[]>;
export type ThresholdComponent = keyof typeof COMPONENT_THRESHOLDS;

/** The thresholds with a component's fields set; config validation requires them while the component exists. */
export function requireThresholds<K extends keyof AlarmThresholds>(
  thresholds: AlarmThresholds,
  fields: readonly K[],
  stackId: string,
): AlarmThresholds & Required<Pick<AlarmThresholds, K>> {
  const missing = fields.filter((field) => thresholds[field] === undefined);
  if (missing.length > 0) throw new Error(`${stackId}: observability.thresholds needs ${missing.join(", ")} for the alarms of this component`);
  return thresholds as AlarmThresholds & Required<Pick<AlarmThresholds, K>>;
}
