import { BLUEPRINTS, DEFAULT_BLUEPRINT } from "./blueprints";
import { ConfigError, parseEnvironmentConfig } from "./parse";
import type { EnvironmentConfig, EnvironmentInput } from "./schema";

export { BLUEPRINTS, DEFAULT_BLUEPRINT } from "./blueprints";
export { ConfigError, parseEnvironmentConfig } from "./parse";
export type { EnvironmentConfig, EnvironmentInput } from "./schema";

/** Raw environment definitions of the default blueprint (voice-ai, seed 000), in deploy-promotion order. */
export const ENVIRONMENTS: Readonly<Record<string, EnvironmentInput>> = BLUEPRINTS[DEFAULT_BLUEPRINT];

/**
 * Parses the selected environments of one blueprint (`INFRA_ENVS=prod,staging`; default: all of them).
 * @throws ConfigError for an unknown name or any invalid environment, listing all problems.
 */
export function loadEnvironments(selection: string | undefined = process.env.INFRA_ENVS, blueprint = DEFAULT_BLUEPRINT): EnvironmentConfig[] {
  return loadBlueprints(blueprint, selection);
}

/**
 * Parses the environments of the selected blueprints (`INFRA_BLUEPRINTS=voice-ai,saprism`, `all` for every one;
 * default: voice-ai), in that order, each limited to the environments `INFRA_ENVS` lists (default: all). A listed environment that only
 * some of the blueprints have is built for those; a name none of them has is an error.
 * @throws ConfigError for an unknown blueprint or environment name, an environment whose `project` is not its
 * blueprint's name, or any invalid environment, listing all problems.
 */
export function loadBlueprints(
  blueprints: string | undefined = process.env.INFRA_BLUEPRINTS,
  environments: string | undefined = process.env.INFRA_ENVS,
): EnvironmentConfig[] {
  const selected = blueprints?.trim() === "all" ? Object.keys(BLUEPRINTS) : (listOf(blueprints) ?? [DEFAULT_BLUEPRINT]);
  const unknownBlueprints = selected.filter((name) => !(name in BLUEPRINTS));
  if (unknownBlueprints.length > 0) {
    throw new ConfigError(
      "INFRA_BLUEPRINTS",
      unknownBlueprints.map((name) => ({
        path: "INFRA_BLUEPRINTS",
        message: `unknown blueprint "${name}"; known: ${Object.keys(BLUEPRINTS).join(", ")}`,
      })),
    );
  }
  const wanted = listOf(environments);
  if (wanted) {
    const known = [...new Set(selected.flatMap((blueprint) => Object.keys(BLUEPRINTS[blueprint])))];
    const unknown = wanted.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      throw new ConfigError(
        "INFRA_ENVS",
        unknown.map((name) => ({ path: "INFRA_ENVS", message: `unknown environment "${name}"; known: ${known.join(", ")}` })),
      );
    }
  }
  return selected.flatMap((blueprint) => {
    const raw = BLUEPRINTS[blueprint];
    const names = wanted ? wanted.filter((name) => name in raw) : Object.keys(raw);
    return names.map((name) => parseBlueprintEnvironment(blueprint, name, raw[name]));
  });
}

/** The distinct names of a comma list, or undefined for an empty one. */
function listOf(selection: string | undefined): string[] | undefined {
  const names = (selection ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  return names.length > 0 ? [...new Set(names)] : undefined;
}

function parseBlueprintEnvironment(blueprint: string, name: string, raw: EnvironmentInput): EnvironmentConfig {
  const source = `config/blueprints/${blueprint}.ts (${name})`;
  const config = parseEnvironmentConfig(raw, source);
  const problems = [
    ...(config.project === blueprint
      ? []
      : [{ path: "project", message: `must be "${blueprint}", the name of its blueprint (got "${config.project}")` }]),
    ...(config.environment === name
      ? []
      : [{ path: "environment", message: `must be "${name}", the name it is listed under (got "${config.environment}")` }]),
  ];
  if (problems.length > 0) throw new ConfigError(source, problems);
  return config;
}
