import { z } from "zod";
import { parseCidr } from "../cidr";

/** Retention values CloudWatch Logs accepts for `retention_in_days`; anything else fails at apply. */
export const CLOUDWATCH_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export const logRetentionDays = z
  .number()
  .int()
  .refine((days) => (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(days), {
    message: `must be one of the CloudWatch Logs retention values ${CLOUDWATCH_RETENTION_DAYS.join(", ")}`,
  });

export const awsRegion = z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, "must be an AWS region name such as us-east-1");

export const cidrBlock = z.string().refine((text) => parseCidr(text) !== undefined, {
  message: "must be an IPv4 CIDR block a.b.c.d/n with no host bits set",
});

/** Lower-case DNS-label style names used inside resource names (`voice-ai`, `api`). */
export const resourceName = z.string().regex(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/, "must be 2-32 characters of a-z, 0-9 and '-', starting with a letter");

/** S3 bucket naming rules (general purpose buckets). */
export const bucketName = z
  .string()
  .min(3, "must be at least 3 characters")
  .max(63, "must be at most 63 characters")
  .regex(/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, "must use a-z, 0-9, '.' and '-' and start and end with a letter or digit")
  .refine((name) => !name.includes(".."), "must not contain '..'")
  .refine((name) => !/^\d+\.\d+\.\d+\.\d+$/.test(name), "must not look like an IP address")
  .refine((name) => !name.startsWith("xn--") && !name.endsWith("-s3alias"), "uses a prefix or suffix S3 reserves");

export const environmentName = z.enum(["dev", "staging", "prod"]);
export type EnvironmentName = z.infer<typeof environmentName>;

/** Id of the Route53 hosted zone (`Z...`). */
export const hostedZoneId = z.string().regex(/^Z[A-Z0-9]{1,31}$/, "must be a Route53 hosted zone id: Z followed by A-Z and 0-9");

/** A public domain name and the Route53 hosted zone that holds its records. */
export const hostedDomain = z.strictObject({
  /** Fully qualified, lower-case domain name. */
  name: z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a lower-case domain name"),
  /** The public hosted zone that holds the name's records (certificate validation, aliases, DKIM). */
  hostedZoneId,
});
