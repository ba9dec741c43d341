import { EcsCluster } from "@cdktf/provider-aws/lib/ecs-cluster";
import { describe, expect, it } from "vitest";
import { synthMessagingVariant } from "../support/messaging";
import { type SynthesizedEnvironment, type SynthesizedStack, editedConfig, resourcesOf, synthConfig, synthEnvironment } from "../support/synth";
import { remoteOutputRef } from "../support/remote-state";
import { type PolicyStatementJson as Statement, asList as list } from "../support/policy";

/** `${data.terraform_remote_state.<producer>.outputs.…}`: a value read from another stack's state. */
function fromStack(env: string, component: string): RegExp {
  return new RegExp(
    `^\\$\\{data\\.terraform_remote_state\\.cross_stack_reference_input_${env}_${component.replace(/-/g, "_")}\\.outputs\\.[a-z0-9_]+\\}`,
  );
}

/** The exact reference to one output of another stack of the environment. */
function outputOf(env: string, component: string, output: string): string {
  return `\${data.terraform_remote_state.cross_stack_reference_input_${env}_${component.replace(/-/g, "_")}.outputs.cross_stack_output_${output}}`;
}

function statementsOf(stack: SynthesizedStack): (Statement & { policy: string })[] {
  return ["aws_iam_role_policy", "aws_iam_policy"].flatMap((type) =>
    Object.entries(resourcesOf(stack, type)).flatMap(([name, policy]) =>
      (JSON.parse(policy.policy).Statement as Statement[]).map((s) => ({ ...s, policy: name })),
    ),
  );
}

const containerOf = (stack: SynthesizedStack, service: string) =>
  JSON.parse(resourcesOf(stack, "aws_ecs_task_definition")[`${service.replace(/-/g, "_")}_task_definition`].container_definitions)[0];

// Names and values a reviewer would flag as a credential in plaintext.
const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY|CREDENTIAL)/;
const SECRET_VALUE = /(AKIA[0-9A-Z]{16}|sk-[A-Za-z0-9]{16,}|-----BEGIN|:\/\/[^/\s:@]+:[^/\s@]+@|^[A-Za-z0-9+/=]{32,}$)/;

