import { EcrPullThroughCacheRule } from "@cdktf/provider-aws/lib/ecr-pull-through-cache-rule";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { parseEnvironmentConfig } from "../../config";
import { TRACE_COLLECTOR_PORTS } from "../../config/sections/observability";
import { PublicImageCache } from "../../constructs/public-image-cache";
import { traceCollectorConfig, traceCollectorContainer, traceCollectorEnvironment } from "../../constructs/trace-collector";
import { FargateService } from "../../constructs/fargate-service";
import { FIXTURE_ACCOUNT, fixtureEnvironment } from "../support/fixtures";
import { synthScope } from "../support/test-app";

/** Every `endpoint` in the collector's configuration with the transport it listens on. */
function listeners(config: Record<string, unknown>): string[] {
  const found: string[] = [];
  const walk = (value: unknown, transport: string) => {
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    const own = typeof record.transport === "string" ? record.transport : transport;
    if (typeof record.endpoint === "string") found.push(`${own}:${record.endpoint}`);
    for (const [key, child] of Object.entries(record)) if (key !== "endpoint") walk(child, key === "proxy_server" ? "tcp" : own);
  };
  walk(config, "tcp");
  return found;
}

describe("trace collector", () => {
  const config = traceCollectorConfig("eu-west-1");

  it("listens only on the task's loopback, each port and transport once (a taken port stops the collector)", () => {
    const endpoints = listeners(config);
    expect(endpoints).toEqual(expect.arrayContaining(["udp:127.0.0.1:2000", "tcp:127.0.0.1:2000", "tcp:127.0.0.1:4317", "tcp:127.0.0.1:4318"]));
    expect(new Set(endpoints).size).toBe(endpoints.length);
    for (const endpoint of endpoints) expect(endpoint).toMatch(/^(tcp|udp):127\.0\.0\.1:\d+$/);
    // The ports the config rule keeps services off are exactly these (plus nothing on 8888: internal metrics are off).
    expect(new Set(endpoints.map((e) => Number(e.split(":").pop())))).toEqual(new Set(Object.values(TRACE_COLLECTOR_PORTS)));
    expect(config.service).toMatchObject({ telemetry: { metrics: { level: "none" } } });
  });

  it("sends traces to X-Ray in the task's region, limited in memory, and runs no metrics pipeline (awsemf would create unencrypted log groups)", () => {
    expect(config.exporters).toEqual({ awsxray: { region: "eu-west-1" } });
    expect(config.service).toMatchObject({ pipelines: { traces: { receivers: ["awsxray", "otlp"], processors: ["memory_limiter", "batch"] } } });
    expect(Object.keys((config.service as { pipelines: object }).pipelines)).toEqual(["traces"]);
  });

  it("points the app's SDKs at it over http/protobuf, names the service and turns off exporters nothing receives", () => {
    expect(traceCollectorEnvironment("voice-api")).toEqual({
      AWS_XRAY_DAEMON_ADDRESS: "127.0.0.1:2000",
      OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4318",
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
      OTEL_METRICS_EXPORTER: "none",
      OTEL_LOGS_EXPORTER: "none",
      OTEL_SERVICE_NAME: "voice-api",
    });
  });

  it("runs as a non-essential, restarted, non-root, read-only sidecar that reads this configuration from its environment", () => {
    const container = traceCollectorContainer({ image: "collector:v1", region: "eu-west-1", logGroupName: "/ecs/x" });
    expect(container).toMatchObject({
      essential: false,
      user: "4317:4317",
      readonlyRootFilesystem: true,
      restartPolicy: { enabled: true },
      healthCheck: { command: ["CMD", "/healthcheck"] },
      command: ["--config=env:TRACE_COLLECTOR_CONFIG"],
    });
    const environment = container.environment as { name: string; value: string }[];
    expect(JSON.parse(environment.find((variable) => variable.name === "TRACE_COLLECTOR_CONFIG")!.value)).toEqual(config);
  });
});

