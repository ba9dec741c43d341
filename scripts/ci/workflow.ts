import { waveOutputName } from "./affected";
import { type YamlValue, toYaml } from "./yaml";

/** Where the generated workflow is committed, relative to the project root. */
export const WORKFLOW_PATH = ".github/workflows/infrastructure.yml";

/** Terraform the CI jobs install: the version the terraform suites run against here (>= MIN_TERRAFORM_VERSION). */
export const CI_TERRAFORM_VERSION = "1.11.4";

/** Node for install, test and synth (package.json engines: ^20.19 or >= 22.12). */
export const CI_NODE_VERSION = "22";

/** How long a plan or apply waits for another run's state lock before it fails (terraform's -lock-timeout). */
export const LOCK_TIMEOUT = "10m";

/** Actions by major version; pin them to commit SHAs (and let Dependabot move them) where policy asks for it. */
const ACTIONS = {
  checkout: "actions/checkout@v4",
  setupNode: "actions/setup-node@v4",
  setupTerraform: "hashicorp/setup-terraform@v3",
  awsCredentials: "aws-actions/configure-aws-credentials@v4",
  upload: "actions/upload-artifact@v4",
  download: "actions/download-artifact@v4",
  cache: "actions/cache@v4",
} as const;

/** What the pipeline needs of one environment. */
export interface PipelineEnvironment {
  /** Environment name; also the GitHub environment its apply jobs run in. */
  readonly name: string;
  /** The region AWS credentials are requested in (the stacks' providers name their own regions). */
  readonly region: string;
  /** Role ARNs assumed through GitHub's OIDC provider (config `ci`, config/sections/ci.ts). */
  readonly roles: { readonly plan: string; readonly apply: string };
  /** Deploy waves of its stacks (scripts/ci/affected.ts, deployWaves). */
  readonly waves: number;
}

export interface PipelineInput {
  /** In promotion order: main-branch applies run through them one after another. */
  readonly environments: readonly PipelineEnvironment[];
}

const ARTIFACT = "cdktf-stacks";
const STACK_DIR = "cdktf.out/stacks/${{ matrix.stack }}";

type Job = { [key: string]: YamlValue | undefined };

function terraformSetup(): YamlValue[] {
  return [
    { name: "Synthesized stacks (from the check job)", uses: ACTIONS.download, with: { name: ARTIFACT, path: "cdktf.out/stacks" } },
    { uses: ACTIONS.setupTerraform, with: { terraform_version: CI_TERRAFORM_VERSION, terraform_wrapper: false } },
  ];
}

function credentials(environment: PipelineEnvironment, role: "plan" | "apply", condition?: string): YamlValue {
  return {
    name: `AWS credentials: ${environment.name} ${role} role (OIDC)`,
    if: condition,
    uses: ACTIONS.awsCredentials,
    with: {
      "role-to-assume": environment.roles[role],
      "aws-region": environment.region,
      "role-session-name": `${role}-\${{ github.run_id }}-\${{ github.run_attempt }}`,
    },
  };
}

/** init, plan into tfplan, and the plan in the job summary (also when it failed). */
function planSteps(): YamlValue[] {
  return [
    { name: "terraform init", "working-directory": STACK_DIR, run: "terraform init -input=false -no-color" },
    {
      name: "terraform plan",
      "working-directory": STACK_DIR,
      run: `set -o pipefail\nterraform plan -input=false -no-color -lock-timeout=${LOCK_TIMEOUT} -out=tfplan 2>&1 | tee plan.txt`,
    },
    {
      name: "Plan in the job summary",
      if: "always()",
      "working-directory": STACK_DIR,
      run: [
        "{",
        '  echo "### $STACK"',
        "  echo '<details><summary>terraform plan</summary>'",
        "  echo",
        "  echo '```'",
        "  if [ -f plan.txt ]; then tail -c 400000 plan.txt; else echo 'no plan: an earlier step failed'; fi",
        "  echo '```'",
        "  echo '</details>'",
        '} >> "$GITHUB_STEP_SUMMARY"',
        "",
      ].join("\n"),
    },
  ];
}

