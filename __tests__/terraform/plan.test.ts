import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OfflinePlan, loadAttributeTypes, offlineCopy, planOffline, seedUpstreamStates } from "../../scripts/terraform/offline-plan";
import { mapLimit, stopAllProcesses } from "../../scripts/terraform/process";
import { StateEmulators, startStateEmulators } from "../../scripts/terraform/emulators";
import { providerRequirements, resourceAddresses } from "../../scripts/terraform/stack-json";
import { SynthesizedApp, stateBackends, synthesizeApp } from "../../scripts/terraform/synth";
import { TerraformWorkspace } from "../../scripts/terraform/workspace";
import { TERRAFORM_CONCURRENCY, terraformForSuite } from "../support/terraform";

// prod: the biggest environment, and the only one with the DR-region provider.
const ENVIRONMENT = "prod";
// Stacks without upstream state, plus rds, whose plan reads vpc and secrets-kms outputs from seeded state.
const COMPONENTS = ["bootstrap", "secrets-kms", "vpc", "rds"];

const synthesized = synthesizeApp({ environments: ENVIRONMENT });
const stackIds = COMPONENTS.map((component) => `${ENVIRONMENT}-${component}`);
const { toolchain, skipReason } = terraformForSuite(
  "offline terraform plan",
  providerRequirements(stackIds.map((id) => offlineCopy(synthesized.stack(id).json))),
);

describe.skipIf(!toolchain)(`offline terraform plan -refresh=false${skipReason ? ` (SKIPPED: ${skipReason})` : ""}`, () => {
  let emulators: StateEmulators;
  let workspace: TerraformWorkspace;
  let app: SynthesizedApp;
  const plans = new Map<string, OfflinePlan>();

  beforeAll(async () => {
    emulators = await startStateEmulators(stateBackends(ENVIRONMENT));
    app = synthesizeApp({ environments: ENVIRONMENT, localEmulator: { s3: emulators.s3Endpoint, dynamodb: emulators.dynamodbEndpoint } });
    const stacks = stackIds.map((id) => app.stack(id));
    workspace = await TerraformWorkspace.create(toolchain!, providerRequirements(stacks.map((s) => offlineCopy(s.json))));
    const types = await loadAttributeTypes(workspace);
    await seedUpstreamStates(workspace, app, stacks, TERRAFORM_CONCURRENCY, types);
    const results = await mapLimit(stacks, TERRAFORM_CONCURRENCY, (stack) => planOffline(workspace, stack));
    results.forEach((plan) => plans.set(plan.stackId, plan));
  }, 900_000);

  afterAll(async () => {
    await stopAllProcesses();
    await emulators?.stop();
    workspace?.dispose();
  });

  it.each(stackIds)("%s plans every synthesized resource, offline", (id) => {
    const plan = plans.get(id)!;
    expect(plan.errors, `terraform plan of ${id} failed:\n${plan.errors.join("\n")}`).toEqual([]);
    expect(plan.planned).toEqual(plan.synthesized);
    expect(plan.planned.length).toBe(resourceAddresses(synthesized.stack(id).json).length);
    expect(plan.summary).toBe(`Plan: ${plan.planned.length} to add, 0 to change, 0 to destroy.`);
  });

  it("reads the upstream outputs rds depends on from seeded remote state", () => {
    const rds = plans.get(`${ENVIRONMENT}-rds`)!;
    expect(rds.errors).toEqual([]);
    const seeded = emulators.objectPaths();
    for (const upstream of ["secrets-kms", "vpc"]) {
      expect(seeded).toContain(`${app.stack(`${ENVIRONMENT}-${upstream}`).json.terraform.backend!.s3.bucket}/voice-ai/${ENVIRONMENT}/${upstream}.tfstate`);
    }
  });
});
