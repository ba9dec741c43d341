import { CloudfrontDistribution } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener, type LbListenerDefaultAction } from "@cdktf/provider-aws/lib/lb-listener";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { EdgeConfig } from "../config/sections/edge";
import { DnsValidatedCertificate } from "../constructs/dns-validated-certificate";
import { LoadBalancerRoute } from "../constructs/load-balancer-route";
import { WebApplicationFirewall } from "../constructs/web-application-firewall";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";
import { firewallSettings } from "./waf-settings";

export interface EdgeStackProps extends Omit<PlatformStackProps, "component"> {
  /** VPC of the ECS tasks the target groups point at. */
  readonly vpcId: string;
  /** Public subnets (one per AZ) the internet-facing ALB lives in. */
  readonly publicSubnetIds: readonly string[];
  /** Security group of the ALB (80/443 in, app ports out to ECS only). */
  readonly albSecurityGroupId: string;
  /** SSE-S3 bucket (storage stack) whose policy lets this region's ELB account write access logs. */
  readonly logsBucketName: string;
  /** Key prefix the logs bucket policy lets the ELB service write under (storage stack's `albLogPrefix`). */
  readonly accessLogPrefix: string;
  /** CMK for the WAF log group. */
  readonly logsKeyArn: string;
  /**
   * Point the domain's A record at the ALB. Off when another stack owns that record (the dns stack's failover pair),
   * since Route53 refuses a simple record beside failover records of the same name and type.
   * @default true
   */
  readonly aliasDomainToAlb?: boolean;
}

// AWS managed CloudFront policies: an API must not be cached, and the origin needs every header, cookie and query.
const CACHING_DISABLED_POLICY_ID = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
const ALL_VIEWER_EXCEPT_HOST_HEADER_POLICY_ID = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

const NOT_FOUND: LbListenerDefaultAction = {
  type: "fixed-response",
  fixedResponse: { contentType: "text/plain", messageBody: "Not Found", statusCode: "404" },
};

/**
 * The way in: Route53 -> (optional CloudFront) -> WAF -> ALB (TLS 1.3) -> one target group per configured
 * service, selected by path. Requests that match no service get a 404 from the ALB itself.
 */
export class EdgeStack extends PlatformStack {
  readonly albArn: string;
  /** `app/<name>/<id>`: CloudWatch dimension and first half of ALBRequestCountPerTarget labels. */
  readonly albArnSuffix: string;
  readonly albDnsName: string;
  readonly albZoneId: string;
  /** The HTTPS listener; undefined when the environment runs HTTP only (non-prod without a domain). */
  readonly httpsListenerArn?: string;
  /** Port 80: redirects to HTTPS, or serves the routes when there is no HTTPS listener. */
  readonly httpListenerArn: string;
  /** Target group ARN of each service, by service name. */
  readonly targetGroupArns: Readonly<Record<string, string>>;
  /** `targetgroup/<name>/<id>` of each service, by service name. */
  readonly targetGroupArnSuffixes: Readonly<Record<string, string>>;
  readonly webAclArn: string;
  readonly webAclName: string;
  /** Base URL clients use: the domain over HTTPS, or the ALB's DNS name over HTTP. */
  readonly publicUrl: string;

