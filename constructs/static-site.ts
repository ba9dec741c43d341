import { CloudfrontDistribution } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { CloudfrontOriginAccessControl } from "@cdktf/provider-aws/lib/cloudfront-origin-access-control";
import { CloudwatchLogDelivery } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery";
import { CloudwatchLogDeliveryDestination } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery-destination";
import { CloudwatchLogDeliverySource } from "@cdktf/provider-aws/lib/cloudwatch-log-delivery-source";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Lazy, type TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "./encrypted-log-group";
import type { KeyServiceGrant } from "./encryption-key";
import type { PolicyStatement } from "./iam-policy";
import { SecureBucket } from "./secure-bucket";
import { MANAGED_CACHE_POLICY_IDS, SecurityHeadersPolicy } from "./security-headers-policy";

export type PriceClass = "PriceClass_100" | "PriceClass_200" | "PriceClass_All";

/** Access logs of the distribution: CloudFront standard logging (v2) into a CMK-encrypted log group in us-east-1. */
export interface StaticSiteAccessLogs {
  /** CMK of the log group, in us-east-1 (KMS keys are regional), whose policy lets `logs.us-east-1.amazonaws.com` use it. */
  readonly kmsKeyArn: string;
  /** Days to keep events; one of the values CloudWatch accepts (validated in config). */
  readonly retentionDays: number;
}

export interface StaticSiteProps {
  /** Name of the site, e.g. `voice-assistant-prod-web`: prefix of the OAC, headers policy and log resources (a-z 0-9 -, 1-40). */
  readonly name: string;
  /** Globally unique name of the private bucket that holds the built SPA. */
  readonly bucketName: string;
  /** CMK of the site bucket; its key policy must hold `CLOUDFRONT_SITE_KEY_GRANT(accountId)` or CloudFront reads nothing. */
  readonly kmsKeyArn: string;
  /**
   * Content-Security-Policy sent with every response.
   * @default - no CSP header (the other security headers are always sent)
   */
  readonly contentSecurityPolicy?: string;
  /**
   * Edge locations served (`PriceClass_100`: North America and Europe, the cheapest).
   * @default "PriceClass_100"
   */
  readonly priceClass?: PriceClass;
  /**
   * Names the site answers to; needs `certificateArn`.
   * @default - only the distribution's `*.cloudfront.net` name
   */
  readonly aliases?: readonly string[];
  /**
   * ACM certificate in us-east-1 (the only region CloudFront reads certificates from) covering every alias; needs
   * `aliases`. Served SNI-only with TLSv1.2_2021 as the minimum.
   * @default - the default `*.cloudfront.net` certificate
   */
  readonly certificateArn?: string;
  /**
   * Public hosted zone that gets A and AAAA alias records for every alias; needs `aliases`.
   * @default - no DNS records
   */
  readonly hostedZoneId?: string;
  /**
   * WAFv2 web ACL with CLOUDFRONT scope (created in us-east-1) in front of the distribution.
   * @default - no web ACL
   */
  readonly webAclArn?: string;
  /**
   * Standard logging (v2) into a CMK-encrypted log group in us-east-1.
   * @default - no access logs
   */
  readonly accessLogs?: StaticSiteAccessLogs;
  /**
   * Provider in us-east-1, where CloudFront's log delivery (and so its log group) must be created.
   * @default - the stack's default provider, which must then be in us-east-1
   */
  readonly usEast1Provider?: TerraformProvider;
  /**
   * Statements beside the OAC read grant in the site bucket's policy (a deploy role that syncs the build). The bucket
   * has exactly one policy: never add an `aws_s3_bucket_policy` for it elsewhere, which would replace the OAC grant.
   * @default - none
   */
  readonly bucketPolicyStatements?: (bucketArn: string) => readonly PolicyStatement[];
  /**
   * Let `terraform destroy` delete the bucket with the build still in it (it can always be rebuilt).
   * @default false
   */
  readonly forceDestroy?: boolean;
}

/**
 * The KMS key-policy statement that lets CloudFront origin access control read SSE-KMS objects (AWS docs,
 * "Restrict access to an Amazon S3 origin", SSE-KMS: without it every object is a 403). AWS's example pins
 * `AWS:SourceArn` to one distribution, but the key (secrets-kms stack) exists before any distribution, so this binds
 * it to this account's distributions as aws-cdk-lib's S3BucketOrigin does for keys it cannot edit. That is no wider
 * in effect: S3 only asks KMS to decrypt for a request its bucket policy already allowed, and the site bucket's policy
 * admits exactly one distribution. Decrypt only: the site is read, never written, through CloudFront.
 */
export function CLOUDFRONT_SITE_KEY_GRANT(accountId: string): KeyServiceGrant {
  return {
    sid: "CloudFrontOacDecryptsThisAccountsSiteObjects",
    service: "cloudfront.amazonaws.com",
    actions: ["kms:Decrypt"],
    // The account sits in the ARN pattern; AWS's and aws-cdk-lib's statements use AWS:SourceArn alone, so no other
    // key is added that CloudFront's request context might lack.
    conditions: { ArnLike: { "AWS:SourceArn": `arn:aws:cloudfront::${accountId}:distribution/*` } },
  };
}

