import { describe, expect, it } from "vitest";
import { BLUEPRINTS } from "../../config";
import { remoteOutputRef } from "../support/remote-state";
import { resourcesOf, synthBlueprintEnvironment } from "../support/synth";

/**
 * Seed 003 (Saprism) as its author would check the synthesized `saprism` blueprint: each capability the seed names
 * and we keep. What we build differently, and why, is in docs/decisions/saprism.md.
 */
const ENVIRONMENTS = Object.keys(BLUEPRINTS.saprism);
const prod = synthBlueprintEnvironment("saprism", "prod");
const alarmsOf = (env: string) =>
  Object.values(resourcesOf(synthBlueprintEnvironment("saprism", env).stack("observability"), "aws_cloudwatch_metric_alarm"));

describe("seed 003 (saprism): what the seed names and we keep", () => {
  it("runs the app on ECS Fargate on port 5000 with NODE_ENV, scaling 1-10 tasks on CPU and memory (prod 2-10)", () => {
    const ecs = prod.stack("ecs");
    for (const name of ["app", "app_ws"]) {
      const [container] = JSON.parse(resourcesOf(ecs, "aws_ecs_task_definition")[`${name}_task_definition`].container_definitions);
      expect(container.portMappings.map((p: { containerPort: number }) => p.containerPort)).toEqual([5000]);
      const env = Object.fromEntries(container.environment.map((v: { name: string; value: string }) => [v.name, v.value]));
      expect(env).toEqual(expect.objectContaining({ NODE_ENV: "production", PORT: "5000" }));
      expect(resourcesOf(ecs, "aws_ecs_service")[name].launch_type).toBe("FARGATE");
      const target = resourcesOf(ecs, "aws_appautoscaling_target")[`${name}_scaling`];
      expect([target.min_capacity, target.max_capacity]).toEqual([2, 10]);
      const policies = resourcesOf(ecs, "aws_appautoscaling_policy");
      expect(
        policies[`${name}_cpu_scaling`].target_tracking_scaling_policy_configuration.predefined_metric_specification.predefined_metric_type,
      ).toBe("ECSServiceAverageCPUUtilization");
      expect(
        policies[`${name}_memory_scaling`].target_tracking_scaling_policy_configuration.predefined_metric_specification.predefined_metric_type,
      ).toBe("ECSServiceAverageMemoryUtilization");
    }
    const dev = synthBlueprintEnvironment("saprism", "dev").stack("ecs");
    expect(resourcesOf(dev, "aws_appautoscaling_target").app_scaling.min_capacity).toBe(1);
    expect(Object.values(resourcesOf(dev, "aws_ecs_task_definition")).map((td) => [td.cpu, td.memory])).toEqual([
      ["256", "512"],
      ["256", "512"],
    ]);
  });

  it("sends /ws/* to a separate sticky target group and scales it on connection count", () => {
    const edge = prod.stack("edge");
    const rule = resourcesOf(edge, "aws_lb_listener_rule").app_ws_rule;
    expect(rule.condition).toEqual([{ path_pattern: { values: ["/ws/*"] } }]);
    expect(rule.action).toEqual([{ type: "forward", target_group_arn: "${aws_lb_target_group.app_ws.arn}" }]);
    expect(resourcesOf(edge, "aws_lb_target_group").app_ws.stickiness).toEqual(expect.objectContaining({ enabled: true, type: "lb_cookie" }));

    const ecs = prod.stack("ecs");
    const policy = resourcesOf(ecs, "aws_appautoscaling_policy").app_ws_custom_metric_scaling;
    expect(policy.resource_id).toBe("${aws_appautoscaling_target.app_ws_scaling.resource_id}");
    const tracking = policy.target_tracking_scaling_policy_configuration;
    expect(tracking.customized_metric_specification).toEqual({
      namespace: "Saprism",
      metric_name: "WebSocketConnections",
      dimensions: [{ name: "Service", value: "app-ws" }],
      statistic: "Average",
    });
    expect(tracking.target_value).toBe(500);
    // The tasks learn the dimension value they publish with from their environment.
    const [container] = JSON.parse(resourcesOf(ecs, "aws_ecs_task_definition").app_ws_task_definition.container_definitions);
    expect(container.environment).toContainEqual({ name: "METRICS_SERVICE", value: "app-ws" });
    expect(resourcesOf(ecs, "aws_appautoscaling_policy").app_custom_metric_scaling).toBeUndefined();
  });

  it("keeps PostgreSQL encrypted with storage autoscaling to 100 GB, 7 days of backups in every environment, PI and minor upgrades", () => {
    for (const env of ENVIRONMENTS) {
      const db = resourcesOf(synthBlueprintEnvironment("saprism", env).stack("rds"), "aws_db_instance").rds_instance;
      expect(db).toEqual(
        expect.objectContaining({
          engine: "postgres",
          storage_encrypted: true,
          allocated_storage: 20,
          max_allocated_storage: 100,
          backup_retention_period: 7,
          performance_insights_enabled: true,
          auto_minor_version_upgrade: true,
        }),
      );
    }
    const db = resourcesOf(prod.stack("rds"), "aws_db_instance").rds_instance;
    expect([db.multi_az, db.deletion_protection]).toEqual([true, true]);
  });

  it("signs users in with Cognito and hands the app its pool and client ids through SSM", () => {
    const identity = prod.stack("identity");
    expect(Object.keys(resourcesOf(identity, "aws_cognito_user_pool"))).toEqual(["user_pool"]);
    expect(Object.keys(resourcesOf(identity, "aws_cognito_user_pool_client"))).toEqual(["app_client"]);
    const names = Object.values(resourcesOf(identity, "aws_ssm_parameter")).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["/saprism/prod/cognito_user_pool_id", "/saprism/prod/cognito_client_id"]));
  });

  it("keeps the external service credentials as SecureStrings the operator overwrites", () => {
    for (const env of ENVIRONMENTS) {
      const parameters = Object.values(resourcesOf(synthBlueprintEnvironment("saprism", env).stack("parameters"), "aws_ssm_parameter"));
      expect(parameters.map((p) => p.name).sort()).toEqual(
        ["livekit_api_key", "livekit_api_secret", "openai_api_key", "salesforce_client_id", "salesforce_client_secret"].map(
          (n) => `/saprism/${env}/${n}`,
        ),
      );
      for (const parameter of parameters) expect(parameter.type).toBe("SecureString");
    }
  });

  it("terminates TLS at the ALB and redirects HTTP to HTTPS where a domain is set", () => {
    for (const env of ["staging", "prod"]) {
      const listeners = resourcesOf(synthBlueprintEnvironment("saprism", env).stack("edge"), "aws_lb_listener");
      expect(listeners.http_listener.default_action).toEqual([
        { type: "redirect", redirect: { port: "443", protocol: "HTTPS", status_code: "HTTP_301" } },
      ]);
      expect(listeners.https_listener).toEqual(
        expect.objectContaining({ port: 443, protocol: "HTTPS", ssl_policy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
      );
    }
  });

  it("protects the ALB with WAF: 2000 requests per IP per 5 minutes and the common attack rules; no body-cap exception", () => {
    for (const env of ENVIRONMENTS) {
      const synth = synthBlueprintEnvironment("saprism", env);
      const acl = Object.values(resourcesOf(synth.stack("edge"), "aws_wafv2_web_acl"))[0];
      const rate = acl.rule.find((rule: any) => rule.statement.rate_based_statement);
      expect(rate.statement.rate_based_statement).toEqual(expect.objectContaining({ limit: 2000, aggregate_key_type: "IP" }));
      expect(acl.rule.map((rule: any) => rule.name)).toEqual(expect.arrayContaining(["AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet"]));
      expect(Object.keys(resourcesOf(synth.stack("edge"), "aws_wafv2_web_acl_association"))).toHaveLength(1);
      // docs/decisions/saprism.md: the seed names no upload route, so the Core Rule Set's body cap holds everywhere.
      expect(synth.config.edge!.waf.largeBodyPaths).toEqual([]);
    }
  });

  it("pages on 5XX > 10 in 5 minutes, response time > 2 s, database connections and storage, and unhealthy services", () => {
    for (const env of ENVIRONMENTS) {
      const alarms = alarmsOf(env).map((a) => `${a.namespace} ${a.metric_name} ${a.comparison_operator} ${a.threshold} ${a.period}`);
      for (const service of ["app", "app-ws"]) {
        expect(alarmsOf(env).map((a) => a.alarm_name)).toEqual(
          expect.arrayContaining([
            `saprism-${env}-${service}-5xx`,
            `saprism-${env}-${service}-latency-high`,
            `saprism-${env}-${service}-unhealthy-hosts`,
            `saprism-${env}-${service}-no-healthy-hosts`,
          ]),
        );
      }
      expect(alarms).toEqual(
        expect.arrayContaining([
          "AWS/ApplicationELB HTTPCode_ELB_5XX_Count GreaterThanThreshold 10 300",
          "AWS/ApplicationELB HTTPCode_Target_5XX_Count GreaterThanThreshold 10 300",
          "AWS/ApplicationELB TargetResponseTime GreaterThanThreshold 2 300",
          expect.stringMatching(/^AWS\/RDS DatabaseConnections GreaterThanThreshold \d+ 300$/),
          expect.stringMatching(/^AWS\/RDS FreeStorageSpace LessThanThreshold \d+ 300$/),
        ]),
      );
    }
  });

  it("alerts the alert_email address through SNS and draws a dashboard", () => {
    const observability = prod.stack("observability");
    expect(Object.values(resourcesOf(observability, "aws_sns_topic_subscription")).map((s) => [s.protocol, s.endpoint])).toEqual([
      ["email", "admin@example.com"],
    ]);
    for (const alarm of Object.values(resourcesOf(observability, "aws_cloudwatch_metric_alarm"))) {
      expect(alarm.alarm_actions).toEqual(["${aws_sns_topic.alarm_topic.arn}"]);
    }
    expect(Object.keys(resourcesOf(observability, "aws_cloudwatch_dashboard"))).toEqual(["dashboard"]);
  });

  it("keeps uploads in a versioned bucket, scans images on push and traces with X-Ray where enabled", () => {
    const storage = prod.stack("storage");
    expect(resourcesOf(storage, "aws_s3_bucket_versioning").documents_bucket_versioning.versioning_configuration.status).toBe("Enabled");
    const [container] = JSON.parse(resourcesOf(prod.stack("ecs"), "aws_ecs_task_definition").app_task_definition.container_definitions);
    const bucket = container.environment.find((v: { name: string }) => v.name === "DOCUMENTS_BUCKET");
    expect(remoteOutputRef(prod, bucket.value)).toEqual({ stack: "storage", value: "${aws_s3_bucket.documents_bucket.bucket}" });
    for (const repository of Object.values(resourcesOf(prod.stack("registry"), "aws_ecr_repository"))) {
      expect(repository.image_scanning_configuration).toEqual({ scan_on_push: true });
    }
    for (const env of ["staging", "prod"]) {
      expect(Object.keys(resourcesOf(synthBlueprintEnvironment("saprism", env).stack("observability"), "aws_xray_sampling_rule"))).toHaveLength(1);
    }
  });
});