function checkJob(input: PipelineInput, waves: number): Job {
  const outputs: Record<string, string> = { count: "${{ steps.affected.outputs.count }}", manual: "${{ steps.affected.outputs.manual }}" };
  for (let wave = 1; wave <= waves; wave++) {
    for (const name of ["plan", ...input.environments.filter((e) => e.waves >= wave).map((e) => e.name)]) {
      const output = waveOutputName(name, wave);
      outputs[output] = `\${{ steps.affected.outputs.${output} }}`;
    }
  }
  return {
    name: "test, synth, affected stacks",
    "runs-on": "ubuntu-latest",
    "timeout-minutes": 45,
    // actions: read lets `gh run list` find the commit of the last run that applied everything.
    permissions: { contents: "read", actions: "read" },
    outputs,
    steps: [
      { uses: ACTIONS.checkout, with: { "fetch-depth": 0 } },
      { uses: ACTIONS.setupNode, with: { "node-version": CI_NODE_VERSION, cache: "npm" } },
      { uses: ACTIONS.setupTerraform, with: { terraform_version: CI_TERRAFORM_VERSION, terraform_wrapper: false } },
      { run: "npm ci --no-audit --no-fund" },
      {
        // The terraform suites install the AWS provider from its registry into this cache once (docs/testing.md);
        // its version follows @cdktf/provider-aws, so the lock file keys it.
        name: "Provider cache of the terraform suites",
        uses: ACTIONS.cache,
        with: { path: "~/.cache/voice-infra/terraform-providers", key: "terraform-providers-${{ runner.os }}-${{ hashFiles('package-lock.json') }}" },
      },
      // CI=true: a terraform suite that cannot run fails the job instead of skipping (docs/testing.md).
      { name: "npm test (type check, ci:generate --check, unit, integration, terraform suites)", run: "npm test" },
      { name: "Synthesize", run: "npm run synth" },
      {
        name: "Affected stacks",
        id: "affected",
        env: {
          GH_TOKEN: "${{ github.token }}",
          EVENT: "${{ github.event_name }}",
          PR_BASE: "${{ github.event.pull_request.base.sha }}",
          BEFORE: "${{ github.event.before }}",
        },
        run: [
          "set -o pipefail",
          'if [ "$EVENT" = pull_request ]; then',
          '  base="$PR_BASE"',
          "else",
          "  # Everything since the last push run that succeeded (it applied every environment), so that a run",
          "  # cancelled while it waited on a stack's concurrency group loses nothing; else the previous commit.",
          `  base=$(gh run list --workflow ${WORKFLOW_PATH.split("/").pop()} --branch main --event push --status success --limit 1 --json headSha --jq '.[0].headSha // empty' || true)`,
          '  base="${base:-$BEFORE}"',
          "fi",
          'if [ -n "$base" ] && git cat-file -e "$base^{commit}" 2>/dev/null; then scope="--base $base"; else scope="--all"; fi',
          `npm run -s affected -- $scope --waves ${waves} --github-output | tee affected.txt`,
          "{",
          "  echo '## Affected stacks'",
          "  echo '```'",
          "  cat affected.txt",
          "  echo '```'",
          "  cat cdktf.out/summary.md",
          '} >> "$GITHUB_STEP_SUMMARY"',
          "",
        ].join("\n"),
      },
      {
        name: "Keep the synthesized stacks for the plan and apply jobs",
        uses: ACTIONS.upload,
        with: { name: ARTIFACT, path: "cdktf.out/stacks/", "retention-days": 14, "if-no-files-found": "error" },
      },
    ],
  };
}

function waveCondition(event: "pull_request" | "push", output: string): string {
  // Status functions make the job run after a skipped wave (nothing affected there) but not after a failed one.
  // Pull requests from forks get no OIDC token, so they stop after the check job.
  const source = event === "pull_request" ? " && github.event.pull_request.head.repo.full_name == github.repository" : "";
  return `\${{ github.event_name == '${event}'${source} && !cancelled() && !failure() && needs.check.outputs.${output} != '[]' && needs.check.outputs.${output} != '' }}`;
}

function planJob(input: PipelineInput, wave: number): Job {
  const output = waveOutputName("plan", wave);
  return {
    name: `plan wave ${wave} (\${{ matrix.stack }})`,
    needs: wave === 1 ? ["check"] : ["check", `plan-wave-${wave - 1}`],
    if: waveCondition("pull_request", output),
    "runs-on": "ubuntu-latest",
    "timeout-minutes": 30,
    permissions: { contents: "read", "id-token": "write" },
    strategy: { "fail-fast": false, matrix: { include: `\${{ fromJSON(needs.check.outputs.${output}) }}` } },
    // Scripts read the stack id from the environment, never from an expression pasted into the script.
    env: { STACK: "${{ matrix.stack }}" },
    steps: [
      ...terraformSetup(),
      ...input.environments.map((environment) => credentials(environment, "plan", `matrix.environment == '${environment.name}'`)),
      ...planSteps(),
    ],
  };
}

