import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import type { Construct } from "constructs";
import { parameterPathFor } from "../config/sections/parameters";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

export interface ParametersStackProps extends Omit<PlatformStackProps, "component"> {
  /** CMK (secrets-kms `parameters` key) that encrypts every SecureString. */
  readonly parametersKeyArn: string;
}

/**
 * What a SecureString holds until an operator writes the real value. Written once, through the write-only
 * `value_wo` argument, so neither this marker nor the operator's later value is ever stored in Terraform state,
 * and Terraform never reads the value back or reverts it. Applications treat this exact text as "not configured".
 */
export const UNSET_SECURE_VALUE = "UNSET: write the real value with aws ssm put-parameter --overwrite";

/**
 * SSM Parameter Store application settings under `/<project>/<env>/` (seed 003's `secrets.tf`): SecureStrings
 * encrypted with the `parameters` CMK whose values operators put, and plain Strings whose (non-secret) values come
 * from config. Only synthesized when `parameters` is configured.
 */
export class ParametersStack extends PlatformStack {
  /** ARN of each parameter, by config name. */
  readonly parameterArns: Readonly<Record<string, string>>;
  /** Full name of each parameter (`/<project>/<env>/<name>`), by config name. */
  readonly parameterNames: Readonly<Record<string, string>>;

  constructor(scope: Construct, props: ParametersStackProps) {
    super(scope, { ...props, component: "parameters" });
    const parameters = this.config.parameters;
    if (!parameters) throw new Error(`${this.node.id}: the config has no parameters section, so this stack must not be created`);

    const arns: Record<string, string> = {};
    const names: Record<string, string> = {};
    for (const [name, parameter] of Object.entries(parameters)) {
      const secure = parameter.type === "SecureString";
      const resource = new SsmParameter(this, name, {
        name: parameterPathFor(this.config, name),
        description: parameter.description,
        type: parameter.type,
        tier: "Standard",
        keyId: secure ? props.parametersKeyArn : undefined,
        // Requires Terraform 1.11+ (write-only arguments). Bumping the version would re-send the marker.
        valueWo: secure ? UNSET_SECURE_VALUE : undefined,
        valueWoVersion: secure ? 1 : undefined,
        value: secure ? undefined : parameter.value,
        tags: this.nameTags(name),
      });
      arns[name] = resource.arn;
      names[name] = resource.name;
    }
    this.parameterArns = arns;
    this.parameterNames = names;
  }
}
