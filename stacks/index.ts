import type { App } from "cdktf";
import type { EnvironmentConfig } from "../config";
import { SecretsKmsStack } from "./secrets-kms-stack";
import { VpcStack } from "./vpc-stack";

/** Every stack of one environment, by component. */
export interface EnvironmentStacks {
  readonly secretsKms: SecretsKmsStack;
  readonly vpc: VpcStack;
}

/**
 * Builds one environment's stacks and wires them: the only place where one stack's outputs become
 * another's inputs, so the dependency graph reads top to bottom here.
 */
export function buildEnvironment(app: App, config: EnvironmentConfig): EnvironmentStacks {
  const id = (component: string) => `${config.environment}-${component}`;

  const secretsKms = new SecretsKmsStack(app, id("secrets-kms"), { config });
  const vpc = new VpcStack(app, id("vpc"), { config, logsKeyArn: secretsKms.keyArns.logs });

  return { secretsKms, vpc };
}