const SITE_ORIGIN_ID = "site";
/** Seconds CloudFront caches the SPA fallback: short, so a fixed deploy shows at once. */
const ERROR_CACHING_SECONDS = 10;
const US_EAST_1 = "us-east-1";
const DNS_NAME = /^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,63}$/;

/**
 * A React single-page app served from a private, CMK-encrypted S3 bucket through CloudFront with origin access
 * control: HTTPS only (HTTP redirects), HTTP/2 and 3, IPv6, security headers on every response, managed
 * CachingOptimized, and every unknown path answered with `/index.html` so the client-side router takes over.
 */
export class StaticSite extends Construct {
  readonly bucket: SecureBucket;
  readonly distribution: CloudfrontDistribution;
  readonly headersPolicy: SecurityHeadersPolicy;
  /** Log group of the access logs; undefined without `accessLogs`. */
  readonly logGroup?: EncryptedLogGroup;
  /** `https://` plus the first alias, or the distribution's own name. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: StaticSiteProps) {
    super(scope, id);
    validate(id, props);
    const aliases = props.aliases ?? [];

    // The bucket policy needs the distribution's ARN and the distribution the bucket's name: the lazy ARN breaks the
    // cycle in code; in Terraform the policy is a separate resource, so there is none.
    const distributionArn = Lazy.stringValue({ produce: () => this.distribution.arn });
    this.bucket = new SecureBucket(this, "Bucket", {
      bucketName: props.bucketName,
      kmsKeyArn: props.kmsKeyArn,
      forceDestroy: props.forceDestroy,
      extraPolicyStatements: (arn) => [
        {
          sid: "CloudFrontOacReadsSiteObjects",
          principals: { Service: "cloudfront.amazonaws.com" },
          // GetObject only: without s3:ListBucket a missing key is a 403, which the SPA fallback below expects.
          actions: ["s3:GetObject"],
          resources: [`${arn}/*`],
          conditions: { StringEquals: { "AWS:SourceArn": distributionArn } },
        },
        ...(props.bucketPolicyStatements?.(arn) ?? []),
      ],
    });

    const accessControl = new CloudfrontOriginAccessControl(this, "OriginAccessControl", {
      name: `${props.name}-site`,
      description: `CloudFront reads ${props.bucketName}`,
      originAccessControlOriginType: "s3",
      // Always sign, so a viewer's own Authorization header can never reach S3 in place of CloudFront's.
      signingBehavior: "always",
      signingProtocol: "sigv4",
    });

    this.headersPolicy = new SecurityHeadersPolicy(this, "Headers", {
      name: `${props.name}-security-headers`,
      contentSecurityPolicy: props.contentSecurityPolicy,
    });

    this.distribution = new CloudfrontDistribution(this, "Distribution", {
      enabled: true,
      comment: `${props.name} single-page app`,
      aliases: aliases.length > 0 ? [...aliases] : undefined,
      priceClass: props.priceClass ?? "PriceClass_100",
      httpVersion: "http2and3",
      isIpv6Enabled: true,
      defaultRootObject: "index.html",
      webAclId: props.webAclArn,
      origin: [
        {
          originId: SITE_ORIGIN_ID,
          // The REST endpoint, never the website endpoint: OAC only signs for REST, and website endpoints are public.
          domainName: this.bucket.bucket.bucketRegionalDomainName,
          originAccessControlId: accessControl.id,
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: SITE_ORIGIN_ID,
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD", "OPTIONS"],
        cachedMethods: ["GET", "HEAD"],
        cachePolicyId: MANAGED_CACHE_POLICY_IDS.cachingOptimized,
        responseHeadersPolicyId: this.headersPolicy.policyId,
        compress: true,
      },
      // With only s3:GetObject, S3 answers a missing key with 403 AccessDenied, not 404 (S3 GetObject API: 404 needs
      // s3:ListBucket). Both become the app shell with 200 so deep links reach the client-side router. The price:
      // a real 403 (a key policy without CLOUDFRONT_SITE_KEY_GRANT) also shows the shell, whose assets then fail.
      customErrorResponse: [403, 404].map((errorCode) => ({
        errorCode,
        responseCode: 200,
        responsePagePath: "/index.html",
        errorCachingMinTtl: ERROR_CACHING_SECONDS,
      })),
      restrictions: { geoRestriction: { restrictionType: "none" } },
      viewerCertificate: props.certificateArn
        ? { acmCertificateArn: props.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" }
        : // The *.cloudfront.net certificate: CloudFront fixes its minimum protocol at TLSv1 and the provider's default
          // is that value; any other minimum_protocol_version is rejected or diffs forever, so none is set.
          { cloudfrontDefaultCertificate: true },
    });

    if (props.hostedZoneId) {
      for (const alias of aliases) {
        for (const type of ["A", "AAAA"]) {
          new Route53Record(this, `Alias${type}-${alias}`, {
            zoneId: props.hostedZoneId,
            name: alias,
            type,
            alias: { name: this.distribution.domainName, zoneId: this.distribution.hostedZoneId, evaluateTargetHealth: false },
          });
        }
      }
    }

    if (props.accessLogs) this.logGroup = this.addAccessLogs(props.name, props.accessLogs, props.usEast1Provider);
    this.url = `https://${aliases[0] ?? this.distribution.domainName}`;
  }

  get distributionId(): string {
    return this.distribution.id;
  }

  get distributionArn(): string {
    return this.distribution.arn;
  }

  /**
   * Standard logging (v2), not legacy: legacy logging writes into S3 through the `awslogsdelivery` account's ACL
   * grant (FULL_CONTROL), which a BucketOwnerEnforced bucket (every SecureBucket) refuses, and it cannot encrypt with a
   * CMK the writer has no grant on. v2 is a CloudWatch Logs vended-log delivery whose source, destination and
   * delivery must be created in us-east-1 for CloudFront (PutDeliverySource fails elsewhere); a log group there, with
   * a CMK there, is the destination that needs no ACLs and no bucket-policy changes in another stack. CloudWatch Logs
   * adds the log group's resource policy for delivery.logs.amazonaws.com itself when the delivery is created.
   */
  private addAccessLogs(name: string, logs: StaticSiteAccessLogs, provider: TerraformProvider | undefined): EncryptedLogGroup {
    const logGroup = new EncryptedLogGroup(this, "AccessLogs", {
      provider,
      name: `/aws/cloudfront/${name}`,
      kmsKeyArn: logs.kmsKeyArn,
      retentionDays: logs.retentionDays,
    });
    const source = new CloudwatchLogDeliverySource(this, "AccessLogSource", {
      provider,
      name: `${name}-access-logs`,
      logType: "ACCESS_LOGS",
      resourceArn: this.distribution.arn,
    });
    const destination = new CloudwatchLogDeliveryDestination(this, "AccessLogDestination", {
      provider,
      name: `${name}-access-logs`,
      outputFormat: "json",
      deliveryDestinationConfiguration: [{ destinationResourceArn: logGroup.arn }],
    });
    new CloudwatchLogDelivery(this, "AccessLogDelivery", {
      provider,
      deliverySourceName: source.name,
      deliveryDestinationArn: destination.arn,
    });
    return logGroup;
  }
}

