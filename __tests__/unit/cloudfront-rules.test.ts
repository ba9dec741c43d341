import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { CLOUDFRONT_SITE_KEY_GRANT, StaticSite } from "../../constructs/static-site";
import { RULES } from "../../guardrails";
import {
  CLOUDFRONT_APPLY_CASES,
  CLOUDFRONT_CERTIFICATES,
  CLOUDFRONT_RULE_CASES,
  CLOUDFRONT_SECURITY_CASES,
  cloudfrontSite,
  synthStagingWithCdn,
  withBehavior,
  withCertificate,
} from "../support/cloudfront-cases";
import { guardedFindings as findings } from "../support/test-app";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000";

const cloudfrontFindings = (build: (stack: TerraformStack) => void) => findings(build).filter((f) => f.ruleId.startsWith("VP-CF-"));
const CLOUDFRONT_RULES = RULES.filter((rule) => rule.id.startsWith("VP-CF-"));

describe("CloudFront rules", () => {
  it("are registered in the pack, each with a case", () => {
    expect(CLOUDFRONT_RULES.map((rule) => rule.id).sort()).toEqual(Object.keys(CLOUDFRONT_RULE_CASES).sort());
    expect(Object.keys(CLOUDFRONT_APPLY_CASES).sort()).toEqual(["VP-CF-5", "VP-CF-6", "VP-CF-7"]);
    expect(Object.keys(CLOUDFRONT_SECURITY_CASES).sort()).toEqual(["VP-CF-1", "VP-CF-2", "VP-CF-3", "VP-CF-4"]);
  });

  it.each(CLOUDFRONT_RULES.filter((rule) => rule.category === "apply").map((rule) => [rule.id, rule] as const))(
    "%s is an apply rule citing what AWS documents",
    (_id, rule) => {
      expect(rule.reference).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    },
  );

  it.each(CLOUDFRONT_RULES.map((rule) => [rule.id, rule] as const))("%s flags its unsafe case with the why and the fix", (id, rule) => {
    const { unsafe, production, message } = CLOUDFRONT_RULE_CASES[id];
    const flagged = findings(unsafe, production).filter((finding) => finding.ruleId === id);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0]).toMatchObject({ level: rule.level, stack: "test", path: expect.stringMatching(/^test\/unsafe/) });
    expect(flagged[0].message).toMatch(message);
    expect(flagged[0].message).toContain(`Fix: ${rule.fix}`);
  });

  it.each(CLOUDFRONT_RULES.map((rule) => [rule.id] as const))("%s passes its safe case", (id) => {
    const { safe, production } = CLOUDFRONT_RULE_CASES[id];
    expect(findings(safe, production).filter((finding) => finding.ruleId === id)).toEqual([]);
  });
});

