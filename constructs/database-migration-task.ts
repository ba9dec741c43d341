import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { TaskExecutionRole } from "./task-execution-role";

/** The container image the migrations ship in: a service's image. */
export interface MigrationImage {
  /** `<repository url>:<tag>`. */
  readonly uri: string;
  /** ECR repository ARN, the only one the task may pull from. */
  readonly repositoryArn: string;
  /** CPU architecture the image is built for. */
  readonly cpuArchitecture: string;
  /** Numeric uid[:gid] the container runs as. */
  readonly user: string;
}

export interface DatabaseMigrationTaskProps {
  /** `<project>-<env>`: prefix of the task family, role and log group. */
  readonly namePrefix: string;
  readonly region: string;
  readonly accountId: string;
  /** Where the migrations come from. */
  readonly image: MigrationImage;
  /** Command that runs the migrations. */
  readonly command: readonly string[];
  /** The database: host, port and name of the primary, and the user the migrations create for the services. */
  readonly database: { readonly host: string; readonly port: string; readonly name: string; readonly appUser: string };
  /** The `rds-master-user` secret: JSON `username` and `password`. */
  readonly masterSecretArn: string;
  /** CMKs that encrypt the secrets (the secrets key). */
  readonly secretsKeyArns: readonly string[];
  /** CMK of the task's log group. */
  readonly logKmsKeyArn: string;
  /** Days its logs are kept. */
  readonly logRetentionDays: number;
}

/**
 * The one place the RDS master user is used: a one-off Fargate task (`aws ecs run-task`, never a service) that runs
 * the schema migrations. It gets the master credentials from the `rds-master-user` secret at start; the services
 * connect as DATABASE_APP_USER with IAM authentication, a user these migrations create.
 */
export class DatabaseMigrationTask extends Construct {
  readonly taskDefinition: EcsTaskDefinition;
  readonly logGroup: EncryptedLogGroup;

  constructor(scope: Construct, id: string, props: DatabaseMigrationTaskProps) {
    super(scope, id);
    const family = `${props.namePrefix}-db-migrate`;
    this.logGroup = new EncryptedLogGroup(this, "Logs", {
      name: `/ecs/${props.namePrefix}/db-migrate`,
      kmsKeyArn: props.logKmsKeyArn,
      retentionDays: props.logRetentionDays,
    });
    const executionRole = new TaskExecutionRole(this, "ExecutionRole", {
      name: `${family}-execution`,
      accountId: props.accountId,
      region: props.region,
      repositoryArn: props.image.repositoryArn,
      logGroupArn: this.logGroup.arn,
      secretArns: [props.masterSecretArn],
      secretsKeyArns: props.secretsKeyArns,
    });
    const container = {
      name: "db-migrate",
      image: props.image.uri,
      essential: true,
      command: [...props.command],
      user: props.image.user,
      readonlyRootFilesystem: true,
      environment: [
        { name: "DATABASE_APP_USER", value: props.database.appUser },
        { name: "DATABASE_HOST", value: props.database.host },
        { name: "DATABASE_NAME", value: props.database.name },
        { name: "DATABASE_PORT", value: props.database.port },
      ],
      secrets: [
        { name: "DATABASE_MASTER_PASSWORD", valueFrom: `${props.masterSecretArn}:password::` },
        { name: "DATABASE_MASTER_USER", valueFrom: `${props.masterSecretArn}:username::` },
      ],
      logConfiguration: {
        logDriver: "awslogs",
        options: { "awslogs-group": this.logGroup.name, "awslogs-region": props.region, "awslogs-stream-prefix": "db-migrate" },
      },
      mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }],
    };
    this.taskDefinition = new EcsTaskDefinition(this, "TaskDefinition", {
      family,
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: "512",
      memory: "1024",
      runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: props.image.cpuArchitecture },
      executionRoleArn: executionRole.arn,
      volume: [{ name: "tmp" }],
      containerDefinitions: JSON.stringify([container]),
      tags: { Name: family },
    });
  }
}
