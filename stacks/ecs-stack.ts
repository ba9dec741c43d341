import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { TerraformOutput, Token } from "cdktf";
import { Construct } from "constructs";
import { RDS_MASTER_SECRET, ServiceConfig } from "../config/sections/services";
import { EncryptedLogGroup } from "../constructs/encrypted-log-group";
import { FargateService } from "../constructs/fargate-service";
import { PlatformStack, PlatformStackProps } from "./platform-stack";

export interface EcsStackProps extends Omit<PlatformStackProps, "component"> {
  /** Private subnets (vpc stack) the tasks run in. */
  readonly privateSubnetIds: readonly string[];
  /** Security group of the tasks (vpc stack): app ports from the ALB, out to RDS, Redis and HTTPS. */
  readonly ecsSecurityGroupId: string;
  /** Target group of each configured service (edge stack), by service name. */
  readonly targetGroupArns: Readonly<Record<string, string>>;
  /** `targetgroup/...` suffix of each target group (edge stack), by service name. */
  readonly targetGroupArnSuffixes: Readonly<Record<string, string>>;
  /** `app/...` suffix of the ALB (edge stack). */
  readonly albArnSuffix: string;
  /** Secrets Manager secrets of secrets-kms by short name (`deepgram-api-key`, `redis-url`, ...). */
  readonly secretArns: Readonly<Record<string, string>>;
  /** RDS-managed master user secret (rds stack), referenced in config as `rds-master`. */
  readonly databaseSecretArn: string;
  /** CMKs that encrypt the referenced secrets. */
  readonly secretsKeyArns: readonly string[];
  /** CMK of the ECR repositories and ECS Exec sessions. */
  readonly containersKeyArn: string;
  /** CMK of the log groups. */
  readonly logsKeyArn: string;
  /** PostgreSQL endpoint host (rds stack). */
  readonly databaseHost: string;
  /** PostgreSQL port (rds stack). */
  readonly databasePort: number;
  /** Database name (rds stack). */
  readonly databaseName: string;
  /** Recordings bucket (storage stack). */
  readonly recordingsBucketArn: string;
  readonly recordingsBucketName: string;
  /** CMK of the recordings bucket. */
  readonly recordingsKeyArn: string;
}

/**
 * Compute: one Fargate cluster and, for every configured service, its repository, log group, roles, task
 * definition, service behind its edge target group, and autoscaling.
 */
export class EcsStack extends PlatformStack {
  readonly clusterName: string;
  readonly clusterArn: string;
  /** ECS service name of each configured service. */
  readonly serviceNames: Readonly<Record<string, string>>;
  /** ECR repository URL of each configured service: where CI pushes images. */
  readonly repositoryUrls: Readonly<Record<string, string>>;
  /** Task role ARN of each configured service (for resource policies elsewhere). */
  readonly taskRoleArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: EcsStackProps) {
    super(scope, id, { ...props, component: "ecs" });
    const { config } = this;
    const missing = config.services.map((s) => s.name).filter((name) => !(name in props.targetGroupArns) || !(name in props.targetGroupArnSuffixes));
    if (missing.length > 0) {
      throw new Error(`${id}: targetGroupArns/targetGroupArnSuffixes have no entry for service(s) ${missing.join(", ")}`);
    }

    // Configured on the cluster even where no service enables exec, so turning it on later is logged from the start.
    const execLogs = new EncryptedLogGroup(this, "exec_logs", {
      name: `/ecs/${this.namePrefix}/exec`,
      kmsKeyArn: props.logsKeyArn,
      retentionDays: config.ecs.logRetentionDays,
    });
    const cluster = new EcsCluster(this, "cluster", {
      name: this.namePrefix,
      setting: [{ name: "containerInsights", value: config.ecs.containerInsights }],
      configuration: {
        executeCommandConfiguration: {
          kmsKeyId: props.containersKeyArn,
          logging: "OVERRIDE",
          logConfiguration: { cloudWatchLogGroupName: execLogs.name, cloudWatchEncryptionEnabled: true },
        },
      },
      tags: this.nameTags("cluster"),
    });
    this.clusterName = cluster.name;
    this.clusterArn = cluster.arn;

    const secretArns = { ...props.secretArns, [RDS_MASTER_SECRET]: props.databaseSecretArn };
    const serviceNames: Record<string, string> = {};
    const repositoryUrls: Record<string, string> = {};
    const taskRoleArns: Record<string, string> = {};
    for (const service of config.services) {
      const fargate = new FargateService(this, service.name, {
        service,
        namePrefix: this.namePrefix,
        region: config.region,
        accountId: config.accountId,
        clusterArn: cluster.arn,
        clusterName: cluster.name,
        subnetIds: props.privateSubnetIds,
        securityGroupIds: [props.ecsSecurityGroupId],
        targetGroupArn: props.targetGroupArns[service.name],
        requestCountResourceLabel: `${props.albArnSuffix}/${props.targetGroupArnSuffixes[service.name]}`,
        secretArns,
        secretsKeyArns: props.secretsKeyArns,
        platformEnvironment: this.platformEnvironment(service, props),
        recordingsBucket: { arn: props.recordingsBucketArn, name: props.recordingsBucketName, kmsKeyArn: props.recordingsKeyArn },
        repositoryKmsKeyArn: props.containersKeyArn,
        keepTaggedImages: config.ecs.ecr.keepTaggedImages,
        untaggedExpiryDays: config.ecs.ecr.untaggedExpiryDays,
        logKmsKeyArn: props.logsKeyArn,
        logRetentionDays: config.ecs.logRetentionDays,
        exec: config.ecs.execEnabled ? { logGroupArn: execLogs.arn, kmsKeyArn: props.containersKeyArn } : undefined,
      });
      serviceNames[service.name] = fargate.name;
      repositoryUrls[service.name] = fargate.repositoryUrl;
      taskRoleArns[service.name] = fargate.taskRole.arn;
    }
    this.serviceNames = serviceNames;
    this.repositoryUrls = repositoryUrls;
    this.taskRoleArns = taskRoleArns;

    new TerraformOutput(this, "cluster_name", { value: cluster.name, description: "ECS cluster name" });
    new TerraformOutput(this, "repository_urls", { value: repositoryUrls, description: "ECR repository URL per service" });
  }

  /** Non-secret settings every container gets; the database credentials come from the RDS secret by JSON key. */
  private platformEnvironment(service: ServiceConfig, props: EcsStackProps): Record<string, string> {
    return {
      APP_ENV: this.config.environment,
      AWS_REGION: this.config.region,
      PORT: String(service.containerPort),
      DATABASE_HOST: props.databaseHost,
      DATABASE_PORT: Token.asString(props.databasePort),
      DATABASE_NAME: props.databaseName,
      ...(service.recordings ? { RECORDINGS_BUCKET: props.recordingsBucketName, RECORDINGS_PREFIX: service.recordings.prefix } : {}),
    };
  }
}
