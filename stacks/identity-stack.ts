import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { CognitoUserPoolDomain } from "@cdktf/provider-aws/lib/cognito-user-pool-domain";
import { DataAwsSesv2EmailIdentity } from "@cdktf/provider-aws/lib/data-aws-sesv2-email-identity";
import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import type { Construct } from "constructs";
import { type COGNITO_PARAMETERS, parameterPathFor } from "../config/sections/parameters";
import type { UserPoolSender } from "./mail-stack";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface IdentityStackProps extends Omit<PlatformStackProps, "component"> {
  /**
   * CMK of the environment's SSM parameters (secrets-kms `parameters` key). With it the stack writes the app's
   * Cognito settings under the parameters path, which the services already read (`parameters: true`).
   * @default - no parameters section: the settings are only this stack's public properties
   */
  readonly parametersKeyArn?: string;
  /**
   * The SES identity the pool sends as (mail stack); required when `identity.email` is configured.
   * @default - Cognito's own sender
   */
  readonly sender?: UserPoolSender;
}

/**
 * Cognito user pool and the web app's OAuth client (seed 003, replacing Replit auth): password policy, MFA by
 * authenticator app, threat protection and token lifetimes from config; e-mail as the username, recovery by
 * verified e-mail only. Its own stack because users outlive every other component. The app reads the pool, client id,
 * client secret, domain and issuer from SSM (seed 003: COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID): without them the
 * code flow's token exchange cannot authenticate. Only synthesized when `identity` is configured.
 */
export class IdentityStack extends PlatformStack {
  readonly userPoolId: string;
  readonly userPoolArn: string;
  /** The app client's id; its secret (when generated) is never exported. */
  readonly userPoolClientId: string;
  /** Hosted UI domain (`<prefix>.auth.<region>.amazoncognito.com`), when configured. */
  readonly hostedDomain?: string;

  constructor(scope: Construct, props: IdentityStackProps) {
    super(scope, { ...props, component: "identity" });
    const identity = this.config.identity;
    if (!identity) throw new Error(`${this.node.id}: the config has no identity section, so this stack must not be created`);
    const { passwordPolicy, appClient, email } = identity;
    if (email && !props.sender) throw new Error(`${this.node.id}: identity.email is configured, so sender (the mail stack's identity) is required`);
    // Cognito refuses an SES identity that is not verified yet: stop the plan with the reason instead of the apply.
    const verification = email && new DataAwsSesv2EmailIdentity(this, "mail_identity", { emailIdentity: email.domain.name });

    const pool = new CognitoUserPool(this, "user_pool", {
      name: `${this.namePrefix}-users`,
      usernameAttributes: ["email"],
      usernameConfiguration: { caseSensitive: false },
      autoVerifiedAttributes: ["email"],
      accountRecoverySetting: { recoveryMechanism: [{ name: "verified_email", priority: 1 }] },
      adminCreateUserConfig: { allowAdminCreateUserOnly: !identity.selfSignUp },
      passwordPolicy: {
        minimumLength: passwordPolicy.minimumLength,
        requireLowercase: passwordPolicy.requireLowercase,
        requireUppercase: passwordPolicy.requireUppercase,
        requireNumbers: passwordPolicy.requireNumbers,
        requireSymbols: passwordPolicy.requireSymbols,
        temporaryPasswordValidityDays: passwordPolicy.temporaryPasswordValidityDays,
      },
      mfaConfiguration: identity.mfa,
      // Cognito rejects an MFA method while MFA is OFF; TOTP needs no SMS role or spend limit.
      softwareTokenMfaConfiguration: identity.mfa === "OFF" ? undefined : { enabled: true },
      // Threat protection is a Plus-plan feature; Essentials otherwise.
      userPoolTier: identity.advancedSecurityMode === "OFF" ? "ESSENTIALS" : "PLUS",
      userPoolAddOns: { advancedSecurityMode: identity.advancedSecurityMode },
      deletionProtection: identity.deletionProtection ? "ACTIVE" : "INACTIVE",
      // Spelled out either way: the provider ignores an absent block, so dropping identity.email would leave the pool
      // sending through an SES identity nobody manages any more.
      emailConfiguration:
        email && props.sender
          ? {
              emailSendingAccount: "DEVELOPER",
              sourceArn: props.sender.identityArn,
              fromEmailAddress: email.fromAddress,
              replyToEmailAddress: email.replyToAddress,
              configurationSet: props.sender.configurationSetName,
            }
          : { emailSendingAccount: "COGNITO_DEFAULT" },
      lifecycle: verification
        ? {
            precondition: [
              {
                condition: verification.verifiedForSendingStatus,
                errorMessage:
                  `SES has not verified ${email!.domain.name} yet, and Cognito refuses to send as an unverified identity. ` +
                  `Deploy the mail stack, wait until its DKIM records resolve, then plan again: aws sesv2 get-email-identity --email-identity ${email!.domain.name} --query VerifiedForSendingStatus`,
              },
            ],
          }
        : undefined,
      tags: this.nameTags("users"),
    });
    this.userPoolId = pool.id;
    this.userPoolArn = pool.arn;

    const client = new CognitoUserPoolClient(this, "app_client", {
      name: `${this.namePrefix}-web`,
      userPoolId: pool.id,
      generateSecret: appClient.generateSecret,
      // SRP keeps the password off the wire; no USER_PASSWORD_AUTH.
      explicitAuthFlows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      preventUserExistenceErrors: "ENABLED",
      enableTokenRevocation: true,
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthFlows: ["code"],
      allowedOauthScopes: [...appClient.scopes],
      supportedIdentityProviders: ["COGNITO"],
      callbackUrls: [...appClient.callbackUrls],
      logoutUrls: [...appClient.logoutUrls],
      accessTokenValidity: appClient.accessTokenValidityMinutes,
      idTokenValidity: appClient.idTokenValidityMinutes,
      refreshTokenValidity: appClient.refreshTokenValidityDays,
      tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "days" }],
    });
    this.userPoolClientId = client.id;

    if (identity.domainPrefix) {
      const domain = new CognitoUserPoolDomain(this, "hosted_domain", { domain: identity.domainPrefix, userPoolId: pool.id });
      this.hostedDomain = `${domain.domain}.auth.${this.config.region}.amazoncognito.com`;
    }

    if (props.parametersKeyArn) {
      const settings: Record<(typeof COGNITO_PARAMETERS)[number], string | undefined> = {
        cognito_user_pool_id: pool.id,
        cognito_client_id: client.id,
        cognito_issuer: `https://cognito-idp.${this.config.region}.amazonaws.com/${pool.id}`,
        cognito_domain: this.hostedDomain,
        cognito_client_secret: appClient.generateSecret ? client.clientSecret : undefined,
      };
      for (const [name, value] of Object.entries(settings)) {
        if (value === undefined) continue;
        const secret = name === "cognito_client_secret";
        new SsmParameter(this, name, {
          name: parameterPathFor(this.config, name),
          description: `Cognito ${name.slice("cognito_".length).replace(/_/g, " ")} of the web app, written by the identity stack`,
          type: secret ? "SecureString" : "String",
          tier: "Standard",
          keyId: secret ? props.parametersKeyArn : undefined,
          value,
          tags: this.nameTags(name),
        });
      }
    }
  }
}
