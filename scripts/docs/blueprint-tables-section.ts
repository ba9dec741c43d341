// The sizing, alarm and budget tables of docs/blueprints.md: read from the synthesized stacks of every blueprint and
// environment, between markers, so the page cannot describe sizes, thresholds or budgets the stacks do not have.
import { BLUEPRINTS } from "../../config";
import type { TerraformJson } from "../terraform/stack-json";
import { type SynthesizedApp, type SynthesizedStack, synthesizeApp } from "../terraform/synth";
import { cell, code } from "./markdown";
import { withRegion } from "./stack-graph-section";

export const BLUEPRINTS_PAGE = "docs/blueprints.md";
export const TABLES_BEGIN =
  "<!-- BEGIN GENERATED: blueprint sizing, alarms and budgets (`npm run docs` from scripts/docs/blueprint-tables-section.ts; do not edit by hand) -->";
export const TABLES_END = "<!-- END GENERATED: blueprint sizing, alarms and budgets -->";

// biome-ignore lint/suspicious/noExplicitAny: attributes of any resource type, read as Terraform JSON.
type Resource = Record<string, any>;
type Stacks = readonly SynthesizedStack[];

const COMPARISON: Record<string, string> = {
  GreaterThanThreshold: ">",
  GreaterThanOrEqualToThreshold: ">=",
  LessThanThreshold: "<",
  LessThanOrEqualToThreshold: "<=",
};
const GIB = 1024 ** 3;

/** Every blueprint's synthesized stacks, all environments, in one app. */
export function synthesizeBlueprints(): SynthesizedApp {
  return synthesizeApp({ blueprints: Object.keys(BLUEPRINTS).join(","), environments: "" });
}

/** The generated region's content, without its markers. */
export function renderBlueprintTablesSection(app: SynthesizedApp = synthesizeBlueprints()): string {
  const lines = [
    "Read from the synthesized stacks of every blueprint and environment (`npm run docs`); tasks are the deploy-time",
    "count with the autoscaling range, storage is allocated -> autoscaling maximum. Thresholds are the alarms'",
    "own (`<project>-<env>-` left out of the names); `-` means the environment has no such alarm.",
  ];
  for (const blueprint of Object.keys(BLUEPRINTS)) {
    const stacks = app.stacks.filter((stack) => stack.project === blueprint);
    const environments = [...new Set(stacks.map((stack) => stack.environment))];
    const byEnvironment = environments.map((environment) => ({ environment, stacks: stacks.filter((s) => s.environment === environment) }));
    lines.push("", `### ${code(blueprint)}`, "", ...sizingTable(byEnvironment), "", ...alarmTable(byEnvironment), "", ...budgetTable(byEnvironment));
  }
  return lines.join("\n");
}

/** `page` with its generated region replaced by `content`. */
export function withBlueprintTables(page: string, content: string): string {
  return withRegion(page, BLUEPRINTS_PAGE, TABLES_BEGIN, TABLES_END, content);
}

interface EnvironmentStacks {
  readonly environment: string;
  readonly stacks: Stacks;
}

function resources(stacks: Stacks, type: string): [string, Resource][] {
  return stacks.flatMap((stack) => Object.entries((stack.json as TerraformJson).resource?.[type] ?? {}));
}

function sizingTable(environments: readonly EnvironmentStacks[]): string[] {
  const rows = environments.map(({ environment, stacks }) => [
    environment,
    services(stacks),
    functions(stacks),
    database(stacks),
    cache(stacks),
    String(resources(stacks, "aws_nat_gateway").length),
  ]);
  return table(["environment", "services: tasks (range), CPU / memory", "functions", "database", "cache", "NAT gateways"], rows);
}

function services(stacks: Stacks): string {
  const definitions = Object.fromEntries(resources(stacks, "aws_ecs_task_definition"));
  const scaling = resources(stacks, "aws_appautoscaling_target");
  return resources(stacks, "aws_ecs_service")
    .map(([id, service]) => {
      const definition = definitions[referencedId(service.task_definition, "aws_ecs_task_definition") ?? ""];
      const target = scaling.find(([, t]) => referencedId(t.resource_id, "aws_ecs_service") === id)?.[1];
      const range = target ? ` (${target.min_capacity}-${target.max_capacity})` : "";
      const size = definition ? `, ${Number(definition.cpu) / 1024} vCPU / ${Number(definition.memory) / 1024} GB` : "";
      return `${code(service.name)} ${service.desired_count}${range}${size}`;
    })
    .join("<br>");
}

