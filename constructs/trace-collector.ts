import { TRACE_COLLECTOR_PORTS } from "../config/sections/observability";
import type { PolicyStatement } from "./iam-policy";

/** Container name of the collector in a task definition. */
export const TRACE_COLLECTOR_NAME = "trace-collector";

/**
 * Hard memory limit of the collector: a leaking collector is killed (and restarted) before it starves the app. The
 * smallest Fargate task (512 MiB) still leaves the app half. The collector's own limiter and Go's GC aim below it.
 */
const TRACE_COLLECTOR_MEMORY_MIB = 256;
const MEMORY_LIMITER_MIB = 200;

const { xray, otlpGrpc, otlpHttp, health } = TRACE_COLLECTOR_PORTS;
const LOOPBACK = "127.0.0.1";

/**
 * What a service's SDK needs to find the collector: the X-Ray SDKs send segments over UDP and ask for sampling rules
 * over TCP at AWS_XRAY_DAEMON_ADDRESS; OpenTelemetry SDKs export OTLP over http/protobuf (the default of most SDKs,
 * stated so that none falls back to gRPC on the HTTP port), traces only: the collector has no metrics or logs
 * pipeline, so their exporters are off instead of failing on every interval. A service's own environment may
 * override any of these.
 */
export function traceCollectorEnvironment(serviceName: string): Readonly<Record<string, string>> {
  return {
    AWS_XRAY_DAEMON_ADDRESS: `${LOOPBACK}:${xray}`,
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://${LOOPBACK}:${otlpHttp}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/protobuf",
    OTEL_METRICS_EXPORTER: "none",
    OTEL_LOGS_EXPORTER: "none",
    OTEL_SERVICE_NAME: serviceName,
  };
}

/** X-Ray has no resource-level permissions for these actions; the sampling calls serve the centralized sampling rule. */
export const SEND_TRACES_STATEMENT: PolicyStatement = {
  sid: "SendTraces",
  actions: ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
  resources: ["*"],
};

export interface TraceCollectorProps {
  /** Collector image (AWS Distro for OpenTelemetry), pinned to a version. */
  readonly image: string;
  /** Region the traces go to (X-Ray's endpoint in the task's region). */
  readonly region: string;
  /** The service's log group; the collector writes to its own stream prefix. */
  readonly logGroupName: string;
  /**
   * Writable volumes the collector mounts (ECS Exec injects its agent into every container of the task).
   * @default - none
   */
  readonly writableVolumes?: readonly { readonly name: string; readonly containerPath: string }[];
}

/**
 * The collector's configuration: X-Ray segments (UDP) and OTLP in, traces out to X-Ray, nothing else. Every
 * listener is bound to the task's loopback: only the task's own containers can send. The awsxray receiver also
 * serves the SDKs' sampling calls on TCP 2000 (its proxy_server), so no separate awsproxy extension may take that
 * port; the collector's own metrics listener (8888) is off. No metrics pipeline: the awsemf exporter would create
 * log groups without our key or retention. JSON is YAML, so the collector reads it through its `env:` provider.
 */
export function traceCollectorConfig(region: string): Record<string, unknown> {
  return {
    extensions: { health_check: { endpoint: `${LOOPBACK}:${health}` } },
    receivers: {
      awsxray: { endpoint: `${LOOPBACK}:${xray}`, transport: "udp", proxy_server: { endpoint: `${LOOPBACK}:${xray}`, region } },
      otlp: { protocols: { grpc: { endpoint: `${LOOPBACK}:${otlpGrpc}` }, http: { endpoint: `${LOOPBACK}:${otlpHttp}` } } },
    },
    processors: {
      memory_limiter: { check_interval: "1s", limit_mib: MEMORY_LIMITER_MIB, spike_limit_mib: 50 },
      batch: { timeout: "1s", send_batch_size: 50 },
    },
    exporters: { awsxray: { region } },
    service: {
      extensions: ["health_check"],
      telemetry: { metrics: { level: "none" } },
      pipelines: { traces: { receivers: ["awsxray", "otlp"], processors: ["memory_limiter", "batch"], exporters: ["awsxray"] } },
    },
  };
}

/**
 * The trace collector sidecar of a Fargate task (X-Ray has no agent on Fargate hosts: without it the SDKs' segments
 * go to a port nobody listens on and the sampling rule is never read). Not essential, and restarted by ECS when it
 * exits: a collector that dies costs traces for a minute, never calls. Its image must be pullable when a task
 * starts, like the app's.
 */
export function traceCollectorContainer(props: TraceCollectorProps): Record<string, unknown> {
  return {
    name: TRACE_COLLECTOR_NAME,
    image: props.image,
    essential: false,
    // The image's own user (aoc), by number: the image has no passwd entry for any other.
    user: "4317:4317",
    readonlyRootFilesystem: true,
    command: ["--config=env:TRACE_COLLECTOR_CONFIG"],
    environment: [
      { name: "GOMEMLIMIT", value: `${MEMORY_LIMITER_MIB}MiB` },
      { name: "TRACE_COLLECTOR_CONFIG", value: JSON.stringify(traceCollectorConfig(props.region)) },
    ],
    memoryReservation: 64,
    memory: TRACE_COLLECTOR_MEMORY_MIB,
    // The image ships /healthcheck, which asks the health_check extension above.
    healthCheck: { command: ["CMD", "/healthcheck"], interval: 30, timeout: 5, retries: 3, startPeriod: 10 },
    restartPolicy: { enabled: true, restartAttemptPeriod: 60 },
    logConfiguration: {
      logDriver: "awslogs",
      options: {
        "awslogs-group": props.logGroupName,
        "awslogs-region": props.region,
        "awslogs-stream-prefix": TRACE_COLLECTOR_NAME,
        mode: "non-blocking",
        "max-buffer-size": "25m",
      },
    },
    mountPoints: (props.writableVolumes ?? []).map(({ name, containerPath }) => ({ sourceVolume: name, containerPath, readOnly: false })),
  };
}