describe.each(["dev", "staging", "prod"])("%s ecs stack", (env) => {
  const synth = synthEnvironment(env);
  const ecs = synth.stack("ecs");
  const { config } = synth;
  const prefix = `${config.project}-${env}`;
  const services = config.services.map((s) => [s.name, s, s.name.replace(/-/g, "_")] as const);

  it("runs a cluster with Container Insights and encrypted, logged ECS Exec", () => {
    expect(ecs.text).toHaveResourceWithProperties(EcsCluster, {
      name: prefix,
      setting: [{ name: "containerInsights", value: config.ecs!.containerInsights }],
    });
    const exec = resourcesOf(ecs, "aws_ecs_cluster").cluster.configuration.execute_command_configuration;
    expect(exec).toMatchObject({
      kms_key_id: expect.stringMatching(/containers_key_arn\}$/),
      logging: "OVERRIDE",
      log_configuration: { cloud_watch_encryption_enabled: true, cloud_watch_log_group_name: "${aws_cloudwatch_log_group.exec_logs.name}" },
    });
    expect(resourcesOf(ecs, "aws_cloudwatch_log_group").exec_logs.kms_key_id).toMatch(/logs_key_arn\}$/);
  });

  it.each(services)("%s runs the image of its registry repository at the configured tag, checked to exist at plan time", (name, service, id) => {
    const image = ecs.json.data?.aws_ecr_image?.[`${id}_image`] as Record<string, string>;
    expect(remoteOutputRef(synth, image.repository_name)).toEqual({ stack: "registry", value: `\${aws_ecr_repository.${id}_repository.name}` });
    expect(image.image_tag).toBe(service.imageTag);
    expect(containerOf(ecs, name).image).toMatch(
      new RegExp(`^\\$\\{data\\.terraform_remote_state\\.cross_stack_reference_input_${env}_registry\\.outputs\\.[a-z0-9_]+\\}:${service.imageTag}$`),
    );
    expect(ecs.json.resource?.aws_ecr_repository).toBeUndefined();
  });

  it.each(services)("%s sends its traces through a collector in the task exactly when X-Ray sampling is on", (name, _service, id) => {
    const containers = JSON.parse(resourcesOf(ecs, "aws_ecs_task_definition")[`${id}_task_definition`].container_definitions);
    const statements = (role: string) => statementsOf(ecs).filter((s) => s.policy === `${id}_${role}_role_policy`);
    const xray = config.observability?.xray;
    if (!xray?.enabled) {
      expect(containers.map((c: { name: string }) => c.name)).toEqual([name]);
      expect(
        statements("task")
          .flatMap((s) => list(s.Action))
          .filter((action) => action.startsWith("xray:")),
      ).toEqual([]);
      expect(statements("execution").find((s) => s.Sid === "PullCachedImages")).toBeUndefined();
      return;
    }
    const [app, collector] = containers;
    // Pulled through the registry's ECR Public cache, at the configured version.
    const tag = xray.collectorImage.split(":").pop();
    expect(xray.collectorImage).toBe(`public.ecr.aws/aws-observability/aws-otel-collector:${tag}`);
    const cached = `${config.accountId}.dkr.ecr.${config.region}.amazonaws.com/${prefix}/public/aws-observability/aws-otel-collector`;
    expect(collector).toMatchObject({ name: "trace-collector", image: `${cached}:${tag}` });
    expect(collector).toMatchObject({ essential: false, readonlyRootFilesystem: true, restartPolicy: { enabled: true } });
    expect(collector.logConfiguration.options).toMatchObject({ "awslogs-group": `\${aws_cloudwatch_log_group.${id}_logs.name}` });
    expect(app.dependsOn).toEqual([{ containerName: "trace-collector", condition: "START" }]);
    expect(app.environment).toEqual(
      expect.arrayContaining([
        { name: "AWS_XRAY_DAEMON_ADDRESS", value: "127.0.0.1:2000" },
        { name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: "http://127.0.0.1:4318" },
        { name: "OTEL_EXPORTER_OTLP_PROTOCOL", value: "http/protobuf" },
        { name: "OTEL_SERVICE_NAME", value: name },
      ]),
    );
    expect(statements("task").find((s) => s.Sid === "SendTraces")?.Action).toEqual(
      expect.arrayContaining(["xray:PutTraceSegments", "xray:GetSamplingTargets"]),
    );
    const pull = statements("execution").find((s) => s.Sid === "PullCachedImages")!;
    expect(pull.Action).toEqual(expect.arrayContaining(["ecr:BatchGetImage", "ecr:BatchImportUpstreamImage", "ecr:CreateRepository"]));
    expect(pull.Resource).toBe(`arn:aws:ecr:${config.region}:${config.accountId}:repository/${prefix}/public/aws-observability/aws-otel-collector`);
  });

  it.each(services)("%s logs to its own encrypted log group", (name, _service, id) => {
    expect(resourcesOf(ecs, "aws_cloudwatch_log_group")[`${id}_logs`]).toMatchObject({
      name: `/ecs/${prefix}/${name}`,
      retention_in_days: config.ecs!.logRetentionDays,
      kms_key_id: expect.stringMatching(fromStack(env, "secrets-kms")),
    });
  });

  it.each(services)("%s runs a non-root, read-only Fargate task with its health check and awslogs", (name, service, id) => {
    const definition = resourcesOf(ecs, "aws_ecs_task_definition")[`${id}_task_definition`];
    expect(definition).toMatchObject({
      family: `${prefix}-${name}`,
      requires_compatibilities: ["FARGATE"],
      network_mode: "awsvpc",
      cpu: String(service.cpu),
      memory: String(service.memory),
      execution_role_arn: `\${aws_iam_role.${id}_execution_role.arn}`,
      task_role_arn: `\${aws_iam_role.${id}_task_role.arn}`,
    });
    const container = containerOf(ecs, name);
    expect(container).toMatchObject({
      name,
      readonlyRootFilesystem: true,
      portMappings: [expect.objectContaining({ containerPort: service.containerPort })],
      logConfiguration: {
        logDriver: "awslogs",
        options: expect.objectContaining({ "awslogs-group": `\${aws_cloudwatch_log_group.${id}_logs.name}` }),
      },
    });
    expect(container.user).toMatch(/^[1-9]\d*(:\d+)?$/);
    // No container health check by default: it would need a tool in the image; the ALB probes healthCheckPath.
    expect(container.healthCheck).toBeUndefined();
  });

  it.each(services)("%s mounts writable volumes for /tmp and, with ECS Exec, for the SSM agent", (name, _service, id) => {
    const mounts = (containerOf(ecs, name).mountPoints as { sourceVolume: string; containerPath: string; readOnly: boolean }[]).map(
      ({ containerPath, readOnly }) => ({ containerPath, readOnly }),
    );
    const agentPaths = ["/managed-agents", "/var/lib/amazon/ssm", "/var/log/amazon/ssm"];
    const expected = ["/tmp", ...(config.ecs!.execEnabled ? agentPaths : [])].map((containerPath) => ({ containerPath, readOnly: false }));
    expect(mounts).toEqual(expected);
    const volumes = resourcesOf(ecs, "aws_ecs_task_definition")[`${id}_task_definition`].volume.map((v: { name: string }) => v.name);
    expect(volumes).toHaveLength(expected.length);
  });

  it.each(services)("%s gets its secrets by ARN (and JSON key), never as values", (name, service) => {
    const container = containerOf(ecs, name);
    const injected = Object.fromEntries(container.secrets.map((s: { name: string; valueFrom: string }) => [s.name, s.valueFrom]));
    expect(Object.keys(injected).sort()).toEqual(Object.keys(service.secrets).sort());
    for (const [variable, ref] of Object.entries(service.secrets)) {
      expect(injected[variable]).toMatch(fromStack(env, "secrets-kms"));
      expect(injected[variable]).toMatch(new RegExp(`secret_${ref.secret.replace(/-/g, "_")}_arn\\}$`));
    }
    for (const variable of container.environment as { name: string; value: string }[]) {
      expect(variable.name).not.toMatch(SECRET_NAME);
      expect(variable.value).not.toMatch(SECRET_VALUE);
    }
  });

  it("stops the plan before a service starts on a secret without a value, naming the command that sets it", () => {
    const versions = synth.stack("ecs").json.data?.aws_secretsmanager_secret_versions ?? {};
    for (const [name, service, id] of services) {
      const referenced = [...new Set(Object.values(service.secrets).map((ref) => ref.secret))].sort();
      const preconditions = resourcesOf(ecs, "aws_ecs_service")[id].lifecycle.precondition as { condition: string; error_message: string }[];
      expect(
        preconditions.map((p) => /data\.aws_secretsmanager_secret_versions\.(\w+)\.versions/.exec(p.condition)?.[1]),
        name,
      ).toEqual(referenced.map((secret) => `secret_${secret.replace(/-/g, "_")}_versions`));
      preconditions.forEach((p, i) => {
        expect(p.condition).toContain('contains(version.version_stages, "AWSCURRENT")');
        expect(p.error_message).toContain(`aws secretsmanager put-secret-value --secret-id ${env}/${config.project}/${referenced[i]}`);
      });
      for (const secret of referenced)
        expect(remoteOutputRef(synth, versions[`secret_${secret.replace(/-/g, "_")}_versions`].secret_id).stack).toBe("secrets-kms");
    }
  });

  it("connects the API to PostgreSQL as the app user with IAM authentication, never with the master secret (seed 000)", () => {
    const api = containerOf(ecs, "voice-api");
    const names = api.secrets.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(["REDIS_URL", "DEEPGRAM_API_KEY", "OPENAI_API_KEY"]));
    expect(names).not.toContain("DATABASE_PASSWORD");
    const environment = Object.fromEntries((api.environment as { name: string; value: string }[]).map((v) => [v.name, v.value]));
    expect(environment).toMatchObject({
      DATABASE_USER: config.database!.appUser,
      DATABASE_IAM_AUTH: "true",
      DATABASE_NAME: config.database!.databaseName,
    });
    expect(remoteOutputRef(synth, environment.DATABASE_HOST)).toEqual({ stack: "rds", value: "${aws_db_instance.rds_instance.address}" });
    const id = services.find(([name]) => name === "voice-api")![2];
    const connect = statementsOf(ecs).find((s) => s.policy === `${id}_task_role_policy` && s.Sid === "ConnectToDatabaseAsAppUser")!;
    const instances = config.database!.readReplica.enabled ? ["rds_instance", "rds_read_replica"] : ["rds_instance"];
    expect(list(connect.Action)).toEqual(["rds-db:connect"]);
    expect(list(connect.Resource)).toHaveLength(instances.length);
    list(connect.Resource).forEach((arn, i) => {
      const [prefix, resourceId] = arn.split(":dbuser:");
      expect(prefix).toBe(`arn:aws:rds-db:${config.region}:${config.accountId}`);
      expect(remoteOutputRef(synth, resourceId.replace(new RegExp(`/${config.database!.appUser}$`), ""))).toEqual({
        stack: "rds",
        value: `\${aws_db_instance.${instances[i]}.resource_id}`,
      });
    });
    expect(environment.DATABASE_READ_HOST === undefined).toBe(!config.database!.readReplica.enabled);
    expect(api.environment).toEqual(expect.arrayContaining([{ name: "DATABASE_HOST", value: expect.stringMatching(fromStack(env, "rds")) }]));
  });

  it("has no IAM policy in any stack that grants secrets, S3 or KMS actions on Resource *", () => {
    for (const id of synth.stackIds) {
      const stack = synth.stack(id.slice(env.length + 1));
      for (const statement of statementsOf(stack)) {
        const sensitive = list(statement.Action).filter((a) => /^(secretsmanager|s3|kms):|^\*$/.test(a));
        if (sensitive.length === 0) continue;
        expect({ stack: id, sid: statement.Sid, resources: list(statement.Resource) }).not.toEqual(
          expect.objectContaining({ resources: expect.arrayContaining(["*"]) }),
        );
      }
    }
  });

  it("uses Resource * only for actions AWS cannot scope", () => {
    const unscopable = [
      "ecr:GetAuthorizationToken",
      "logs:DescribeLogGroups",
      /^ssmmessages:/,
      /^xray:(PutTraceSegments|PutTelemetryRecords|GetSampling)/,
    ];
    const wildcard = statementsOf(ecs).filter((s) => list(s.Resource).includes("*"));
    for (const statement of wildcard) {
      for (const action of list(statement.Action)) {
        expect(unscopable.some((allowed) => (typeof allowed === "string" ? allowed === action : allowed.test(action)))).toBe(true);
      }
    }
  });

  it.each(services)("%s: its execution and task roles read exactly the secrets it references", (_name, service, id) => {
    const expected = new Set(Object.values(service.secrets).map((ref) => ref.secret));
    for (const role of ["execution", "task"]) {
      const statements = statementsOf(ecs).filter((s) => s.policy === `${id}_${role}_role_policy`);
      const reads = statements.filter((s) => list(s.Action).includes("secretsmanager:GetSecretValue"));
      const arns = reads.flatMap((s) => list(s.Resource));
      expect(arns).toHaveLength(expected.size);
      for (const arn of arns) expect(arn).toMatch(/^\$\{data\.terraform_remote_state\./);
      const decrypt = statements.find((s) => s.Sid === "DecryptSecretsThroughSecretsManager");
      if (expected.size > 0) expect(decrypt?.Condition?.StringEquals?.["kms:ViaService"]).toBe(`secretsmanager.${config.region}.amazonaws.com`);
    }
    const pull = statementsOf(ecs).find((s) => s.policy === `${id}_execution_role_policy` && s.Sid === "PullOwnImages")!;
    expect(remoteOutputRef(synth, pull.Resource)).toEqual({ stack: "registry", value: `\${aws_ecr_repository.${id}_repository.arn}` });
    const logs = statementsOf(ecs).find((s) => s.policy === `${id}_execution_role_policy` && s.Sid === "WriteOwnLogs")!;
    expect(logs.Resource).toBe(`\${aws_cloudwatch_log_group.${id}_logs.arn}:log-stream:*`);
  });

  it.each(services)("%s: the task role reaches only its recordings prefix, and exec channels only when exec is on", (_name, service, id) => {
    const statements = statementsOf(ecs).filter((s) => s.policy === `${id}_task_role_policy`);
    const objectAccess = statements.filter((s) => list(s.Action).some((a) => a.startsWith("s3:") && a !== "s3:ListBucket"));
    if (service.recordings) {
      expect(objectAccess.flatMap((s) => list(s.Resource))).toEqual([
        expect.stringMatching(new RegExp(`recordings_bucket_arn\\}/${service.recordings.prefix}\\*$`)),
      ]);
      const list_ = statements.find((s) => s.Sid === "ListOwnRecordingsPrefix")!;
      expect(list_.Condition).toEqual({ StringLike: { "s3:prefix": [`${service.recordings.prefix}*`] } });
    } else {
      expect(objectAccess).toEqual([]);
    }
    const exec = statements.some((s) => list(s.Action).some((a) => a.startsWith("ssmmessages:")));
    expect(exec).toBe(config.ecs!.execEnabled);
  });

  it.each(services)("%s runs in private subnets behind its edge target group, with rollback and 100/200 deploys", (name, service, id) => {
    const ecsService = resourcesOf(ecs, "aws_ecs_service")[id];
    expect(ecsService).toMatchObject({
      name,
      cluster: "${aws_ecs_cluster.cluster.arn}",
      launch_type: "FARGATE",
      desired_count: service.desiredCount,
      deployment_circuit_breaker: { enable: true, rollback: true },
      deployment_minimum_healthy_percent: 100,
      deployment_maximum_percent: 200,
      enable_execute_command: config.ecs!.execEnabled,
      propagate_tags: "SERVICE",
      health_check_grace_period_seconds: service.healthCheckGracePeriodSeconds,
      lifecycle: { ignore_changes: ["desired_count"] },
    });
    expect(ecsService.network_configuration.assign_public_ip).toBe(false);
    expect(ecsService.network_configuration.subnets).toHaveLength(config.network!.availabilityZones.length);
    for (const subnet of ecsService.network_configuration.subnets) expect(subnet).toMatch(/private_subnet_[a-z0-9_]+_id\}$/);
    expect(ecsService.network_configuration.security_groups).toEqual([expect.stringMatching(/ecs_security_group_id\}$/)]);
    expect(ecsService.load_balancer).toEqual([
      {
        target_group_arn: outputOf(env, "edge", `aws_lb_target_group_${id}_arn`),
        container_name: name,
        container_port: service.containerPort,
      },
    ]);
  });

  it.each(services)("%s scales between its min and max on the configured targets", (_name, service, id) => {
    expect(resourcesOf(ecs, "aws_appautoscaling_target")[`${id}_scaling`]).toMatchObject({
      service_namespace: "ecs",
      scalable_dimension: "ecs:service:DesiredCount",
      resource_id: `service/\${aws_ecs_cluster.cluster.name}/\${aws_ecs_service.${id}.name}`,
      min_capacity: service.minCount,
      max_capacity: service.maxCount,
    });
    const policies = resourcesOf(ecs, "aws_appautoscaling_policy");
    const tracking = (suffix: string) => policies[`${id}_${suffix}`]?.target_tracking_scaling_policy_configuration;
    const { cpuPercent, memoryPercent, requestsPerTarget } = service.autoscaling;
    expect(tracking("cpu_scaling")?.target_value).toBe(cpuPercent);
    expect(tracking("memory_scaling")?.target_value).toBe(memoryPercent);
    expect(tracking("request_scaling")?.target_value).toBe(requestsPerTarget);
    if (requestsPerTarget !== undefined) {
      expect(tracking("request_scaling").predefined_metric_specification).toEqual({
        predefined_metric_type: "ALBRequestCountPerTarget",
        resource_label: `${outputOf(env, "edge", "aws_lb_alb_arn_suffix")}/${outputOf(env, "edge", `aws_lb_target_group_${id}_arn_suffix`)}`,
      });
    }
  });

  it("exposes typed outputs per service", () => {
    const stack = synth.stacks.ecs!;
    for (const record of [stack.serviceNames, stack.taskRoleArns]) {
      expect(Object.keys(record)).toEqual(config.services.map((s) => s.name));
    }
  });
});

