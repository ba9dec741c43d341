import { z } from "zod";

export const kmsSchema = z.strictObject({
  /** Waiting period before a deleted key is destroyed; AWS accepts 7-30 days. */
  deletionWindowDays: z.number().int().min(7, "must be at least 7 days").max(30, "must be at most 30 days"),
  /** Automatic rotation period; AWS accepts 90-2560 days. */
  rotationPeriodDays: z.number().int().min(90, "must be at least 90 days").max(2560, "must be at most 2560 days").default(365),
});

/** The shape of the random suffix Secrets Manager appends to a secret's ARN. */
export const SUFFIX_LIKE_ARN = /-[A-Za-z0-9]{6}$/;

export const secretsSchema = z.strictObject({
  /** Days Secrets Manager keeps a deleted secret recoverable: 0 (immediate) or 7-30. */
  recoveryWindowDays: z
    .number()
    .int()
    .refine((days) => days === 0 || (days >= 7 && days <= 30), "must be 0 or between 7 and 30 days"),
  /** Third-party API key secrets whose values operators put in by hand (never in config). */
  externalApiKeys: z
    .array(
      z
        .string()
        .regex(/^[a-z][a-z0-9-]*$/, "must be lower-case kebab-case")
        // Secrets Manager appends -XXXXXX to a secret's ARN; a name ending like that breaks lookups by partial ARN.
        .refine((name) => !SUFFIX_LIKE_ARN.test(name), "must not end with a hyphen followed by six characters (Secrets Manager's ARN suffix)"),
    )
    .default([]),
  /** Length of generated secrets (Redis AUTH token, JWT signing key); ElastiCache accepts 16-128. */
  generatedLength: z.number().int().min(32, "must be at least 32 characters").max(128, "must be at most 128 characters").default(64),
});

export type KmsConfig = z.infer<typeof kmsSchema>;
export type SecretsConfig = z.infer<typeof secretsSchema>;

/** Full Secrets Manager name of one of the environment's secrets: `<env>/<project>/<short name>`. */
export function secretNameFor(config: { environment: string; project: string }, shortName: string): string {
  return `${config.environment}/${config.project}/${shortName}`;
}
