import type { Construct } from "constructs";
import { EncryptedLogGroup } from "./encrypted-log-group";
import type { PolicyStatement } from "./iam-policy";
import { ServiceRole } from "./service-role";
import { type GrantedTable, type TableGrant, tableAccessStatements } from "./table-access";
import { SEND_TRACES_STATEMENT } from "./trace-collector";

export interface FunctionExecutionProps {
  /** Physical function name: names the log group `/aws/lambda/<name>` and the role `<name>-lambda`. */
  readonly functionName: string;
  readonly region: string;
  readonly accountId: string;
  /** CMK of the log group. */
  readonly logKmsKeyArn: string;
  /** Days the log group keeps events (a CloudWatch retention value). */
  readonly logRetentionDays: number;
  /** Tables the function may use, by config name, read or read-write. */
  readonly tableGrants: readonly TableGrant[];
  /** Every table of the environment by config name; each grant must name one of them. */
  readonly tables: Readonly<Record<string, GrantedTable>>;
  /** CMK of those tables; required when there are grants. */
  readonly tablesKeyArn?: string;
  /**
   * CMK of the function's environment variables; the role may decrypt with it only for this function.
   * @default - no environment to decrypt
   */
  readonly environmentKeyArn?: string;
  /** Whether X-Ray active tracing is on, so the role may send trace segments. */
  readonly tracing: boolean;
  /** Statements of the function's own (services it calls, its network interfaces, its dead-letter queue), after the shared ones. */
  readonly statements?: readonly PolicyStatement[];
}

/** What every function of ours owns besides the function itself. */
export interface FunctionExecution {
  readonly logGroup: EncryptedLogGroup;
  readonly role: ServiceRole;
}

/**
 * The shape ContainerFunction and ZipFunction share: a KMS-encrypted log group at the name Lambda would write to,
 * and a role that may write to that group only, use exactly its granted tables, decrypt its own environment and send
 * traces. Created in `scope` as `Logs` and `Role` (a helper, not a construct: a construct would add a level to every
 * address, see `AlarmDefinition`).
 */
export function functionExecution(scope: Construct, props: FunctionExecutionProps): FunctionExecution {
  const missing = props.tableGrants.filter((grant) => !(grant.name in props.tables)).map((grant) => grant.name);
  if (missing.length > 0) throw new Error(`${scope.node.id}: tables has no entry for ${missing.join(", ")}`);
  if (props.tableGrants.length > 0 && !props.tablesKeyArn) throw new Error(`${scope.node.id}: tablesKeyArn is required to grant tables`);

  const logGroup = new EncryptedLogGroup(scope, "Logs", {
    name: `/aws/lambda/${props.functionName}`,
    kmsKeyArn: props.logKmsKeyArn,
    retentionDays: props.logRetentionDays,
  });
  const functionArn = `arn:aws:lambda:${props.region}:${props.accountId}:function:${props.functionName}`;
  const role = new ServiceRole(scope, "Role", {
    name: `${props.functionName}-lambda`,
    assumedBy: "lambda.amazonaws.com",
    sourceAccount: props.accountId,
    statements: [
      { sid: "WriteOwnLogs", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${logGroup.arn}:log-stream:*`] },
      ...(props.tablesKeyArn
        ? tableAccessStatements({ grants: props.tableGrants, tables: props.tables, keyArn: props.tablesKeyArn, region: props.region })
        : []),
      ...(props.environmentKeyArn
        ? [
            {
              // Lambda decrypts the variables at start-up with the execution role, under the function's ARN as
              // encryption context. The grant Lambda creates on CreateFunction is bound to the role's principal id and
              // dies with a re-created role (KMSAccessDeniedException until the next configuration update); this
              // statement does not. The ARN is spelled out: referencing the function would be a dependency cycle.
              sid: "DecryptOwnEnvironment",
              actions: ["kms:Decrypt"],
              resources: [props.environmentKeyArn],
              conditions: { StringEquals: { "kms:EncryptionContext:aws:lambda:FunctionArn": functionArn } },
            },
          ]
        : []),
      ...(props.tracing ? [SEND_TRACES_STATEMENT] : []),
      ...(props.statements ?? []),
    ],
  });
  return { logGroup, role };
}
