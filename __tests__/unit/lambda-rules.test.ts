import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { CodedeployApp } from "@cdktf/provider-aws/lib/codedeploy-app";
import { CodedeployDeploymentGroup } from "@cdktf/provider-aws/lib/codedeploy-deployment-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { LambdaAlias } from "@cdktf/provider-aws/lib/lambda-alias";
import { LambdaFunctionEventInvokeConfig } from "@cdktf/provider-aws/lib/lambda-function-event-invoke-config";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { LambdaProvisionedConcurrencyConfig } from "@cdktf/provider-aws/lib/lambda-provisioned-concurrency-config";
import type { TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { assumeRolePolicy, policyDocument } from "../../constructs/iam-policy";
import { pollyStatement } from "../../constructs/function-permissions";
import { type Finding, RULES_BY_ID } from "../../guardrails";
import { KEY, QUEUE, fn } from "../support/lambda-cases";
import { guardedFindings as findings } from "../support/test-app";

const of = (all: Finding[], ruleId: string) => all.filter((f) => f.ruleId === ruleId);

describe("VP-LAMBDA-1 active tracing", () => {
  it("warns about a function that does not trace, and passes one in Active mode", () => {
    const all = of(
      findings((stack) => {
        fn(stack, "untraced", { tracingConfig: undefined });
        fn(stack, "pass_through", { tracingConfig: { mode: "PassThrough" } });
        fn(stack, "traced");
      }),
      "VP-LAMBDA-1",
    );
    expect(all.map((f) => [f.path, f.level, f.message])).toEqual([
      ["test/untraced", "warning", expect.stringMatching(/tracing_config\.mode is unset \(PassThrough\)/)],
      ["test/pass_through", "warning", expect.stringMatching(/tracing_config\.mode is PassThrough/)],
    ]);
  });
});

describe("VP-LAMBDA-2 failed asynchronous events are kept", () => {
  it("fails a function EventBridge and SNS invoke without a dead-letter queue or on-failure destination", () => {
    const all = of(
      findings((stack) => {
        const bare = fn(stack, "unsafe_bare");
        const rule = new CloudwatchEventRule(stack, "rule", { name: "r", eventPattern: JSON.stringify({ source: ["x"] }) });
        new CloudwatchEventTarget(stack, "target", { rule: rule.name, arn: bare.arn });
        const aliased = fn(stack, "unsafe_aliased");
        const alias = new LambdaAlias(stack, "unsafe_alias", { name: "live", functionName: aliased.functionName, functionVersion: aliased.version });
        new LambdaPermission(stack, "sns_invokes", { action: "lambda:InvokeFunction", functionName: alias.arn, principal: "sns.amazonaws.com" });
      }),
      "VP-LAMBDA-2",
    );
    expect(all.map((f) => f.path)).toEqual(["test/unsafe_bare", "test/unsafe_aliased"]);
    expect(all[0].message).toMatch(/aws_cloudwatch_event_target\.target sends it EventBridge events, but events that fail every retry are dropped/);
    expect(all[1].message).toMatch(/aws_lambda_permission\.sns_invokes lets sns\.amazonaws\.com invoke it/);
  });

  it("passes async functions with a dead-letter queue or an on-failure destination, and leaves synchronous ones alone", () => {
    const all = of(
      findings((stack) => {
        const withDlq = fn(stack, "with_dlq", { deadLetterConfig: { targetArn: QUEUE } });
        const withDestination = fn(stack, "with_destination");
        new LambdaFunctionEventInvokeConfig(stack, "on_failure", {
          functionName: withDestination.functionName,
          destinationConfig: { onFailure: { destination: QUEUE } },
        });
        const api = fn(stack, "behind_api");
        for (const [id, target, principal] of [
          ["events", withDlq, "events.amazonaws.com"],
          ["s3", withDestination, "s3.amazonaws.com"],
          ["apigw", api, "apigateway.amazonaws.com"],
        ] as const) {
          new LambdaPermission(stack, `${id}_invokes`, { action: "lambda:InvokeFunction", functionName: target.functionName, principal });
        }
      }),
      "VP-LAMBDA-2",
    );
    expect(all).toEqual([]);
  });
});

describe("VP-LAMBDA-3 environment under a CMK", () => {
  it("fails variables under the AWS managed key, and passes a CMK or no variables", () => {
    const all = of(
      findings((stack) => {
        fn(stack, "unsafe_env", { environment: { variables: { LOG_LEVEL: "info" } } });
        fn(stack, "cmk_env", { environment: { variables: { LOG_LEVEL: "info" } }, kmsKeyArn: KEY });
        fn(stack, "no_env");
      }),
      "VP-LAMBDA-3",
    );
    expect(all.map((f) => [f.path, f.level])).toEqual([["test/unsafe_env", "error"]]);
    expect(all[0].message).toMatch(/environment variables but no kms_key_arn/);
  });
});

describe("VP-LAMBDA-4 provisioned below reserved concurrency", () => {
  const provisioned = (stack: TerraformStack, id: string, reserved: number | undefined, count: number) => {
    const f = fn(stack, id, { publish: true, reservedConcurrentExecutions: reserved });
    const alias = new LambdaAlias(stack, `${id}_alias`, { name: "live", functionName: f.functionName, functionVersion: f.version });
    new LambdaProvisionedConcurrencyConfig(stack, `${id}_pc`, {
      functionName: f.functionName,
      qualifier: alias.name,
      provisionedConcurrentExecutions: count,
    });
  };

  it("fails provisioning all (or more than) the reservation, and passes less or no reservation", () => {
    const all = of(
      findings((stack) => {
        provisioned(stack, "unsafe_equal", 5, 5);
        provisioned(stack, "unsafe_more", 5, 8);
        provisioned(stack, "below", 10, 5);
        provisioned(stack, "unreserved", undefined, 5);
      }),
      "VP-LAMBDA-4",
    );
    expect(all.map((f) => f.path)).toEqual(["test/unsafe_equal_pc", "test/unsafe_more_pc"]);
    expect(all[0].message).toMatch(/provisions 5 of aws_lambda_function\.unsafe_equal's reserved 5: Lambda rejects more than the reservation/);
    expect(RULES_BY_ID.get("VP-LAMBDA-4")).toEqual(
      expect.objectContaining({ category: "apply", reference: expect.stringMatching(/^https:\/\/docs\.aws\.amazon\.com\//) }),
    );
  });
});

describe("VP-LAMBDA-5 CodeDeploy-managed aliases", () => {
  const deploymentGroup = (stack: TerraformStack) => {
    const app = new CodedeployApp(stack, "app", { name: "fn", computePlatform: "Lambda" });
    new CodedeployDeploymentGroup(stack, "group", {
      appName: app.name,
      deploymentGroupName: "live",
      serviceRoleArn: "arn:aws:iam::111111111111:role/codedeploy",
      deploymentConfigName: "CodeDeployDefault.LambdaCanary10Percent5Minutes",
      deploymentStyle: { deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL" },
    });
  };

  it("fails an alias in a CodeDeploy stack that Terraform would move back, and passes one that ignores both attributes", () => {
    const all = of(
      findings((stack) => {
        deploymentGroup(stack);
        const f = fn(stack, "deployed", { publish: true });
        new LambdaAlias(stack, "unsafe_alias", { name: "live", functionName: f.functionName, functionVersion: f.version });
        new LambdaAlias(stack, "unsafe_half", {
          name: "beta",
          functionName: f.functionName,
          functionVersion: f.version,
          lifecycle: { ignoreChanges: ["function_version"] },
        });
        new LambdaAlias(stack, "ignoring", {
          name: "stable",
          functionName: f.functionName,
          functionVersion: f.version,
          lifecycle: { ignoreChanges: ["function_version", "routing_config"] },
        });
      }),
      "VP-LAMBDA-5",
    );
    expect(all.map((f) => f.path)).toEqual(["test/unsafe_alias", "test/unsafe_half"]);
    expect(all[0].message).toMatch(/does not ignore function_version, routing_config, so the next apply moves the alias back/);
    expect(all[1].message).toMatch(/does not ignore routing_config,/);
  });

  it("leaves aliases alone in a stack without a Lambda deployment group", () => {
    const all = findings((stack) => {
      const f = fn(stack, "plain", { publish: true });
      new LambdaAlias(stack, "alias", { name: "live", functionName: f.functionName, functionVersion: f.version });
    });
    expect(of(all, "VP-LAMBDA-5")).toEqual([]);
  });
});

describe("IAM wildcard rules and Polly", () => {
  const role = (stack: TerraformStack, id: string, statements: Parameters<typeof policyDocument>[0]) => {
    const r = new IamRole(stack, id, { name: id, assumeRolePolicy: assumeRolePolicy("lambda.amazonaws.com") });
    new IamRolePolicy(stack, `${id}_policy`, { name: id, role: r.id, policy: policyDocument(statements) });
  };

  it("accept SynthesizeSpeech on '*' as pollyStatement grants it, but not Polly's lexicons or all of Polly", () => {
    const all = findings((stack) => {
      role(stack, "speech", [pollyStatement()]);
      role(stack, "unsafe_lexicons", [{ sid: "Lexicons", actions: ["polly:GetLexicon", "polly:PutLexicon"], resources: ["*"] }]);
      role(stack, "unsafe_polly", [{ sid: "AllOfPolly", actions: ["polly:*"], resources: ["*"] }]);
    }).filter((f) => f.ruleId.startsWith("VP-IAM-"));
    expect(all.map((f) => `${f.ruleId} ${f.path}`).sort()).toEqual([
      "VP-IAM-1 test/unsafe_polly_policy",
      "VP-IAM-2 test/unsafe_lexicons_policy",
      "VP-IAM-2 test/unsafe_polly_policy",
    ]);
    expect(pollyStatement()).toEqual({ sid: "SynthesizeSpeechNoResourceLevelPermissions", actions: ["polly:SynthesizeSpeech"], resources: ["*"] });
  });
});
