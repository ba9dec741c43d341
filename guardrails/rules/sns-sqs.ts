import { elementRule } from "../catalog";
import { isCustomerManagedKey } from "../helpers";
import { compliant, nonCompliant } from "../types";

export const topicEncryptedWithCmk = elementRule("VP-SNS-1", ["aws_sns_topic"], ({ attributes }) =>
  isCustomerManagedKey(attributes.kms_master_key_id, "alias/aws/sns")
    ? compliant
    : nonCompliant("kms_master_key_id is not a CMK (unset or alias/aws/sns)"),
);

export const queueEncryptedWithCmk = elementRule("VP-SQS-1", ["aws_sqs_queue"], ({ attributes }) =>
  isCustomerManagedKey(attributes.kms_master_key_id, "alias/aws/sqs")
    ? compliant
    : nonCompliant("kms_master_key_id is not a CMK (unset, SSE-SQS or alias/aws/sqs)"),
);
