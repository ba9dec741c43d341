import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { EnvironmentConfig } from "../config";
import { isZipFunction } from "../config/sections/functions";
import { bucketNameFor } from "../config/sections/storage";
import type { BuildImage } from "../constructs/build-project";
import { DeliveryPipeline } from "../constructs/delivery-pipeline";
import { EncryptedTopic } from "../constructs/encrypted-topic";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface PipelineStackProps extends Omit<PlatformStackProps, "component"> {
  /** CMK of the artifact bucket, the pipeline's artifact store and every build's output (secrets-kms `pipeline` key). */
  readonly pipelineKeyArn: string;
  /** CMK of the build log groups (secrets-kms `logs` key, whose policy lets CloudWatch Logs use it). */
  readonly logsKeyArn: string;
  /** CMK of the approval topic (secrets-kms `messaging` key). */
  readonly messagingKeyArn: string;
}

/**
 * Seed 002's release pipeline (`DeliveryPipeline`): GitHub through a CodeStar connection, tests beside a security
 * scan, one build, then each `pipeline.deployTargets` environment in order by assuming that environment's deploy
 * role, with a manual approval where config asks for one; approvers hear of it by e-mail through an encrypted topic.
 * One per blueprint, in the environment whose config has `pipeline` (prod's account, the most guarded one); only
 * synthesized there.
 *
 * Two things happen outside Terraform before the first release: someone completes the pending GitHub connection in
 * the console (output `connection_arn`), and each target account's deploy role trusts its runner role (output
 * `deploy_runner_role_arns`).
 */
export class PipelineStack extends PlatformStack {
  readonly pipelineName: string;
  /** The GitHub connection; PENDING until someone completes the handshake in the console. */
  readonly connectionArn: string;
  /** ARN of the approval topic. */
  readonly approvalTopicArn: string;
  /** Role each environment's deploy project runs as, by environment: what that environment's deploy role must trust. */
  readonly deployRunnerRoleArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, props: PipelineStackProps) {
    super(scope, { ...props, component: "pipeline" });
    const pipeline = this.section("pipeline");
    const { accountId, region } = this.config;

    // CodePipeline publishes as its service role, which DeliveryPipeline grants sns:Publish on the topic and
    // kms:GenerateDataKey*/Decrypt on this key: IAM permissions of this account, which the topic's policy
    // (AccountManagesTopic) and the key's (AccountAdministersKeyThroughIam) admit. No service-principal grant is needed.
    const approvals = new EncryptedTopic(this, "approval_topic", {
      name: `${this.namePrefix}-release-approvals`,
      kmsKeyArn: props.messagingKeyArn,
      accountId,
      emailSubscriptions: pipeline.approvalEmails,
    });
    this.approvalTopicArn = approvals.arn;

    const delivery = new DeliveryPipeline(this, "delivery", {
      namePrefix: this.namePrefix,
      accountId,
      region,
      repository: pipeline.repository,
      artifactBucketName: bucketNameFor(this.config, "pipeline-artifacts"),
      artifactKmsKeyArn: props.pipelineKeyArn,
      artifactRetentionDays: pipeline.artifactRetentionDays,
      logKmsKeyArn: props.logsKeyArn,
      logRetentionDays: pipeline.logRetentionDays,
      deployTargets: pipeline.deployTargets,
      approvalTopic: { arn: approvals.arn, kmsKeyArn: props.messagingKeyArn },
      // Packages with native code (pydantic-core, cryptography) built on x86 fail to import on Graviton at the first
      // invoke: the build runs on the functions' architecture (one per blueprint, config/rules/pipeline.ts).
      build: { image: buildImageFor(this.config) },
    });
    this.pipelineName = delivery.pipeline.name;
    this.connectionArn = delivery.connectionArn;
    this.deployRunnerRoleArns = delivery.deployRunnerRoleArns;

    new TerraformOutput(this, "connection_arn", {
      value: delivery.connectionArn,
      description:
        "GitHub connection of the pipeline, created PENDING: before the first release, complete it in the console (Developer Tools > Settings > Connections > Update pending connection, install the AWS Connector for GitHub app on the repository's owner); until then the Source action fails",
    });
    new TerraformOutput(this, "deploy_runner_role_arns", {
      value: delivery.deployRunnerRoleArns,
      description:
        "Role of each environment's deploy project, by environment: that environment's deploy role (pipeline.deployTargets[].roleArn) must trust it for sts:AssumeRole",
    });
  }
}

/** The pinned CodeBuild image of the zip functions' architecture. */
function buildImageFor(config: EnvironmentConfig): BuildImage {
  const arm = (config.functions ?? []).filter(isZipFunction).some((fn) => fn.architecture === "arm64");
  return arm ? "aws/codebuild/amazonlinux-aarch64-standard:3.0" : "aws/codebuild/standard:7.0";
}
