import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { TerraformStack, Testing } from "cdktf";
// The module whose export patches/ephemeral-hcl.ts replaces; cdktf's stack renders data blocks through it.
import * as hclRender from "cdktf/lib/hcl/render";
import { describe, expect, it } from "vitest";
import { EPHEMERAL_HCL_MARKER, EphemeralResource } from "../../constructs/ephemeral-resource";
import { testApp } from "../support/test-app";

function stackWithReader() {
  const stack = new TerraformStack(testApp(), "stack");
  new AwsProvider(stack, "aws", { region: "eu-west-1" });
  const dr = new AwsProvider(stack, "dr", { region: "eu-central-1", alias: "dr" });
  const secret = new SecretsmanagerSecret(stack, "secret", { name: "app/master" });
  const reader = new EphemeralResource(stack, "master_secret", {
    type: "aws_secretsmanager_secret_version",
    config: { secret_id: secret.arn },
    provider: dr,
  });
  return { stack, reader };
}

describe("EphemeralResource", () => {
  it("writes an ephemeral block with resolved arguments and its provider, and nothing under resource or data", () => {
    const { stack } = stackWithReader();
    const json = JSON.parse(Testing.synth(stack));
    expect(json.ephemeral).toEqual({
      aws_secretsmanager_secret_version: { master_secret: { secret_id: "${aws_secretsmanager_secret.secret.arn}", provider: "aws.dr" } },
    });
    expect(json.resource.aws_secretsmanager_secret_version).toBeUndefined();
    expect(json.data?.aws_secretsmanager_secret_version).toBeUndefined();
  });

  it("references its attributes and JSON members as Terraform expressions", () => {
    const { reader } = stackWithReader();
    expect(reader.attribute("secret_string")).toBe("${ephemeral.aws_secretsmanager_secret_version.master_secret.secret_string}");
    expect(reader.jsonMember("secret_string", "password")).toBe(
      '${jsondecode(ephemeral.aws_secretsmanager_secret_version.master_secret.secret_string)["password"]}',
    );
  });

  it("renders as an ephemeral block in HCL through the patched renderer, leaving data blocks alone", () => {
    const { reader } = stackWithReader();
    const renderDatasource = (hclRender as unknown as { renderDatasource: (blocks: object) => { hcl: string } }).renderDatasource;
    const fragment = reader.toHclTerraform() as { data: Record<string, Record<string, Record<string, unknown>>> };
    expect(fragment.data.aws_secretsmanager_secret_version.master_secret[EPHEMERAL_HCL_MARKER]).toBe(true);
    const rendered = renderDatasource({ aws_secretsmanager_secret_version: { master_secret: { secret_id: "arn", [EPHEMERAL_HCL_MARKER]: true } } });
    expect(rendered.hcl).toMatch(/^ephemeral "aws_secretsmanager_secret_version" "master_secret" \{\n\s*secret_id = "arn"\n\}$/);
    expect(rendered.hcl).not.toContain(EPHEMERAL_HCL_MARKER);
    expect(renderDatasource({ aws_region: { current: {} } }).hcl).toMatch(/^data "aws_region" "current" \{/);
  });
});
