import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CodestarconnectionsConnection } from "@cdktf/provider-aws/lib/codestarconnections-connection";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { CONTAINER_BUILD_TAG } from "../../constructs/build-project";
import { assumeRolePolicy, policyDocument } from "../../constructs/iam-policy";
import { type Finding, RULES, RULES_BY_ID } from "../../guardrails";
import {
  ACCOUNT,
  INLINE,
  KEY,
  PIPELINE_APPLY_CASES,
  PIPELINE_SECURITY_CASES,
  ROLE,
  pipeline,
  pipelineRole,
  project,
} from "../support/pipeline-cases";
import { guardedFindings } from "../support/test-app";

/** Findings of `ruleId` in one guarded stack that `build` fills. */
function findings(ruleId: string, build: (stack: TerraformStack) => void, production = false): Finding[] {
  return guardedFindings(build, production).filter((f) => f.ruleId === ruleId);
}

const CASES = { ...PIPELINE_SECURITY_CASES, ...PIPELINE_APPLY_CASES };

// The shared harnesses (guardrails.test.ts, apply-rules.test.ts) spread these cases in; the same checks run here.
describe("the CodeBuild and CodePipeline rule cases", () => {
  const ids = RULES.map((r) => r.id).filter((id) => /^VP-C[BP]-/.test(id));

  it("cover every CB/CP rule, security cases for security rules and apply cases for apply rules", () => {
    expect(Object.keys(CASES).sort()).toEqual([...ids].sort());
    for (const id of Object.keys(PIPELINE_APPLY_CASES)) expect(RULES_BY_ID.get(id)!.category).toBe("apply");
    for (const id of Object.keys(PIPELINE_SECURITY_CASES)) expect(RULES_BY_ID.get(id)!.category ?? "security").toBe("security");
  });

  it.each(ids.map((id) => [id] as const))("%s flags its unsafe case with stack, path, why and fix", (id) => {
    const rule = RULES_BY_ID.get(id)!;
    const { unsafe, production, message } = CASES[id];
    const flagged = findings(id, unsafe, production);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0]).toMatchObject({ level: rule.level, stack: "test", path: expect.stringMatching(/^test\/unsafe/) });
    expect(flagged[0].message).toMatch(message);
    expect(flagged[0].message).toContain(`Fix: ${rule.fix}`);
  });

  it.each(ids.map((id) => [id] as const))("%s passes its safe case", (id) => {
    const { safe, production } = CASES[id];
    expect(findings(id, safe, production)).toEqual([]);
  });
});