function applyJob(environment: PipelineEnvironment, wave: number, previous: string | undefined): Job {
  const output = waveOutputName(environment.name, wave);
  return {
    name: `apply ${environment.name} wave ${wave} (\${{ matrix.stack }})`,
    needs: previous ? ["check", previous] : ["check"],
    if: waveCondition("push", output),
    "runs-on": "ubuntu-latest",
    "timeout-minutes": 60,
    // The GitHub environment: its protection rules (prod: required reviewers, main only) hold the job until met,
    // and the apply role trusts only tokens issued for it.
    environment: environment.name,
    // One run at a time per stack, so two runs never wait on one state lock; never cancel a running apply.
    concurrency: { group: "terraform-state-${{ matrix.stack }}", "cancel-in-progress": false },
    permissions: { contents: "read", "id-token": "write" },
    strategy: { "fail-fast": false, matrix: { stack: `\${{ fromJSON(needs.check.outputs.${output}) }}` } },
    env: { STACK: "${{ matrix.stack }}" },
    steps: [
      ...terraformSetup(),
      credentials(environment, "apply"),
      ...planSteps(),
      {
        name: "terraform apply",
        "working-directory": STACK_DIR,
        run: `terraform apply -input=false -no-color -lock-timeout=${LOCK_TIMEOUT} tfplan`,
      },
    ],
  };
}

/** Job ids in the order the workflow lists them, each with the jobs it needs (for tests and docs). */
export function pipelineJobs(input: PipelineInput): { id: string; needs: string[] }[] {
  const jobs = (infrastructureWorkflow(input).jobs ?? {}) as Record<string, Job>;
  return Object.entries(jobs).map(([id, job]) => ({ id, needs: (job.needs as string[] | undefined) ?? [] }));
}

/**
 * The GitHub Actions workflow of the stack graph. Pull requests: one `check` job (install, `npm test`, synth,
 * `npm run affected` against the PR's base), then one plan job per deploy wave, each a matrix over that wave's
 * affected stacks of every environment, each wave after the one before. Pushes to main: the same `check` job
 * (affected since the last run that succeeded), then per environment in promotion order, per wave, an apply job
 * (plan into a file, apply that file) in the environment's GitHub environment, with a concurrency group per stack.
 */
export function infrastructureWorkflow(input: PipelineInput): { [key: string]: YamlValue } {
  const waves = Math.max(0, ...input.environments.map((environment) => environment.waves));
  const jobs: Record<string, Job> = { check: checkJob(input, waves) };
  for (let wave = 1; wave <= waves; wave++) jobs[`plan-wave-${wave}`] = planJob(input, wave);
  let previous: string | undefined;
  for (const environment of input.environments) {
    for (let wave = 1; wave <= environment.waves; wave++) {
      const id = `apply-${environment.name}-wave-${wave}`;
      jobs[id] = applyJob(environment, wave, previous);
      previous = id;
    }
  }
  return {
    name: "infrastructure",
    on: { pull_request: { branches: ["main"] }, push: { branches: ["main"] } },
    permissions: { contents: "read" },
    // A new push to a pull request cancels its older run; runs on main are never cancelled (each applies).
    concurrency: {
      group: "infrastructure-${{ github.event.pull_request.number || github.run_id }}",
      "cancel-in-progress": "${{ github.event_name == 'pull_request' }}",
    },
    env: { TF_IN_AUTOMATION: "1", TF_INPUT: "0", CHECKPOINT_DISABLE: "1" },
    jobs,
  };
}

/** The file as committed: a header saying where it comes from, then the workflow. */
export function renderWorkflow(input: PipelineInput): string {
  const header = [
    "# GENERATED by `npm run ci:generate` from the stack graph and config (scripts/ci/workflow.ts); do not edit.",
    "# `npm run ci:generate -- --check` (part of `npm test`) fails when this file is stale. How it works: docs/ci.md.",
    `# Deploy waves: ${input.environments.map((e) => `${e.name} ${e.waves}`).join(", ")}.`,
  ];
  return `${header.join("\n")}\n${toYaml(infrastructureWorkflow(input) as YamlValue)}`;
}
