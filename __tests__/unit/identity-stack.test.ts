import { CognitoUserPool } from "@cdktf/provider-aws/lib/cognito-user-pool";
import { describe, expect, it } from "vitest";
import { BLUEPRINTS, ENVIRONMENTS, parseEnvironmentConfig } from "../../config";
import { guardrailErrors, synthVariant, synthWithOptionalSections } from "../support/optional-sections";
import { COGNITO_PARAMETERS } from "../../config/sections/parameters";
import { remoteOutputRef } from "../support/remote-state";
import { resourcesOf, synthBlueprintEnvironment, synthEnvironment } from "../support/synth";

describe.each(["dev", "prod"])("%s identity stack (sections added)", (env) => {
  const synth = synthWithOptionalSections(env);
  const stack = synth.stack("identity");
  const pool = resourcesOf(stack, "aws_cognito_user_pool").user_pool;
  const client = resourcesOf(stack, "aws_cognito_user_pool_client").app_client;

  it("enforces the configured password policy", () => {
    expect(stack.text).toHaveResourceWithProperties(CognitoUserPool, {
      name: `voice-ai-${env}-users`,
      password_policy: {
        minimum_length: 12,
        require_lowercase: true,
        require_uppercase: true,
        require_numbers: true,
        require_symbols: true,
        temporary_password_validity_days: 3,
      },
    });
  });

  it("requires MFA by authenticator app and enforces threat protection on the Plus plan", () => {
    expect(pool.mfa_configuration).toBe("ON");
    expect(pool.software_token_mfa_configuration).toEqual({ enabled: true });
    expect(pool.user_pool_add_ons).toEqual({ advanced_security_mode: "ENFORCED" });
    expect(pool.user_pool_tier).toBe("PLUS");
    expect(pool.deletion_protection).toBe("ACTIVE");
  });

  it("signs users in by e-mail, recovers only through verified e-mail, and lets only admins create users", () => {
    expect(pool.username_attributes).toEqual(["email"]);
    expect(pool.account_recovery_setting.recovery_mechanism).toEqual([{ name: "verified_email", priority: 1 }]);
    expect(pool.admin_create_user_config.allow_admin_create_user_only).toBe(true);
  });

  it("gives the app client the code flow over HTTPS callbacks, SRP only, and the configured token lifetimes", () => {
    expect(client).toEqual(
      expect.objectContaining({
        allowed_oauth_flows: ["code"],
        callback_urls: ["https://app.example.com/auth/callback"],
        explicit_auth_flows: ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        prevent_user_existence_errors: "ENABLED",
        enable_token_revocation: true,
        access_token_validity: 60,
        id_token_validity: 60,
        refresh_token_validity: 30,
        token_validity_units: [{ access_token: "minutes", id_token: "minutes", refresh_token: "days" }],
      }),
    );
  });

  it("exports no client secret: it only goes into a SecureString parameter, and the stack reads only the parameters key", () => {
    expect(JSON.stringify(stack.json.output ?? {})).not.toMatch(/client_secret/);
    const holders = Object.values(resourcesOf(stack, "aws_ssm_parameter")).filter((p) => JSON.stringify(p).includes("client_secret"));
    expect(holders.map((p) => p.type)).toEqual(["SecureString"]);
    expect(Object.keys(stack.json.data?.terraform_remote_state ?? {}).sort()).toEqual([
      `cross_stack_reference_input_${env}_mail`,
      `cross_stack_reference_input_${env}_secrets_kms`,
    ]);
    expect(resourcesOf(stack, "aws_cognito_user_pool_domain").hosted_domain.domain).toBe("saprism-login");
  });

  it("sends its e-mail through the mail stack's SES identity, and its plan stops until SES has verified the domain", () => {
    expect(resourcesOf(synth.stack("observability"), "aws_cloudwatch_metric_alarm").alarms_ses_bounce_rate).toMatchObject({
      metric_name: "Reputation.BounceRate",
      threshold: 0.04,
    });
    expect(pool.email_configuration).toMatchObject({ email_sending_account: "DEVELOPER", from_email_address: "no-reply@auth.example.com" });
    expect(remoteOutputRef(synth, pool.email_configuration.source_arn)).toEqual({
      stack: "mail",
      value: "${aws_sesv2_email_identity.ses_identity.arn}",
    });
    expect(remoteOutputRef(synth, pool.email_configuration.configuration_set)).toEqual({
      stack: "mail",
      value: "${aws_sesv2_configuration_set.ses_configuration_set.configuration_set_name}",
    });
    expect(stack.json.data?.aws_sesv2_email_identity?.mail_identity).toMatchObject({ email_identity: "auth.example.com" });
    const [precondition] = pool.lifecycle.precondition;
    expect(precondition.condition).toBe("${data.aws_sesv2_email_identity.mail_identity.verified_for_sending_status}");
    expect(precondition.error_message).toMatch(
      /SES has not verified auth\.example\.com yet.*aws sesv2 get-email-identity --email-identity auth\.example\.com/,
    );
  });

  it("has a mail stack that verifies the domain with DKIM in its hosted zone and sends over TLS only", () => {
    const mail = synth.stack("mail");
    expect(resourcesOf(mail, "aws_sesv2_email_identity").ses_identity).toMatchObject({
      email_identity: "auth.example.com",
      dkim_signing_attributes: { next_signing_key_length: "RSA_2048_BIT" },
    });
    const records = resourcesOf(mail, "aws_route53_record");
    const dkim = Object.entries(records).filter(([name]) => name.startsWith("ses_dkim_record_"));
    expect(dkim).toHaveLength(3);
    for (const [, record] of dkim) expect(record).toMatchObject({ zone_id: "Z0999999999EXAMPLE", type: "CNAME" });
    // Its own bounce domain, so SPF aligns with the From domain.
    expect(resourcesOf(mail, "aws_sesv2_email_identity_mail_from_attributes").ses_mail_from.mail_from_domain).toBe("mail.auth.example.com");
    expect(records.ses_mail_from_mx).toMatchObject({ zone_id: "Z0999999999EXAMPLE", type: "MX" });
    // TLS only, and no retrying past the hour in which a reset code is worth anything.
    expect(resourcesOf(mail, "aws_sesv2_configuration_set").ses_configuration_set.delivery_options).toEqual({
      tls_policy: "REQUIRE",
      max_delivery_seconds: 3600,
    });
  });

  it("passes the guardrails with zero errors", () => {
    expect(guardrailErrors(synth, "identity")).toEqual([]);
  });
});

