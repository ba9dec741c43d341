// `npm run plan:offline -- <stack id>...` (e.g. prod-rds): `terraform plan -refresh=false` of the project's own
// stacks with no AWS account and no network. The S3 backend and remote state point at in-process S3 and
// DynamoDB emulators, upstream stacks' outputs are seeded there, and the AWS provider runs with fake keys and
// its skip flags. Needs terraform and a provider mirror (TF_PROVIDER_MIRROR). Exits 1 if a plan fails or does
// not create exactly the synthesized resources.
import { ENVIRONMENTS } from "../config";
import { startStateEmulators } from "./terraform/emulators";
import { OfflinePlan, loadAttributeTypes, offlineCopy, planOffline, seedUpstreamStates } from "./terraform/offline-plan";
import { mapLimit, stopAllProcesses } from "./terraform/process";
import { providerRequirements, remoteStateReads, resourceAddresses } from "./terraform/stack-json";
import { stateBackends, synthesizeApp } from "./terraform/synth";
import { detectToolchain } from "./terraform/toolchain";
import { TerraformWorkspace } from "./terraform/workspace";

const CONCURRENCY = 2;

async function main(ids: string[]): Promise<number> {
  const environmentOf = (id: string) => Object.keys(ENVIRONMENTS).find((env) => id.startsWith(`${env}-`));
  const unknown = ids.filter((id) => !environmentOf(id));
  if (ids.length === 0 || unknown.length > 0) {
    console.error(`usage: npm run plan:offline -- <env>-<component> [...]   e.g. prod-rds${unknown.length ? `\nunknown: ${unknown.join(", ")}` : ""}`);
    return 2;
  }

  const environments = [...new Set(ids.map(environmentOf))].join(",");
  const emulators = await startStateEmulators(stateBackends(environments));
  let workspace: TerraformWorkspace | undefined;
  try {
    const app = synthesizeApp({ environments, localEmulator: { s3: emulators.s3Endpoint, dynamodb: emulators.dynamodbEndpoint } });
    const stacks = ids.map((id) => app.stack(id));
    const requirements = providerRequirements(stacks.map((stack) => offlineCopy(stack.json)));
    const probe = detectToolchain(requirements);
    if (!("toolchain" in probe)) {
      console.error(`cannot plan offline: ${probe.missing}`);
      return 2;
    }
    workspace = await TerraformWorkspace.create(probe.toolchain, requirements);
    const readsState = stacks.some((stack) => remoteStateReads(stack.json).length > 0);
    const types = readsState ? await loadAttributeTypes(workspace) : undefined;
    const seeded = await seedUpstreamStates(workspace, app, stacks, CONCURRENCY, types);
    if (seeded.length > 0) console.log(`seeded upstream outputs of ${seeded.join(", ")}`);

    const plans = await mapLimit(stacks, CONCURRENCY, (stack) => planOffline(workspace!, stack));
    return plans.map((plan) => report(plan, resourceAddresses(app.stack(plan.stackId).json).length)).every(Boolean) ? 0 : 1;
  } finally {
    await stopAllProcesses();
    await emulators.stop();
    workspace?.dispose();
  }
}

function report(plan: OfflinePlan, synthesizedCount: number): boolean {
  console.log(`\n## ${plan.stackId}`);
  plan.planned.forEach((address) => console.log(`  + ${address}`));
  if (plan.errors.length > 0) {
    console.log(`FAILED:\n${plan.errors.join("\n")}`);
    return false;
  }
  const missing = plan.synthesized.filter((address) => !plan.planned.includes(address));
  console.log(`${plan.summary} Synthesized: ${synthesizedCount} resources.`);
  if (missing.length > 0 || plan.planned.length !== synthesizedCount) {
    console.log(`MISMATCH: not planned: ${missing.join(", ") || "-"}`);
    return false;
  }
  return true;
}

process.on("SIGINT", () => void stopAllProcesses().then(() => process.exit(130)));
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
