import { isCustomerManagedKey } from "../helpers";
import { type ElementRule, compliant, nonCompliant } from "../types";

export const topicEncryptedWithCmk: ElementRule = {
  id: "VP-SNS-1",
  level: "error",
  scope: "element",
  types: ["aws_sns_topic"],
  description: "SNS topics are encrypted with a customer-managed KMS key",
  fix: "Set kms_master_key_id to the messaging CMK, whose key policy lets the publishing services (CloudWatch, EventBridge, Budgets) use it",
  check: ({ attributes }) =>
    isCustomerManagedKey(attributes.kms_master_key_id, "alias/aws/sns")
      ? compliant
      : nonCompliant("kms_master_key_id is not a CMK (unset or alias/aws/sns)"),
};

export const queueEncryptedWithCmk: ElementRule = {
  id: "VP-SQS-1",
  level: "error",
  scope: "element",
  types: ["aws_sqs_queue"],
  description: "SQS queues are encrypted with a customer-managed KMS key",
  fix: "Set kms_master_key_id to the messaging CMK (SSE-SQS and alias/aws/sqs are not customer-managed)",
  check: ({ attributes }) =>
    isCustomerManagedKey(attributes.kms_master_key_id, "alias/aws/sqs")
      ? compliant
      : nonCompliant("kms_master_key_id is not a CMK (unset, SSE-SQS or alias/aws/sqs)"),
};
