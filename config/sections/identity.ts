import { z } from "zod";
import { hostedDomain } from "./common";

export const MINUTES_PER_DAY = 24 * 60;

/** Hosts Cognito accepts over plain HTTP in callback and logout URLs: local development only. */
export const LOCAL_HOSTS = ["localhost", "127.0.0.1"];

const appUrl = z
  .string()
  .max(1024, "must be at most 1024 characters")
  .refine((text) => URL.canParse(text), "must be an absolute URL")
  .refine((text) => {
    if (!URL.canParse(text)) return true;
    const url = new URL(text);
    return url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOSTS.includes(url.hostname));
  }, "must use https (plain http only for localhost)")
  .refine((text) => !text.includes("#"), "must not contain a fragment (#)");

export const identitySchema = z.strictObject({
  /** Rules for user-chosen passwords (seed 003's Cognito pool replacing Replit auth). */
  passwordPolicy: z.strictObject({
    /** Cognito accepts 6-99; we do not go below 8. */
    minimumLength: z.number().int().min(8, "must be at least 8 characters").max(99, "must be at most 99 characters"),
    requireLowercase: z.boolean(),
    requireUppercase: z.boolean(),
    requireNumbers: z.boolean(),
    requireSymbols: z.boolean(),
    /** Days an admin-issued temporary password stays valid. */
    temporaryPasswordValidityDays: z.number().int().min(1, "must be at least 1 day").max(365, "must be at most 365 days"),
  }),
  /** OFF, OPTIONAL (users opt in) or ON (every sign-in); second factor by authenticator app (TOTP). */
  mfa: z.enum(["OFF", "OPTIONAL", "ON"]),
  /**
   * Threat protection (adaptive authentication, compromised-credential checks): AUDIT only logs, ENFORCED blocks.
   * Anything but OFF needs the Plus feature plan, which the stack then selects.
   */
  advancedSecurityMode: z.enum(["OFF", "AUDIT", "ENFORCED"]),
  /** Users may sign themselves up; otherwise only administrators create users. */
  selfSignUp: z.boolean(),
  /** Refuse deleting the user pool until this is turned off. */
  deletionProtection: z.boolean(),
  /** Prefix of the Cognito hosted domain `<prefix>.auth.<region>.amazoncognito.com`; no hosted UI when absent. */
  domainPrefix: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, "must be 1-63 of a-z, 0-9 and '-', not starting or ending with '-'")
    .refine((prefix) => !/aws|amazon|cognito/.test(prefix), "must not contain aws, amazon or cognito (Cognito reserves them)")
    .optional(),
  /**
   * E-mail through the account's SES instead of Cognito's own sender, which sends at most 50 messages a day: sign-up
   * codes, password resets and invitations of a real user base need this. The mail stack verifies the domain (DKIM
   * records in its hosted zone); the identity stack waits for that verification before it uses it.
   */
  email: z
    .strictObject({
      /** Domain the mail is sent from, and the Route53 hosted zone its DKIM records go in. */
      domain: hostedDomain,
      /** The From address of every message, on that domain, e.g. `no-reply@example.com`. */
      fromAddress: z.email("must be an email address such as no-reply@example.com"),
      /**
       * Where replies go.
       * @default - the From address
       */
      replyToAddress: z.email("must be an email address such as support@example.com").optional(),
    })
    .optional(),
  /** The web application's OAuth client. */
  appClient: z.strictObject({
    /** Where Cognito may send users after sign-in. */
    callbackUrls: z.array(appUrl).min(1, "must list at least one URL").max(100, "must list at most 100 URLs"),
    /** Where Cognito may send users after sign-out. */
    logoutUrls: z.array(appUrl).max(100, "must list at most 100 URLs").default([]),
    /** OAuth scopes the client may request. */
    scopes: z.array(z.enum(["openid", "email", "profile", "phone", "aws.cognito.signin.user.admin"])).min(1, "must list at least one scope"),
    /** A confidential client (server-side app) gets a client secret; it stays in Cognito and Terraform state, never in outputs. */
    generateSecret: z.boolean(),
    /** Access token lifetime; Cognito allows 5 minutes to 1 day. */
    accessTokenValidityMinutes: z.number().int().min(5, "must be at least 5 minutes").max(MINUTES_PER_DAY, "must be at most 1440 minutes (1 day)"),
    /** ID token lifetime; Cognito allows 5 minutes to 1 day. */
    idTokenValidityMinutes: z.number().int().min(5, "must be at least 5 minutes").max(MINUTES_PER_DAY, "must be at most 1440 minutes (1 day)"),
    /** Refresh token lifetime; Cognito allows 1 hour to 10 years (3650 days). */
    refreshTokenValidityDays: z.number().int().min(1, "must be at least 1 day").max(3650, "must be at most 3650 days (10 years)"),
  }),
});

export type IdentityConfig = z.infer<typeof identitySchema>;
