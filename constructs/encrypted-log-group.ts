import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";

export interface EncryptedLogGroupProps {
  /** Log group name, e.g. `/aws/vpc/voice-ai-prod/flow-logs`. */
  readonly name: string;
  /** CMK whose key policy lets CloudWatch Logs in this region use it. */
  readonly kmsKeyArn: string;
  /** Days to keep events; one of the values CloudWatch accepts (validated in config). */
  readonly retentionDays: number;
  /**
   * Provider (region) of the log group.
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

/** A CloudWatch log group that is always KMS-encrypted and always expires its events. */
export class EncryptedLogGroup extends Construct {
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    if (!/^[\w\-/.#]{1,512}$/.test(props.name)) {
      throw new Error(`EncryptedLogGroup ${id}: name "${props.name}" may only use a-z A-Z 0-9 _ - / . #`);
    }
    this.logGroup = new CloudwatchLogGroup(this, "Resource", {
      provider: props.provider,
      name: props.name,
      kmsKeyId: props.kmsKeyArn,
      retentionInDays: props.retentionDays,
    });
  }

  get name(): string {
    return this.logGroup.name;
  }

  get arn(): string {
    return this.logGroup.arn;
  }
}
