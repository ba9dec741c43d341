import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { BLUEPRINTS, parseEnvironmentConfig } from "../../config";
import { deployRunnerRoleNameFor } from "../../constructs/delivery-pipeline";
import { applyGuardrails, collectFindings } from "../../guardrails";
import { PipelineStack, type PipelineStackProps } from "../../stacks/pipeline-stack";
import { testApp } from "../support/test-app";

type Json = Record<string, any>;

const PIPELINE_KEY = "arn:aws:kms:us-east-1:733333333333:key/pipeline";
const LOGS_KEY = "arn:aws:kms:us-east-1:733333333333:key/logs";
const MESSAGING_KEY = "arn:aws:kms:us-east-1:733333333333:key/messaging";
const VOICE_ASSISTANT = BLUEPRINTS["voice-assistant"];
const TARGET_ROLES = {
  dev: "arn:aws:iam::711111111111:role/voice-assistant-deploy",
  staging: "arn:aws:iam::722222222222:role/voice-assistant-deploy",
  prod: "arn:aws:iam::733333333333:role/voice-assistant-deploy",
};

function rawProd(edit: (raw: any) => void = () => {}): any {
  const raw = structuredClone(VOICE_ASSISTANT.prod) as any;
  edit(raw);
  return raw;
}

function propsFor(raw: any, source = "voice-assistant prod"): PipelineStackProps {
  return { config: parseEnvironmentConfig(raw, source), pipelineKeyArn: PIPELINE_KEY, logsKeyArn: LOGS_KEY, messagingKeyArn: MESSAGING_KEY };
}

const resources = (json: Json, type: string): Json[] => Object.values(json.resource?.[type] ?? {});
const policyOf = (json: Json, roleAddress: string) =>
  JSON.parse(resources(json, "aws_iam_role_policy").find((p) => p.role === `\${aws_iam_role.${roleAddress}.id}`)!.policy);
const roleAddressOf = (reference: string) => /^\$\{aws_iam_role\.(\w+)\.arn\}$/.exec(reference)![1];

describe("prod pipeline stack", () => {
  const app = testApp();
  const stack = new PipelineStack(app, propsFor(rawProd()));
  applyGuardrails(stack, { production: true });
  const json = JSON.parse(Testing.synth(stack)) as Json;
  const findings = collectFindings(app).flatMap((report) => report.findings);
  const pipeline = resources(json, "aws_codepipeline")[0];

  it("is one V2 pipeline named for its home environment, releasing the configured branch", () => {
    expect(resources(json, "aws_codepipeline")).toHaveLength(1);
    expect(pipeline).toMatchObject({ name: "voice-assistant-prod", pipeline_type: "V2" });
    expect(pipeline.stage[0].action[0].configuration).toMatchObject({
      FullRepositoryId: "example-org/voice-assistant-ai",
      BranchName: "main",
      ConnectionArn: "${aws_codestarconnections_connection.delivery_connection.arn}",
    });
  });

  it("keeps artifacts in its own bucket and store on the pipeline key, for the configured retention", () => {
    const [bucket] = resources(json, "aws_s3_bucket");
    expect(bucket.bucket).toBe("voice-assistant-prod-pipeline-artifacts-733333333333");
    expect(pipeline.artifact_store).toEqual([expect.objectContaining({ type: "S3", encryption_key: { id: PIPELINE_KEY, type: "KMS" } })]);
    expect(resources(json, "aws_s3_bucket_server_side_encryption_configuration")[0].rule[0].apply_server_side_encryption_by_default).toEqual({
      sse_algorithm: "aws:kms",
      kms_master_key_id: PIPELINE_KEY,
    });
    expect(resources(json, "aws_s3_bucket_lifecycle_configuration")[0].rule[0].expiration).toEqual([{ days: 90 }]);
    for (const project of resources(json, "aws_codebuild_project")) expect(project.encryption_key).toBe(PIPELINE_KEY);
  });

  it("logs every build to a log group on the logs key with the configured retention", () => {
    const groups = resources(json, "aws_cloudwatch_log_group");
    expect(groups).toHaveLength(6);
    for (const group of groups) expect(group).toMatchObject({ kms_key_id: LOGS_KEY, retention_in_days: 90 });
  });

  it("deploys dev, staging, then prod after an approval that e-mails the release managers through the encrypted topic", () => {
    expect(pipeline.stage.map((s: Json) => s.name)).toEqual(["Source", "Verify", "Build", "Deploy-dev", "Deploy-staging", "Deploy-prod"]);
    const approvals = pipeline.stage.filter((s: Json) => s.action.some((a: Json) => a.category === "Approval"));
    expect(approvals.map((s: Json) => s.name)).toEqual(["Deploy-prod"]);
    expect(approvals[0].action[0].configuration.NotificationArn).toBe("${aws_sns_topic.approval_topic.arn}");
    const [topic] = resources(json, "aws_sns_topic");
    expect(topic).toMatchObject({ name: "voice-assistant-prod-release-approvals", kms_master_key_id: MESSAGING_KEY });
    expect(resources(json, "aws_sns_topic_subscription")).toEqual([
      expect.objectContaining({ protocol: "email", endpoint: "release-managers@example.com", topic_arn: "${aws_sns_topic.approval_topic.arn}" }),
    ]);
  });

  it("publishes approvals through the pipeline role's IAM grants, so the topic admits no service principal", () => {
    const statements = JSON.parse(resources(json, "aws_sns_topic_policy")[0].policy).Statement as Json[];
    expect(statements.filter((s) => s.Effect === "Allow").map((s) => s.Principal)).toEqual([{ AWS: "arn:aws:iam::733333333333:root" }]);
    const role = policyOf(json, roleAddressOf(pipeline.role_arn));
    const sid = (name: string) => role.Statement.find((s: Json) => s.Sid === name);
    expect(sid("NotifiesApprovers").Resource).toBe("${aws_sns_topic.approval_topic.arn}");
    expect(sid("EncryptsApprovalNotifications").Resource).toBe(MESSAGING_KEY);
  });

  it("lets each deploy project assume exactly its environment's configured role", () => {
    for (const [env, roleArn] of Object.entries(TARGET_ROLES)) {
      const project = resources(json, "aws_codebuild_project").find((p) => p.name === `voice-assistant-prod-deploy-${env}`)!;
      const assumed = policyOf(json, roleAddressOf(project.service_role))
        .Statement.filter((s: Json) => [s.Action].flat().includes("sts:AssumeRole"))
        .map((s: Json) => s.Resource);
      expect(assumed).toEqual([roleArn]);
    }
  });

  it("outputs the pending connection with what the operator must do, and the runner roles the targets must trust", () => {
    expect(json.output.connection_arn).toMatchObject({
      value: "${aws_codestarconnections_connection.delivery_connection.arn}",
      description: expect.stringMatching(/PENDING: before the first release, complete it in the console/),
    });
    const runners = json.output.deploy_runner_role_arns.value as Record<string, string>;
    expect(Object.keys(runners).sort()).toEqual(["dev", "prod", "staging"]);
    for (const [env, reference] of Object.entries(runners)) {
      expect(json.resource.aws_iam_role[roleAddressOf(reference)].name).toBe(deployRunnerRoleNameFor("voice-assistant-prod", env));
    }
    expect(Object.keys(stack.deployRunnerRoleArns)).toEqual(["dev", "staging", "prod"]);
  });

  it("has zero guardrail findings under the production rules", () => {
    expect(findings.map((f) => `${f.ruleId} ${f.address}: ${f.message}`)).toEqual([]);
  });
});