describe("identity configured leniently (dev)", () => {
  const synth = synthVariant();
  const stack = synth.stack("identity");
  const pool = resourcesOf(stack, "aws_cognito_user_pool").user_pool;

  it("turns MFA off without enabling an MFA method, and stays on the Essentials plan", () => {
    expect(pool.mfa_configuration).toBe("OFF");
    expect(pool.software_token_mfa_configuration).toBeUndefined();
    expect(pool.user_pool_tier).toBe("ESSENTIALS");
    expect(pool.deletion_protection).toBe("INACTIVE");
    expect(pool.admin_create_user_config.allow_admin_create_user_only).toBe(false);
    expect(resourcesOf(stack, "aws_cognito_user_pool_domain")).toEqual({});
  });

  it("keeps Cognito's own sender, spelled out so that dropping identity.email later switches the pool back", () => {
    expect(pool.email_configuration).toEqual({ email_sending_account: "COGNITO_DEFAULT" });
    expect(synth.stackIds).not.toContain("dev-mail");
  });
});

describe.each(Object.keys(ENVIRONMENTS))("%s as shipped", (env) => {
  const synth = synthEnvironment(env);

  it("has no identity stack", () => {
    expect(synth.stackIds).not.toContain(`${env}-identity`);
  });
});

describe("the app's Cognito settings (saprism prod): written where the services read parameters", () => {
  const synth = synthBlueprintEnvironment("saprism", "prod");
  const parameters = resourcesOf(synth.stack("identity"), "aws_ssm_parameter");

  it("writes pool id, client id, issuer, domain and client secret under the parameters path", () => {
    const byName = Object.fromEntries(Object.values(parameters).map((p) => [p.name, p]));
    expect(Object.keys(byName).sort()).toEqual(COGNITO_PARAMETERS.map((name) => `/saprism/prod/${name}`).sort());
    expect(byName["/saprism/prod/cognito_client_id"]).toMatchObject({ type: "String", value: "${aws_cognito_user_pool_client.app_client.id}" });
    expect(byName["/saprism/prod/cognito_user_pool_id"].value).toBe("${aws_cognito_user_pool.user_pool.id}");
  });

  it("keeps the client secret a SecureString under the parameters CMK, which the app's task role may decrypt", () => {
    const secret = Object.values(parameters).find((p) => p.name === "/saprism/prod/cognito_client_secret")!;
    expect(secret).toMatchObject({ type: "SecureString", value: "${aws_cognito_user_pool_client.app_client.client_secret}" });
    expect(remoteOutputRef(synth, secret.key_id)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.parameters_key.arn}" });
    const taskPolicy = JSON.parse(resourcesOf(synth.stack("ecs"), "aws_iam_role_policy").app_task_role_policy.policy);
    const read = taskPolicy.Statement.find((s: { Sid: string }) => s.Sid === "ReadEnvironmentParameters");
    expect(read.Resource).toContain(`arn:aws:ssm:${synth.config.region}:${synth.config.accountId}:parameter/saprism/prod/*`);
  });

  it("refuses a configured parameter of the same name", () => {
    const raw = structuredClone(BLUEPRINTS.saprism.prod) as { parameters: Record<string, unknown> };
    raw.parameters.cognito_client_id = { type: "String", value: "x", description: "shadowing the identity stack's" };
    expect(() => parseEnvironmentConfig(raw)).toThrow(/parameters\.cognito_client_id: is written by the identity stack/);
  });
});

describe("shipped user pools", () => {
  it.each(["saprism", "voice-assistant"])("%s prod sends through SES from its own domain; dev and staging keep Cognito's sender", (blueprint) => {
    const configs = Object.entries(BLUEPRINTS[blueprint]).map(([env, raw]) => [env, parseEnvironmentConfig(raw, `${blueprint}/${env}`)] as const);
    for (const [env, config] of configs) {
      const email = config.identity?.email;
      if (env !== "prod") {
        expect(email).toBeUndefined();
        continue;
      }
      expect(email?.fromAddress).toBe(`no-reply@${email?.domain.name}`);
      expect(config.identity?.appClient.callbackUrls[0]).toContain(`https://${email?.domain.name}/`);
    }
  });
});
