import { CodedeployApp } from "@cdktf/provider-aws/lib/codedeploy-app";
import { CodedeployDeploymentGroup } from "@cdktf/provider-aws/lib/codedeploy-deployment-group";
import { LambdaAlias } from "@cdktf/provider-aws/lib/lambda-alias";
import type { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { LambdaProvisionedConcurrencyConfig } from "@cdktf/provider-aws/lib/lambda-provisioned-concurrency-config";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { ServiceRole } from "./service-role";

/** The canary AWS recommends as a first step: 10 % of traffic for 5 minutes, then the rest. */
export const DEFAULT_LAMBDA_DEPLOYMENT_CONFIG = "CodeDeployDefault.LambdaCanary10Percent5Minutes";
/** What CodeDeploy may do to a Lambda alias (shift its weights, read alarms, publish to SNS triggers), maintained by AWS. */
export const CODEDEPLOY_LAMBDA_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda";
/** Attributes of `aws_lambda_alias` that CodeDeploy changes after the first apply; Terraform must leave them alone. */
export const CODEDEPLOY_MANAGED_ALIAS_ATTRIBUTES = ["function_version", "routing_config"] as const;

/** CodeDeploy accepts at most this many alarms per deployment group. */
const MAX_ALARMS = 10;

export interface FunctionDeploymentProps {
  /** The function, published on every change (`publish = true`), whose alias CodeDeploy shifts. */
  readonly function: LambdaFunction;
  /** Physical function name: names the CodeDeploy application (`<name>`), its deployment group and role. */
  readonly functionName: string;
  /**
   * Alias that clients invoke and CodeDeploy moves from version to version.
   * @default "live"
   */
  readonly aliasName?: string;
  /**
   * How CodeDeploy shifts traffic: a `CodeDeployDefault.Lambda*` configuration or a custom Lambda one.
   * @default "CodeDeployDefault.LambdaCanary10Percent5Minutes"
   */
  readonly deploymentConfigName?: string;
  /** Names of the alarms (on the alias's metrics) that stop a deployment and roll the alias back; 1-10. */
  readonly alarmNames: readonly string[];
  /**
   * Pre-initialized environments kept on the alias, for critical functions only; must stay below the function's
   * reserved concurrency.
   * @default - none
   */
  readonly provisionedConcurrency?: number;
}

/**
 * The `live` alias of a function and the CodeDeploy application, deployment group and service role that move it to a
 * new version gradually, rolling back when the deployment fails or one of the alarms fires. Terraform creates the alias
 * on the first published version and then ignores its version and routing: a later version reaches traffic only
 * through a CodeDeploy deployment (appspec `CurrentVersion` -> `TargetVersion`), which the delivery pipeline starts.
 */
export class FunctionDeployment extends Construct {
  readonly alias: LambdaAlias;
  readonly application: CodedeployApp;
  readonly group: CodedeployDeploymentGroup;
  readonly role: ServiceRole;
  readonly provisionedConcurrency?: LambdaProvisionedConcurrencyConfig;

  constructor(scope: Construct, id: string, props: FunctionDeploymentProps) {
    super(scope, id);
    const aliasName = props.aliasName ?? "live";
    const configName = props.deploymentConfigName ?? DEFAULT_LAMBDA_DEPLOYMENT_CONFIG;
    if (!/^(?!\d+$)[A-Za-z0-9_-]{1,128}$/.test(aliasName)) {
      throw new Error(`FunctionDeployment ${id}: aliasName "${aliasName}" must be 1-128 of A-Z a-z 0-9 _ - and not a version number`);
    }
    if (!Token.isUnresolved(configName) && configName.startsWith("CodeDeployDefault.") && !configName.startsWith("CodeDeployDefault.Lambda")) {
      throw new Error(`FunctionDeployment ${id}: deploymentConfigName "${configName}" is not a Lambda configuration (CodeDeployDefault.Lambda*)`);
    }
    if (props.alarmNames.length === 0 || props.alarmNames.length > MAX_ALARMS) {
      throw new Error(
        `FunctionDeployment ${id}: alarmNames must list 1-${MAX_ALARMS} alarms; without one a bad version is rolled back only when it fails outright`,
      );
    }
    const provisioned = props.provisionedConcurrency;
    if (provisioned !== undefined && (!Number.isInteger(provisioned) || provisioned < 1)) {
      throw new Error(`FunctionDeployment ${id}: provisionedConcurrency must be a whole number of at least 1`);
    }

    this.alias = new LambdaAlias(this, "Alias", {
      name: aliasName,
      description: "Traffic entry point; CodeDeploy moves it between versions",
      functionName: props.function.functionName,
      // Provisioned concurrency and CodeDeploy both need a published version, never $LATEST.
      functionVersion: props.function.version,
      // CodeDeploy points the alias at the new version (and weights it during the canary); Terraform, which only
      // knows the version it created the alias with, would otherwise move it back on the next apply.
      lifecycle: { ignoreChanges: [...CODEDEPLOY_MANAGED_ALIAS_ATTRIBUTES] },
    });

    if (provisioned !== undefined) {
      // On the alias, not on a version: a version qualifier changes with every publish and would replace the
      // configuration (and drop the warm environments) on every apply.
      this.provisionedConcurrency = new LambdaProvisionedConcurrencyConfig(this, "ProvisionedConcurrency", {
        functionName: props.function.functionName,
        qualifier: this.alias.name,
        provisionedConcurrentExecutions: provisioned,
      });
    }

    this.role = new ServiceRole(this, "Role", {
      name: `${props.functionName}-codedeploy`,
      assumedBy: "codedeploy.amazonaws.com",
      managedPolicyArns: [CODEDEPLOY_LAMBDA_POLICY_ARN],
    });
    this.application = new CodedeployApp(this, "Application", {
      name: props.functionName,
      computePlatform: "Lambda",
      tags: { Name: props.functionName },
    });
    this.group = new CodedeployDeploymentGroup(this, "Group", {
      appName: this.application.name,
      deploymentGroupName: aliasName,
      serviceRoleArn: this.role.arn,
      deploymentConfigName: configName,
      // The only style CodeDeploy has for Lambda: traffic shifts between two versions behind the alias.
      deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
      autoRollbackConfiguration: { enabled: true, events: ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] },
      // A failed alarm poll stops the deployment instead of letting an unwatched version take all traffic.
      alarmConfiguration: { enabled: true, alarms: [...props.alarmNames], ignorePollAlarmFailure: false },
      tags: { Name: `${props.functionName}-${aliasName}` },
    });
  }
}
