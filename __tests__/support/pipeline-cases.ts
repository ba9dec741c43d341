/**
 * Builders of the unsafe / safe cases of the CodeBuild and CodePipeline rules: VP-CB-1..4 and VP-CP-1 (security,
 * spread into guardrails.test.ts's CASES) and VP-CP-2 (apply, spread into apply-rules.test.ts's CASES).
 */
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CodebuildProject, type CodebuildProjectConfig } from "@cdktf/provider-aws/lib/codebuild-project";
import { Codepipeline, type CodepipelineConfig } from "@cdktf/provider-aws/lib/codepipeline";
import { CodestarconnectionsConnection } from "@cdktf/provider-aws/lib/codestarconnections-connection";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import type { TerraformStack } from "cdktf";
import { CONTAINER_BUILD_TAG } from "../../constructs/build-project";
import { SOURCE_ARTIFACT, sourceStage } from "../../constructs/delivery-pipeline";
import { type PolicyStatement, assumeRolePolicy, policyDocument } from "../../constructs/iam-policy";

export const ACCOUNT = "111111111111";
export const KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/build`;

export /** A project that every CodeBuild rule passes, with `overrides` on top. */
function project(stack: TerraformStack, id: string, overrides: Partial<CodebuildProjectConfig> = {}): CodebuildProject {
  const group = new CloudwatchLogGroup(stack, `${id}_logs`, { name: `/aws/codebuild/${id}`, kmsKeyId: KEY, retentionInDays: 30 });
  return new CodebuildProject(stack, id, {
    name: id,
    serviceRole: ROLE,
    encryptionKey: KEY,
    artifacts: { type: "CODEPIPELINE" },
    source: { type: "CODEPIPELINE", buildspec: "buildspecs/build.yml" },
    environment: { computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/standard:7.0", type: "LINUX_CONTAINER" },
    logsConfig: { cloudwatchLogs: { status: "ENABLED", groupName: group.name } },
    ...overrides,
  });
}

export const INLINE = (commands: string) => `version: 0.2\nphases:\n  build:\n    commands:\n      - ${commands}\n`;

export /** A pipeline reading `connectionArn` through its Source action, run by `roleArn`. */
function pipeline(
  stack: TerraformStack,
  id: string,
  roleArn: string,
  connectionArn: string,
  overrides: Partial<CodepipelineConfig> = {},
): Codepipeline {
  return new Codepipeline(stack, id, {
    name: id,
    pipelineType: "V2",
    roleArn,
    artifactStore: [{ type: "S3", location: "artifacts-bucket", encryptionKey: { id: KEY, type: "KMS" } }],
    stage: [
      sourceStage(connectionArn, { owner: "acme", name: "app", branch: "main" }),
      {
        name: "Build",
        action: [
          {
            name: "Build",
            category: "Build",
            owner: "AWS",
            provider: "CodeBuild",
            version: "1",
            inputArtifacts: [SOURCE_ARTIFACT],
            configuration: { ProjectName: "build" },
          },
        ],
      },
    ],
    ...overrides,
  });
}

export /** A pipeline service role with one inline policy of `statements`. */
function pipelineRole(stack: TerraformStack, id: string, statements: readonly PolicyStatement[]): IamRole {
  const role = new IamRole(stack, id, { name: id, assumeRolePolicy: assumeRolePolicy("codepipeline.amazonaws.com", ACCOUNT) });
  new IamRolePolicy(stack, `${id}_policy`, { name: `${id}-policy`, role: role.id, policy: policyDocument(statements) });
  return role;
}

/** A pipeline whose Source reads a new connection and whose role may call `actions` on that connection. */
export function connectionPipeline(stack: TerraformStack, id: string, actions: readonly string[]): void {
  const connection = new CodestarconnectionsConnection(stack, `${id}_connection`, { name: `${id}-github`, providerType: "GitHub" });
  const role = pipelineRole(stack, `${id}_role`, [{ sid: "UsesItsConnection", actions, resources: [connection.arn] }]);
  pipeline(stack, id, role.arn, connection.arn);
}

const privileged = { computeType: "BUILD_GENERAL1_SMALL", image: "aws/codebuild/standard:7.0", type: "LINUX_CONTAINER", privilegedMode: true };
const withVariables = (environmentVariable: { name: string; value: string; type?: string }[]) => ({
  computeType: "BUILD_GENERAL1_SMALL",
  image: "aws/codebuild/standard:7.0",
  type: "LINUX_CONTAINER",
  environmentVariable,
});
const CONNECTION = `arn:aws:codeconnections:us-east-1:${ACCOUNT}:connection/0f0e0d0c-0000-1111-2222-333344445555`;

interface RuleCase {
  readonly unsafe: (stack: TerraformStack) => void;
  readonly safe: (stack: TerraformStack) => void;
  readonly production?: boolean;
  readonly message: RegExp;
}

/** Security rules: spread into guardrails.test.ts's CASES. */
export const PIPELINE_SECURITY_CASES: Record<string, RuleCase> = {
  "VP-CB-1": {
    unsafe: (s) => project(s, "unsafe", { encryptionKey: undefined }),
    safe: (s) => project(s, "safe"),
    message: /encryption_key is not a CMK/,
  },
  "VP-CB-2": {
    unsafe: (s) => project(s, "unsafe", { logsConfig: undefined }),
    safe: (s) => project(s, "safe"),
    message: /\/aws\/codebuild\/<project>, a group CodeBuild creates unencrypted and without retention/,
  },
  "VP-CB-3": {
    unsafe: (s) => project(s, "unsafe", { environment: privileged }),
    safe: (s) =>
      project(s, "safe", {
        environment: privileged,
        tags: { [CONTAINER_BUILD_TAG]: "true" },
        source: { type: "CODEPIPELINE", buildspec: INLINE("docker build -t app .") },
      }),
    message: /privileged_mode gives the build root on its host/,
  },
  "VP-CB-4": {
    unsafe: (s) => project(s, "unsafe", { environment: withVariables([{ name: "NPM_TOKEN", value: "npm_abcdef", type: "PLAINTEXT" }]) }),
    safe: (s) =>
      project(s, "safe", {
        environment: withVariables([
          { name: "NPM_TOKEN", value: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:npm-AbCdEf`, type: "SECRETS_MANAGER" },
        ]),
      }),
    message: /NPM_TOKEN is named like a secret and set to a literal/,
  },
  "VP-CP-1": {
    unsafe: (s) => pipeline(s, "unsafe", ROLE, CONNECTION, { artifactStore: [{ type: "S3", location: "artifacts-bucket" }] }),
    safe: (s) => pipeline(s, "safe", ROLE, CONNECTION),
    message: /artifact_store\[0\] has no encryption_key/,
  },
};

/** Apply rules: spread into apply-rules.test.ts's CASES. */
export const PIPELINE_APPLY_CASES: Record<string, RuleCase> = {
  "VP-CP-2": {
    unsafe: (s) => connectionPipeline(s, "unsafe", ["codestar-connections:UseConnection"]),
    safe: (s) => connectionPipeline(s, "safe", ["codestar-connections:UseConnection", "codeconnections:UseConnection"]),
    message: /lacks codeconnections:UseConnection on .*, so the Source action fails with "insufficient permissions" on its first run/,
  },
};
