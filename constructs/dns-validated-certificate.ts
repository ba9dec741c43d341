import { AcmCertificate } from "@cdktf/provider-aws/lib/acm-certificate";
import { AcmCertificateValidation } from "@cdktf/provider-aws/lib/acm-certificate-validation";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { TerraformIterator, type TerraformProvider, Token } from "cdktf";
import { Construct } from "constructs";

export interface DnsValidatedCertificateProps {
  /** Primary name on the certificate, e.g. `api.example.com`. */
  readonly domainName: string;
  /**
   * Further names on the same certificate; all must live in the same hosted zone.
   * @default - none
   */
  readonly subjectAlternativeNames?: readonly string[];
  /** Route53 public hosted zone that receives the DNS validation records. */
  readonly hostedZoneId: string;
  /**
   * Provider (region) of the certificate: CloudFront only accepts certificates from us-east-1.
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * An ACM certificate validated through Route53 records, ready to use once `certificateArn` resolves:
 * the ARN comes from the validation resource, so listeners and distributions wait for issuance.
 */
export class DnsValidatedCertificate extends Construct {
  readonly certificate: AcmCertificate;
  /** ARN of the issued certificate (depends on validation having finished). */
  readonly certificateArn: string;

  constructor(scope: Construct, id: string, props: DnsValidatedCertificateProps) {
    super(scope, id);
    const names = [props.domainName, ...(props.subjectAlternativeNames ?? [])];
    const invalid = names.find((name) => !/^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,63}$/.test(name));
    if (invalid !== undefined) {
      throw new Error(`DnsValidatedCertificate ${id}: "${invalid}" in domainName/subjectAlternativeNames is not a lower-case DNS name`);
    }

    this.certificate = new AcmCertificate(this, "Resource", {
      provider: props.provider,
      domainName: props.domainName,
      subjectAlternativeNames: props.subjectAlternativeNames ? [...props.subjectAlternativeNames] : undefined,
      validationMethod: "DNS",
      keyAlgorithm: "EC_prime256v1",
      // A renamed certificate must exist before listeners let go of the old one.
      lifecycle: { createBeforeDestroy: true },
      tags: { Name: props.domainName },
    });

    // domain_validation_options is a set known only after apply: one record per validated name.
    const options = TerraformIterator.fromComplexList(this.certificate.domainValidationOptions, "domain_name");
    const records = new Route53Record(this, "Validation", {
      provider: props.provider,
      forEach: options,
      zoneId: props.hostedZoneId,
      name: options.getString("resource_record_name"),
      type: options.getString("resource_record_type"),
      records: [options.getString("resource_record_value")],
      ttl: 60,
      allowOverwrite: true,
    });

    const validation = new AcmCertificateValidation(this, "Issued", {
      provider: props.provider,
      certificateArn: this.certificate.arn,
      validationRecordFqdns: Token.asList(TerraformIterator.fromResources(records).pluckProperty("fqdn")),
    });
    this.certificateArn = validation.certificateArn;
  }
}
