import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CodebuildProject } from "@cdktf/provider-aws/lib/codebuild-project";
import { Codepipeline } from "@cdktf/provider-aws/lib/codepipeline";
import { CodestarconnectionsConnection } from "@cdktf/provider-aws/lib/codestarconnections-connection";
import { TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { CONTAINER_BUILD_TAG } from "../../constructs/build-project";
import { DeliveryPipeline, type DeliveryPipelineProps, deployRunnerRoleNameFor } from "../../constructs/delivery-pipeline";
import { applyGuardrails, collectFindings } from "../../guardrails";
import { synthScope, testApp } from "../support/test-app";

const ACCOUNT = "111111111111";
const ARTIFACT_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/aaaaaaaa-0000-0000-0000-000000000001`;
const LOG_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/aaaaaaaa-0000-0000-0000-000000000002`;
const TOPIC_KEY = `arn:aws:kms:us-east-1:${ACCOUNT}:key/aaaaaaaa-0000-0000-0000-000000000003`;
const DEV_ROLE = "arn:aws:iam::222222222222:role/voice-assistant-deploy";
const STAGING_ROLE = "arn:aws:iam::333333333333:role/voice-assistant-deploy";
const PROD_ROLE = "arn:aws:iam::444444444444:role/voice-assistant-deploy";
const NPM_TOKEN = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:voice-assistant/npm-token-AbCdEf`;

const PROPS: DeliveryPipelineProps = {
  namePrefix: "voice-assistant",
  accountId: ACCOUNT,
  region: "us-east-1",
  repository: { owner: "acme", name: "voice-assistant-ai", branch: "main" },
  artifactBucketName: `voice-assistant-pipeline-${ACCOUNT}`,
  artifactKmsKeyArn: ARTIFACT_KEY,
  logKmsKeyArn: LOG_KEY,
  logRetentionDays: 90,
  deployTargets: [
    { environment: "dev", roleArn: DEV_ROLE },
    { environment: "staging", roleArn: STAGING_ROLE },
    { environment: "prod", roleArn: PROD_ROLE },
  ],
  approvalTopic: { arn: `arn:aws:sns:us-east-1:${ACCOUNT}:voice-assistant-approvals`, kmsKeyArn: TOPIC_KEY },
};

let defaultText: string | undefined;

/** The pipeline of PROPS as Terraform JSON text, synthesized once for the file. */
function defaultSynth(): string {
  defaultText ??= synthScope((scope) => new DeliveryPipeline(scope, "delivery_pipeline", PROPS));
  return defaultText;
}

/** The pipeline of PROPS with `props`; each caller gets its own parsed copy. */
function synth(props: Partial<DeliveryPipelineProps> = {}): Record<string, any> {
  if (Object.keys(props).length === 0) return JSON.parse(defaultSynth());
  return JSON.parse(synthScope((scope) => new DeliveryPipeline(scope, "delivery_pipeline", { ...PROPS, ...props })));
}

function resources(json: Record<string, any>, type: string): Record<string, any>[] {
  return Object.values(json.resource?.[type] ?? {});
}

function pipelineOf(json: Record<string, any>): Record<string, any> {
  return resources(json, "aws_codepipeline")[0];
}

function projectNamed(json: Record<string, any>, name: string): Record<string, any> {
  const project = resources(json, "aws_codebuild_project").find((p) => p.name === name);
  if (!project) throw new Error(`no project ${name}`);
  return project;
}

/** The inline policy of the role a project (or the pipeline) runs as. */
function policyOfRole(json: Record<string, any>, roleReference: string): { Statement: Record<string, any>[] } {
  const roleAddress = /^\$\{aws_iam_role\.([^.]+)\.arn\}$/.exec(roleReference)![1];
  const policy = resources(json, "aws_iam_role_policy").find((p) => p.role === `\${aws_iam_role.${roleAddress}.id}`);
  return JSON.parse(policy!.policy);
}

const statement = (policy: { Statement: Record<string, any>[] }, sid: string) => policy.Statement.find((s) => s.Sid === sid);
const actionsOf = (policy: { Statement: Record<string, any>[] }) => policy.Statement.flatMap((s) => [s.Action].flat());

describe("DeliveryPipeline", () => {
  it("is a V2 pipeline whose artifact store names the CMK", () => {
    const text = defaultSynth();
    expect(text).toHaveResourceWithProperties(Codepipeline, {
      name: "voice-assistant",
      pipeline_type: "V2",
      artifact_store: [expect.objectContaining({ type: "S3", encryption_key: { id: ARTIFACT_KEY, type: "KMS" } })],
    });
  });

  it("runs Source, tests beside the scan, one build, then each target in order with approval before the last", () => {
    const pipeline = pipelineOf(synth());
    expect(pipeline.stage.map((s: any) => s.name)).toEqual(["Source", "Verify", "Build", "Deploy-dev", "Deploy-staging", "Deploy-prod"]);
    const verify = pipeline.stage[1].action;
    expect(verify.map((a: any) => [a.name, a.run_order])).toEqual([
      ["Test", 1],
      ["SecurityScan", 1],
    ]);
    expect(pipeline.stage[2].action[0].output_artifacts).toEqual(["build_output"]);
    const [dev, staging, prod] = pipeline.stage.slice(3).map((s: any) => s.action);
    expect(dev.map((a: any) => a.category)).toEqual(["Build"]);
    expect(staging.map((a: any) => a.category)).toEqual(["Build"]);
    expect(prod.map((a: any) => [a.category, a.run_order])).toEqual([
      ["Approval", 1],
      ["Build", 2],
    ]);
    expect(prod[0].configuration.NotificationArn).toBe(PROPS.approvalTopic!.arn);
    // Deploys take the source (scripts) as primary input and the build (packages) as secondary.
    expect(prod[1].input_artifacts).toEqual(["source_output", "build_output"]);
    expect(prod[1].configuration.PrimarySource).toBe("source_output");
  });

  it("gates any target that asks for approval, and none when the last opts out", () => {
    const pipeline = pipelineOf(
      synth({
        deployTargets: [
          { environment: "dev", roleArn: DEV_ROLE },
          { environment: "staging", roleArn: STAGING_ROLE, manualApproval: true },
          { environment: "prod", roleArn: PROD_ROLE, manualApproval: false },
        ],
      }),
    );
    const approvals = pipeline.stage.filter((s: any) => s.action.some((a: any) => a.category === "Approval")).map((s: any) => s.name);
    expect(approvals).toEqual(["Deploy-staging"]);
  });

  it("creates a GitHub connection (PENDING until the console handshake) and reads the branch through it", () => {
    const json = synth();
    const connection = resources(json, "aws_codestarconnections_connection");
    expect(connection).toEqual([expect.objectContaining({ name: "voice-assistant-github", provider_type: "GitHub" })]);
    const source = pipelineOf(json).stage[0].action[0];
    expect(source.provider).toBe("CodeStarSourceConnection");
    expect(source.configuration).toMatchObject({
      ConnectionArn: expect.stringMatching(/^\$\{aws_codestarconnections_connection\.\w+\.arn\}$/),
      FullRepositoryId: "acme/voice-assistant-ai",
      BranchName: "main",
      OutputArtifactFormat: "CODE_ZIP",
    });
  });

  it("uses an existing connection instead of creating one", () => {
    const arn = `arn:aws:codeconnections:us-east-1:${ACCOUNT}:connection/0f0e0d0c-0000-1111-2222-333344445555`;
    const json = synth({ connectionArn: arn });
    expect(resources(json, "aws_codestarconnections_connection")).toEqual([]);
    expect(pipelineOf(json).stage[0].action[0].configuration.ConnectionArn).toBe(arn);
  });

  it("gives the pipeline role only its bucket, key, builds, connection (both prefixes) and approval topic", () => {
    const json = synth();
    const policy = policyOfRole(json, pipelineOf(json).role_arn);
    const use = statement(policy, "UsesItsConnection")!;
    expect(use.Action).toEqual(["codestar-connections:UseConnection", "codeconnections:UseConnection"]);
    expect(use.Resource).toMatch(/^\$\{aws_codestarconnections_connection\.\w+\.arn\}$/);
    const builds = statement(policy, "RunsItsBuilds")!;
    expect(builds.Resource).toHaveLength(6);
    for (const resource of builds.Resource) expect(resource).toMatch(/^\$\{aws_codebuild_project\.\w+\.arn\}$/);
    expect(statement(policy, "NotifiesApprovers")!.Resource).toBe(PROPS.approvalTopic!.arn);
    expect(statement(policy, "EncryptsApprovalNotifications")!.Resource).toBe(TOPIC_KEY);
    expect(statement(policy, "UsesArtifactKey")!.Resource).toBe(ARTIFACT_KEY);
    expect(policy.Statement.flatMap((s) => [s.Resource].flat())).not.toContain("*");
    expect(actionsOf(policy)).not.toContain("sts:AssumeRole");
    expect(actionsOf(policy)).not.toContain("iam:PassRole");
  });

  it("lets each deploy project assume its own target's role and no other; other projects assume nothing", () => {
    const json = synth();
    const assumes = (name: string) =>
      policyOfRole(json, projectNamed(json, name).service_role)
        .Statement.filter((s) => [s.Action].flat().includes("sts:AssumeRole"))
        .map((s) => s.Resource);
    expect(assumes("voice-assistant-deploy-dev")).toEqual([DEV_ROLE]);
    expect(assumes("voice-assistant-deploy-staging")).toEqual([STAGING_ROLE]);
    expect(assumes("voice-assistant-deploy-prod")).toEqual([PROD_ROLE]);
    for (const name of ["voice-assistant-test", "voice-assistant-security-scan", "voice-assistant-build"]) expect(assumes(name)).toEqual([]);
    // Each project has a role of its own.
    const roles = resources(json, "aws_codebuild_project").map((p) => p.service_role);
    expect(new Set(roles).size).toBe(roles.length);
    // Only the build writes artifacts.
    const writers = resources(json, "aws_codebuild_project")
      .filter((p) => actionsOf(policyOfRole(json, p.service_role)).includes("s3:PutObject"))
      .map((p) => p.name);
    expect(writers).toEqual(["voice-assistant-build"]);
  });

  it("tells each deploy project its environment and role, and exposes the roles the targets must trust", () => {
    const json = synth();
    const dev = projectNamed(json, "voice-assistant-deploy-dev");
    expect(dev.environment.environment_variable).toEqual([
      { name: "DEPLOY_ENVIRONMENT", type: "PLAINTEXT", value: "dev" },
      { name: "DEPLOY_ROLE_ARN", type: "PLAINTEXT", value: DEV_ROLE },
    ]);
    expect(dev.source.buildspec).toBe("buildspecs/deploy.yml");
    expect(dev.build_timeout).toBe(60);
    let runners: Readonly<Record<string, string>> = {};
    synthScope((scope) => {
      runners = new DeliveryPipeline(scope, "delivery_pipeline", PROPS).deployRunnerRoleArns;
    });
    expect(Object.keys(runners)).toEqual(["dev", "staging", "prod"]);
    // The name each target's deploy role trusts is the name the runner role really gets.
    const roleName = (ref: string) => json.resource.aws_iam_role[/^\$\{aws_iam_role\.(\w+)\.arn\}$/.exec(ref)![1]].name;
    expect(roleName(dev.service_role)).toBe(deployRunnerRoleNameFor("voice-assistant", "dev"));
    expect(roleName(projectNamed(json, "voice-assistant-deploy-prod").service_role)).toBe("voice-assistant-deploy-prod-build");
  });

  it("encrypts every project's output with the CMK, logs to its own CMK group, pinned image, unprivileged", () => {
    const json = synth();
    const projects = resources(json, "aws_codebuild_project");
    expect(projects).toHaveLength(6);
    const groups = resources(json, "aws_cloudwatch_log_group");
    for (const project of projects) {
      expect(project.encryption_key).toBe(ARTIFACT_KEY);
      expect(project.environment).toMatchObject({ image: "aws/codebuild/standard:7.0", privileged_mode: false, type: "LINUX_CONTAINER" });
      const group = /^\$\{aws_cloudwatch_log_group\.(\w+)\.name\}$/.exec(project.logs_config.cloudwatch_logs.group_name)![1];
      expect(json.resource.aws_cloudwatch_log_group[group]).toMatchObject({ kms_key_id: LOG_KEY, retention_in_days: 90 });
    }
    expect(groups.map((g) => g.name)).toContain("/aws/codebuild/voice-assistant-test");
    const text = defaultSynth();
    expect(text).toHaveResourceWithProperties(CloudwatchLogGroup, { name: "/aws/codebuild/voice-assistant-build", kms_key_id: LOG_KEY });
  });

  it("runs privileged only for a declared container build, and tags it so", () => {
    const json = synth({ build: { containerBuild: true, image: "aws/codebuild/amazonlinux-aarch64-standard:3.0" } });
    const build = projectNamed(json, "voice-assistant-build");
    expect(build.environment).toMatchObject({ privileged_mode: true, type: "ARM_CONTAINER" });
    expect(build.tags[CONTAINER_BUILD_TAG]).toBe("true");
    expect(projectNamed(json, "voice-assistant-test").tags).not.toHaveProperty(CONTAINER_BUILD_TAG);
  });

  it("resolves secrets at build start and lets only that project read them", () => {
    const json = synth({
      securityScan: { secretVariables: { SNYK_TOKEN: { type: "PARAMETER_STORE", reference: "/voice-assistant/snyk-token" } } },
      test: { buildspec: "ci/test.yml", secretVariables: { NPM_TOKEN: { type: "SECRETS_MANAGER", reference: `${NPM_TOKEN}:token::` } } },
      secretsKmsKeyArn: ARTIFACT_KEY,
    });
    const test = projectNamed(json, "voice-assistant-test");
    expect(test.source.buildspec).toBe("ci/test.yml");
    expect(test.environment.environment_variable).toEqual([{ name: "NPM_TOKEN", type: "SECRETS_MANAGER", value: `${NPM_TOKEN}:token::` }]);
    const testPolicy = policyOfRole(json, test.service_role);
    expect(statement(testPolicy, "ReadsItsSecrets")!.Resource).toBe(NPM_TOKEN);
    expect(statement(testPolicy, "DecryptsItsSecretsThroughTheirService")!.Condition).toEqual({
      StringEquals: { "kms:ViaService": ["secretsmanager.us-east-1.amazonaws.com"] },
    });
    const scanPolicy = policyOfRole(json, projectNamed(json, "voice-assistant-security-scan").service_role);
    expect(statement(scanPolicy, "ReadsItsParameters")!.Resource).toBe(`arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/voice-assistant/snyk-token`);
    expect(statement(scanPolicy, "ReadsItsSecrets")).toBeUndefined();
    expect(statement(policyOfRole(json, projectNamed(json, "voice-assistant-build").service_role), "ReadsItsParameters")).toBeUndefined();
  });

  it("keeps artifacts in a SecureBucket encrypted with the CMK", () => {
    const json = synth();
    expect(resources(json, "aws_s3_bucket_server_side_encryption_configuration")[0].rule[0].apply_server_side_encryption_by_default).toEqual({
      sse_algorithm: "aws:kms",
      kms_master_key_id: ARTIFACT_KEY,
    });
    expect(resources(json, "aws_s3_bucket_public_access_block")).toHaveLength(1);
  });

  it("passes every guardrail", () => {
    const app = testApp();
    const stack = new TerraformStack(app, "pipeline");
    applyGuardrails(stack, { production: true });
    new DeliveryPipeline(stack, "delivery_pipeline", { ...PROPS, build: { containerBuild: true } });
    const findings = collectFindings(app).flatMap((report) => report.findings);
    expect(findings.map((f) => `${f.ruleId} ${f.address}: ${f.message}`)).toEqual([]);
  });

  it("uses the provider's resource types (imports stay per resource)", () => {
    const text = defaultSynth();
    expect(text).toHaveResource(CodestarconnectionsConnection);
    expect(text).toHaveResourceWithProperties(CodebuildProject, { name: "voice-assistant-security-scan" });
  });
});

describe("DeliveryPipeline validation", () => {
  const build = (props: Partial<DeliveryPipelineProps>) => () => synth(props);

  it.each<[string, Partial<DeliveryPipelineProps>, RegExp]>([
    ["no targets", { deployTargets: [] }, /deployTargets needs at least one environment/],
    [
      "a target twice",
      {
        deployTargets: [
          { environment: "dev", roleArn: DEV_ROLE },
          { environment: "dev", roleArn: STAGING_ROLE },
        ],
      },
      /lists environment "dev" twice/,
    ],
    [
      "a role that is not a role ARN",
      { deployTargets: [{ environment: "dev", roleArn: "arn:aws:iam::222222222222:user/ci" }] },
      /deployTargets\[dev\]\.roleArn/,
    ],
    ["a topic in another region", { approvalTopic: { arn: `arn:aws:sns:eu-west-1:${ACCOUNT}:approvals` } }, /approvalTopic\.arn is in eu-west-1/],
    ["a connection name over 32 characters", { namePrefix: "voice-assistant-blueprint-x" }, /connection name .* longer than 32/],
    [
      "a connection ARN of another service",
      { connectionArn: `arn:aws:codecommit:us-east-1:${ACCOUNT}:repo` },
      /connectionArn .* is not a codestar-connections or codeconnections/,
    ],
    ["a repository path as owner", { repository: { owner: "acme/x", name: "r", branch: "main" } }, /repository\.owner/],
    ["a plaintext token", { test: { variables: { NPM_TOKEN: "npm_abc" } } }, /BuildProject Test: variables\.NPM_TOKEN is named like a credential/],
    ["a key-shaped value", { build: { variables: { SENTRY: "sk-live0123456789abcdefghij" } } }, /variables\.SENTRY looks like a credential/],
    [
      "a secret by name instead of ARN",
      { build: { secretVariables: { TOKEN: { type: "SECRETS_MANAGER", reference: "npm-token" } } } },
      /secretVariables\.TOKEN\.reference must be a secret ARN/,
    ],
    [
      "an absolute buildspec path",
      { test: { buildspec: "/etc/buildspec.yml" } },
      /buildspec "\/etc\/buildspec\.yml" is neither inline YAML nor a relative path/,
    ],
    ["an inline buildspec without a version", { test: { buildspec: "phases:\n  build:\n    commands: [npm test]\n" } }, /no `version: 0\.2` line/],
    ["a timeout over CodeBuild's limit", { deploy: { timeoutMinutes: 3000 } }, /timeoutMinutes must be a whole number of minutes from 5 to 2160/],
    [
      "a reserved deploy variable",
      { deploy: { variables: { DEPLOY_ROLE_ARN: DEV_ROLE } } },
      /deploy\.variables\.DEPLOY_ROLE_ARN is set by the pipeline/,
    ],
    ["a CODEBUILD_ variable", { test: { variables: { CODEBUILD_X: "1" } } }, /variable name "CODEBUILD_X"/],
  ])("rejects %s", (_what, props, message) => {
    expect(build(props)).toThrow(message);
  });
});
