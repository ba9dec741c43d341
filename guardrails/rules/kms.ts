import { isTrue } from "../helpers";
import { type ElementRule, compliant, nonCompliant, notApplicable } from "../types";

export const kmsKeyRotation: ElementRule = {
  id: "VP-KMS-1",
  level: "error",
  scope: "element",
  types: ["aws_kms_key"],
  description: "Symmetric customer-managed KMS keys rotate automatically",
  fix: "Set enable_key_rotation = true (EncryptionKey always does)",
  check: ({ attributes }) => {
    const spec = attributes.customer_master_key_spec ?? attributes.key_spec ?? "SYMMETRIC_DEFAULT";
    // AWS rotates only symmetric encryption keys; asymmetric and HMAC keys cannot rotate.
    if (spec !== "SYMMETRIC_DEFAULT") return notApplicable;
    return isTrue(attributes.enable_key_rotation) ? compliant : nonCompliant("enable_key_rotation is not true");
  },
};
