/**
 * The one credential detector: what a credential's name and value look like. Config validation (service and
 * function environments, SSM String parameters) and the guardrails (VP-SEC-2, VP-SEC-3, VP-ECS-2, through
 * `guardrails/helpers.ts`) all ask here, so a value config accepts is never one a guardrail rejects at synth,
 * and a rule changes in one place. Checked by `__tests__/unit/credentials.test.ts`.
 *
 * Three rules:
 * - a name says "credential" (`isCredentialName`): one of its words is a credential noun (`password`, `token`,
 *   `api_key`, `client_secret`, ...) and it does not end in a word that says where the credential is or how it
 *   is handled (`JWT_SECRET_ARN`, `token_ttl`, `HANDOVER_TOKENS_TABLE`);
 * - a value has a credential's unmistakable format (`credentialKind`): AWS access keys, PEM private keys,
 *   GitHub, Slack, OpenAI, Stripe and Twilio keys, URLs with a password;
 * - a value reads like a generated key (`looksLikeKey`): long, no spaces, letters and digits, high entropy.
 *   Applied to environment variables only, where nothing else should look like that.
 */

/** Credential nouns; a word that is one of them or ends with one (`dbpassword`, `authtoken`), plurals too. */
const CREDENTIAL_WORDS = ["password", "passwd", "passphrase", "secret", "token", "credential", "apikey", "privatekey", "secretkey", "accesskey"];

/** Two-word credential nouns: `api_key`, `private_key`, `secret_key` (the word `secret` alone counts anyway), `access_key`. */
const CREDENTIAL_PAIRS: readonly (readonly [string, string])[] = [
  ["api", "key"],
  ["private", "key"],
  ["access", "key"],
];

/**
 * Last words that make a credential name a pointer to the credential or a setting about it, not the credential:
 * `JWT_SECRET_ARN`, `secret_id`, `token_validity_units`, `auth_token_update_strategy`, `HANDOVER_TOKENS_TABLE`.
 */
const LOCATOR_WORDS = new Set([
  "arn",
  "arns",
  "name",
  "names",
  "id",
  "ids",
  "path",
  "file",
  "table",
  "bucket",
  "prefix",
  "url",
  "uri",
  "endpoint",
  "header",
  "ttl",
  "seconds",
  "minutes",
  "hours",
  "days",
  "length",
  "validity",
  "units",
  "strategy",
  "version",
  "type",
  "enabled",
]);

/** `DB_PASSWORD`, `client-secret`, `authToken`, `access.key` -> lower-case words. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "");
}

function isCredentialWord(word: string): boolean {
  return CREDENTIAL_WORDS.some((noun) => word.endsWith(noun) || word.endsWith(`${noun}s`));
}

/**
 * True for a name that says its value is a credential: `password`, `OPENAI_API_KEY`, `TWILIO_AUTH_TOKEN`,
 * `livekit_api_secret`, `SECRET_KEY_BASE`, `master_password_wo`; false for `JWT_SECRET_ARN`, `secret_id`,
 * `token_ttl`, `AWS_ACCESS_KEY_ID`, `TOKENIZER_MODEL`, `HANDOVER_TOKENS_TABLE`.
 */
export function isCredentialName(name: string): boolean {
  const list = words(name);
  let last = -1;
  list.forEach((word, i) => {
    if (isCredentialWord(word)) last = i;
    else if (i > 0 && CREDENTIAL_PAIRS.some(([first, second]) => list[i - 1] === first && word === second)) last = i;
  });
  if (last < 0) return false;
  return last === list.length - 1 || !LOCATOR_WORDS.has(list[list.length - 1]);
}

/** Credential formats that are unmistakable wherever they appear, each with what it is. */
export const CREDENTIAL_FORMATS: readonly { readonly name: string; readonly pattern: RegExp }[] = [
  { name: "an AWS access key id", pattern: /(AKIA|ASIA)[0-9A-Z]{16}/ },
  { name: "a private key", pattern: /-----BEGIN [A-Z ]*PRIVATE KEY-----/ },
  { name: "a GitHub token", pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/ },
  { name: "a Slack token", pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/ },
  { name: "an OpenAI-style secret key", pattern: /\bsk-[A-Za-z0-9_-]{16,}/ },
  { name: "a Stripe-style live key", pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}/ },
  { name: "a Twilio API key", pattern: /\bSK[0-9a-f]{32}\b/ },
  { name: "a URL with an embedded password", pattern: /:\/\/[^\s/:@]+:[^\s/@]+@/ },
];

/** Which credential format `value` has (`"an AWS access key id"`), if any. */
export function credentialKind(value: string): string | undefined {
  return CREDENTIAL_FORMATS.find(({ pattern }) => pattern.test(value))?.name;
}

/**
 * A value that reads like a generated key: 20 characters or more of letters and digits (and `+/=_-`) with both
 * letters and digits and at least 3.5 bits of entropy per character. ARNs, URLs, paths, host names and words are
 * not keys.
 */
export function looksLikeKey(value: string): boolean {
  if (value.length < 20 || !/^[A-Za-z0-9+/=_-]+$/.test(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/[0-9]/.test(value)) return false;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) entropy -= (count / value.length) * Math.log2(count / value.length);
  return entropy >= 3.5;
}

/** What makes an environment variable a credential, in the order VP-ECS-2 reports it. */
export type CredentialFinding = { readonly by: "value"; readonly kind: string } | { readonly by: "name" } | { readonly by: "key" };

/**
 * Why the plaintext environment variable `name=value` is a credential, or undefined: a credential format, a
 * credential name (for a non-empty value), or a key-shaped value. The rules VP-ECS-2 applies to the synthesized
 * task definitions and functions, so config rejects first, with the field's path.
 */
export function environmentCredential(name: string, value: string): CredentialFinding | undefined {
  const kind = credentialKind(value);
  if (kind) return { by: "value", kind };
  if (value !== "" && isCredentialName(name)) return { by: "name" };
  if (looksLikeKey(value)) return { by: "key" };
  return undefined;
}

/** Why a plaintext environment variable must not be config, or undefined when it may be (functions' environment). */
export function credentialProblem(name: string, value: string): string | undefined {
  const found = environmentCredential(name, value);
  if (found?.by === "name") return "names a credential; keep its value out of config (Secrets Manager or an SSM SecureString)";
  if (found)
    return `looks like a credential (${found.by === "value" ? found.kind : "a generated key"}); keep it out of config (Secrets Manager or an SSM SecureString)`;
  return undefined;
}

/** `test()` for rules written against the old regular expressions (`CREDENTIAL_NAME.test(name)`). */
export interface CredentialMatcher {
  test(text: string): boolean;
}

/** Names that say "credential" (`isCredentialName`). */
export const CREDENTIAL_NAME: CredentialMatcher = { test: isCredentialName };

/** Values in a credential's format (`credentialKind`). */
export const CREDENTIAL_VALUE: CredentialMatcher = { test: (value) => credentialKind(value) !== undefined };
