import { Codepipeline, type CodepipelineStage } from "@cdktf/provider-aws/lib/codepipeline";
import { CodestarconnectionsConnection } from "@cdktf/provider-aws/lib/codestarconnections-connection";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { BuildProject, type BuildProjectProps, type BuildStepSettings } from "./build-project";
import { type ApprovalTopic, pipelineRoleStatements } from "./delivery-pipeline-policy";
import { SecureBucket } from "./secure-bucket";

export type { ApprovalTopic } from "./delivery-pipeline-policy";
import { ServiceRole } from "./service-role";

/** The GitHub repository and branch the pipeline releases. */
export interface PipelineRepository {
  /** GitHub user or organization. */
  readonly owner: string;
  /** Repository name. */
  readonly name: string;
  /** Branch whose pushes start the pipeline. */
  readonly branch: string;
}

/** An environment the pipeline deploys to, in order. */
export interface DeployTarget {
  /** Environment name (`dev`, `staging`, `prod`): names the stage and the deploy project. */
  readonly environment: string;
  /**
   * Role in the environment's account that the deploy project assumes to deploy; its trust policy must name the
   * project's role (`DeliveryPipeline.deployRunnerRoleArns[environment]`).
   */
  readonly roleArn: string;
  /**
   * A person approves before this deployment starts.
   * @default - true for the last target, false for the others
   */
  readonly manualApproval?: boolean;
}

export interface DeliveryPipelineProps {
  /** `<project>-<blueprint>`: prefix of the pipeline, projects, roles and log groups. */
  readonly namePrefix: string;
  /** The pipeline account. */
  readonly accountId: string;
  readonly region: string;
  readonly repository: PipelineRepository;
  /**
   * ARN of a connection that is already AVAILABLE (handshake done), instead of creating one.
   * @default - a new connection, PENDING until someone completes the GitHub handshake in the console
   */
  readonly connectionArn?: string;
  /** Globally unique name of the artifact bucket. */
  readonly artifactBucketName: string;
  /** CMK of the artifact bucket, the pipeline's artifact store and every build's output. */
  readonly artifactKmsKeyArn: string;
  /**
   * Days after which an artifact version is deleted.
   * @default 90
   */
  readonly artifactRetentionDays?: number;
  /** CMK of the build log groups; its key policy lets logs.<region>.amazonaws.com use it. */
  readonly logKmsKeyArn: string;
  /** Days the build logs are kept; one of the values CloudWatch accepts (validated in config). */
  readonly logRetentionDays: number;
  /** Environments in deployment order, e.g. dev, staging, prod; at least one. */
  readonly deployTargets: readonly DeployTarget[];
  /**
   * Topic that notifies approvers.
   * @default - no notification; approvers watch the console
   */
  readonly approvalTopic?: ApprovalTopic;
  /**
   * Unit tests and lint.
   * @default - `buildspecs/test.yml` from the repository
   */
  readonly test?: BuildStepSettings;
  /**
   * Dependency audit and static analysis, run beside `test`.
   * @default - `buildspecs/security-scan.yml` from the repository
   */
  readonly securityScan?: BuildStepSettings;
  /**
   * Builds and packages the function zips and the frontend into the build artifact.
   * @default - `buildspecs/build.yml` from the repository
   */
  readonly build?: BuildStepSettings;
  /**
   * One deploy project per target runs this with DEPLOY_ENVIRONMENT and DEPLOY_ROLE_ARN set; the source is the primary
   * input and the build output the secondary one (`$CODEBUILD_SRC_DIR_build_output`).
   * @default - `buildspecs/deploy.yml` from the repository, 60 minute timeout
   */
  readonly deploy?: BuildStepSettings;
  /**
   * CMK of the secrets and SecureString parameters the steps' `secretVariables` name.
   * @default - none
   */
  readonly secretsKmsKeyArn?: string;
}

/** Name of the artifact the source stage outputs: the repository at the commit being released. */
export const SOURCE_ARTIFACT = "source_output";
const BUILD_ARTIFACT = "build_output";
const DEFAULT_ARTIFACT_RETENTION_DAYS = 90;
const DEFAULT_DEPLOY_TIMEOUT_MINUTES = 60;
const CONNECTION_NAME_MAX = 32;

