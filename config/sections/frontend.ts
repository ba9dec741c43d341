import { z } from "zod";
import { hostedDomain, logRetentionDays } from "./common";

export const frontendSchema = z.strictObject({
  /**
   * Public name of the site and its Route53 hosted zone; the certificate is issued in us-east-1 (CloudFront's
   * region). Absent: the distribution's `*.cloudfront.net` name.
   */
  domain: hostedDomain.optional(),
  /** Edge locations served (`PriceClass_100`: North America and Europe, the cheapest). */
  priceClass: z.enum(["PriceClass_100", "PriceClass_200", "PriceClass_All"]).default("PriceClass_100"),
  /** Content-Security-Policy header of every response. */
  contentSecurityPolicy: z.string().min(1, "must not be empty").max(1783, "must be at most 1783 characters (CloudFront's header limit)"),
  /** Retention of the CloudFront access log group (standard logging v2). */
  accessLogRetentionDays: logRetentionDays,
});

export type FrontendConfig = z.infer<typeof frontendSchema>;
