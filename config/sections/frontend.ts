import { z } from "zod";
import { logRetentionDays } from "./common";

export const frontendSchema = z.strictObject({
  /**
   * Public name of the site and its Route53 hosted zone; the certificate is issued in us-east-1 (CloudFront's
   * region). Absent: the distribution's `*.cloudfront.net` name.
   */
  domain: z
    .strictObject({
      name: z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, "must be a lower-case domain name"),
      hostedZoneId: z.string().regex(/^Z[A-Z0-9]{1,31}$/, "must be a Route53 hosted zone id: Z followed by A-Z and 0-9"),
    })
    .optional(),
  /** Edge locations served (`PriceClass_100`: North America and Europe, the cheapest). */
  priceClass: z.enum(["PriceClass_100", "PriceClass_200", "PriceClass_All"]).default("PriceClass_100"),
  /** Content-Security-Policy header of every response. */
  contentSecurityPolicy: z.string().min(1, "must not be empty").max(1783, "must be at most 1783 characters (CloudFront's header limit)"),
  /** Retention of the CloudFront access log group (standard logging v2). */
  accessLogRetentionDays: logRetentionDays,
});

export type FrontendConfig = z.infer<typeof frontendSchema>;
