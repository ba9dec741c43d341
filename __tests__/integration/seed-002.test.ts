import { describe, expect, it } from "vitest";
import { resourcesOf, synthBlueprintEnvironment } from "../support/synth";

/**
 * Seed 002 (Voice Assistant AI, serverless) as its author would check the synthesized `voice-assistant` blueprint:
 * each capability the seed names and we keep. What we build differently, and why, is in
 * docs/decisions/voice-assistant.md.
 */
const prod = synthBlueprintEnvironment("voice-assistant", "prod");
const dev = synthBlueprintEnvironment("voice-assistant", "dev");
const FUNCTIONS = ["voice-processing", "intent-analysis", "llm-integration", "music", "weather", "response-generation"];

describe("seed 002 (voice-assistant): what the seed names and we keep", () => {
  it("runs every business function on Lambda with X-Ray, deployed blue-green by CodeDeploy with automatic rollback", () => {
    const functions = prod.stack("functions");
    const lambdas = Object.values(resourcesOf(functions, "aws_lambda_function"));
    expect(lambdas.map((fn) => fn.function_name).sort()).toEqual(FUNCTIONS.map((name) => `voice-assistant-prod-${name}`).sort());
    for (const fn of lambdas) expect(fn.tracing_config).toEqual({ mode: "Active" });
    const groups = Object.values(resourcesOf(functions, "aws_codedeploy_deployment_group"));
    expect(groups).toHaveLength(FUNCTIONS.length);
    for (const group of groups) {
      expect(group.deployment_style).toEqual({ deployment_type: "BLUE_GREEN", deployment_option: "WITH_TRAFFIC_CONTROL" });
      expect(group.auto_rollback_configuration.enabled).toBe(true);
    }
  });

  it("calls Claude Haiku on Bedrock, Lex and Polly, and keeps critical functions warm with provisioned concurrency", () => {
    const policies = Object.values(resourcesOf(prod.stack("functions"), "aws_iam_role_policy")).map((p) => String(p.policy));
    expect(policies.join("\n")).toContain("foundation-model/anthropic.claude-3-haiku-20240307-v1:0");
    expect(policies.some((p) => p.includes("lex:RecognizeText") || p.includes("lex:RecognizeUtterance"))).toBe(true);
    expect(policies.some((p) => p.includes("polly:SynthesizeSpeech"))).toBe(true);
    expect(Object.values(resourcesOf(prod.stack("functions"), "aws_lambda_provisioned_concurrency_config"))).toHaveLength(2);
  });

  it("serves REST endpoints through API Gateway with Cognito, throttling and rate limiting, and caching in prod", () => {
    const api = prod.stack("api");
    // The CORS preflights (OPTIONS, answered by MOCK) aside, every route but the health check needs a token.
    const methods = Object.values(resourcesOf(api, "aws_api_gateway_method")).filter((m) => m.http_method !== "OPTIONS");
    expect(methods.filter((m) => m.authorization === "COGNITO_USER_POOLS")).toHaveLength(methods.length - 1);
    const [allMethods] = Object.values(resourcesOf(api, "aws_api_gateway_method_settings")).filter((s) => s.method_path === "*/*");
    expect(allMethods.settings).toEqual(expect.objectContaining({ throttling_rate_limit: 500, throttling_burst_limit: 1000 }));
    expect(resourcesOf(api, "aws_api_gateway_stage").api_stage).toEqual(
      expect.objectContaining({ cache_cluster_enabled: true, xray_tracing_enabled: true }),
    );
    expect(Object.keys(resourcesOf(api, "aws_api_gateway_usage_plan"))).toHaveLength(1);
    expect(resourcesOf(dev.stack("api"), "aws_api_gateway_stage").api_stage.cache_cluster_enabled).not.toBe(true);
  });

  it("orchestrates the voice pipeline with Step Functions and decouples with an EventBridge bus for its three event kinds", () => {
    const workflow = prod.stack("workflow");
    const definition = JSON.parse(resourcesOf(workflow, "aws_sfn_state_machine").pipeline.definition);
    expect(Object.keys(definition.States)).toEqual(
      expect.arrayContaining(["voice-processing", "intent-analysis", "llm-integration", "response-generation"]),
    );
    const patterns = Object.values(resourcesOf(workflow, "aws_cloudwatch_event_rule")).map((rule) => JSON.parse(rule.event_pattern)["detail-type"]);
    expect(patterns.flat().sort()).toEqual(["Analytics Event", "System Error", "User Interaction"]);
    expect(Object.keys(resourcesOf(workflow, "aws_cloudwatch_event_archive"))).toHaveLength(1);
  });

  it("queues on SQS with dead-letter queues and notifies through SNS", () => {
    const workflow = prod.stack("workflow");
    const queues = resourcesOf(workflow, "aws_sqs_queue");
    expect(JSON.parse(queues.analytics_queue.redrive_policy).deadLetterTargetArn).toBe("${aws_sqs_queue.analytics_dlq.arn}");
    expect(Object.keys(resourcesOf(workflow, "aws_sns_topic"))).toEqual(["notifications_topic"]);
  });

  it("keeps conversations in DynamoDB on demand, with a global secondary index and point-in-time recovery", () => {
    const table = Object.values(resourcesOf(prod.stack("data-dynamodb"), "aws_dynamodb_table"))[0];
    expect(table).toEqual(expect.objectContaining({ name: "voice-assistant-prod-conversations", billing_mode: "PAY_PER_REQUEST" }));
    expect(table.global_secondary_index.map((index: { name: string }) => index.name)).toEqual(["by-user"]);
    expect(table.point_in_time_recovery).toEqual(expect.objectContaining({ enabled: true }));
  });

  it("hosts the React frontend on S3 behind CloudFront, and files in S3 Intelligent-Tiering", () => {
    const frontend = prod.stack("frontend");
    const distribution = resourcesOf(frontend, "aws_cloudfront_distribution").web_distribution;
    expect(distribution.default_root_object).toBe("index.html");
    expect(distribution.aliases).toEqual(["assistant.example.com"]);
    const lifecycle = resourcesOf(prod.stack("storage"), "aws_s3_bucket_lifecycle_configuration").files_bucket_lifecycle;
    expect(JSON.stringify(lifecycle.rule)).toContain("INTELLIGENT_TIERING");
  });

  it("builds and deploys with CodePipeline and CodeBuild: test and security scan, build, dev, staging, approval, prod", () => {
    const pipeline = resourcesOf(prod.stack("pipeline"), "aws_codepipeline").delivery;
    const stages = pipeline.stage.map((stage: { name: string; action: { name: string }[] }) => [stage.name, stage.action.map((a) => a.name)]);
    expect(stages.map(([name]: [string]) => name)).toEqual(["Source", "Verify", "Build", "Deploy-dev", "Deploy-staging", "Deploy-prod"]);
    expect(stages[1][1]).toEqual(expect.arrayContaining(["Test", "SecurityScan"]));
    expect(stages[5][1][0]).toMatch(/Approve/);
    expect(dev.stackIds.some((id) => id.endsWith("-pipeline"))).toBe(false);
  });

  it("alerts on the seed's four conditions: Lambda errors > 10 and API 5XX > 5 in 5 minutes, duration > 10 s, DynamoDB throttling", () => {
    const alarms = Object.values(resourcesOf(prod.stack("observability"), "aws_cloudwatch_metric_alarm"));
    const find = (metric: string, namespace: string) => alarms.filter((a) => a.metric_name === metric && a.namespace === namespace);
    for (const alarm of find("Errors", "AWS/Lambda")) expect([alarm.threshold, alarm.period]).toEqual([10, 300]);
    expect(find("Errors", "AWS/Lambda")).toHaveLength(FUNCTIONS.length);
    expect(find("5XXError", "AWS/ApiGateway").map((a) => [a.threshold, a.period])).toEqual([[5, 300]]);
    for (const alarm of find("Duration", "AWS/Lambda")) expect(alarm.threshold).toBe(10_000);
    expect(find("Duration", "AWS/Lambda")).toHaveLength(FUNCTIONS.length);
    expect(alarms.filter((a) => a.namespace === "AWS/DynamoDB").length).toBeGreaterThan(0);
  });

  it("draws the overview, performance, usage and errors dashboards and saves the four log analyses", () => {
    const observability = prod.stack("observability");
    const dashboards = Object.values(resourcesOf(observability, "aws_cloudwatch_dashboard")).map((d) => d.dashboard_name);
    for (const name of ["overview", "performance", "usage", "errors"]) expect(dashboards).toContain(`voice-assistant-prod-${name}`);
    const queries = Object.values(resourcesOf(observability, "aws_cloudwatch_query_definition")).map((q) => String(q.name));
    for (const analysis of ["errors", "performance", "user-behaviour", "security"])
      expect(queries.some((name) => name.includes(`/${analysis}/`))).toBe(true);
  });

  it("alerts on the budget at 80 % forecast and 100 % actual, detects cost anomalies, and audits with CloudTrail", () => {
    const observability = prod.stack("observability");
    const notifications = resourcesOf(observability, "aws_budgets_budget").monthly_budget.notification;
    expect(notifications.map((n: { notification_type: string; threshold: number }) => [n.notification_type, n.threshold])).toEqual([
      ["FORECASTED", 80],
      ["ACTUAL", 100],
    ]);
    expect(resourcesOf(observability, "aws_ce_anomaly_monitor").cost_anomaly_monitor.monitor_type).toBe("CUSTOM");
    expect(Object.keys(resourcesOf(observability, "aws_cloudtrail"))).toEqual(["trail"]);
  });

  it("keeps configuration in Parameter Store and credentials in Secrets Manager", () => {
    expect(Object.values(resourcesOf(prod.stack("parameters"), "aws_ssm_parameter")).map((p) => p.name)).toContain(
      "/voice-assistant/prod/bedrock_model_id",
    );
    const secrets = Object.values(resourcesOf(prod.stack("secrets-kms"), "aws_secretsmanager_secret")).map((s) => s.name);
    expect(secrets).toEqual(expect.arrayContaining(["prod/voice-assistant/music-api-key", "prod/voice-assistant/weather-api-key"]));
  });

  it("builds no VPC, load balancer, containers, database or cache (the seed's future work)", () => {
    for (const component of ["vpc", "edge", "ecs", "registry", "rds", "redis"]) expect(prod.stackIds).not.toContain(`prod-${component}`);
  });
});
