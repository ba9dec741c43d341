import { ConnectLambdaFunctionAssociation } from "@cdktf/provider-aws/lib/connect-lambda-function-association";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { type ImageFunctionConfig, tableEnvironmentName } from "../config/sections/functions";
import type { ImageRepository } from "./container-repository";
import type { EncryptedLogGroup } from "./encrypted-log-group";
import { functionExecution } from "./function-execution";
import type { PolicyStatement } from "./iam-policy";
import { HTTPS_PORT } from "./ports";
import { PushedImage } from "./pushed-image";
import { SecurityGroupWithRules } from "./security-group";
import type { ServiceRole } from "./service-role";
import type { GrantedTable } from "./table-access";

/** A DynamoDB table the function may use, as the data-dynamodb stack exposes it. */
export type FunctionTable = GrantedTable;

/** Private subnets and VPC for a VPC-attached function. */
export interface FunctionNetwork {
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
}

export interface ContainerFunctionProps {
  /** The function as configured: image tag, memory, timeout, concurrency, environment, table grants, VPC, tracing. */
  readonly function: ImageFunctionConfig;
  /** `<project>-<env>`: prefix of the function, repository, role, log group and security group names. */
  readonly namePrefix: string;
  readonly region: string;
  readonly accountId: string;
  /** Every table the config grants, by config name; granting a table not listed here is an error. */
  readonly tables: Readonly<Record<string, FunctionTable>>;
  /** CMK of the tables; the role may use it only through DynamoDB. */
  readonly tablesKeyArn?: string;
  /**
   * Network of a VPC-attached function; required when the config says `vpc: true`.
   * @default - not in a VPC
   */
  readonly network?: FunctionNetwork;
  /** The function's ECR repository (registry stack), whose policy lets Lambda pull for this function; the tag must be pushed. */
  readonly repository: ImageRepository;
  /** CMK of the log group. */
  readonly logKmsKeyArn: string;
  /** CMK that encrypts the function's environment variables at rest (used only when it has variables). */
  readonly environmentKeyArn: string;
}

/** Physical name of a configured function; its repository's pull grant (registry stack) names it before it exists. */
export function functionNameFor(namePrefix: string, name: string): string {
  return `${namePrefix}-${name}`;
}

/**
 * A container-image Lambda with everything it owns: the check that its image was pushed, a KMS-encrypted log group, a
 * role scoped to its log group, its tables (and their indexes) and its network interfaces (`functionExecution`), its
 * environment encrypted with a CMK, an own security group with HTTPS egress only when it runs in the VPC, and
 * optionally the Amazon Connect instance that invokes it.
 */
export class ContainerFunction extends Construct {
  readonly image: PushedImage;
  readonly logGroup: EncryptedLogGroup;
  readonly role: ServiceRole;
  readonly securityGroup?: SecurityGroupWithRules;
  readonly lambda: LambdaFunction;

  constructor(scope: Construct, id: string, props: ContainerFunctionProps) {
    super(scope, id);
    const fn = props.function;
    if (fn.vpc && !props.network) throw new Error(`ContainerFunction ${id}: the config asks for VPC access, so network is required`);

    const functionName = functionNameFor(props.namePrefix, fn.name);
    this.image = new PushedImage(this, "Image", { repository: props.repository, tag: fn.imageTag });

    if (fn.vpc && props.network) {
      this.securityGroup = new SecurityGroupWithRules(this, "SecurityGroup", {
        name: `${functionName}-lambda`,
        description: `Lambda ${fn.name}: no ingress, HTTPS egress only`,
        vpcId: props.network.vpcId,
      });
      this.securityGroup.allowEgressToCidr("https", "0.0.0.0/0", HTTPS_PORT, "DynamoDB, Amazon Connect and other AWS APIs over TLS");
    }

    // Every granted table adds a variable with its name.
    const hasEnvironment = Object.keys(fn.environment).length > 0 || fn.tables.length > 0;
    ({ logGroup: this.logGroup, role: this.role } = functionExecution(this, {
      functionName,
      region: props.region,
      accountId: props.accountId,
      logKmsKeyArn: props.logKmsKeyArn,
      logRetentionDays: fn.logRetentionDays,
      tableGrants: fn.tables,
      tables: props.tables,
      tablesKeyArn: props.tablesKeyArn,
      environmentKeyArn: hasEnvironment ? props.environmentKeyArn : undefined,
      tracing: fn.tracing,
      statements: this.networkStatements(props),
    }));
    const generatedEnvironment = Object.fromEntries(fn.tables.map((grant) => [tableEnvironmentName(grant.name), props.tables[grant.name].name]));
    const environment = { ...fn.environment, ...generatedEnvironment };
    // Lambda checks at create time that the role may create network interfaces (and that the image is pullable: the
    // registry stack's repository policy, deployed before this stack).
    const prerequisites: ITerraformDependable[] = [this.role.policy!];

    this.lambda = new LambdaFunction(this, "Resource", {
      functionName,
      role: this.role.arn,
      packageType: "Image",
      imageUri: this.image.uri,
      architectures: [fn.architecture],
      memorySize: fn.memoryMb,
      timeout: fn.timeoutSeconds,
      reservedConcurrentExecutions: fn.reservedConcurrency,
      environment: hasEnvironment ? { variables: environment } : undefined,
      // Only principals allowed to use this key can read the variables; the AWS managed key would let anyone with
      // lambda:GetFunctionConfiguration read them.
      kmsKeyArn: hasEnvironment ? props.environmentKeyArn : undefined,
      vpcConfig:
        this.securityGroup && props.network ? { subnetIds: [...props.network.subnetIds], securityGroupIds: [this.securityGroup.id] } : undefined,
      tracingConfig: fn.tracing ? { mode: "Active" } : undefined,
      // Naming our encrypted group keeps Lambda from creating an unencrypted, never-expiring one.
      loggingConfig: { logFormat: "JSON", logGroup: this.logGroup.name },
      dependsOn: prerequisites,
      tags: { Name: functionName },
    });

    if (fn.connectInstanceId) {
      // Makes the function selectable in the instance's contact flows and lets that instance (only) invoke it.
      new ConnectLambdaFunctionAssociation(this, "ConnectAssociation", {
        instanceId: fn.connectInstanceId,
        functionArn: this.lambda.arn,
      });
    }
  }

  get arn(): string {
    return this.lambda.arn;
  }

  get name(): string {
    return this.lambda.functionName;
  }

  /** What AWSLambdaVPCAccessExecutionRole grants, narrowed to this account, region, subnets and security group. */
  private networkStatements(props: ContainerFunctionProps): PolicyStatement[] {
    if (!this.securityGroup || !props.network) return [];
    const ec2 = `arn:aws:ec2:${props.region}:${props.accountId}`;
    return [
      {
        sid: "CreateInterfacesInOwnSubnetsAndGroup",
        actions: ["ec2:CreateNetworkInterface"],
        resources: [
          `${ec2}:network-interface/*`,
          ...props.network.subnetIds.map((subnetId) => `${ec2}:subnet/${subnetId}`),
          `${ec2}:security-group/${this.securityGroup.id}`,
        ],
      },
      {
        sid: "ManageInterfacesOfThisAccount",
        actions: ["ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"],
        resources: [`${ec2}:network-interface/*`],
      },
      {
        // EC2 Describe* calls support no resource-level permissions.
        sid: "DescribeNetwork",
        actions: ["ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"],
        resources: ["*"],
      },
    ];
  }
}
