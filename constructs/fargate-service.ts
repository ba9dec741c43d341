import { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import type { Precondition } from "cdktf";
import { Construct } from "constructs";
import type { ServiceConfig } from "../config/sections/services";
import type { ImageRepository } from "./container-repository";
import { EXEC_AGENT_VOLUMES, type ExecSettings, execStatements } from "./ecs-exec";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { PushedImage } from "./pushed-image";
import { type MessagingAccess, messagingAccessStatements } from "./messaging-access";
import { ServiceRole } from "./service-role";
import { TaskExecutionRole, readSecretsStatements } from "./task-execution-role";
import {
  type DatabaseConnectGrant,
  type ServiceBucket,
  bucketStatements,
  databaseConnectStatement,
  parameterStatements,
} from "./task-role-statements";
import { type GrantedTable, tableAccessStatements } from "./table-access";
import { SEND_TRACES_STATEMENT, TRACE_COLLECTOR_NAME, traceCollectorContainer, traceCollectorEnvironment } from "./trace-collector";
import type { CachedImage } from "./public-image-cache";

export interface FargateServiceProps {
  /** The service as configured: sizing, image tag, port, health check, counts, env, secret references, scaling. */
  readonly service: ServiceConfig;
  /** `<project>-<env>`: prefix of the log group, role and task family names. */
  readonly namePrefix: string;
  /** Region, for the awslogs driver and KMS service conditions. */
  readonly region: string;
  /** Account id that the task roles' trust policy pins with `aws:SourceAccount`. */
  readonly accountId: string;
  /** Cluster the service runs in. */
  readonly clusterArn: string;
  /** Cluster name, part of the autoscaling resource id. */
  readonly clusterName: string;
  /** Private subnets for the tasks (no public IPs). */
  readonly subnetIds: readonly string[];
  /** Security groups of the tasks. */
  readonly securityGroupIds: readonly string[];
  /** ALB target group the service registers its tasks in. */
  readonly targetGroupArn: string;
  /** `<alb arn suffix>/<target group arn suffix>`: the resource label of ALBRequestCountPerTarget scaling. */
  readonly requestCountResourceLabel: string;
  /** ARN of every secret the service may reference, by short name; referencing any other name is an error. */
  readonly secretArns: Readonly<Record<string, string>>;
  /** CMKs that encrypt those secrets; the roles may decrypt with them only through Secrets Manager. */
  readonly secretsKeyArns: readonly string[];
  /**
   * Conditions checked at plan time before the service is created or changed (e.g. that its secrets have values).
   * @default - none
   */
  readonly preconditions?: readonly Precondition[];
  /**
   * IAM database authentication for the task role.
   * @default - no database access
   */
  readonly database?: DatabaseConnectGrant;
  /** Environment variables the platform sets on every container (database host, region, ...). */
  readonly platformEnvironment: Readonly<Record<string, string>>;
  /**
   * Recordings bucket; required when the service config asks for `recordings`.
   * @default - no recordings access
   */
  readonly recordingsBucket?: ServiceBucket;
  /**
   * Documents bucket; required when the service config asks for `documents`.
   * @default - no documents access
   */
  readonly documentsBucket?: ServiceBucket;
  /**
   * The environment's DynamoDB tables by config name and their CMK; required when the service config grants tables.
   * @default - no table access
   */
  readonly tables?: { readonly byName: Readonly<Record<string, GrantedTable>>; readonly keyArn: string };
  /**
   * The environment's SSM parameters: their path (`/<project>/<env>/`) and CMK; required when the service config
   * reads parameters.
   * @default - no parameter access
   */
  readonly parameters?: { readonly path: string; readonly keyArn: string };
  /**
   * The messaging stack's queue, topic, SMS and SES, granted in the task role (services of `messaging.appServices`).
   * @default - no messaging access
   */
  readonly messaging?: MessagingAccess;
  /** The service's ECR repository (registry stack); the configured tag must have been pushed to it. */
  readonly repository: ImageRepository;
  /** CMK of the container log group. */
  readonly logKmsKeyArn: string;
  /** Days container logs are kept (a CloudWatch retention value). */
  readonly logRetentionDays: number;
  /**
   * ECS Exec into the service's tasks.
   * @default - exec disabled
   */
  readonly exec?: ExecSettings;
  /**
   * A trace collector beside the app (constructs/trace-collector.ts), sending its X-Ray and OTLP traces to X-Ray.
   * @default - no collector: the app's traces go nowhere
   */
  readonly traceCollector?: { readonly image: CachedImage };
}

/** Task-scoped writable /tmp of an app with a read-only root filesystem. */
const TMP_VOLUME = { name: "tmp", containerPath: "/tmp" };

/**
 * One containerized service on Fargate, everything it owns in one place: the check that its image was pushed, log
 * group, execution and task roles scoped to its own repository, log group, secrets and bucket prefix, task definition,
 * ECS service behind its target group, and target-tracking autoscaling. A new service is a new config entry.
 */
export class FargateService extends Construct {
  readonly image: PushedImage;
  readonly logGroup: EncryptedLogGroup;
  readonly executionRole: TaskExecutionRole;
  readonly taskRole: ServiceRole;
  readonly taskDefinition: EcsTaskDefinition;
  readonly ecsService: EcsService;

  constructor(scope: Construct, id: string, props: FargateServiceProps) {
    super(scope, id);
    const { service } = props;
    const referenced = Object.entries(service.secrets);
    const unknown = referenced.filter(([, ref]) => !(ref.secret in props.secretArns));
    if (unknown.length > 0) {
      throw new Error(`FargateService ${id}: secretArns has no ARN for ${unknown.map(([name, ref]) => `${name} -> ${ref.secret}`).join(", ")}`);
    }
    if (service.recordings && !props.recordingsBucket) {
      throw new Error(`FargateService ${id}: the service config asks for recordings access, so recordingsBucket is required`);
    }
    if (service.documents && !props.documentsBucket) {
      throw new Error(`FargateService ${id}: the service config asks for documents access, so documentsBucket is required`);
    }
    if (service.tables.length > 0 && !props.tables) throw new Error(`FargateService ${id}: the service config grants tables, so tables is required`);
    if (service.parameters && !props.parameters)
      throw new Error(`FargateService ${id}: the service config reads parameters, so parameters is required`);
    const overridden = Object.keys(props.platformEnvironment).filter((name) => name in service.environment || name in service.secrets);
    if (overridden.length > 0) {
      throw new Error(`FargateService ${id}: ${overridden.join(", ")} in platformEnvironment would be overridden by the service config`);
    }
    const physicalName = `${props.namePrefix}-${service.name}`;

    this.image = new PushedImage(this, "Image", { repository: props.repository, tag: service.imageTag });

    this.logGroup = new EncryptedLogGroup(this, "Logs", {
      name: `/ecs/${props.namePrefix}/${service.name}`,
      kmsKeyArn: props.logKmsKeyArn,
      retentionDays: props.logRetentionDays,
    });

    const secretArns = [...new Set(referenced.map(([, ref]) => props.secretArns[ref.secret]))];
    this.executionRole = new TaskExecutionRole(this, "ExecutionRole", {
      name: `${physicalName}-execution`,
      accountId: props.accountId,
      region: props.region,
      repositoryArn: props.repository.arn,
      logGroupArn: this.logGroup.arn,
      secretArns,
      secretsKeyArns: props.secretsKeyArns,
      cachedRepositoryArns: props.traceCollector ? [props.traceCollector.image.repositoryArn] : undefined,
    });

    const writableVolumes = service.readonlyRootFilesystem ? [TMP_VOLUME, ...(props.exec ? EXEC_AGENT_VOLUMES : [])] : [];
    // The collector's root is always read-only, so with exec it needs the agent's volumes even when the app's is not.
    const collectorVolumes = props.traceCollector && props.exec ? EXEC_AGENT_VOLUMES : [];
    const taskVolumes = [...new Set([...writableVolumes, ...collectorVolumes].map(({ name }) => name))];

    this.taskRole = new ServiceRole(this, "TaskRole", {
      name: `${physicalName}-task`,
      assumedBy: "ecs-tasks.amazonaws.com",
      sourceAccount: props.accountId,
      // The app re-reads its secrets at runtime (seed 000's secrets client) to pick up rotations without a restart.
      statements: [
        ...readSecretsStatements(secretArns, props.secretsKeyArns, props.region),
        ...bucketStatements("Recordings", service.recordings, props.recordingsBucket, props.region),
        ...bucketStatements("Documents", service.documents, props.documentsBucket, props.region),
        ...(props.tables
          ? tableAccessStatements({ grants: service.tables, tables: props.tables.byName, keyArn: props.tables.keyArn, region: props.region })
          : []),
        ...(service.parameters && props.parameters ? parameterStatements(props.parameters, props.region, props.accountId) : []),
        ...(props.database ? [databaseConnectStatement(props.database, props.region, props.accountId)] : []),
        ...(props.messaging ? messagingAccessStatements(props.messaging) : []),
        ...(props.exec ? execStatements(props.exec) : []),
        ...(props.traceCollector ? [SEND_TRACES_STATEMENT] : []),
      ],
    });

    this.taskDefinition = new EcsTaskDefinition(this, "TaskDefinition", {
      family: physicalName,
      requiresCompatibilities: ["FARGATE"],
      networkMode: "awsvpc",
      cpu: String(service.cpu),
      memory: String(service.memory),
      runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: service.cpuArchitecture },
      executionRoleArn: this.executionRole.arn,
      taskRoleArn: this.taskRole.arn,
      volume: taskVolumes.length > 0 ? taskVolumes.map((name) => ({ name })) : undefined,
      containerDefinitions: JSON.stringify([
        this.containerDefinition(props, writableVolumes),
        ...(props.traceCollector
          ? [
              traceCollectorContainer({
                image: props.traceCollector.image.uri,
                region: props.region,
                logGroupName: this.logGroup.name,
                writableVolumes: collectorVolumes,
              }),
            ]
          : []),
      ]),
      tags: { Name: physicalName },
    });

    this.ecsService = new EcsService(this, "Resource", {
      name: service.name,
      cluster: props.clusterArn,
      taskDefinition: this.taskDefinition.arn,
      desiredCount: service.desiredCount,
      launchType: "FARGATE",
      platformVersion: "LATEST",
      networkConfiguration: {
        subnets: [...props.subnetIds],
        securityGroups: [...props.securityGroupIds],
        assignPublicIp: false,
      },
      loadBalancer: [{ targetGroupArn: props.targetGroupArn, containerName: service.name, containerPort: service.containerPort }],
      healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
      deploymentCircuitBreaker: { enable: true, rollback: true },
      deploymentMinimumHealthyPercent: 100,
      deploymentMaximumPercent: 200,
      enableExecuteCommand: props.exec !== undefined,
      propagateTags: "SERVICE",
      enableEcsManagedTags: true,
      waitForSteadyState: false,
      // Autoscaling owns the running count after the first deploy.
      lifecycle: { ignoreChanges: ["desired_count"], ...(props.preconditions?.length ? { precondition: [...props.preconditions] } : {}) },
      tags: { Name: physicalName },
    });

    this.addAutoscaling(props, physicalName);
  }

  get name(): string {
    return this.ecsService.name;
  }

  private containerDefinition(
    props: FargateServiceProps,
    writableVolumes: readonly { name: string; containerPath: string }[],
  ): Record<string, unknown> {
    const { service } = props;
    // The collector's defaults (SDK endpoints and protocol) are the service's to override; the platform's are not.
    const collector = props.traceCollector ? traceCollectorEnvironment(service.name) : {};
    const environment = { ...props.platformEnvironment, ...collector, ...service.environment };
    return {
      name: service.name,
      image: this.image.uri,
      essential: true,
      user: service.user,
      readonlyRootFilesystem: service.readonlyRootFilesystem,
      portMappings: [{ name: "http", containerPort: service.containerPort, hostPort: service.containerPort, protocol: "tcp", appProtocol: "http" }],
      environment: Object.keys(environment)
        .sort()
        .map((name) => ({ name, value: environment[name] })),
      // ECS resolves `<arn>:<json-key>::` at task start; the value never appears in the task definition.
      secrets: Object.keys(service.secrets)
        .sort()
        .map((name) => {
          const ref = service.secrets[name];
          const arn = props.secretArns[ref.secret];
          return { name, valueFrom: ref.jsonKey ? `${arn}:${ref.jsonKey}::` : arn };
        }),
      logConfiguration: {
        logDriver: "awslogs",
        options: {
          "awslogs-group": this.logGroup.name,
          "awslogs-region": props.region,
          "awslogs-stream-prefix": service.name,
          // A slow log pipeline must not block the event loop of a live call.
          mode: "non-blocking",
          "max-buffer-size": "25m",
        },
      },
      // Only a command the config names: a curl probe fails in every image without curl, and ECS replaces such
      // tasks in a loop. The ALB's probe of healthCheckPath covers the rest.
      healthCheck: service.containerHealthCheckCommand
        ? {
            command: ["CMD", ...service.containerHealthCheckCommand],
            interval: 30,
            timeout: 5,
            retries: 3,
            startPeriod: service.healthCheckGracePeriodSeconds,
          }
        : undefined,
      // Reaps zombie processes and is what ECS Exec's agent needs.
      linuxParameters: { initProcessEnabled: true },
      mountPoints: writableVolumes.map(({ name, containerPath }) => ({ sourceVolume: name, containerPath, readOnly: false })),
      // START, not HEALTHY: the app must not wait on (or fail with) its tracing.
      dependsOn: props.traceCollector ? [{ containerName: TRACE_COLLECTOR_NAME, condition: "START" }] : undefined,
    };
  }

  private addAutoscaling(props: FargateServiceProps, physicalName: string): void {
    const { service } = props;
    const target = new AppautoscalingTarget(this, "Scaling", {
      serviceNamespace: "ecs",
      scalableDimension: "ecs:service:DesiredCount",
      resourceId: `service/${props.clusterName}/${this.ecsService.name}`,
      minCapacity: service.minCount,
      maxCapacity: service.maxCount,
    });
    const { autoscaling } = service;
    const policies: [string, string, number | undefined, string | undefined][] = [
      ["CpuScaling", "ECSServiceAverageCPUUtilization", autoscaling.cpuPercent, undefined],
      ["MemoryScaling", "ECSServiceAverageMemoryUtilization", autoscaling.memoryPercent, undefined],
      ["RequestScaling", "ALBRequestCountPerTarget", autoscaling.requestsPerTarget, props.requestCountResourceLabel],
    ];
    for (const [id, metric, targetValue, resourceLabel] of policies) {
      if (targetValue === undefined) continue;
      new AppautoscalingPolicy(this, id, {
        name: `${physicalName}-${metric}`,
        policyType: "TargetTrackingScaling",
        serviceNamespace: target.serviceNamespace,
        scalableDimension: target.scalableDimension,
        resourceId: target.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          targetValue,
          predefinedMetricSpecification: { predefinedMetricType: metric, resourceLabel },
          scaleInCooldown: autoscaling.scaleInCooldownSeconds,
          scaleOutCooldown: autoscaling.scaleOutCooldownSeconds,
        },
      });
    }
    const custom = autoscaling.customMetric;
    if (custom) {
      new AppautoscalingPolicy(this, "CustomMetricScaling", {
        name: `${physicalName}-${custom.metricName}`,
        policyType: "TargetTrackingScaling",
        serviceNamespace: target.serviceNamespace,
        scalableDimension: target.scalableDimension,
        resourceId: target.resourceId,
        targetTrackingScalingPolicyConfiguration: {
          targetValue: custom.targetValue,
          customizedMetricSpecification: {
            namespace: custom.namespace,
            metricName: custom.metricName,
            dimensions: Object.entries(custom.dimensions).map(([name, value]) => ({ name, value })),
            // One data point per task: their average is the load per task, which target tracking holds.
            statistic: "Average",
          },
          scaleInCooldown: autoscaling.scaleInCooldownSeconds,
          scaleOutCooldown: autoscaling.scaleOutCooldownSeconds,
        },
      });
    }
  }
}
