import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { Password } from "@cdktf/provider-random/lib/password";
import { Construct } from "constructs";
import { EphemeralResource } from "./ephemeral-resource";

export interface GeneratedValueOptions {
  /** Number of characters. */
  readonly length: number;
  /**
   * Allow punctuation. ElastiCache AUTH tokens reject `@`, `"` and `/`, and URLs need escaping, so the
   * generated secrets stay alphanumeric by default; their length carries the entropy.
   * @default false
   */
  readonly special?: boolean;
}

export interface WriteOnlyCredentialOptions {
  /** Characters of the password (letters and digits: what RDS, URLs and shells take unescaped). */
  readonly length: number;
  /** Bump to write a new password; the same value the consumer's `*_wo_version` reads. */
  readonly version: number;
  /**
   * Store `{"username": ..., "password": ...}` instead of the bare password.
   * @default - the bare password
   */
  readonly username?: string;
}

export interface AppSecretProps {
  /** Full secret name, `<env>/<project>/<name>` by convention. */
  readonly name: string;
  /** What the secret holds and who fills it in. */
  readonly description: string;
  /** CMK that encrypts the secret. */
  readonly kmsKeyArn: string;
  /** 0 deletes immediately; 7-30 keeps a deleted secret recoverable. */
  readonly recoveryWindowDays: number;
  /**
   * Generate the value inside Terraform (random provider) instead of leaving the container empty for an operator.
   * @default - no value; an operator runs `aws secretsmanager put-secret-value`
   */
  readonly generate?: GeneratedValueOptions;
  /**
   * Generate a password with Secrets Manager's GetRandomPassword at apply time and store it write-only, so it is in
   * no Terraform state or plan; consumers read it ephemerally. Mutually exclusive with `generate`.
   * @default - see `generate`
   */
  readonly generateWriteOnly?: WriteOnlyCredentialOptions;
}

/** A Secrets Manager secret encrypted with a CMK; plaintext never passes through config. */
export class AppSecret extends Construct {
  readonly secret: SecretsmanagerSecret;
  /** The generated value (sensitive in state and in cross-stack outputs); undefined for operator-filled secrets. */
  readonly generatedValue?: string;

  constructor(scope: Construct, id: string, props: AppSecretProps) {
    super(scope, id);
    if (props.generate && props.generateWriteOnly) throw new Error(`AppSecret ${id}: set generate or generateWriteOnly, not both`);
    this.secret = new SecretsmanagerSecret(this, "Resource", {
      name: props.name,
      description: props.description,
      kmsKeyId: props.kmsKeyArn,
      recoveryWindowInDays: props.recoveryWindowDays,
    });
    if (props.generate) {
      const password = new Password(this, "Value", {
        length: props.generate.length,
        special: props.generate.special ?? false,
        minLower: 4,
        minUpper: 4,
        minNumeric: 4,
      });
      new SecretsmanagerSecretVersion(this, "Version", {
        secretId: this.secret.id,
        secretString: password.result,
      });
      this.generatedValue = password.result;
    }
    if (props.generateWriteOnly) this.writeOnlyValue(props.generateWriteOnly);
  }

  private writeOnlyValue({ length, version, username }: WriteOnlyCredentialOptions): void {
    const password = new EphemeralResource(this, "Password", {
      type: "aws_secretsmanager_random_password",
      config: { password_length: length, exclude_punctuation: true, include_space: false, require_each_included_type: true },
    });
    const generated = password.expression("random_password");
    new SecretsmanagerSecretVersion(this, "Version", {
      secretId: this.secret.id,
      secretStringWo:
        username === undefined ? `\${${generated}}` : `\${jsonencode({ username = ${JSON.stringify(username)}, password = ${generated} })}`,
      secretStringWoVersion: version,
    });
  }

  get arn(): string {
    return this.secret.arn;
  }
}
