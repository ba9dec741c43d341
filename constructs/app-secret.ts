import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { Password } from "@cdktf/provider-random/lib/password";
import { Construct } from "constructs";

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
}

/** A Secrets Manager secret encrypted with a CMK; plaintext never passes through config. */
export class AppSecret extends Construct {
  readonly secret: SecretsmanagerSecret;
  /** The generated value (sensitive in state and in cross-stack outputs); undefined for operator-filled secrets. */
  readonly generatedValue?: string;

  constructor(scope: Construct, id: string, props: AppSecretProps) {
    super(scope, id);
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
  }

  get arn(): string {
    return this.secret.arn;
  }
}