// The shipped task sizes, counts, scaling targets and prod's ECS Exec: __tests__/unit/sizing-policy.test.ts.

describe.each(["dev", "staging", "prod"])("%s cross-stack wiring of edge and ecs", (env) => {
  const synth = synthEnvironment(env);

  it.each([
    // messaging: the queue, topic and SES identity the task roles of messaging.appServices are granted.
    ["ecs", ["vpc", "edge", "rds", "registry", "secrets-kms", "storage", "messaging"]],
    ["edge", ["vpc", "storage", "secrets-kms"]],
  ] as const)("%s reads its inputs through remote state on the producers' own backends", (consumer, producers) => {
    const remote = synth.stack(consumer).json.data?.terraform_remote_state ?? {};
    const prefix = `cross_stack_reference_input_${env}_`;
    expect(
      Object.keys(remote)
        .map((name) => name.slice(prefix.length))
        .sort(),
    ).toEqual(producers.map((p) => p.replace(/-/g, "_")).sort());
    for (const producer of producers) {
      const state = remote[`${prefix}${producer.replace(/-/g, "_")}`];
      expect(state.backend).toBe("s3");
      // use_lockfile is a backend override that remote state reads do not need.
      const { use_lockfile: _lockfile, ...backend } = synth.stack(producer).json.terraform.backend!.s3 as Record<string, unknown>;
      expect(state.config).toEqual(backend);
      expect(backend.key).toBe(`${synth.config.project}/${env}/${producer}.tfstate`);
    }
  });

  it("deploys ecs after redis, whose stack writes the REDIS_URL secret's value", () => {
    expect(synth.stacks.ecs!.dependencies).toContain(synth.stacks.redis);
  });

  it("lets the ALB reach exactly the services' container ports", () => {
    expectAppPorts(
      synth,
      synth.config.services.map((s) => s.containerPort),
    );
  });
});

