import { describe, expect, it } from "vitest";
import { BLUEPRINTS } from "../../config";
import { resourcesOf, synthBlueprintEnvironment } from "../support/synth";

/**
 * Seed 001 (Voice OpenAI Connect) as its author would check the synthesized `voice-connect` blueprint: each
 * capability the seed names and we keep. What we build differently, and why, is in docs/decisions/voice-connect.md.
 */
const ENVIRONMENTS = Object.keys(BLUEPRINTS["voice-connect"]);
const env = (name: string) => synthBlueprintEnvironment("voice-connect", name);
const prod = env("prod");
const one = (stack: ReturnType<typeof prod.stack>, type: string) => {
  const found = Object.values(resourcesOf(stack, type));
  expect(found, type).toHaveLength(1);
  return found[0];
};
const containerOf = (name: string) => JSON.parse(one(env(name).stack("ecs"), "aws_ecs_task_definition").container_definitions)[0];

describe("seed 001 (voice-connect): what the seed names and we keep", () => {
  it("deploys to ap-southeast-2, in dev and prod", () => {
    expect(ENVIRONMENTS).toEqual(["dev", "prod"]);
    for (const name of ENVIRONMENTS) expect(env(name).config.region).toBe("ap-southeast-2");
  });

  it("runs the gateway on Fargate: 0.5 vCPU / 1 GB, 2 tasks in dev and 4 in prod, up to 10, rolling deployments", () => {
    for (const [name, desired, min] of [
      ["dev", 2, 1],
      ["prod", 4, 2],
    ] as const) {
      const ecs = env(name).stack("ecs");
      const service = one(ecs, "aws_ecs_service");
      expect(service).toEqual(expect.objectContaining({ launch_type: "FARGATE", desired_count: desired }));
      expect(service.deployment_circuit_breaker).toEqual({ enable: true, rollback: true });
      expect([service.deployment_minimum_healthy_percent, service.deployment_maximum_percent]).toEqual([100, 200]);
      const task = one(ecs, "aws_ecs_task_definition");
      expect([task.cpu, task.memory]).toEqual(["512", "1024"]);
      const target = one(ecs, "aws_appautoscaling_target");
      expect([target.min_capacity, target.max_capacity]).toEqual([min, 10]);
    }
  });

  it("scales on the seed's three signals: CPU 70 %, memory 80 %, 1000 ALB requests per target", () => {
    const policies = resourcesOf(prod.stack("ecs"), "aws_appautoscaling_policy");
    const tracking = (id: string) => policies[id].target_tracking_scaling_policy_configuration;
    expect(tracking("gateway_cpu_scaling")).toEqual(expect.objectContaining({ target_value: 70 }));
    expect(tracking("gateway_cpu_scaling").predefined_metric_specification.predefined_metric_type).toBe("ECSServiceAverageCPUUtilization");
    expect(tracking("gateway_memory_scaling")).toEqual(expect.objectContaining({ target_value: 80 }));
    expect(tracking("gateway_memory_scaling").predefined_metric_specification.predefined_metric_type).toBe("ECSServiceAverageMemoryUtilization");
    expect(tracking("gateway_request_scaling")).toEqual(expect.objectContaining({ target_value: 1000 }));
    expect(tracking("gateway_request_scaling").predefined_metric_specification.predefined_metric_type).toBe("ALBRequestCountPerTarget");
  });

  it("gives the gateway its credentials from Secrets Manager and the Twilio and Connect phone numbers", () => {
    const container = containerOf("prod");
    expect(container.secrets.map((s: { name: string }) => s.name).sort()).toEqual([
      "HUBSPOT_API_KEY",
      "OPENAI_API_KEY",
      "TWILIO_ACCOUNT_SID",
      "TWILIO_AUTH_TOKEN",
    ]);
    const names = container.environment.map((v: { name: string }) => v.name);
    expect(names).toEqual(expect.arrayContaining(["TWILIO_PHONE_NUMBER", "CONNECT_PHONE_NUMBER"]));
    // The recovery window the seed keeps in prod.
    for (const secret of Object.values(resourcesOf(prod.stack("secrets-kms"), "aws_secretsmanager_secret")))
      expect(secret.recovery_window_in_days).toBe(30);
  });

  it("puts a WebSocket-capable, internet-facing ALB in front: sticky target group with a health check, HTTP to HTTPS in prod", () => {
    const edge = prod.stack("edge");
    const alb = one(edge, "aws_lb");
    expect(alb.internal).toBe(false);
    expect(alb.idle_timeout).toBe(3600);
    const group = one(edge, "aws_lb_target_group");
    expect(group.stickiness).toEqual(expect.objectContaining({ enabled: true }));
    expect(group.health_check).toEqual(expect.objectContaining({ enabled: true, path: "/health" }));
    const listeners = resourcesOf(edge, "aws_lb_listener");
    expect(listeners.http_listener.default_action[0].redirect).toEqual(expect.objectContaining({ protocol: "HTTPS", port: "443" }));
    expect(listeners.https_listener.protocol).toBe("HTTPS");
  });

  it("keeps handover tokens in DynamoDB: on demand, TTL, a CMK, point-in-time recovery in prod", () => {
    for (const name of ENVIRONMENTS) {
      const table = one(env(name).stack("data-dynamodb"), "aws_dynamodb_table");
      expect(table.billing_mode).toBe("PAY_PER_REQUEST");
      expect(table.ttl).toEqual({ enabled: true, attribute_name: "expires_at" });
      expect(table.server_side_encryption.enabled).toBe(true);
      expect(table.server_side_encryption.kms_key_arn).toMatch(/dynamodb_key/);
      expect(table.point_in_time_recovery.enabled).toBe(name === "prod");
    }
  });

  it("runs the Amazon Connect lookup as a container-image Lambda in the private subnets, associated with the instance", () => {
    const functions = prod.stack("functions");
    const fn = one(functions, "aws_lambda_function");
    expect(fn.package_type).toBe("Image");
    expect(fn.vpc_config.subnet_ids).toHaveLength(2);
    for (const subnet of fn.vpc_config.subnet_ids) expect(subnet).toMatch(/private_subnet/);
    expect(one(functions, "aws_connect_lambda_function_association").function_arn).toBe("${aws_lambda_function.connect_lookup.arn}");
  });

  it("keeps an ECR repository per image with scan on push, KMS encryption and a lifecycle policy", () => {
    const registry = prod.stack("registry");
    const repositories = Object.values(resourcesOf(registry, "aws_ecr_repository"));
    expect(repositories.map((r) => r.name).sort()).toEqual(["voice-connect-prod/connect-lookup", "voice-connect-prod/gateway"]);
    for (const repository of repositories) {
      expect(repository.image_scanning_configuration).toEqual({ scan_on_push: true });
      expect(repository.encryption_configuration[0].encryption_type).toBe("KMS");
    }
    expect(Object.keys(resourcesOf(registry, "aws_ecr_lifecycle_policy"))).toHaveLength(2);
  });

  it("spreads the VPC over two AZs with NAT per AZ in prod and one in dev, and the seed's endpoints", () => {
    for (const [name, nat] of [
      ["dev", 1],
      ["prod", 2],
    ] as const) {
      const vpc = env(name).stack("vpc");
      expect(Object.keys(resourcesOf(vpc, "aws_nat_gateway"))).toHaveLength(nat);
      const subnets = Object.keys(resourcesOf(vpc, "aws_subnet"));
      expect(subnets.filter((s) => s.startsWith("public_"))).toHaveLength(2);
      expect(subnets.filter((s) => s.startsWith("private_"))).toHaveLength(2);
      const endpoints = Object.values(resourcesOf(vpc, "aws_vpc_endpoint")).map(
        (e) => `${e.service_name.split(".").slice(3).join(".")} ${e.vpc_endpoint_type}`,
      );
      expect(endpoints.sort()).toEqual([
        "dynamodb Gateway",
        "ecr.api Interface",
        "ecr.dkr Interface",
        "logs Interface",
        "s3 Gateway",
        "secretsmanager Interface",
      ]);
    }
    expect(one(prod.stack("vpc"), "aws_vpc").cidr_block).toBe("10.0.0.0/16");
    expect(one(prod.stack("vpc"), "aws_flow_log").traffic_type).toBe("ALL");
  });

  it("has separate KMS keys for DynamoDB, secrets, logs, ECR and SNS, with a shorter deletion window outside prod", () => {
    for (const [name, window] of [
      ["dev", 7],
      ["prod", 30],
    ] as const) {
      const keys = resourcesOf(env(name).stack("secrets-kms"), "aws_kms_key");
      for (const purpose of ["dynamodb", "secrets", "logs", "containers", "messaging"]) {
        expect(keys[`${purpose}_key`], purpose).toEqual(expect.objectContaining({ enable_key_rotation: true, deletion_window_in_days: window }));
      }
    }
  });

  it("encrypts every log group with the logs key and keeps logs shorter in dev", () => {
    for (const [name, ecsDays] of [
      ["dev", 7],
      ["prod", 90],
    ] as const) {
      const groups = ["ecs", "functions", "vpc"].flatMap((component) =>
        Object.values(resourcesOf(env(name).stack(component), "aws_cloudwatch_log_group")),
      );
      for (const group of groups) expect(group.kms_key_id, group.name).toMatch(/logs_key/);
      expect(groups.find((g) => g.name.endsWith("/gateway"))!.retention_in_days).toBe(ecsDays);
    }
  });

  it("alarms on CPU, memory, errors, throttles and unhealthy hosts, to an SNS topic with email, with a dashboard", () => {
    for (const name of ENVIRONMENTS) {
      const observability = env(name).stack("observability");
      const alarms = Object.values(resourcesOf(observability, "aws_cloudwatch_metric_alarm"));
      const metrics = alarms.map((a) => `${a.namespace} ${a.metric_name}`);
      for (const metric of [
        "AWS/ECS CPUUtilization",
        "AWS/ECS MemoryUtilization",
        "AWS/ApplicationELB HTTPCode_ELB_5XX_Count",
        "AWS/ApplicationELB HTTPCode_Target_5XX_Count",
        "AWS/Lambda Errors",
        "AWS/Lambda Throttles",
        "AWS/DynamoDB ReadThrottleEvents",
        "AWS/DynamoDB WriteThrottleEvents",
        "AWS/ApplicationELB UnHealthyHostCount",
      ]) {
        expect(metrics, `${name}: ${metric}`).toContain(metric);
      }
      const lambda = alarms.filter((a) => a.namespace === "AWS/Lambda");
      for (const alarm of lambda) expect(alarm.dimensions.FunctionName).toMatch(/functions.*connect_lookup/);
      const tables = alarms.filter((a) => a.namespace === "AWS/DynamoDB");
      for (const alarm of tables) expect(alarm.dimensions.TableName).toMatch(/data_dynamodb.*handover_tokens/);
      for (const alarm of alarms) expect(alarm.alarm_actions).toEqual(["${aws_sns_topic.alarm_topic.arn}"]);
      expect(one(observability, "aws_sns_topic_subscription").protocol).toBe("email");
      expect(Object.keys(resourcesOf(observability, "aws_cloudwatch_dashboard"))).toHaveLength(1);
    }
  });
});
