/** CloudFront: HTTPS to viewers, modern TLS, private S3 origins through OAC, security headers, us-east-1 where required. */
import { elementRule, stackRule } from "../catalog";
import { actionMatches, blocks, isLiteralString, isSet, policyStatements, refersTo } from "../helpers";
import { type ElementView, type RuleContext, compliant, nonCompliant, notApplicable } from "../types";

const DISTRIBUTION = "aws_cloudfront_distribution";
const HTTPS_VIEWER_POLICIES = ["redirect-to-https", "https-only"];
/** CloudFront security policies that accept nothing older than TLS 1.2 with 2021-or-newer ciphers. */
const MODERN_MINIMUM_PROTOCOLS = ["TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"];
/** AWS managed response headers policy "SecurityHeadersPolicy", which sends HSTS. */
const MANAGED_SECURITY_HEADERS_POLICY_ID = "67f7725c-6f97-4210-82d7-5512b31e9d03";
const US_EAST_1 = "us-east-1";

interface Behavior {
  readonly label: string;
  readonly block: Record<string, unknown>;
}

/** The default cache behavior and every ordered one, labelled for messages. */
function behaviors(distribution: ElementView): Behavior[] {
  return [
    ...blocks(distribution.attributes.default_cache_behavior).map((block) => ({ label: "default_cache_behavior", block })),
    ...blocks(distribution.attributes.ordered_cache_behavior).map((block) => ({
      label: `ordered_cache_behavior ${String(block.path_pattern)}`,
      block,
    })),
  ];
}

