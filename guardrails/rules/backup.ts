import { elementRule, stackRule } from "../catalog";
import { isSet, referencedAddress } from "../helpers";
import { compliant, nonCompliant } from "../types";

export const vaultEncryptedWithCmk = elementRule("VP-BAK-1", ["aws_backup_vault"], ({ attributes }) =>
  isSet(attributes.kms_key_arn) ? compliant : nonCompliant("kms_key_arn is not set (the AWS-managed aws/backup key would be used)"),
);

export const planSelectsByArn = stackRule("VP-BAK-2", (context) =>
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
);
