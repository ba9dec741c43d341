/**
 * Unsafe / safe cases of the CloudFront rules (guardrails/rules/cloudfront.ts), in the shape of the CASES tables of
 * guardrails.test.ts (security rules) and apply-rules.test.ts (apply rules), so those tables can spread them in.
 */
import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { CloudfrontDistribution, type CloudfrontDistributionConfig } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control";
import { CloudfrontResponseHeadersPolicy } from "@cdktf/provider-aws/lib/cloudfront-response-headers-policy";
import { CloudwatchLogDeliverySource } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery-source";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import type { TerraformStack } from "cdktf";
import { type PolicyStatement, policyDocument } from "../../constructs/iam-policy";
import { RULES_BY_ID } from "../../guardrails/pack";
import { type SynthesizedEnvironment, editedConfig, synthSharedVariant } from "./synth";

export interface CloudfrontRuleCase {
  /** Builds what the rule must flag, under a construct whose path starts with `unsafe`. */
  readonly unsafe: (stack: TerraformStack) => void;
  /** The compliant counterpart, which the rule must pass. */
  readonly safe: (stack: TerraformStack) => void;
  readonly production?: boolean;
  /** Part of the expected message: the why. */
  readonly message: RegExp;
}

const CERTIFICATE_US_EAST_1 = "arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555";
const CERTIFICATE_EU_WEST_1 = "arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555";

type DistributionTweak = (config: CloudfrontDistributionConfig) => CloudfrontDistributionConfig;

interface SiteOptions {
  /** Changes to the compliant distribution. */
  readonly tweak?: DistributionTweak;
  /** Send HSTS from the response headers policy. @default true */
  readonly hsts?: boolean;
  /** Bucket policies on the origin bucket. @default 1 */
  readonly bucketPolicies?: number;
  /** The bucket policy lets the distribution read. @default true */
  readonly oacGrant?: boolean;
}

/**
 * A private bucket read by a distribution through OAC, with HSTS headers and a custom us-east-1 certificate: compliant
 * with every CloudFront rule unless `options` say otherwise. Element ids start with `id`.
 */
