import { CodebuildProject } from "@cdktf/provider-aws/lib/codebuild-project";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { environmentCredential } from "../config/credentials";
import { EncryptedLogGroup } from "./encrypted-log-group";
import type { PolicyStatement } from "./iam-policy";
import { ServiceRole } from "./service-role";

/**
 * CodeBuild's curated images, pinned to a major version so a build does not change under us when AWS publishes the
 * next one (https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-available.html).
 */
export const BUILD_IMAGES = {
  "aws/codebuild/standard:7.0": "LINUX_CONTAINER",
  "aws/codebuild/amazonlinux-x86_64-standard:5.0": "LINUX_CONTAINER",
  "aws/codebuild/amazonlinux-aarch64-standard:3.0": "ARM_CONTAINER",
} as const;
export type BuildImage = keyof typeof BUILD_IMAGES;

export type BuildComputeType = "BUILD_GENERAL1_SMALL" | "BUILD_GENERAL1_MEDIUM" | "BUILD_GENERAL1_LARGE";

/** Tag that declares a project a container build, the only kind allowed privileged mode (guardrail VP-CB-3). */
export const CONTAINER_BUILD_TAG = "container-build";

/** A build variable whose value CodeBuild fetches at build start; the project's role may read exactly these. */
export interface SecretVariable {
  /** Where the value lives. */
  readonly type: "SECRETS_MANAGER" | "PARAMETER_STORE";
  /**
   * Secrets Manager: the secret's ARN, optionally followed by `:json-key:version-stage:version-id` as CodeBuild
   * accepts it. Parameter Store: the parameter name (`/voice-assistant/npm-token`).
   */
  readonly reference: string;
}

/** The configurable part of one build step: the obvious config shape. */
export interface BuildStepSettings {
  /**
   * Inline buildspec YAML (anything with a line break), or the path of a buildspec file in the repository.
   * @default - `buildspecs/<step>.yml` in the repository
   */
  readonly buildspec?: string;
  /**
   * Minutes before CodeBuild stops the build (5-2160).
   * @default 30
   */
  readonly timeoutMinutes?: number;
  /**
   * Build host size.
   * @default "BUILD_GENERAL1_SMALL"
   */
  readonly computeType?: BuildComputeType;
  /**
   * Curated image, pinned to a major version.
   * @default "aws/codebuild/standard:7.0"
   */
  readonly image?: BuildImage;
  /**
   * The build runs Docker (builds or pushes images), so it gets privileged mode and is tagged `container-build`.
   * Privileged mode gives the build root on its host: nothing else gets it.
   * @default false
   */
  readonly containerBuild?: boolean;
  /**
   * Plain environment variables; a name or value that looks like a credential is rejected (use `secretVariables`).
   * @default - none
   */
  readonly variables?: Readonly<Record<string, string>>;
  /**
   * Variables CodeBuild resolves from Secrets Manager or Parameter Store at build start.
   * @default - none
   */
  readonly secretVariables?: Readonly<Record<string, SecretVariable>>;
}

export interface BuildProjectProps extends BuildStepSettings {
  /** Project name (2-150 characters of A-Z a-z 0-9 - _); also names its role and log group. */
  readonly name: string;
  /** What the project does; shown in the console. */
  readonly description: string;
  readonly accountId: string;
  readonly region: string;
  /** Default buildspec path when `buildspec` is not given, e.g. `buildspecs/test.yml`. */
  readonly defaultBuildspec: string;
  /** The pipeline's artifact bucket and its CMK, which also encrypts the build's output. */
  readonly artifacts: {
    readonly bucketArn: string;
    readonly kmsKeyArn: string;
    /** The project produces an output artifact, so it may write objects. */
    readonly writes: boolean;
  };
  /** CMK and retention of the project's log group. */
  readonly logs: { readonly kmsKeyArn: string; readonly retentionDays: number };
  /**
   * The one role the build may assume (a deploy role in a target account).
   * @default - may assume no role
   */
  readonly assumeRoleArn?: string;
  /**
   * Let the build publish test and coverage reports (buildspec `reports:`) to report groups named `<project>-*`.
   * @default false
   */
  readonly testReports?: boolean;
  /**
   * CMK of the secrets and SecureString parameters in `secretVariables`, which the role may decrypt through those services.
   * @default - none (AWS-managed keys need no grant)
   */
  readonly secretsKmsKeyArn?: string;
}

const DEFAULT_TIMEOUT_MINUTES = 30;
const QUEUED_TIMEOUT_MINUTES = 60;

