import { elementRule, stackRule } from "../catalog";
import { type ContainerDefinition, blocks, containerDefinitions, environmentCredential, isLiteralString, isTrue } from "../helpers";
import { type ElementView, type RuleContext, type StackRule, type Verdict, compliant, nonCompliant, notApplicable } from "../types";

export const noPublicIpOnTasks = elementRule("VP-ECS-1", ["aws_ecs_service"], ({ attributes }) =>
  blocks(attributes.network_configuration).some((n) => isTrue(n.assign_public_ip))
    ? nonCompliant("network_configuration.assign_public_ip is true")
    : compliant,
);

/** Environment variables by owner (`api`, `function`), from task definitions and Lambda functions. */
function environmentVariables(element: ElementView): { owner: string; name: string; value: unknown }[] | undefined {
  if (element.type === "aws_lambda_function") {
    return blocks(element.attributes.environment).flatMap((env) =>
      Object.entries((env.variables ?? {}) as Record<string, unknown>).map(([name, value]) => ({ owner: "function", name, value })),
    );
  }
  return containerDefinitions(element)?.flatMap((c) =>
    (c.environment ?? []).map((v) => ({ owner: c.name ?? "container", name: String(v.name ?? ""), value: v.value })),
  );
}

export const noSecretsInContainerEnvironment = elementRule("VP-ECS-2", ["aws_ecs_task_definition", "aws_lambda_function"], (element) => {
  const variables = environmentVariables(element);
  if (!variables) return notApplicable;
  const problems: string[] = [];
  for (const { owner, name, value } of variables) {
    if (!isLiteralString(value) || value === "") continue;
    const where = `${owner}: ${name}`;
    // The rules config validation applies to the same variables first (config/credentials.ts).
    const found = environmentCredential(name, value);
    if (found?.by === "value") problems.push(`${where} contains ${found.kind}`);
    else if (found?.by === "name") problems.push(`${where} is named like a secret and set to a literal`);
    else if (found?.by === "key") problems.push(`${where} looks like a key`);
  }
  return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
});

export const containersRunLockedDown = elementRule("VP-ECS-3", ["aws_ecs_task_definition"], (task) => {
  const containers = containerDefinitions(task);
  if (!containers) return notApplicable;
  const problems = containers.flatMap((c) => {
    const name = c.name ?? "container";
    const user = String(c.user ?? "");
    return [
      ...(user === "" || /^(root|0)(:|$)/.test(user) ? [`${name} runs as root`] : []),
      ...(c.readonlyRootFilesystem === true ? [] : [`${name} has a writable root filesystem`]),
    ];
  });
  return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
});

/** Where the SSM agent that ECS Exec injects into a container writes; it cannot start without them. */
const EXEC_AGENT_PATHS = ["/managed-agents", "/var/lib/amazon/ssm", "/var/log/amazon/ssm"];

export const execWorksOnReadOnlyRoot = stackRule(
  "VP-ECS-4",
  (context) =>
    context.elements
      .filter((element) => element.type === "aws_ecs_service" && isTrue(element.attributes.enable_execute_command))
      .map((service) => {
        const task = context.lookup(service.attributes.task_definition);
        const containers = task && containerDefinitions(task);
        if (!containers) return { subject: service, verdict: notApplicable };
        const problems = containers
          .filter((container) => container.readonlyRootFilesystem === true)
          .map((container) => {
            const writable = (container.mountPoints ?? []).filter((mount) => mount.readOnly !== true).map((mount) => mount.containerPath);
            const missing = EXEC_AGENT_PATHS.filter((path) => !writable.includes(path));
            return missing.length === 0
              ? undefined
              : `${container.name ?? "container"} has a read-only root and no writable ${missing.join(", ")}, so the exec agent cannot start`;
          })
          .filter((problem): problem is string => problem !== undefined);
        return { subject: service, verdict: problems.length === 0 ? compliant : nonCompliant(problems.join("; ")) };
      }),
  { execAgentPaths: EXEC_AGENT_PATHS.join(", ") },
);

