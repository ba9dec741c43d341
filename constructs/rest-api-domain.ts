import { ApiGatewayBasePathMapping } from "@cdktf/provider-aws/lib/api-gateway-base-path-mapping";
import { ApiGatewayDomainName } from "@cdktf/provider-aws/lib/api-gateway-domain-name";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Token } from "cdktf";
import { Construct } from "constructs";

/** A custom domain name in front of the stage. */
export interface RestApiCustomDomain {
  /** Lower-case DNS name, e.g. `api.voice.example.com`. */
  readonly domainName: string;
  /** Route53 hosted zone that receives the alias record. */
  readonly hostedZoneId: string;
  /**
   * ACM certificate for `domainName` in the API's own region (a regional endpoint cannot use a us-east-1 certificate
   * elsewhere); `DnsValidatedCertificate.certificateArn` waits for issuance.
   */
  readonly certificateArn: string;
  /**
   * Path under the domain that maps to the stage (`v1` serves `https://<domain>/v1/...`).
   * @default - the domain's root
   */
  readonly basePath?: string;
}

export interface RestApiDomainProps extends RestApiCustomDomain {
  readonly restApiId: string;
  readonly stageName: string;
}

/** A regional custom domain (TLS 1.2 minimum), its mapping to one stage and the Route53 alias that points at it. */
export class RestApiDomain extends Construct {
  readonly domain: ApiGatewayDomainName;

  constructor(scope: Construct, id: string, props: RestApiDomainProps) {
    super(scope, id);
    this.domain = new ApiGatewayDomainName(this, "Resource", {
      domainName: props.domainName,
      regionalCertificateArn: props.certificateArn,
      endpointConfiguration: { types: ["REGIONAL"] },
      securityPolicy: "TLS_1_2",
      tags: { Name: props.domainName },
    });
    new ApiGatewayBasePathMapping(this, "Mapping", {
      apiId: props.restApiId,
      domainName: this.domain.domainName,
      stageName: props.stageName,
      basePath: props.basePath,
    });
    new Route53Record(this, "Alias", {
      zoneId: props.hostedZoneId,
      name: this.domain.domainName,
      type: "A",
      alias: { name: this.domain.regionalDomainName, zoneId: this.domain.regionalZoneId, evaluateTargetHealth: false },
    });
  }

  /** `https://<domain>[/<base path>]`. */
  url(basePath?: string): string {
    return `https://${this.domain.domainName}${basePath ? `/${basePath}` : ""}`;
  }
}

export function validateCustomDomain(where: string, domain: RestApiCustomDomain): void {
  if (!Token.isUnresolved(domain.domainName) && !/^([a-z0-9-]+\.)+[a-z]{2,63}$/.test(domain.domainName)) {
    throw new Error(`${where}: customDomain.domainName "${domain.domainName}" is not a lower-case DNS name`);
  }
  const arn = domain.certificateArn;
  if (!Token.isUnresolved(arn) && !/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]+$/.test(arn)) {
    throw new Error(`${where}: customDomain.certificateArn "${arn}" is not an ACM certificate ARN`);
  }
  const basePath = domain.basePath;
  if (basePath !== undefined && !/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(basePath)) {
    throw new Error(`${where}: customDomain.basePath "${basePath}" must be path segments of A-Z a-z 0-9 . _ - without leading or trailing /`);
  }
}
