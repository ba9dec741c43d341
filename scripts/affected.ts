// `npm run affected -- --base <git-rev> | --all [--json] [--github-output [file]] [--waves <n>]`: which stacks a change
// affects. Synthesizes <git-rev> in a temporary git worktree (reusing the installed packages) while this checkout's
// working tree is synthesized in process, compares each stack's Terraform JSON, and prints the affected stacks in
// deploy order: those whose JSON changed, then the stacks downstream that read their outputs (re-plan them after
// the upstream apply). The last line is `N stacks affected (C changed, D downstream)`. --json prints the report as
// JSON instead; --github-output appends the step outputs of the generated workflow (.github/workflows/
// infrastructure.yml) to the file (default $GITHUB_OUTPUT), --waves is how many deploy waves that workflow has.
// Exit codes: 0 whatever the result, 2 for bad arguments or an unknown revision, 1 when a synth fails.
import { appendFileSync } from "node:fs";
import { type RevisionSynth, compareStacks, formatReport, githubOutputs, startRevisionSynth } from "./ci/affected";
import type { TerraformJson } from "./terraform/stack-json";
import { synthesizeApp } from "./terraform/synth";

function usage(message: string): never {
  console.error(`${message}\nusage: npm run affected -- --base <git-rev> | --all [--json] [--github-output [file]] [--waves <n>]`);
  process.exit(2);
}

const args = process.argv.slice(2);
let base: string | undefined;
let all = false;
let json = false;
let githubOutput: string | undefined;
let waves: number | undefined;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === "--base") base = args[++i];
  else if (arg.startsWith("--base=")) base = arg.slice("--base=".length);
  else if (arg === "--all") all = true;
  else if (arg === "--json") json = true;
  else if (arg === "--github-output")
    githubOutput =
      args[i + 1] && !args[i + 1].startsWith("--")
        ? args[++i]
        : (process.env.GITHUB_OUTPUT ?? usage("--github-output without a file and GITHUB_OUTPUT is not set"));
  else if (arg === "--waves") waves = Number(args[++i]);
  else usage(`unknown argument ${arg}`);
}
if (!base === !all) usage("one of --base <git-rev> and --all is required");
if (waves !== undefined && !(Number.isInteger(waves) && waves > 0)) usage("--waves takes a positive whole number");

async function main(rev: string | undefined): Promise<void> {
  let revision: RevisionSynth | undefined;
  try {
    revision = rev === undefined ? undefined : startRevisionSynth(process.cwd(), rev);
  } catch (error) {
    usage(`cannot use --base ${rev}: ${(error as Error).message}`);
  }
  // Ctrl-C: remove the worktree rather than leave it registered in the repository.
  process.once("SIGINT", () => {
    revision?.dispose();
    process.exit(130);
  });
  try {
    // The working tree synthesizes in this process while the base revision's synth runs in a child, on the other core.
    const head = synthesizeApp().stacks;
    // --all: compared with nothing, every stack is new, so every stack is changed.
    const baseStacks = revision ? await revision.done : new Map<string, TerraformJson>();
    const report = compareStacks(baseStacks, head);
    const label = revision ? `${rev} (${revision.commit.slice(0, 12)})` : "nothing (--all)";
    if (json) console.log(JSON.stringify({ base: rev ?? null, baseCommit: revision?.commit ?? null, ...report }, null, 2));
    else console.log(formatReport(report, label));
    if (githubOutput) appendFileSync(githubOutput, githubOutputs(report, waves ?? Math.max(0, ...report.environments.map((e) => e.waves))));
  } finally {
    revision?.dispose();
  }
}

main(base).catch((error) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