describe("CodeBuild rules", () => {
  it("VP-CB-1 rejects build output without a CMK or with alias/aws/s3", () => {
    const found = findings("VP-CB-1", (stack) => {
      project(stack, "unset", { encryptionKey: undefined });
      project(stack, "aws_managed", { encryptionKey: `arn:aws:kms:us-east-1:${ACCOUNT}:alias/aws/s3` });
      project(stack, "safe");
    });
    expect(found.map((f) => f.address)).toEqual(["aws_codebuild_project.unset", "aws_codebuild_project.aws_managed"]);
    expect(found[0].message).toMatch(/encryption_key is not a CMK .*AWS-managed S3 key/);
  });

  it("VP-CB-2 rejects the default, a missing and an unencrypted log group, and no logs at all", () => {
    const found = findings("VP-CB-2", (stack) => {
      project(stack, "default_group", { logsConfig: undefined });
      project(stack, "missing_group", { logsConfig: { cloudwatchLogs: { groupName: "/aws/codebuild/nobody-creates-this" } } });
      const plain = new CloudwatchLogGroup(stack, "plain_group", { name: "/plain", retentionInDays: 30 });
      project(stack, "plain", { logsConfig: { cloudwatchLogs: { groupName: plain.name } } });
      project(stack, "silent", { logsConfig: { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: "DISABLED" } } });
      project(stack, "s3_unencrypted", {
        logsConfig: {
          cloudwatchLogs: { status: "DISABLED" },
          s3Logs: { status: "ENABLED", location: "logs-bucket/build", encryptionDisabled: true },
        },
      });
    });
    const byAddress = Object.fromEntries(found.map((f) => [f.address, f.message]));
    expect(byAddress["aws_codebuild_project.default_group"]).toMatch(/CodeBuild creates unencrypted and without retention/);
    expect(byAddress["aws_codebuild_project.missing_group"]).toMatch(/"\/aws\/codebuild\/nobody-creates-this" is not created in this stack/);
    expect(byAddress["aws_codebuild_project.plain"]).toMatch(/aws_cloudwatch_log_group\.plain_group has no kms_key_id/);
    expect(byAddress["aws_codebuild_project.silent"]).toMatch(/builds leave no record/);
    expect(byAddress["aws_codebuild_project.s3_unencrypted"]).toMatch(/encryption_disabled = true/);
    expect(found).toHaveLength(5);
  });

  it("VP-CB-2 passes a CMK group of the stack, by reference or by name, and encrypted S3 logs", () => {
    const found = findings("VP-CB-2", (stack) => {
      project(stack, "by_reference");
      new CloudwatchLogGroup(stack, "named_group", { name: "/builds/named", kmsKeyId: KEY, retentionInDays: 30 });
      project(stack, "by_name", { logsConfig: { cloudwatchLogs: { groupName: "/builds/named" } } });
      project(stack, "s3_logs", {
        logsConfig: { cloudwatchLogs: { status: "DISABLED" }, s3Logs: { status: "ENABLED", location: "logs-bucket/build" } },
      });
    });
    expect(found).toEqual([]);
  });

  it("VP-CB-3 rejects privileged mode on an undeclared project and on a container build that runs no container tool", () => {
    const found = findings("VP-CB-3", (stack) => {
      const privileged = { computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/standard:7.0", type: "LINUX_CONTAINER", privilegedMode: true };
      project(stack, "undeclared", { environment: privileged });
      project(stack, "idle_docker", {
        environment: privileged,
        tags: { [CONTAINER_BUILD_TAG]: "true" },
        source: { type: "CODEPIPELINE", buildspec: INLINE("npm test") },
      });
      project(stack, "declared", {
        environment: privileged,
        tags: { [CONTAINER_BUILD_TAG]: "true" },
        source: { type: "CODEPIPELINE", buildspec: INLINE("docker build -t app .") },
      });
      project(stack, "declared_file", { environment: privileged, tags: { [CONTAINER_BUILD_TAG]: "true" } });
      project(stack, "unprivileged", { source: { type: "CODEPIPELINE", buildspec: INLINE("npm test") } });
    });
    expect(found.map((f) => f.address)).toEqual(["aws_codebuild_project.undeclared", "aws_codebuild_project.idle_docker"]);
    expect(found[0].message).toMatch(/root on its host, but the project is not tagged container-build = "true"/);
    expect(found[1].message).toMatch(/inline buildspec runs no docker/);
  });

  it("VP-CB-4 rejects PLAINTEXT variables that are or look like secrets and passes secret references", () => {
    const found = findings("VP-CB-4", (stack) => {
      const environment = (environmentVariable: { name: string; value: string; type?: string }[]) => ({
        computeType: "BUILD_GENERAL1_SMALL",
        image: "aws/codebuild/standard:7.0",
        type: "LINUX_CONTAINER",
        environmentVariable,
      });
      project(stack, "named", { environment: environment([{ name: "NPM_TOKEN", value: "npm_abcdef", type: "PLAINTEXT" }]) });
      project(stack, "untyped", { environment: environment([{ name: "UPLOAD", value: "AKIAABCDEFGHIJKLMNOP" }]) });
      project(stack, "safe", {
        environment: environment([
          { name: "NPM_TOKEN", value: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:npm-token-AbCdEf`, type: "SECRETS_MANAGER" },
          { name: "SNYK_TOKEN", value: "/ci/snyk-token", type: "PARAMETER_STORE" },
          { name: "NODE_ENV", value: "production", type: "PLAINTEXT" },
        ]),
      });
    });
    expect(found.map((f) => f.address)).toEqual(["aws_codebuild_project.named", "aws_codebuild_project.untyped"]);
    expect(found[0].message).toMatch(/^NPM_TOKEN is named like a secret and set to a literal\. Fix:/);
    expect(found[1].message).toMatch(/^UPLOAD contains an AWS access key id\. Fix:/);
  });
});

describe("CodePipeline rules", () => {
  it("VP-CP-1 rejects artifact stores without a CMK and passes a KMS CMK", () => {
    const found = findings("VP-CP-1", (stack) => {
      const connection = "arn:aws:codeconnections:us-east-1:111111111111:connection/0f0e0d0c-0000-1111-2222-333344445555";
      pipeline(stack, "no_key", ROLE, connection, { artifactStore: [{ type: "S3", location: "artifacts-bucket" }] });
      pipeline(stack, "aws_managed", ROLE, connection, {
        artifactStore: [{ type: "S3", location: "artifacts-bucket", encryptionKey: { id: "alias/aws/s3", type: "KMS" } }],
      });
      pipeline(stack, "safe", ROLE, connection);
    });
    expect(found.map((f) => f.address)).toEqual(["aws_codepipeline.no_key", "aws_codepipeline.aws_managed"]);
    expect(found[0].message).toMatch(/artifact_store\[0\] has no encryption_key, so artifacts use the AWS-managed aws\/s3 key/);
    expect(found[1].message).toMatch(/not a customer-managed KMS key/);
  });

  it("VP-CP-2 is an apply rule with a reference", () => {
    const rule = RULES_BY_ID.get("VP-CP-2")!;
    expect(rule.category).toBe("apply");
    expect(rule.reference).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  it("VP-CP-2 rejects a role without UseConnection, with one prefix only, or on another connection", () => {
    const found = findings("VP-CP-2", (stack) => {
      const connection = new CodestarconnectionsConnection(stack, "github", { name: "app-github", providerType: "GitHub" });
      const other = new CodestarconnectionsConnection(stack, "other", { name: "other-github", providerType: "GitHub" });
      const s3Only = pipelineRole(stack, "s3_only_role", [
        { sid: "Artifacts", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::artifacts-bucket/*"] },
      ]);
      pipeline(stack, "no_use", s3Only.arn, connection.arn);
      const oldPrefix = pipelineRole(stack, "old_prefix_role", [
        { sid: "Use", actions: ["codestar-connections:UseConnection"], resources: [connection.arn] },
      ]);
      pipeline(stack, "old_prefix", oldPrefix.arn, connection.arn);
      const wrong = pipelineRole(stack, "wrong_role", [
        { sid: "Use", actions: ["codestar-connections:UseConnection", "codeconnections:UseConnection"], resources: [other.arn] },
      ]);
      pipeline(stack, "wrong_connection", wrong.arn, connection.arn);
    });
    const byAddress = Object.fromEntries(found.map((f) => [f.address, f.message]));
    expect(byAddress["aws_codepipeline.no_use"]).toMatch(
      /role aws_iam_role\.s3_only_role lacks codestar-connections:UseConnection and codeconnections:UseConnection on \$\{aws_codestarconnections_connection\.github\.arn\}, so the Source action fails/,
    );
    // The connection's ARN prefix is known only after apply: one prefix may be the wrong one.
    expect(byAddress["aws_codepipeline.old_prefix"]).toMatch(/lacks codeconnections:UseConnection on/);
    expect(byAddress["aws_codepipeline.wrong_connection"]).toMatch(/lacks codestar-connections:UseConnection and codeconnections:UseConnection/);
    expect(found).toHaveLength(3);
  });

  it("VP-CP-2 passes both prefixes on the connection, a literal ARN's own prefix, and an attached policy of the stack", () => {
    const found = findings("VP-CP-2", (stack) => {
      const connection = new CodestarconnectionsConnection(stack, "github", { name: "app-github", providerType: "GitHub" });
      const both = pipelineRole(stack, "both_role", [
        { sid: "Use", actions: ["codestar-connections:UseConnection", "codeconnections:UseConnection"], resources: [connection.arn] },
      ]);
      pipeline(stack, "both", both.arn, connection.arn);
      const literal = "arn:aws:codeconnections:us-east-1:111111111111:connection/0f0e0d0c-0000-1111-2222-333344445555";
      const pattern = pipelineRole(stack, "pattern_role", [
        { sid: "Use", actions: ["codeconnections:UseConnection"], resources: ["arn:aws:codeconnections:us-east-1:111111111111:connection/*"] },
      ]);
      pipeline(stack, "literal", pattern.arn, literal);
      const attachedRole = new IamRole(stack, "attached_role", {
        name: "attached",
        assumeRolePolicy: assumeRolePolicy("codepipeline.amazonaws.com"),
      });
      const policy = new IamPolicy(stack, "attached_policy", {
        name: "attached",
        policy: policyDocument([{ sid: "Use", actions: ["code*:UseConnection"], resources: [connection.arn] }]),
      });
      new IamRolePolicyAttachment(stack, "attachment", { role: attachedRole.name, policyArn: policy.arn });
      pipeline(stack, "attached", attachedRole.arn, connection.arn);
    });
    expect(found).toEqual([]);
  });

  it("VP-CP-2 cannot judge a role outside the stack or one with an AWS-managed policy", () => {
    const found = findings("VP-CP-2", (stack) => {
      const connection = new CodestarconnectionsConnection(stack, "github", { name: "app-github", providerType: "GitHub" });
      pipeline(stack, "foreign_role", ROLE, connection.arn);
      const managed = new IamRole(stack, "managed_role", { name: "managed", assumeRolePolicy: assumeRolePolicy("codepipeline.amazonaws.com") });
      new IamRolePolicyAttachment(stack, "managed_attachment", {
        role: managed.name,
        policyArn: "arn:aws:iam::aws:policy/AWSCodePipeline_FullAccess",
      });
      pipeline(stack, "managed", managed.arn, connection.arn);
    });
    expect(found).toEqual([]);
  });
});
