import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { TerraformOutput, Token } from "cdktf";
import { Construct } from "constructs";
import { tableEnvironmentName } from "../config/sections/functions";
import { RDS_MASTER_SECRET, ServiceConfig } from "../config/sections/services";
import { EncryptedLogGroup } from "../constructs/encrypted-log-group";
import { FargateService, type ServiceBucket } from "../constructs/fargate-service";
import type { GrantedTable } from "../constructs/table-access";
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
  /** CMKs that encrypt the referenced secrets. */
  readonly secretsKeyArns: readonly string[];
  /** CMK of the ECR repositories and ECS Exec sessions. */
  readonly containersKeyArn: string;
  /** CMK of the log groups. */
  readonly logsKeyArn: string;
  /**
   * The PostgreSQL database (rds stack): where DATABASE_HOST/PORT/NAME point, and its RDS-managed master user secret,
   * referenced in config as `rds-master`.
   * @default - no database: no DATABASE_* variables, and no service may reference `rds-master`
   */
  readonly database?: EcsDatabase;
  /**
   * Recordings bucket (storage stack) and its CMK.
   * @default - no recordings bucket; no service may ask for recordings access
   */
  readonly recordingsBucket?: ServiceBucket;
  /**
   * Documents bucket (storage stack) and its CMK.
   * @default - no documents bucket; no service may ask for documents access
   */
  readonly documentsBucket?: ServiceBucket;
  /**
   * Tables of the data-dynamodb stack by config name, and their CMK (secrets-kms `dynamodb`).
   * @default - no tables; no service may grant one
   */
  readonly tables?: { readonly byName: Readonly<Record<string, GrantedTable>>; readonly keyArn: string };
  /**
   * Where the parameters stack keeps the environment's SSM parameters (`/<project>/<env>/`), and their CMK.
   * @default - no parameters; no service may read them
   */
  readonly parameters?: { readonly path: string; readonly keyArn: string };
}

/** The database as the services see it. */
export interface EcsDatabase {
  /** Endpoint host. */
  readonly host: string;
  readonly port: number;
  /** Database name. */
  readonly name: string;
  /** RDS-managed master user secret; JSON keys `username` and `password`. */
  readonly masterSecretArn: string;
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

    const secretArns = props.database ? { ...props.secretArns, [RDS_MASTER_SECRET]: props.database.masterSecretArn } : props.secretArns;
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
        recordingsBucket: props.recordingsBucket,
        documentsBucket: props.documentsBucket,
        tables: props.tables,
        parameters: props.parameters,
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
    const { database, recordingsBucket, documentsBucket, tables, parameters } = props;
    return {
      APP_ENV: this.config.environment,
      AWS_REGION: this.config.region,
      PORT: String(service.containerPort),
      ...(database ? { DATABASE_HOST: database.host, DATABASE_PORT: Token.asString(database.port), DATABASE_NAME: database.name } : {}),
      ...(service.recordings && recordingsBucket ? { RECORDINGS_BUCKET: recordingsBucket.name, RECORDINGS_PREFIX: service.recordings.prefix } : {}),
      ...(service.documents && documentsBucket ? { DOCUMENTS_BUCKET: documentsBucket.name, DOCUMENTS_PREFIX: service.documents.prefix } : {}),
      ...(tables ? Object.fromEntries(service.tables.map((grant) => [tableEnvironmentName(grant.name), tables.byName[grant.name].name])) : {}),
      ...(service.parameters && parameters ? { PARAMETERS_PATH: parameters.path } : {}),
    };
  }
}
