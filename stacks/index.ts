import type { App } from "cdktf";
import type { EnvironmentConfig } from "../config";
import { isImageFunction } from "../config/sections/functions";
import { parameterPathFor } from "../config/sections/parameters";
import { BootstrapStack } from "./bootstrap-stack";
import { SecretsKmsStack } from "./secrets-kms-stack";
import { VpcStack } from "./vpc-stack";
import { StorageStack, type StoredBucket } from "./storage-stack";
import { RdsStack } from "./rds-stack";
import { RedisStack } from "./redis-stack";
import { EdgeStack } from "./edge-stack";
import { EcsStack } from "./ecs-stack";
import { RegistryStack } from "./registry-stack";
import { BackupStack } from "./backup-stack";
import { ObservabilityStack } from "./observability-stack";
import { MessagingStack } from "./messaging-stack";
import { AccessStack } from "./access-stack";
import { DnsStack } from "./dns-stack";
import { DynamodbStack } from "./dynamodb-stack";
import { FunctionsStack } from "./functions-stack";
import { IdentityStack } from "./identity-stack";
import { MailStack } from "./mail-stack";
import { ParametersStack } from "./parameters-stack";
import { ApiStack } from "./api-stack";
import { FrontendStack } from "./frontend-stack";
import { PipelineStack } from "./pipeline-stack";
import { WorkflowStack } from "./workflow-stack";

/** Every stack of one environment, by component. */
export interface EnvironmentStacks {
  /** State bucket and lock table of the account (local state until migrated). */
  readonly bootstrap: BootstrapStack;
  readonly secretsKms: SecretsKmsStack;
  /** Only when config.network is present. */
  readonly vpc?: VpcStack;
  readonly storage: StorageStack;
  /**
   * ECR repositories of the services and container-image functions: deployed, then pushed to, before ecs and
   * functions. Only when there is an image to push.
   */
  readonly registry?: RegistryStack;
  /** Only when config.database is present. */
  readonly rds?: RdsStack;
  /** Only when config.cache is present. */
  readonly redis?: RedisStack;
  /** Only when config.edge is present. */
  readonly edge?: EdgeStack;
  /** Only when config.services lists a service. */
  readonly ecs?: EcsStack;
  /** Only when config.backup is present. */
  readonly backup?: BackupStack;
  /** Only when config.observability is present. */
  readonly observability?: ObservabilityStack;
  /** Only when config.messaging is present. */
  readonly messaging?: MessagingStack;
  /** Client VPN; only when messaging.clientVpn is enabled. */
  readonly access?: AccessStack;
  /** Route53 health check of the ALB and the failover records; only when config.messaging is present. */
  readonly dns?: DnsStack;
  /** Only when config.dynamodb is present (component `data-dynamodb`). */
  readonly dynamodb?: DynamodbStack;
  /** Only when config.functions is present. */
  readonly functions?: FunctionsStack;
  /** Only when config.identity is present. */
  readonly identity?: IdentityStack;
  /** The user pool's SES sender; only when identity.email is configured. */
  readonly mail?: MailStack;
  /** Only when config.parameters is present. */
  readonly parameters?: ParametersStack;
  /** State machine, event bus and rules, work queues; only when config.workflow is present. */
  readonly workflow?: WorkflowStack;
  /** REST API in front of the zip functions; only when config.api is present. */
  readonly api?: ApiStack;
  /** S3 + CloudFront site; only when config.frontend is present. */
  readonly frontend?: FrontendStack;
  /** CodePipeline of the blueprint; only in the environment whose config has `pipeline`. */
  readonly pipeline?: PipelineStack;
}

export interface BuildEnvironmentOptions {
  /**
   * Start every stack id with the project (blueprint): `<project>-<env>-<component>`, so that several blueprints
   * can share one app.
   * @default false - `<env>-<component>`
   */
  readonly qualifyStackIds?: boolean;
}

/**
 * Builds one environment's stacks and wires them: the only place where one stack's outputs become
 * another's inputs, so the dependency graph reads top to bottom here. Every component but bootstrap,
 * secrets-kms and storage exists only when its config section does; a configured component whose input
 * stack is missing stops synth (`required`), it is never skipped. Which sections need which is checked
 * earlier, with field paths, by config/rules/components.ts.
 */
