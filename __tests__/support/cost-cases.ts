/**
 * Builders of the unsafe / safe cases of the cost rules (guardrails/rules/cost.ts, VP-COST-1..5), in the shape of
 * apply-rules.test.ts's CASES: every unsafe builder puts the offending element under a construct id starting with
 * `unsafe`. cost-rules.test.ts runs them; apply-rules.test.ts can spread `COST_APPLY_CASES` into its CASES.
 */
import { BudgetsBudget } from "@cdktf/provider-aws/lib/budgets-budget";
import { CeAnomalyMonitor } from "@cdktf/provider-aws/lib/ce-anomaly-monitor";
import { CeAnomalySubscription } from "@cdktf/provider-aws/lib/ce-anomaly-subscription";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import type { TerraformStack } from "cdktf";
import { CostAnomalyDetection, costAlertsKeyStatement, costAlertsTopicStatement } from "../../constructs/cost-anomaly-detection";
import { type PolicyStatement, policyDocument } from "../../constructs/iam-policy";

export const COST_ACCOUNT = "111111111111";

export interface CostRuleCase {
  /** Builds what AWS would reject or leave broken, under a construct whose id starts with `unsafe`. */
  readonly unsafe: (stack: TerraformStack) => void;
  /** The compliant counterpart, which the rule must pass. */
  readonly safe: (stack: TerraformStack) => void;
  /** Part of the expected message: the why. */
  readonly message: RegExp;
}

const rootStatement: PolicyStatement = {
  sid: "AccountAdministers",
  principals: { AWS: `arn:aws:iam::${COST_ACCOUNT}:root` },
  actions: ["kms:*"],
  resources: ["*"],
};

/**
 * An alarm topic `<id>_topic`, encrypted with a key of the stack whose policy grants (or not) Cost Anomaly
 * Detection and Budgets, with a topic policy that lets (or not) them publish.
 */
export function alertTopic(stack: TerraformStack, id: string, grants: { topicPolicy: boolean; keyPolicy: boolean }): SnsTopic {
  const key = new KmsKey(stack, `${id}_key`, {
    enableKeyRotation: true,
    policy: policyDocument([
      rootStatement,
      ...(grants.keyPolicy
        ? [
            costAlertsKeyStatement(COST_ACCOUNT),
            { ...costAlertsKeyStatement(COST_ACCOUNT), sid: "BudgetsUse", principals: { Service: "budgets.amazonaws.com" } },
          ]
        : []),
    ]),
  });
  const topic = new SnsTopic(stack, `${id}_topic`, { name: `${id}-alerts`, kmsMasterKeyId: key.arn });
  new SnsTopicPolicy(stack, `${id}_topic_policy`, {
    arn: topic.arn,
    policy: policyDocument([
      {
        sid: "AccountManages",
        principals: { AWS: `arn:aws:iam::${COST_ACCOUNT}:root` },
        actions: ["sns:Publish", "sns:Subscribe"],
        resources: [topic.arn],
      },
      ...(grants.topicPolicy
        ? [
            costAlertsTopicStatement(topic.arn, COST_ACCOUNT),
            { ...costAlertsTopicStatement(topic.arn, COST_ACCOUNT), sid: "BudgetsPublish", principals: { Service: "budgets.amazonaws.com" } },
          ]
        : []),
    ]),
  });
  return topic;
}

/** Anomaly detection for the project's tag that notifies `topic` at once. */
function anomalyAlertsTo(stack: TerraformStack, id: string, topic: SnsTopic): void {
  new CostAnomalyDetection(stack, id, {
    name: id,
    costAllocationTag: { key: "project", values: ["voice-assistant"] },
    impactThresholdUsd: 50,
    snsTopicArn: topic.arn,
  });
}

/** A monthly budget whose notifications go to `topic` and to `emails` addresses. */
function budgetTo(stack: TerraformStack, id: string, topic: SnsTopic, emails: number, topics = 1): void {
  new BudgetsBudget(stack, id, {
    name: id,
    budgetType: "COST",
    timeUnit: "MONTHLY",
    limitAmount: "100",
    limitUnit: "USD",
    notification: [
      {
        notificationType: "FORECASTED",
        threshold: 80,
        comparisonOperator: "GREATER_THAN",
        thresholdType: "PERCENTAGE",
        subscriberEmailAddresses: Array.from({ length: emails }, (_, i) => `ops${i}@example.com`),
        subscriberSnsTopicArns: Array.from({ length: topics }, (_, i) => (i === 0 ? topic.arn : `${topic.arn}-${i}`)),
      },
    ],
  });
}

