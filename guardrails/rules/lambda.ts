import { elementRule, stackRule } from "../catalog";
import { blocks, isLiteralString, isSet } from "../helpers";
import { type ElementView, type RuleContext, compliant, nonCompliant, notApplicable } from "../types";

/**
 * Service principals that only ever invoke Lambda asynchronously (Lambda developer guide, "Invoking Lambda functions
 * asynchronously"), so a function they may invoke retries on its own and then drops what keeps failing.
 */
const ASYNC_INVOKERS = new Set([
  "s3.amazonaws.com",
  "sns.amazonaws.com",
  "events.amazonaws.com",
  "scheduler.amazonaws.com",
  "ses.amazonaws.com",
  "logs.amazonaws.com",
  "iot.amazonaws.com",
  "codecommit.amazonaws.com",
  "config.amazonaws.com",
  "cloudformation.amazonaws.com",
]);

/** The function a value (function_name, an ARN, an alias reference) designates, when it is in this stack. */
function functionOf(value: unknown, context: RuleContext): ElementView | undefined {
  const target = context.lookup(value);
  if (target?.type === "aws_lambda_function") return target;
  if (target?.type === "aws_lambda_alias") return functionOf(target.attributes.function_name, context);
  if (!isLiteralString(value)) return undefined;
  // A literal name, or an ARN `...:function:<name>[:qualifier]`.
  const name = /:function:([^:]+)(?::[^:]+)?$/.exec(value)?.[1] ?? value;
  return context.elements.find((e) => e.type === "aws_lambda_function" && e.attributes.function_name === name);
}

/** Why each function of the stack is invoked asynchronously, by function address. */
function asyncInvocations(context: RuleContext): Map<string, string[]> {
  const reasons = new Map<string, string[]>();
  const add = (value: unknown, reason: string) => {
    const fn = functionOf(value, context);
    if (fn) reasons.set(fn.address, [...(reasons.get(fn.address) ?? []), reason]);
  };
  for (const e of context.elements) {
    if (e.type === "aws_lambda_permission" && ASYNC_INVOKERS.has(String(e.attributes.principal))) {
      add(e.attributes.function_name, `${e.address} lets ${e.attributes.principal} invoke it`);
    } else if (e.type === "aws_cloudwatch_event_target") {
      add(e.attributes.arn, `${e.address} sends it EventBridge events`);
    } else if (e.type === "aws_sns_topic_subscription" && e.attributes.protocol === "lambda") {
      add(e.attributes.endpoint, `${e.address} subscribes it to a topic`);
    } else if (e.type === "aws_s3_bucket_notification") {
      for (const notification of blocks(e.attributes.lambda_function)) add(notification.lambda_function_arn, `${e.address} sends it S3 events`);
    } else if (e.type === "aws_scheduler_schedule") {
      for (const target of blocks(e.attributes.target)) add(target.arn, `${e.address} invokes it on a schedule`);
    }
  }
  return reasons;
}

/** Whether an `aws_lambda_function_event_invoke_config` of the function sends failures somewhere. */
function hasOnFailureDestination(fn: ElementView, context: RuleContext): boolean {
  return context.elements.some(
    (e) =>
      e.type === "aws_lambda_function_event_invoke_config" &&
      functionOf(e.attributes.function_name, context)?.address === fn.address &&
      blocks(e.attributes.destination_config).some((d) => blocks(d.on_failure).some((f) => isSet(f.destination))),
  );
}

export const functionsTraceActively = elementRule("VP-LAMBDA-1", ["aws_lambda_function"], ({ attributes }) => {
  const mode = blocks(attributes.tracing_config)[0]?.mode;
  return mode === "Active"
    ? compliant
    : nonCompliant(`tracing_config.mode is ${mode === undefined ? "unset (PassThrough)" : String(mode)}, so requests through it are not traced`);
});