describe("PipelineStack placement", () => {
  it("is refused in an environment without a pipeline section (dev)", () => {
    expect(() => new PipelineStack(testApp(), propsFor(VOICE_ASSISTANT.dev, "voice-assistant dev"))).toThrow(
      /dev-pipeline: the config has no pipeline section/,
    );
  });

  const withPipeline = (environments: (typeof BLUEPRINTS)[string]) =>
    Object.entries(environments)
      .filter(([, raw]) => raw.pipeline !== undefined)
      .map(([env]) => env);

  it("voice-assistant defines its one pipeline in prod alone", () => {
    expect(withPipeline(VOICE_ASSISTANT)).toEqual(["prod"]);
  });

  it.each(Object.entries(BLUEPRINTS))("%s: at most one environment defines pipeline (one per blueprint)", (_name, environments) => {
    expect(withPipeline(environments).length).toBeLessThanOrEqual(1);
  });

  it.each(Object.entries(BLUEPRINTS))(
    "%s: every deploy target is an environment of the blueprint, by a role in its account",
    (_name, environments) => {
      const targets = Object.values(environments).flatMap((raw) => raw.pipeline?.deployTargets ?? []);
      for (const target of targets) {
        expect(Object.keys(environments)).toContain(target.environment);
        expect(target.roleArn.split(":")[4]).toBe(environments[target.environment].accountId);
      }
    },
  );
});

describe("pipeline config rules", () => {
  const targets = (edit: (list: any[]) => void) => (raw: any) => edit(raw.pipeline.deployTargets);
  it.each<[string, (raw: any) => void, RegExp]>([
    [
      "a target environment twice",
      targets((list) => list.push({ ...list[0] })),
      /pipeline\.deployTargets\.3\.environment: duplicates deploy target environment "dev"/,
    ],
    [
      "one role for two environments",
      targets((list) => (list[1].roleArn = list[0].roleArn)),
      /pipeline\.deployTargets\.1\.roleArn: duplicates the deploy role of another target/,
    ],
    [
      "its own environment deployed in another account",
      targets((list) => (list[2].roleArn = "arn:aws:iam::799999999999:role/voice-assistant-deploy")),
      /pipeline\.deployTargets\.2\.roleArn: is in account 799999999999, but environment prod \(this config\) is account 733333333333/,
    ],
    [
      "prod without a manual approval",
      targets((list) => (list[2].manualApproval = false)),
      /pipeline\.deployTargets\.2\.manualApproval: must be true for prod/,
    ],
    [
      "approvers no target asks",
      (raw) => {
        raw.pipeline.deployTargets = raw.pipeline.deployTargets.slice(0, 2);
      },
      /pipeline\.approvalEmails: are never notified: no deploy target has manualApproval/,
    ],
    [
      "an approver twice",
      (raw) => raw.pipeline.approvalEmails.push("Release-Managers@example.com"),
      /pipeline\.approvalEmails\.1: duplicates approval email "release-managers@example.com"/,
    ],
  ])("rejects %s, naming the field", (_case, edit, message) => {
    expect(() => parseEnvironmentConfig(rawProd(edit), "edited")).toThrow(message);
  });

  it("accepts the blueprint's pipeline as written", () => {
    expect(parseEnvironmentConfig(rawProd(), "voice-assistant prod").pipeline?.deployTargets.map((t) => t.manualApproval)).toEqual([
      false,
      false,
      true,
    ]);
  });
});
