import { type ContainerDefinition, blocks, containerDefinitions, environmentCredential, isLiteralString, isTrue } from "../helpers";
import { type ElementRule, type ElementView, type RuleContext, type StackRule, type Verdict, compliant, nonCompliant, notApplicable } from "../types";

export const noPublicIpOnTasks: ElementRule = {
  id: "VP-ECS-1",
  level: "error",
  scope: "element",
  types: ["aws_ecs_service"],
  description: "ECS tasks get no public IP address",
  fix: "Set network_configuration.assign_public_ip = false and run tasks in private subnets behind the ALB",
  check: ({ attributes }) =>
    blocks(attributes.network_configuration).some((n) => isTrue(n.assign_public_ip))
      ? nonCompliant("network_configuration.assign_public_ip is true")
      : compliant,
};

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

export const noSecretsInContainerEnvironment: ElementRule = {
  id: "VP-ECS-2",
  level: "error",
  scope: "element",
  types: ["aws_ecs_task_definition", "aws_lambda_function"],
  description: "Container and function environment variables hold no secrets: nothing named like one and no value that looks like a key",
  fix: "Move the value into Secrets Manager and inject it with the container's secrets (valueFrom: secret ARN and JSON key), or let the function read it at runtime",
  check: (element) => {
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
  },
};

export const containersRunLockedDown: ElementRule = {
  id: "VP-ECS-3",
  level: "warning",
  scope: "element",
  types: ["aws_ecs_task_definition"],
  description: "Containers run as a non-root user on a read-only root filesystem",
  fix: 'Set user to a numeric non-root uid ("1000:1000") and readonlyRootFilesystem: true, with a writable volume for /tmp if the app needs one',
  check: (task) => {
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
  },
};

/** Where the SSM agent that ECS Exec injects into a container writes; it cannot start without them. */
const EXEC_AGENT_PATHS = ["/managed-agents", "/var/lib/amazon/ssm", "/var/log/amazon/ssm"];

export const execWorksOnReadOnlyRoot: StackRule = {
  id: "VP-ECS-4",
  level: "error",
  category: "apply",
  scope: "stack",
  description: "Services with ECS Exec give read-only-root containers writable volumes for the SSM agent",
  fix: `Mount a task volume (readOnly false) at each of ${EXEC_AGENT_PATHS.join(", ")} in every container with readonlyRootFilesystem, or turn exec off (FargateService does the former)`,
  reference: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html",
  check: (context) =>
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
};

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

export const servicesNotDatabaseMaster: StackRule = {
  id: "VP-ECS-5",
  level: "error",
  category: "apply",
  scope: "stack",
  description: "Long-running services do not connect as the database master user",
  fix: "Connect as an application user with IAM database authentication (service config `database: true`); keep the master credentials for a one-off migration task",
  reference: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.MasterAccounts.html",
  check: (context) =>
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
};

export const serviceSecretsCheckedForValues: StackRule = {
  id: "VP-ECS-6",
  level: "error",
  category: "apply",
  scope: "stack",
  description: "Services check at plan time that every secret they inject has a value",
  fix: "Read each injected secret's versions (data aws_secretsmanager_secret_versions) and add a lifecycle precondition on the service that an AWSCURRENT version exists, as EcsStack does",
  reference: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html",
  check: (context) =>
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
};