function functions(stacks: Stacks): string {
  const found = resources(stacks, "aws_lambda_function").map(([, fn]) => {
    const concurrency = fn.reserved_concurrent_executions === undefined ? "" : `, ${fn.reserved_concurrent_executions} reserved`;
    return `${code(fn.function_name)} ${fn.memory_size} MB, ${fn.timeout} s${concurrency}`;
  });
  return found.length > 0 ? found.join("<br>") : "-";
}

function database(stacks: Stacks): string {
  const instances = resources(stacks, "aws_db_instance");
  const primary = instances.find(([, db]) => db.replicate_source_db === undefined)?.[1];
  if (!primary) return "-";
  const parts = [
    `${primary.instance_class}, ${primary.allocated_storage}${primary.max_allocated_storage ? `-${primary.max_allocated_storage}` : ""} GB ${primary.storage_type ?? ""}`.trim(),
    primary.multi_az ? "Multi-AZ" : "single-AZ",
  ];
  for (const [, replica] of instances.filter(([, db]) => db.replicate_source_db !== undefined)) {
    parts.push(`${replica.provider === undefined ? "read replica" : "DR-region replica"} ${replica.instance_class}`);
  }
  return parts.join(", ");
}

function cache(stacks: Stacks): string {
  const groups = resources(stacks, "aws_elasticache_replication_group").map(
    ([, group]) => `${group.node_type} x ${group.num_cache_clusters}${group.automatic_failover_enabled ? ", failover" : ""}`,
  );
  return groups.length > 0 ? groups.join("<br>") : "-";
}

function alarmTable(environments: readonly EnvironmentStacks[]): string[] {
  // Alarm name (without the environment prefix) -> metric, and threshold per environment.
  const alarms = new Map<string, { metric: string; thresholds: Map<string, string> }>();
  for (const { environment, stacks } of environments) {
    const prefix = `${stacks[0].project}-${environment}-`;
    for (const [, alarm] of resources(stacks, "aws_cloudwatch_metric_alarm")) {
      const name: string = alarm.alarm_name.startsWith(prefix) ? alarm.alarm_name.slice(prefix.length) : alarm.alarm_name;
      const entry = alarms.get(name) ?? { metric: `${alarm.namespace} ${alarm.metric_name} (${alarm.statistic})`, thresholds: new Map() };
      const value =
        alarm.metric_name === "FreeStorageSpace" || alarm.metric_name === "FreeableMemory" ? `${alarm.threshold / GIB} GiB` : String(alarm.threshold);
      const minutes = (alarm.period * alarm.evaluation_periods) / 60;
      entry.thresholds.set(environment, `${COMPARISON[alarm.comparison_operator] ?? alarm.comparison_operator} ${value} (${minutes} min)`);
      alarms.set(name, entry);
    }
  }
  const rows = [...alarms]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, { metric, thresholds }]) => [code(name), metric, ...environments.map(({ environment }) => thresholds.get(environment) ?? "-")]);
  return table(["alarm", "metric (statistic)", ...environments.map(({ environment }) => `${environment}: pages when`)], rows);
}

function budgetTable(environments: readonly EnvironmentStacks[]): string[] {
  const rows = environments.flatMap(({ environment, stacks }) =>
    resources(stacks, "aws_budgets_budget").map(([, budget]) => [
      environment,
      `${budget.limit_amount} ${budget.limit_unit} ${String(budget.time_unit).toLowerCase()}`,
      (budget.notification as Resource[])
        .map(
          (n) =>
            `${String(n.notification_type).toLowerCase()} ${COMPARISON[`${toPascal(n.comparison_operator)}Threshold`] ?? n.comparison_operator} ${n.threshold} %`,
        )
        .join(", "),
    ]),
  );
  return table(["environment", "budget", "notifies on (of the budget)"], rows);
}

/** `GREATER_THAN` -> `GreaterThan`. */
function toPascal(value: string): string {
  return value
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** The logical id in a `${<type>.<id>.<attribute>}` reference. */
function referencedId(reference: unknown, type: string): string | undefined {
  return new RegExp(`\\$\\{${type}\\.([A-Za-z0-9_-]+)\\.`).exec(String(reference))?.[1];
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)];
}
