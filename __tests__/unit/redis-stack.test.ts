import { ElasticacheParameterGroup } from "@cdktf/provider-aws/lib/elasticache-parameter-group";
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";
import { DefaultTokenResolver, StringConcat, Tokenization } from "cdktf";
import { describe, expect, it } from "vitest";
import { fixtureEnvironment, fullFixture, synthFixture, withCache, withDatabase } from "../support/fixtures";
import { remoteOutputRef, remoteStateSources } from "../support/remote-state";
import { resourcesOf } from "../support/synth";

// The shipped environments' node types, node counts, snapshot retention and prod rules: __tests__/unit/sizing-policy.test.ts.
describe.each([
  ["one node, no failover, no snapshots", withCache(withDatabase(fixtureEnvironment()))],
  ["three nodes over the zones with failover and snapshots", fullFixture()],
])("redis stack: %s", (_variant, input) => {
  const synth = synthFixture(input);
  const redis = synth.stack("redis");
  const cache = synth.config.cache!;
  const group = resourcesOf(redis, "aws_elasticache_replication_group").redis_replication_group;

  it("reads vpc and secrets-kms through terraform_remote_state with their S3 backends' bucket, region and key", () => {
    // remoteStateSources finds each source by its backend's bucket, region and key, and fails on any other.
    expect(remoteStateSources(synth, redis).sort()).toEqual(["secrets-kms", "vpc"]);
  });

  it("runs the configured Redis version and node type, cluster mode off", () => {
    expect(redis.text).toHaveResourceWithProperties(ElasticacheReplicationGroup, {
      replication_group_id: cache.replicationGroupId,
      engine: "redis",
      engine_version: cache.engineVersion,
      node_type: cache.nodeType,
      num_cache_clusters: cache.numCacheClusters,
      port: 6379,
    });
    expect(group).not.toHaveProperty("num_node_groups");
  });

  it("encrypts at rest with the cache CMK and requires TLS in transit", () => {
    expect(group.at_rest_encryption_enabled).toBe("true");
    expect(remoteOutputRef(synth, group.kms_key_id)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.cache_key.arn}" });
    expect(group.transit_encryption_enabled).toBe(true);
    expect(group.transit_encryption_mode).toBe("required");
  });

  it("takes the AUTH token from secrets-kms' random_password, as a sensitive output only", () => {
    const token = remoteOutputRef(synth, group.auth_token);
    expect(token).toEqual({ stack: "secrets-kms", value: "${random_password.redis_auth_token_value.result}" });
    const outputName = /outputs\.(\w+)\}$/.exec(group.auth_token)![1];
    expect(synth.stack("secrets-kms").json.output?.[outputName]?.sensitive).toBe(true);
  });

  it("sits in the vpc stack's database subnets behind its Redis security group", () => {
    const subnets = resourcesOf(redis, "aws_elasticache_subnet_group").redis_subnet_group.subnet_ids as string[];
    for (const [i, ref] of subnets.entries()) {
      expect(remoteOutputRef(synth, ref)).toEqual({
        stack: "vpc",
        value: `\${aws_subnet.database_subnet_${synth.config.network!.availabilityZones[i].replace(/-/g, "_")}.id}`,
      });
    }
    expect(group.subnet_group_name).toBe("${aws_elasticache_subnet_group.redis_subnet_group.name}");
    expect(group.security_group_ids.map((ref: string) => remoteOutputRef(synth, ref))).toEqual([
      { stack: "vpc", value: "${aws_security_group.redis_security_group.id}" },
    ]);
  });

  it(cache.automaticFailover ? "fails over automatically to a replica in another zone" : "runs one node without failover", () => {
    expect(group).toEqual(
      expect.objectContaining({
        automatic_failover_enabled: cache.automaticFailover,
        multi_az_enabled: cache.multiAz,
        num_cache_clusters: cache.numCacheClusters,
      }),
    );
  });

  it("keeps snapshots in the configured windows", () => {
    expect(group).toEqual(
      expect.objectContaining({
        snapshot_retention_limit: cache.snapshotRetentionDays,
        snapshot_window: cache.snapshotWindow,
        maintenance_window: cache.maintenanceWindow,
      }),
    );
  });

  it("uses its own parameter group for the engine's family", () => {
    expect(redis.text).toHaveResourceWithProperties(ElasticacheParameterGroup, {
      family: `redis${cache.engineVersion.split(".")[0]}`,
      parameter: [{ name: "maxmemory-policy", value: cache.maxmemoryPolicy }],
    });
    expect(group.parameter_group_name).toBe("${aws_elasticache_parameter_group.redis_parameter_group.name}");
  });

  it("delivers slow and engine logs as JSON to KMS-encrypted log groups", () => {
    const groups = resourcesOf(redis, "aws_cloudwatch_log_group");
    expect(group.log_delivery_configuration).toEqual(
      ["slow", "engine"].map((kind) => ({
        destination: `\${aws_cloudwatch_log_group.redis_${kind}_log_group.name}`,
        destination_type: "cloudwatch-logs",
        log_format: "json",
        log_type: `${kind}-log`,
      })),
    );
    for (const kind of ["slow", "engine"]) {
      const logGroup = groups[`redis_${kind}_log_group`];
      expect(logGroup.name).toBe(`/aws/elasticache/${cache.replicationGroupId}/${kind}-log`);
      expect(logGroup.retention_in_days).toBe(cache.logRetentionDays);
      expect(remoteOutputRef(synth, logGroup.kms_key_id)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.logs_key.arn}" });
    }
  });

  it("writes the rediss:// URL of the primary endpoint into the redis-url secret, never into outputs", () => {
    const versions = Object.values(resourcesOf(redis, "aws_secretsmanager_secret_version"));
    expect(versions).toHaveLength(1);
    const [version] = versions;
    expect(remoteOutputRef(synth, version.secret_id)).toEqual({
      stack: "secrets-kms",
      value: "${aws_secretsmanager_secret.redis_url.arn}",
    });
    const tokenRef = group.auth_token;
    expect(version.secret_string).toBe(
      `rediss://:${tokenRef}@\${aws_elasticache_replication_group.redis_replication_group.primary_endpoint_address}:6379`,
    );
    expect(version.secret_string).not.toMatch(/configuration_endpoint_address/);
    for (const [name, output] of Object.entries(redis.json.output ?? {})) {
      expect(String(output.value), name).not.toMatch(/auth_token|terraform_remote_state|secret_string/);
    }
  });

  it("exposes endpoints, port and one member id per node for alarms", () => {
    const stack = synth.stacks.redis!;
    expect(stack.port).toBe(6379);
    expect(stack.memberClusterIds).toHaveLength(cache.numCacheClusters);
    for (const value of [stack.replicationGroupId, stack.primaryEndpoint, stack.readerEndpoint, ...stack.memberClusterIds]) {
      expect(value).toMatch(/\$\{TfToken\[/);
    }
    for (const [i, id] of stack.memberClusterIds.entries()) {
      expect(Tokenization.resolve(id, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()) })).toBe(
        `\${element(sort(tolist(aws_elasticache_replication_group.redis_replication_group.member_clusters)), ${i})}`,
      );
    }
  });
});
