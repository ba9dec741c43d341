import { CeAnomalyMonitor } from "@cdktf/provider-aws/lib/ce-anomaly-monitor";
import { CeAnomalySubscription } from "@cdktf/provider-aws/lib/ce-anomaly-subscription";
import type { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import type { PolicyStatement } from "./iam-policy";

/** The service that publishes anomaly alerts to SNS topics. */
export const COST_ALERTS_SERVICE = "costalerts.amazonaws.com";
/** Email subscribers one anomaly subscription takes at most. */
const MAX_EMAIL_SUBSCRIBERS = 10;

export interface CostAnomalyDetectionProps {
  /** Name of the monitor and prefix of its subscriptions' names, e.g. `voice-assistant-prod-costs`. */
  readonly name: string;
  /**
   * The cost allocation tag whose costs the monitor watches, e.g. `{ key: "project", values: ["voice-assistant"] }`.
   * The tag must be activated as a cost allocation tag in the Billing console; until then it matches no cost.
   */
  readonly costAllocationTag: { readonly key: string; readonly values: readonly string[] };
  /** Total impact, in USD, at or above which an anomaly is notified. */
  readonly impactThresholdUsd: number;
  /**
   * SNS topic that gets each anomaly as it is detected (frequency IMMEDIATE, the only one SNS takes). Its policy
   * must let costalerts.amazonaws.com publish (`costAlertsTopicStatement`) and, if a CMK encrypts it, the key
   * policy must let the service use the key (`costAlertsKeyStatement`).
   * @default - no immediate alerts
   */
  readonly snsTopicArn?: string;
  /**
   * Addresses that get a daily summary (frequency DAILY; email takes DAILY or WEEKLY), at most 10.
   * @default - no summary
   */
  readonly emailAddresses?: readonly string[];
  /**
   * Provider the Cost Explorer resources are created with: pass the us-east-1 provider. Cost Explorer is one global
   * endpoint in us-east-1 (https://docs.aws.amazon.com/general/latest/gr/billing.html); pinning says so in the code.
   * @default - the stack's default provider
   */
  readonly provider?: TerraformProvider;
  /**
   * What the SNS subscription waits for: the topic policy that lets Cost Anomaly Detection publish.
   * @default - nothing
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Cost Anomaly Detection for one project (seed 002's "cost anomaly detection"): a CUSTOM monitor of the costs
 * tagged with the project's cost allocation tag, and subscriptions that notify an SNS topic at once and email a
 * daily summary when an anomaly's impact reaches the threshold.
 *
 * A CUSTOM monitor rather than the AWS-managed `DIMENSIONAL`/`SERVICE` one: an account holds only one monitor per
 * dimension, so the second environment or blueprint creating one fails with "Limit exceeded on dimensional spend
 * monitor creation" (guardrail VP-COST-1), and it would watch the whole account, not this project.
 * https://docs.aws.amazon.com/cost-management/latest/userguide/getting-started-ad.html
 */
export class CostAnomalyDetection extends Construct {
  readonly monitor: CeAnomalyMonitor;
  /** The IMMEDIATE subscription of the SNS topic, when there is one. */
  readonly immediate?: CeAnomalySubscription;
  /** The DAILY subscription of the email addresses, when there are any. */
  readonly daily?: CeAnomalySubscription;

  constructor(scope: Construct, id: string, props: CostAnomalyDetectionProps) {
    super(scope, id);
    const emails = props.emailAddresses ?? [];
    const { key, values } = props.costAllocationTag;
    if (props.name.length === 0 || props.name.length > 1024) throw new Error(`CostAnomalyDetection ${id}: name must be 1-1024 characters`);
    if (key.length === 0 || values.length === 0) {
      throw new Error(`CostAnomalyDetection ${id}: costAllocationTag needs a key and at least one value; an empty scope would watch nothing`);
    }
    if (!(props.impactThresholdUsd > 0)) throw new Error(`CostAnomalyDetection ${id}: impactThresholdUsd must be above 0`);
    if (props.snsTopicArn === undefined && emails.length === 0) {
      throw new Error(`CostAnomalyDetection ${id}: give snsTopicArn or emailAddresses; a monitor nobody subscribes to tells nobody`);
    }
    if (emails.length > MAX_EMAIL_SUBSCRIBERS) {
      throw new Error(`CostAnomalyDetection ${id}: emailAddresses lists ${emails.length}; one subscription takes at most ${MAX_EMAIL_SUBSCRIBERS}`);
    }

    this.monitor = new CeAnomalyMonitor(this, "Monitor", {
      provider: props.provider,
      name: props.name,
      monitorType: "CUSTOM",
      monitorSpecification: JSON.stringify({ Tags: { Key: key, Values: [...values], MatchOptions: ["EQUALS"] } }),
    });

    const subscription = (childId: string, frequency: "IMMEDIATE" | "DAILY", subscriber: { type: "SNS" | "EMAIL"; address: string }[]) =>
      new CeAnomalySubscription(this, childId, {
        provider: props.provider,
        name: `${props.name}-${frequency.toLowerCase()}`,
        frequency,
        monitorArnList: [this.monitor.arn],
        subscriber,
        thresholdExpression: {
          dimension: { key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE", matchOptions: ["GREATER_THAN_OR_EQUAL"], values: [String(props.impactThresholdUsd)] },
        },
        dependsOn: frequency === "IMMEDIATE" ? props.dependsOn : undefined,
      });

    // SNS subscribers take IMMEDIATE only and email subscribers DAILY or WEEKLY only, so they never share one subscription.
    if (props.snsTopicArn !== undefined) this.immediate = subscription("Immediate", "IMMEDIATE", [{ type: "SNS", address: props.snsTopicArn }]);
    if (emails.length > 0)
      this.daily = subscription(
        "Daily",
        "DAILY",
        emails.map((address) => ({ type: "EMAIL", address })),
      );
  }
}

/**
 * The topic policy statement that lets Cost Anomaly Detection publish anomalies of this account to the topic.
 * https://docs.aws.amazon.com/cost-management/latest/userguide/ad-SNS.html
 */
export function costAlertsTopicStatement(topicArn: string, accountId: string): PolicyStatement {
  return {
    sid: "CostAnomalyDetectionOfThisAccountPublishes",
    principals: { Service: COST_ALERTS_SERVICE },
    actions: ["sns:Publish"],
    resources: [topicArn],
    conditions: { StringEquals: { "aws:SourceAccount": accountId } },
  };
}

/**
 * The key policy statement that lets Cost Anomaly Detection publish to a topic the key encrypts: like every AWS
 * service publishing to an encrypted topic, it needs the key's data-key and decrypt permissions.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
 */
export function costAlertsKeyStatement(accountId: string): PolicyStatement {
  return {
    sid: "CostAnomalyDetectionPublishesToEncryptedTopics",
    principals: { Service: COST_ALERTS_SERVICE },
    actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
    resources: ["*"],
    conditions: { StringEquals: { "aws:SourceAccount": accountId } },
  };
}
