import type { PolicyStatement } from "./iam-policy";

/** A DynamoDB table a role may be granted, as the data-dynamodb stack exposes it. */
export interface GrantedTable {
  /** Physical table name, given to the code as `<NAME>_TABLE`. */
  readonly name: string;
  readonly arn: string;
  /** ARNs of the table's global secondary indexes. */
  readonly indexArns: readonly string[];
}

/** One configured grant: a table of the `dynamodb` section by its config name, read or read-write. */
export interface TableGrant {
  readonly name: string;
  readonly access: "read" | "read-write";
}

export interface TableAccessProps {
  /** The grants of one role (function or service), from config. */
  readonly grants: readonly TableGrant[];
  /** Every table of the environment by config name; each grant must name one of them. */
  readonly tables: Readonly<Record<string, GrantedTable>>;
  /** CMK of the tables; the role may use it only through DynamoDB. */
  readonly keyArn: string;
  /** Region of the tables, for the `kms:ViaService` condition. */
  readonly region: string;
}

const READ_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:BatchGetItem",
  "dynamodb:Query",
  "dynamodb:Scan",
  "dynamodb:ConditionCheckItem",
  "dynamodb:DescribeTable",
];
const WRITE_ACTIONS = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"];

/**
 * IAM statements for exactly the granted tables and their indexes (never `*`), and for their key through DynamoDB
 * only: decrypt for readers, encrypt as well for writers. No statements without grants.
 */
export function tableAccessStatements(props: TableAccessProps): PolicyStatement[] {
  const { grants, tables } = props;
  if (grants.length === 0) return [];
  const missing = grants.filter((grant) => !(grant.name in tables)).map((grant) => grant.name);
  if (missing.length > 0) throw new Error(`tableAccessStatements: tables has no entry for ${missing.join(", ")}`);
  const resourcesOf = (access: TableGrant["access"]) =>
    grants.filter((grant) => grant.access === access).flatMap((grant) => [tables[grant.name].arn, ...tables[grant.name].indexArns]);
  const statements: PolicyStatement[] = [];
  const readOnly = resourcesOf("read");
  const readWrite = resourcesOf("read-write");
  if (readOnly.length > 0) statements.push({ sid: "ReadGrantedTables", actions: READ_ACTIONS, resources: readOnly });
  if (readWrite.length > 0) statements.push({ sid: "ReadWriteGrantedTables", actions: [...READ_ACTIONS, ...WRITE_ACTIONS], resources: readWrite });
  statements.push({
    sid: "UseTablesKeyThroughDynamodb",
    actions:
      readWrite.length > 0
        ? ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"]
        : ["kms:Decrypt", "kms:DescribeKey"],
    resources: [props.keyArn],
    conditions: { StringEquals: { "kms:ViaService": `dynamodb.${props.region}.amazonaws.com` } },
  });
  return statements;
}
