import { z } from "zod";
import { resourceName } from "./common";

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
