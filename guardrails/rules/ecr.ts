import { blocks, isSet } from "../helpers";
import { type ElementRule, compliant, nonCompliant } from "../types";

export const repositoryEncryptedWithCmk: ElementRule = {
  id: "VP-ECR-1",
  level: "error",
  scope: "element",
  types: ["aws_ecr_repository"],
  description: "ECR repositories encrypt images with a customer-managed KMS key",
  fix: 'Set encryption_configuration { encryption_type = "KMS", kms_key = <containers CMK> }',
  check: ({ attributes }) => {
    const config = blocks(attributes.encryption_configuration)[0];
    if (config?.encryption_type !== "KMS") return nonCompliant("encryption_type is not KMS (AES256 is the default)");
    return isSet(config.kms_key) ? compliant : nonCompliant("kms_key is not set (the AWS-managed aws/ecr key would be used)");
  },
};