/**
 * The blueprint's release pipeline, one per blueprint in the pipeline account (not one per environment): a
 * CodePipeline V2 that takes pushes of one GitHub branch through a CodeStar (CodeConnections) connection, runs tests
 * and lint beside a security scan, builds the function zips and the frontend once, and deploys that one build to each
 * target in order, with a manual approval before production.
 *
 * Every deploy is a CodeBuild project whose role may assume exactly one role, the target environment's deploy role
 * (`deployTargets[].roleArn`); no project has deploy rights in the pipeline account. Artifacts are kept in a
 * SecureBucket and encrypted with the given CMK, which the pipeline's artifact store names explicitly: otherwise
 * CodePipeline uses the AWS-managed aws/s3 key, which no other account can be granted.
 *
 * Before the first run: a connection this construct creates starts PENDING, and neither Terraform nor the API can
 * complete it. Someone allowed to complete connections in the console (AWS's "policy for creating connections with
 * the console") opens Developer Tools > Settings > Connections, chooses "Update pending connection" and installs or
 * picks the AWS Connector for GitHub app on the repository's owner; the connection turns AVAILABLE. Until then the
 * Source action fails. Recreating the connection (a new name, a destroyed stack) makes it PENDING again, so pass
 * `connectionArn` to keep one across rebuilds.
 */
