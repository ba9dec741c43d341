// `npm run plan:offline -- --all | <stack id>...` (e.g. prod-rds): `terraform plan -refresh=false` of the project's
// own stacks with no AWS account and no network, in deploy order. INFRA_BLUEPRINTS and INFRA_ENVS select what is
// synthesized (several blueprints: ids `<project>-<env>-<component>`). Remote state is read from in-process S3 and
// DynamoDB emulators seeded with the upstream stacks' outputs, and the AWS provider runs with fake keys and its skip
// flags, its plan-time Step Functions definition checks answered by a local stub. Needs terraform and a provider
// mirror (TF_PROVIDER_MIRROR). Exits 1 if any stack fails to plan or does not create exactly the synthesized
// resources; the last line is `planned N stacks, F failed`. See docs/plan-offline.md.
import { startStateEmulators } from "./terraform/emulators";
import { type OfflinePlan, planStacksOffline, prepareOffline } from "./terraform/offline-plan";
import { PLAN_USAGE, deployOrder, planFailures, selectStacks, summaryLine } from "./terraform/plan-run";
import { stopAllProcesses } from "./terraform/process";
import { providerRequirements } from "./terraform/stack-json";
import { stateBackends, synthesizeApp } from "./terraform/synth";
import { detectToolchain } from "./terraform/toolchain";
import { TerraformWorkspace } from "./terraform/workspace";

const CONCURRENCY = 2;

async function main(args: string[]): Promise<number> {
  const started = Date.now();
  const emulators = await startStateEmulators(stateBackends());
  let workspace: TerraformWorkspace | undefined;
  try {
    const app = synthesizeApp({ localEmulator: { s3: emulators.s3Endpoint, dynamodb: emulators.dynamodbEndpoint } });
    const selection = selectStacks(app.stacks, args);
    if ("problem" in selection) {
      console.error(`${selection.problem}\n${PLAN_USAGE}`);
      return 2;
    }
    // The graph needs every stack of an environment, the ones not selected included.
    const stacks = deployOrder(app.stacks).filter((stack) => selection.stacks.includes(stack));
    const requirements = providerRequirements(stacks.map((stack) => prepareOffline(stack).json));
    const probe = detectToolchain(requirements);
    if (!("toolchain" in probe)) {
      console.error(`cannot plan offline: ${probe.missing}`);
      return 2;
    }
    console.log(`planning ${stacks.length} stack${stacks.length === 1 ? "" : "s"} offline, ${CONCURRENCY} terraform processes at a time`);
    workspace = await TerraformWorkspace.create(probe.toolchain, requirements);
    const { plans, seeded } = await planStacksOffline(workspace, app, stacks, CONCURRENCY, { sfn: emulators.stepFunctionsEndpoint });
    if (seeded.length > 0) console.log(`seeded upstream outputs of ${seeded.join(", ")}`);
    plans.forEach(report);
    const failed = plans.filter((plan) => planFailures(plan).length > 0).map((plan) => plan.stackId);
    if (failed.length > 0) console.log(`\nfailed: ${failed.join(", ")}`);
    console.log(`took ${Math.round((Date.now() - started) / 1000)} s`);
    console.log(summaryLine(plans));
    return failed.length > 0 ? 1 : 0;
  } finally {
    await stopAllProcesses();
    await emulators.stop();
    workspace?.dispose();
  }
}

function report(plan: OfflinePlan): void {
  const failures = planFailures(plan);
  console.log(`\n## ${plan.stackId}: ${failures.length > 0 ? "FAILED" : `${plan.planned.length} to add`}`);
  for (const [assumption, addresses] of byAssumption(plan.standIns)) console.log(`  assumed ${assumption}: ${addresses.join(", ")}`);
  const lines =
    failures.length > 0 ? failures.map((failure) => `  ${failure.replace(/\n/g, "\n    ")}`) : plan.planned.map((address) => `  + ${address}`);
  for (const line of lines) console.log(line);
}

/** `<address>: <assumption>` lines grouped by assumption: one line per kind of stand-in. */
function byAssumption(standIns: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const standIn of standIns) {
    const [address, assumption] = standIn.split(/: (.*)/s);
    groups.set(assumption, [...(groups.get(assumption) ?? []), address]);
  }
  return groups;
}

process.on("SIGINT", () => void stopAllProcesses().then(() => process.exit(130)));
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
