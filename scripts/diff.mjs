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
import { join, resolve } from "node:path";
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
