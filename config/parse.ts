// Validation at load: the zod schema (schema.ts), then every cross-field rule (rules/), into one typed, frozen config.
import { crossFieldRules } from "./rules";
import { type EnvironmentConfig, environmentConfigSchema } from "./schema";

/** Thrown for any invalid configuration; the message lists every problem by field path. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly { path: string; message: string }[],
  ) {
    super(`Invalid configuration ${source}:\n${problems.map((p) => `  - ${p.path}: ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(root)" : path.map(String).join(".");
}

function describeValue(input: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return "";
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (value === undefined || (typeof value === "object" && value !== null)) return "";
  return ` (got ${JSON.stringify(value)})`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates raw configuration and returns it typed and frozen.
 * @throws ConfigError naming every bad field by its path, the rule and the value.
 */
export function parseEnvironmentConfig(input: unknown, source = "(inline)"): EnvironmentConfig {
  const result = environmentConfigSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      source,
      result.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message + describeValue(input, issue.path),
      })),
    );
  }
  const problems = crossFieldRules.flatMap((rule) => rule(result.data));
  if (problems.length > 0) {
    throw new ConfigError(
      source,
      problems.map((p) => ({ path: formatPath(p.path), message: p.message })),
    );
  }
  return deepFreeze(result.data);
}
