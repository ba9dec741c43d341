import { elementRule } from "../catalog";
import { blocks, isSet } from "../helpers";
import { compliant, nonCompliant } from "../types";

export const repositoryEncryptedWithCmk = elementRule("VP-ECR-1", ["aws_ecr_repository"], ({ attributes }) => {
  const config = blocks(attributes.encryption_configuration)[0];
  if (config?.encryption_type !== "KMS") return nonCompliant("encryption_type is not KMS (AES256 is the default)");
  return isSet(config.kms_key) ? compliant : nonCompliant("kms_key is not set (the AWS-managed aws/ecr key would be used)");
});
