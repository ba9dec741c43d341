import { z } from "zod";
import type { ConfigIssue, CrossFieldRule } from "../schema";
import { resourceName } from "./common";

/** DynamoDB caps table names at 255 characters; ours are `<project>-<env>-<name>`. */
const TABLE_NAME_MAX = 255;

const attributeName = z
  .string()
  .min(1, "must not be empty")
  .max(255, "must be at most 255 characters")
  .regex(/^[A-Za-z0-9_.-]+$/, "must use A-Z a-z 0-9 _ . - only");

const keyAttribute = z.strictObject({
  name: attributeName,
  /** S = string, N = number, B = binary: the only types a key attribute may have. */
  type: z.enum(["S", "N", "B"]),
});

const capacityUnits = z.number().int().min(1, "must be at least 1").max(40000, "must be at most 40000 (default account quota)");

const globalSecondaryIndexSchema = z.strictObject({
  name: z
    .string()
    .min(3, "must be at least 3 characters")
    .max(255, "must be at most 255 characters")
    .regex(/^[A-Za-z0-9_.-]+$/, "must use A-Z a-z 0-9 _ . - only"),
  hashKey: keyAttribute,
  rangeKey: keyAttribute.optional(),
  /** Attributes copied into the index: all, keys only, or the keys plus `nonKeyAttributes`. */
  projection: z.enum(["ALL", "KEYS_ONLY", "INCLUDE"]).default("ALL"),
  nonKeyAttributes: z.array(attributeName).max(100, "must list at most 100 attributes").default([]),
  /** Provisioned capacity of the index; only with `billingMode: PROVISIONED`. */
  readCapacity: capacityUnits.optional(),
  writeCapacity: capacityUnits.optional(),
});

export const dynamodbTableSchema = z.strictObject({
  /** Table name suffix: the table is `<project>-<env>-<name>` (seed 001: `handover-tokens`). */
  name: resourceName,
  /** Partition key. */
  hashKey: keyAttribute,
  /** Sort key, when items of one partition are ordered. */
  rangeKey: keyAttribute.optional(),
  /** Number attribute holding an epoch-seconds expiry; DynamoDB deletes expired items (seed 001's token TTL). */
  ttlAttribute: attributeName.optional(),
  /** Continuous backups with restore to any second of the last 35 days (seed 001: on in prod). */
  pointInTimeRecovery: z.boolean(),
  /** Refuse `DeleteTable` until it is turned off. */
  deletionProtection: z.boolean(),
  /** On-demand (seed 001) or provisioned capacity. */
  billingMode: z.enum(["PAY_PER_REQUEST", "PROVISIONED"]).default("PAY_PER_REQUEST"),
  /** Provisioned read/write capacity units; only with `billingMode: PROVISIONED`. */
  readCapacity: capacityUnits.optional(),
  writeCapacity: capacityUnits.optional(),
  globalSecondaryIndexes: z.array(globalSecondaryIndexSchema).max(20, "must define at most 20 global secondary indexes").default([]),
});

export const dynamodbSchema = z.strictObject({
  /** Tables of the `data-dynamodb` stack, all encrypted with the environment's `dynamodb` CMK. */
  tables: z.array(dynamodbTableSchema).min(1, "must define at least one table"),
});

export type DynamodbConfig = z.infer<typeof dynamodbSchema>;
export type DynamodbTableConfig = z.infer<typeof dynamodbTableSchema>;

export function tableNameFor(config: { readonly project: string; readonly environment: string }, name: string): string {
  return `${config.project}-${config.environment}-${name}`;
}

export const dynamodbRules: CrossFieldRule[] = [
  (c) => {
    const tables = c.dynamodb?.tables ?? [];
    return tables.flatMap((t, i): ConfigIssue[] =>
      tables.findIndex((other) => other.name === t.name) !== i ? [{ path: ["dynamodb", "tables", i, "name"], message: `duplicates table name "${t.name}"` }] : [],
    );
  },
  (c) =>
    (c.dynamodb?.tables ?? []).flatMap((t, i): ConfigIssue[] => {
      const name = tableNameFor(c, t.name);
      return name.length > TABLE_NAME_MAX ? [{ path: ["dynamodb", "tables", i, "name"], message: `makes the table name longer than ${TABLE_NAME_MAX} characters` }] : [];
    }),
  (c) =>
    c.environment !== "prod"
      ? []
      : (c.dynamodb?.tables ?? []).flatMap((t, i): ConfigIssue[] => [
          ...(t.pointInTimeRecovery ? [] : [{ path: ["dynamodb", "tables", i, "pointInTimeRecovery"], message: "must be true in prod (seed 001 restores tokens from PITR)" }]),
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
          issues.push({ path: ["dynamodb", "tables", i, ...path, "type"], message: `must be ${type}: attribute "${key.name}" is already a key of type ${type}` });
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

function capacityIssues(
  t: { billingMode: string; readCapacity?: number; writeCapacity?: number },
  path: (string | number)[],
): ConfigIssue[] {
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
