import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { TerraformStack, Testing } from "cdktf";
import * as hclRender from "cdktf/lib/hcl/render";
import { describe, expect, it } from "vitest";
import { HCL_PROBE, escapeHclQuotes } from "../../patches/hcl-quoting";
import { testApp } from "../support/test-app";

// cdktf's HCL renderer left every quote unescaped in a string holding an interpolation, so IAM policies with a
// reference came out as invalid HCL (hashicorp/terraform-cdk#3911); patches/hcl-quoting.ts fixes it at run time.
const renderAttributes = (hclRender as unknown as { renderAttributes: (attributes: object) => string }).renderAttributes;
const terraform = findTerraform();

/**
 * terraform as the harness finds it (TERRAFORM_BINARY, else the first on PATH), without running it: a probe with
 * `terraform version` cost every collection of this file a process start, ~0.1 s, for a test that runs it anyway.
 */
function findTerraform(): string | undefined {
  const explicit = process.env.TERRAFORM_BINARY;
  const candidates = explicit
    ? [explicit]
    : (process.env.PATH ?? "")
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, "terraform"));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

function stackWithPolicy() {
  const stack = new TerraformStack(testApp(), "stack");
  const bucket = new S3Bucket(stack, "bucket", { bucket: "b" });
  new IamPolicy(stack, "policy", {
    name: "p",
    policy: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: `${bucket.arn}/*`, Condition: { StringLike: { "s3:prefix": ['a\\"b'] } } }],
    }),
  });
  return stack;
}

describe("HCL quoting (patches/hcl-quoting.ts)", () => {
  it.each([
    ["plain text", "plain text"],
    ['{"a":"b"}', '{\\"a\\":\\"b\\"}'],
    ["back\\slash", "back\\\\slash"],
    ['{"r":"${aws_s3_bucket.b.arn}/*"}', '{\\"r\\":\\"${aws_s3_bucket.b.arn}/*\\"}'],
    // Quotes inside an interpolation are HCL syntax and stay as written, nested braces and escaped quotes too.
    ['"${lookup(var.m, "k", "}")}"', '\\"${lookup(var.m, "k", "}")}\\"'],
    ['${jsonencode({ a = "b" })} "x"', '${jsonencode({ a = "b" })} \\"x\\"'],
    ['${replace(var.s, "\\"", "")}"', '${replace(var.s, "\\"", "")}\\"'],
    ["${unterminated", "${unterminated"],
  ])("escapes %s outside interpolations", (input, expected) => {
    expect(escapeHclQuotes(input)).toBe(expected);
  });

  it("is what cdktf's renderer now escapes with", () => {
    expect(renderAttributes(HCL_PROBE.input).trim()).toBe(HCL_PROBE.expected);
  });

  it("renders a policy with a reference as one valid HCL string", () => {
    const hcl = Testing.synthHcl(stackWithPolicy()) as string;
    const line = hcl.split("\n").find((l) => l.trim().startsWith("policy ="));
    expect(line?.trim()).toBe(
      'policy = "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"s3:GetObject\\",\\"Resource\\":\\"${aws_s3_bucket.bucket.arn}/*\\",\\"Condition\\":{\\"StringLike\\":{\\"s3:prefix\\":[\\"a\\\\\\\\\\\\\\"b\\"]}}}]}"',
    );
  });

  it("leaves the rest of the renderer as cdktf wrote it: data blocks, references, heredocs", () => {
    const stack = new TerraformStack(testApp(), "stack");
    new DataAwsIamPolicyDocument(stack, "doc", { statement: [{ actions: ["s3:GetObject"], resources: ["*"] }] });
    const hcl = Testing.synthHcl(stack) as string;
    expect(hcl).toMatch(/data "aws_iam_policy_document" "doc" \{/);
    expect(hcl).toContain('actions = [\n"s3:GetObject"\n]');
  });

  it.skipIf(!terraform)("terraform parses what it renders (terraform fmt)", () => {
    const fmt = spawnSync(terraform!, ["fmt", "-"], { input: Testing.synthHcl(stackWithPolicy()) as string, encoding: "utf8" });
    expect(fmt.stderr).not.toMatch(/Error/);
    expect(fmt.status).toBe(0);
    expect(fmt.stdout).toMatch(/policy = "\{\\"Version\\":/);
  });
});
