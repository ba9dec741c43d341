import { z } from "zod";
import { resourceName } from "./common";
import { PLATFORM_SECRETS, type PlatformSecretName } from "./security";
import { tableGrantSchema } from "./functions";

/** CPU units Fargate accepts, each with the memory sizes (MiB) it may be paired with. */
export const FARGATE_CPU_MEMORY: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024, 2048],
  512: range(1024, 4096, 1024),
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
};

function range(from: number, to: number, step: number): number[] {
  return Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
}

/**
 * Short name of the RDS master user secret (JSON keys `username`, `password`), which secrets-kms creates with the
 * database. For migrations only: services connect as `database.appUser` with IAM authentication.
 */
export const RDS_MASTER_SECRET = PLATFORM_SECRETS.rdsMasterUser;
/** Secrets created by the secrets-kms stack whose values are plain strings (no JSON keys). */
export const PLAIN_SECRETS: readonly PlatformSecretName[] = [
  PLATFORM_SECRETS.jwtSigningKey,
  PLATFORM_SECRETS.redisAuthToken,
  PLATFORM_SECRETS.redisUrl,
];
/** Secrets the secrets-kms stack creates only when the environment has a cache. */
export const REDIS_SECRETS: readonly PlatformSecretName[] = [PLATFORM_SECRETS.redisAuthToken, PLATFORM_SECRETS.redisUrl];
/** Environment variables the ecs stack sets itself on every container; config may not override them. */
export const PLATFORM_ENVIRONMENT = [
  "APP_ENV",
  "AWS_REGION",
  "PORT",
  "DATABASE_HOST",
  "DATABASE_PORT",
  "DATABASE_NAME",
  "DATABASE_USER",
  "DATABASE_IAM_AUTH",
  "DATABASE_READ_HOST",
  "RECORDINGS_BUCKET",
  "RECORDINGS_PREFIX",
  "DOCUMENTS_BUCKET",
  "DOCUMENTS_PREFIX",
  "PARAMETERS_PATH",
] as const;

const envVarName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, "must be an environment variable name of A-Z, 0-9 and '_', not starting with a digit");

const secretReference = z.strictObject({
  /** Short secret name: a secrets-kms secret (`deepgram-api-key`, `redis-url`, ...) or `rds-master-user`. */
  secret: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be a secret's short name in kebab-case"),
  /** Key inside the secret's JSON value (`password`); the whole value when absent. */
  jsonKey: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be a JSON key of A-Z a-z 0-9 _ . -")
    .optional(),
});

