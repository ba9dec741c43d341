import { z } from "zod";
import { recordWithKeys } from "../records";

/** Standard-tier parameters hold at most 4 KB. */
const STANDARD_VALUE_MAX = 4096;

const PARAMETER_NAME = /^[a-z][a-z0-9_.-]{0,127}$/;

export const parameterSchema = z.strictObject({
  /** What the setting is and, for a SecureString, who puts its value. */
  description: z.string().min(1, "must not be empty").max(1024, "must be at most 1024 characters"),
  /**
   * SecureString: encrypted with the `parameters` CMK; its value never appears in config or Terraform state,
   * an operator writes it (`aws ssm put-parameter --overwrite`). String: a non-secret setting whose value is here.
   */
  type: z.enum(["SecureString", "String"]),
  /** Value of a String parameter; must be absent for a SecureString. */
  value: z
    .string()
    .min(1, "must not be empty (SSM rejects empty values)")
    .max(STANDARD_VALUE_MAX, "must be at most 4096 characters (standard tier)")
    .optional(),
});

/** Application settings in SSM Parameter Store under `/<project>/<env>/<name>` (seed 003), by name. */
export const parametersSchema = recordWithKeys(
  PARAMETER_NAME,
  "must be 1-128 of a-z, 0-9, '_', '.' and '-', starting with a letter (seed 003: openai_api_key)",
  parameterSchema,
).refine((parameters) => Object.keys(parameters).length > 0, "must define at least one parameter");

export type ParameterConfig = z.infer<typeof parameterSchema>;

/** Full SSM name of one parameter. */
export function parameterPathFor(config: { readonly project: string; readonly environment: string }, name: string): string {
  return `/${config.project}/${config.environment}/${name}`;
}

/** Parameters the identity stack writes under the same path; config may not define them. */
export const COGNITO_PARAMETERS = ["cognito_user_pool_id", "cognito_client_id", "cognito_issuer", "cognito_domain", "cognito_client_secret"] as const;
