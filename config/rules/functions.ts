import { credentialProblem } from "../credentials";
import type { ConfigIssue, CrossFieldRule } from "../schema";
import {
  ENVIRONMENT_MAX_BYTES,
  LAMBDA_RESERVED_ENVIRONMENT,
  isZipFunction,
  secretEnvironmentName,
  tableEnvironmentName,
} from "../sections/functions";
import { tableGrantIssues } from "./table-grants";

/** Lambda caps function names (and IAM role names) at 64 characters; ours are `<project>-<env>-<name>`. */
const FUNCTION_NAME_MAX = 64;

export const functionsRules: CrossFieldRule[] = [
  (c) => {
    const functions = c.functions ?? [];
    return functions.flatMap((f, i): ConfigIssue[] =>
      functions.findIndex((other) => other.name === f.name) !== i
        ? [{ path: ["functions", i, "name"], message: `duplicates function name "${f.name}"` }]
        : [],
    );
  },
  (c) =>
    (c.functions ?? []).flatMap((f, i): ConfigIssue[] => {
      // The role is `<name>-lambda`, the longest physical name derived from the function's.
      const roleName = `${c.project}-${c.environment}-${f.name}-lambda`;
      return roleName.length > FUNCTION_NAME_MAX
        ? [{ path: ["functions", i, "name"], message: `makes the role name "${roleName}" longer than ${FUNCTION_NAME_MAX} characters` }]
        : [];
    }),
  (c) => (c.functions ?? []).flatMap((f, i) => tableGrantIssues(f.tables, c.dynamodb?.tables, ["functions", i, "tables"])),
  (c) =>
    (c.functions ?? []).flatMap((f, i) => {
      const generated = f.tables.map((t) => tableEnvironmentName(t.name));
      const issues = Object.entries(f.environment).flatMap(([name, value]): ConfigIssue[] => {
        const path = ["functions", i, "environment", name];
        if ((LAMBDA_RESERVED_ENVIRONMENT as readonly string[]).includes(name)) return [{ path, message: "is reserved by the Lambda runtime" }];
        if (generated.includes(name)) return [{ path, message: "is set by the functions stack to the table's name; remove it" }];
        const problem = credentialProblem(name, value);
        return problem ? [{ path, message: problem }] : [];
      });
      const bytes = Object.entries(f.environment).reduce((sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value), 0);
      if (bytes > ENVIRONMENT_MAX_BYTES) {
        issues.push({ path: ["functions", i, "environment"], message: `totals ${bytes} bytes; Lambda allows ${ENVIRONMENT_MAX_BYTES}` });
      }
      return issues;
    }),
  (c) =>
    (c.functions ?? []).flatMap((f, i): ConfigIssue[] =>
      (f.imageTag === undefined) === (f.code === undefined)
        ? [{ path: ["functions", i], message: "must set exactly one of imageTag (container image) and code (.zip package)" }]
        : [],
    ),
  // A zip function gets a live alias, a canary and a role scoped to what it calls; an image function gets none of them.
  (c) =>
    (c.functions ?? []).flatMap((f, i): ConfigIssue[] => {
      if (isZipFunction(f)) return [];
      return (["provisionedConcurrency", "deployment", "permissions"] as const)
        .filter((field) => f[field] !== undefined)
        .map((field) => ({ path: ["functions", i, field], message: "applies to zip functions (code) only" }));
    }),
  (c) =>
    (c.functions ?? []).flatMap((f, i): ConfigIssue[] => {
      if (!isZipFunction(f)) return [];
      const issues: ConfigIssue[] = [];
      if (f.reservedConcurrency === undefined) {
        issues.push({
          path: ["functions", i, "reservedConcurrency"],
          message: "is required for a zip function: it caps what one function can take from the account",
        });
      } else if (f.provisionedConcurrency !== undefined && f.provisionedConcurrency >= f.reservedConcurrency) {
        issues.push({
          path: ["functions", i, "provisionedConcurrency"],
          message: `must be below reservedConcurrency (${f.reservedConcurrency}): Lambda rejects more, and a deployment's new version needs headroom`,
        });
      }
      if (!f.tracing)
        issues.push({ path: ["functions", i, "tracing"], message: "must be true for a zip function (seed 002: X-Ray on every function)" });
      return issues;
    }),
  (c) =>
    (c.functions ?? []).flatMap((f, i): ConfigIssue[] => {
      const permissions = f.permissions;
      if (!permissions) return [];
      const path = ["functions", i, "permissions"];
      const workflow = c.workflow;
      const issues: ConfigIssue[] = [];
      for (const field of ["putsEvents", "startsWorkflow"] as const) {
        if (permissions[field] && !workflow) issues.push({ path: [...path, field], message: "requires the workflow section" });
      }
      permissions.readsSecrets.forEach((secret, j) => {
        if (!c.secrets.externalApiKeys.includes(secret)) {
          issues.push({
            path: [...path, "readsSecrets", j],
            message: `names no secret of secrets.externalApiKeys (${c.secrets.externalApiKeys.join(", ")})`,
          });
        }
        const variable = secretEnvironmentName(secret);
        if (variable in f.environment)
          issues.push({ path: ["functions", i, "environment", variable], message: `is set by the functions stack to the secret's name; remove it` });
      });
      if (permissions.readsParameters && !c.parameters)
        issues.push({ path: [...path, "readsParameters"], message: "requires the parameters section" });
      if (permissions.readsParameters && "PARAMETERS_PATH" in f.environment) {
        issues.push({
          path: ["functions", i, "environment", "PARAMETERS_PATH"],
          message: "is set by the functions stack to the parameters' path; remove it",
        });
      }
      permissions.sendsToQueues.forEach((queue, j) => {
        if (!workflow?.queues.some((q) => q.name === queue)) {
          issues.push({
            path: [...path, "sendsToQueues", j],
            message: `names no queue of workflow.queues (${(workflow?.queues ?? []).map((q) => q.name).join(", ")})`,
          });
        }
      });
      return issues;
    }),
];