export class DeliveryPipeline extends Construct {
  readonly artifacts: SecureBucket;
  /** The connection created here; undefined when `connectionArn` was given. */
  readonly connection?: CodestarconnectionsConnection;
  readonly connectionArn: string;
  readonly role: ServiceRole;
  readonly pipeline: Codepipeline;
  /** The CodeBuild projects by step: `test`, `security-scan`, `build`, `deploy-<environment>`. */
  readonly projects: Readonly<Record<string, BuildProject>>;
  /** Role of each environment's deploy project, which that environment's deploy role must trust. */
  readonly deployRunnerRoleArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: DeliveryPipelineProps) {
    super(scope, id);
    validate(id, props);
    const { namePrefix, accountId, region, repository } = props;

    this.artifacts = new SecureBucket(this, "Artifacts", {
      bucketName: props.artifactBucketName,
      kmsKeyArn: props.artifactKmsKeyArn,
      lifecycleRules: [
        {
          id: "expire-old-artifacts",
          expirationDays: props.artifactRetentionDays ?? DEFAULT_ARTIFACT_RETENTION_DAYS,
          noncurrentExpirationDays: 1,
        },
      ],
    });

    if (props.connectionArn === undefined) {
      this.connection = new CodestarconnectionsConnection(this, "Connection", {
        name: connectionNameFor(namePrefix),
        providerType: "GitHub",
        tags: { Name: connectionNameFor(namePrefix) },
      });
    }
    this.connectionArn = props.connectionArn ?? this.connection!.arn;

    const common = {
      accountId,
      region,
      artifacts: { bucketArn: this.artifacts.bucketArn, kmsKeyArn: props.artifactKmsKeyArn, writes: false },
      logs: { kmsKeyArn: props.logKmsKeyArn, retentionDays: props.logRetentionDays },
      secretsKmsKeyArn: props.secretsKmsKeyArn,
    };
    const project = (step: string, description: string, settings: BuildStepSettings | undefined, extra: Partial<BuildProjectProps> = {}) =>
      new BuildProject(this, pascal(step), {
        ...common,
        ...settings,
        name: `${namePrefix}-${step}`,
        description,
        defaultBuildspec: `buildspecs/${step.replace(/^deploy-.*/, "deploy")}.yml`,
        ...extra,
      });
    const test = project("test", "Unit tests and lint", props.test, { testReports: true });
    const scan = project("security-scan", "Dependency audit and static analysis", props.securityScan, { testReports: true });
    const build = project("build", "Builds and packages the function zips and the frontend", props.build, {
      artifacts: { ...common.artifacts, writes: true },
    });
    const deploys = props.deployTargets.map((target) =>
      project(
        `deploy-${target.environment}`,
        `Deploys the build to ${target.environment} as ${target.roleArn}`,
        {
          ...props.deploy,
          timeoutMinutes: props.deploy?.timeoutMinutes ?? DEFAULT_DEPLOY_TIMEOUT_MINUTES,
          variables: { ...props.deploy?.variables, DEPLOY_ENVIRONMENT: target.environment, DEPLOY_ROLE_ARN: target.roleArn },
        },
        { assumeRoleArn: target.roleArn },
      ),
    );
    const all = [test, scan, build, ...deploys];
    this.projects = {
      test,
      "security-scan": scan,
      build,
      ...Object.fromEntries(props.deployTargets.map((t, i) => [`deploy-${t.environment}`, deploys[i]])),
    };
    this.deployRunnerRoleArns = Object.fromEntries(props.deployTargets.map((t, i) => [t.environment, deploys[i].role.arn]));

    this.role = new ServiceRole(this, "Role", {
      name: `${namePrefix}-pipeline`,
      assumedBy: "codepipeline.amazonaws.com",
      sourceAccount: accountId,
      statements: pipelineRoleStatements({
        bucketArn: this.artifacts.bucketArn,
        artifactKmsKeyArn: props.artifactKmsKeyArn,
        connectionArn: this.connectionArn,
        projectArns: all.map((p) => p.arn),
        approvalTopic: props.approvalTopic,
      }),
    });

    const codeBuild = (name: string, target: BuildProject, inputs: string[], outputs: string[] = [], runOrder = 1) => ({
      name,
      category: "Build",
      owner: "AWS",
      provider: "CodeBuild",
      version: "1",
      runOrder,
      inputArtifacts: inputs,
      ...(outputs.length > 0 ? { outputArtifacts: outputs } : {}),
      configuration: { ProjectName: target.name, ...(inputs.length > 1 ? { PrimarySource: inputs[0] } : {}) },
    });
    const lastIndex = props.deployTargets.length - 1;
    const stages: CodepipelineStage[] = [
      sourceStage(this.connectionArn, repository),
      // Same run order, so the tests and the scan run side by side.
      { name: "Verify", action: [codeBuild("Test", test, [SOURCE_ARTIFACT]), codeBuild("SecurityScan", scan, [SOURCE_ARTIFACT])] },
      { name: "Build", action: [codeBuild("Build", build, [SOURCE_ARTIFACT], [BUILD_ARTIFACT])] },
      ...props.deployTargets.map((target, i) => {
        const approval = target.manualApproval ?? i === lastIndex;
        return {
          name: `Deploy-${target.environment}`,
          action: [
            ...(approval
              ? [
                  {
                    name: "Approve",
                    category: "Approval",
                    owner: "AWS",
                    provider: "Manual",
                    version: "1",
                    runOrder: 1,
                    configuration: {
                      CustomData: `Release ${repository.owner}/${repository.name}@${repository.branch} to ${target.environment}?`,
                      ...(props.approvalTopic ? { NotificationArn: props.approvalTopic.arn } : {}),
                    },
                  },
                ]
              : []),
            codeBuild("Deploy", deploys[i], [SOURCE_ARTIFACT, BUILD_ARTIFACT], [], approval ? 2 : 1),
          ],
        };
      }),
    ];

    this.pipeline = new Codepipeline(this, "Resource", {
      name: namePrefix,
      pipelineType: "V2",
      // A newer commit replaces one still waiting (e.g. at the approval): production gets the latest reviewed build.
      executionMode: "SUPERSEDED",
      roleArn: this.role.arn,
      artifactStore: [{ type: "S3", location: this.artifacts.bucketName, encryptionKey: { id: props.artifactKmsKeyArn, type: "KMS" } }],
      stage: stages,
      tags: { Name: namePrefix },
      dependsOn: this.role.policy ? [this.role.policy] : [],
    });
  }

  get arn(): string {
    return this.pipeline.arn;
  }
}

/**
 * Name of the role an environment's deploy project runs as, in the pipeline account: known before the pipeline
 * exists, so each environment's deploy role can trust `arn:aws:iam::<pipeline account>:role/<this>` without a
 * cross-account reference.
 */
export function deployRunnerRoleNameFor(namePrefix: string, environment: string): string {
  return `${namePrefix}-deploy-${environment}-build`;
}

/** Name of the connection a pipeline creates (1-32 characters). */
export function connectionNameFor(namePrefix: string): string {
  return `${namePrefix}-github`;
}

