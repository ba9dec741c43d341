// `npm run ci:generate [-- --check]`: writes .github/workflows/infrastructure.yml, the GitHub Actions pipeline of
// the stack graph (scripts/ci/workflow.ts), from the default blueprint's environments (whatever INFRA_ENVS or
// INFRA_BLUEPRINTS say: the file must not depend on the caller's shell). --check writes nothing and exits 1 when
// the committed file differs from what would be generated (`npm test` runs it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { DEFAULT_BLUEPRINT, loadBlueprints } from "../config";
import { ciRoles } from "../config/sections/ci";
import { deployWaves } from "./ci/affected";
import { type PipelineEnvironment, WORKFLOW_PATH, renderWorkflow } from "./ci/workflow";
import { synthesizeApp } from "./terraform/synth";

const check = process.argv.includes("--check");
const unknown = process.argv.slice(2).filter((arg) => arg !== "--check");
if (unknown.length > 0) {
  console.error(`unknown argument ${unknown.join(" ")}\nusage: npm run ci:generate [-- --check]`);
  process.exit(2);
}

// Every environment of the default blueprint: what `npm run synth` builds, and so what CI plans and applies.
const app = synthesizeApp({ blueprints: DEFAULT_BLUEPRINT, environments: "" });
const environments: PipelineEnvironment[] = loadBlueprints(DEFAULT_BLUEPRINT, "").map((config) => {
  const waves = deployWaves(app.stacks.filter((stack) => stack.environment === config.environment));
  return { name: config.environment, region: config.region, roles: ciRoles(config), waves: Math.max(0, ...waves.values()) };
});
const text = renderWorkflow({ environments });
const file = join(process.cwd(), WORKFLOW_PATH);

if (check) {
  const committed = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  if (committed !== text) {
    console.error(
      `${WORKFLOW_PATH} is ${committed === undefined ? "missing" : "stale"}: the stack graph or config changed. Run npm run ci:generate and commit the file.`,
    );
    process.exit(1);
  }
  console.log(`${WORKFLOW_PATH} is up to date`);
} else {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${WORKFLOW_PATH} (${environments.map((e) => `${e.name}: ${e.waves} waves`).join(", ")})`);
}
