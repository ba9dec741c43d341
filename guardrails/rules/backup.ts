import { isSet, referencedAddress } from "../helpers";
import { type ElementRule, type StackRule, compliant, nonCompliant } from "../types";

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

export const planSelectsByArn: StackRule = {
  id: "VP-BAK-2",
  level: "error",
  category: "apply",
  scope: "stack",
  description: "Every AWS Backup plan selects at least one resource by ARN, not only by tag",
  fix: "Pass the ARNs of what the plan protects (RDS instance, DynamoDB tables) into the backup stack and add a selection with resources = those ARNs",
  reference: "https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html",
  check: (context) =>
    context.elements
      .filter((e) => e.type === "aws_backup_plan")
      .map((plan) => {
        const selections = context.elements.filter(
          (e) => e.type === "aws_backup_selection" && referencedAddress(e.attributes.plan_id) === plan.address,
        );
        const byArn = selections.some((s) => Array.isArray(s.attributes.resources) && s.attributes.resources.length > 0);
        return {
          subject: plan,
          verdict: byArn
            ? compliant
            : nonCompliant(
                selections.length === 0
                  ? "no selection assigns resources to it, so it backs up nothing"
                  : "its selections only match by tag; when nothing carries the tag the plan backs up nothing, and AWS Backup reports no error",
              ),
        };
      }),
};
