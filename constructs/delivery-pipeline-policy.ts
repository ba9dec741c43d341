import type { PolicyStatement } from "./iam-policy";

/** The topic that tells approvers a release waits for them. */
export interface ApprovalTopic {
  /** Topic ARN, in the pipeline's region (CodePipeline rejects a topic in another region). */
  readonly arn: string;
  /**
   * CMK of the topic: publishing to an encrypted topic needs kms:GenerateDataKey* and kms:Decrypt on it.
   * @default - the topic is not encrypted with a CMK (no key grant)
   */
  readonly kmsKeyArn?: string;
}

/** What a DeliveryPipeline's service role works with. */
export interface PipelineRoleGrants {
  /** The artifact bucket. */
  readonly bucketArn: string;
  /** CMK of the artifact store. */
  readonly artifactKmsKeyArn: string;
  /** The source connection (codestar-connections or codeconnections ARN). */
  readonly connectionArn: string;
  /** Every CodeBuild project the pipeline starts. */
  readonly projectArns: readonly string[];
  /** Topic of the approval notifications, if any. */
  readonly approvalTopic?: ApprovalTopic;
}

/**
 * The least a CodePipeline V2 service role needs for a CodeStarSourceConnection source, CodeBuild actions and a
 * manual approval with notifications (https://docs.aws.amazon.com/codepipeline/latest/userguide/how-to-custom-role.html):
 * its own artifacts and key, its own builds, its own connection and its own topic. No iam:PassRole and no
 * sts:AssumeRole: the actions run as the projects' roles, not the pipeline's.
 */
export function pipelineRoleStatements(props: PipelineRoleGrants): PolicyStatement[] {
  const { bucketArn, connectionArn } = props;
  const statements: PolicyStatement[] = [
    {
      sid: "ReadsAndWritesArtifacts",
      actions: ["s3:GetObject", "s3:GetObjectVersion", "s3:PutObject", "s3:PutObjectAcl"],
      resources: [`${bucketArn}/*`],
    },
    { sid: "LocatesArtifactBucket", actions: ["s3:GetBucketVersioning", "s3:GetBucketAcl", "s3:GetBucketLocation"], resources: [bucketArn] },
    {
      sid: "UsesArtifactKey",
      actions: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
      resources: [props.artifactKmsKeyArn],
    },
    {
      sid: "RunsItsBuilds",
      actions: ["codebuild:StartBuild", "codebuild:BatchGetBuilds", "codebuild:StopBuild"],
      resources: [...props.projectArns],
    },
    {
      // Connections created since July 2024 have codeconnections ARNs, older ones codestar-connections ARNs, and a
      // policy's service prefix must match the resource's: the connection's ARN is known only after apply, so both.
      sid: "UsesItsConnection",
      actions: ["codestar-connections:UseConnection", "codeconnections:UseConnection"],
      resources: [connectionArn],
    },
  ];
  if (props.approvalTopic) {
    statements.push({ sid: "NotifiesApprovers", actions: ["sns:Publish"], resources: [props.approvalTopic.arn] });
    if (props.approvalTopic.kmsKeyArn) {
      statements.push({
        sid: "EncryptsApprovalNotifications",
        actions: ["kms:GenerateDataKey*", "kms:Decrypt"],
        resources: [props.approvalTopic.kmsKeyArn],
      });
    }
  }
  return statements;
}
