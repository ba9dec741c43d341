import { z } from "zod";
import { recordWithKeys } from "../records";
import { logRetentionDays, resourceName } from "./common";

/** Lambda's limit on the total size of a function's environment variables. */
export const ENVIRONMENT_MAX_BYTES = 4096;

/** Variables the Lambda runtime defines itself; CreateFunction rejects them. */
export const LAMBDA_RESERVED_ENVIRONMENT = [
  "_HANDLER",
  "_X_AMZN_TRACE_ID",
  "AWS_ACCESS_KEY",
  "AWS_ACCESS_KEY_ID",
  "AWS_DEFAULT_REGION",
  "AWS_EXECUTION_ENV",
  "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
  "AWS_LAMBDA_FUNCTION_NAME",
  "AWS_LAMBDA_FUNCTION_VERSION",
  "AWS_LAMBDA_INITIALIZATION_TYPE",
  "AWS_LAMBDA_LOG_GROUP_NAME",
  "AWS_LAMBDA_LOG_STREAM_NAME",
  "AWS_LAMBDA_RUNTIME_API",
  "AWS_REGION",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "LAMBDA_RUNTIME_DIR",
  "LAMBDA_TASK_ROOT",
] as const;

/** Variable the functions stack sets to a granted table's physical name, e.g. `HANDOVER_TOKENS_TABLE`. */
export function tableEnvironmentName(table: string): string {
  return `${table.toUpperCase().replace(/-/g, "_")}_TABLE`;
}

const ENV_VAR_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export const tableGrantSchema = z.strictObject({
  /** A table of the `dynamodb` section, by its name suffix. */
  name: resourceName,
  /** `read`: Get/Query/Scan/BatchGet; `read-write` adds Put/Update/Delete/BatchWrite. */
  access: z.enum(["read", "read-write"]),
});

export const functionSchema = z.strictObject({
  /** Function name suffix: the function is `<project>-<env>-<name>` (seed 001: `connect-lookup`). */
  name: resourceName,
  /** Tag of the image in the function's own ECR repository; pushed before the function is created. */
  imageTag: z
    .string()
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, "must be a Docker tag: 1-128 of A-Z a-z 0-9 _ . -")
    .refine((tag) => tag !== "latest", "must not be 'latest': repositories are immutable, so 'latest' could be pushed only once"),
  /** Instruction set of the image. */
  architecture: z.enum(["x86_64", "arm64"]).default("x86_64"),
  /** Memory in MB; Lambda allows 128-10240 and scales CPU with it. */
  memoryMb: z.number().int().min(128, "must be at least 128 MB").max(10240, "must be at most 10240 MB"),
  /** Seconds before an invocation is stopped; Lambda allows 1-900 (Amazon Connect waits at most 8). */
  timeoutSeconds: z.number().int().min(1, "must be at least 1 second").max(900, "must be at most 900 seconds"),
  /**
   * Concurrency reserved for (and capping) this function; unreserved when absent.
   * 0 would throttle every invocation, so it is not accepted.
   */
  reservedConcurrency: z.number().int().min(1, "must be at least 1 (0 throttles every invocation)").max(10000, "must be at most 10000").optional(),
  /** Non-secret environment variables; credentials are rejected by name and by shape. */
  environment: recordWithKeys(
    ENV_VAR_NAME,
    "must be an environment variable name of letters, digits and '_', starting with a letter",
    z.string().max(ENVIRONMENT_MAX_BYTES),
  ).default({}),
  /** DynamoDB tables the function may use; its role is scoped to exactly these tables and their indexes. */
  tables: z.array(tableGrantSchema).default([]),
  /** Run in the private subnets with its own security group (egress 443 only). */
  vpc: z.boolean(),
  /** Retention of `/aws/lambda/<function>`. */
  logRetentionDays,
  /** X-Ray active tracing (seed 003/004's optional X-Ray). */
  tracing: z.boolean().default(false),
  /** Amazon Connect instance (id) allowed to invoke the function and associated with it (seed 001). */
  connectInstanceId: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, "must be an Amazon Connect instance id (a lower-case UUID)")
    .optional(),
});

export const functionsSchema = z.array(functionSchema).min(1, "must define at least one function");

export type FunctionConfig = z.infer<typeof functionSchema>;