describe("public image cache", () => {
  const cache = (prefix: string) => (scope: Construct) =>
    new PublicImageCache(scope, "cache", {
      repositoryPrefix: prefix,
      kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/containers",
      accountId: "111111111111",
      region: "us-east-1",
      roleName: "va-prod-public-image-cache",
      repositoryTags: { project: "va" },
    });

  it("caches ECR Public into CMK-encrypted, tagged repositories that ECR creates with a role of its own", () => {
    const synthesized = synthScope(cache("va-prod/public"));
    expect(synthesized).toHaveResourceWithProperties(EcrPullThroughCacheRule, {
      ecr_repository_prefix: "va-prod/public",
      upstream_registry_url: "public.ecr.aws",
    });
    const template = Object.values(JSON.parse(synthesized).resource.aws_ecr_repository_creation_template)[0] as Record<string, unknown>;
    expect(template).toMatchObject({
      prefix: "va-prod/public",
      applied_for: ["PULL_THROUGH_CACHE"],
      encryption_configuration: [{ encryption_type: "KMS", kms_key: "arn:aws:kms:us-east-1:111111111111:key/containers" }],
      resource_tags: { project: "va" },
      custom_role_arn: expect.stringMatching(/^\$\{aws_iam_role\./),
    });
  });

  it("maps an upstream image to its cached URI and repository, and refuses an image from elsewhere", () => {
    let built!: PublicImageCache;
    synthScope((scope) => {
      built = cache("va-prod/public")(scope);
    });
    expect(built.cachedImage("public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3")).toEqual({
      uri: "111111111111.dkr.ecr.us-east-1.amazonaws.com/va-prod/public/aws-observability/aws-otel-collector:v0.43.3",
      repositoryArn: "arn:aws:ecr:us-east-1:111111111111:repository/va-prod/public/aws-observability/aws-otel-collector",
    });
    expect(() => built.cachedImage("docker.io/otel/opentelemetry-collector:0.117.0")).toThrow(/is not an image on public\.ecr\.aws/);
  });

  it("refuses a prefix ECR would refuse, naming it", () => {
    expect(() => synthScope(cache("voice-assistant-staging/ecr-public"))).toThrow(
      /repositoryPrefix "voice-assistant-staging\/ecr-public" must be 2-30/,
    );
  });
});

describe("a service beside the trace collector", () => {
  it("with ECS Exec and a writable app root, still gives the collector (read-only) the exec agent's volumes", () => {
    const [api] = parseEnvironmentConfig(fixtureEnvironment(), "fixture").services;
    const synthesized = synthScope((scope) => {
      new FargateService(scope, "api", {
        service: { ...api, readonlyRootFilesystem: false },
        namePrefix: "fixture-dev",
        region: "us-east-1",
        accountId: FIXTURE_ACCOUNT,
        clusterArn: "arn:aws:ecs:us-east-1:123456789012:cluster/fixture-dev",
        clusterName: "fixture-dev",
        subnetIds: ["subnet-1"],
        securityGroupIds: ["sg-1"],
        targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/1",
        requestCountResourceLabel: "app/alb/1/targetgroup/api/1",
        secretArns: {},
        secretsKeyArns: [],
        platformEnvironment: {},
        repository: { name: "fixture-dev/api", url: "123456789012.dkr.ecr.us-east-1.amazonaws.com/fixture-dev/api", arn: "arn:repo" },
        logKmsKeyArn: "arn:logs-key",
        logRetentionDays: 14,
        exec: { logGroupArn: "arn:exec-logs", kmsKeyArn: "arn:exec-key" },
        traceCollector: { image: { uri: "collector:v1", repositoryArn: "arn:collector-repo" } },
      });
    });
    const task = Object.values(JSON.parse(synthesized).resource.aws_ecs_task_definition)[0] as Record<string, any>;
    const [app, collector] = JSON.parse(task.container_definitions);
    expect(app.readonlyRootFilesystem).toBe(false);
    const mounted = collector.mountPoints.map((mount: { sourceVolume: string }) => mount.sourceVolume);
    expect(mounted).toEqual(["ssm-managed-agents", "ssm-agent-state", "ssm-agent-logs"]);
    expect(task.volume.map((volume: { name: string }) => volume.name)).toEqual(mounted);
  });
});
