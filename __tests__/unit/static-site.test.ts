import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control";
import { CloudfrontResponseHeadersPolicy } from "@cdktf/provider-aws/lib/cloudfront-response-headers-policy";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3BucketCorsConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-cors-configuration";
import { S3BucketIntelligentTieringConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-intelligent-tiering-configuration";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { describe, expect, it } from "vitest";
import { FilesBucket, type FilesBucketProps } from "../../constructs/files-bucket";
import { SecurityHeadersPolicy } from "../../constructs/security-headers-policy";
import { StaticSite, type StaticSiteProps } from "../../constructs/static-site";
import { synthScope } from "../support/test-app";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000";
const CERTIFICATE = "arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555";
const WEB_ACL = "arn:aws:wafv2:us-east-1:111111111111:global/webacl/voice-assistant-prod/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const BASE: StaticSiteProps = { name: "va-prod-web", bucketName: "va-prod-web-111111111111", kmsKeyArn: KEY };

type Json = Record<string, any>;

function synthSite(props: Partial<StaticSiteProps>, withUsEast1Provider = false): { text: string; json: Json } {
  const text = synthScope((scope) => {
    const usEast1Provider = withUsEast1Provider ? new AwsProvider(scope, "us_east_1", { region: "us-east-1", alias: "us_east_1" }) : undefined;
    new StaticSite(scope, "web", { ...BASE, usEast1Provider, ...props });
  });
  return { text, json: JSON.parse(text) };
}

function only(json: Json, type: string): Json {
  const resources = Object.values(json.resource?.[type] ?? {}) as Json[];
  expect(resources).toHaveLength(1);
  return resources[0];
}

const distributionOf = (json: Json) => only(json, "aws_cloudfront_distribution");

describe("StaticSite", () => {
  const site = synthSite({ contentSecurityPolicy: "default-src 'self'; connect-src 'self' https://api.example.com" });

  it("keeps the site in a private, CMK-encrypted, bucket-owner-enforced bucket", () => {
    expect(site.text).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: KEY }, bucket_key_enabled: true }],
    });
    expect(site.text).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    // OAC requires BucketOwnerEnforced.
    expect(site.text).toHaveResourceWithProperties(S3BucketOwnershipControls, { rule: { object_ownership: "BucketOwnerEnforced" } });
    expect(site.json.resource.aws_s3_bucket_website_configuration).toBeUndefined();
  });

  it("lets exactly this distribution read objects, in the bucket's only policy, after the TLS denies", () => {
    const policy = JSON.parse(only(site.json, "aws_s3_bucket_policy").policy);
    expect(policy.Statement.map((s: Json) => s.Sid)).toEqual(["DenyRequestsWithoutTls", "DenyTlsBelow12", "CloudFrontOacReadsSiteObjects"]);
    expect(policy.Statement[2]).toEqual({
      Sid: "CloudFrontOacReadsSiteObjects",
      Effect: "Allow",
      Principal: { Service: "cloudfront.amazonaws.com" },
      Action: "s3:GetObject",
      Resource: expect.stringMatching(/^\$\{aws_s3_bucket\.\w+\.arn\}\/\*$/),
      Condition: { StringEquals: { "AWS:SourceArn": expect.stringMatching(/^\$\{aws_cloudfront_distribution\.\w+\.arn\}$/) } },
    });
  });

  it("reads the bucket's REST endpoint through an always-signing sigv4 origin access control", () => {
    expect(site.text).toHaveResourceWithProperties(CloudfrontOriginAccessControl, {
      name: "va-prod-web-site",
      origin_access_control_origin_type: "s3",
      signing_behavior: "always",
      signing_protocol: "sigv4",
    });
    const [origin] = distributionOf(site.json).origin;
    expect(origin.domain_name).toMatch(/^\$\{aws_s3_bucket\.\w+\.bucket_regional_domain_name\}$/);
    expect(origin.origin_access_control_id).toMatch(/^\$\{aws_cloudfront_origin_access_control\.\w+\.id\}$/);
    expect(origin.s3_origin_config).toBeUndefined();
  });

  it("serves index.html at the root and for every unknown path (S3 answers 403 without ListBucket)", () => {
    const distribution = distributionOf(site.json);
    expect(distribution).toMatchObject({
      enabled: true,
      default_root_object: "index.html",
      http_version: "http2and3",
      is_ipv6_enabled: true,
      price_class: "PriceClass_100",
      restrictions: { geo_restriction: { restriction_type: "none" } },
    });
    expect(distribution.custom_error_response).toEqual([
      { error_code: 403, response_code: 200, response_page_path: "/index.html", error_caching_min_ttl: 10 },
      { error_code: 404, response_code: 200, response_page_path: "/index.html", error_caching_min_ttl: 10 },
    ]);
  });

  it("redirects HTTP to HTTPS, caches with CachingOptimized and attaches the security headers", () => {
    expect(distributionOf(site.json).default_cache_behavior).toMatchObject({
      viewer_protocol_policy: "redirect-to-https",
      cache_policy_id: "658327ea-f89d-4fab-a63d-7e88639e58f6",
      response_headers_policy_id: expect.stringMatching(/^\$\{aws_cloudfront_response_headers_policy\.\w+\.id\}$/),
      allowed_methods: ["GET", "HEAD", "OPTIONS"],
      compress: true,
    });
    expect(site.text).toHaveResourceWithProperties(CloudfrontResponseHeadersPolicy, {
      name: "va-prod-web-security-headers",
      security_headers_config: {
        strict_transport_security: { access_control_max_age_sec: 63072000, include_subdomains: true, preload: true, override: true },
        content_type_options: { override: true },
        frame_options: { frame_option: "DENY", override: true },
        referrer_policy: { referrer_policy: "strict-origin-when-cross-origin", override: true },
        xss_protection: { protection: true, mode_block: true, override: true },
        content_security_policy: { content_security_policy: "default-src 'self'; connect-src 'self' https://api.example.com", override: true },
      },
    });
  });

  it("uses the default certificate without a minimum protocol (CloudFront fixes TLSv1 for *.cloudfront.net), and no DNS", () => {
    const distribution = distributionOf(site.json);
    expect(distribution.viewer_certificate).toEqual({ cloudfront_default_certificate: true });
    expect(distribution.aliases).toBeUndefined();
    expect(distribution.web_acl_id).toBeUndefined();
    expect(site.json.resource.aws_route53_record).toBeUndefined();
    expect(site.json.resource.aws_cloudwatch_log_delivery_source).toBeUndefined();
  });

  it("serves aliases with an SNI-only us-east-1 certificate at TLSv1.2_2021, behind the web ACL, with A and AAAA records", () => {
    const custom = synthSite({
      aliases: ["app.example.com", "www.example.com"],
      certificateArn: CERTIFICATE,
      hostedZoneId: "Z0123456789ABC",
      webAclArn: WEB_ACL,
      priceClass: "PriceClass_All",
    });
    const distribution = distributionOf(custom.json);
    expect(distribution).toMatchObject({ aliases: ["app.example.com", "www.example.com"], web_acl_id: WEB_ACL, price_class: "PriceClass_All" });
    expect(distribution.viewer_certificate).toEqual({
      acm_certificate_arn: CERTIFICATE,
      ssl_support_method: "sni-only",
      minimum_protocol_version: "TLSv1.2_2021",
    });
    const records = Object.values(custom.json.resource.aws_route53_record) as Json[];
    expect(records.map((r) => `${r.name} ${r.type}`).sort()).toEqual([
      "app.example.com A",
      "app.example.com AAAA",
      "www.example.com A",
      "www.example.com AAAA",
    ]);
    for (const record of records) {
      expect(record).toMatchObject({
        zone_id: "Z0123456789ABC",
        alias: {
          name: expect.stringMatching(/\.domain_name\}$/),
          zone_id: expect.stringMatching(/\.hosted_zone_id\}$/),
          evaluate_target_health: false,
        },
      });
    }
  });

  it("delivers access logs (standard logging v2) to a CMK log group, all in us-east-1", () => {
    const logged = synthSite({ accessLogs: { kmsKeyArn: KEY, retentionDays: 90 } }, true);
    expect(logged.text).toHaveResourceWithProperties(CloudwatchLogGroup, {
      name: "/aws/cloudfront/va-prod-web",
      kms_key_id: KEY,
      retention_in_days: 90,
      provider: "aws.us_east_1",
    });
    const source = only(logged.json, "aws_cloudwatch_log_delivery_source");
    expect(source).toMatchObject({ log_type: "ACCESS_LOGS", provider: "aws.us_east_1" });
    expect(source.resource_arn).toMatch(/^\$\{aws_cloudfront_distribution\.\w+\.arn\}$/);
    const destination = only(logged.json, "aws_cloudwatch_log_delivery_destination");
    expect(destination.provider).toBe("aws.us_east_1");
    expect(destination.delivery_destination_configuration[0].destination_resource_arn).toMatch(/^\$\{aws_cloudwatch_log_group\.\w+\.arn\}$/);
    const delivery = only(logged.json, "aws_cloudwatch_log_delivery");
    expect(delivery).toMatchObject({
      provider: "aws.us_east_1",
      delivery_source_name: expect.stringContaining("aws_cloudwatch_log_delivery_source"),
    });
    // Legacy logging (an ACL-granted bucket) is never configured.
    expect(distributionOf(logged.json).logging_config).toBeUndefined();
  });

  it("adds caller statements to the one bucket policy", () => {
    const extra = synthSite({
      bucketPolicyStatements: (arn) => [
        { sid: "DeployRoleSyncs", principals: { AWS: "arn:aws:iam::111111111111:role/deploy" }, actions: ["s3:PutObject"], resources: [`${arn}/*`] },
      ],
    });
    const policy = JSON.parse(only(extra.json, "aws_s3_bucket_policy").policy);
    expect(policy.Statement.map((s: Json) => s.Sid)).toEqual([
      "DenyRequestsWithoutTls",
      "DenyTlsBelow12",
      "CloudFrontOacReadsSiteObjects",
      "DeployRoleSyncs",
    ]);
  });

  const invalid: [string, Partial<StaticSiteProps>, RegExp][] = [
    ["an upper-case name", { name: "Web" }, /name "Web" must be 1-40 of a-z 0-9 -/],
    ["aliases without a certificate", { aliases: ["app.example.com"] }, /aliases need certificateArn/],
    ["a certificate without aliases", { certificateArn: CERTIFICATE }, /certificateArn is only used with aliases/],
    ["a hosted zone without aliases", { hostedZoneId: "Z0123456789ABC" }, /hostedZoneId is only used with aliases/],
    [
      "an upper-case alias",
      { aliases: ["App.example.com"], certificateArn: CERTIFICATE },
      /aliases: "App\.example\.com" is not a lower-case DNS name/,
    ],
    ["a duplicate alias", { aliases: ["a.example.com", "a.example.com"], certificateArn: CERTIFICATE }, /"a\.example\.com" is listed twice/],
    [
      "a certificate outside us-east-1",
      { aliases: ["app.example.com"], certificateArn: CERTIFICATE.replace("us-east-1", "eu-west-1") },
      /certificateArn is in eu-west-1; CloudFront only uses ACM certificates from us-east-1/,
    ],
    [
      "a certificate that is not ACM",
      { aliases: ["app.example.com"], certificateArn: "arn:aws:iam::111111111111:server-certificate/x" },
      /is not an ACM certificate ARN/,
    ],
    ["a regional web ACL", { webAclArn: WEB_ACL.replace(":global/", ":regional/") }, /webAclArn .* must be a WAFv2 web ACL with CLOUDFRONT scope/],
    ["a web ACL outside us-east-1", { webAclArn: WEB_ACL.replace("us-east-1", "eu-west-1") }, /must be a WAFv2 web ACL with CLOUDFRONT scope/],
    [
      "a log key outside us-east-1",
      { accessLogs: { kmsKeyArn: KEY.replace("us-east-1", "eu-west-1"), retentionDays: 30 } },
      /accessLogs\.kmsKeyArn is in eu-west-1; CloudFront's log group lives in us-east-1/,
    ],
    ["an empty CSP", { contentSecurityPolicy: " " }, /contentSecurityPolicy must not be empty/],
    [
      "a CSP over CloudFront's limit",
      { contentSecurityPolicy: `default-src ${"x".repeat(1800)}` },
      /contentSecurityPolicy is \d+ characters; CloudFront allows 1783/,
    ],
  ];
  it.each(invalid)("rejects %s, naming the field", (_case, props, message) => {
    expect(() => synthSite(props)).toThrow(message);
  });
});

