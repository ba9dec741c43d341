import { blocks, containerDefinitions, credentialKind, isLiteralString, isSecretName, isTrue, looksLikeKey } from "../helpers";
import { type ElementRule, compliant, nonCompliant, notApplicable } from "../types";

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

/** Names that say "this is a secret" unless they say "this is where the secret is" (`JWT_SECRET_ARN`). */
function isSecretVariable(name: string): boolean {
  if (/(_ARN|_NAME|_ID|_PATH|_FILE|_TTL|_SECONDS|_MINUTES|_HOURS|_DAYS|_LENGTH|_HEADER)$/i.test(name)) return false;
  return isSecretName(name) || /(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CREDENTIAL)/i.test(name);
}

export const noSecretsInContainerEnvironment: ElementRule = {
  id: "VP-ECS-2",
  level: "error",
  scope: "element",
  types: ["aws_ecs_task_definition"],
  description: "Container environment variables hold no secrets: nothing named like one and no value that looks like a key",
  fix: "Move the value into Secrets Manager and inject it with the container's secrets (valueFrom: secret ARN and JSON key)",
  check: (task) => {
    const containers = containerDefinitions(task);
    if (!containers) return notApplicable;
    const problems: string[] = [];
    for (const container of containers) {
      for (const variable of container.environment ?? []) {
        const name = String(variable.name ?? "");
        const value = variable.value;
        if (!isLiteralString(value) || value === "") continue;
        const where = `${container.name ?? "container"}: ${name}`;
        const kind = credentialKind(value);
        if (kind) problems.push(`${where} contains ${kind}`);
        else if (isSecretVariable(name)) problems.push(`${where} is named like a secret and set to a literal`);
        else if (looksLikeKey(value)) problems.push(`${where} looks like a key`);
      }
    }
    return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
  },
};
