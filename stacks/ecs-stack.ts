import { DataAwsSecretsmanagerSecretVersions } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-versions";
import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { type Precondition, TerraformOutput, Token } from "cdktf";
import type { Construct } from "constructs";
import { tableEnvironmentName } from "../config/sections/functions";
import { secretNameFor } from "../config/sections/security";
import { RDS_MASTER_SECRET, type ServiceConfig } from "../config/sections/services";
import type { ImageRepository } from "../constructs/container-repository";
import { DatabaseMigrationTask } from "../constructs/database-migration-task";
import { EncryptedLogGroup } from "../constructs/encrypted-log-group";
import { FargateService } from "../constructs/fargate-service";
import type { DatabaseConnectGrant, ServiceBucket } from "../constructs/task-role-statements";
import type { MessagingAccess } from "../constructs/messaging-access";
import type { GrantedTable } from "../constructs/table-access";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";
import type { CachedImage } from "../constructs/public-image-cache";

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
  /** CMK of ECS Exec sessions. */
  readonly containersKeyArn: string;
  /** ECR repository of each configured service (registry stack), by service name. */
  readonly repositories: Readonly<Record<string, ImageRepository>>;
  /**
   * The trace collector's image in the registry's ECR Public cache; every task runs it beside the app.
   * @default - no collector (X-Ray off)
   */
  readonly traceCollectorImage?: CachedImage;
  /** CMK of the log groups. */
  readonly logsKeyArn: string;
  /**
   * The PostgreSQL database (rds stack) that services with `database: true` connect to with IAM authentication.
   * @default - no database; no service may set `database: true`
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
  /**
   * The messaging stack's queue, topic, their CMK, SMS and SES, granted in the task role of each service named in
   * `messaging.appServices`; required when config.messaging is present.
   * @default - no messaging; config.messaging must be absent
   */
  readonly messaging?: MessagingAccess;
}