const subscription = (stack: TerraformStack, id: string, frequency: string, type: "SNS" | "EMAIL", address: string) => {
  const monitor = new CeAnomalyMonitor(stack, `${id}_monitor`, {
    name: id,
    monitorType: "CUSTOM",
    monitorSpecification: JSON.stringify({ Tags: { Key: "project", Values: ["voice-assistant"], MatchOptions: ["EQUALS"] } }),
  });
  new CeAnomalySubscription(stack, id, {
    name: id,
    frequency,
    monitorArnList: [monitor.arn],
    subscriber: [{ type, address }],
    thresholdExpression: { dimension: { key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE", matchOptions: ["GREATER_THAN_OR_EQUAL"], values: ["50"] } },
  });
};

export const COST_APPLY_CASES: Readonly<Record<string, CostRuleCase>> = {
  "VP-COST-1": {
    unsafe: (s) => new CeAnomalyMonitor(s, "unsafe", { name: "services", monitorType: "DIMENSIONAL", monitorDimension: "SERVICE" }),
    safe: (s) =>
      new CeAnomalyMonitor(s, "safe", {
        name: "project",
        monitorType: "CUSTOM",
        monitorSpecification: JSON.stringify({ Tags: { Key: "project", Values: ["voice-assistant"], MatchOptions: ["EQUALS"] } }),
      }),
    message: /one AWS-managed monitor per dimension \(SERVICE\).*Limit exceeded on dimensional spend monitor creation/,
  },
  "VP-COST-2": {
    unsafe: (s) => subscription(s, "unsafe", "DAILY", "SNS", `arn:aws:sns:us-east-1:${COST_ACCOUNT}:alerts`),
    safe: (s) => {
      subscription(s, "safe_sns", "IMMEDIATE", "SNS", `arn:aws:sns:us-east-1:${COST_ACCOUNT}:alerts`);
      subscription(s, "safe_email", "WEEKLY", "EMAIL", "ops@example.com");
    },
    message: /frequency is DAILY, and Cost Anomaly Detection notifies SNS topics only as anomalies happen \(IMMEDIATE\)/,
  },
  "VP-COST-3": {
    unsafe: (s) => anomalyAlertsTo(s, "unsafe", alertTopic(s, "closed", { topicPolicy: false, keyPolicy: true })),
    safe: (s) => {
      const topic = alertTopic(s, "open", { topicPolicy: true, keyPolicy: true });
      anomalyAlertsTo(s, "safe", topic);
      budgetTo(s, "safe_budget", topic, 1);
    },
    message: /Cost Anomaly Detection notifies aws_sns_topic\.closed_topic, whose access policy does not let costalerts\.amazonaws\.com publish/,
  },
  "VP-COST-4": {
    unsafe: (s) => budgetTo(s, "unsafe", alertTopic(s, "sealed", { topicPolicy: true, keyPolicy: false }), 1),
    safe: (s) => {
      const topic = alertTopic(s, "shared", { topicPolicy: true, keyPolicy: true });
      anomalyAlertsTo(s, "safe", topic);
      budgetTo(s, "safe_budget", topic, 1);
    },
    message: /aws_sns_topic\.sealed_topic is encrypted with aws_kms_key\.sealed_key, whose key policy does not let budgets\.amazonaws\.com use it/,
  },
  "VP-COST-5": {
    unsafe: (s) => budgetTo(s, "unsafe", alertTopic(s, "many", { topicPolicy: true, keyPolicy: true }), 11, 2),
    safe: (s) => budgetTo(s, "safe", alertTopic(s, "few", { topicPolicy: true, keyPolicy: true }), 10),
    message:
      /notification 1 \(FORECASTED 80%\) has 11 email subscribers; notification 1 \(FORECASTED 80%\) has 2 SNS topics; AWS Budgets takes one SNS topic/,
  },
};