describe("SecurityHeadersPolicy", () => {
  it("refuses an HSTS max-age the preload list would reject", () => {
    expect(() => synthScope((scope) => new SecurityHeadersPolicy(scope, "headers", { name: "h", hstsMaxAgeSeconds: 86_400 }))).toThrow(
      /hstsMaxAgeSeconds must be a whole number >= 31536000/,
    );
  });
});

describe("FilesBucket", () => {
  const FILES: FilesBucketProps = { bucketName: "va-prod-files-111111111111", kmsKeyArn: KEY };
  const synthFiles = (props: Partial<FilesBucketProps>) =>
    synthScope((scope) => {
      new FilesBucket(scope, "files", { ...FILES, ...props });
    });

  it("moves objects to Intelligent-Tiering on day 0 with no archive tiers and no CORS by default", () => {
    const text = synthFiles({});
    expect(text).toHaveResourceWithProperties(S3BucketLifecycleConfiguration, {
      rule: [expect.objectContaining({ id: "intelligent-tiering", transition: [{ days: 0, storage_class: "INTELLIGENT_TIERING" }] })],
    });
    expect(text).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [expect.objectContaining({ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: KEY } })],
    });
    expect(text).not.toHaveResource(S3BucketIntelligentTieringConfiguration);
    expect(text).not.toHaveResource(S3BucketCorsConfiguration);
  });

  it("adds the archive tiers and CORS for the site's origin when asked", () => {
    const text = synthFiles({
      intelligentTieringDays: 7,
      archiveTiers: { archiveAccessDays: 90, deepArchiveAccessDays: 180 },
      corsOrigins: ["https://app.example.com"],
    });
    expect(text).toHaveResourceWithProperties(S3BucketLifecycleConfiguration, {
      rule: [expect.objectContaining({ transition: [{ days: 7, storage_class: "INTELLIGENT_TIERING" }] })],
    });
    expect(text).toHaveResourceWithProperties(S3BucketIntelligentTieringConfiguration, {
      status: "Enabled",
      tiering: [
        { access_tier: "ARCHIVE_ACCESS", days: 90 },
        { access_tier: "DEEP_ARCHIVE_ACCESS", days: 180 },
      ],
    });
    expect(text).toHaveResourceWithProperties(S3BucketCorsConfiguration, {
      cors_rule: [
        {
          allowed_origins: ["https://app.example.com"],
          allowed_methods: ["GET", "HEAD", "PUT"],
          allowed_headers: ["*"],
          expose_headers: ["ETag"],
          max_age_seconds: 3000,
        },
      ],
    });
  });

  const invalid: [string, Partial<FilesBucketProps>, RegExp][] = [
    ["negative tiering days", { intelligentTieringDays: -1 }, /intelligentTieringDays must be a whole number >= 0/],
    ["an archive tier too early", { archiveTiers: { archiveAccessDays: 30 } }, /archiveTiers\.archiveAccessDays must be a whole number 90-730/],
    [
      "a deep archive tier too early",
      { archiveTiers: { deepArchiveAccessDays: 120 } },
      /archiveTiers\.deepArchiveAccessDays must be a whole number 180-730/,
    ],
    [
      "deep archive before archive",
      { archiveTiers: { archiveAccessDays: 200, deepArchiveAccessDays: 180 } },
      /deepArchiveAccessDays \(180\) must be after archiveAccessDays \(200\)/,
    ],
    ["empty archive tiers", { archiveTiers: {} }, /archiveTiers needs archiveAccessDays, deepArchiveAccessDays or both/],
    [
      "a CORS origin with a path",
      { corsOrigins: ["https://app.example.com/"] },
      /corsOrigins: "https:\/\/app\.example\.com\/" must be an https origin/,
    ],
    ["a plain-HTTP CORS origin", { corsOrigins: ["http://app.example.com"] }, /must be an https origin/],
    ["CORS methods without origins", { corsMethods: ["GET"] }, /corsMethods is only used with corsOrigins/],
  ];
  it.each(invalid)("rejects %s, naming the field", (_case, props, message) => {
    expect(() => synthFiles(props)).toThrow(message);
  });
});
