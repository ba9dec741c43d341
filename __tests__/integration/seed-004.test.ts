import { describe, expect, it } from "vitest";
import { resourcesOf, synthBlueprintEnvironment } from "../support/synth";
import { SEED_004_SERVICES } from "../support/seed-004";

/**
 * Seed 004 (Gen AI Services) as its author would check the synthesized `genai-services` blueprint: each capability
 * the seed names and we keep. What we build differently, and why, is in docs/decisions/genai-services.md.
 */
const prod = synthBlueprintEnvironment("genai-services", "prod");
const SEED_SERVICES = SEED_004_SERVICES;
const keyOf = (service: string) => service.replace(/-/g, "_");

describe("seed 004 (genai-services): what the seed names and we keep", () => {
  it("builds the seed's VPC: 10.0.0.0/16 over three us-east-1 AZs, its subnets, one NAT gateway, an S3 endpoint", () => {
    const vpc = prod.stack("vpc");
    expect(Object.values(resourcesOf(vpc, "aws_vpc"))[0].cidr_block).toBe("10.0.0.0/16");
    const subnets = Object.values(resourcesOf(vpc, "aws_subnet"));
    const cidrs = (tier: string) =>
      subnets
        .filter((s) => s.tags.tier === tier)
        .map((s) => `${s.availability_zone} ${s.cidr_block}`)
        .sort();
    expect(cidrs("private")).toEqual(["a", "b", "c"].map((az, i) => `us-east-1${az} 10.0.${i + 1}.0/24`));
    expect(cidrs("public")).toEqual(["a", "b", "c"].map((az, i) => `us-east-1${az} 10.0.${101 + i}.0/24`));
    expect(Object.keys(resourcesOf(vpc, "aws_nat_gateway"))).toHaveLength(1);
    expect(Object.values(resourcesOf(vpc, "aws_vpc_endpoint")).map((e) => `${e.vpc_endpoint_type} ${e.service_name}`)).toContain(
      "Gateway com.amazonaws.us-east-1.s3",
    );
  });

  it("runs the nine services on a Container Insights cluster, each with a scanned repository and a 30-day log group, 4 tasks at most", () => {
    const ecs = prod.stack("ecs");
    expect(resourcesOf(ecs, "aws_ecs_cluster").cluster.setting).toEqual([{ name: "containerInsights", value: "enabled" }]);
    expect(prod.config.services.map((s) => s.environment.SERVICE_NAME)).toEqual(SEED_SERVICES);
    const repositories = resourcesOf(prod.stack("registry"), "aws_ecr_repository");
    const logGroups = resourcesOf(ecs, "aws_cloudwatch_log_group");
    const targets = resourcesOf(ecs, "aws_appautoscaling_target");
    for (const service of prod.config.services) {
      expect(repositories[`${keyOf(service.name)}_repository`].image_scanning_configuration).toEqual({ scan_on_push: true });
      expect(logGroups[`${keyOf(service.name)}_logs`].retention_in_days).toBe(30);
      const target = targets[`${keyOf(service.name)}_scaling`];
      expect([target.scalable_dimension, target.max_capacity]).toEqual(["ecs:service:DesiredCount", 4]);
    }
    expect(Object.keys(repositories)).toHaveLength(9);
  });

  it("keeps the seed's PostgreSQL: database genai, user genai_admin, 20 GB, 7 days of backups in 03:00-04:00, point-in-time recovery", () => {
    const db = resourcesOf(prod.stack("rds"), "aws_db_instance").rds_instance;
    expect(db).toEqual(
      expect.objectContaining({
        engine: "postgres",
        db_name: "genai",
        username: "genai_admin",
        allocated_storage: 20,
        backup_retention_period: 7,
        backup_window: "03:00-04:00",
        storage_encrypted: true,
      }),
    );
    expect(prod.config.backup).toEqual(expect.objectContaining({ continuousBackup: true, schedule: "cron(0 5 ? * * *)" }));
  });

  it("runs Redis on 6379 and keeps documents in a versioned, encrypted bucket", () => {
    expect(Object.values(resourcesOf(prod.stack("redis"), "aws_elasticache_replication_group"))[0]).toEqual(
      expect.objectContaining({ engine: "redis", port: 6379 }),
    );
    const storage = prod.stack("storage");
    expect(resourcesOf(storage, "aws_s3_bucket_versioning").documents_bucket_versioning.versioning_configuration.status).toBe("Enabled");
    const rule = resourcesOf(storage, "aws_s3_bucket_server_side_encryption_configuration").documents_bucket_encryption.rule[0];
    expect(rule.apply_server_side_encryption_by_default.sse_algorithm).toBe("aws:kms");
  });

  it("samples traces with the seed's X-Ray rule: priority 1000, reservoir 1, 5 %, every request", () => {
    const rule = resourcesOf(prod.stack("observability"), "aws_xray_sampling_rule").xray_sampling_rule;
    expect(rule).toEqual(
      expect.objectContaining({
        priority: 1000,
        version: 1,
        reservoir_size: 1,
        fixed_rate: 0.05,
        host: "*",
        http_method: "*",
        url_path: "*",
        service_name: "*",
        service_type: "*",
        resource_arn: "*",
      }),
    );
  });

  it("gives the services a task execution role assumed by ecs-tasks and the api-keys secret", () => {
    const roles = resourcesOf(prod.stack("ecs"), "aws_iam_role");
    for (const service of prod.config.services) {
      const trust = JSON.parse(roles[`${keyOf(service.name)}_execution_role`].assume_role_policy);
      expect(trust.Statement.map((s: any) => [s.Action, s.Principal.Service])).toEqual([["sts:AssumeRole", "ecs-tasks.amazonaws.com"]]);
    }
    const secrets = Object.values(resourcesOf(prod.stack("secrets-kms"), "aws_secretsmanager_secret")).map((s) => s.name);
    expect(secrets).toContain("prod/genai-services/api-keys");
  });

  it("pages the alert topic on CPU > 80 %, memory > 85 %, low disk (20 % of 20 GB) and service health", () => {
    const alarms = Object.values(resourcesOf(prod.stack("observability"), "aws_cloudwatch_metric_alarm"));
    const line = (a: any) => `${a.namespace} ${a.metric_name} ${a.comparison_operator} ${a.threshold}`;
    for (const service of prod.config.services) {
      const own = alarms.filter((a) => a.alarm_name.startsWith(`genai-services-prod-${service.name}-`)).map(line);
      expect(own).toEqual(
        expect.arrayContaining([
          "AWS/ECS CPUUtilization GreaterThanThreshold 80",
          "AWS/ECS MemoryUtilization GreaterThanThreshold 85",
          "AWS/ApplicationELB HealthyHostCount LessThanThreshold 1",
          "AWS/ApplicationELB HTTPCode_Target_5XX_Count GreaterThanThreshold 10",
        ]),
      );
    }
    expect(alarms.map(line)).toEqual(
      expect.arrayContaining(["AWS/RDS CPUUtilization GreaterThanThreshold 80", `AWS/RDS FreeStorageSpace LessThanThreshold ${4 * 1024 ** 3}`]),
    );
    for (const alarm of alarms) expect(alarm.alarm_actions).toEqual(["${aws_sns_topic.alarm_topic.arn}"]);
  });

  it("budgets $1000 of cost a month and notifies when actual spend passes 80 %", () => {
    const budget = resourcesOf(prod.stack("observability"), "aws_budgets_budget").monthly_budget;
    expect(budget).toEqual(expect.objectContaining({ budget_type: "COST", limit_amount: "1000", limit_unit: "USD", time_unit: "MONTHLY" }));
    expect(budget.notification).toContainEqual(
      expect.objectContaining({ comparison_operator: "GREATER_THAN", threshold: 80, threshold_type: "PERCENTAGE", notification_type: "ACTUAL" }),
    );
  });

  it("copies backups to the secondary region us-west-2", () => {
    expect(prod.config.dr).toEqual({ enabled: true, region: "us-west-2" });
    const plan = Object.values(resourcesOf(prod.stack("backup"), "aws_backup_plan"))[0];
    const copy = plan.rule.flatMap((r: any) => r.copy_action ?? []);
    expect(copy.map((c: any) => c.destination_vault_arn)).toEqual(["${aws_backup_vault.dr_vault.arn}"]);
    const backup = prod.stack("backup");
    const dr = (backup.json.provider?.aws ?? []).find((p) => p.alias === "dr");
    expect([resourcesOf(backup, "aws_backup_vault").dr_vault.provider, dr?.region]).toEqual(["aws.dr", "us-west-2"]);
  });

  it("trails every region with global service events and every management event", () => {
    const trail = resourcesOf(prod.stack("observability"), "aws_cloudtrail").trail;
    expect(trail).toEqual(expect.objectContaining({ is_multi_region_trail: true, include_global_service_events: true }));
    // No event selector: CloudTrail records every management event, reads and writes (the seed's selector).
    expect(trail.event_selector ?? trail.advanced_event_selector).toBeUndefined();
  });

  it("terminates TLS 1.2 or later at the ALB", () => {
    const listener = resourcesOf(prod.stack("edge"), "aws_lb_listener").https_listener;
    expect(listener.ssl_policy).toBe("ELBSecurityPolicy-TLS13-1-2-2021-06");
  });
});
