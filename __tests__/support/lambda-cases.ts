// Unsafe and safe cases of the Lambda guardrails (VP-LAMBDA-*), in the shape of the shared rule harnesses
// (guardrails.test.ts for security rules, apply-rules.test.ts for apply rules). lambda-rules.test.ts covers each
// rule's edge cases.
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { CodedeployApp } from "@cdktf/provider-aws/lib/codedeploy-app";
import { CodedeployDeploymentGroup } from "@cdktf/provider-aws/lib/codedeploy-deployment-group";
import { LambdaAlias } from "@cdktf/provider-aws/lib/lambda-alias";
import { LambdaFunction, type LambdaFunctionConfig } from "@cdktf/provider-aws/lib/lambda-function";
import { LambdaProvisionedConcurrencyConfig } from "@cdktf/provider-aws/lib/lambda-provisioned-concurrency-config";
import type { TerraformStack } from "cdktf";

export const KEY = "arn:aws:kms:us-east-1:111111111111:key/functions";
export const QUEUE = "arn:aws:sqs:us-east-1:111111111111:dlq";

interface LambdaRuleCase {
  readonly unsafe: (stack: TerraformStack) => void;
  readonly safe: (stack: TerraformStack) => void;
  readonly message: RegExp;
}

/** A zip function named `id`, traced, with `overrides`. */
export const fn = (stack: TerraformStack, id: string, overrides: Partial<LambdaFunctionConfig> = {}) =>
  new LambdaFunction(stack, id, {
    functionName: id,
    role: "arn:aws:iam::111111111111:role/fn",
    runtime: "python3.12",
    handler: "h.handler",
    s3Bucket: "artifacts",
    s3Key: `${id}.zip`,
    tracingConfig: { mode: "Active" },
    ...overrides,
  });

const invokedByEventBridge = (stack: TerraformStack, target: LambdaFunction) => {
  const rule = new CloudwatchEventRule(stack, `${target.node.id}_rule`, { name: target.node.id, eventPattern: JSON.stringify({ source: ["x"] }) });
  new CloudwatchEventTarget(stack, `${target.node.id}_target`, { rule: rule.name, arn: target.arn });
};

const provisioned = (stack: TerraformStack, id: string, reserved: number, provisionedCount: number) => {
  const f = fn(stack, id, { publish: true, reservedConcurrentExecutions: reserved });
  const alias = new LambdaAlias(stack, `${id}_alias`, { name: "live", functionName: f.functionName, functionVersion: f.version });
  new LambdaProvisionedConcurrencyConfig(stack, `${id}_pc`, {
    functionName: f.functionName,
    qualifier: alias.name,
    provisionedConcurrentExecutions: provisionedCount,
  });
};

const deployedAlias = (stack: TerraformStack, id: string, ignoreChanges?: string[]) => {
  const app = new CodedeployApp(stack, `${id}_app`, { name: id, computePlatform: "Lambda" });
  new CodedeployDeploymentGroup(stack, `${id}_group`, {
    appName: app.name,
    deploymentGroupName: "live",
    serviceRoleArn: "arn:aws:iam::111111111111:role/codedeploy",
    deploymentConfigName: "CodeDeployDefault.LambdaCanary10Percent5Minutes",
    deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
  });
  const f = fn(stack, `${id}_fn`, { publish: true });
  new LambdaAlias(stack, id, {
    name: "live",
    functionName: f.functionName,
    functionVersion: f.version,
    lifecycle: ignoreChanges && { ignoreChanges },
  });
};

export const LAMBDA_SECURITY_CASES: Readonly<Record<string, LambdaRuleCase>> = {
  "VP-LAMBDA-1": {
    unsafe: (s) => fn(s, "unsafe", { tracingConfig: { mode: "PassThrough" } }),
    safe: (s) => fn(s, "safe"),
    message: /tracing_config\.mode is PassThrough/,
  },
  "VP-LAMBDA-2": {
    unsafe: (s) => invokedByEventBridge(s, fn(s, "unsafe")),
    safe: (s) => invokedByEventBridge(s, fn(s, "safe", { deadLetterConfig: { targetArn: QUEUE } })),
    message: /events that fail every retry are dropped/,
  },
  "VP-LAMBDA-3": {
    unsafe: (s) => fn(s, "unsafe", { environment: { variables: { LOG_LEVEL: "info" } } }),
    safe: (s) => fn(s, "safe", { environment: { variables: { LOG_LEVEL: "info" } }, kmsKeyArn: KEY }),
    message: /environment variables but no kms_key_arn/,
  },
};

export const LAMBDA_APPLY_CASES: Readonly<Record<string, LambdaRuleCase>> = {
  "VP-LAMBDA-4": {
    unsafe: (s) => provisioned(s, "unsafe", 5, 5),
    safe: (s) => provisioned(s, "safe", 5, 2),
    message: /Lambda rejects more than the reservation/,
  },
  "VP-LAMBDA-5": {
    unsafe: (s) => deployedAlias(s, "unsafe"),
    safe: (s) => deployedAlias(s, "safe", ["function_version", "routing_config"]),
    message: /so the next apply moves the alias back/,
  },
};