function pascal(step: string): string {
  return step.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function validate(id: string, props: DeliveryPipelineProps): void {
  const fail = (message: string): never => {
    throw new Error(`DeliveryPipeline ${id}: ${message}`);
  };
  const { namePrefix, repository, deployTargets } = props;
  if (!Token.isUnresolved(namePrefix) && !/^[a-z0-9][a-z0-9-]{1,60}$/.test(namePrefix)) {
    fail(`namePrefix "${namePrefix}" must be 2-61 characters of a-z 0-9 -`);
  }
  if (props.connectionArn === undefined && connectionNameFor(namePrefix).length > CONNECTION_NAME_MAX) {
    fail(`namePrefix "${namePrefix}" makes the connection name "${connectionNameFor(namePrefix)}" longer than 32 characters; shorten it`);
  }
  if (props.connectionArn !== undefined && !Token.isUnresolved(props.connectionArn)) {
    if (!/^arn:aws[a-z-]*:(codestar-connections|codeconnections):[a-z0-9-]+:\d{12}:connection\/[0-9a-f-]+$/.test(props.connectionArn)) {
      fail(`connectionArn "${props.connectionArn}" is not a codestar-connections or codeconnections connection ARN`);
    }
  }
  if (!/^[A-Za-z0-9-]{1,39}$/.test(repository.owner)) fail(`repository.owner "${repository.owner}" is not a GitHub user or organization name`);
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(repository.name)) fail(`repository.name "${repository.name}" is not a GitHub repository name`);
  if (repository.branch === "" || /\s|\.\.|^\/|\/$/.test(repository.branch)) fail(`repository.branch "${repository.branch}" is not a branch name`);
  if (deployTargets.length === 0) fail("deployTargets needs at least one environment");
  const seen = new Set<string>();
  for (const target of deployTargets) {
    if (!/^[a-z0-9][a-z0-9-]{0,19}$/.test(target.environment)) {
      fail(`deployTargets environment "${target.environment}" must be 1-20 characters of a-z 0-9 -`);
    }
    if (seen.has(target.environment)) fail(`deployTargets lists environment "${target.environment}" twice`);
    seen.add(target.environment);
    if (!Token.isUnresolved(target.roleArn) && !/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(target.roleArn)) {
      fail(`deployTargets[${target.environment}].roleArn "${target.roleArn}" is not an IAM role ARN`);
    }
  }
  const days = props.artifactRetentionDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1)) fail(`artifactRetentionDays must be a whole number >= 1, got ${days}`);
  if (props.approvalTopic && !Token.isUnresolved(props.approvalTopic.arn)) {
    const region = /^arn:aws[a-z-]*:sns:([a-z0-9-]+):\d{12}:[\w-]+$/.exec(props.approvalTopic.arn)?.[1];
    if (region === undefined) fail(`approvalTopic.arn "${props.approvalTopic.arn}" is not an SNS topic ARN`);
    if (!Token.isUnresolved(props.region) && region !== props.region) {
      fail(`approvalTopic.arn is in ${region}, but CodePipeline only notifies through a topic in the pipeline's region (${props.region})`);
    }
  }
  const reserved = ["DEPLOY_ENVIRONMENT", "DEPLOY_ROLE_ARN"].find((name) => name in (props.deploy?.variables ?? {}));
  if (reserved) fail(`deploy.variables.${reserved} is set by the pipeline per target`);
}

/** The first stage of a pipeline: the branch's head from GitHub through the CodeStar connection, as a zip. */
export function sourceStage(connectionArn: string, repository: PipelineRepository): CodepipelineStage {
  return {
    name: "Source",
    action: [
      {
        name: "Source",
        category: "Source",
        owner: "AWS",
        provider: "CodeStarSourceConnection",
        version: "1",
        outputArtifacts: [SOURCE_ARTIFACT],
        configuration: {
          ConnectionArn: connectionArn,
          FullRepositoryId: `${repository.owner}/${repository.name}`,
          BranchName: repository.branch,
          // A zip in the artifact bucket: CODEBUILD_CLONE_REF would need UseConnection on every build role too.
          OutputArtifactFormat: "CODE_ZIP",
          DetectChanges: "true",
        },
      },
    ],
  };
}
