import { describe, expect, it } from "vitest";
import { type TerraformType, fixtureOutputs } from "../../scripts/terraform/fixtures";
import { type TerraformJson, remoteStateReads, withOfflineAwsProvider, withoutRandomProvider } from "../../scripts/terraform/stack-json";
import { cliConfig } from "../../scripts/terraform/workspace";
import { synthEnvironment } from "../support/synth";

describe("terraform harness: stack copies", () => {
  const secretsKms = synthEnvironment("dev").stack("secrets-kms").json as TerraformJson;
  const vpc = synthEnvironment("dev").stack("vpc").json as TerraformJson;

  it("swaps random_password for terraform_data of the same name and rewrites every reference", () => {
    const swapped = withoutRandomProvider(secretsKms);
    // Output names may still say random_password; no reference and no resource may.
    // A random provider type starts a reference; aws_secretsmanager_random_password and its attributes do not.
    expect(JSON.stringify(swapped).match(/\$\{[^}]*(?<![\w.])random_[^}]*\}/g)).toBeNull();
    expect(Object.keys(swapped.resource ?? {}).filter((type) => type.startsWith("random_"))).toEqual([]);
    expect(swapped.provider?.random).toBeUndefined();
    expect(swapped.terraform.required_providers?.random).toBeUndefined();
    const randomNames = Object.keys(secretsKms.resource?.random_password ?? {});
    expect(randomNames.length).toBeGreaterThan(0);
    expect(Object.keys(swapped.resource?.terraform_data ?? {}).sort()).toEqual(randomNames.sort());
    expect(swapped.resource!.aws_secretsmanager_secret_version.jwt_signing_key_version.secret_string).toBe(
      "${terraform_data.jwt_signing_key_value.output}",
    );
    // The original synthesized stack is untouched.
    expect(secretsKms.resource?.random_password).toBeDefined();
  });

  it("rewrites bare references in depends_on and keeps count", () => {
    const json: TerraformJson = {
      terraform: { required_providers: { random: { source: "hashicorp/random" } } },
      resource: {
        random_id: { suffix: { byte_length: 4, count: 2 } },
        aws_s3_bucket: { b: { bucket: "x-${random_id.suffix[0].hex}", depends_on: ["random_id.suffix"] } },
      },
    };
    const swapped = withoutRandomProvider(json);
    expect(swapped.resource!.terraform_data.suffix.count).toBe(2);
    expect(swapped.resource!.aws_s3_bucket.b).toEqual({ bucket: "x-${terraform_data.suffix[0].hex}", depends_on: ["terraform_data.suffix"] });
  });

  it("plans the AWS provider offline: skip flags on, account guard off", () => {
    const provider = withOfflineAwsProvider(vpc).provider!.aws[0];
    expect(provider.allowed_account_ids).toBeUndefined();
    expect(provider).toEqual(expect.objectContaining({ skip_credentials_validation: true, skip_requesting_account_id: true, region: "us-east-1" }));
    expect(vpc.provider!.aws[0].allowed_account_ids).toEqual(["111111111111"]);
  });

  it("finds the outputs a stack reads from each remote state", () => {
    const [read] = remoteStateReads(vpc);
    expect(read.config.key).toBe("voice-ai/dev/secrets-kms.tfstate");
    expect(read.outputs).toEqual(["cross_stack_output_aws_kms_key_logs_key_arn"]);
  });

  it("types fixture outputs like the attributes they stand for", () => {
    const upstream: TerraformJson = {
      terraform: {},
      output: {
        key: { value: "${aws_kms_key.logs_key.arn}", sensitive: true },
        port: { value: "${aws_db_instance.db.port}" },
        members: { value: "${aws_elasticache_replication_group.r.member_clusters}" },
        name: { value: "literal" },
      },
    };
    const known: Record<string, TerraformType> = {
      "aws_db_instance.port": "number",
      "aws_elasticache_replication_group.member_clusters": ["set", "string"],
    };
    const types = (type: string, attribute: string) => known[`${type}.${attribute}`];
    const fixture = fixtureOutputs({ id: "up", json: upstream }, ["key", "port", "members", "name"], types, {
      region: "us-east-1",
      accountId: "111111111111",
    });
    expect(fixture.key).toEqual({
      value: expect.stringMatching(/^arn:aws:kms:us-east-1:111111111111:key\/[0-9a-f-]{36}$/),
      type: "string",
      sensitive: true,
    });
    expect(fixture.port).toEqual({ value: 1, type: "number" });
    expect(fixture.members).toEqual({ value: ["fixture-r-member-clusters"], type: ["set", "string"] });
    expect(fixture.name).toEqual({ value: "literal", type: "string" });
    expect(() => fixtureOutputs({ id: "up", json: upstream }, ["missing"], types, { region: "us-east-1", accountId: "1" })).toThrow(
      /up has no output "missing"/,
    );
  });

  it("installs providers only from the mirror", () => {
    const config = cliConfig("/opt/tf-plugins", ["registry.terraform.io/hashicorp/aws"], "/tmp/cache");
    expect(config).toContain('path    = "/opt/tf-plugins"');
    expect(config).toContain('include = ["registry.terraform.io/hashicorp/aws"]');
    expect(config).toContain('exclude = ["registry.terraform.io/hashicorp/aws"]');
    expect(config).toContain('plugin_cache_dir   = "/tmp/cache"');
  });
});
