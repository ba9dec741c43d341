import type { EnvironmentConfig } from "../config";
import { secretNameFor } from "../config/sections/security";

/** What the deploy commands need of a stack in deploy order. */
export interface DeployedStack {
  readonly id: string;
  readonly component: string;
  /** The bootstrap stack keeps local state until it is migrated into S3. */
  readonly localBackend: boolean;
}

/**
 * The commands that deploy one environment, in deploy order, with the manual steps a stack needs before the next
 * one: filling in the third-party secrets after secrets-kms and pushing the images after registry (the ecs and
 * functions plans stop on a missing one), and creating the database's app user after ecs (docs/first-deploy.md).
 */
export function deployCommands(order: readonly DeployedStack[], config: EnvironmentConfig): string[] {
  return order.flatMap((stack) => [
    `npx cdktf deploy ${stack.id}${stack.localBackend ? "   # local state: migrate it into S3 next (docs/bootstrap-state.md)" : ""}`,
    ...(stack.component === "secrets-kms" ? secretValueSteps(config) : []),
    ...(stack.component === "registry" ? imagePushSteps(stack.id, config) : []),
    ...(stack.component === "ecs" ? appUserSteps(stack.id, config) : []),
  ]);
}

function secretValueSteps(config: EnvironmentConfig): string[] {
  if (config.secrets.externalApiKeys.length === 0) return [];
  return [
    "# before ecs: give each third-party secret its value; the ecs plan stops on one without (docs/first-deploy.md)",
    ...config.secrets.externalApiKeys.map(
      (name) => `aws secretsmanager put-secret-value --secret-id ${secretNameFor(config, name)} --secret-string '<value>'`,
    ),
  ];
}

function imagePushSteps(registryStackId: string, config: EnvironmentConfig): string[] {
  const images = [...config.services, ...(config.functions ?? [])].map(({ name, imageTag }) => `${name}:${imageTag}`);
  return [
    `# before ecs and functions: push ${images.join(", ")} to the repositories in \`terraform -chdir=cdktf.out/stacks/${registryStackId} output -json repository_urls\` (docs/operations.md#rolling-out-an-image)`,
  ];
}

function appUserSteps(ecsStackId: string, config: EnvironmentConfig): string[] {
  if (!config.database) return [];
  return config.database.migration
    ? [
        `# right away: run the migrations, which create the app user "${config.database.appUser}": eval "$(terraform -chdir=cdktf.out/stacks/${ecsStackId} output -raw db_migrate_command)"`,
      ]
    : [`# right away: create the app user "${config.database.appUser}" as the master user (docs/first-deploy.md#the-app-user)`];
}
