import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLUEPRINTS } from "../../config";
import { stopAllProcesses } from "../../scripts/terraform/process";
import { providerRequirements, withoutRandomProvider } from "../../scripts/terraform/stack-json";
import { synthesizeApp } from "../../scripts/terraform/synth";
import { TerraformWorkspace } from "../../scripts/terraform/workspace";
import { type ValidationReport, formatDiagnostic, terraformForSuite, validateStacks } from "../support/terraform";

// Every stack of every environment of every blueprint, whatever stacks/index.ts builds today, as the validated
// copies. `environments: ""` is all of each blueprint's, whatever INFRA_ENVS says.
const stacks = synthesizeApp({ blueprints: Object.keys(BLUEPRINTS).join(","), environments: "" }).stacks.map((stack) => ({
  id: stack.id,
  project: stack.project,
  environment: stack.environment,
  json: withoutRandomProvider(stack.json),
}));
const { toolchain, skipReason } = terraformForSuite("terraform validate", providerRequirements(stacks.map((s) => s.json)));

describe.skipIf(!toolchain)(`terraform validate of every synthesized stack${skipReason ? ` (SKIPPED: ${skipReason})` : ""}`, () => {
  let workspace: TerraformWorkspace;
  let report: ValidationReport;

  beforeAll(async () => {
    workspace = await TerraformWorkspace.create(toolchain!, providerRequirements(stacks.map((s) => s.json)));
    report = await validateStacks(workspace, stacks);
  }, 600_000);

  afterAll(async () => {
    await stopAllProcesses();
    workspace?.dispose();
  });

  it("covers every environment of every blueprint", () => {
    const environments = new Set(stacks.map((stack) => `${stack.project}/${stack.environment}`));
    const shipped = Object.entries(BLUEPRINTS).flatMap(([blueprint, envs]) => Object.keys(envs).map((env) => `${blueprint}/${env}`));
    expect([...environments].sort()).toEqual(shipped.sort());
  });

  it.each(stacks.map((stack) => stack.id))("%s is valid", (id) => {
    const errors = report.errors.get(id) ?? [];
    expect(errors.length, `terraform validate found errors in ${id}:\n${errors.map(formatDiagnostic).join("\n")}`).toBe(0);
  });

  it("ran terraform cleanly (no error outside a stack's own file)", () => {
    expect(report.unattributed, report.unattributed.join("\n\n")).toEqual([]);
  });
});
