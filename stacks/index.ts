import type { App } from "cdktf";
import type { EnvironmentConfig } from "../config";
import { parameterPathFor } from "../config/sections/parameters";
import { BootstrapStack } from "./bootstrap-stack";
import { SecretsKmsStack } from "./secrets-kms-stack";
import { VpcStack } from "./vpc-stack";
import { StorageStack } from "./storage-stack";
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
import { ParametersStack } from "./parameters-stack";

/** Every stack of one environment, by component. */
export interface EnvironmentStacks {
  /** State bucket and lock table of the account (local state until migrated). */
  readonly bootstrap: BootstrapStack;
  readonly secretsKms: SecretsKmsStack;
  readonly vpc: VpcStack;
  readonly storage: StorageStack;
  /** ECR repositories of the services and functions: deployed, then pushed to, before ecs and functions. */
  readonly registry: RegistryStack;
  /** Only when config.database is present. */
  readonly rds?: RdsStack;
  /** Only when config.cache is present. */
  readonly redis?: RedisStack;
  readonly edge: EdgeStack;
  readonly ecs: EcsStack;
  readonly backup: BackupStack;
  readonly observability: ObservabilityStack;
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
  /** Only when config.parameters is present. */
  readonly parameters?: ParametersStack;
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
 * another's inputs, so the dependency graph reads top to bottom here. Components without a config
 * section (database, cache, messaging, ...) get no stack.
 */
export function buildEnvironment(app: App, config: EnvironmentConfig, options: BuildEnvironmentOptions = {}): EnvironmentStacks {
  // What every stack gets: its environment, and whether its id carries the project (stackIdFor).
  const stack = { config, qualifiedId: options.qualifyStackIds ?? false };

  const bootstrap = new BootstrapStack(app, stack);
  const secretsKms = new SecretsKmsStack(app, stack);
  const vpc = new VpcStack(app, {
    ...stack,
    logsKeyArn: secretsKms.keyArns.logs,
    appPorts: config.services.map((service) => service.containerPort),
    clientVpnAccess: config.messaging?.clientVpn.enabled ?? false,
  });
  const registry = new RegistryStack(app, { ...stack, containersKeyArn: secretsKms.keyArns.containers });
  const storage = new StorageStack(app, { ...stack, storageKeyArn: secretsKms.optionalKeyArns.storage });
  // The recordings and documents buckets are encrypted with the storage key.
  const storageBucket = (arn?: string, name?: string) => (arn && name ? { arn, name, kmsKeyArn: secretsKms.optionalKeyArn("storage") } : undefined);
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
  const rds = config.database
    ? new RdsStack(app, {
        ...stack,
        databaseSubnetIds: vpc.databaseSubnetIds,
        securityGroupId: required(vpc.rdsSecurityGroupId, "vpc.rdsSecurityGroupId", "rds"),
        rdsKeyArn: secretsKms.optionalKeyArn("rds"),
        masterSecretArn: required(secretsKms.platformSecretArns.rdsMasterUser, "secretsKms.platformSecretArns.rdsMasterUser", "rds"),
        logsKeyArn: secretsKms.keyArns.logs,
        drKeyArn: secretsKms.drKeyArn,
      })
    : undefined;
  const redis = config.cache
    ? new RedisStack(app, {
        ...stack,
        databaseSubnetIds: vpc.databaseSubnetIds,
        securityGroupId: required(vpc.redisSecurityGroupId, "vpc.redisSecurityGroupId", "redis"),
        cacheKeyArn: secretsKms.optionalKeyArn("cache"),
        logsKeyArn: secretsKms.keyArns.logs,
        authToken: required(secretsKms.redisAuthToken, "secretsKms.redisAuthToken", "redis"),
        redisUrlSecretArn: required(secretsKms.platformSecretArns.redisUrl, "secretsKms.platformSecretArns.redisUrl", "redis"),
      })
    : undefined;
  const edge = new EdgeStack(app, {
    ...stack,
    vpcId: vpc.vpcId,
    publicSubnetIds: vpc.publicSubnetIds,
    albSecurityGroupId: vpc.albSecurityGroupId,
    logsBucketName: storage.logsBucketName,
    accessLogPrefix: storage.albLogPrefix,
    logsKeyArn: secretsKms.keyArns.logs,
    // With a standby configured, the dns stack's failover records answer for the domain instead.
    aliasDomainToAlb: !config.messaging?.failover,
  });
  // Before ecs, which grants its queue, topic and SES identity to the task roles of messaging.appServices.
  const messaging = config.messaging
    ? new MessagingStack(app, {
        ...stack,
        messagingKeyArn: secretsKms.keyArns.messaging,
        alarmTopicArn: alarmTopicArnFor(config),
        domain: config.edge.domain,
      })
    : undefined;
  const ecs = new EcsStack(app, {
    ...stack,
    privateSubnetIds: vpc.privateSubnetIds,
    ecsSecurityGroupId: vpc.ecsSecurityGroupId,
    targetGroupArns: edge.targetGroupArns,
    targetGroupArnSuffixes: edge.targetGroupArnSuffixes,
    albArnSuffix: edge.albArnSuffix,
    secretArns: secretsKms.secretArns,
    secretsKeyArns: [secretsKms.keyArns.secrets],
    repositories: registry.serviceRepositories,
    containersKeyArn: secretsKms.keyArns.containers,
    logsKeyArn: secretsKms.keyArns.logs,
    database: rds && {
      host: rds.address,
      port: rds.port,
      name: rds.databaseName,
      user: config.database!.appUser,
      resourceId: rds.resourceId,
      readReplica:
        rds.readReplicaAddress && rds.readReplicaResourceId ? { host: rds.readReplicaAddress, resourceId: rds.readReplicaResourceId } : undefined,
    },
    recordingsBucket: storageBucket(storage.recordingsBucketArn, storage.recordingsBucketName),
    documentsBucket: storageBucket(storage.documentsBucketArn, storage.documentsBucketName),
    tables: tables && { byName: tables, keyArn: secretsKms.optionalKeyArn("dynamodb") },
    // Services read parameters by path at runtime; the path is fixed by config, so it is no cross-stack reference.
    parameters: parameters && { path: parameterPathFor(config, ""), keyArn: secretsKms.optionalKeyArn("parameters") },
    messaging: messaging?.appAccess,
  });
  // Tasks read REDIS_URL at start; the redis stack writes that secret's value.
  if (redis) ecs.addDependency(redis);
  const backup = new BackupStack(app, {
    ...stack,
    backupKeyArn: secretsKms.keyArns.backup,
    drKeyArn: secretsKms.drKeyArn,
    rdsInstanceArn: rds?.instanceArn,
    dynamodbTableArns: dynamodb && Object.values(dynamodb.tableArns),
  });
  // Before observability, which alarms on the functions' errors and throttles.
  const functions = config.functions
    ? new FunctionsStack(app, {
        ...stack,
        vpcId: vpc.vpcId,
        privateSubnetIds: vpc.privateSubnetIds,
        repositories: registry.functionRepositories,
        logsKeyArn: secretsKms.keyArns.logs,
        tables,
        dynamodbKeyArn: secretsKms.optionalKeyArns.dynamodb,
      })
    : undefined;
  const observability = new ObservabilityStack(app, {
    ...stack,
    messagingKeyArn: secretsKms.keyArns.messaging,
    auditKeyArn: secretsKms.keyArns.audit,
    logsKeyArn: secretsKms.keyArns.logs,
    services: config.services.map((service) => ({
      name: service.name,
      clusterName: ecs.clusterName,
      serviceName: ecs.serviceNames[service.name],
      targetGroupArnSuffix: edge.targetGroupArnSuffixes[service.name],
    })),
    albArnSuffix: edge.albArnSuffix,
    webAclName: edge.webAclName,
    database: rds && { instanceIdentifier: rds.instanceIdentifier, readReplicaIdentifier: rds.readReplicaIdentifier },
    cache: redis && { memberClusterIds: redis.memberClusterIds },
    functions: functions && Object.entries(functions.functionNames).map(([name, functionName]) => ({ name, functionName })),
    tables: dynamodb && Object.entries(dynamodb.tableNames).map(([name, tableName]) => ({ name, tableName })),
  });
  const dns = config.messaging
    ? new DnsStack(app, {
        ...stack,
        alarmTopicArn: observability.alarmTopicArn,
        domain: config.edge.domain,
        albDnsName: edge.albDnsName,
        albZoneId: edge.albZoneId,
        albHttps: config.edge.https,
      })
    : undefined;
  const access = config.messaging?.clientVpn.enabled
    ? new AccessStack(app, {
        ...stack,
        logsKeyArn: secretsKms.keyArns.logs,
        vpcId: vpc.vpcId,
        vpcCidr: vpc.vpcCidr,
        privateSubnetIds: vpc.privateSubnetIds,
        securityGroupId: required(vpc.clientVpnSecurityGroupId, "vpc.clientVpnSecurityGroupId", "access"),
      })
    : undefined;
  const identity = config.identity ? new IdentityStack(app, { ...stack, parametersKeyArn: secretsKms.optionalKeyArns.parameters }) : undefined;

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
    identity,
    parameters,
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