/**
 * A CodeBuild project for a CodePipeline action, with everything it owns: a role of its own that may write its log
 * group, read (and, when it produces output, write) the pipeline's artifacts and assume at most one named role; a
 * KMS-encrypted log group with retention; output encrypted with the pipeline's CMK; a pinned image; privileged mode
 * only for declared container builds; secrets only through Secrets Manager or Parameter Store.
 */
export class BuildProject extends Construct {
  readonly logGroup: EncryptedLogGroup;
  readonly role: ServiceRole;
  readonly project: CodebuildProject;

  constructor(scope: Construct, id: string, props: BuildProjectProps) {
    super(scope, id);
    validate(id, props);
    const image = props.image ?? "aws/codebuild/standard:7.0";
    const containerBuild = props.containerBuild ?? false;

    this.logGroup = new EncryptedLogGroup(this, "Logs", {
      name: `/aws/codebuild/${props.name}`,
      kmsKeyArn: props.logs.kmsKeyArn,
      retentionDays: props.logs.retentionDays,
    });

    this.role = new ServiceRole(this, "Role", {
      name: `${props.name}-build`,
      assumedBy: "codebuild.amazonaws.com",
      sourceAccount: props.accountId,
      statements: roleStatements(props, this.logGroup.arn),
    });

    const plain = Object.entries(props.variables ?? {}).map(([name, value]) => ({ name, value, type: "PLAINTEXT" }));
    const secret = Object.entries(props.secretVariables ?? {}).map(([name, v]) => ({ name, value: v.reference, type: v.type }));

    this.project = new CodebuildProject(this, "Resource", {
      name: props.name,
      description: props.description,
      serviceRole: this.role.arn,
      // Without it CodeBuild encrypts output with alias/aws/s3, which no role outside this account can use.
      encryptionKey: props.artifacts.kmsKeyArn,
      buildTimeout: props.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES,
      queuedTimeout: QUEUED_TIMEOUT_MINUTES,
      source: { type: "CODEPIPELINE", buildspec: props.buildspec ?? props.defaultBuildspec },
      artifacts: { type: "CODEPIPELINE" },
      environment: {
        type: BUILD_IMAGES[image],
        image,
        computeType: props.computeType ?? "BUILD_GENERAL1_SMALL",
        imagePullCredentialsType: "CODEBUILD",
        privilegedMode: containerBuild,
        environmentVariable: [...plain, ...secret],
      },
      logsConfig: {
        // Our group, not the one CodeBuild would create on its own: that one is unencrypted and never expires.
        cloudwatchLogs: { status: "ENABLED", groupName: this.logGroup.name },
        s3Logs: { status: "DISABLED" },
      },
      tags: { Name: props.name, ...(containerBuild ? { [CONTAINER_BUILD_TAG]: "true" } : {}) },
      // Builds fail on their first log line or artifact if the role's policy is not in place yet.
      dependsOn: this.role.policy ? [this.role.policy] : [],
    });
  }

  get arn(): string {
    return this.project.arn;
  }

  get name(): string {
    return this.project.name;
  }
}