/** `<bucket>.s3.amazonaws.com` / `<bucket>.s3.<region>.amazonaws.com`, or a reference to a bucket's REST domain name. */
function isS3RestOrigin(domain: unknown): boolean {
  if (isLiteralString(domain)) return /\.s3([.-][a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/.test(domain);
  return typeof domain === "string" && /^\$\{aws_s3_bucket\.[A-Za-z0-9_-]+\.bucket(_regional)?_domain_name\}$/.test(domain);
}

/** The public static-website endpoint of a bucket, which OAC cannot sign for. */
function isS3WebsiteOrigin(domain: unknown): boolean {
  if (typeof domain !== "string") return false;
  return /s3-website[.-]/.test(domain) || /\.website_(endpoint|domain)\}$/.test(domain);
}

function hasS3Origin(distribution: ElementView): boolean {
  return blocks(distribution.attributes.origin).some((origin) => isS3RestOrigin(origin.domain_name) || isS3WebsiteOrigin(origin.domain_name));
}

export const viewerProtocolHttpsOnly = elementRule("VP-CF-1", [DISTRIBUTION], (distribution) => {
  const plain = behaviors(distribution).filter(({ block }) => !HTTPS_VIEWER_POLICIES.includes(String(block.viewer_protocol_policy)));
  return plain.length === 0
    ? compliant
    : nonCompliant(plain.map(({ label, block }) => `${label} has viewer_protocol_policy ${String(block.viewer_protocol_policy)}`).join("; "));
});

export const customCertificateModernTls = elementRule("VP-CF-2", [DISTRIBUTION], (distribution) => {
  const certificate = blocks(distribution.attributes.viewer_certificate)[0];
  if (!certificate || !(isSet(certificate.acm_certificate_arn) || isSet(certificate.iam_certificate_id))) return notApplicable;
  const minimum = certificate.minimum_protocol_version;
  if (!isSet(minimum)) return nonCompliant("minimum_protocol_version is not set, so CloudFront accepts TLSv1");
  return MODERN_MINIMUM_PROTOCOLS.includes(String(minimum))
    ? compliant
    : nonCompliant(`minimum_protocol_version ${String(minimum)} accepts protocols or ciphers older than TLSv1.2_2021`);
});

export const s3OriginsUseOac = elementRule("VP-CF-3", [DISTRIBUTION], (distribution) => {
  const problems = blocks(distribution.attributes.origin).flatMap((origin) => {
    const id = String(origin.origin_id);
    const oai = blocks(origin.s3_origin_config).some((config) => isSet(config.origin_access_identity));
    if (isS3WebsiteOrigin(origin.domain_name)) return [`origin ${id} is an S3 website endpoint, which only serves public buckets`];
    if (oai) return [`origin ${id} uses a legacy origin access identity, which cannot read SSE-KMS objects`];
    if (isS3RestOrigin(origin.domain_name) && !isSet(origin.origin_access_control_id)) {
      return [`S3 origin ${id} has no origin_access_control_id, so it only works if the bucket is public`];
    }
    return [];
  });
  if (!hasS3Origin(distribution) && problems.length === 0) return notApplicable;
  return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
});

/** Whether a response headers policy id names a policy that sends Strict-Transport-Security. */
function sendsHsts(policyId: unknown, context: RuleContext): boolean {
  if (!isSet(policyId)) return false;
  if (policyId === MANAGED_SECURITY_HEADERS_POLICY_ID) return true;
  const policy = context.lookup(policyId);
  if (policy?.type === "aws_cloudfront_response_headers_policy") {
    return blocks(policy.attributes.security_headers_config).some((config) => blocks(config.strict_transport_security).length > 0);
  }
  // Another managed policy or one from another stack: this stack cannot see its headers, so it is taken on trust.
  return true;
}

export const s3SiteSendsSecurityHeaders = elementRule("VP-CF-4", [DISTRIBUTION], (distribution, context) => {
  if (!hasS3Origin(distribution)) return notApplicable;
  const missing = behaviors(distribution).filter(({ block }) => !sendsHsts(block.response_headers_policy_id, context));
  return missing.length === 0
    ? compliant
    : nonCompliant(`${missing.map(({ label }) => label).join(", ")} send no Strict-Transport-Security header (no response headers policy with HSTS)`);
});

/** Region of the provider an element is created with; undefined when the provider's region is only known at plan time. */
function providerRegion(element: ElementView, context: RuleContext): string | undefined {
  const alias = typeof element.attributes.provider === "string" ? element.attributes.provider.replace(/^aws\./, "") : "default";
  const provider = context.elements.find((e) => e.type === "provider.aws" && e.address === `provider.aws.${alias}`);
  const region = provider?.attributes.region;
  return isLiteralString(region) ? region : undefined;
}

/** Where an ACM certificate ARN comes from: the region of a literal, or of the provider that issues the referenced one. */
function certificateRegion(arn: unknown, context: RuleContext): { region: string; source: string } | undefined {
  if (isLiteralString(arn)) {
    const region = /^arn:aws[a-z-]*:acm:([a-z0-9-]+):/.exec(arn)?.[1];
    return region ? { region, source: `certificate ${arn}` } : undefined;
  }
  const element = context.lookup(arn);
  if (!element || (element.type !== "aws_acm_certificate" && element.type !== "aws_acm_certificate_validation")) return undefined;
  // A validation waits for a certificate in its own provider's region, so either resource's provider tells.
  const region = providerRegion(element, context);
  return region ? { region, source: element.address } : undefined;
}

export const certificateFromUsEast1 = elementRule("VP-CF-5", [DISTRIBUTION], (distribution, context) => {
  const arn = blocks(distribution.attributes.viewer_certificate)[0]?.acm_certificate_arn;
  if (!isSet(arn)) return notApplicable;
  const found = certificateRegion(arn, context);
  if (!found) return notApplicable;
  return found.region === US_EAST_1
    ? compliant
    : nonCompliant(`${found.source} is in ${found.region}; CloudFront only reads certificates from us-east-1, so the apply fails`);
});

export const cloudfrontLogDeliveryInUsEast1 = elementRule("VP-CF-6", ["aws_cloudwatch_log_delivery_source"], (source, context) => {
  const resource = source.attributes.resource_arn;
  const fromCloudfront =
    (isLiteralString(resource) && resource.startsWith("arn:aws:cloudfront::")) || context.lookup(resource)?.type === DISTRIBUTION;
  if (!fromCloudfront) return notApplicable;
  const region = providerRegion(source, context);
  if (region === undefined) return notApplicable;
  return region === US_EAST_1
    ? compliant
    : nonCompliant(
        `it is created in ${region}, where PutDeliverySource rejects CloudFront's ACCESS_LOGS ("not supported for this LogType in region")`,
      );
});

/** The OAC grant AWS documents: cloudfront.amazonaws.com may s3:GetObject, pinned by AWS:SourceArn. */
function grantsOacRead(statements: ReturnType<typeof policyStatements>): boolean {
  return (statements ?? []).some((s) => {
    if (s.effect !== "Allow" || s.principals === undefined || s.principals === "*") return false;
    if (!(s.principals.Service ?? []).includes("cloudfront.amazonaws.com")) return false;
    if (!s.actions.some((a) => actionMatches(a, "s3:GetObject"))) return false;
    return Object.values(s.conditions).some((keys) => Object.keys(keys).some((key) => key.toLowerCase() === "aws:sourcearn"));
  });
}

export const oacBucketHasOnePolicyGrantingRead = stackRule("VP-CF-7", (context) => {
  const originBuckets = context.elements
    .filter((e) => e.type === DISTRIBUTION)
    .flatMap((d) => blocks(d.attributes.origin))
    .filter((origin) => isSet(origin.origin_access_control_id))
    .map((origin) => context.lookup(origin.domain_name))
    .filter((bucket): bucket is ElementView => bucket?.type === "aws_s3_bucket");
  return [...new Set(originBuckets)].map((bucket) => {
    const policies = context.elements.filter((e) => e.type === "aws_s3_bucket_policy" && refersTo(e.attributes.bucket, bucket, "bucket"));
    const inline = isSet(bucket.attributes.policy) ? 1 : 0;
    if (policies.length + inline > 1) {
      return {
        subject: bucket,
        verdict: nonCompliant(
          `it has ${policies.length + inline} bucket policies (${policies.map((p) => p.address).join(", ")}${inline ? ", inline policy" : ""}); S3 keeps one per bucket, so each apply replaces the other and the OAC grant comes and goes`,
        ),
      };
    }
    if (policies.length + inline === 0)
      return { subject: bucket, verdict: nonCompliant("it has no bucket policy, so CloudFront's OAC requests get 403") };
    const statements = policyStatements(policies[0]?.attributes.policy ?? bucket.attributes.policy, context);
    if (statements === undefined) return { subject: bucket, verdict: notApplicable };
    return {
      subject: bucket,
      verdict: grantsOacRead(statements)
        ? compliant
        : nonCompliant(
            "its policy does not let cloudfront.amazonaws.com s3:GetObject under an AWS:SourceArn condition, so CloudFront's OAC requests get 403",
          ),
    };
  });
});