  constructor(scope: Construct, props: EdgeStackProps) {
    super(scope, { ...props, component: "edge" });
    const { services } = this.config;
    const edge = this.section("edge");

    const alb = new Lb(this, "alb", {
      name: this.namePrefix,
      internal: false,
      loadBalancerType: "application",
      subnets: [...props.publicSubnetIds],
      securityGroups: [props.albSecurityGroupId],
      dropInvalidHeaderFields: true,
      enableDeletionProtection: edge.deletionProtection,
      idleTimeout: edge.idleTimeoutSeconds,
      enableHttp2: true,
      accessLogs: { bucket: props.logsBucketName, prefix: props.accessLogPrefix, enabled: true },
      tags: this.nameTags("alb"),
    });
    this.albArn = alb.arn;
    this.albArnSuffix = alb.arnSuffix;
    this.albDnsName = alb.dnsName;
    this.albZoneId = alb.zoneId;

    const domain = edge.domain;
    const cloudfront = edge.cloudfront.enabled && domain !== undefined;
    // Behind CloudFront the ALB gets its own name, which CloudFront connects to over HTTPS.
    const albDomainName = domain && (cloudfront ? `origin.${domain.name}` : domain.name);

    let appListener: LbListener;
    if (edge.https) {
      if (!domain || !albDomainName) throw new Error(`${this.node.id}: edge.https needs edge.domain (config validation should have said so)`);
      const certificate = new DnsValidatedCertificate(this, "certificate", {
        domainName: albDomainName,
        hostedZoneId: domain.hostedZoneId,
      });
      appListener = new LbListener(this, "https_listener", {
        loadBalancerArn: alb.arn,
        port: 443,
        protocol: "HTTPS",
        sslPolicy: edge.tlsPolicy,
        certificateArn: certificate.certificateArn,
        defaultAction: [NOT_FOUND],
        tags: this.nameTags("https"),
      });
      this.httpsListenerArn = appListener.arn;
      this.httpListenerArn = new LbListener(this, "http_listener", {
        loadBalancerArn: alb.arn,
        port: 80,
        protocol: "HTTP",
        defaultAction: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
        tags: this.nameTags("http-redirect"),
      }).arn;
    } else {
      appListener = new LbListener(this, "http_listener", {
        loadBalancerArn: alb.arn,
        port: 80,
        protocol: "HTTP",
        defaultAction: [NOT_FOUND],
        tags: this.nameTags("http"),
      });
      this.httpListenerArn = appListener.arn;
    }

    const targetGroupArns: Record<string, string> = {};
    const targetGroupArnSuffixes: Record<string, string> = {};
    for (const service of services) {
      const route = new LoadBalancerRoute(this, service.name, {
        name: `${this.namePrefix}-${service.name}`,
        vpcId: props.vpcId,
        port: service.containerPort,
        healthCheckPath: service.healthCheckPath,
        deregistrationDelaySeconds: service.deregistrationDelaySeconds,
        sticky: service.sticky,
        stickinessDurationSeconds: service.stickinessDurationSeconds,
        listenerArn: appListener.arn,
        priority: service.priority,
        pathPatterns: service.pathPatterns,
      });
      targetGroupArns[service.name] = route.arn;
      targetGroupArnSuffixes[service.name] = route.arnSuffix;
    }
    this.targetGroupArns = targetGroupArns;
    this.targetGroupArnSuffixes = targetGroupArnSuffixes;

    const waf = new WebApplicationFirewall(this, "waf", {
      name: this.namePrefix,
      protectedResourceArn: alb.arn,
      logKmsKeyArn: props.logsKeyArn,
      ...firewallSettings(edge.waf),
    });
    this.webAclArn = waf.arn;
    this.webAclName = waf.name;

    // Behind CloudFront the ALB's record is its origin name, which nothing else claims.
    if (domain && albDomainName && (cloudfront || (props.aliasDomainToAlb ?? true))) {
      new Route53Record(this, "alb_alias", {
        zoneId: domain.hostedZoneId,
        name: albDomainName,
        type: "A",
        alias: { name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true },
      });
    }
    if (cloudfront && domain && albDomainName) {
      this.addCloudfront(domain, albDomainName, edge.cloudfront.priceClass);
    }

    this.publicUrl = domain ? `${edge.https ? "https" : "http"}://${domain.name}` : `http://${alb.dnsName}`;
    new TerraformOutput(this, "url", { value: this.publicUrl, description: "Base URL of the API" });
    new TerraformOutput(this, "alb_dns_name", { value: alb.dnsName, description: "DNS name of the load balancer" });
  }

  /** CloudFront for the public name, with its certificate in us-east-1 and the ALB as an HTTPS origin. */
  private addCloudfront(domain: NonNullable<EdgeConfig["domain"]>, originName: string, priceClass: string): void {
    const certificate = new DnsValidatedCertificate(this, "cdn_certificate", {
      provider: this.usEast1Provider,
      domainName: domain.name,
      hostedZoneId: domain.hostedZoneId,
    });
    const distribution = new CloudfrontDistribution(this, "cdn", {
      enabled: true,
      comment: `${this.namePrefix} API`,
      aliases: [domain.name],
      priceClass,
      httpVersion: "http2and3",
      isIpv6Enabled: true,
      origin: [
        {
          originId: "alb",
          domainName: originName,
          customOriginConfig: {
            httpPort: 80,
            httpsPort: 443,
            originProtocolPolicy: "https-only",
            originSslProtocols: ["TLSv1.2"],
            originReadTimeout: 60,
            originKeepaliveTimeout: 60,
          },
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: "alb",
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"],
        cachedMethods: ["GET", "HEAD"],
        cachePolicyId: CACHING_DISABLED_POLICY_ID,
        originRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER_POLICY_ID,
        compress: true,
      },
      restrictions: { geoRestriction: { restrictionType: "none" } },
      viewerCertificate: {
        acmCertificateArn: certificate.certificateArn,
        sslSupportMethod: "sni-only",
        minimumProtocolVersion: "TLSv1.2_2021",
      },
      tags: this.nameTags("cdn"),
    });
    for (const type of ["A", "AAAA"]) {
      new Route53Record(this, `cdn_alias_${type.toLowerCase()}`, {
        zoneId: domain.hostedZoneId,
        name: domain.name,
        type,
        alias: { name: distribution.domainName, zoneId: distribution.hostedZoneId, evaluateTargetHealth: false },
      });
    }
  }
}
