import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { type PolicyStatement, policyDocument } from "./iam-policy";

/** An AWS service allowed to use the key directly (beyond IAM principals of the account). */
export interface KeyServiceGrant {
  /** Statement id in the key policy. */
  readonly sid: string;
  /** Service principal, e.g. `logs.us-east-1.amazonaws.com`. */
  readonly service: string;
  /** KMS actions the service needs. */
  readonly actions: readonly string[];
  /** Conditions that bind the grant to this account's resources. */
  readonly conditions?: PolicyStatement["conditions"];
}

export interface EncryptionKeyProps {
  /** Alias name without the `alias/` prefix, e.g. `voice-ai-prod-rds`. */
  readonly alias: string;
  /** What the key protects; shown in the console. */
  readonly description: string;
  /** Account that owns the key; its root principal administers it through IAM. */
  readonly accountId: string;
  /** Days before a scheduled deletion happens (7-30, validated in config). */
  readonly deletionWindowDays: number;
  /** Automatic rotation period in days (90-2560). */
  readonly rotationPeriodDays: number;
  /**
   * Services allowed to use the key without an IAM role of ours (CloudWatch Logs, SNS publishers).
   * @default - none
   */
  readonly serviceGrants?: readonly KeyServiceGrant[];
  /**
   * Provider (region) the key lives in.
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

/** A customer-managed KMS key with rotation always on, a readable alias and a least-surprise key policy. */
export class EncryptionKey extends Construct {
  readonly key: KmsKey;
  readonly alias: KmsAlias;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps) {
    super(scope, id);
    if (!/^[a-zA-Z0-9/_-]+$/.test(props.alias) || props.alias.startsWith("aws/")) {
      throw new Error(`EncryptionKey ${id}: alias "${props.alias}" must use a-z 0-9 / _ - and not start with aws/`);
    }

    const statements: PolicyStatement[] = [
      {
        // Without this the key becomes unmanageable; IAM policies then decide who may use it.
        sid: "AccountAdministersKeyThroughIam",
        principals: { AWS: `arn:aws:iam::${props.accountId}:root` },
        actions: ["kms:*"],
        resources: ["*"],
      },
      ...(props.serviceGrants ?? []).map((grant) => ({
        sid: grant.sid,
        principals: { Service: grant.service },
        actions: grant.actions,
        resources: ["*"],
        conditions: grant.conditions,
      })),
    ];

    this.key = new KmsKey(this, "Resource", {
      provider: props.provider,
      description: props.description,
      enableKeyRotation: true,
      rotationPeriodInDays: props.rotationPeriodDays,
      deletionWindowInDays: props.deletionWindowDays,
      policy: policyDocument(statements),
      tags: { Name: props.alias },
    });
    this.alias = new KmsAlias(this, "Alias", {
      provider: props.provider,
      name: `alias/${props.alias}`,
      targetKeyId: this.key.keyId,
    });
  }

  get arn(): string {
    return this.key.arn;
  }
}