function expectAppPorts(synth: SynthesizedEnvironment, ports: number[]): void {
  const ingress = Object.values(resourcesOf(synth.stack("vpc"), "aws_vpc_security_group_ingress_rule")).filter(
    (r) =>
      r.security_group_id === "${aws_security_group.ecs_security_group.id}" &&
      r.referenced_security_group_id === "${aws_security_group.alb_security_group.id}",
  );
  expect(ingress.map((r) => r.from_port).sort()).toEqual([...new Set(ports)].sort());
}

describe("a service added by configuration alone", () => {
  const synth = synthConfig(
    editedConfig("dev", (raw) => {
      raw.services.push({
        name: "voice-admin",
        imageTag: "v0.3.1",
        cpu: 512,
        memory: 1024,
        containerPort: 9000,
        healthCheckPath: "/admin/health",
        containerHealthCheckCommand: ["/app/healthcheck", "--port", "9000"],
        desiredCount: 1,
        minCount: 1,
        maxCount: 3,
        pathPatterns: ["/admin/*"],
        priority: 20,
        database: true,
        secrets: { DEEPGRAM_API_KEY: { secret: "deepgram-api-key" } },
        autoscaling: { cpuPercent: 60, requestsPerTarget: 500 },
      });
    }),
  );
  const ecs = synth.stack("ecs");
  const edge = synth.stack("edge");

  it("gets its own repository, log group, roles, task definition, service and scaling", () => {
    expect(resourcesOf(synth.stack("registry"), "aws_ecr_repository").voice_admin_repository.name).toBe("voice-ai-dev/voice-admin");
    expect(resourcesOf(synth.stack("registry"), "aws_ecr_lifecycle_policy").voice_admin_repository_lifecycle).toBeDefined();
    expect(resourcesOf(ecs, "aws_cloudwatch_log_group").voice_admin_logs.name).toBe("/ecs/voice-ai-dev/voice-admin");
    expect(resourcesOf(ecs, "aws_iam_role").voice_admin_execution_role.name).toBe("voice-ai-dev-voice-admin-execution");
    expect(resourcesOf(ecs, "aws_ecs_task_definition").voice_admin_task_definition).toMatchObject({ cpu: "512", memory: "1024" });
    expect(resourcesOf(ecs, "aws_ecs_service").voice_admin.load_balancer[0]).toMatchObject({ container_name: "voice-admin", container_port: 9000 });
    expect(resourcesOf(ecs, "aws_appautoscaling_target").voice_admin_scaling).toMatchObject({ min_capacity: 1, max_capacity: 3 });
    const policies = resourcesOf(ecs, "aws_appautoscaling_policy");
    expect(policies.voice_admin_cpu_scaling.target_tracking_scaling_policy_configuration.target_value).toBe(60);
    expect(policies.voice_admin_request_scaling.target_tracking_scaling_policy_configuration.target_value).toBe(500);
    expect(policies.voice_admin_memory_scaling).toBeUndefined();
  });

  it("runs the container health check its config names, in exec form (no shell, no curl needed)", () => {
    const container = JSON.parse(resourcesOf(ecs, "aws_ecs_task_definition").voice_admin_task_definition.container_definitions)[0];
    expect(container.healthCheck).toEqual({
      command: ["CMD", "/app/healthcheck", "--port", "9000"],
      interval: 30,
      timeout: 5,
      retries: 3,
      startPeriod: 60,
    });
  });

  it("reads only its own secret", () => {
    const reads = statementsOf(ecs).filter(
      (s) => s.policy === "voice_admin_execution_role_policy" && list(s.Action).includes("secretsmanager:GetSecretValue"),
    );
    expect(reads.flatMap((s) => list(s.Resource))).toEqual([expect.stringMatching(/secret_deepgram_api_key_arn\}$/)]);
  });

  it("gets its own target group and path rule on the edge", () => {
    expect(resourcesOf(edge, "aws_lb_target_group").voice_admin).toMatchObject({
      name: "voice-ai-dev-voice-admin",
      port: 9000,
      health_check: expect.objectContaining({ path: "/admin/health" }),
      stickiness: expect.objectContaining({ enabled: false }),
    });
    expect(resourcesOf(edge, "aws_lb_listener_rule").voice_admin_rule).toMatchObject({
      priority: 20,
      condition: [{ path_pattern: { values: ["/admin/*"] } }],
    });
  });

  it("opens its port from the ALB to the tasks in the vpc stack", () => {
    expectAppPorts(synth, [8000, 9000]);
  });
});