export function cloudfrontSite(stack: TerraformStack, id: string, options: SiteOptions = {}): CloudfrontDistribution {
  const bucket = new S3Bucket(stack, `${id}_bucket`, { bucket: `${id.replace(/_/g, "-")}-site` });
  const oac = new CloudfrontOriginAccessControl(stack, `${id}_oac`, {
    name: id,
    originAccessControlOriginType: "s3",
    signingBehavior: "always",
    signingProtocol: "sigv4",
  });
  const headers = new CloudfrontResponseHeadersPolicy(stack, `${id}_headers`, {
    name: id,
    securityHeadersConfig: {
      frameOptions: { frameOption: "DENY", override: true },
      ...((options.hsts ?? true) && {
        strictTransportSecurity: { accessControlMaxAgeSec: 63_072_000, includeSubdomains: true, preload: true, override: true },
      }),
    },
  });
  const base: CloudfrontDistributionConfig = {
    enabled: true,
    defaultRootObject: "index.html",
    origin: [{ originId: "site", domainName: bucket.bucketRegionalDomainName, originAccessControlId: oac.id }],
    defaultCacheBehavior: {
      targetOriginId: "site",
      viewerProtocolPolicy: "redirect-to-https",
      allowedMethods: ["GET", "HEAD"],
      cachedMethods: ["GET", "HEAD"],
      cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6",
      responseHeadersPolicyId: headers.id,
    },
    aliases: ["app.example.com"],
    restrictions: { geoRestriction: { restrictionType: "none" } },
    viewerCertificate: { acmCertificateArn: CERTIFICATE_US_EAST_1, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
  };
  const distribution = new CloudfrontDistribution(stack, `${id}_distribution`, options.tweak ? options.tweak(base) : base);
  const grant: PolicyStatement = {
    sid: "CloudFrontOacReads",
    principals: { Service: "cloudfront.amazonaws.com" },
    actions: ["s3:GetObject"],
    resources: [`${bucket.arn}/*`],
    conditions: { StringEquals: { "AWS:SourceArn": distribution.arn } },
  };
  const other: PolicyStatement = {
    sid: "DeployRoleWrites",
    principals: { AWS: "arn:aws:iam::111111111111:role/deploy" },
    actions: ["s3:PutObject"],
    resources: [`${bucket.arn}/*`],
  };
  for (let i = 0; i < (options.bucketPolicies ?? 1); i++) {
    new S3BucketPolicy(stack, `${id}_bucket_policy_${i}`, {
      bucket: bucket.id,
      policy: policyDocument(i === 0 && (options.oacGrant ?? true) ? [grant] : [other]),
    });
  }
  return distribution;
}

const withBehavior =
  (viewerProtocolPolicy: string): DistributionTweak =>
  (config) => ({
    ...config,
    orderedCacheBehavior: [
      {
        pathPattern: "/assets/*",
        targetOriginId: "site",
        viewerProtocolPolicy,
        allowedMethods: ["GET", "HEAD"],
        cachedMethods: ["GET", "HEAD"],
        cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6",
        responseHeadersPolicyId: config.defaultCacheBehavior.responseHeadersPolicyId,
      },
    ],
  });

const withCertificate =
  (acmCertificateArn: string, minimumProtocolVersion?: string): DistributionTweak =>
  (config) => ({ ...config, viewerCertificate: { acmCertificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion } });

/** Legacy OAI on the S3 origin instead of OAC. */
const withOai: DistributionTweak = (config) => ({
  ...config,
  origin: [
    {
      originId: "site",
      domainName: (config.origin as { domainName: string }[])[0].domainName,
      s3OriginConfig: { originAccessIdentity: "origin-access-identity/cloudfront/E2QWRUHAPOMQZL" },
    },
  ],
});

/** A stack whose default provider is `region`, with a us-east-1 alias beside it. */
function providers(stack: TerraformStack, region: string): { usEast1: AwsProvider } {
  new AwsProvider(stack, "aws", { region });
  return { usEast1: new AwsProvider(stack, "aws_us_east_1", { region: "us-east-1", alias: "us_east_1" }) };
}

/** A distribution whose certificate `aws_acm_certificate` is issued by a provider of `region` (us-east-1 or eu-west-1). */
function siteWithIssuedCertificate(stack: TerraformStack, id: string, inUsEast1: boolean): void {
  const { usEast1 } = providers(stack, "eu-west-1");
  const certificate = new AcmCertificate(stack, `${id}_certificate`, {
    provider: inUsEast1 ? usEast1 : undefined,
    domainName: "app.example.com",
    validationMethod: "DNS",
  });
  cloudfrontSite(stack, id, { tweak: withCertificate(certificate.arn, "TLSv1.2_2021") });
}

function accessLogSource(stack: TerraformStack, id: string, inUsEast1: boolean): void {
  const { usEast1 } = providers(stack, "eu-west-1");
  const distribution = cloudfrontSite(stack, `${id}_site`);
  new CloudwatchLogDeliverySource(stack, id, {
    provider: inUsEast1 ? usEast1 : undefined,
    name: `${id}-access-logs`,
    logType: "ACCESS_LOGS",
    resourceArn: distribution.arn,
  });
}

export const CLOUDFRONT_RULE_CASES: Readonly<Record<string, CloudfrontRuleCase>> = {
  "VP-CF-1": {
    unsafe: (s) => cloudfrontSite(s, "unsafe", { tweak: withBehavior("allow-all") }),
    safe: (s) => cloudfrontSite(s, "safe", { tweak: withBehavior("https-only") }),
    message: /ordered_cache_behavior \/assets\/\* has viewer_protocol_policy allow-all/,
  },
  "VP-CF-2": {
    unsafe: (s) => cloudfrontSite(s, "unsafe", { tweak: withCertificate(CERTIFICATE_US_EAST_1, "TLSv1.2_2019") }),
    safe: (s) => cloudfrontSite(s, "safe", { tweak: withCertificate(CERTIFICATE_US_EAST_1, "TLSv1.2_2021") }),
    message: /minimum_protocol_version TLSv1\.2_2019 accepts protocols or ciphers older than TLSv1\.2_2021/,
  },
  "VP-CF-3": {
    unsafe: (s) => cloudfrontSite(s, "unsafe", { tweak: withOai }),
    safe: (s) => cloudfrontSite(s, "safe"),
    message: /origin site uses a legacy origin access identity, which cannot read SSE-KMS objects/,
  },
  "VP-CF-4": {
    unsafe: (s) => cloudfrontSite(s, "unsafe", { hsts: false }),
    safe: (s) => cloudfrontSite(s, "safe"),
    message: /default_cache_behavior send no Strict-Transport-Security header/,
  },
  "VP-CF-5": {
    unsafe: (s) => siteWithIssuedCertificate(s, "unsafe", false),
    safe: (s) => siteWithIssuedCertificate(s, "safe", true),
    message: /aws_acm_certificate\.unsafe_certificate is in eu-west-1; CloudFront only reads certificates from us-east-1/,
  },
  "VP-CF-6": {
    unsafe: (s) => accessLogSource(s, "unsafe", false),
    safe: (s) => accessLogSource(s, "safe", true),
    message: /it is created in eu-west-1, where PutDeliverySource rejects CloudFront's ACCESS_LOGS/,
  },
  "VP-CF-7": {
    unsafe: (s) => cloudfrontSite(s, "unsafe", { bucketPolicies: 2 }),
    safe: (s) => cloudfrontSite(s, "safe"),
    message: /it has 2 bucket policies .*S3 keeps one per bucket/,
  },
};

/** Literal certificate ARNs of both regions, for detail tests. */
export const CLOUDFRONT_CERTIFICATES = { usEast1: CERTIFICATE_US_EAST_1, euWest1: CERTIFICATE_EU_WEST_1 } as const;
export { withCertificate, withBehavior, withOai };

const byCategory = (apply: boolean) =>
  Object.fromEntries(Object.entries(CLOUDFRONT_RULE_CASES).filter(([id]) => (RULES_BY_ID.get(id)?.category === "apply") === apply));

/** The security rules' cases, for guardrails.test.ts's CASES (`...CLOUDFRONT_SECURITY_CASES`). */
export const CLOUDFRONT_SECURITY_CASES: Readonly<Record<string, CloudfrontRuleCase>> = byCategory(false);
/** The apply rules' cases, for apply-rules.test.ts's CASES (`...CLOUDFRONT_APPLY_CASES`). */
export const CLOUDFRONT_APPLY_CASES: Readonly<Record<string, CloudfrontRuleCase>> = byCategory(true);

/**
 * Staging in eu-west-1 with the edge stack's optional CloudFront distribution (seed 000's CDN), geo blocking and
 * Bot Control: the edge stack's tests and the CloudFront rules' check of it share it, synthesized once per worker.
 */
export function synthStagingWithCdn(): SynthesizedEnvironment {
  return synthSharedVariant("staging with CloudFront in eu-west-1", () =>
    editedConfig("staging", (raw) => {
      raw.region = "eu-west-1";
      raw.network.availabilityZones = ["eu-west-1a", "eu-west-1b"];
      raw.edge.cloudfront = { enabled: true, priceClass: "PriceClass_200" };
      raw.edge.waf.geoBlockCountries = ["KP", "RU"];
      raw.edge.waf.botControl = "block";
    }),
  );
}
