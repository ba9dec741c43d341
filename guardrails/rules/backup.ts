import { isSet } from "../helpers";
import { type ElementRule, compliant, nonCompliant } from "../types";

export const vaultEncryptedWithCmk: ElementRule = {
  id: "VP-BAK-1",
  level: "error",
  scope: "element",
  types: ["aws_backup_vault"],
  description: "AWS Backup vaults are encrypted with a customer-managed KMS key",
  fix: "Set kms_key_arn to the backup CMK (the DR-region key for the DR vault)",
  check: ({ attributes }) =>
    isSet(attributes.kms_key_arn) ? compliant : nonCompliant("kms_key_arn is not set (the AWS-managed aws/backup key would be used)"),
};
