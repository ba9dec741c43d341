import { elementRule } from "../catalog";
import { credentialKind, isCustomerManagedKey, isLiteralString, isSecretName } from "../helpers";
import { compliant, nonCompliant } from "../types";

export const secretEncryptedWithCmk = elementRule("VP-SEC-1", ["aws_secretsmanager_secret"], ({ attributes }) =>
  isCustomerManagedKey(attributes.kms_key_id, "alias/aws/secretsmanager")
    ? compliant
    : nonCompliant("kms_key_id is not set (the AWS-managed aws/secretsmanager key would be used)"),
);

/** Attributes whose whole value is the secret, by element type. */
const SECRET_VALUE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  aws_secretsmanager_secret_version: ["secret_string", "secret_binary"],
  aws_ssm_parameter: ["value"],
};

/** Blocks whose keys sound like secrets but hold settings: Cognito's `token_validity_units.access_token = "minutes"`. */
const SETTING_BLOCKS = ["token_validity_units"];

/** Every string leaf of an attribute tree with its dotted path and the nearest key. */
function* stringLeaves(value: unknown, path: string, key: string): Generator<{ path: string; key: string; value: string }> {
  if (typeof value === "string") yield { path, key, value };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringLeaves(item, `${path}[${i}]`, key);
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const child = path ? `${path}.${k}` : k;
      if (SETTING_BLOCKS.includes(k)) yield* [...stringLeaves(v, child, k)].map((leaf) => ({ ...leaf, key: "" }));
      else yield* stringLeaves(v, child, k);
    }
  }
}

export const noPlaintextSecrets = elementRule("VP-SEC-2", "all", ({ type, attributes }) => {
  const problems: string[] = [];
  const wholeValueSecrets = SECRET_VALUE_ATTRIBUTES[type] ?? [];
  const plainParameter = type === "aws_ssm_parameter" && attributes.type !== "SecureString";
  for (const leaf of stringLeaves(attributes, "", "")) {
    const named = isSecretName(leaf.key) || (wholeValueSecrets.includes(leaf.path) && !plainParameter);
    if (named && isLiteralString(leaf.value) && leaf.value !== "") {
      problems.push(`${leaf.path} is a literal`);
      continue;
    }
    // Only the literal parts: `postgres://app:${password}@host` carries no plaintext password.
    const kind = credentialKind(leaf.value.replace(/\$\{[^}]*\}/g, ""));
    if (kind) problems.push(`${leaf.path} contains ${kind}`);
  }
  return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
});

const SECRET_REFERENCE =
  /\b(random_password|random_string)\b|(^|[._])(password|master_password|auth_token|secret_string|secret_binary|private_key_pem|private_key_openssh|bcrypt_hash)(?=$|[._}\]"])/;

export const secretOutputsAreSensitive = elementRule("VP-SEC-3", ["output"], ({ address, attributes }) => {
  if (attributes.sensitive === true) return compliant;
  const name = address.replace(/^output\./, "");
  if (isSecretName(name)) return nonCompliant(`output "${name}" is named like a secret but is not sensitive`);
  const value = JSON.stringify(attributes.value ?? "");
  const match = SECRET_REFERENCE.exec(value);
  return match ? nonCompliant(`the value reads ${match[0].replace(/^[._]/, "")} but the output is not sensitive`) : compliant;
});

export const secretNameNotArnSuffixed = elementRule("VP-SEC-4", ["aws_secretsmanager_secret"], ({ attributes }) =>
  isLiteralString(attributes.name) && /-[A-Za-z0-9]{6}$/.test(attributes.name)
    ? nonCompliant(`name "${attributes.name}" ends like an ARN suffix, so a partial ARN or a name lookup can resolve to the wrong secret`)
    : compliant,
);
