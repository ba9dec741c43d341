import type { Construct } from "constructs";
import { ContainerFunction, type FunctionNetwork, type FunctionTable } from "../constructs/container-function";
import type { ImageRepository } from "../constructs/container-repository";
import { EncryptionKey } from "../constructs/encryption-key";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface FunctionsStackProps extends Omit<PlatformStackProps, "component"> {
  /**
   * The VPC and its private subnets with NAT egress (vpc stack), for functions with `vpc: true`.
   * @default - no VPC; then no function may ask for one
   */
  readonly network?: FunctionNetwork;
  /** ECR repository of each configured function (registry stack), by function name. */
  readonly repositories: Readonly<Record<string, ImageRepository>>;
  /** CMK of the functions' log groups (secrets-kms `logs` key). */
  readonly logsKeyArn: string;
  /**
   * Tables of the data-dynamodb stack by config name, for the functions' table grants.
   * @default - none; then no function may grant a table
   */
  readonly tables?: Readonly<Record<string, FunctionTable>>;
  /**
   * CMK of those tables (secrets-kms `dynamodb` key).
   * @default - none; required with `tables`
   */
  readonly dynamodbKeyArn?: string;
}

/**
 * Container-image Lambda functions (seed 001's Amazon Connect token lookup), one `ContainerFunction` each.
 * Only synthesized when `functions` is configured. Each image is pushed to its repository (registry stack) before
 * this stack is deployed; the plan stops on a tag that is not there.
 */
export class FunctionsStack extends PlatformStack {
  /** ARN of each function, by config name. */
  readonly functionArns: Readonly<Record<string, string>>;
  /** Physical name of each function, by config name. */
  readonly functionNames: Readonly<Record<string, string>>;

  constructor(scope: Construct, props: FunctionsStackProps) {
    super(scope, { ...props, component: "functions" });
    const functions = this.config.functions;
    if (!functions) throw new Error(`${this.node.id}: the config has no functions section, so this stack must not be created`);

    // The functions' environment variables under a key only Lambda (through the functions' own roles) uses. Kept
    // here rather than in secrets-kms so that adding it moved no other stack; a `functions` key purpose there would do.
    const environmentKey = new EncryptionKey(this, "environment_key", {
      alias: `${this.namePrefix}-functions-environment`,
      description: `${this.namePrefix} Lambda environment variables`,
      accountId: this.config.accountId,
      deletionWindowDays: this.config.kms.deletionWindowDays,
      rotationPeriodDays: this.config.kms.rotationPeriodDays,
    });
    const arns: Record<string, string> = {};
    const names: Record<string, string> = {};
    for (const fn of functions) {
      const created = new ContainerFunction(this, fn.name, {
        function: fn,
        namePrefix: this.namePrefix,
        region: this.config.region,
        accountId: this.config.accountId,
        tables: props.tables ?? {},
        tablesKeyArn: props.dynamodbKeyArn,
        network: props.network,
        repository: props.repositories[fn.name],
        logKmsKeyArn: props.logsKeyArn,
        environmentKeyArn: environmentKey.arn,
      });
      arns[fn.name] = created.arn;
      names[fn.name] = created.name;
    }
    this.functionArns = arns;
    this.functionNames = names;
  }
}
