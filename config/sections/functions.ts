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

/** Variable the functions stack sets to a read secret's full name (GetSecretValue's SecretId), e.g. `MUSIC_API_KEY_SECRET_ID`. */
export function secretEnvironmentName(secret: string): string {
  return `${secret.toUpperCase().replace(/-/g, "_")}_SECRET_ID`;
}

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

/** CodeDeploy's predefined traffic shifts for Lambda aliases. */
export const LAMBDA_DEPLOYMENT_CONFIGS = [
  "CodeDeployDefault.LambdaCanary10Percent5Minutes",
  "CodeDeployDefault.LambdaCanary10Percent10Minutes",
  "CodeDeployDefault.LambdaCanary10Percent15Minutes",
  "CodeDeployDefault.LambdaCanary10Percent30Minutes",
  "CodeDeployDefault.LambdaLinear10PercentEvery1Minute",
  "CodeDeployDefault.LambdaLinear10PercentEvery2Minutes",
  "CodeDeployDefault.LambdaLinear10PercentEvery3Minutes",
  "CodeDeployDefault.LambdaLinear10PercentEvery10Minutes",
  "CodeDeployDefault.LambdaAllAtOnce",
] as const;

/** A function packaged as a .zip in the storage stack's artifacts bucket (seed 002). */
export const zipCodeSchema = z.strictObject({
  /** Key of the package in the artifacts bucket, put by CI before the functions stack deploys (`functions/voice-processing.zip`). */
  artifactKey: z
    .string()
    .max(1024, "must be at most 1024 characters")
    .regex(/^[A-Za-z0-9][A-Za-z0-9!_.*'()/-]*\.zip$/, "must be an S3 key of safe characters ending in .zip"),
  /** Lambda runtime identifier. */
  runtime: z
    .string()
    .regex(
      /^(nodejs\d+\.x|python3\.\d+|java\d+|dotnet\d+|ruby\d+\.\d+|provided\.al20(23|2))$/,
      "must be a Lambda runtime such as python3.12 or nodejs20.x",
    ),
  /** Entry point inside the package (`handler.lambda_handler`, `index.handler`). */
  handler: z.string().min(1, "must not be empty").max(128, "must be at most 128 characters"),
});

/** What a zip function may call besides its tables; its role gets exactly these. */
export const functionPermissionsSchema = z.strictObject({
  /** Bedrock foundation model it invokes (seed 002: Claude Haiku, `anthropic.claude-3-haiku-20240307-v1:0`). */
  bedrockModelId: z
    .string()
    .regex(/^[a-z0-9-]+\.[A-Za-z0-9.:-]+$/, "must be a Bedrock model id such as anthropic.claude-3-haiku-20240307-v1:0")
    .optional(),
  /** Amazon Lex V2 bot alias it sends text and audio to (seed 002's NLU). */
  lexBotAlias: z
    .strictObject({
      botId: z.string().regex(/^[A-Z0-9]{10}$/, "must be a Lex V2 bot id: 10 of A-Z and 0-9"),
      aliasId: z.string().regex(/^[A-Z0-9]{10}$|^TSTALIASID$/, "must be a Lex V2 bot alias id: 10 of A-Z and 0-9"),
    })
    .optional(),
  /** Amazon Polly SynthesizeSpeech (seed 002's text-to-speech); Polly has no resource-level scope for it. */
  synthesizeSpeech: z.boolean().default(false),
  /** PutEvents on the workflow section's event bus. */
  putsEvents: z.boolean().default(false),
  /** StartExecution of the workflow section's state machine. */
  startsWorkflow: z.boolean().default(false),
  /** Workflow queues (by name) it sends to. */
  sendsToQueues: z.array(resourceName).default([]),
  /**
   * Secrets (short names of `secrets.externalApiKeys`) it reads with GetSecretValue; each secret's full name is in
   * its environment as `<NAME>_SECRET_ID` (the music and weather providers' keys).
   */
  readsSecrets: z.array(z.string().min(1)).default([]),
  /** Reads the parameters stack's settings; their path is in its environment as `PARAMETERS_PATH`. */
  readsParameters: z.boolean().default(false),
});

export const functionSchema = z.strictObject({
  /** Function name suffix: the function is `<project>-<env>-<name>` (seed 001: `connect-lookup`). */
  name: resourceName,
  /**
   * Tag of the image in the function's own ECR repository; pushed before the function is created. Exactly one of
   * `imageTag` and `code`.
   */
  imageTag: z
    .string()
    .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, "must be a Docker tag: 1-128 of A-Z a-z 0-9 _ . -")
    .refine((tag) => tag !== "latest", "must not be 'latest': repositories are immutable, so 'latest' could be pushed only once")
    .optional(),
  /**
   * A .zip package in the artifacts bucket (seed 002): such a function gets a `live` alias that CodeDeploy shifts
   * gradually, a dead-letter queue and X-Ray tracing. Exactly one of `imageTag` and `code`.
   */
  code: zipCodeSchema.optional(),
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
  /**
   * Pre-initialized environments on the `live` alias of a zip function: marks it critical (seed 002: provisioned
   * concurrency for critical functions). Must stay below `reservedConcurrency`.
   */
  provisionedConcurrency: z.number().int().min(1, "must be at least 1").max(10000, "must be at most 10000").optional(),
  /** How CodeDeploy shifts the `live` alias of a zip function to a new version, and what rolls it back. */
  deployment: z
    .strictObject({
      /** Traffic shift (seed 002's blue-green with rollback: a canary by default). */
      config: z.enum(LAMBDA_DEPLOYMENT_CONFIGS).default("CodeDeployDefault.LambdaCanary10Percent5Minutes"),
      /** Errors of the `live` alias within a minute that stop the shift and roll back. */
      rollbackErrors: z.number().int().min(1, "must be at least 1").default(1),
    })
    .optional(),
  /** AWS services a zip function calls; its role is scoped to exactly these. */
  permissions: functionPermissionsSchema.optional(),
  /** Non-secret environment variables; credentials are rejected by name and by shape. */
  environment: recordWithKeys(
    ENV_VAR_NAME,
    "must be an environment variable name of letters, digits and '_', starting with a letter",
    z.string().max(ENVIRONMENT_MAX_BYTES),
  ).default({}),
  /** DynamoDB tables the function may use; its role is scoped to exactly these tables and their indexes. */
  tables: z.array(tableGrantSchema).default([]),
  /** Run in the private subnets with its own security group (egress 443 only). */
  vpc: z.boolean().default(false),
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
/** A function packaged as a .zip (`code` set). */
export type ZipFunctionConfig = FunctionConfig & { readonly code: z.infer<typeof zipCodeSchema> };

/** A function packaged as a container image (`imageTag` set). */
export type ImageFunctionConfig = FunctionConfig & { readonly imageTag: string };

export function isImageFunction(fn: FunctionConfig): fn is ImageFunctionConfig {
  return fn.imageTag !== undefined;
}

export function isZipFunction(fn: FunctionConfig): fn is ZipFunctionConfig {
  return fn.code !== undefined;
}