describe("the migration task, the one user of the RDS master secret", () => {
  const synth = synthConfig(
    editedConfig("prod", (raw) => {
      raw.database.migration = { service: "voice-api", command: ["node", "dist/migrate.js"] };
    }),
  );
  const ecs = synth.stack("ecs");
  const { config } = synth;
  const definition = resourcesOf(ecs, "aws_ecs_task_definition").db_migrate_task_definition;
  const container = JSON.parse(definition.container_definitions)[0];

  it("is a task definition of the API's image and command, run once and never as a service", () => {
    expect(definition).toMatchObject({ family: "voice-ai-prod-db-migrate", requires_compatibilities: ["FARGATE"], network_mode: "awsvpc" });
    expect(definition).not.toHaveProperty("task_role_arn");
    expect(container.image).toBe(containerOf(ecs, "voice-api").image);
    expect(container.command).toEqual(["node", "dist/migrate.js"]);
    expect(container).toMatchObject({ readonlyRootFilesystem: true, user: config.services[0].user });
    expect(Object.values(resourcesOf(ecs, "aws_ecs_service")).map((s) => s.name)).not.toContain("db-migrate");
    expect(String(ecs.json.output?.db_migrate_command?.value)).toMatch(
      /^aws ecs run-task --cluster .* --task-definition \$\{aws_ecs_task_definition\.db_migrate_task_definition\.family\}/,
    );
  });

  it("gets the master credentials from the rds-master-user secret by JSON key, and creates the app user", () => {
    const secrets = Object.fromEntries(container.secrets.map((s: { name: string; valueFrom: string }) => [s.name, s.valueFrom]));
    expect(Object.keys(secrets)).toEqual(["DATABASE_MASTER_PASSWORD", "DATABASE_MASTER_USER"]);
    expect(remoteOutputRef(synth, secrets.DATABASE_MASTER_PASSWORD.replace(/:password::$/, ""))).toEqual({
      stack: "secrets-kms",
      value: "${aws_secretsmanager_secret.rds_master_user.arn}",
    });
    expect(secrets.DATABASE_MASTER_USER).toMatch(/:username::$/);
    const environment = Object.fromEntries(container.environment.map((v: { name: string; value: string }) => [v.name, v.value]));
    expect(environment.DATABASE_APP_USER).toBe(config.database!.appUser);
  });

  it("is the only task whose roles may read the master secret", () => {
    const readers = statementsOf(ecs)
      .filter((s) => list(s.Action).includes("secretsmanager:GetSecretValue"))
      .filter((s) => list(s.Resource).some((arn) => /rds_master_user_arn\}$/.test(arn)));
    expect(readers.map((s) => s.policy)).toEqual(["db_migrate_execution_role_policy"]);
    expect(list(readers[0].Resource)).toHaveLength(1);
  });
});

