import type { ConfigIssue, CrossFieldRule } from "../schema";
import { tableNameFor } from "../sections/dynamodb";

/** DynamoDB caps table names at 255 characters; ours are `<project>-<env>-<name>`. */
const TABLE_NAME_MAX = 255;

export const dynamodbRules: CrossFieldRule[] = [
  (c) => {
    const tables = c.dynamodb?.tables ?? [];
    return tables.flatMap((t, i): ConfigIssue[] =>
      tables.findIndex((other) => other.name === t.name) !== i
        ? [{ path: ["dynamodb", "tables", i, "name"], message: `duplicates table name "${t.name}"` }]
        : [],
    );
  },
  (c) =>
    (c.dynamodb?.tables ?? []).flatMap((t, i): ConfigIssue[] => {
      const name = tableNameFor(c, t.name);
      return name.length > TABLE_NAME_MAX
        ? [{ path: ["dynamodb", "tables", i, "name"], message: `makes the table name longer than ${TABLE_NAME_MAX} characters` }]
        : [];
    }),
  (c) =>
    c.environment !== "prod"
      ? []
      : (c.dynamodb?.tables ?? []).flatMap((t, i): ConfigIssue[] => [
          ...(t.pointInTimeRecovery
            ? []
            : [{ path: ["dynamodb", "tables", i, "pointInTimeRecovery"], message: "must be true in prod (seed 001 restores tokens from PITR)" }]),
          ...(t.deletionProtection ? [] : [{ path: ["dynamodb", "tables", i, "deletionProtection"], message: "must be true in prod" }]),
        ]),
  (c) => (c.dynamodb?.tables ?? []).flatMap((t, i) => capacityIssues(t, ["dynamodb", "tables", i])),
  (c) =>
    (c.dynamodb?.tables ?? []).flatMap((t, i) =>
      t.globalSecondaryIndexes.flatMap((index, j) => {
        const path = ["dynamodb", "tables", i, "globalSecondaryIndexes", j];
        const issues = capacityIssues({ ...index, billingMode: t.billingMode }, path);
        if (t.globalSecondaryIndexes.findIndex((other) => other.name === index.name) !== j) {
          issues.push({ path: [...path, "name"], message: `duplicates index name "${index.name}"` });
        }
        if (index.projection === "INCLUDE" && index.nonKeyAttributes.length === 0) {
          issues.push({ path: [...path, "nonKeyAttributes"], message: "must list at least one attribute when projection is INCLUDE" });
        }
        if (index.projection !== "INCLUDE" && index.nonKeyAttributes.length > 0) {
          issues.push({ path: [...path, "nonKeyAttributes"], message: `must be empty unless projection is INCLUDE (got ${index.projection})` });
        }
        return issues;
      }),
    ),
  (c) =>
    (c.dynamodb?.tables ?? []).flatMap((t, i) => {
      // One attribute definition per name: a key attribute used twice must have one type.
      const seen = new Map<string, string>();
      const issues: ConfigIssue[] = [];
      const keys: { path: (string | number)[]; key: { name: string; type: string } }[] = [
        { path: ["hashKey"], key: t.hashKey },
        ...(t.rangeKey ? [{ path: ["rangeKey"], key: t.rangeKey }] : []),
        ...t.globalSecondaryIndexes.flatMap((index, j) => [
          { path: ["globalSecondaryIndexes", j, "hashKey"], key: index.hashKey },
          ...(index.rangeKey ? [{ path: ["globalSecondaryIndexes", j, "rangeKey"], key: index.rangeKey }] : []),
        ]),
      ];
      for (const { path, key } of keys) {
        const type = seen.get(key.name);
        if (type !== undefined && type !== key.type) {
          issues.push({
            path: ["dynamodb", "tables", i, ...path, "type"],
            message: `must be ${type}: attribute "${key.name}" is already a key of type ${type}`,
          });
        }
        seen.set(key.name, type ?? key.type);
      }
      if (t.rangeKey && t.rangeKey.name === t.hashKey.name) {
        issues.push({ path: ["dynamodb", "tables", i, "rangeKey", "name"], message: "must differ from the hash key" });
      }
      const ttlKeyType = t.ttlAttribute === undefined ? undefined : seen.get(t.ttlAttribute);
      if (ttlKeyType !== undefined && ttlKeyType !== "N") {
        issues.push({
          path: ["dynamodb", "tables", i, "ttlAttribute"],
          message: `names a key attribute of type ${ttlKeyType}; TTL only reads Number attributes, so no item would ever expire`,
        });
      }
      return issues;
    }),
];

function capacityIssues(t: { billingMode: string; readCapacity?: number; writeCapacity?: number }, path: (string | number)[]): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const field of ["readCapacity", "writeCapacity"] as const) {
    if (t.billingMode === "PROVISIONED" && t[field] === undefined) {
      issues.push({ path: [...path, field], message: "is required with billingMode PROVISIONED" });
    }
    if (t.billingMode === "PAY_PER_REQUEST" && t[field] !== undefined) {
      issues.push({ path: [...path, field], message: "must be absent with billingMode PAY_PER_REQUEST (on-demand has no provisioned capacity)" });
    }
  }
  return issues;
}
