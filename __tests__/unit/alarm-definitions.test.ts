import { describe, expect, it } from "vitest";
import { cacheAlarms } from "../../constructs/cache-alarms";
import { containerFunctionAlarms } from "../../constructs/container-function-alarms";
import { databaseAlarms } from "../../constructs/database-alarms";
import { fargateServiceAlarms } from "../../constructs/fargate-service-alarms";
import { loadBalancerAlarms } from "../../constructs/load-balancer-alarms";
import { type AlarmDefinition, AlarmSet } from "../../constructs/metric-alarm";
import { tableAlarms } from "../../constructs/table-alarms";
import { webApplicationFirewallAlarms } from "../../constructs/web-application-firewall-alarms";
import { synthScope } from "../support/test-app";

const service = {
  name: "voice-api",
  clusterName: "cluster",
  serviceName: "voice-api-svc",
  loadBalancerArnSuffix: "app/alb/1",
  targetGroupArnSuffix: "targetgroup/api/2",
  thresholds: { cpuPercent: 80, memoryPercent: 85, http5xxCount: 10, countPeriodSeconds: 300, responseTimeSeconds: 2 },
};
const database = { instanceIdentifier: "db", thresholds: { cpuPercent: 80, freeStorageGb: 20, connections: 320, replicaLagSeconds: 60 } };
const cache = {
  memberClusterIds: ["redis-001", "redis-002"],
  thresholds: { cpuPercent: 75, engineCpuPercent: 80, memoryPercent: 80, evictions: 0, countPeriodSeconds: 300 },
};
const fn = { name: "connect-lookup", functionName: "p-connect-lookup", thresholds: { errors: 5, throttles: 0, countPeriodSeconds: 300 } };
const table = { name: "handover-tokens", tableName: "p-handover-tokens", thresholds: { throttleEvents: 0, countPeriodSeconds: 300 } };
const byId = (definitions: readonly AlarmDefinition[]) => Object.fromEntries(definitions.map((d) => [d.id, d.spec]));

describe.each([
  ["fargateServiceAlarms", fargateServiceAlarms(service)],
  ["loadBalancerAlarms", loadBalancerAlarms({ arnSuffix: "app/alb/1", thresholds: { http5xxCount: 10, countPeriodSeconds: 300 } })],
  ["databaseAlarms", databaseAlarms({ ...database, readReplicaIdentifier: "db-replica" })],
  ["cacheAlarms", cacheAlarms(cache)],
  ["containerFunctionAlarms", containerFunctionAlarms(fn)],
  ["tableAlarms", tableAlarms(table)],
  [
    "webApplicationFirewallAlarms",
    webApplicationFirewallAlarms({ webAclName: "acl", region: "us-east-1", thresholds: { blockedRequests: 1000, countPeriodSeconds: 300 } }),
  ],
])("%s", (_name, definitions) => {
  it("gives every alarm a unique id and name and passes MetricAlarm's validation in an AlarmSet", () => {
    expect(new Set(definitions.map((d) => d.id)).size).toBe(definitions.length);
    expect(new Set(definitions.map((d) => d.spec.name)).size).toBe(definitions.length);
    const json = JSON.parse(
      synthScope((scope) => new AlarmSet(scope, "alarms", { namePrefix: "p", actionArns: ["arn:topic"], region: "us-east-1" }).addAll(definitions)),
    );
    expect(Object.keys(json.resource.aws_cloudwatch_metric_alarm)).toHaveLength(definitions.length);
  });
});

describe("fargateServiceAlarms", () => {
  const alarms = byId(fargateServiceAlarms(service));

  it("watches the tasks on the ECS dimensions and the targets on the ALB and target group, in dashboard order", () => {
    expect(Object.keys(alarms)).toEqual([
      "voice-api_cpu",
      "voice-api_memory",
      "voice-api_target_5xx",
      "voice-api_response_time",
      "voice-api_unhealthy_hosts",
      "voice-api_no_healthy_hosts",
    ]);
    expect(alarms["voice-api_cpu"].dimensions).toEqual({ ClusterName: "cluster", ServiceName: "voice-api-svc" });
    expect(alarms["voice-api_memory"].dimensions).toEqual(alarms["voice-api_cpu"].dimensions);
    for (const id of ["voice-api_target_5xx", "voice-api_response_time", "voice-api_unhealthy_hosts", "voice-api_no_healthy_hosts"]) {
      expect(alarms[id].dimensions, id).toEqual({ LoadBalancer: "app/alb/1", TargetGroup: "targetgroup/api/2" });
    }
  });

  it("takes its thresholds from props and treats silence of the healthy-host count as an outage", () => {
    expect(alarms["voice-api_cpu"]).toEqual(
      expect.objectContaining({ name: "voice-api-cpu-high", threshold: 80, periodSeconds: 300, evaluationPeriods: 3 }),
    );
    expect(alarms["voice-api_memory"].threshold).toBe(85);
    expect(alarms["voice-api_target_5xx"]).toEqual(expect.objectContaining({ statistic: "Sum", threshold: 10, periodSeconds: 300 }));
    expect(alarms["voice-api_target_5xx"].description).toContain("in 5 minutes");
    expect(alarms["voice-api_response_time"].threshold).toBe(2);
    expect(alarms["voice-api_no_healthy_hosts"]).toEqual(
      expect.objectContaining({ comparison: "LessThanThreshold", threshold: 1, treatMissingData: "breaching" }),
    );
  });

  it("rejects an empty service name", () => {
    expect(() => fargateServiceAlarms({ ...service, name: "" })).toThrow(/name must not be empty/);
  });
});

