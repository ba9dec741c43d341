import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workerScratchDir } from "../support/scratch";

// Issue 19: a bootstrap stack's local state is the only record of the account's state bucket, lock table and key
// until it is migrated into S3, so no command the README recommends may delete it. This reproduces the reported
// loss with the commands a new user runs, against a scratch output directory (the stock CLI removes the stack
// directories it did not synthesize, so the checkout's own cdktf.out is never touched).

const root = resolve(__dirname, "..", "..");
const STATE = JSON.stringify({ version: 4, terraform_version: "1.11.4", serial: 7, lineage: "issue-19", outputs: {}, resources: [] });

/** The caller's environment without a selection of blueprints or environments, plus `selection`. */
function environment(selection: Record<string, string>): NodeJS.ProcessEnv {
  const { INFRA_ENVS, INFRA_BLUEPRINTS, ...rest } = process.env;
  return { ...rest, ...selection };
}

interface Manifest {
  stacks: Record<string, { workingDirectory: string; synthesizedStackPath: string }>;
}

describe("the bootstrap stack's local state", () => {
  let scratch: string;
  let outdir: string;

  /** `npm run synth` (the fast synth, every environment) into the scratch output directory. */
  const npmSynth = (environments?: string) =>
    execFileSync(process.execPath, [join(root, "scripts", "synth.mjs")], {
      cwd: root,
      env: environment({ CDKTF_OUTDIR: outdir, ...(environments && { INFRA_ENVS: environments }) }),
      stdio: "ignore",
    });

  /** `npx cdktf synth`: the stock CLI, which runs the cdktf.json app and then deletes orphaned stack directories. */
  const cdktfSynth = (environments: string) =>
    execFileSync(join(root, "node_modules", ".bin", "cdktf"), ["synth", "--output", outdir], {
      cwd: root,
      env: environment({ INFRA_ENVS: environments, CHECKPOINT_DISABLE: "1", CI: "1" }),
      stdio: "ignore",
    });

  /** Where terraform, run in the stack's working directory (as `cdktf deploy` runs it), reads the state. */
  const statePath = (stackId: string) => {
    const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as Manifest;
    const stack = manifest.stacks[stackId];
    const backend = JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), "utf8")).terraform.backend;
    expect(Object.keys(backend)).toEqual(["local"]);
    return resolve(outdir, stack.workingDirectory, backend.local.path);
  };

  beforeAll(() => {
    scratch = workerScratchDir("bootstrap-state-");
    outdir = join(scratch, "cdktf.out");
    npmSynth();
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("lives outside the output directory, one file per blueprint and environment", () => {
    const dev = statePath("dev-bootstrap");
    expect(relative(outdir, dev)).toMatch(/^\.\.\//);
    expect(relative(scratch, dev)).toBe(join("terraform-state", "voice-ai", "dev", "bootstrap.tfstate"));
    expect(statePath("prod-bootstrap")).toBe(join(scratch, "terraform-state", "voice-ai", "prod", "bootstrap.tfstate"));
  });

  it("survives `cdktf synth` of another environment, a clean `npm run synth`, and is found again after both", () => {
    const dev = statePath("dev-bootstrap");
    mkdirSync(dirname(dev), { recursive: true });
    writeFileSync(dev, STATE);

    cdktfSynth("prod");
    // The CLI did what the issue reports: dev's stack directory is gone.
    expect(existsSync(join(outdir, "stacks", "dev-bootstrap"))).toBe(false);
    expect(readFileSync(dev, "utf8")).toBe(STATE);

    npmSynth();
    expect(statePath("dev-bootstrap")).toBe(dev);

    rmSync(outdir, { recursive: true, force: true });
    npmSynth("dev");
    expect(statePath("dev-bootstrap")).toBe(dev);
    expect(readFileSync(dev, "utf8")).toBe(STATE);
  });

  it("`npm run diff` refuses a state file still where this project kept it before, instead of planning from nothing", () => {
    npmSynth("staging");
    const oldPath = join(outdir, "stacks", "staging-bootstrap", "terraform.staging-bootstrap.tfstate");
    writeFileSync(oldPath, STATE);
    const diff = spawnSync(process.execPath, [join(root, "scripts", "diff.mjs"), "staging-bootstrap"], {
      cwd: root,
      env: environment({ CDKTF_OUTDIR: outdir, INFRA_ENVS: "staging" }),
      encoding: "utf8",
    });
    expect(diff.status).toBe(1);
    const newPath = join(scratch, "terraform-state", "voice-ai", "staging", "bootstrap.tfstate");
    expect(diff.stderr).toContain(`mv ${relative(root, oldPath)} ${relative(root, newPath)}`);
    expect(readFileSync(oldPath, "utf8")).toBe(STATE);
    expect(statePath("staging-bootstrap")).toBe(newPath);
    expect(existsSync(newPath)).toBe(false);
  });
});