/** Task definitions an `aws_ecs_service` of the stack runs (one-off tasks, such as migrations, are not among them). */
function serviceTasks(context: RuleContext): { service: ElementView; task: ElementView }[] {
  return context.elements
    .filter((element) => element.type === "aws_ecs_service")
    .flatMap((service) => {
      const task = context.lookup(service.attributes.task_definition);
      return task?.type === "aws_ecs_task_definition" ? [{ service, task }] : [];
    });
}

/**
 * Each service of the stack with its task definition's containers: not applicable where those are known only at
 * apply time, else the verdict `judge` gives.
 */
function eachServiceContainers(
  context: RuleContext,
  judge: (service: ElementView, containers: ContainerDefinition[]) => Verdict,
): ReturnType<StackRule["check"]> {
  return serviceTasks(context).map(({ service, task }) => {
    const containers = containerDefinitions(task);
    return { subject: service, verdict: containers ? judge(service, containers) : notApplicable };
  });
}

/** The secret a container's `valueFrom` names, without its `:<json-key>:<stage>:<version>` suffix. */
export function secretOfValueFrom(valueFrom: string): string {
  if (valueFrom.startsWith("${")) return valueFrom.slice(0, valueFrom.indexOf("}") + 1);
  return valueFrom.split(":").slice(0, 7).join(":");
}

export const servicesNotDatabaseMaster = stackRule("VP-ECS-5", (context) =>
  eachServiceContainers(context, (_service, containers) => {
    // An RDS-managed master secret, or the secret that holds the master user's password.
    const master = containers.flatMap((c) =>
      (c.secrets ?? []).filter((s) => /master/i.test(String(s.valueFrom ?? ""))).map((s) => `${c.name ?? "container"}: ${s.name}`),
    );
    return master.length === 0
      ? compliant
      : nonCompliant(
          `${master.join(", ")} come from the master user's secret: rotating it breaks running tasks, and the service holds the master's rights`,
        );
  }),
);

export const serviceSecretsCheckedForValues = stackRule("VP-ECS-6", (context) =>
  eachServiceContainers(context, (service, containers) => {
    const injected = [...new Set(containers.flatMap((c) => (c.secrets ?? []).map((s) => secretOfValueFrom(String(s.valueFrom ?? "")))))];
    const conditions = blocks(blocks(service.attributes.lifecycle)[0]?.precondition).map((p) => String(p.condition ?? ""));
    const unchecked = injected.filter((secret) => {
      const versions = context.elements.filter((e) => e.type === "data.aws_secretsmanager_secret_versions" && e.attributes.secret_id === secret);
      return !versions.some((reader) => conditions.some((condition) => condition.includes(`${reader.address}.versions`)));
    });
    return unchecked.length === 0
      ? compliant
      : nonCompliant(
          `${unchecked.join(", ")} ${unchecked.length === 1 ? "is" : "are"} injected without a plan-time check for a value: ECS cannot start a task whose secret has none, and a first deployment has nothing to roll back to`,
        );
  }),
);

export const containersFitTheirTask = elementRule("VP-ECS-7", ["aws_ecs_task_definition"], (task) => {
  const containers = containerDefinitions(task);
  if (!containers) return notApplicable;
  const names = new Set(containers.map((c) => c.name));
  const taskMemory = Number(task.attributes.memory);
  // What ECS counts against the task for each container: its hard limit, else its reservation.
  const counted = containers.reduce((sum, c) => sum + (c.memory ?? c.memoryReservation ?? 0), 0);
  const problems = [
    ...(Number.isFinite(taskMemory) && counted > taskMemory ? [`the containers claim ${counted} MiB of the task's ${taskMemory} MiB`] : []),
    ...containers
      .filter((c) => c.memory !== undefined && c.memoryReservation !== undefined && c.memoryReservation > c.memory)
      .map((c) => `${c.name} reserves ${c.memoryReservation} MiB above its ${c.memory} MiB limit`),
    ...containers.flatMap((c) =>
      (c.dependsOn ?? []).filter((d) => !names.has(d.containerName)).map((d) => `${c.name} depends on ${d.containerName}, which is not in the task`),
    ),
  ];
  return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
});
