import { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { ENVIRONMENTS, parseEnvironmentConfig } from "../../config";
import { ObservabilityStack, type ObservabilityStackProps } from "../../stacks/observability-stack";
import { resourcesOf, synthEnvironment } from "../support/synth";
import { testApp } from "../support/test-app";

const remote = (env: string, component: string, output: string) =>
  `\${data.terraform_remote_state.cross_stack_reference_input_${env}_${component}.outputs.${output}}`;
const TOPIC = "${aws_sns_topic.alarm_topic.arn}";
const GIB = 1024 ** 3;

describe.each(["dev", "staging", "prod"])("%s observability stack", (env) => {
  const synth = synthEnvironment(env);
  const stack = synth.stack("observability");
  const { config } = synth;
  const settings = config.observability!;
  const { thresholds } = settings;
  const alarms = Object.values(resourcesOf(stack, "aws_cloudwatch_metric_alarm"));
  const alarm = (suffix: string) => {
    const found = alarms.find((a) => a.alarm_name === `${config.project}-${env}-${suffix}`);
    if (!found) throw new Error(`no alarm ${suffix}; have ${alarms.map((a) => a.alarm_name).join(", ")}`);
    return found;
  };

  it("encrypts the alarm topic with the messaging CMK, whose key policy lets CloudWatch and Budgets use it", () => {
    expect(stack.text).toHaveResourceWithProperties(SnsTopic, {
      name: `${config.project}-${env}-alarms`,
      kms_master_key_id: remote(env, "secrets_kms", "cross_stack_output_aws_kms_key_messaging_key_arn"),
    });
    const keyPolicy = JSON.parse(resourcesOf(synth.stack("secrets-kms"), "aws_kms_key").messaging_key.policy);
    for (const service of ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"]) {
      const grant = keyPolicy.Statement.find((s: any) => s.Principal?.Service === service);
      expect(grant, service).toBeDefined();
      expect(grant.Action).toEqual(expect.arrayContaining(["kms:Decrypt", "kms:GenerateDataKey*"]));
    }
  });

  it("lets only this account's alarms and budgets publish to the topic", () => {
    const policy = JSON.parse(resourcesOf(stack, "aws_sns_topic_policy").alarm_topic_policy.policy);
    const byService = (service: string) => policy.Statement.find((s: any) => s.Principal?.Service === service);
    expect(byService("cloudwatch.amazonaws.com")).toEqual(
      expect.objectContaining({
        Action: "sns:Publish",
        Resource: TOPIC,
        Condition: {
          StringEquals: { "aws:SourceAccount": config.accountId },
          ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:${config.region}:${config.accountId}:alarm:${config.project}-${env}-*` },
        },
      }),
    );
    expect(byService("budgets.amazonaws.com").Condition.StringEquals["aws:SourceAccount"]).toBe(config.accountId);
    expect(policy.Statement.every((s: any) => s.Principal !== "*" && s.Principal?.AWS !== "*")).toBe(true);
  });

  it("subscribes every configured email address", () => {
    const subscriptions = Object.values(resourcesOf(stack, "aws_sns_topic_subscription"));
    expect(subscriptions.filter((s) => s.protocol === "email").map((s) => s.endpoint)).toEqual(settings.alarmEmails);
    expect(subscriptions.every((s) => s.topic_arn === TOPIC)).toBe(true);
  });

  it("gives every alarm the topic as alarm and OK action and a deliberate treat_missing_data", () => {
    expect(alarms.length).toBeGreaterThan(0);
    for (const a of alarms) {
      expect(a.alarm_actions, a.alarm_name).toEqual([TOPIC]);
      expect(a.ok_actions, a.alarm_name).toEqual([TOPIC]);
      expect(["breaching", "notBreaching", "missing", "ignore"], a.alarm_name).toContain(a.treat_missing_data);
      expect(a.alarm_description, a.alarm_name).toMatch(/\S{3,}/);
      expect(a.alarm_name.startsWith(`${config.project}-${env}-`)).toBe(true);
    }
    expect(new Set(alarms.map((a) => a.alarm_name)).size).toBe(alarms.length);
  });

  it("covers every service: CPU, memory, 5XX, response time and host health, each on its own dimensions", () => {
    const serviceNames = new Set<string>();
    for (const service of config.services) {
      const cpu = alarm(`${service.name}-cpu-high`);
      expect(cpu).toEqual(expect.objectContaining({ namespace: "AWS/ECS", metric_name: "CPUUtilization", threshold: thresholds.ecsCpuPercent }));
      expect(cpu.dimensions.ClusterName).toBe(remote(env, "ecs", "cross_stack_output_aws_ecs_cluster_cluster_name"));
      expect(cpu.dimensions.ServiceName).toMatch(new RegExp(`cross_stack_reference_input_${env}_ecs\\.outputs\\.`));
      serviceNames.add(cpu.dimensions.ServiceName);
      const memory = alarm(`${service.name}-memory-high`);
      expect(memory).toEqual(expect.objectContaining({ metric_name: "MemoryUtilization", threshold: thresholds.ecsMemoryPercent }));
      expect(memory.dimensions).toEqual(cpu.dimensions);

      const targetGroup = alarm(`${service.name}-5xx`).dimensions.TargetGroup;
      expect(targetGroup).toMatch(new RegExp(`cross_stack_reference_input_${env}_edge\\.outputs\\..*target_group`));
      for (const suffix of ["5xx", "latency-high", "unhealthy-hosts", "no-healthy-hosts"]) {
        expect(alarm(`${service.name}-${suffix}`).dimensions).toEqual({
          LoadBalancer: remote(env, "edge", "cross_stack_output_aws_lb_alb_arn_suffix"),
          TargetGroup: targetGroup,
        });
      }
      expect(alarm(`${service.name}-unhealthy-hosts`)).toEqual(
        expect.objectContaining({ metric_name: "UnHealthyHostCount", comparison_operator: "GreaterThanThreshold", threshold: 0 }),
      );
      expect(alarm(`${service.name}-no-healthy-hosts`)).toEqual(
        expect.objectContaining({
          metric_name: "HealthyHostCount",
          comparison_operator: "LessThanThreshold",
          threshold: 1,
          treat_missing_data: "breaching",
        }),
      );
    }
    expect(serviceNames.size).toBe(config.services.length);
  });

  it("pages on 5XX counts per window and on average response time at the configured thresholds", () => {
    for (const name of ["alb-5xx", ...config.services.map((s) => `${s.name}-5xx`)]) {
      expect(alarm(name)).toEqual(
        expect.objectContaining({
          statistic: "Sum",
          comparison_operator: "GreaterThanThreshold",
          threshold: thresholds.http5xxCount,
          period: thresholds.countPeriodSeconds,
          evaluation_periods: 1,
          treat_missing_data: "notBreaching",
        }),
      );
    }
    expect(alarm("alb-5xx").metric_name).toBe("HTTPCode_ELB_5XX_Count");
    for (const service of config.services) {
      expect(alarm(`${service.name}-latency-high`)).toEqual(
        expect.objectContaining({ metric_name: "TargetResponseTime", statistic: "Average", threshold: thresholds.targetResponseTimeSeconds }),
      );
    }
  });

  it("covers the database: CPU, free storage, connections, and replica lag exactly when a replica exists", () => {
    const primary = remote(env, "rds", "cross_stack_output_aws_db_instance_rds_instance_identifier");
    expect(alarm("rds-cpu-high")).toEqual(expect.objectContaining({ metric_name: "CPUUtilization", dimensions: { DBInstanceIdentifier: primary } }));
    expect(alarm("rds-free-storage-low")).toEqual(
      expect.objectContaining({
        metric_name: "FreeStorageSpace",
        comparison_operator: "LessThanThreshold",
        threshold: thresholds.rdsFreeStorageGb! * GIB,
      }),
    );
    expect(alarm("rds-connections-high").threshold).toBe(thresholds.rdsConnections);
    const lag = alarms.find((a) => a.metric_name === "ReplicaLag");
    if (config.database!.readReplica.enabled) {
      expect(lag?.dimensions.DBInstanceIdentifier).toMatch(new RegExp(`cross_stack_reference_input_${env}_rds\\.outputs\\..*replica`));
      expect(lag?.threshold).toBe(thresholds.rdsReplicaLagSeconds);
    } else {
      expect(lag).toBeUndefined();
    }
  });

  it("covers every Redis node: host CPU, engine CPU, memory and evictions", () => {
    const nodes = config.cache!.numCacheClusters;
    const byMetric = (metric: string) => alarms.filter((a) => a.namespace === "AWS/ElastiCache" && a.metric_name === metric);
    for (const [metric, threshold] of [
      ["CPUUtilization", thresholds.redisCpuPercent],
      ["EngineCPUUtilization", thresholds.redisEngineCpuPercent],
      ["DatabaseMemoryUsagePercentage", thresholds.redisMemoryPercent],
      ["Evictions", thresholds.redisEvictions],
    ] as const) {
      const found = byMetric(metric);
      expect(found, metric).toHaveLength(nodes);
      expect(new Set(found.map((a) => a.dimensions.CacheClusterId)).size).toBe(nodes);
      expect(found.every((a) => a.threshold === threshold && String(a.dimensions.CacheClusterId).includes(`input_${env}_redis.outputs`))).toBe(true);
    }
  });

  it("pages on a spike of WAF-blocked requests on the edge stack's web ACL", () => {
    expect(alarm("waf-blocked-spike")).toEqual(
      expect.objectContaining({
        namespace: "AWS/WAFV2",
        metric_name: "BlockedRequests",
        threshold: thresholds.wafBlockedRequests,
        dimensions: { WebACL: remote(env, "edge", "cross_stack_output_aws_wafv2_web_acl_waf_name"), Region: config.region, Rule: "ALL" },
      }),
    );
  });

  it("draws every alarmed metric on the dashboard", () => {
    const dashboard = resourcesOf(stack, "aws_cloudwatch_dashboard").dashboard;
    expect(dashboard.dashboard_name).toBe(`${config.project}-${env}`);
    // A metric is its namespace, name and dimension set; the order of the dimensions does not matter.
    const metricKey = (namespace: string, name: string, dimensions: [string, string][]) =>
      [namespace, name, ...dimensions.map((pair) => pair.join("=")).sort()].join("|");
    const drawn = JSON.parse(dashboard.dashboard_body).widgets.flatMap((w: any) =>
      w.properties.metrics.map(([namespace, name, ...rest]: string[]) => {
        const dims = rest.slice(0, -1);
        return metricKey(
          namespace,
          name,
          dims.flatMap((_, i) => (i % 2 === 0 ? [[dims[i], dims[i + 1]] as [string, string]] : [])),
        );
      }),
    );
    for (const a of alarms) {
      expect(drawn, a.alarm_name).toContain(metricKey(a.namespace, a.metric_name, Object.entries(a.dimensions) as [string, string][]));
    }
  });

  it(`records a ${settings.cloudTrail.multiRegion ? "multi-region" : "single-region"} trail with file validation, the audit CMK and CloudWatch Logs delivery`, () => {
    expect(stack.text).toHaveResourceWithProperties(Cloudtrail, {
      name: `${config.project}-${env}-audit`,
      is_multi_region_trail: settings.cloudTrail.multiRegion,
      include_global_service_events: true,
      enable_log_file_validation: true,
      kms_key_id: remote(env, "secrets_kms", "cross_stack_output_aws_kms_key_audit_key_arn"),
      cloud_watch_logs_group_arn: "${aws_cloudwatch_log_group.trail_log_group.arn}:*",
      cloud_watch_logs_role_arn: "${aws_iam_role.trail_logs_role.arn}",
      s3_bucket_name: "${aws_s3_bucket.trail_bucket.bucket}",
    });
    expect(resourcesOf(stack, "aws_cloudwatch_log_group").trail_log_group).toEqual(
      expect.objectContaining({
        kms_key_id: remote(env, "secrets_kms", "cross_stack_output_aws_kms_key_logs_key_arn"),
        retention_in_days: settings.cloudTrail.logRetentionDays,
      }),
    );
    const rolePolicy = JSON.parse(resourcesOf(stack, "aws_iam_role_policy").trail_logs_role_policy.policy);
    expect(rolePolicy.Statement).toEqual([expect.objectContaining({ Resource: "${aws_cloudwatch_log_group.trail_log_group.arn}:log-stream:*" })]);
  });

  it("keeps the trail in an Object Lock bucket with the configured mode and retention", () => {
    expect(resourcesOf(stack, "aws_s3_bucket").trail_bucket.object_lock_enabled).toBe(true);
    expect(resourcesOf(stack, "aws_s3_bucket_object_lock_configuration").trail_bucket_object_lock.rule).toEqual({
      default_retention: { mode: settings.cloudTrail.objectLockMode, years: settings.cloudTrail.retentionYears },
    });
    const encryption = resourcesOf(stack, "aws_s3_bucket_server_side_encryption_configuration").trail_bucket_encryption;
    expect(encryption.rule[0].apply_server_side_encryption_by_default.kms_master_key_id).toBe(
      remote(env, "secrets_kms", "cross_stack_output_aws_kms_key_audit_key_arn"),
    );
  });

  it("lets only this trail write to its bucket", () => {
    const trailArn = `arn:aws:cloudtrail:${config.region}:${config.accountId}:trail/${config.project}-${env}-audit`;
    const statements: any[] = JSON.parse(resourcesOf(stack, "aws_s3_bucket_policy").trail_bucket_policy.policy).Statement;
    const allows = statements.filter((s) => s.Effect === "Allow");
    expect(allows.every((s) => s.Principal?.Service === "cloudtrail.amazonaws.com" && s.Condition.StringEquals["aws:SourceArn"] === trailArn)).toBe(
      true,
    );
    const write = allows.find((s) => s.Action === "s3:PutObject");
    expect(write.Resource).toBe(`\${aws_s3_bucket.trail_bucket.arn}/AWSLogs/${config.accountId}/*`);
    expect(write.Condition.StringEquals).toEqual(
      expect.objectContaining({ "aws:SourceAccount": config.accountId, "s3:x-amz-acl": "bucket-owner-full-control" }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: "Deny",
        Principal: "*",
        Action: "s3:PutObject",
        Condition: { StringNotEquals: { "aws:PrincipalServiceName": "cloudtrail.amazonaws.com" } },
      }),
    );
    expect(resourcesOf(stack, "aws_cloudtrail").trail.depends_on).toEqual(["aws_s3_bucket_policy.trail_bucket_policy"]);
  });

  it("budgets the month with an 80% forecast and a 100% actual notification to the topic and the emails", () => {
    const budget = resourcesOf(stack, "aws_budgets_budget").monthly_budget;
    expect(budget).toEqual(expect.objectContaining({ budget_type: "COST", time_unit: "MONTHLY", limit_unit: "USD", account_id: config.accountId }));
    expect(Number(budget.limit_amount)).toBe(settings.budget.monthlyLimitUsd);
    expect(budget.notification.map((n: any) => [n.notification_type, n.threshold])).toEqual([
      ["FORECASTED", 80],
      ["ACTUAL", 100],
    ]);
    for (const n of budget.notification) {
      expect(n.subscriber_sns_topic_arns).toEqual([TOPIC]);
      expect(n.subscriber_email_addresses).toEqual(settings.alarmEmails);
    }
  });

  it(settings.xray.enabled ? "samples traces with X-Ray at the configured rate" : "has no X-Ray sampling rule", () => {
    const rule = resourcesOf(stack, "aws_xray_sampling_rule").xray_sampling_rule;
    if (settings.xray.enabled) {
      expect(rule).toEqual(expect.objectContaining({ fixed_rate: settings.xray.fixedRate, reservoir_size: settings.xray.reservoirSize }));
    } else {
      expect(rule).toBeUndefined();
    }
  });
});

describe("budgets per environment", () => {
  it("are one budget per environment, named after it (their limits: __tests__/unit/sizing-policy.test.ts)", () => {
    const budgetOf = (env: string) => resourcesOf(synthEnvironment(env).stack("observability"), "aws_budgets_budget").monthly_budget;
    const [dev, staging, prod] = ["dev", "staging", "prod"].map(budgetOf);
    expect([dev.name, staging.name, prod.name]).toEqual(["voice-ai-dev-monthly", "voice-ai-staging-monthly", "voice-ai-prod-monthly"]);
  });
});

describe("ObservabilityStack from plain values", () => {
  const props = (edit: (raw: any) => void = () => {}): ObservabilityStackProps => {
    const raw = structuredClone(ENVIRONMENTS.dev) as any;
    edit(raw);
    return {
      config: parseEnvironmentConfig(raw, "dev (edited)"),
      messagingKeyArn: "arn:aws:kms:us-east-1:111111111111:key/messaging",
      auditKeyArn: "arn:aws:kms:us-east-1:111111111111:key/audit",
      logsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/logs",
      services: [{ name: "api", clusterName: "c", serviceName: "api-svc", targetGroupArnSuffix: "targetgroup/api/1" }],
      loadBalancer: { arnSuffix: "app/alb/1", webAclName: "acl" },
      database: { instanceIdentifier: "db", readReplicaIdentifier: "db-replica" },
      cache: { memberClusterIds: ["redis-001", "redis-002", "redis-003"] },
    };
  };
  const synthOf = (p: ObservabilityStackProps) => JSON.parse(Testing.synth(new ObservabilityStack(testApp(), p)));

  it("pages optional SMS numbers and alarms per given node and replica", () => {
    const json = synthOf(props((r) => (r.observability.alarmSmsNumbers = ["+14155550100"])));
    const subscriptions = Object.values(json.resource.aws_sns_topic_subscription) as any[];
    expect(subscriptions).toContainEqual(expect.objectContaining({ protocol: "sms", endpoint: "+14155550100" }));
    const alarms = Object.values(json.resource.aws_cloudwatch_metric_alarm) as any[];
    expect(alarms.filter((a) => a.metric_name === "Evictions").map((a) => a.dimensions.CacheClusterId)).toEqual([
      "redis-001",
      "redis-002",
      "redis-003",
    ]);
    expect(alarms.find((a) => a.metric_name === "ReplicaLag").dimensions).toEqual({ DBInstanceIdentifier: "db-replica" });
  });

  it("leaves the dashboard out when it is switched off", () => {
    const json = synthOf(props((r) => (r.observability.dashboard = false)));
    expect(json.resource.aws_cloudwatch_dashboard).toBeUndefined();
    expect(Object.keys(json.resource.aws_cloudwatch_metric_alarm).length).toBeGreaterThan(0);
  });

  it("refuses services without the load balancer they are observed behind", () => {
    expect(() => synthOf({ ...props(), loadBalancer: undefined })).toThrow(
      /services are observed behind a load balancer, so loadBalancer is required/,
    );
  });

  it("builds no ALB, WAF or service alarm without a load balancer (serverless)", () => {
    const json = synthOf({ ...props(), loadBalancer: undefined, services: undefined });
    const metrics = Object.values(json.resource.aws_cloudwatch_metric_alarm).map((alarm: any) => alarm.metric_name);
    expect(metrics).not.toContain("HTTPCode_ELB_5XX_Count");
    expect(metrics).not.toContain("BlockedRequests");
    expect(metrics).not.toContain("HTTPCode_Target_5XX_Count");
    expect(Object.values(json.resource.aws_cloudwatch_metric_alarm).filter((alarm: any) => alarm.namespace === "AWS/ECS")).toEqual([]);
    expect(metrics).toContain("DatabaseConnections");
  });

  it("refuses a service whose ECS service name or target group the wiring did not find", () => {
    const services = [{ name: "api", clusterName: "c", serviceName: undefined as unknown as string, targetGroupArnSuffix: "" }];
    expect(() => synthOf({ ...props(), services })).toThrow(
      /service api has no serviceName, targetGroupArnSuffix; the ecs and edge stacks must expose/,
    );
  });

  it("leaves the RDS and Redis alarms out without a database and a cache, and the lag alarm without a replica", () => {
    const metricsOf = (p: ObservabilityStackProps) =>
      (Object.values(synthOf(p).resource.aws_cloudwatch_metric_alarm) as any[]).map((a) => `${a.namespace} ${a.metric_name}`);
    const without = metricsOf({ ...props(), database: undefined, cache: undefined });
    expect(without.filter((m) => m.startsWith("AWS/RDS") || m.startsWith("AWS/ElastiCache"))).toEqual([]);
    const noReplica = metricsOf({ ...props(), database: { instanceIdentifier: "db" } });
    expect(noReplica.filter((m) => m.startsWith("AWS/RDS")).sort()).toEqual([
      "AWS/RDS CPUUtilization",
      "AWS/RDS DatabaseConnections",
      "AWS/RDS FreeStorageSpace",
    ]);
  });
});
