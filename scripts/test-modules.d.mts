import type { Plugin } from "vite";

/** Bundles the project's modules for the tests; the shim file of each import key (`<root>/stacks/app`). */
export function buildTestModules(): Promise<Map<string, string>>;
/** Vitest plugin that resolves the tests' imports of project modules to the prebuilt bundle. */
export function testModulesPlugin(): Plugin;
/** Files vitest leaves to Node's loader. */
export const TEST_MODULES: RegExp;
