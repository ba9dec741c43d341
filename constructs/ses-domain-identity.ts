import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Sesv2ConfigurationSet } from "@cdktf/provider-aws/lib/sesv2-configuration-set";
import { Sesv2EmailIdentity } from "@cdktf/provider-aws/lib/sesv2-email-identity";
import { Sesv2EmailIdentityMailFromAttributes } from "@cdktf/provider-aws/lib/sesv2-email-identity-mail-from-attributes";
import { Fn } from "cdktf";
import { Construct } from "constructs";

/** SES creates exactly three DKIM tokens per domain (Easy DKIM). */
const DKIM_TOKEN_COUNT = 3;
/** AWS's recommended TTL for the DKIM and MAIL FROM records. */
const SES_RECORD_TTL = 1800;

export interface SesDomainIdentityProps {
  /** The domain mail is sent from, and the Route53 hosted zone its DNS records go in. */
  readonly domain: { readonly name: string; readonly hostedZoneId: string };
  /** Name of the configuration set the identity sends through. */
  readonly configurationSetName: string;
  /**
   * Subdomain used as MAIL FROM (bounce) domain, e.g. `mail`.
   * @default - amazonses.com stays the MAIL FROM domain
   */
  readonly mailFromSubdomain?: string;
  /**
   * How long SES keeps retrying a message (300-50,400 seconds); with TLS required, a server without TLS is retried
   * this long before the message bounces.
   * @default - SES's own (14 hours)
   */
  readonly maxDeliverySeconds?: number;
  /** Region of the identity, for the MAIL FROM MX record. */
  readonly region: string;
  /** `Name` tag prefix (`<project>-<env>`). */
  readonly namePrefix: string;
  /** Readable suffix of the configuration set's `Name` tag (what it sends). */
  readonly purpose: string;
}

/**
 * An SES domain identity that signs with Easy DKIM (2048-bit), its three DKIM CNAMEs in Route53, a configuration set
 * that only hands mail to servers over TLS and suppresses bounces and complaints, and optionally a MAIL FROM domain
 * with its MX and SPF records. SES verifies the domain once the CNAMEs resolve (minutes, at most 72 hours).
 */
export class SesDomainIdentity extends Construct {
  readonly identity: Sesv2EmailIdentity;
  readonly configurationSet: Sesv2ConfigurationSet;

  constructor(scope: Construct, id: string, props: SesDomainIdentityProps) {
    super(scope, id);
    const { domain } = props;
    this.configurationSet = new Sesv2ConfigurationSet(this, "configuration_set", {
      configurationSetName: props.configurationSetName,
      // The mail carries personal data: never hand it to a mail server over plaintext SMTP.
      deliveryOptions: { tlsPolicy: "REQUIRE", maxDeliverySeconds: props.maxDeliverySeconds },
      reputationOptions: { reputationMetricsEnabled: true },
      sendingOptions: { sendingEnabled: true },
      suppressionOptions: { suppressedReasons: ["BOUNCE", "COMPLAINT"] },
      tags: { Name: `${props.namePrefix}-${props.purpose}` },
    });
    this.identity = new Sesv2EmailIdentity(this, "identity", {
      emailIdentity: domain.name,
      configurationSetName: this.configurationSet.configurationSetName,
      dkimSigningAttributes: { nextSigningKeyLength: "RSA_2048_BIT" },
      tags: { Name: `${props.namePrefix}-ses-identity` },
    });
    // The tokens are known after apply, but there are always three, so the records have static addresses.
    const tokens = this.identity.dkimSigningAttributes.tokens;
    for (let i = 0; i < DKIM_TOKEN_COUNT; i++) {
      const token = Fn.element(tokens, i);
      new Route53Record(this, `dkim_record_${i + 1}`, {
        zoneId: domain.hostedZoneId,
        name: `${token}._domainkey.${domain.name}`,
        type: "CNAME",
        ttl: SES_RECORD_TTL,
        records: [`${token}.dkim.amazonses.com`],
      });
    }
    if (props.mailFromSubdomain) {
      const mailFrom = `${props.mailFromSubdomain}.${domain.name}`;
      new Sesv2EmailIdentityMailFromAttributes(this, "mail_from", {
        emailIdentity: this.identity.emailIdentity,
        mailFromDomain: mailFrom,
        behaviorOnMxFailure: "USE_DEFAULT_VALUE",
      });
      new Route53Record(this, "mail_from_mx", {
        zoneId: domain.hostedZoneId,
        name: mailFrom,
        type: "MX",
        ttl: SES_RECORD_TTL,
        records: [`10 feedback-smtp.${props.region}.amazonses.com`],
      });
      new Route53Record(this, "mail_from_spf", {
        zoneId: domain.hostedZoneId,
        name: mailFrom,
        type: "TXT",
        ttl: SES_RECORD_TTL,
        records: ["v=spf1 include:amazonses.com ~all"],
      });
    }
  }

  get arn(): string {
    return this.identity.arn;
  }
}
