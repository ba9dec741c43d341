// `npm run diff -- <stack> [terraform plan args...]`: synthesize, then `terraform init` + `terraform plan` in
// cdktf.out/stacks/<stack>, which is what `cdktf diff <stack>` does, minus the CLI's start-up.
//
// This talks to AWS: it needs credentials for the stack's account, read access to the state bucket, the lock
// table (plan takes the state lock), read access to the state of every upstream stack the plan reads through
// remote state (so upstream stacks must be applied first), and read-only describe permissions on the resources.
// It refuses to start when no credential source is configured instead of failing deep inside terraform.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const skipCredentialCheck = args.includes("--no-credential-check");
const [stackId, ...planArgs] = args.filter((arg) => arg !== "--no-credential-check");

if (!stackId || stackId.startsWith("-")) {
  fail("usage: npm run diff -- <stack> [terraform plan args...]   e.g. npm run diff -- prod-vpc");
}

const synth = spawnSync(process.execPath, [join(root, "scripts", "synth.mjs")], { stdio: ["ignore", "ignore", "inherit"] });
if (synth.status !== 0) process.exit(synth.status ?? 1);

const outdir = resolve(process.env.CDKTF_OUTDIR ?? "cdktf.out");
const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8"));
const stack = manifest.stacks[stackId];
if (!stack) fail(`no stack "${stackId}"; synthesized stacks: ${Object.keys(manifest.stacks).sort().join(", ")}`);

const stackDir = join(outdir, stack.workingDirectory);
const json = JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), "utf8"));
const accounts = (json.provider?.aws ?? []).flatMap((p) => p.allowed_account_ids ?? []);
const backend = json.terraform?.backend?.s3;
checkLocalState(json.terraform?.backend);

if (!skipCredentialCheck && !hasCredentialSource()) {
  fail(
    [
      `npm run diff -- ${stackId} plans against the real AWS account and state, and no AWS credentials are configured.`,
      "It needs:",
      `  - credentials for account ${[...new Set(accounts)].join(", ") || "(see allowed_account_ids)"}: AWS_PROFILE, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, SSO or web identity`,
      backend
        ? `  - s3:GetObject on s3://${backend.bucket}/${backend.key} and DynamoDB access to the lock table ${backend.dynamodb_table}`
        : "  - access to the stack's state backend",
      "  - read access to the state of every upstream stack it reads (apply those first) and read-only describe permissions",
      "With instance-profile or other credentials this check cannot see, add --no-credential-check.",
    ].join("\n"),
    2,
  );
}

run(["init", "-input=false"]);
const plan = run(["plan", "-input=false", "-lock-timeout=60s", ...planArgs], false);
process.exit(plan.status ?? 1);

function run(terraformArgs, exitOnFailure = true) {
  const result = spawnSync("terraform", [`-chdir=${stackDir}`, ...terraformArgs], { stdio: "inherit" });
  if (result.error) fail(`cannot run terraform (${result.error.message}); install terraform 1.11+`);
  if (exitOnFailure && result.status !== 0) process.exit(result.status ?? 1);
  return result;
}

/**
 * A bootstrap stack's local state is the only record of its bucket, lock table and key until it is in S3
 * (docs/bootstrap-state.md). Terraform does not notice when its backend points at the wrong file: it plans from
 * empty state, as if nothing existed. So refuse while the state still sits where this project kept it before
 * (inside the stack directory, which `cdktf synth` deletes) and not where the backend now reads it, and remind
 * about a local copy that the S3 backend no longer reads.
 */
function checkLocalState(backends) {
  if (backends?.local) {
    const statePath = resolve(stackDir, backends.local.path);
    const oldPath = join(stackDir, `terraform.${stackId}.tfstate`);
    if (!existsSync(statePath) && existsSync(oldPath)) {
      fail(
        [
          `${stackId} keeps its state in ${relative(process.cwd(), statePath)}, but it is still in ${relative(process.cwd(), oldPath)},`,
          "where `cdktf synth` or `cdktf deploy` of another environment would delete it. Move it first:",
          `  mkdir -p ${relative(process.cwd(), dirname(statePath))} && mv ${relative(process.cwd(), oldPath)} ${relative(process.cwd(), statePath)}`,
          `then \`terraform -chdir=${relative(process.cwd(), stackDir)} init -migrate-state\` (it still remembers the old path)`,
          "and run this again (docs/bootstrap-state.md).",
        ].join("\n"),
      );
    }
  } else if (backends?.s3) {
    // `terraform-state/<key>` beside the output directory: where the stack's local state was before its migration.
    const localCopy = join(outdir, "..", "terraform-state", backends.s3.key);
    if (existsSync(localCopy)) {
      console.error(
        `note: ${relative(process.cwd(), localCopy)} still exists. If \`terraform init -migrate-state\` has not copied it into ` +
          `s3://${backends.s3.bucket}/${backends.s3.key} yet, do that first (docs/bootstrap-state.md); the plan below reads S3 only.`,
      );
    }
  }
}

function hasCredentialSource() {
  const env = process.env;
  if (env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE || env.AWS_WEB_IDENTITY_TOKEN_FILE) return true;
  if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || env.AWS_CONTAINER_CREDENTIALS_FULL_URI) return true;
  const files = [env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), ".aws", "credentials"), env.AWS_CONFIG_FILE ?? join(homedir(), ".aws", "config")];
  return files.some((file) => existsSync(file));
}

function fail(message, code = 1) {
  console.error(message);
  process.exit(code);
}
