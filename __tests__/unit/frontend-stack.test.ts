import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control";
import { CloudfrontResponseHeadersPolicy } from "@cdktf/provider-aws/lib/cloudfront-response-headers-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { BLUEPRINTS, parseEnvironmentConfig } from "../../config";
import { applyGuardrails, collectFindings } from "../../guardrails";
import { FrontendStack, type FrontendStackProps } from "../../stacks/frontend-stack";
import { testApp } from "../support/test-app";

type Json = Record<string, any>;

const STORAGE_KEY = "arn:aws:kms:us-east-1:733333333333:key/storage";
const LOGS_KEY = "arn:aws:kms:us-east-1:733333333333:key/logs";
const CSP = BLUEPRINTS["voice-assistant"].prod.frontend!.contentSecurityPolicy;

function propsFor(env: "dev" | "prod", edit: (raw: any) => void = () => {}): FrontendStackProps {
  const raw = structuredClone(BLUEPRINTS["voice-assistant"][env]) as any;
  edit(raw);
  return { config: parseEnvironmentConfig(raw, `voice-assistant ${env}`), storageKeyArn: STORAGE_KEY, logsKeyArn: LOGS_KEY };
}

function synthFrontend(env: "dev" | "prod", edit?: (raw: any) => void) {
  const app = testApp();
  const stack = new FrontendStack(app, propsFor(env, edit));
  applyGuardrails(stack, { production: env === "prod" });
  const text = Testing.synth(stack);
  return { stack, text, json: JSON.parse(text) as Json, findings: collectFindings(app).flatMap((report) => report.findings) };
}

const resources = (json: Json, type: string): Json[] => Object.values(json.resource?.[type] ?? {});
function only(json: Json, type: string): Json {
  const found = resources(json, type);
  expect(found).toHaveLength(1);
  return found[0];
}

/** Region of the AWS provider an element is created with (its `provider` alias, or the default provider). */
function regionOf(json: Json, element: Json): string {
  // `aws.<alias>`, or `aws` (or nothing) for the default provider.
  const alias = /^aws\.(.+)$/.exec(element.provider ?? "")?.[1];
  const providers = json.provider.aws as Json[];
  return providers.find((p) => p.alias === alias)!.region;
}

describe("prod frontend stack (with a domain)", () => {
  const { stack, text, json, findings } = synthFrontend("prod");
  const distribution = only(json, "aws_cloudfront_distribution");

  it("keeps the site in a private bucket named for the environment, encrypted with the storage key", () => {
    expect(only(json, "aws_s3_bucket")).toMatchObject({ bucket: "voice-assistant-prod-site-733333333333", force_destroy: false });
    expect(text).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: STORAGE_KEY }, bucket_key_enabled: true }],
    });
    expect(text).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(json.resource.aws_s3_bucket_website_configuration).toBeUndefined();
    // The only Allow in the bucket's only policy: CloudFront, for this distribution.
    const policy = JSON.parse(only(json, "aws_s3_bucket_policy").policy);
    const allows = policy.Statement.filter((s: Json) => s.Effect === "Allow");
    expect(allows).toEqual([
      expect.objectContaining({
        Principal: { Service: "cloudfront.amazonaws.com" },
        Action: "s3:GetObject",
        Condition: { StringEquals: { "AWS:SourceArn": "${aws_cloudfront_distribution.web_distribution.arn}" } },
      }),
    ]);
  });

  it("reads the bucket's REST endpoint through an always-signing origin access control", () => {
    expect(text).toHaveResourceWithProperties(CloudfrontOriginAccessControl, {
      name: "voice-assistant-prod-site-site",
      origin_access_control_origin_type: "s3",
      signing_behavior: "always",
      signing_protocol: "sigv4",
    });
    expect(distribution.origin).toEqual([
      expect.objectContaining({
        domain_name: "${aws_s3_bucket.web_bucket.bucket_regional_domain_name}",
        origin_access_control_id: "${aws_cloudfront_origin_access_control.web_origin_access_control.id}",
      }),
    ]);
  });

  it("answers the domain over HTTPS only, SNI with TLSv1.2_2021, with a certificate DNS-validated in us-east-1", () => {
    expect(distribution.aliases).toEqual(["assistant.example.com"]);
    expect(distribution.default_cache_behavior.viewer_protocol_policy).toBe("redirect-to-https");
    expect(distribution.viewer_certificate).toEqual({
      acm_certificate_arn: "${aws_acm_certificate_validation.certificate_issued.certificate_arn}",
      ssl_support_method: "sni-only",
      minimum_protocol_version: "TLSv1.2_2021",
    });
    const certificate = only(json, "aws_acm_certificate");
    expect(certificate).toMatchObject({ domain_name: "assistant.example.com", validation_method: "DNS" });
    expect(regionOf(json, certificate)).toBe("us-east-1");
    expect(regionOf(json, only(json, "aws_acm_certificate_validation"))).toBe("us-east-1");
    expect(json.resource.aws_route53_record.certificate_validation.zone_id).toBe("Z0733333333EXAMPLE");
  });

  it("points A and AAAA records of the domain at the distribution", () => {
    const records = resources(json, "aws_route53_record").filter((r) => r.alias);
    expect(records.map((r) => `${r.name} ${r.type} ${r.zone_id}`).sort()).toEqual([
      "assistant.example.com A Z0733333333EXAMPLE",
      "assistant.example.com AAAA Z0733333333EXAMPLE",
    ]);
    for (const record of records) expect(record.alias.name).toBe("${aws_cloudfront_distribution.web_distribution.domain_name}");
    expect(stack.url).toBe("https://assistant.example.com");
  });

  it("sends the configured CSP and the security headers with every response", () => {
    expect(distribution.default_cache_behavior.response_headers_policy_id).toBe("${aws_cloudfront_response_headers_policy.web_headers.id}");
    expect(text).toHaveResourceWithProperties(CloudfrontResponseHeadersPolicy, {
      name: "voice-assistant-prod-site-security-headers",
      security_headers_config: expect.objectContaining({
        content_security_policy: { content_security_policy: CSP, override: true },
        strict_transport_security: expect.objectContaining({ include_subdomains: true, preload: true }),
        frame_options: { frame_option: "DENY", override: true },
      }),
    });
  });

  it("falls back to index.html for unknown paths (the SPA's router) and uses the configured price class", () => {
    expect(distribution).toMatchObject({ default_root_object: "index.html", price_class: "PriceClass_100" });
    expect(distribution.custom_error_response.map((r: Json) => [r.error_code, r.response_code, r.response_page_path])).toEqual([
      [403, 200, "/index.html"],
      [404, 200, "/index.html"],
    ]);
  });

  it("logs access (standard logging v2) to a log group in us-east-1 encrypted with the logs key", () => {
    const group = only(json, "aws_cloudwatch_log_group");
    expect(group).toMatchObject({ name: "/aws/cloudfront/voice-assistant-prod-site", kms_key_id: LOGS_KEY, retention_in_days: 365 });
    expect(regionOf(json, group)).toBe("us-east-1");
    expect(regionOf(json, only(json, "aws_cloudwatch_log_delivery_source"))).toBe("us-east-1");
  });

  it("outputs the bucket and distribution CI uploads to and invalidates", () => {
    expect(json.output.site_bucket.value).toBe("${aws_s3_bucket.web_bucket.bucket}");
    expect(json.output.distribution_id.value).toBe("${aws_cloudfront_distribution.web_distribution.id}");
    expect(Object.keys(json.output).sort()).toEqual(["distribution_id", "site_bucket"]);
  });

  it("has zero guardrail findings under the production rules", () => {
    expect(findings.map((f) => `${f.ruleId} ${f.address}: ${f.message}`)).toEqual([]);
  });
});