function roleStatements(props: BuildProjectProps, logGroupArn: string): PolicyStatement[] {
  const { bucketArn, kmsKeyArn, writes } = props.artifacts;
  const statements: PolicyStatement[] = [
    { sid: "WritesItsLogGroup", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${logGroupArn}:*`] },
    {
      sid: writes ? "ReadsAndWritesPipelineArtifacts" : "ReadsPipelineArtifacts",
      actions: ["s3:GetObject", "s3:GetObjectVersion", ...(writes ? ["s3:PutObject"] : [])],
      resources: [`${bucketArn}/*`],
    },
    { sid: "LocatesArtifactBucket", actions: ["s3:GetBucketAcl", "s3:GetBucketLocation"], resources: [bucketArn] },
    {
      sid: "UsesArtifactKey",
      actions: ["kms:Decrypt", "kms:DescribeKey", ...(writes ? ["kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"] : [])],
      resources: [kmsKeyArn],
    },
  ];
  if (props.testReports) {
    statements.push({
      sid: "PublishesItsReports",
      actions: [
        "codebuild:CreateReportGroup",
        "codebuild:CreateReport",
        "codebuild:UpdateReport",
        "codebuild:BatchPutTestCases",
        "codebuild:BatchPutCodeCoverages",
      ],
      resources: [`arn:aws:codebuild:${props.region}:${props.accountId}:report-group/${props.name}-*`],
    });
  }
  if (props.assumeRoleArn) {
    statements.push({ sid: "AssumesItsDeployRole", actions: ["sts:AssumeRole"], resources: [props.assumeRoleArn] });
  }
  const variables = Object.values(props.secretVariables ?? {});
  const secrets = variables.filter((v) => v.type === "SECRETS_MANAGER").map((v) => secretArnOf(v.reference));
  const parameters = variables
    .filter((v) => v.type === "PARAMETER_STORE")
    .map((v) => `arn:aws:ssm:${props.region}:${props.accountId}:parameter/${v.reference.replace(/^\//, "")}`);
  if (secrets.length > 0) statements.push({ sid: "ReadsItsSecrets", actions: ["secretsmanager:GetSecretValue"], resources: unique(secrets) });
  if (parameters.length > 0) statements.push({ sid: "ReadsItsParameters", actions: ["ssm:GetParameters"], resources: unique(parameters) });
  if (props.secretsKmsKeyArn && variables.length > 0) {
    statements.push({
      sid: "DecryptsItsSecretsThroughTheirService",
      actions: ["kms:Decrypt"],
      resources: [props.secretsKmsKeyArn],
      conditions: {
        StringEquals: {
          "kms:ViaService": [
            ...(secrets.length > 0 ? [`secretsmanager.${props.region}.amazonaws.com`] : []),
            ...(parameters.length > 0 ? [`ssm.${props.region}.amazonaws.com`] : []),
          ],
        },
      },
    });
  }
  return statements;
}

/** `arn:aws:secretsmanager:<region>:<account>:secret:<name>` without CodeBuild's `:json-key:stage:version` suffix. */
function secretArnOf(reference: string): string {
  return reference.split(":").slice(0, 7).join(":");
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+(:[^:]*){0,3}$/;

function validate(id: string, props: BuildProjectProps): void {
  const fail = (message: string): never => {
    throw new Error(`BuildProject ${id}: ${message}`);
  };
  if (!Token.isUnresolved(props.name) && !/^[A-Za-z0-9][A-Za-z0-9_-]{1,149}$/.test(props.name)) {
    fail(`name "${props.name}" must be 2-150 characters of A-Z a-z 0-9 - _ starting with a letter or digit`);
  }
  const timeout = props.timeoutMinutes;
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 5 || timeout > 2160)) {
    fail(`timeoutMinutes must be a whole number of minutes from 5 to 2160, got ${timeout}`);
  }
  if (props.image !== undefined && !(props.image in BUILD_IMAGES)) {
    fail(`image "${props.image}" is not one of the pinned curated images (${Object.keys(BUILD_IMAGES).join(", ")})`);
  }
  const buildspec = props.buildspec;
  if (buildspec !== undefined && !buildspec.includes("\n") && !/^[^/].*\.ya?ml$/.test(buildspec)) {
    fail(`buildspec "${buildspec}" is neither inline YAML nor a relative path to a .yml/.yaml file in the repository`);
  }
  if (buildspec?.includes("\n") && !/^version:\s*0\.2\s*$/m.test(buildspec)) {
    fail("the inline buildspec has no `version: 0.2` line");
  }
  const names = [...Object.keys(props.variables ?? {}), ...Object.keys(props.secretVariables ?? {})];
  const badName = names.find((name) => !ENV_NAME.test(name) || name.startsWith("CODEBUILD_"));
  if (badName !== undefined) fail(`variable name "${badName}" must be A-Z a-z 0-9 _ and not start with CODEBUILD_ (reserved)`);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) fail(`variable "${twice}" is in both variables and secretVariables`);
  for (const [name, value] of Object.entries(props.variables ?? {})) {
    if (Token.isUnresolved(value)) continue;
    // The detector config validation and guardrail VP-CB-4 use, so a value accepted here is never rejected there.
    const found = environmentCredential(name, value);
    if (found) {
      fail(
        `variables.${name} ${found.by === "name" ? "is named like a credential" : "looks like a credential"}; move it to secretVariables (Secrets Manager or Parameter Store)`,
      );
    }
  }
  for (const [name, variable] of Object.entries(props.secretVariables ?? {})) {
    const ref = variable.reference;
    if (Token.isUnresolved(ref)) continue;
    if (variable.type === "SECRETS_MANAGER" && !SECRET_ARN.test(ref)) {
      fail(`secretVariables.${name}.reference must be a secret ARN (so the role can be scoped to it), got "${ref}"`);
    }
    if (variable.type === "PARAMETER_STORE" && !/^\/?[A-Za-z0-9_.\-/]{1,2048}$/.test(ref)) {
      fail(`secretVariables.${name}.reference must be a parameter name such as /voice-assistant/npm-token, got "${ref}"`);
    }
  }
}
