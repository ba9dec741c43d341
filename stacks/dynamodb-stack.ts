import { DynamodbTable, type DynamodbTableAttribute } from "@cdktf/provider-aws/lib/dynamodb-table";
import type { Construct } from "constructs";
import { type DynamodbTableConfig, tableNameFor } from "../config/sections/dynamodb";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface DynamodbStackProps extends Omit<PlatformStackProps, "component"> {
  /** CMK (secrets-kms `dynamodb` key) that encrypts every table. */
  readonly dynamodbKeyArn: string;
}

/**
 * DynamoDB tables (seed 001's handover-token table): on-demand by default, TTL expiry, point-in-time recovery,
 * deletion protection and a customer-managed key, each from config. Only synthesized when `dynamodb` is configured.
 */
export class DynamodbStack extends PlatformStack {
  /** ARN of each table, by its config name (`handover-tokens`). */
  readonly tableArns: Readonly<Record<string, string>>;
  /** Physical name of each table, by its config name. */
  readonly tableNames: Readonly<Record<string, string>>;
  /** ARNs of each table's global secondary indexes, by the table's config name (empty when it has none). */
  readonly tableIndexArns: Readonly<Record<string, readonly string[]>>;

  constructor(scope: Construct, props: DynamodbStackProps) {
    super(scope, { ...props, component: "data-dynamodb" });
    const tables = this.config.dynamodb?.tables;
    if (!tables) throw new Error(`${this.node.id}: the config has no dynamodb section, so this stack must not be created`);

    const arns: Record<string, string> = {};
    const names: Record<string, string> = {};
    const indexArns: Record<string, string[]> = {};
    for (const table of tables) {
      const resource = this.table(table, props.dynamodbKeyArn);
      arns[table.name] = resource.arn;
      names[table.name] = resource.name;
      indexArns[table.name] = table.globalSecondaryIndexes.map((index) => `${resource.arn}/index/${index.name}`);
    }
    this.tableArns = arns;
    this.tableNames = names;
    this.tableIndexArns = indexArns;
  }

  private table(table: DynamodbTableConfig, kmsKeyArn: string): DynamodbTable {
    const provisioned = table.billingMode === "PROVISIONED";
    const indexes = table.globalSecondaryIndexes.map((index) => ({
      name: index.name,
      hashKey: index.hashKey.name,
      rangeKey: index.rangeKey?.name,
      projectionType: index.projection,
      nonKeyAttributes: index.projection === "INCLUDE" ? index.nonKeyAttributes : undefined,
      readCapacity: provisioned ? index.readCapacity : undefined,
      writeCapacity: provisioned ? index.writeCapacity : undefined,
    }));
    return new DynamodbTable(this, table.name, {
      name: tableNameFor(this.config, table.name),
      billingMode: table.billingMode,
      readCapacity: provisioned ? table.readCapacity : undefined,
      writeCapacity: provisioned ? table.writeCapacity : undefined,
      hashKey: table.hashKey.name,
      rangeKey: table.rangeKey?.name,
      attribute: keyAttributes(table),
      globalSecondaryIndex: indexes.length > 0 ? indexes : undefined,
      ttl: table.ttlAttribute ? { enabled: true, attributeName: table.ttlAttribute } : undefined,
      pointInTimeRecovery: { enabled: table.pointInTimeRecovery },
      serverSideEncryption: { enabled: true, kmsKeyArn },
      deletionProtectionEnabled: table.deletionProtection,
      tags: this.nameTags(table.name),
    });
  }
}

/** DynamoDB wants exactly the attributes used as keys of the table or an index, each defined once. */
function keyAttributes(table: DynamodbTableConfig): DynamodbTableAttribute[] {
  const keys = [table.hashKey, table.rangeKey, ...table.globalSecondaryIndexes.flatMap((index) => [index.hashKey, index.rangeKey])];
  const attributes = new Map<string, string>();
  for (const key of keys) if (key && !attributes.has(key.name)) attributes.set(key.name, key.type);
  return [...attributes].map(([name, type]) => ({ name, type }));
}
