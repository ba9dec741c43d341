import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StateEmulators, startStateEmulators } from "../../scripts/terraform/emulators";
import { stopAllProcesses } from "../../scripts/terraform/process";
import { stateBackends } from "../../scripts/terraform/synth";
import { TerraformWorkspace } from "../../scripts/terraform/workspace";
import { editedConfig, synthConfig, synthEnvironment } from "../support/synth";
import { terraformForSuite } from "../support/terraform";

// Real terraform against dev-bootstrap's own backend blocks, in a project laid out like the checkout
// (<project>/cdktf.out/stacks/dev-bootstrap): where its local state lands, that terraform finds it again after
// `cdktf synth` of another environment removed the stack directory, and the migration into S3 of
// docs/bootstrap-state.md. The stack's resources need AWS, so one built-in `terraform_data` stands in for them:
// what is under test is the backend, not the resources.
const STACK = "dev-bootstrap";
const RESOURCES = { terraform_data: { state_bucket: { input: "stands in for the state bucket, lock table and key" } } };

const { toolchain, skipReason } = terraformForSuite("bootstrap state", []);

describe.skipIf(!toolchain)(`the bootstrap stack's state with real terraform${skipReason ? ` (SKIPPED: ${skipReason})` : ""}`, () => {
  let emulators: StateEmulators;
  let workspace: TerraformWorkspace;
  let project: string;
  let stackDir: string;
  let localBackend: Record<string, unknown>;
  let s3Backend: { s3: { bucket: string; key: string } };

  /** What `npm run synth` leaves in the stack directory: the backend block, here with the stand-in resource. */
  const synthesize = (backend: Record<string, unknown>, dir = stackDir) => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify({ terraform: { backend }, resource: RESOURCES }));
  };
  const terraform = (args: string[], dir = stackDir) => workspace.check(dir, [...args, "-input=false", "-no-color"]);
  const stateList = async (dir = stackDir) => (await workspace.check(dir, ["state", "list", "-no-color"])).stdout.trim();

  beforeAll(async () => {
    emulators = await startStateEmulators(stateBackends("dev"));
    workspace = await TerraformWorkspace.create(toolchain!, []);
    project = join(workspace.root, "project");
    stackDir = join(project, "cdktf.out", "stacks", STACK);
    localBackend = synthEnvironment("dev").stack("bootstrap").json.terraform.backend!;
    const migrated = editedConfig("dev", (raw) => {
      raw.stateBackend.bootstrapStateBackend = "s3";
      raw.stateBackend.localEmulator = { s3: emulators.s3Endpoint, dynamodb: emulators.dynamodbEndpoint };
    });
    s3Backend = synthConfig(migrated).stack("bootstrap").json.terraform.backend as typeof s3Backend;
  }, 300_000);

  afterAll(async () => {
    await stopAllProcesses();
    await emulators?.stop();
    workspace?.dispose();
  });

  it("writes the state to terraform-state/<project>/<env>/bootstrap.tfstate and finds it after cdktf removed the stack directory", async () => {
    synthesize(localBackend);
    await terraform(["init"]);
    await terraform(["apply", "-auto-approve"]);
    const stateFile = join(project, "terraform-state", "voice-ai", "dev", "bootstrap.tfstate");
    expect(existsSync(stateFile)).toBe(true);

    // What `INFRA_ENVS=prod cdktf synth` (or deploy) does to a stack it does not synthesize.
    rmSync(stackDir, { recursive: true });
    expect(existsSync(stateFile)).toBe(true);
    synthesize(localBackend);
    await terraform(["init"]);
    expect(await stateList()).toBe("terraform_data.state_bucket");
  });

  it("migrates into S3 with `terraform init -migrate-state` once the local backend is recorded again", async () => {
    // The trap the docs step guards against: in a stack directory that no longer records the local backend,
    // -migrate-state has nothing to migrate from and quietly starts from empty state in S3.
    const fresh = join(project, "cdktf.out", "stacks", `${STACK}-fresh`);
    synthesize(s3Backend, fresh);
    await terraform(["init", "-migrate-state", "-force-copy"], fresh);
    expect((await workspace.run(fresh, ["state", "list", "-no-color"])).stderr).toMatch(/No state file was found/);

    // The documented migration, in the stack directory the previous test initialized with the local backend.
    synthesize(s3Backend);
    await terraform(["init", "-migrate-state", "-force-copy"]);
    expect(await stateList()).toBe("terraform_data.state_bucket");
    expect(s3Backend.s3.key).toBe("voice-ai/dev/bootstrap.tfstate");
    expect(emulators.objectPaths()).toContain(`${s3Backend.s3.bucket}/${s3Backend.s3.key}`);
    const plan = await workspace.run(stackDir, ["plan", "-detailed-exitcode", "-input=false", "-no-color", "-lock-timeout=60s"]);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
  });
});