/** Region of a literal ARN (`arn:<partition>:<service>:<region>:...`); undefined for tokens and other strings. */
function literalArnRegion(arn: string, service: string): string | undefined {
  if (Token.isUnresolved(arn)) return undefined;
  return new RegExp(`^arn:aws[a-z-]*:${service}:([a-z0-9-]*):`).exec(arn)?.[1];
}

function validate(id: string, props: StaticSiteProps): void {
  const fail = (message: string): never => {
    throw new Error(`StaticSite ${id}: ${message}`);
  };
  if (!/^[a-z0-9-]{1,40}$/.test(props.name)) fail(`name "${props.name}" must be 1-40 of a-z 0-9 -`);

  const aliases = props.aliases ?? [];
  const invalid = aliases.find((alias) => !Token.isUnresolved(alias) && !DNS_NAME.test(alias));
  if (invalid !== undefined) fail(`aliases: "${invalid}" is not a lower-case DNS name`);
  const duplicate = aliases.find((alias, i) => aliases.indexOf(alias) !== i);
  if (duplicate !== undefined) fail(`aliases: "${duplicate}" is listed twice`);
  if (aliases.length > 0 && !props.certificateArn) {
    fail("aliases need certificateArn: CloudFront only accepts alternate domain names covered by a certificate of yours");
  }
  if (props.certificateArn && aliases.length === 0) fail("certificateArn is only used with aliases; give the names it covers");
  if (props.hostedZoneId && aliases.length === 0) fail("hostedZoneId is only used with aliases; give the names to create records for");

  if (props.certificateArn) {
    const region = literalArnRegion(props.certificateArn, "acm");
    if (!Token.isUnresolved(props.certificateArn) && region === undefined)
      fail(`certificateArn "${props.certificateArn}" is not an ACM certificate ARN`);
    if (region !== undefined && region !== US_EAST_1) {
      fail(`certificateArn is in ${region}; CloudFront only uses ACM certificates from us-east-1 (issue it with the us-east-1 provider)`);
    }
  }
  if (props.webAclArn && !Token.isUnresolved(props.webAclArn)) {
    const region = literalArnRegion(props.webAclArn, "wafv2");
    if (region !== US_EAST_1 || !props.webAclArn.includes(":global/webacl/")) {
      fail(`webAclArn "${props.webAclArn}" must be a WAFv2 web ACL with CLOUDFRONT scope (arn:aws:wafv2:us-east-1:<account>:global/webacl/...)`);
    }
  }
  if (props.accessLogs) {
    const region = literalArnRegion(props.accessLogs.kmsKeyArn, "kms");
    if (region !== undefined && region !== US_EAST_1) {
      fail(`accessLogs.kmsKeyArn is in ${region}; CloudFront's log group lives in us-east-1 and KMS keys are regional, so the key must be too`);
    }
  }
}
