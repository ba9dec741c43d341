import { ElasticacheParameterGroup } from "@cdktf/provider-aws/lib/elasticache-parameter-group";
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";
import { ElasticacheSubnetGroup } from "@cdktf/provider-aws/lib/elasticache-subnet-group";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { Fn } from "cdktf";
import type { Construct } from "constructs";
import { redisParameterFamily } from "../config/sections/cache";
import { EncryptedLogGroup } from "../constructs/encrypted-log-group";
import { REDIS_PORT } from "../constructs/ports";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface RedisStackProps extends Omit<PlatformStackProps, "component"> {
  /** Isolated database subnets (from vpc), one per AZ. */
  readonly databaseSubnetIds: readonly string[];
  /** Security group that admits 6379 from ECS tasks only (from vpc). */
  readonly securityGroupId: string;
  /** CMK for data at rest, snapshots included (from secrets-kms). */
  readonly cacheKeyArn: string;
  /** CMK of the slow-log and engine-log groups (from secrets-kms). */
  readonly logsKeyArn: string;
  /** AUTH token generated in secrets-kms; crosses stacks only as a sensitive output. */
  readonly authToken: string;
  /** Secret (from secrets-kms) that receives the `rediss://` URL, token included. */
  readonly redisUrlSecretArn: string;
}

const LOG_TYPES = ["slow-log", "engine-log"] as const;

/**
 * ElastiCache for Redis OSS without cluster mode: one primary and replicas in the isolated subnets, encrypted at rest
 * (CMK) and in transit (TLS required), AUTH token from secrets-kms, logs to KMS-encrypted log groups. Applications
 * read the `rediss://` URL from the redis-url secret; the token never appears in config or outputs.
 */
export class RedisStack extends PlatformStack {
  readonly replicationGroupId: string;
  /** Writer endpoint (follows failover). */
  readonly primaryEndpoint: string;
  /** Endpoint spreading reads over the replicas. */
  readonly readerEndpoint: string;
  readonly port: number = REDIS_PORT;
  /** Node ids in name order, for per-node CloudWatch alarms (`CacheClusterId`). */
  readonly memberClusterIds: string[];
  /** Security group of the nodes (the vpc stack's redis group). */
  readonly securityGroupId: string;

  constructor(scope: Construct, props: RedisStackProps) {
    super(scope, { ...props, component: "redis" });
    const cache = this.config.cache;
    if (!cache) throw new Error(`${this.node.id}: the config has no cache section, so this stack must not be created`);
    const family = redisParameterFamily(cache.engineVersion);

    const subnetGroup = new ElasticacheSubnetGroup(this, "redis_subnet_group", {
      name: `${this.namePrefix}-redis`,
      description: "Isolated database subnets, one per AZ",
      subnetIds: [...props.databaseSubnetIds],
      tags: this.nameTags("redis"),
    });
    const parameterGroup = new ElasticacheParameterGroup(this, "redis_parameter_group", {
      name: `${this.namePrefix}-${family.replace(".", "-")}`,
      family,
      description: `${this.namePrefix} Redis ${family}`,
      parameter: [{ name: "maxmemory-policy", value: cache.maxmemoryPolicy }],
      tags: this.nameTags(`redis-${family}`),
    });

    const logGroups = LOG_TYPES.map(
      (logType) =>
        new EncryptedLogGroup(this, `redis_${logType.replace("-", "_")}_group`, {
          name: `/aws/elasticache/${cache.replicationGroupId}/${logType}`,
          kmsKeyArn: props.logsKeyArn,
          retentionDays: cache.logRetentionDays,
        }),
    );

    const group = new ElasticacheReplicationGroup(this, "redis_replication_group", {
      replicationGroupId: cache.replicationGroupId,
      description: `${this.namePrefix} Redis (cluster mode disabled)`,
      engine: "redis",
      engineVersion: cache.engineVersion,
      nodeType: cache.nodeType,
      port: REDIS_PORT,
      numCacheClusters: cache.numCacheClusters,
      automaticFailoverEnabled: cache.automaticFailover,
      multiAzEnabled: cache.multiAz,
      subnetGroupName: subnetGroup.name,
      securityGroupIds: [props.securityGroupId],
      parameterGroupName: parameterGroup.name,
      atRestEncryptionEnabled: "true",
      kmsKeyId: props.cacheKeyArn,
      transitEncryptionEnabled: true,
      transitEncryptionMode: "required",
      authToken: props.authToken,
      autoMinorVersionUpgrade: "true",
      maintenanceWindow: cache.maintenanceWindow,
      snapshotWindow: cache.snapshotWindow,
      snapshotRetentionLimit: cache.snapshotRetentionDays,
      finalSnapshotIdentifier: cache.snapshotRetentionDays > 0 ? `${cache.replicationGroupId}-final` : undefined,
      logDeliveryConfiguration: logGroups.map((logGroup, i) => ({
        destination: logGroup.name,
        destinationType: "cloudwatch-logs",
        logFormat: "json",
        logType: LOG_TYPES[i],
      })),
      tags: this.nameTags("redis"),
    });

    // The URL carries the token, so it lives only in the secret (and in state, which is encrypted).
    new SecretsmanagerSecretVersion(this, "redis_url_secret_value", {
      secretId: props.redisUrlSecretArn,
      secretString: `rediss://:${props.authToken}@${group.primaryEndpointAddress}:${REDIS_PORT}`,
    });

    this.replicationGroupId = group.id;
    this.primaryEndpoint = group.primaryEndpointAddress;
    this.readerEndpoint = group.readerEndpointAddress;
    this.securityGroupId = props.securityGroupId;
    const members = Fn.sort(group.memberClusters);
    this.memberClusterIds = Array.from({ length: cache.numCacheClusters }, (_, i) => Fn.element(members, i));
  }
}
