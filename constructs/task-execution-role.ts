import type { Construct } from "constructs";
import type { PolicyStatement } from "./iam-policy";
import { ServiceRole } from "./service-role";

const ECR_PULL_ACTIONS = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"];

export interface TaskExecutionRoleProps {
  /** Role name (max 64 characters). */
  readonly name: string;
  /** Account id the trust policy pins with `aws:SourceAccount`. */
  readonly accountId: string;
  /** Region, for the Secrets Manager condition on decrypts. */
  readonly region: string;
  /** The one ECR repository the task pulls from. */
  readonly repositoryArn: string;
  /** The one log group the awslogs driver writes to. */
  readonly logGroupArn: string;
  /** Secrets ECS injects at task start; empty for none. */
  readonly secretArns: readonly string[];
  /** CMKs of those secrets, usable only through Secrets Manager. */
  readonly secretsKeyArns: readonly string[];
  /**
   * Repositories of a pull through cache the task pulls sidecar images from (constructs/public-image-cache.ts).
   * @default - none
   */
  readonly cachedRepositoryArns?: readonly string[];
}

/** Reading the given secrets, and decrypting them only through Secrets Manager; nothing for no secrets. */
export function readSecretsStatements(secretArns: readonly string[], secretsKeyArns: readonly string[], region: string): PolicyStatement[] {
  if (secretArns.length === 0) return [];
  return [
    { sid: "ReadReferencedSecrets", actions: ["secretsmanager:GetSecretValue"], resources: [...secretArns] },
    {
      sid: "DecryptSecretsThroughSecretsManager",
      actions: ["kms:Decrypt"],
      resources: [...secretsKeyArns],
      conditions: { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } },
    },
  ];
}

/** What ECS needs to start a Fargate task: its image, its log stream and its secrets, each scoped to the task's own. */
export class TaskExecutionRole extends ServiceRole {
  constructor(scope: Construct, id: string, props: TaskExecutionRoleProps) {
    super(scope, id, {
      name: props.name,
      assumedBy: "ecs-tasks.amazonaws.com",
      sourceAccount: props.accountId,
      statements: [
        // GetAuthorizationToken is account-wide; AWS offers no resource to scope it to.
        { sid: "EcrLogin", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
        { sid: "PullOwnImages", actions: ECR_PULL_ACTIONS, resources: [props.repositoryArn] },
        ...(props.cachedRepositoryArns?.length
          ? [
              {
                // The first pull of an image creates its cached repository and imports the image from upstream.
                sid: "PullCachedImages",
                actions: [...ECR_PULL_ACTIONS, "ecr:BatchImportUpstreamImage", "ecr:CreateRepository"],
                resources: [...props.cachedRepositoryArns],
              },
            ]
          : []),
        { sid: "WriteOwnLogs", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${props.logGroupArn}:log-stream:*`] },
        ...readSecretsStatements(props.secretArns, props.secretsKeyArns, props.region),
      ],
    });
  }
}
