import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { bucketNameFor } from "../config/sections/storage";
import { DnsValidatedCertificate } from "../constructs/dns-validated-certificate";
import { StaticSite } from "../constructs/static-site";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface FrontendStackProps extends Omit<PlatformStackProps, "component"> {
  /** CMK of the site bucket (secrets-kms `storage` key); its policy holds `CLOUDFRONT_SITE_KEY_GRANT` when `frontend` is configured. */
  readonly storageKeyArn: string;
  /** CMK of the CloudFront access log group in us-east-1 (secrets-kms `logs` key, whose policy lets CloudWatch Logs use it). */
  readonly logsKeyArn: string;
}

/** The only region CloudFront delivers standard logs (v2) from and reads certificates from. */
const CLOUDFRONT_REGION = "us-east-1";

/**
 * Seed 002's React frontend: the built SPA in a private, CMK-encrypted bucket served by CloudFront through origin
 * access control (`StaticSite`), with the security headers and CSP from config, access logs in a CMK log group, and,
 * with `frontend.domain`, a DNS-validated us-east-1 certificate and the alias records. CI uploads the build to
 * `site_bucket` and invalidates `distribution_id`. Only synthesized when `frontend` is configured.
 */
export class FrontendStack extends PlatformStack {
  /** Bucket the pipeline uploads the build to. */
  readonly siteBucketName: string;
  /** Distribution the pipeline invalidates after an upload. */
  readonly distributionId: string;
  /** `https://` plus the domain, or the distribution's `*.cloudfront.net` name without one. */
  readonly url: string;

  constructor(scope: Construct, props: FrontendStackProps) {
    super(scope, { ...props, component: "frontend" });
    const frontend = this.section("frontend");
    // The access log group must be in us-east-1, and a CMK is regional: logsKeyArn, the logs key of the primary
    // region, can only encrypt it when the primary region is us-east-1. Fail before creating anything.
    if (this.config.region !== CLOUDFRONT_REGION) {
      throw new Error(
        `${this.node.id}: region is ${this.config.region}, but the frontend's access logs go to a log group in ${CLOUDFRONT_REGION} (CloudFront standard logging v2 delivers only there), encrypted with logsKeyArn, the secrets-kms logs key of ${this.config.region}; KMS keys are regional. Deploy a blueprint with a frontend in ${CLOUDFRONT_REGION}, or add a ${CLOUDFRONT_REGION} logs key to secrets-kms and pass it here`,
      );
    }

    const domain = frontend.domain;
    const certificate =
      domain &&
      new DnsValidatedCertificate(this, "certificate", {
        domainName: domain.name,
        hostedZoneId: domain.hostedZoneId,
        provider: this.usEast1Provider,
      });

    const site = new StaticSite(this, "web", {
      name: `${this.namePrefix}-site`,
      bucketName: bucketNameFor(this.config, "site"),
      kmsKeyArn: props.storageKeyArn,
      contentSecurityPolicy: frontend.contentSecurityPolicy,
      priceClass: frontend.priceClass,
      aliases: domain ? [domain.name] : undefined,
      certificateArn: certificate?.certificateArn,
      hostedZoneId: domain?.hostedZoneId,
      accessLogs: { kmsKeyArn: props.logsKeyArn, retentionDays: frontend.accessLogRetentionDays },
      usEast1Provider: this.usEast1Provider,
      // The bucket only holds a build the pipeline recreates in minutes; in prod a destroy stays deliberate.
      forceDestroy: this.config.environment !== "prod",
    });
    this.siteBucketName = site.bucket.bucketName;
    this.distributionId = site.distributionId;
    this.url = site.url;

    new TerraformOutput(this, "site_bucket", {
      value: site.bucket.bucketName,
      description: "Bucket the CI deploy step syncs the built frontend into (aws s3 sync --delete)",
    });
    new TerraformOutput(this, "distribution_id", {
      value: site.distributionId,
      description: "CloudFront distribution the CI deploy step invalidates after the upload (aws cloudfront create-invalidation)",
    });
  }
}