/** dev without a site domain: then nothing may name the site's host (config/rules/frontend.ts), so no Cognito or CORS. */
const withoutDomain = (raw: any) => {
  delete raw.frontend.domain;
  delete raw.api;
  delete raw.identity;
  raw.storage.files.corsOrigins = [];
};

describe("dev frontend stack without a domain", () => {
  const { stack, json, findings } = synthFrontend("dev", withoutDomain);
  const distribution = only(json, "aws_cloudfront_distribution");

  it("serves the *.cloudfront.net name with CloudFront's certificate: no ACM certificate, aliases or records", () => {
    expect(distribution.viewer_certificate).toEqual({ cloudfront_default_certificate: true });
    expect(distribution.aliases).toBeUndefined();
    expect(json.resource.aws_acm_certificate).toBeUndefined();
    expect(json.resource.aws_route53_record).toBeUndefined();
    expect(stack.url).toMatch(/^https:\/\/\$\{TfToken\[TOKEN\.\d+\]\}$/);
  });

  it("still redirects to HTTPS, reads through OAC and keeps the bucket CMK-encrypted and disposable", () => {
    expect(distribution.default_cache_behavior.viewer_protocol_policy).toBe("redirect-to-https");
    expect(distribution.origin[0].origin_access_control_id).toBeDefined();
    expect(only(json, "aws_s3_bucket")).toMatchObject({ bucket: "voice-assistant-dev-site-711111111111", force_destroy: true });
    expect(only(json, "aws_s3_bucket_server_side_encryption_configuration").rule[0].apply_server_side_encryption_by_default.kms_master_key_id).toBe(
      STORAGE_KEY,
    );
    expect(only(json, "aws_cloudwatch_log_group").retention_in_days).toBe(14);
  });

  it("has zero guardrail findings", () => {
    expect(findings.map((f) => `${f.ruleId} ${f.address}: ${f.message}`)).toEqual([]);
  });
});

describe("FrontendStack refusals", () => {
  it("refuses a primary region other than us-east-1, naming region, before creating anything", () => {
    const props = propsFor("dev", (raw) => {
      raw.region = "eu-west-1";
      raw.stateBackend.region = "eu-west-1";
    });
    expect(() => new FrontendStack(testApp(), props)).toThrow(
      /dev-frontend: region is eu-west-1, but the frontend's access logs go to a log group in us-east-1/,
    );
  });

  it("refuses an environment without a frontend section", () => {
    const props = propsFor("dev", (raw) => {
      delete raw.frontend;
    });
    expect(() => new FrontendStack(testApp(), props)).toThrow(/the config has no frontend section/);
  });
});
