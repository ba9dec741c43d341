import type { Construct } from "constructs";
import { SesDomainIdentity } from "../constructs/ses-domain-identity";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

/** The user pool's sender as the identity stack uses it. */
export interface UserPoolSender {
  /** ARN of the SES domain identity (Cognito's `source_arn`). */
  readonly identityArn: string;
  /** Configuration set the mail goes through (TLS only, bounces and complaints suppressed). */
  readonly configurationSetName: string;
}

/**
 * The SES domain identity the user pool sends its e-mail as (`identity.email`): Easy DKIM records in the domain's
 * hosted zone and a TLS-only configuration set. Its own stack, deployed before identity, because Cognito refuses an
 * identity SES has not verified yet, and verification waits for the DKIM records to resolve (minutes, at most 72
 * hours); the identity stack's plan checks it. Cognito sends through its service-linked role, so the identity needs no
 * sending policy.
 */
export class MailStack extends PlatformStack {
  readonly sender: UserPoolSender;

  constructor(scope: Construct, props: Omit<PlatformStackProps, "component">) {
    super(scope, { ...props, component: "mail" });
    const email = this.section("identity").email;
    if (!email) throw new Error(`${this.node.id}: identity.email is absent; build no mail stack for this environment`);
    const sender = new SesDomainIdentity(this, "ses", {
      domain: email.domain,
      configurationSetName: `${this.namePrefix}-user-pool-mail`,
      // A bounce domain of our own aligns SPF with the From domain, so DMARC does not rest on DKIM alone.
      mailFromSubdomain: "mail",
      // A code that arrives after an hour is worth nothing (a password reset code expires by then).
      maxDeliverySeconds: 3600,
      region: this.config.region,
      namePrefix: this.namePrefix,
      purpose: "user-pool-mail",
    });
    this.sender = { identityArn: sender.arn, configurationSetName: sender.configurationSet.configurationSetName };
  }
}
