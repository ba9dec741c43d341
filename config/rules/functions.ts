import { credentialProblem } from "../credentials";
import type { ConfigIssue, CrossFieldRule } from "../schema";
import { ENVIRONMENT_MAX_BYTES, LAMBDA_RESERVED_ENVIRONMENT, tableEnvironmentName } from "../sections/functions";
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
];
