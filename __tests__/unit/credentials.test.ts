import { credentialKind, credentialProblem, environmentCredential, isCredentialName, looksLikeKey } from "../../config/credentials";
import { credentialKind as guardrailKind, isSecretName, looksLikeKey as guardrailLooksLikeKey } from "../../guardrails/helpers";

// The one credential detector (config/credentials.ts) that config validation and the guardrails share.
describe("credential detector", () => {
  it("is the one the guardrails use", () => {
    expect(isSecretName).toBe(isCredentialName);
    expect(guardrailKind).toBe(credentialKind);
    expect(guardrailLooksLikeKey).toBe(looksLikeKey);
  });

  it.each([
    "password",
    "master_password",
    "master_password_wo",
    "auth_token",
    "access_key",
    "secret_key",
    "client_secret",
    "credentials",
    "OPENAI_API_KEY",
    "STRIPE_APIKEY",
    "TWILIO_AUTH_TOKEN",
    "DBPASSWORD",
    "DB_PASSWD",
    "SSH_PASSPHRASE",
    "SECRET_KEY_BASE",
    "GITHUB_TOKENS",
    "livekit_api_secret",
    "openai_api_key",
    "clientSecret",
    "PRIVATE_KEY",
  ])("names a credential: %s", (name) => expect(isCredentialName(name)).toBe(true));

  it.each([
    "JWT_SECRET_ARN",
    "secret_arn",
    "secret_id",
    "DB_PASSWORD_NAME",
    "token_ttl",
    "TOKEN_TTL_SECONDS",
    "token_validity_units",
    "auth_token_update_strategy",
    "AWS_ACCESS_KEY_ID",
    "HANDOVER_TOKENS_TABLE",
    "TOKENIZER_MODEL",
    "SECRETSMANAGER_ENDPOINT",
    "kms_key_id",
    "LOG_LEVEL",
    "UPSTREAM",
    "livekit_url",
    "description",
  ])("does not name a credential: %s", (name) => expect(isCredentialName(name)).toBe(false));

  it.each([
    ["AKIAABCDEFGHIJKLMNOP", "an AWS access key id"],
    ["key=ASIAABCDEFGHIJKLMNOP;", "an AWS access key id"],
    ["-----BEGIN RSA PRIVATE KEY-----\nMII...", "a private key"],
    [`ghp_${"a1".repeat(18)}`, "a GitHub token"],
    ["xoxb-1234567890-abcdef", "a Slack token"],
    ["sk-abcdefghijklmnop", "an OpenAI-style secret key"],
    ["sk-proj-abcdefghijklmnopqrstuvwxyz012345", "an OpenAI-style secret key"],
    ["sk_live_abcdefghijklmnop", "a Stripe-style live key"],
    [`SK${"0123456789abcdef".repeat(2)}`, "a Twilio API key"],
    ["postgres://app:hunter2@db.internal:5432/app", "a URL with an embedded password"],
    ["https://bot:hunter22@example.com", "a URL with an embedded password"],
  ])("knows the format of %s", (value, kind) => expect(credentialKind(value)).toBe(kind));

  it.each([
    "sk-live",
    "task-definition-abcdefghijklmnop",
    "postgres://app:@db.internal:5432/app",
    "https://example.com/a:b@c",
    "arn:aws:secretsmanager:us-east-1:1:secret:jwt",
    "info",
  ])("sees no credential format in %s", (value) => expect(credentialKind(value)).toBeUndefined());

  it("key-shaped values: long, letters and digits, high entropy; not ARNs, words or repeated characters", () => {
    expect(looksLikeKey("f3Zq9LmX2pR7tK1wB8nC4vY6")).toBe(true);
    expect(looksLikeKey("arn:aws:iam::123456789012:role/app")).toBe(false);
    expect(looksLikeKey("voice-ai-prod-recordings")).toBe(false);
    expect(looksLikeKey("a1a1a1a1a1a1a1a1a1a1a1a1")).toBe(false);
    expect(looksLikeKey("short1A")).toBe(false);
  });

  it("environment variables: format first, then the name (for a value), then the key shape, as VP-ECS-2 reports them", () => {
    expect(environmentCredential("OPENAI_API_KEY", "sk-abcdefghijklmnopqrst")).toEqual({ by: "value", kind: "an OpenAI-style secret key" });
    expect(environmentCredential("OPENAI_API_KEY", "x")).toEqual({ by: "name" });
    expect(environmentCredential("OPENAI_API_KEY", "")).toBeUndefined();
    expect(environmentCredential("SEED", "f3Zq9LmX2pR7tK1wB8nC4vY6")).toEqual({ by: "key" });
    expect(environmentCredential("LOG_LEVEL", "info")).toBeUndefined();
    expect(credentialProblem("UPSTREAM", "https://bot:hunter22@example.com")).toMatch(/^looks like a credential \(a URL with an embedded password\)/);
    expect(credentialProblem("TWILIO_AUTH_TOKEN", "abc")).toMatch(/^names a credential/);
  });
});
