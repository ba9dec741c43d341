import { describe, expect, it } from "vitest";
import { traceCollectorConfig, traceCollectorContainer } from "../../constructs/trace-collector";
import { editedConfig, resourcesOf, synthConfig } from "../support/synth";

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
    expect(endpoints).toEqual(expect.arrayContaining(["udp:127.0.0.1:2000", "tcp:127.0.0.1:2000", "tcp:127.0.0.1:4317"]));
    expect(new Set(endpoints).size).toBe(endpoints.length);
    for (const endpoint of endpoints) expect(endpoint).toMatch(/^(tcp|udp):127\.0\.0\.1:\d+$/);
  });

  it("sends traces to X-Ray in the task's region and runs no metrics pipeline (awsemf would create unencrypted log groups)", () => {
    expect(config.exporters).toEqual({ awsxray: { region: "eu-west-1" } });
    expect(config.service).toMatchObject({ pipelines: { traces: { receivers: ["awsxray", "otlp"], exporters: ["awsxray"] } } });
    expect(Object.keys(config.service as object)).not.toContain("metrics");
  });

  it("runs as a non-essential, non-root, read-only sidecar that reads this configuration from its environment", () => {
    const container = traceCollectorContainer({ image: "collector:v1", region: "eu-west-1", logGroupName: "/ecs/x" });
    expect(container).toMatchObject({
      essential: false,
      user: "10001",
      readonlyRootFilesystem: true,
      command: ["--config=env:TRACE_COLLECTOR_CONFIG"],
    });
    expect(JSON.parse((container.environment as { value: string }[])[0].value)).toEqual(config);
  });
});

describe("a service beside the trace collector", () => {
  it("with ECS Exec and a writable app root, still gives the collector (read-only) the exec agent's volumes", () => {
    const synth = synthConfig(
      editedConfig("staging", (raw) => {
        raw.services[0].readonlyRootFilesystem = false;
      }),
    );
    const [id, task] = Object.entries(resourcesOf(synth.stack("ecs"), "aws_ecs_task_definition"))[0];
    const [app, collector] = JSON.parse(task.container_definitions);
    expect(id).toMatch(/_task_definition$/);
    expect(app.readonlyRootFilesystem).toBe(false);
    const mounted = collector.mountPoints.map((mount: { sourceVolume: string }) => mount.sourceVolume);
    expect(mounted).toEqual(["ssm-managed-agents", "ssm-agent-state", "ssm-agent-logs"]);
    expect(task.volume.map((volume: { name: string }) => volume.name)).toEqual(mounted);
  });
});
