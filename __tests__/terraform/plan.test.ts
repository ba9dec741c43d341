import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StateEmulators, startStateEmulators } from "../../scripts/terraform/emulators";
import { type OfflinePlan, planStacksOffline, prepareOffline } from "../../scripts/terraform/offline-plan";
import { deployOrder, planFailures } from "../../scripts/terraform/plan-run";
import { stopAllProcesses } from "../../scripts/terraform/process";
import { providerRequirements } from "../../scripts/terraform/stack-json";
import { type SynthesizedApp, type SynthesizedStack, stateBackends, synthesizeApp } from "../../scripts/terraform/synth";
import { TerraformWorkspace } from "../../scripts/terraform/workspace";
import { PLAN_SUITE_SELECTION, TERRAFORM_CONCURRENCY, terraformForSuite } from "../support/terraform";

// Every stack of every environment of the default blueprint and of voice-assistant (PLAN_SUITE_SELECTION), whatever
// INFRA_BLUEPRINTS and INFRA_ENVS say. terraform plan runs its validate walk over every block of each
// stack first (the blocks stand-ins replace stay, with count = 0), so validate.test.ts leaves these stacks to this suite.
const selection = PLAN_SUITE_SELECTION;
const shipped = synthesizeApp(selection);
const { toolchain, skipReason } = terraformForSuite(
  "offline terraform plan",
  providerRequirements(shipped.stacks.map((stack) => prepareOffline(stack).json)),
);

describe.skipIf(!toolchain)(`offline terraform plan -refresh=false of every stack${skipReason ? ` (SKIPPED: ${skipReason})` : ""}`, () => {
  let emulators: StateEmulators;
  let workspace: TerraformWorkspace;
  let app: SynthesizedApp;
  const plans = new Map<string, OfflinePlan>();

  beforeAll(async () => {
    emulators = await startStateEmulators(stateBackends(selection.environments, selection.blueprints));
    app = synthesizeApp({ ...selection, localEmulator: { s3: emulators.s3Endpoint, dynamodb: emulators.dynamodbEndpoint } });
    const stacks = deployOrder(app.stacks);
    workspace = await TerraformWorkspace.create(toolchain!, providerRequirements(stacks.map((stack) => prepareOffline(stack).json)));
    const run = await planStacksOffline(workspace, app, stacks, TERRAFORM_CONCURRENCY, { sfn: emulators.stepFunctionsEndpoint });
    for (const plan of run.plans) plans.set(plan.stackId, plan);
  }, 900_000);

  afterAll(async () => {
    await stopAllProcesses();
    await emulators?.stop();
    workspace?.dispose();
  });

  it("plans every environment of the default and the serverless blueprint", () => {
    expect([...new Set(shipped.stacks.map((stack) => `${stack.project}/${stack.environment}`))].sort()).toEqual(
      ["voice-ai", "voice-assistant"].flatMap((blueprint) => ["dev", "prod", "staging"].map((env) => `${blueprint}/${env}`)).sort(),
    );
    expect([...plans.keys()].sort()).toEqual(shipped.stacks.map((stack) => stack.id).sort());
  });

  it.each(shipped.stacks.map((stack) => stack.id))("%s plans every synthesized resource, offline", (id) => {
    const plan = plans.get(id)!;
    expect(planFailures(plan), `terraform plan of ${id} failed:\n${planFailures(plan).join("\n")}`).toEqual([]);
    expect(plan.planned).toEqual(plan.synthesized);
    expect(plan.planned.length).toBeGreaterThan(0);
  });

  it("reads the upstream outputs rds depends on from seeded remote state", () => {
    expect(plans.get("voice-ai-prod-rds")!.errors).toEqual([]);
    const seeded = emulators.objectPaths();
    for (const upstream of ["secrets-kms", "vpc"]) {
      const backend = app.stack(`voice-ai-prod-${upstream}`).json.terraform.backend!.s3;
      expect(seeded).toContain(`${backend.bucket}/${backend.key}`);
    }
  });

  it("names a stack terraform refuses with its error, and still plans the others of its root", async () => {
    const stacks = [preconditionStack("good"), preconditionStack("bad")];
    const { plans: results } = await planStacksOffline(workspace, { stacks, stack: (id) => stacks.find((s) => s.id === id)! }, stacks, 1);
    expect(results.map((plan) => [plan.stackId, planFailures(plan)])).toEqual([
      ["good", []],
      ["bad", [expect.stringMatching(/^Resource precondition failed \(bad\/cdk\.tf\.json:\d+\): bad is refused\./)]],
    ]);
    expect(results[0].planned).toEqual(["terraform_data.check", "terraform_data.name"]);
  });
});

/** A stack of two built-in resources whose precondition holds unless the stack is called `bad`. */
function preconditionStack(id: string): SynthesizedStack {
  return {
    id,
    project: "test",
    environment: "test",
    component: id,
    dependencies: [],
    json: {
      terraform: {},
      resource: {
        terraform_data: {
          name: { input: id },
          check: { lifecycle: { precondition: [{ condition: '${terraform_data.name.input != "bad"}', error_message: `${id} is refused.` }] } },
        },
      },
    },
  };
}
