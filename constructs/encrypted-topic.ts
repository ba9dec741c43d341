import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { type PolicyStatement, denyUnencryptedTransport, policyDocument } from "./iam-policy";

/** An AWS service that may publish to the topic on behalf of this account's resources. */
export interface TopicPublisher {
  /** Service principal, e.g. `cloudwatch.amazonaws.com`. */
  readonly service: string;
  /** ARN pattern of the resources allowed to publish (`arn:aws:cloudwatch:us-east-1:<account>:alarm:voice-ai-prod-*`). */
  readonly sourceArnLike: string;
}

/** Lets this account's IAM principals manage the topic, subscribe to it and publish to it. */
export function accountManagesTopicStatement(topicArn: string, accountId: string): PolicyStatement {
  return {
    sid: "AccountManagesTopic",
    principals: { AWS: `arn:aws:iam::${accountId}:root` },
    actions: ["sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:Subscribe", "sns:ListSubscriptionsByTopic", "sns:Publish"],
    resources: [topicArn],
  };
}

/** Lets an AWS service publish to the topic on behalf of this account's resources that `sourceArnLike` matches. */
export function servicePublishesStatement(sid: string, topicArn: string, accountId: string, publisher: TopicPublisher): PolicyStatement {
  return {
    sid,
    principals: { Service: publisher.service },
    actions: ["sns:Publish"],
    resources: [topicArn],
    conditions: {
      StringEquals: { "aws:SourceAccount": accountId },
      ArnLike: { "aws:SourceArn": publisher.sourceArnLike },
    },
  };
}

export interface EncryptedTopicProps {
  /** Topic name (1-256 characters of A-Z a-z 0-9 _ -). */
  readonly name: string;
  /** CMK of the messages at rest; a publishing service also needs kms:GenerateDataKey* and kms:Decrypt in its key policy. */
  readonly kmsKeyArn: string;
  /** Account that owns the topic; its IAM principals manage it and publish to it. */
  readonly accountId: string;
  /**
   * Services allowed to publish, each bound to this account and a source ARN pattern.
   * @default - none
   */
  readonly publishers?: readonly TopicPublisher[];
  /**
   * Email addresses subscribed (each confirms by email before it receives anything).
   * @default - none
   */
  readonly emailSubscriptions?: readonly string[];
  /**
   * Provider (region) of the topic.
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
}

/** An SNS topic encrypted with a customer-managed key whose policy names every publisher and refuses plaintext transport. */
export class EncryptedTopic extends Construct {
  readonly topic: SnsTopic;

  constructor(scope: Construct, id: string, props: EncryptedTopicProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(props.name)) {
      throw new Error(`EncryptedTopic ${id}: name "${props.name}" must be 1-256 characters of A-Z a-z 0-9 _ -`);
    }
    const { provider, accountId } = props;

    this.topic = new SnsTopic(this, "Resource", {
      provider,
      name: props.name,
      kmsMasterKeyId: props.kmsKeyArn,
      tags: { Name: props.name },
    });
    const statements: PolicyStatement[] = [
      accountManagesTopicStatement(this.topic.arn, accountId),
      ...(props.publishers ?? []).map((publisher) =>
        servicePublishesStatement(`${publisher.service.split(".")[0]}OfThisAccountPublishes`, this.topic.arn, accountId, publisher),
      ),
      denyUnencryptedTransport(["sns:Publish"], [this.topic.arn]),
    ];
    new SnsTopicPolicy(this, "Policy", { provider, arn: this.topic.arn, policy: policyDocument(statements) });
    (props.emailSubscriptions ?? []).forEach((email, i) => {
      new SnsTopicSubscription(this, `Email${i + 1}`, { provider, topicArn: this.topic.arn, protocol: "email", endpoint: email });
    });
  }

  get arn(): string {
    return this.topic.arn;
  }
}
