import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BLUEPRINTS } from "../../config";
import { stopAllProcesses } from "../../scripts/terraform/process";
import { providerRequirements, withoutRandomProvider } from "../../scripts/terraform/stack-json";
import { synthesizeApp } from "../../scripts/terraform/synth";
import { TerraformWorkspace } from "../../scripts/terraform/workspace";
import { PLAN_SUITE_SELECTION, type ValidationReport, formatDiagnostic, terraformForSuite, validateStacks } from "../support/terraform";

// Every stack of every environment of every blueprint, whatever stacks/index.ts builds today, as the validated
// copies. `environments: ""` is all of each blueprint's, whatever INFRA_ENVS says.
const synthesized = synthesizeApp({ blueprints: Object.keys(BLUEPRINTS).join(","), environments: "" }).stacks;
// But for the stacks plan.test.ts plans (the default blueprint's): terraform plan validates every block of a stack
// in its validate walk before it plans (stand-ins' blocks included), so validating them here again proved nothing
// more (~8 s). `npm test` runs both suites; this one alone leaves those stacks out.
const key = (stack: { project: string; environment: string; component: string }) => `${stack.project}/${stack.environment}/${stack.component}`;
const plannedBySuite = new Set(synthesizeApp(PLAN_SUITE_SELECTION).stacks.map(key));
const stacks = synthesized
  .filter((stack) => !plannedBySuite.has(key(stack)))
  .map((stack) => ({ id: stack.id, project: stack.project, environment: stack.environment, json: withoutRandomProvider(stack.json) }));
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

  it("covers every environment of every blueprint, with the plan suite", () => {
    const environments = new Set(synthesized.map((stack) => `${stack.project}/${stack.environment}`));
    const shipped = Object.entries(BLUEPRINTS).flatMap(([blueprint, envs]) => Object.keys(envs).map((env) => `${blueprint}/${env}`));
    expect([...environments].sort()).toEqual(shipped.sort());
    // Every stack is validated here or planned by plan.test.ts, and the stacks left out are exactly the planned ones.
    expect(synthesized.filter((stack) => plannedBySuite.has(key(stack)))).toHaveLength(plannedBySuite.size);
    expect(stacks.length + plannedBySuite.size).toBe(synthesized.length);
    expect(stacks.length).toBeGreaterThan(0);
  });

  it.each(stacks.map((stack) => stack.id))("%s is valid", (id) => {
    const errors = report.errors.get(id) ?? [];
    expect(errors.length, `terraform validate found errors in ${id}:\n${errors.map(formatDiagnostic).join("\n")}`).toBe(0);
  });

  it("ran terraform cleanly (no error outside a stack's own file)", () => {
    expect(report.unattributed, report.unattributed.join("\n\n")).toEqual([]);
  });
});
