/**
 * What a credential looks like, for rules that keep plaintext secrets out of config (Lambda environments,
 * SSM String parameters): their values belong in Secrets Manager or an SSM SecureString an operator fills.
 */

/** Names that say "credential". */
export const CREDENTIAL_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;

/** Values shaped like well-known credentials: AWS access keys, OpenAI/Stripe-style keys, PEM blocks, URLs with a password. */
export const CREDENTIAL_VALUE = /(AKIA[0-9A-Z]{16}|\bsk-[A-Za-z0-9_-]{16,}|-----BEGIN [A-Z ]*PRIVATE KEY-----|:\/\/[^/\s:@]+:[^/\s@]+@)/;

/** Why a name/value pair must not be plaintext config, or undefined when it may be. */
export function credentialProblem(name: string, value: string): string | undefined {
  if (CREDENTIAL_NAME.test(name)) return "names a credential; keep its value out of config (Secrets Manager or an SSM SecureString)";
  if (CREDENTIAL_VALUE.test(value)) return "looks like a credential; keep it out of config (Secrets Manager or an SSM SecureString)";
  return undefined;
}
