/** Cost alerts: Cost Anomaly Detection monitors and subscriptions, and budget notifications, as AWS accepts and delivers them. */
import { elementRule, stackRule } from "../catalog";
import { type Statement, actionMatches, blocks, policyStatements, refersTo } from "../helpers";
import { type ElementView, type RuleContext, type Verdict, compliant, nonCompliant, notApplicable } from "../types";

const COST_ALERTS = "costalerts.amazonaws.com";
const BUDGETS = "budgets.amazonaws.com";

export const anomalyMonitorNotDimensional = elementRule("VP-COST-1", ["aws_ce_anomaly_monitor"], ({ attributes }) =>
  attributes.monitor_type === "DIMENSIONAL"
    ? nonCompliant(
        `an account holds one AWS-managed monitor per dimension (${String(attributes.monitor_dimension ?? "SERVICE")}); the second environment or blueprint to create one fails with "Limit exceeded on dimensional spend monitor creation", and it watches the whole account, not this project`,
      )
    : compliant,
);

export const anomalySubscriptionFrequencyFitsSubscribers = elementRule("VP-COST-2", ["aws_ce_anomaly_subscription"], ({ attributes }) => {
  const frequency = attributes.frequency;
  if (typeof frequency !== "string" || frequency.includes("${")) return notApplicable;
  const types = new Set(blocks(attributes.subscriber).map((s) => s.type));
  if (types.has("SNS") && frequency !== "IMMEDIATE") {
    return nonCompliant(`frequency is ${frequency}, and Cost Anomaly Detection notifies SNS topics only as anomalies happen (IMMEDIATE)`);
  }
  if (types.has("EMAIL") && frequency === "IMMEDIATE") {
    return nonCompliant("frequency is IMMEDIATE, and Cost Anomaly Detection emails only daily or weekly summaries");
  }
  return compliant;
});

/** A topic of this stack a cost service notifies, with the service and the element that notifies it. */
interface NotifiedTopic {
  readonly subject: ElementView;
  readonly topic: ElementView;
  readonly service: string;
}

/** Every SNS topic of this stack that an anomaly subscription or a budget notification sends to. */
function notifiedTopics(context: RuleContext): NotifiedTopic[] {
  const found: NotifiedTopic[] = [];
  const add = (subject: ElementView, address: unknown, service: string) => {
    const topic = context.lookup(address);
    if (topic?.type === "aws_sns_topic") found.push({ subject, topic, service });
  };
  for (const element of context.elements) {
    if (element.type === "aws_ce_anomaly_subscription") {
      for (const subscriber of blocks(element.attributes.subscriber)) {
        if (subscriber.type === "SNS") add(element, subscriber.address, COST_ALERTS);
      }
    }
    if (element.type === "aws_budgets_budget") {
      const arns = blocks(element.attributes.notification).flatMap((n) =>
        Array.isArray(n.subscriber_sns_topic_arns) ? n.subscriber_sns_topic_arns : [],
      );
      for (const arn of new Set(arns)) add(element, arn, BUDGETS);
    }
  }
  return found;
}

/** Whether one of the statements lets the service perform every action (an Allow naming the service). */
function grants(statements: readonly Statement[], service: string, actions: readonly string[]): boolean {
  return actions.every((action) =>
    statements.some((s) => {
      if (s.effect !== "Allow" || s.principals === undefined || s.principals === "*") return false;
      return (s.principals.Service ?? []).includes(service) && s.actions.some((pattern) => actionMatches(pattern, action));
    }),
  );
}

/**
 * The statements of a topic's access policy: its `aws_sns_topic_policy` in this stack, else its inline `policy`.
 * Undefined when the document is only known at plan time; empty when the topic has the default policy.
 */
function topicPolicy(topic: ElementView, context: RuleContext): Statement[] | undefined {
  const attached = context.elements.find((e) => e.type === "aws_sns_topic_policy" && refersTo(e.attributes.arn, topic));
  const document = attached?.attributes.policy ?? topic.attributes.policy;
  if (document === undefined || document === null || document === "") return [];
  return policyStatements(document, context);
}

const serviceName = (service: string) => (service === COST_ALERTS ? "Cost Anomaly Detection" : "AWS Budgets");

export const costAlertsCanPublish = stackRule("VP-COST-3", (context) =>
  notifiedTopics(context).map(({ subject, topic, service }) => {
    const statements = topicPolicy(topic, context);
    let verdict: Verdict = compliant;
    if (statements === undefined) verdict = notApplicable;
    else if (!grants(statements, service, ["sns:Publish"])) {
      verdict = nonCompliant(
        `${serviceName(service)} notifies ${topic.address}, whose access policy does not let ${service} publish; the alerts are never delivered (budgets refuse the notification at creation)`,
      );
    }
    return { subject, verdict };
  }),
);

export const costAlertsCanUseTopicKey = stackRule("VP-COST-4", (context) =>
  notifiedTopics(context).map(({ subject, topic, service }) => {
    // Only a key of this stack can be read here; a key of another stack (the secrets-kms CMKs) is that stack's test.
    const key = context.lookup(topic.attributes.kms_master_key_id);
    if (key?.type !== "aws_kms_key") return { subject, verdict: notApplicable };
    const statements = policyStatements(key.attributes.policy, context);
    if (statements === undefined) return { subject, verdict: notApplicable };
    return {
      subject,
      verdict: grants(statements, service, ["kms:GenerateDataKey", "kms:Decrypt"])
        ? compliant
        : nonCompliant(
            `${topic.address} is encrypted with ${key.address}, whose key policy does not let ${service} use it; SNS rejects every alert ${serviceName(service)} publishes`,
          ),
    };
  }),
);

/** Subscribers one budget notification takes: one SNS topic and ten email addresses. */
const MAX_BUDGET_EMAILS = 10;

export const budgetNotificationSubscriberLimits = elementRule("VP-COST-5", ["aws_budgets_budget"], ({ attributes }) => {
  const problems = blocks(attributes.notification).flatMap((notification, i) => {
    const emails = Array.isArray(notification.subscriber_email_addresses) ? notification.subscriber_email_addresses.length : 0;
    const topics = Array.isArray(notification.subscriber_sns_topic_arns) ? notification.subscriber_sns_topic_arns.length : 0;
    const label = `notification ${i + 1} (${String(notification.notification_type)} ${String(notification.threshold)}%)`;
    return [
      ...(emails > MAX_BUDGET_EMAILS ? [`${label} has ${emails} email subscribers`] : []),
      ...(topics > 1 ? [`${label} has ${topics} SNS topics`] : []),
    ];
  });
  return problems.length === 0
    ? compliant
    : nonCompliant(`${problems.join("; ")}; AWS Budgets takes one SNS topic and ${MAX_BUDGET_EMAILS} email addresses per notification`);
});