export function buildEnvironment(app: App, config: EnvironmentConfig, options: BuildEnvironmentOptions = {}): EnvironmentStacks {
  // What every stack gets: its environment, and whether its id carries the project (stackIdFor).
  const stack = { config, qualifiedId: options.qualifyStackIds ?? false };

  const bootstrap = new BootstrapStack(app, stack);
  const secretsKms = new SecretsKmsStack(app, stack);
  const vpc = config.network
    ? new VpcStack(app, {
        ...stack,
        logsKeyArn: secretsKms.keyArns.logs,
        appPorts: config.services.map((service) => service.containerPort),
        clientVpnAccess: config.messaging?.clientVpn.enabled ?? false,
      })
    : undefined;
  const registry =
    config.services.length > 0 || (config.functions ?? []).some(isImageFunction)
      ? new RegistryStack(app, { ...stack, containersKeyArn: secretsKms.optionalKeyArn("containers") })
      : undefined;
  const storage = new StorageStack(app, { ...stack, storageKeyArn: secretsKms.optionalKeyArns.storage });
  // The recordings and documents buckets are encrypted with the storage key.
  const storageBucket = (bucket?: StoredBucket) => bucket && { ...bucket, kmsKeyArn: secretsKms.optionalKeyArn("storage") };
  const dynamodb = config.dynamodb ? new DynamodbStack(app, { ...stack, dynamodbKeyArn: secretsKms.optionalKeyArn("dynamodb") }) : undefined;
  // The tables as services and functions are granted them, by config name.
  const tables =
    dynamodb &&
    Object.fromEntries(
      Object.keys(dynamodb.tableArns).map((name) => [
        name,
        { name: dynamodb.tableNames[name], arn: dynamodb.tableArns[name], indexArns: dynamodb.tableIndexArns[name] },
      ]),
    );
  const parameters = config.parameters
    ? new ParametersStack(app, { ...stack, parametersKeyArn: secretsKms.optionalKeyArn("parameters") })
    : undefined;
  // A data store's place in the vpc stack: the database subnets and the security group that stack keeps for it.
  const dataTier = (component: "rds" | "redis") => ({
    databaseSubnetIds: required(vpc, "vpc", component).databaseSubnetIds,
    securityGroupId: required(vpc?.[`${component}SecurityGroupId`], `vpc.${component}SecurityGroupId`, component),
  });
  const rds = config.database
    ? new RdsStack(app, {
        ...stack,
        ...dataTier("rds"),
        rdsKeyArn: secretsKms.optionalKeyArn("rds"),
        masterSecretArn: required(secretsKms.platformSecretArns.rdsMasterUser, "secretsKms.platformSecretArns.rdsMasterUser", "rds"),
        logsKeyArn: secretsKms.keyArns.logs,
        drKeyArn: secretsKms.drKeyArn,
      })
    : undefined;
  const redis = config.cache
    ? new RedisStack(app, {
        ...stack,
        ...dataTier("redis"),
        cacheKeyArn: secretsKms.optionalKeyArn("cache"),
        logsKeyArn: secretsKms.keyArns.logs,
        authToken: required(secretsKms.redisAuthToken, "secretsKms.redisAuthToken", "redis"),
        redisUrlSecretArn: required(secretsKms.platformSecretArns.redisUrl, "secretsKms.platformSecretArns.redisUrl", "redis"),
      })
    : undefined;
  const edge = config.edge
    ? new EdgeStack(app, {
        ...stack,
        vpcId: required(vpc, "vpc", "edge").vpcId,
        publicSubnetIds: required(vpc, "vpc", "edge").publicSubnetIds,
        albSecurityGroupId: required(vpc, "vpc", "edge").albSecurityGroupId,
        logsBucketName: storage.logsBucket.name,
        accessLogPrefix: storage.albLogPrefix,
        logsKeyArn: secretsKms.keyArns.logs,
        // With a standby configured, the dns stack's failover records answer for the domain instead.
        aliasDomainToAlb: !config.messaging?.failover,
      })
    : undefined;
  // Before ecs, which grants its queue, topic and SES identity to the task roles of messaging.appServices.
  const messaging = config.messaging
    ? new MessagingStack(app, {
        ...stack,
        messagingKeyArn: secretsKms.keyArns.messaging,
        alarmTopicArn: alarmTopicArnFor(config),
        domain: required(config.edge, "config.edge", "messaging").domain,
      })
    : undefined;
  const ecs =
    config.services.length > 0
      ? new EcsStack(app, {
          ...stack,
          privateSubnetIds: required(vpc, "vpc", "ecs").privateSubnetIds,
          ecsSecurityGroupId: required(vpc, "vpc", "ecs").ecsSecurityGroupId,
          targetGroupArns: required(edge, "edge", "ecs").targetGroupArns,
          targetGroupArnSuffixes: required(edge, "edge", "ecs").targetGroupArnSuffixes,
          albArnSuffix: required(edge, "edge", "ecs").albArnSuffix,
          secretArns: secretsKms.secretArns,
          secretsKeyArns: [secretsKms.keyArns.secrets],
          repositories: required(registry, "registry", "ecs").serviceRepositories,
          traceCollectorImage: registry?.traceCollectorImage,
          containersKeyArn: secretsKms.optionalKeyArn("containers"),
          logsKeyArn: secretsKms.keyArns.logs,
          database: rds && {
            host: rds.address,
            port: rds.port,
            name: rds.databaseName,
            user: config.database!.appUser,
            resourceId: rds.resourceId,
            readReplica:
              rds.readReplicaAddress && rds.readReplicaResourceId
                ? { host: rds.readReplicaAddress, resourceId: rds.readReplicaResourceId }
                : undefined,
          },
          recordingsBucket: storageBucket(storage.recordingsBucket),
          documentsBucket: storageBucket(storage.documentsBucket),
          tables: tables && { byName: tables, keyArn: secretsKms.optionalKeyArn("dynamodb") },
          // Services read parameters by path at runtime; the path is fixed by config, so it is no cross-stack reference.
          parameters: parameters && { path: parameterPathFor(config, ""), keyArn: secretsKms.optionalKeyArn("parameters") },
          messaging: messaging?.appAccess,
        })
      : undefined;
  // Tasks read REDIS_URL at start; the redis stack writes that secret's value.
  if (redis && ecs) ecs.addDependency(redis);
  const backup = config.backup
    ? new BackupStack(app, {
        ...stack,
        backupKeyArn: secretsKms.optionalKeyArn("backup"),
        drKeyArn: secretsKms.drKeyArn,
        rdsInstanceArn: rds?.instanceArn,
        dynamodbTableArns: dynamodb && Object.values(dynamodb.tableArns),
      })
    : undefined;
  // Before observability, which alarms on the functions' errors and throttles.
  const functions = config.functions
    ? new FunctionsStack(app, {
        ...stack,
        network: vpc && { vpcId: vpc.vpcId, subnetIds: vpc.privateSubnetIds },
        repositories: registry?.functionRepositories,
        artifactsBucketName: storage.artifactsBucket?.name,
        environmentKeyArn: secretsKms.optionalKeyArn("functions"),
        workflowKeyArn: secretsKms.optionalKeyArns.workflow,
        secrets: { arns: secretsKms.secretArns, kmsKeyArn: secretsKms.keyArns.secrets },
        parametersKeyArn: secretsKms.optionalKeyArns.parameters,
        messagingKeyArn: secretsKms.keyArns.messaging,
        alarmTopicArn: alarmTopicArnFor(config),
        logsKeyArn: secretsKms.keyArns.logs,
        tables,
        dynamodbKeyArn: secretsKms.optionalKeyArns.dynamodb,
      })
    : undefined;
  // Before identity, whose plan waits until SES has verified this stack's domain.
  const mail = config.identity?.email ? new MailStack(app, stack) : undefined;
  const identity = config.identity
    ? new IdentityStack(app, { ...stack, parametersKeyArn: secretsKms.optionalKeyArns.parameters, sender: mail?.sender })
    : undefined;
  // After functions: the state machine's steps and the rules' function targets invoke their live aliases.
  const workflow = config.workflow
    ? new WorkflowStack(app, {
        ...stack,
        workflowKeyArn: secretsKms.optionalKeyArn("workflow"),
        messagingKeyArn: secretsKms.keyArns.messaging,
        logsKeyArn: secretsKms.keyArns.logs,
        functions: required(functions, "functions", "workflow").zipFunctions,
      })
    : undefined;
  const api = config.api
    ? new ApiStack(app, {
        ...stack,
        logsKeyArn: secretsKms.keyArns.logs,
        userPoolArn: required(identity, "identity", "api").userPoolArn,
        functions: required(functions, "functions", "api").zipFunctions,
      })
    : undefined;
  const frontend = config.frontend
    ? new FrontendStack(app, { ...stack, storageKeyArn: secretsKms.optionalKeyArn("storage"), logsKeyArn: secretsKms.keyArns.logs })
    : undefined;
  const pipeline = config.pipeline
    ? new PipelineStack(app, {
        ...stack,
        pipelineKeyArn: secretsKms.optionalKeyArn("pipeline"),
        logsKeyArn: secretsKms.keyArns.logs,
        messagingKeyArn: secretsKms.keyArns.messaging,
      })
    : undefined;
  const observability = config.observability
    ? new ObservabilityStack(app, {
        ...stack,
        messagingKeyArn: secretsKms.keyArns.messaging,
        auditKeyArn: secretsKms.keyArns.audit,
        logsKeyArn: secretsKms.keyArns.logs,
        loadBalancer: edge && { arnSuffix: edge.albArnSuffix, webAclName: edge.webAclName },
        services:
          ecs &&
          config.services.map((service) => ({
            name: service.name,
            clusterName: ecs.clusterName,
            serviceName: ecs.serviceNames[service.name],
            targetGroupArnSuffix: required(edge, "edge", "observability").targetGroupArnSuffixes[service.name],
          })),
        database: rds && { instanceIdentifier: rds.instanceIdentifier, readReplicaIdentifier: rds.readReplicaIdentifier },
        cache: redis && { memberClusterIds: redis.memberClusterIds },
        // Image functions; the zip functions are observed on their live alias (zipFunctions).
        functions: functions && Object.entries(functions.imageFunctionNames).map(([name, functionName]) => ({ name, functionName })),
        zipFunctions:
          functions &&
          Object.entries(functions.zipFunctions).map(([name, fn]) => ({
            name,
            functionName: fn.functionName,
            aliasName: fn.aliasName,
            logGroupName: fn.logGroupName,
            deadLetterQueueName: fn.deadLetterQueueName,
          })),
        api: api && {
          apiName: api.apiName,
          stageName: api.stageName,
          accessLogGroupName: api.accessLogGroupName,
          wafLogGroupName: api.wafLogGroupName,
        },
        workflow: workflow && {
          stateMachineArn: workflow.stateMachineArn,
          logGroupName: workflow.logGroupName,
          eventBusName: workflow.eventBusName,
          ruleNames: workflow.ruleNames,
          deadLetterQueueNames: workflow.deadLetterQueueNames,
        },
        tables: dynamodb && Object.entries(dynamodb.tableNames).map(([name, tableName]) => ({ name, tableName })),
      })
    : undefined;
  const dns = config.messaging
    ? new DnsStack(app, {
        ...stack,
        alarmTopicArn: required(observability, "observability", "dns").alarmTopicArn,
        domain: required(config.edge, "config.edge", "dns").domain,
        albDnsName: required(edge, "edge", "dns").albDnsName,
        albZoneId: required(edge, "edge", "dns").albZoneId,
        albHttps: required(config.edge, "config.edge", "dns").https,
      })
    : undefined;
  const access = config.messaging?.clientVpn.enabled
    ? new AccessStack(app, {
        ...stack,
        logsKeyArn: secretsKms.keyArns.logs,
        vpcId: required(vpc, "vpc", "access").vpcId,
        vpcCidr: required(vpc, "vpc", "access").vpcCidr,
        privateSubnetIds: required(vpc, "vpc", "access").privateSubnetIds,
        securityGroupId: required(vpc?.clientVpnSecurityGroupId, "vpc.clientVpnSecurityGroupId", "access"),
      })
    : undefined;
  return {
    bootstrap,
    secretsKms,
    vpc,
    registry,
    storage,
    rds,
    redis,
    edge,
    ecs,
    backup,
    observability,
    messaging,
    access,
    dns,
    dynamodb,
    functions,
    mail,
    identity,
    parameters,
    workflow,
    api,
    frontend,
    pipeline,
  };
}

/** An input a configured component cannot be built without: missing means a wiring bug, so synth stops and says which. */
function required<T>(value: T | undefined, input: string, component: string): T {
  if (value === undefined) throw new Error(`${component} is configured, but ${input} is undefined; the stack that provides it was built without it`);
  return value;
}

/**
 * ARN of the observability alarm topic (`<project>-<env>-alarms`), which messaging's dead-letter alarm pages through.
 * Built from config rather than read from the observability stack, the one place where a name is re-derived: the
 * observability stack reads ecs (alarm dimensions) and ecs reads messaging (task-role grants), so a remote-state read
 * of the topic would close a cycle. A test checks it against the topic the observability stack creates. Remove it
 * once the topic lives in a stack deployed before messaging.
 */
function alarmTopicArnFor(config: EnvironmentConfig): string {
  return `arn:aws:sns:${config.region}:${config.accountId}:${config.project}-${config.environment}-alarms`;
}
