import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENVIRONMENTS } from "../../config";
import { type StateEmulators, startStateEmulators } from "../../scripts/terraform/emulators";
import { fixtureState } from "../../scripts/terraform/fixtures";
import { initOfflineStack, offlineCopy, seedUpstreamStates } from "../../scripts/terraform/offline-plan";
import { type RunningProcess, describeResult, stopAllProcesses } from "../../scripts/terraform/process";
import { providerRequirements } from "../../scripts/terraform/stack-json";
import { stateBackends, synthesizeApp } from "../../scripts/terraform/synth";
import { TerraformWorkspace } from "../../scripts/terraform/workspace";
import { TERRAFORM_CONCURRENCY, terraformForSuite } from "../support/terraform";

const STACK = "dev-vpc";
// Generous: `terraform console` loads the AWS provider schema before it locks, which is slow on a busy machine.
const LOCK_WAIT_MS = 180_000;

// Every stack of every environment, as synthesized for real AWS: the keys they would lock in production.
const shipped = synthesizeApp({ environments: Object.keys(ENVIRONMENTS).join(",") });
const { toolchain, skipReason } = terraformForSuite("state locking", providerRequirements([offlineCopy(shipped.stack(STACK).json)]));

describe.skipIf(!toolchain)(`state locking against local S3 and DynamoDB emulators${skipReason ? ` (SKIPPED: ${skipReason})` : ""}`, () => {
  let emulators: StateEmulators;
  let workspace: TerraformWorkspace;
  let dir: string;
  let otherKeyDir: string;
  let backend: { bucket: string; key: string; dynamodb_table: string };

  beforeAll(async () => {
    emulators = await startStateEmulators(stateBackends("dev"));
    // The project's own dev stacks, synthesized with the test-only emulator endpoints in their backends.
    const app = synthesizeApp({ environments: "dev", localEmulator: { s3: emulators.s3Endpoint, dynamodb: emulators.dynamodbEndpoint } });
    const stack = app.stack(STACK);
    backend = stack.json.terraform.backend!.s3 as typeof backend;
    workspace = await TerraformWorkspace.create(toolchain!, providerRequirements([offlineCopy(stack.json)]));
    const [upstream] = await seedUpstreamStates(workspace, app, [stack], TERRAFORM_CONCURRENCY);
    otherKeyDir = join(workspace.root, "stacks", `seed-${upstream}`);
    dir = await initOfflineStack(workspace, stack);
  }, 600_000);

  afterAll(async () => {
    await stopAllProcesses();
    await emulators?.stop();
    workspace?.dispose();
  });

  it("writes the stack's state under <project>/<env>/<component>.tfstate, with its digest in the lock table", async () => {
    expect(backend.key).toBe(`${projectOf("dev")}/dev/vpc.tfstate`);
    const statePath = join(dir, "pushed.tfstate");
    writeFileSync(statePath, fixtureState({ written_by: { value: "locking-test", type: "string" } }, toolchain!.version));
    await workspace.check(dir, ["state", "push", "-lock-timeout=0", "-no-color", statePath]);

    expect(emulators.objectPaths()).toContain(`${backend.bucket}/${backend.key}`);
    const digest = await emulators.lockItem(backend.dynamodb_table, `${backend.bucket}/${backend.key}-md5`);
    expect(digest?.Digest?.S).toMatch(/^[0-9a-f]{32}$/);
    const output = await workspace.check(dir, ["output", "-json", "-no-color"]);
    expect(JSON.parse(output.stdout).written_by.value).toBe("locking-test");
  });

  it("fails a second operation with 'Error acquiring the state lock' while the lock is held, and runs it after release", async () => {
    const lockId = `${backend.bucket}/${backend.key}`;
    const plan = ["plan", "-refresh=false", "-input=false", "-lock-timeout=0", "-no-color"];
    // `terraform console` holds the state lock for as long as its stdin stays open.
    const holder: RunningProcess = workspace.start(dir, ["console", "-no-color"]);
    try {
      const lock = await waitForLock(emulators, backend.dynamodb_table, lockId, holder);
      const info = JSON.parse(lock.Info!.S!) as { ID: string; Path: string };
      expect(info.Path).toBe(lockId);

      const blocked = await workspace.run(dir, plan);
      expect(blocked.code, describeResult(blocked)).toBe(1);
      expect(blocked.stderr).toContain("Error acquiring the state lock");
      expect(blocked.stderr).toContain(info.ID);

      // Another stack's key is another lock: it is free while this one is held.
      const otherKey = await workspace.run(otherKeyDir, plan);
      expect(otherKey.code, describeResult(otherKey)).toBe(0);
    } finally {
      holder.closeStdin();
    }
    const ended = await holder.exited;
    expect(ended.code, describeResult(ended)).toBe(0);
    expect(await emulators.lockItem(backend.dynamodb_table, lockId)).toBeUndefined();

    const released = await workspace.run(dir, [...plan, "-detailed-exitcode"]);
    // 2: the plan succeeded and has changes (every resource is still to be created).
    expect(released.code, describeResult(released)).toBe(2);
  }, 600_000);

  it("gives every stack of every environment its own state key, so no two stacks ever share a lock", () => {
    const lockIds = shipped.stacks.flatMap((s) => {
      const s3 = s.json.terraform.backend?.s3;
      return s3 ? [`${s3.bucket}/${s3.key}`] : [];
    });
    expect(lockIds.length).toBe(shipped.stacks.filter((s) => s.json.terraform.backend?.s3).length);
    expect(new Set(lockIds).size).toBe(lockIds.length);
    for (const s of shipped.stacks.filter((candidate) => candidate.json.terraform.backend?.s3)) {
      expect(s.json.terraform.backend!.s3.key).toBe(`${projectOf(s.environment)}/${s.environment}/${s.component}.tfstate`);
    }
  });
});

function projectOf(environment: string): string {
  return (ENVIRONMENTS[environment] as { project: string }).project;
}

/** Polls the lock table until terraform has written the lock item (the lock is held) or the holder died. */
async function waitForLock(
  emulators: StateEmulators,
  table: string,
  lockId: string,
  holder: RunningProcess,
): Promise<Record<string, { S?: string }>> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let exited = false;
  void holder.exited.then(() => (exited = true));
  while (Date.now() < deadline && !exited) {
    const item = await emulators.lockItem(table, lockId);
    if (item?.Info) return item;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const result = exited ? describeResult(await holder.exited) : "still running";
  throw new Error(`terraform console did not take the lock ${lockId} within ${LOCK_WAIT_MS} ms (${result})`);
}