describe("databaseAlarms", () => {
  it("alarms on the primary's CPU, free storage (in bytes) and connections", () => {
    const alarms = byId(databaseAlarms(database));
    expect(Object.keys(alarms)).toEqual(["rds_cpu", "rds_free_storage", "rds_connections"]);
    expect(Object.values(alarms).every((a) => a.dimensions.DBInstanceIdentifier === "db")).toBe(true);
    expect(alarms.rds_free_storage.threshold).toBe(20 * 1024 ** 3);
    expect(alarms.rds_connections.threshold).toBe(320);
  });

  it("adds the lag alarm on the replica's own dimension when there is a replica", () => {
    const lag = byId(databaseAlarms({ ...database, readReplicaIdentifier: "db-replica" })).rds_replica_lag;
    expect(lag).toEqual(expect.objectContaining({ metricName: "ReplicaLag", dimensions: { DBInstanceIdentifier: "db-replica" }, threshold: 60 }));
  });
});

describe("cacheAlarms", () => {
  it("gives every node its four alarms, numbered from 1, node by node", () => {
    const definitions = cacheAlarms(cache);
    expect(definitions.map((d) => d.id)).toEqual([
      ...["redis_1_cpu", "redis_1_engine_cpu", "redis_1_memory", "redis_1_evictions"],
      ...["redis_2_cpu", "redis_2_engine_cpu", "redis_2_memory", "redis_2_evictions"],
    ]);
    const alarms = byId(definitions);
    expect(alarms.redis_2_cpu).toEqual(
      expect.objectContaining({ name: "redis-2-cpu-high", dimensions: { CacheClusterId: "redis-002" }, label: "node 2" }),
    );
    expect(alarms.redis_1_evictions).toEqual(expect.objectContaining({ statistic: "Sum", threshold: 0, treatMissingData: "breaching" }));
  });

  it("rejects an empty node list", () => {
    expect(() => cacheAlarms({ ...cache, memberClusterIds: [] })).toThrow(/memberClusterIds must list at least one node/);
  });
});

describe("edge alarms", () => {
  it("pages on 5XX the ALB itself generates, drawn with the targets' 5XX", () => {
    const [alb] = loadBalancerAlarms({ arnSuffix: "app/alb/1", thresholds: { http5xxCount: 10, countPeriodSeconds: 600 } });
    expect(alb.id).toBe("alb_5xx");
    expect(alb.spec).toEqual(
      expect.objectContaining({ metricName: "HTTPCode_ELB_5XX_Count", dimensions: { LoadBalancer: "app/alb/1" }, periodSeconds: 600 }),
    );
    expect(alb.spec.widget).toBe(byId(fargateServiceAlarms(service))["voice-api_target_5xx"].widget);
  });

  it("pages on requests blocked by any rule of the regional web ACL", () => {
    const [waf] = webApplicationFirewallAlarms({
      webAclName: "acl",
      region: "eu-west-1",
      thresholds: { blockedRequests: 1000, countPeriodSeconds: 300 },
    });
    expect(waf.spec).toEqual(
      expect.objectContaining({ name: "waf-blocked-spike", dimensions: { WebACL: "acl", Region: "eu-west-1", Rule: "ALL" }, threshold: 1000 }),
    );
  });
});

describe("function and table alarms", () => {
  it("page on a function's failed and throttled invocations, summed over the count window", () => {
    const alarms = byId(containerFunctionAlarms(fn));
    expect(Object.keys(alarms)).toEqual(["connect-lookup_errors", "connect-lookup_throttles"]);
    expect(alarms["connect-lookup_errors"]).toEqual(
      expect.objectContaining({ name: "connect-lookup-errors", namespace: "AWS/Lambda", metricName: "Errors", statistic: "Sum", threshold: 5 }),
    );
    expect(alarms["connect-lookup_throttles"]).toEqual(
      expect.objectContaining({ metricName: "Throttles", threshold: 0, treatMissingData: "notBreaching" }),
    );
    for (const spec of Object.values(alarms)) expect(spec.dimensions).toEqual({ FunctionName: "p-connect-lookup" });
  });

  it("page on a table's read and write throttle events apart", () => {
    const alarms = byId(tableAlarms(table));
    expect(Object.keys(alarms)).toEqual(["handover-tokens_read_throttles", "handover-tokens_write_throttles"]);
    expect(alarms["handover-tokens_read_throttles"]).toEqual(
      expect.objectContaining({ metricName: "ReadThrottleEvents", dimensions: { TableName: "p-handover-tokens" }, threshold: 0 }),
    );
    expect(alarms["handover-tokens_write_throttles"].metricName).toBe("WriteThrottleEvents");
  });

  it("reject an empty name", () => {
    expect(() => containerFunctionAlarms({ ...fn, name: "" })).toThrow(/name must not be empty/);
    expect(() => tableAlarms({ ...table, name: "" })).toThrow(/name must not be empty/);
  });
});