const pathPattern = z
  .string()
  .max(128, "must be at most 128 characters (ALB limit)")
  .regex(/^\/[A-Za-z0-9_\-.$/~"'@:+&*?]*$/, "must start with '/' and use only characters ALB path patterns allow");

/** A service's access to one prefix of a storage bucket. */
const bucketAccess = z.strictObject({
  /** Key prefix the service may use, ending in '/'. */
  prefix: z.string().regex(/^[a-z0-9][a-z0-9/_-]*\/$/, "must be a key prefix of a-z 0-9 / _ - ending in '/'"),
  access: z.enum(["read", "read-write"]),
});

const autoscalingSchema = z
  .strictObject({
    /** Target average CPU utilization (%); seed 000 scales at 70. */
    cpuPercent: z.number().int().min(10, "must be at least 10%").max(95, "must be at most 95%").optional(),
    /** Target average memory utilization (%); seed 001 scales at 80. */
    memoryPercent: z.number().int().min(10, "must be at least 10%").max(95, "must be at most 95%").optional(),
    /** Target ALB requests per task; seed 001 scales at 1000. Meaningless for long-lived WebSocket connections. */
    requestsPerTarget: z.number().int().min(1, "must be at least 1").max(1_000_000, "must be at most 1,000,000").optional(),
    /**
     * Target average of a metric the service's tasks publish themselves, one data point per task per minute (for
     * example in CloudWatch embedded metric format on stdout): seed 003 scales its WebSocket service on connection
     * count, which no ALB metric gives per target group.
     * @default - none: no scaling on an application metric
     */
    customMetric: z
      .strictObject({
        /** CloudWatch namespace the tasks publish to; `AWS/` namespaces belong to AWS services. */
        namespace: z
          .string()
          .regex(/^[A-Za-z0-9_./#:-]{1,255}$/, "must be 1-255 of A-Z a-z 0-9 . - _ / # :")
          .refine((ns) => !ns.startsWith("AWS/"), "must not start with 'AWS/' (reserved for AWS services)"),
        /** Metric name, e.g. `ActiveConnections`. */
        metricName: z.string().regex(/^[A-Za-z0-9_.-]{1,255}$/, "must be 1-255 of A-Z a-z 0-9 . - _"),
        /** Dimensions the tasks publish with, so that only this service's data points count. */
        dimensions: z.record(z.string().min(1).max(255), z.string().min(1).max(1024)).default({}),
        /** Average per task that scaling holds. */
        targetValue: z.number().gt(0, "must be above 0"),
      })
      .optional(),
    /** Seconds after a scale-in before the next one; long enough not to cut live calls in waves. */
    scaleInCooldownSeconds: z.number().int().min(0).max(3600, "must be at most 3600 seconds").default(300),
    /** Seconds after a scale-out before the next one. */
    scaleOutCooldownSeconds: z.number().int().min(0).max(3600, "must be at most 3600 seconds").default(60),
  })
  .refine((a) => a.cpuPercent !== undefined || a.memoryPercent !== undefined || a.requestsPerTarget !== undefined || a.customMetric !== undefined, {
    message: "must set at least one of cpuPercent, memoryPercent, requestsPerTarget, customMetric",
  });

export const serviceSchema = z.strictObject({
  /** Service name; names its ECR repository, log group, target group and ECS service. */
  name: resourceName,
  /** Image tag deployed from the service's ECR repository (tags are immutable, so every release has its own). */
  imageTag: z
    .string()
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, "must be a Docker tag: 1-128 of A-Z a-z 0-9 _ . -")
    .refine((tag) => tag !== "latest", "must not be 'latest': repositories are immutable, so 'latest' could be pushed only once"),
  /** Task CPU units (256 = 0.25 vCPU); must pair with memory as Fargate allows. */
  cpu: z
    .number()
    .int()
    .refine((cpu) => cpu in FARGATE_CPU_MEMORY, {
      message: `must be a Fargate CPU size: ${Object.keys(FARGATE_CPU_MEMORY).join(", ")}`,
    }),
  /** Task memory in MiB. */
  memory: z.number().int().positive("must be positive"),
  /** CPU architecture of the image. */
  cpuArchitecture: z.enum(["X86_64", "ARM64"]).default("X86_64"),
  /** Port the container listens on; unprivileged, because the container runs as a non-root user. */
  containerPort: z
    .number()
    .int()
    .min(1024, "must be 1024-65535: a non-root container cannot bind a privileged port")
    .max(65535, "must be 1024-65535"),
  /** HTTP path the ALB probes; a task whose target fails it is replaced. */
  healthCheckPath: z
    .string()
    .max(1024, "must be at most 1024 characters")
    .regex(/^\/[A-Za-z0-9/_.~%-]*$/, "must start with '/' and use only A-Z a-z 0-9 / _ . ~ % -"),
  /**
   * Exec-form command the container runs to report its own health (`["/app/healthcheck"]`); it must exist in the
   * image (slim and distroless images have no curl or shell).
   * @default - none: the ALB's probe of healthCheckPath decides, which needs nothing in the image
   */
  containerHealthCheckCommand: z.array(z.string().min(1, "must not be empty")).min(1, "must name the command").optional(),
  /** Seconds ECS ignores failing ALB health checks after a task starts. */
  healthCheckGracePeriodSeconds: z.number().int().min(0).max(3600, "must be at most 3600 seconds").default(60),
  /** Tasks at deploy time; autoscaling moves it between minCount and maxCount afterwards. */
  desiredCount: z.number().int().min(0, "must not be negative"),
  minCount: z.number().int().min(0, "must not be negative"),
  maxCount: z.number().int().min(1, "must be at least 1").max(1000, "must be at most 1000"),
  /** ALB path patterns routed to this service (an ALB rule takes at most 5). */
  pathPatterns: z.array(pathPattern).min(1, "must list at least one path pattern").max(5, "must list at most 5 path patterns (ALB rule limit)"),
  /** ALB listener rule priority: lower wins, so specific paths need lower numbers than catch-alls. */
  priority: z.number().int().min(1, "must be 1-50000").max(50000, "must be 1-50000"),
  /** WebSocket service: lb_cookie stickiness keeps a client on the task that holds its connection. */
  sticky: z.boolean().default(false),
  /** Lifetime of the stickiness cookie. */
  stickinessDurationSeconds: z.number().int().min(1).max(604800, "must be at most 7 days (604800 seconds)").default(86400),
  /** Seconds the ALB drains a deregistering task; long for WebSocket services so calls can finish. */
  deregistrationDelaySeconds: z.number().int().min(0).max(3600, "must be at most 3600 seconds").default(30),
  /** Non-secret environment variables. */
  environment: z.record(envVarName, z.string().max(4096)).default({}),
  /** Secrets injected by Secrets Manager ARN (+ JSON key) as environment variables, by variable name. */
  secrets: z.record(envVarName, secretReference).default({}),
  /** Access to a prefix of the recordings bucket; none when absent. */
  recordings: bucketAccess.optional(),
  /** Access to a prefix of the documents bucket (seed 004); none when absent. */
  documents: bucketAccess.optional(),
  /**
   * DynamoDB tables of the `dynamodb` section the service may use (seed 001's gateway writes the handover tokens);
   * each table's name arrives as `<NAME>_TABLE`.
   */
  tables: z.array(tableGrantSchema).default([]),
  /** Read the environment's SSM parameters under `PARAMETERS_PATH` (`/<project>/<env>/`, seed 003), SecureStrings included. */
  parameters: z.boolean().default(false),
  /**
   * Connect to PostgreSQL as `database.appUser` with IAM authentication: the task role may `rds-db:connect` as that
   * user, and the container gets DATABASE_HOST, _PORT, _NAME, _USER, DATABASE_IAM_AUTH=true and, with a read
   * replica, DATABASE_READ_HOST.
   */
  database: z.boolean().default(false),
  /** Numeric uid[:gid] the container runs as; never root. */
  user: z
    .string()
    .regex(/^[1-9]\d*(:\d+)?$/, "must be a numeric non-root uid or uid:gid")
    .default("1000:1000"),
  /** Read-only root filesystem (a writable /tmp volume is mounted); turn off only for images that write elsewhere. */
  readonlyRootFilesystem: z.boolean().default(true),
  autoscaling: autoscalingSchema,
});

export const servicesSchema = z.array(serviceSchema);

export type ServiceConfig = z.infer<typeof serviceSchema>;

/** Target group names are `<project>-<env>-<service>` and AWS caps them at 32 characters. */
export const TARGET_GROUP_NAME_MAX = 32;
/** One service as a blueprint writes it, before defaults are applied. */
export type ServiceInput = z.input<typeof serviceSchema>;