export const asyncFunctionsKeepFailedEvents = stackRule("VP-LAMBDA-2", (context) => {
  const invoked = asyncInvocations(context);
  return context.elements
    .filter((e) => e.type === "aws_lambda_function")
    .map((fn) => {
      const reasons = invoked.get(fn.address);
      if (!reasons) return { subject: fn, verdict: notApplicable };
      const deadLetter = blocks(fn.attributes.dead_letter_config).some((d) => isSet(d.target_arn));
      return {
        subject: fn,
        verdict:
          deadLetter || hasOnFailureDestination(fn, context)
            ? compliant
            : nonCompliant(`${reasons.join("; ")}, but events that fail every retry are dropped: no dead-letter queue, no on-failure destination`),
      };
    });
});

export const environmentEncryptedWithCmk = elementRule("VP-LAMBDA-3", ["aws_lambda_function"], ({ attributes }) => {
  const variables = blocks(attributes.environment)[0]?.variables;
  const hasVariables = typeof variables === "string" || (typeof variables === "object" && variables !== null && Object.keys(variables).length > 0);
  if (!hasVariables) return notApplicable;
  return isSet(attributes.kms_key_arn)
    ? compliant
    : nonCompliant("has environment variables but no kms_key_arn, so they are under the AWS managed key");
});

/** `reserved_concurrent_executions` of a function as a number; undefined when unset (-1 is the provider's "none"). */
function reservedConcurrency(fn: ElementView): number | undefined {
  const value = fn.attributes.reserved_concurrent_executions;
  if (value === undefined || value === null || (typeof value === "string" && value.includes("${"))) return undefined;
  const reserved = Number(value);
  return Number.isFinite(reserved) && reserved >= 0 ? reserved : undefined;
}

export const provisionedBelowReserved = stackRule("VP-LAMBDA-4", (context) =>
  context.elements
    .filter((e) => e.type === "aws_lambda_provisioned_concurrency_config")
    .map((config) => {
      const fn = functionOf(config.attributes.function_name, context);
      const reserved = fn ? reservedConcurrency(fn) : undefined;
      const provisioned = Number(config.attributes.provisioned_concurrent_executions);
      if (!fn || reserved === undefined || !Number.isFinite(provisioned)) return { subject: config, verdict: notApplicable };
      return {
        subject: config,
        verdict:
          provisioned < reserved
            ? compliant
            : nonCompliant(
                `provisions ${provisioned} of ${fn.address}'s reserved ${reserved}: Lambda rejects more than the reservation, and at equal ` +
                  "nothing is left for the new version while CodeDeploy shifts traffic or for any spill-over",
              ),
      };
    }),
);

/** Deployment groups of a `Lambda` CodeDeploy application in the stack. */
function lambdaDeploymentGroups(context: RuleContext): ElementView[] {
  return context.elements.filter((e) => {
    if (e.type !== "aws_codedeploy_deployment_group") return false;
    const app = context.lookup(e.attributes.app_name);
    return app?.type === "aws_codedeploy_app" && app.attributes.compute_platform === "Lambda";
  });
}

function ignoredChanges(alias: ElementView): unknown {
  const lifecycle = alias.attributes.lifecycle as { ignore_changes?: unknown } | undefined;
  return lifecycle?.ignore_changes;
}

export const codeDeployAliasesIgnoreVersion = stackRule("VP-LAMBDA-5", (context) => {
  const groups = lambdaDeploymentGroups(context);
  // Lambda deployment groups name no function: the appspec of each deployment does. Every alias of a stack that
  // deploys Lambda through CodeDeploy is presumed to be one of its targets.
  if (groups.length === 0) return [];
  return context.elements
    .filter((e) => e.type === "aws_lambda_alias")
    .map((alias) => {
      const ignored = ignoredChanges(alias);
      const list = Array.isArray(ignored) ? ignored.map(String) : [];
      const missing = ignored === "all" ? [] : ["function_version", "routing_config"].filter((a) => !list.includes(a));
      return {
        subject: alias,
        verdict:
          missing.length === 0
            ? compliant
            : nonCompliant(
                `does not ignore ${missing.join(", ")}, so the next apply moves the alias back from the version CodeDeploy deployed ` +
                  `(to the one in the configuration), behind ${groups.map((g) => g.address).join(", ")}'s back and without its alarms`,
              ),
      };
    });
});