describe.each(["dev", "staging", "prod"])("%s messaging grants in the task roles (moved from the messaging stack)", (env) => {
  const synth = synthEnvironment(env);
  const ecs = synth.stack("ecs");
  const settings = synth.config.messaging!;
  const MESSAGING_SIDS = ["UseEscalationQueue", "PublishConfirmations", "EncryptAndDecryptMessages", "SendSmsToPhoneNumbers", "SendEmailAsTheDomain"];
  const messagingStatements = (service: string) =>
    statementsOf(ecs).filter((s) => s.policy === `${service.replace(/-/g, "_")}_task_role_policy` && MESSAGING_SIDS.includes(s.Sid));

  it("gives only the task roles of messaging.appServices the messaging statements, in their own inline policy", () => {
    for (const service of synth.config.services) {
      expect(messagingStatements(service.name).length > 0, service.name).toBe(settings.appServices.includes(service.name));
    }
    expect(resourcesOf(ecs, "aws_iam_policy")).toEqual({});
    expect(Object.values(resourcesOf(ecs, "aws_iam_role_policy_attachment")).some((a) => /messaging/.test(String(a.policy_arn)))).toBe(false);
  });

  it.each(settings.appServices)("%s may use the messaging stack's queue and topic and the messaging CMK, SMS as configured", (service) => {
    const statements = messagingStatements(service);
    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));
    expect(list(bySid.UseEscalationQueue.Action).sort()).toEqual([
      "sqs:ChangeMessageVisibility",
      "sqs:DeleteMessage",
      "sqs:GetQueueAttributes",
      "sqs:GetQueueUrl",
      "sqs:ReceiveMessage",
      "sqs:SendMessage",
    ]);
    expect(remoteOutputRef(synth, bySid.UseEscalationQueue.Resource)).toEqual({ stack: "messaging", value: "${aws_sqs_queue.escalation_queue.arn}" });
    expect(bySid.PublishConfirmations.Action).toBe("sns:Publish");
    expect(remoteOutputRef(synth, bySid.PublishConfirmations.Resource)).toEqual({
      stack: "messaging",
      value: "${aws_sns_topic.confirmations_topic.arn}",
    });
    expect(list(bySid.EncryptAndDecryptMessages.Action)).toEqual(["kms:GenerateDataKey", "kms:Decrypt"]);
    expect(remoteOutputRef(synth, bySid.EncryptAndDecryptMessages.Resource)).toEqual({
      stack: "secrets-kms",
      value: "${aws_kms_key.messaging_key.arn}",
    });
    const sms = bySid.SendSmsToPhoneNumbers as (Statement & { NotResource?: string }) | undefined;
    if (settings.confirmations.sms) {
      expect(sms).toEqual(expect.objectContaining({ Action: "sns:Publish", NotResource: "arn:aws:sns:*:*:*" }));
      expect(sms!.Resource).toBeUndefined();
    } else {
      expect(sms).toBeUndefined();
    }
  });

  it.each(settings.appServices)("%s may send e-mail only as the domain through the configuration set, when SES is on", (service) => {
    const email = messagingStatements(service).find((s) => s.Sid === "SendEmailAsTheDomain");
    if (!settings.ses.enabled) {
      expect(email).toBeUndefined();
      return;
    }
    expect(list(email!.Action)).toEqual(["ses:SendEmail", "ses:SendRawEmail"]);
    expect(list(email!.Resource).map((arn) => remoteOutputRef(synth, arn))).toEqual([
      { stack: "messaging", value: "${aws_sesv2_email_identity.ses_identity.arn}" },
      { stack: "messaging", value: "${aws_sesv2_configuration_set.ses_configuration_set.arn}" },
    ]);
  });
});

describe("ecs without messaging", () => {
  const synth = synthMessagingVariant("dev without messaging");
  it("grants no messaging statement to any task role", () => {
    const sids = statementsOf(synth.stack("ecs")).map((s) => s.Sid);
    expect(sids).not.toContain("UseEscalationQueue");
    expect(sids).not.toContain("PublishConfirmations");
  });
});
