import { elementRule } from "../catalog";
import { blocks, isSet } from "../helpers";
import { compliant, nonCompliant, notApplicable } from "../types";

export const repositoryEncryptedWithCmk = elementRule(
  "VP-ECR-1",
  ["aws_ecr_repository", "aws_ecr_repository_creation_template"],
  ({ attributes }) => {
    const config = blocks(attributes.encryption_configuration)[0];
    if (config?.encryption_type !== "KMS") return nonCompliant("encryption_type is not KMS (AES256 is the default)");
    return isSet(config.kms_key) ? compliant : nonCompliant("kms_key is not set (the AWS-managed aws/ecr key would be used)");
  },
);

export const creationTemplateHasRole = elementRule("VP-ECR-2", ["aws_ecr_repository_creation_template"], ({ attributes }) => {
  const usesKey = blocks(attributes.encryption_configuration).some((config) => isSet(config.kms_key));
  const tags = attributes.resource_tags;
  const tagsRepositories = typeof tags === "string" || (typeof tags === "object" && tags !== null && Object.keys(tags).length > 0);
  if (!usesKey && !tagsRepositories) return notApplicable;
  return isSet(attributes.custom_role_arn)
    ? compliant
    : nonCompliant(
        `the template ${usesKey ? "encrypts with a KMS key" : "tags repositories"} but names no custom_role_arn, so ECR cannot create repositories from it`,
      );
});
