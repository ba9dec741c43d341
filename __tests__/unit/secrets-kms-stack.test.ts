import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { describe, expect, it } from "vitest";
import { KEY_PURPOSES } from "../../stacks/secrets-kms-stack";
import { fixtureEnvironment, fullFixture, synthFixture } from "../support/fixtures";
import { resourcesOf } from "../support/synth";

// The shipped environments' deletion and recovery windows: __tests__/unit/sizing-policy.test.ts.
describe.each([
  ["no database, cache, recordings, DR or third-party keys", fixtureEnvironment()],
  ["database, cache, recordings, DR and third-party keys", fullFixture()],
])("secrets-kms stack: %s", (_variant, input) => {
  const synth = synthFixture(input);
  const stack = synth.stack("secrets-kms");
  const { config } = synth;
  const env = config.environment;
  const optionalKeys = [
    ...(config.backup ? ["backup"] : []),
    ...(config.services.length > 0 || config.functions ? ["containers"] : []),
    ...(config.database ? ["rds"] : []),
    ...(config.cache ? ["cache"] : []),
    ...(config.storage.recordings || config.storage.documents ? ["storage"] : []),
  ];

  it("has one rotating CMK per purpose with the configured deletion window", () => {
    const keys = resourcesOf(stack, "aws_kms_key");
    expect(Object.keys(keys).sort()).toEqual(
      [...KEY_PURPOSES, ...optionalKeys, ...(config.dr.enabled ? ["dr"] : [])].map((purpose) => `${purpose.replace(/-/g, "_")}_key`).sort(),
    );
    for (const purpose of [...KEY_PURPOSES, ...optionalKeys]) {
      expect(keys[`${purpose.replace(/-/g, "_")}_key`]).toEqual(
        expect.objectContaining({
          enable_key_rotation: true,
          deletion_window_in_days: config.kms.deletionWindowDays,
        }),
      );
    }
    expect(Object.values(keys).every((k) => k.enable_key_rotation === true)).toBe(true);
  });

  it("names aliases after project and environment", () => {
    const aliases = Object.values(resourcesOf(stack, "aws_kms_alias")).map((a) => a.name);
    expect(aliases).toEqual(expect.arrayContaining([...KEY_PURPOSES, ...optionalKeys].map((purpose) => `alias/${config.project}-${env}-${purpose}`)));
    expect(aliases.every((name) => name.startsWith(`alias/${config.project}-${env}-`))).toBe(true);
  });

  it("lets CloudWatch Logs use only the logs key, bound to this account's log groups", () => {
    const logsPolicy = JSON.parse(resourcesOf(stack, "aws_kms_key").logs_key.policy);
    const grant = logsPolicy.Statement.find((s: any) => s.Principal?.Service === `logs.${config.region}.amazonaws.com`);
    expect(grant.Condition.ArnLike["kms:EncryptionContext:aws:logs:arn"]).toBe(`arn:aws:logs:${config.region}:${config.accountId}:log-group:*`);
    if (config.database) {
      const rdsPolicy = JSON.parse(resourcesOf(stack, "aws_kms_key").rds_key.policy);
      expect(rdsPolicy.Statement.map((s: any) => s.Principal)).toEqual([{ AWS: `arn:aws:iam::${config.accountId}:root` }]);
    }
  });

  it("lets CloudTrail describe the audit key in a statement without an encryption-context condition", () => {
    // DescribeKey requests carry no encryption context: under such a condition the grant would never apply.
    const auditPolicy = JSON.parse(resourcesOf(stack, "aws_kms_key").audit_key.policy);
    const cloudTrail = auditPolicy.Statement.filter((s: any) => s.Principal?.Service === "cloudtrail.amazonaws.com");
    const describe = cloudTrail.find((s: any) => [s.Action].flat().includes("kms:DescribeKey"));
    expect(describe.Condition).toEqual({
      StringEquals: { "aws:SourceAccount": config.accountId },
      StringLike: { "aws:SourceArn": `arn:aws:cloudtrail:*:${config.accountId}:trail/*` },
    });
    const encrypt = cloudTrail.find((s: any) => s !== describe);
    expect([encrypt.Action].flat()).toEqual(["kms:GenerateDataKey*"]);
    expect(encrypt.Condition.StringLike["kms:EncryptionContext:aws:cloudtrail:arn"]).toBe(`arn:aws:cloudtrail:*:${config.accountId}:trail/*`);
  });

  it("encrypts every secret with the secrets key and names it <env>/<project>/<name>", () => {
    const secrets = Object.values(resourcesOf(stack, "aws_secretsmanager_secret"));
    expect(secrets.map((s) => s.name).sort()).toEqual(
      [
        ...config.secrets.externalApiKeys,
        "jwt-signing-key",
        ...(config.cache ? ["redis-auth-token", "redis-url"] : []),
        ...(config.database ? ["rds-master-user"] : []),
      ]
        .map((name) => `${env}/${config.project}/${name}`)
        .sort(),
    );
    for (const secret of secrets) {
      expect(secret.kms_key_id).toBe("${aws_kms_key.secrets_key.arn}");
      expect(secret.recovery_window_in_days).toBe(config.secrets.recoveryWindowDays);
    }
  });

  it("generates the JWT key and, with a cache, the Redis AUTH token without characters ElastiCache rejects", () => {
    const passwords = resourcesOf(stack, "random_password");
    const generated = ["jwt_signing_key_value", ...(config.cache ? ["redis_auth_token_value"] : [])];
    expect(Object.keys(passwords).sort()).toEqual(generated);
    for (const password of Object.values(passwords)) {
      expect(password).toEqual(expect.objectContaining({ special: false, length: config.secrets.generatedLength }));
    }
    const versions = Object.values(resourcesOf(stack, "aws_secretsmanager_secret_version")).filter((v) => v.secret_string !== undefined);
    expect(versions.map((v) => v.secret_string).sort()).toEqual(generated.map((name) => `\${random_password.${name}.result}`));
  });

  it(
    config.database
      ? "generates the RDS master password write-only with Secrets Manager, so it is in no state or plan"
      : "has no RDS master user secret",
    () => {
      if (!config.database) {
        expect(resourcesOf(stack, "aws_secretsmanager_secret").rds_master_user).toBeUndefined();
        expect((stack.json as { ephemeral?: unknown }).ephemeral).toBeUndefined();
        return;
      }
      const generator = (stack.json as { ephemeral?: Record<string, Record<string, Record<string, unknown>>> }).ephemeral
        ?.aws_secretsmanager_random_password?.rds_master_user_password;
      expect(generator).toEqual({
        password_length: config.secrets.generatedLength,
        exclude_punctuation: true,
        include_space: false,
        require_each_included_type: true,
      });
      const version = resourcesOf(stack, "aws_secretsmanager_secret_version").rds_master_user_version;
      expect(version).toMatchObject({
        secret_id: "${aws_secretsmanager_secret.rds_master_user.id}",
        secret_string_wo: `\${jsonencode({ username = "${config.database!.masterUsername}", password = ephemeral.aws_secretsmanager_random_password.rds_master_user_password.random_password })}`,
        secret_string_wo_version: config.database!.masterPasswordVersion,
      });
      expect(stack.text).not.toMatch(/"secret_string": "\$\{ephemeral/);
    },
  );

  it("only exports secrets as sensitive outputs", () => {
    for (const [name, output] of Object.entries(stack.json.output ?? {})) {
      expect(output.sensitive, name).toBe(true);
    }
  });

  it(config.dr.enabled ? "puts the DR key in the DR region" : "has no DR key without DR", () => {
    const drKey = resourcesOf(stack, "aws_kms_key").dr_key;
    if (config.dr.enabled) {
      expect(drKey.provider).toBe("aws.dr");
      expect(stack.text).toHaveProviderWithProperties({ tfResourceType: "aws" }, { alias: "dr", region: config.dr.region });
    } else {
      expect(drKey).toBeUndefined();
    }
    expect(stack.text).toHaveResource(KmsKey);
  });
});
