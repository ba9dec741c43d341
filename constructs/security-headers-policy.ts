import { CloudfrontResponseHeadersPolicy } from "@cdktf/provider-aws/lib/cloudfront-response-headers-policy";
import { Token } from "cdktf";
import { Construct } from "constructs";

/**
 * AWS managed CloudFront policies by name (ids are the same in every account,
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html and
 * .../using-managed-origin-request-policies.html).
 */
export const MANAGED_CACHE_POLICY_IDS = {
  /** Long TTLs, gzip/brotli keys, no cookies or query strings in the key: versioned static assets. */
  cachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
  /** Nothing cached: APIs. */
  cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
} as const;

export const MANAGED_ORIGIN_REQUEST_POLICY_IDS = {
  /** Every viewer header, cookie and query string except Host, which must stay the origin's name for TLS. */
  allViewerExceptHostHeader: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
} as const;

/** Two years: the minimum max-age the HSTS preload list (hstspreload.org) accepts is one year. */
const DEFAULT_HSTS_MAX_AGE_SECONDS = 63_072_000;
const HSTS_PRELOAD_MIN_MAX_AGE_SECONDS = 31_536_000;
/** CloudFront's quota on the Content-Security-Policy value of a response headers policy. */
const CSP_MAX_LENGTH = 1783;

export type ReferrerPolicy =
  | "no-referrer"
  | "no-referrer-when-downgrade"
  | "origin"
  | "origin-when-cross-origin"
  | "same-origin"
  | "strict-origin"
  | "strict-origin-when-cross-origin"
  | "unsafe-url";

export interface SecurityHeadersPolicyProps {
  /** Policy name, unique in the account: 1-128 of A-Z a-z 0-9 _ -. */
  readonly name: string;
  /**
   * Content-Security-Policy header value; a React SPA usually needs at least `default-src 'self'` plus its API origin
   * in `connect-src`.
   * @default - no CSP header
   */
  readonly contentSecurityPolicy?: string;
  /**
   * Strict-Transport-Security max-age in seconds (with includeSubDomains and preload, which need at least one year).
   * @default 63072000 (two years)
   */
  readonly hstsMaxAgeSeconds?: number;
  /**
   * Referrer-Policy header value.
   * @default "strict-origin-when-cross-origin"
   */
  readonly referrerPolicy?: ReferrerPolicy;
}

/**
 * A CloudFront response headers policy with the browser security headers every distribution of ours sends: HSTS
 * (preload, includeSubDomains), X-Content-Type-Options nosniff, X-Frame-Options DENY, Referrer-Policy,
 * X-XSS-Protection `1; mode=block` and an optional CSP. Each overrides what the origin sends, so a file uploaded
 * with other headers cannot weaken them.
 */
export class SecurityHeadersPolicy extends Construct {
  readonly policy: CloudfrontResponseHeadersPolicy;

  constructor(scope: Construct, id: string, props: SecurityHeadersPolicyProps) {
    super(scope, id);
    const fail = (message: string): never => {
      throw new Error(`SecurityHeadersPolicy ${id}: ${message}`);
    };
    if (!Token.isUnresolved(props.name) && !/^[A-Za-z0-9_-]{1,128}$/.test(props.name)) {
      fail(`name "${props.name}" must be 1-128 of A-Z a-z 0-9 _ -`);
    }
    const maxAge = props.hstsMaxAgeSeconds ?? DEFAULT_HSTS_MAX_AGE_SECONDS;
    if (!Number.isInteger(maxAge) || maxAge < HSTS_PRELOAD_MIN_MAX_AGE_SECONDS) {
      fail(`hstsMaxAgeSeconds must be a whole number >= ${HSTS_PRELOAD_MIN_MAX_AGE_SECONDS} (one year, the preload list's minimum), got ${maxAge}`);
    }
    const csp = props.contentSecurityPolicy;
    if (csp !== undefined && !Token.isUnresolved(csp)) {
      if (csp.trim() === "") fail("contentSecurityPolicy must not be empty; leave it out for no CSP header");
      if (csp.length > CSP_MAX_LENGTH) fail(`contentSecurityPolicy is ${csp.length} characters; CloudFront allows ${CSP_MAX_LENGTH}`);
    }

    this.policy = new CloudfrontResponseHeadersPolicy(this, "Resource", {
      name: props.name,
      comment: "Browser security headers (HSTS, nosniff, DENY framing, referrer policy, CSP)",
      securityHeadersConfig: {
        strictTransportSecurity: { accessControlMaxAgeSec: maxAge, includeSubdomains: true, preload: true, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: "DENY", override: true },
        referrerPolicy: { referrerPolicy: props.referrerPolicy ?? "strict-origin-when-cross-origin", override: true },
        xssProtection: { protection: true, modeBlock: true, override: true },
        contentSecurityPolicy: csp !== undefined ? { contentSecurityPolicy: csp, override: true } : undefined,
      },
    });
  }

  get policyId(): string {
    return this.policy.id;
  }
}
