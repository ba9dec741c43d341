// Every generated page (or generated region of a page), computed in memory: `npm run docs` writes them, its
// `--check` mode and __tests__/integration/docs.test.ts compare them with the committed files.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BLUEPRINTS_PAGE, renderBlueprintTablesSection, withBlueprintTables } from "./blueprint-tables-section";
import { CONFIGURATION_REFERENCE, renderConfigurationReference } from "./configuration-reference";
import { GUARDRAIL_REFERENCE, renderGuardrailReference } from "./guardrail-reference";
import { FIRST_DEPLOY_PAGE, renderDeployCommandsSection, withDeployCommands } from "./deploy-commands-section";
import { ARCHITECTURE_PAGE, BLUEPRINT_PAGES, renderStackGraphSection, withStackGraph } from "./stack-graph-section";

export interface GeneratedPage {
  /** Repository path. */
  readonly path: string;
  /** What the file must contain. */
  readonly expected: string;
  /** What it contains now; undefined when it does not exist. */
  readonly actual: string | undefined;
}

export interface PageOptions {
  /** Content of the stack graph region; computed by synthesizing the default blueprint when absent. */
  readonly stackGraph?: string;
  /** Content of the prod deploy commands region; computed by synthesizing the default blueprint's prod when absent. */
  readonly deployCommands?: string;
  /** Content of the blueprint sizing, alarm and budget tables; computed by synthesizing every blueprint when absent. */
  readonly blueprintTables?: string;
}

export function generatedPages(root: string, options: PageOptions = {}): GeneratedPage[] {
  const read = (path: string) => (existsSync(join(root, path)) ? readFileSync(join(root, path), "utf8") : undefined);
  const architecture = read(ARCHITECTURE_PAGE);
  if (architecture === undefined) throw new Error(`${ARCHITECTURE_PAGE} is missing: it holds the generated stack graph region`);
  const firstDeploy = read(FIRST_DEPLOY_PAGE);
  if (firstDeploy === undefined) throw new Error(`${FIRST_DEPLOY_PAGE} is missing: it holds the generated deploy commands region`);
  const blueprints = read(BLUEPRINTS_PAGE);
  if (blueprints === undefined) throw new Error(`${BLUEPRINTS_PAGE} is missing: it holds the generated blueprint tables region`);
  return [
    { path: CONFIGURATION_REFERENCE, expected: renderConfigurationReference(root), actual: read(CONFIGURATION_REFERENCE) },
    { path: GUARDRAIL_REFERENCE, expected: renderGuardrailReference(), actual: read(GUARDRAIL_REFERENCE) },
    { path: ARCHITECTURE_PAGE, expected: withStackGraph(architecture, options.stackGraph ?? renderStackGraphSection()), actual: architecture },
    {
      path: FIRST_DEPLOY_PAGE,
      expected: withDeployCommands(firstDeploy, options.deployCommands ?? renderDeployCommandsSection()),
      actual: firstDeploy,
    },
    {
      path: BLUEPRINTS_PAGE,
      expected: withBlueprintTables(blueprints, options.blueprintTables ?? renderBlueprintTablesSection()),
      actual: blueprints,
    },
    ...Object.entries(BLUEPRINT_PAGES).map(([blueprint, path]) => {
      const page = read(path);
      if (page === undefined) throw new Error(`${path} is missing: it holds the ${blueprint} blueprint's generated stack graph region`);
      return { path, expected: withStackGraph(page, renderStackGraphSection(blueprint), path), actual: page };
    }),
  ];
}

/** The pages whose committed content differs from what the generators produce now. */
export function stalePages(pages: readonly GeneratedPage[]): GeneratedPage[] {
  return pages.filter((page) => page.actual !== page.expected);
}
