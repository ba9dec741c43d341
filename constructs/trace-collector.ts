import type { PolicyStatement } from "./iam-policy";

/** Container name of the collector in a task definition. */
export const TRACE_COLLECTOR_NAME = "trace-collector";

/**
 * Hard memory limit of the collector: a leaking collector is killed before it starves the app. The smallest Fargate
 * task (512 MiB) still leaves the app half.
 */
const TRACE_COLLECTOR_MEMORY_MIB = 256;

/**
 * What a service's SDK needs to find the collector: the X-Ray SDKs send segments over UDP and ask for sampling rules
 * over TCP at AWS_XRAY_DAEMON_ADDRESS; OpenTelemetry SDKs export OTLP to OTEL_EXPORTER_OTLP_ENDPOINT.
 */
export const TRACE_COLLECTOR_ENVIRONMENT: Readonly<Record<string, string>> = {
  AWS_XRAY_DAEMON_ADDRESS: "127.0.0.1:2000",
  OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:4317",
};

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
 * port. No metrics pipeline: the awsemf exporter would create unencrypted log groups without retention.
 * JSON is YAML, so the collector reads it through its `env:` config provider as it is.
 */
export function traceCollectorConfig(region: string): Record<string, unknown> {
  return {
    extensions: { health_check: { endpoint: "127.0.0.1:13133" } },
    receivers: {
      awsxray: { endpoint: "127.0.0.1:2000", transport: "udp", proxy_server: { endpoint: "127.0.0.1:2000", region } },
      otlp: { protocols: { grpc: { endpoint: "127.0.0.1:4317" }, http: { endpoint: "127.0.0.1:4318" } } },
    },
    processors: { batch: { timeout: "1s", send_batch_size: 50 } },
    exporters: { awsxray: { region } },
    service: {
      extensions: ["health_check"],
      pipelines: { traces: { receivers: ["awsxray", "otlp"], processors: ["batch"], exporters: ["awsxray"] } },
    },
  };
}

/**
 * The trace collector sidecar of a Fargate task (X-Ray has no agent on Fargate hosts: without it the SDKs' segments
 * go to a port nobody listens on and the sampling rule is never read). Not essential: a collector that dies costs
 * traces, never calls. Pulled from ECR Public through the NAT, like the third-party APIs the tasks call.
 */
export function traceCollectorContainer(props: TraceCollectorProps): Record<string, unknown> {
  return {
    name: TRACE_COLLECTOR_NAME,
    image: props.image,
    essential: false,
    // The image has no USER (it would run as root); any non-root uid can run the static binary.
    user: "10001",
    readonlyRootFilesystem: true,
    command: ["--config=env:TRACE_COLLECTOR_CONFIG"],
    environment: [{ name: "TRACE_COLLECTOR_CONFIG", value: JSON.stringify(traceCollectorConfig(props.region)) }],
    memoryReservation: 64,
    memory: TRACE_COLLECTOR_MEMORY_MIB,
    logConfiguration: {
      logDriver: "awslogs",
      options: { "awslogs-group": props.logGroupName, "awslogs-region": props.region, "awslogs-stream-prefix": TRACE_COLLECTOR_NAME },
    },
    mountPoints: (props.writableVolumes ?? []).map(({ name, containerPath }) => ({ sourceVolume: name, containerPath, readOnly: false })),
  };
}
