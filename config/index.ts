import { dev } from "./environments/dev";
import { prod } from "./environments/prod";
import { staging } from "./environments/staging";
import { ConfigError, EnvironmentConfig, parseEnvironmentConfig } from "./schema";

export { ConfigError, parseEnvironmentConfig } from "./schema";
export type { EnvironmentConfig } from "./schema";

/** Raw environment definitions, in deploy-promotion order. */
export const ENVIRONMENTS: Readonly<Record<string, unknown>> = { dev, staging, prod };

/**
 * Parses the selected environments (`INFRA_ENVS=prod,staging`; default: all).
 * @throws ConfigError for an unknown name or any invalid environment, listing all problems.
 */
export function loadEnvironments(selection: string | undefined = process.env.INFRA_ENVS): EnvironmentConfig[] {
  const names = selection?.trim() ? selection.split(",").map((name) => name.trim()) : Object.keys(ENVIRONMENTS);
  const unknown = names.filter((name) => !(name in ENVIRONMENTS));
  if (unknown.length > 0) {
    throw new ConfigError(
      "INFRA_ENVS",
      unknown.map((name) => ({ path: "INFRA_ENVS", message: `unknown environment "${name}"; known: ${Object.keys(ENVIRONMENTS).join(", ")}` })),
    );
  }
  return names.map((name) => parseEnvironmentConfig(ENVIRONMENTS[name], `config/environments/${name}.ts`));
}