describe("CloudFront rule details", () => {
  it("the safe site passes every CloudFront rule at once", () => {
    expect(cloudfrontFindings((s) => cloudfrontSite(s, "site"))).toEqual([]);
  });

  it("VP-CF-1 also flags a default behavior that allows HTTP", () => {
    const found = cloudfrontFindings((s) =>
      cloudfrontSite(s, "site", {
        tweak: (config) => ({ ...config, defaultCacheBehavior: { ...config.defaultCacheBehavior, viewerProtocolPolicy: "allow-all" } }),
      }),
    );
    expect(found.map((f) => f.ruleId)).toEqual(["VP-CF-1"]);
    expect(found[0].message).toMatch(/default_cache_behavior has viewer_protocol_policy allow-all/);
  });

  it("VP-CF-2 flags a custom certificate without a minimum protocol, and ignores the default certificate", () => {
    const unset = cloudfrontFindings((s) => cloudfrontSite(s, "site", { tweak: withCertificate(CLOUDFRONT_CERTIFICATES.usEast1) }));
    expect(unset.map((f) => f.message)).toEqual([expect.stringMatching(/minimum_protocol_version is not set, so CloudFront accepts TLSv1/)]);
    const defaultCertificate = cloudfrontFindings((s) =>
      cloudfrontSite(s, "site", {
        tweak: (config) => ({ ...config, aliases: undefined, viewerCertificate: { cloudfrontDefaultCertificate: true } }),
      }),
    );
    expect(defaultCertificate).toEqual([]);
  });

  it("VP-CF-3 flags an S3 origin without OAC and a website endpoint", () => {
    const noOac = cloudfrontFindings((s) =>
      cloudfrontSite(s, "site", {
        tweak: (config) => ({ ...config, origin: [{ originId: "site", domainName: "my-site.s3.eu-west-1.amazonaws.com" }] }),
      }),
    );
    expect(noOac.map((f) => [f.ruleId, f.message])).toEqual([
      ["VP-CF-3", expect.stringMatching(/S3 origin site has no origin_access_control_id, so it only works if the bucket is public/)],
    ]);
    const website = cloudfrontFindings((s) =>
      cloudfrontSite(s, "site", {
        tweak: (config) => ({
          ...config,
          origin: [
            {
              originId: "site",
              domainName: "my-site.s3-website-eu-west-1.amazonaws.com",
              customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "http-only", originSslProtocols: ["TLSv1.2"] },
            },
          ],
        }),
      }),
    );
    expect(website.find((f) => f.ruleId === "VP-CF-3")?.message).toMatch(/origin site is an S3 website endpoint/);
  });

  it("VP-CF-4 checks every behavior and leaves API distributions (no S3 origin) alone", () => {
    const ordered = cloudfrontFindings((s) =>
      cloudfrontSite(s, "site", {
        tweak: (config) => {
          const withAssets = withBehavior("https-only")(config);
          const [assets] = withAssets.orderedCacheBehavior as { responseHeadersPolicyId?: string }[];
          return { ...withAssets, orderedCacheBehavior: [{ ...assets, responseHeadersPolicyId: undefined }] } as typeof config;
        },
      }),
    );
    expect(ordered.map((f) => f.message)).toEqual([expect.stringMatching(/^ordered_cache_behavior \/assets\/\* send no Strict-Transport-Security/)]);
    const api = cloudfrontFindings((s) =>
      cloudfrontSite(s, "site", {
        hsts: false,
        tweak: (config) => ({
          ...config,
          origin: [
            {
              originId: "site",
              domainName: "origin.api.example.com",
              customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] },
            },
          ],
        }),
      }),
    );
    expect(api.filter((f) => f.ruleId === "VP-CF-4")).toEqual([]);
  });

  it("VP-CF-5 reads the region of a literal ARN and of the provider behind a certificate validation", () => {
    const literal = cloudfrontFindings((s) => cloudfrontSite(s, "site", { tweak: withCertificate(CLOUDFRONT_CERTIFICATES.euWest1, "TLSv1.2_2021") }));
    expect(literal.map((f) => [f.ruleId, f.message])).toEqual([
      ["VP-CF-5", expect.stringMatching(/^certificate arn:aws:acm:eu-west-1:.* is in eu-west-1/)],
    ]);
    const validated = (inUsEast1: boolean) =>
      cloudfrontFindings((s) => {
        new AwsProvider(s, "aws", { region: "eu-west-1" });
        const usEast1 = new AwsProvider(s, "aws_us_east_1", { region: "us-east-1", alias: "us_east_1" });
        const provider = inUsEast1 ? usEast1 : undefined;
        const certificate = new AcmCertificate(s, "certificate", { provider, domainName: "app.example.com", validationMethod: "DNS" });
        const issued = new AcmCertificateValidation(s, "issued", { provider, certificateArn: certificate.arn });
        cloudfrontSite(s, "site", { tweak: withCertificate(issued.certificateArn, "TLSv1.2_2021") });
      });
    expect(validated(false).map((f) => f.message)).toEqual([expect.stringMatching(/aws_acm_certificate_validation\.issued is in eu-west-1/)]);
    expect(validated(true)).toEqual([]);
  });

  it("VP-CF-7 flags an OAC bucket without a policy, or whose policy does not let CloudFront read", () => {
    const none = cloudfrontFindings((s) => cloudfrontSite(s, "site", { bucketPolicies: 0 }));
    expect(none.map((f) => f.message)).toEqual([expect.stringMatching(/it has no bucket policy, so CloudFront's OAC requests get 403/)]);
    const noGrant = cloudfrontFindings((s) => cloudfrontSite(s, "site", { oacGrant: false }));
    expect(noGrant.map((f) => f.message)).toEqual([
      expect.stringMatching(/its policy does not let cloudfront\.amazonaws\.com s3:GetObject under an AWS:SourceArn condition/),
    ]);
  });

  it("StaticSite with logs, aliases, DNS and a us-east-1 provider passes every guardrail", () => {
    const found = findings((s) => {
      new AwsProvider(s, "aws", { region: "eu-west-1" });
      const usEast1Provider = new AwsProvider(s, "aws_us_east_1", { region: "us-east-1", alias: "us_east_1" });
      new StaticSite(s, "web", {
        name: "voice-assistant-prod-web",
        bucketName: "voice-assistant-prod-web-111111111111",
        kmsKeyArn: KEY.replace("us-east-1", "eu-west-1"),
        contentSecurityPolicy: "default-src 'self'",
        aliases: ["app.example.com"],
        certificateArn: CLOUDFRONT_CERTIFICATES.usEast1,
        hostedZoneId: "Z0123456789ABC",
        accessLogs: { kmsKeyArn: KEY, retentionDays: 30 },
        usEast1Provider,
      });
    });
    expect(found).toEqual([]);
  });

  it("StaticSite's log delivery on the eu-west-1 default provider is flagged by VP-CF-6", () => {
    const found = cloudfrontFindings((s) => {
      new AwsProvider(s, "aws", { region: "eu-west-1" });
      new StaticSite(s, "web", {
        name: "web",
        bucketName: "voice-assistant-prod-web-111111111111",
        kmsKeyArn: KEY,
        accessLogs: { kmsKeyArn: KEY, retentionDays: 30 },
      });
    });
    expect(found.map((f) => f.ruleId)).toEqual(["VP-CF-6"]);
  });

  it("the site key grant is the documented OAC statement, bound to this account's distributions", () => {
    expect(CLOUDFRONT_SITE_KEY_GRANT("111111111111")).toEqual({
      sid: "CloudFrontOacDecryptsThisAccountsSiteObjects",
      service: "cloudfront.amazonaws.com",
      actions: ["kms:Decrypt"],
      conditions: { ArnLike: { "AWS:SourceArn": "arn:aws:cloudfront::111111111111:distribution/*" } },
    });
  });

  it("the edge stack's API distribution (seed 000's optional CDN) draws no CloudFront finding", () => {
    // The edge stack tests' variant (geo blocking and Bot Control on its WAF besides): synthesized once per worker.
    const synth = synthStagingWithCdn();
    expect(synth.stack("edge").json.resource?.aws_cloudfront_distribution).toBeDefined();
    const found = synth.guardrailReports().flatMap((report) => report.findings);
    expect(found.filter((f) => f.ruleId.startsWith("VP-CF-"))).toEqual([]);
  });
});
