import { expect } from "vitest";
import { ConfigError, ENVIRONMENTS, parseEnvironmentConfig } from "../../config";
import { addOptionalSections } from "./optional-sections";

/**
 * A deep copy of a shipped environment's raw config after `edit` (with the optional sections added first when
 * asked), not yet validated.
 */
export function withEdit(env: string, edit: (raw: any) => void, optionalSections = false): unknown {
  const raw = structuredClone(ENVIRONMENTS[env]) as any;
  if (optionalSections) addOptionalSections(raw);
  edit(raw);
  return raw;
}

/** The ConfigError message for `input`; fails the test when the input is accepted or fails otherwise. */
export function problemsOf(input: unknown): string {
  try {
    parseEnvironmentConfig(input, "test");
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("expected a ConfigError");
}
