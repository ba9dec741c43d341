import { elementRule } from "../catalog";
import { blocks, isSet, isTrue } from "../helpers";
import { compliant, nonCompliant } from "../types";

export const volumeEncryptedWithCmk = elementRule("VP-EBS-1", ["aws_ebs_volume", "aws_instance", "aws_launch_template"], ({ type, attributes }) => {
  const volume = (where: string, device: Readonly<Record<string, unknown>>) => ({ where, encrypted: device.encrypted, key: device.kms_key_id });
  const volumes =
    type === "aws_ebs_volume"
      ? [volume("volume", attributes)]
      : type === "aws_instance"
        ? [
            ...blocks(attributes.root_block_device).map((d) => volume("root_block_device", d)),
            ...blocks(attributes.ebs_block_device).map((d) => volume(`ebs_block_device ${String(d.device_name)}`, d)),
          ]
        : blocks(attributes.block_device_mappings).flatMap((m) =>
            blocks(m.ebs).map((d) => volume(`block_device_mappings ${String(m.device_name)}`, d)),
          );
  const problems = volumes.flatMap((v) => {
    if (!isTrue(v.encrypted)) return [`${v.where} is not encrypted`];
    return isSet(v.key) ? [] : [`${v.where} has no kms_key_id`];
  });
  // An instance without explicit block devices gets an unencrypted root volume unless account defaults say otherwise.
  if (type === "aws_instance" && volumes.length === 0) problems.push("root_block_device is not declared encrypted");
  return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
});