/** The database as the services see it. */
export interface EcsDatabase {
  /** Endpoint host of the primary. */
  readonly host: string;
  readonly port: number;
  /** Database name. */
  readonly name: string;
  /** User the services connect as with IAM authentication (`database.appUser`). */
  readonly user: string;
  /** `DbiResourceId` of the primary. */
  readonly resourceId: string;
  /**
   * The same-region read replica: host and `DbiResourceId`.
   * @default - no replica; no DATABASE_READ_HOST
   */
  readonly readReplica?: { readonly host: string; readonly resourceId: string };
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
  /** Task role ARN of each configured service (for resource policies elsewhere). */
  readonly taskRoleArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, props: EcsStackProps) {
    super(scope, { ...props, component: "ecs" });
    const { config } = this;
    const missing = config.services.map((s) => s.name).filter((name) => !(name in props.targetGroupArns) || !(name in props.targetGroupArnSuffixes));
    if (missing.length > 0) {
      throw new Error(`${this.node.id}: targetGroupArns/targetGroupArnSuffixes have no entry for service(s) ${missing.join(", ")}`);
    }
    if (config.messaging && !props.messaging) {
      throw new Error(
        `${this.node.id}: config.messaging grants ${config.messaging.appServices.join(", ")} the messaging resources, so messaging is required`,
      );
    }
    const messagingServices = new Set(config.messaging?.appServices ?? []);

    // Configured on the cluster even where no service enables exec, so turning it on later is logged from the start.
    const execLogs = new EncryptedLogGroup(this, "exec_logs", {
      name: `/ecs/${this.namePrefix}/exec`,
      kmsKeyArn: props.logsKeyArn,
      retentionDays: this.section("ecs").logRetentionDays,
    });
    const cluster = new EcsCluster(this, "cluster", {
      name: this.namePrefix,
      setting: [{ name: "containerInsights", value: this.section("ecs").containerInsights }],
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

    const secretPreconditions = this.secretsHaveValues(props.secretArns);
    const serviceNames: Record<string, string> = {};
    const taskRoleArns: Record<string, string> = {};
    const fargateServices = new Map<string, FargateService>();
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
        secretArns: props.secretArns,
        secretsKeyArns: props.secretsKeyArns,
        preconditions: [...new Set(Object.values(service.secrets).map((ref) => ref.secret))].sort().map((name) => secretPreconditions(name)),
        database: service.database && props.database ? databaseGrant(props.database) : undefined,
        platformEnvironment: this.platformEnvironment(service, props),
        recordingsBucket: props.recordingsBucket,
        documentsBucket: props.documentsBucket,
        tables: props.tables,
        parameters: props.parameters,
        messaging: messagingServices.has(service.name) ? props.messaging : undefined,
        repository: props.repositories[service.name],
        logKmsKeyArn: props.logsKeyArn,
        logRetentionDays: this.section("ecs").logRetentionDays,
        exec: this.section("ecs").execEnabled ? { logGroupArn: execLogs.arn, kmsKeyArn: props.containersKeyArn } : undefined,
        traceCollector: props.traceCollectorImage && { image: props.traceCollectorImage },
      });
      serviceNames[service.name] = fargate.name;
      taskRoleArns[service.name] = fargate.taskRole.arn;
      fargateServices.set(service.name, fargate);
    }
    this.serviceNames = serviceNames;
    this.taskRoleArns = taskRoleArns;

    const migration = config.database?.migration;
    if (migration && props.database) {
      const source = fargateServices.get(migration.service)!;
      const settings = config.services.find((service) => service.name === migration.service)!;
      const task = new DatabaseMigrationTask(this, "db_migrate", {
        namePrefix: this.namePrefix,
        region: config.region,
        accountId: config.accountId,
        image: {
          uri: source.image.uri,
          repositoryArn: props.repositories[migration.service].arn,
          cpuArchitecture: settings.cpuArchitecture,
          user: settings.user,
        },
        command: migration.command,
        database: { host: props.database.host, port: Token.asString(props.database.port), name: props.database.name, appUser: props.database.user },
        masterSecretArn: props.secretArns[RDS_MASTER_SECRET],
        secretsKeyArns: props.secretsKeyArns,
        logKmsKeyArn: props.logsKeyArn,
        logRetentionDays: this.section("ecs").logRetentionDays,
      });
      const network = `awsvpcConfiguration={subnets=[${props.privateSubnetIds.join(",")}],securityGroups=[${props.ecsSecurityGroupId}],assignPublicIp=DISABLED}`;
      new TerraformOutput(this, "db_migrate_command", {
        value: `aws ecs run-task --cluster ${cluster.name} --launch-type FARGATE --task-definition ${task.taskDefinition.family} --network-configuration '${network}'`,
        description: "Runs the schema migrations once, as the RDS master user (docs/first-deploy.md)",
      });
    }

    new TerraformOutput(this, "cluster_name", { value: cluster.name, description: "ECS cluster name" });
  }

  /**
   * A precondition per secret, on every service that injects it: ECS cannot start a task whose secret has no current
   * value, and on a first deploy the circuit breaker has no earlier task definition to roll back to, so the plan
   * stops before that with the command that fills the secret in.
   */
  private secretsHaveValues(secretArns: Readonly<Record<string, string>>): (name: string) => Precondition {
    const checks = new Map<string, Precondition>();
    return (name) => {
      let check = checks.get(name);
      if (!check) {
        const versions = new DataAwsSecretsmanagerSecretVersions(this, `secret_${name}_versions`, { secretId: secretArns[name] });
        const secretName = secretNameFor(this.config, name);
        check = {
          condition: `\${length([for version in data.aws_secretsmanager_secret_versions.${versions.friendlyUniqueId}.versions : version if contains(version.version_stages, "AWSCURRENT")]) > 0}`,
          errorMessage: `Secret ${secretName} has no value yet, and ECS cannot start a task without it. Set it first: aws secretsmanager put-secret-value --secret-id ${secretName} --secret-string '<value>'`,
        };
        checks.set(name, check);
      }
      return check;
    };
  }

  /** Non-secret settings every container gets; a service with `database: true` also gets where and as whom to connect. */
  private platformEnvironment(service: ServiceConfig, props: EcsStackProps): Record<string, string> {
    const { database, recordingsBucket, documentsBucket, tables, parameters } = props;
    return {
      APP_ENV: this.config.environment,
      AWS_REGION: this.config.region,
      PORT: String(service.containerPort),
      ...(service.database && database
        ? {
            DATABASE_HOST: database.host,
            DATABASE_PORT: Token.asString(database.port),
            DATABASE_NAME: database.name,
            DATABASE_USER: database.user,
            DATABASE_IAM_AUTH: "true",
            ...(database.readReplica ? { DATABASE_READ_HOST: database.readReplica.host } : {}),
          }
        : {}),
      ...(service.recordings && recordingsBucket ? { RECORDINGS_BUCKET: recordingsBucket.name, RECORDINGS_PREFIX: service.recordings.prefix } : {}),
      ...(service.documents && documentsBucket ? { DOCUMENTS_BUCKET: documentsBucket.name, DOCUMENTS_PREFIX: service.documents.prefix } : {}),
      ...(tables ? Object.fromEntries(service.tables.map((grant) => [tableEnvironmentName(grant.name), tables.byName[grant.name].name])) : {}),
      ...(service.parameters && parameters ? { PARAMETERS_PATH: parameters.path } : {}),
    };
  }
}

/** The instances a service may `rds-db:connect` to, as the app user. */
function databaseGrant(database: EcsDatabase): DatabaseConnectGrant {
  return { user: database.user, resourceIds: [database.resourceId, ...(database.readReplica ? [database.readReplica.resourceId] : [])] };
}
