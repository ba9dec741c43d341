/**
 * API Gateway REST APIs: logged and traced stages, encrypted caches, no unauthenticated method that is not declared
 * public (CORS preflights answered by MOCK aside), and the two things AWS refuses or Terraform breaks at apply time (logging without the account's CloudWatch
 * role, deployments replaced under a live stage).
 */
import { blocks, isLiteralString, isSet, isTrue, referencedAddress } from "../helpers";
import { type ElementRule, type ElementView, type RuleContext, type StackRule, compliant, nonCompliant, notApplicable } from "../types";

/**
 * Tag of an `aws_api_gateway_rest_api` listing its unauthenticated routes as `METHOD:/path`, space separated
 * (RestApi writes it from routes marked `public`; constructs/rest-api.ts PUBLIC_ROUTES_TAG).
 */
const PUBLIC_ROUTES_TAG = "public-routes";
/**
 * Tag of an `aws_api_gateway_stage` whose account and region already have the API Gateway CloudWatch Logs role
 * (value `preexisting`; constructs/rest-api-stage.ts ACCOUNT_LOGGING_ROLE_TAG).
 */
const ACCOUNT_LOGGING_ROLE_TAG = "account-logging-role";

const tagsOf = (element: ElementView): Record<string, unknown> => (element.attributes.tags ?? {}) as Record<string, unknown>;

export const stageLogsAndTraces: ElementRule = {
  id: "VP-APIGW-1",
  level: "error",
  scope: "element",
  types: ["aws_api_gateway_stage"],
  description: "API Gateway stages trace with X-Ray and write access logs to a CMK-encrypted log group of the same stack",
  fix: "Set xray_tracing_enabled = true and access_log_settings.destination_arn to an aws_cloudwatch_log_group with kms_key_id in this stack (RestApi does both)",
  check: (stage, context) => {
    const problems: string[] = [];
    if (!isTrue(stage.attributes.xray_tracing_enabled)) problems.push("X-Ray tracing is off");
    const access = blocks(stage.attributes.access_log_settings)[0];
    if (!access || !isSet(access.destination_arn)) {
      problems.push("access logging is off");
    } else {
      const group = context.lookup(access.destination_arn);
      if (group?.type !== "aws_cloudwatch_log_group") {
        problems.push(`its access logs go to ${String(access.destination_arn)}, not a log group of this stack whose encryption can be checked`);
      } else if (!isSet(group.attributes.kms_key_id)) {
        problems.push(`its access log group ${group.address} is not encrypted with a CMK`);
      }
    }
    return problems.length === 0 ? compliant : nonCompliant(problems.join("; "));
  },
};

export const methodCacheEncrypted: ElementRule = {
  id: "VP-APIGW-2",
  level: "error",
  scope: "element",
  types: ["aws_api_gateway_method_settings"],
  description: "API Gateway method settings that cache responses encrypt the cached data",
  fix: "Set settings.cache_data_encrypted = true wherever settings.caching_enabled is true",
  check: ({ attributes }) => {
    const settings = blocks(attributes.settings)[0];
    if (!settings || !isTrue(settings.caching_enabled)) return notApplicable;
    return isTrue(settings.cache_data_encrypted)
      ? compliant
      : nonCompliant(`${String(attributes.method_path)} caches responses (callers' data) unencrypted in the stage cache`);
  },
};

/** `/voice/{id}` of a method's resource, by walking `parent_id` up to the API's root; undefined when not in the stack. */
function resourcePath(resourceId: unknown, context: Pick<RuleContext, "lookup">): string | undefined {
  const parts: string[] = [];
  let id = resourceId;
  for (let depth = 0; depth < 64; depth++) {
    if (typeof id === "string" && /\.root_resource_id\}$/.test(id)) return `/${parts.reverse().join("/")}`;
    const resource = context.lookup(id);
    if (resource?.type !== "aws_api_gateway_resource" || !isLiteralString(resource.attributes.path_part)) return undefined;
    parts.push(resource.attributes.path_part);
    id = resource.attributes.parent_id;
  }
  return undefined;
}

/**
 * Whether `method` is a CORS preflight: OPTIONS, integrated (in this stack) only as MOCK, so API Gateway answers it
 * itself and nothing behind the API runs. A browser's preflight carries no token (Fetch standard), so it cannot be
 * authorized.
 */
function isMockPreflight(method: ElementView, context: RuleContext): boolean {
  if (method.attributes.http_method !== "OPTIONS") return false;
  const integrations = context.elements.filter(
    (e) =>
      e.type === "aws_api_gateway_integration" &&
      (referencedAddress(e.attributes.http_method) === method.address || e.attributes.http_method === "OPTIONS") &&
      e.attributes.rest_api_id === method.attributes.rest_api_id &&
      e.attributes.resource_id === method.attributes.resource_id,
  );
  return integrations.length > 0 && integrations.every((e) => e.attributes.type === "MOCK");
}

export const methodsRequireAuthorization: ElementRule = {
  id: "VP-APIGW-3",
  level: "error",
  scope: "element",
  types: ["aws_api_gateway_method"],
  description:
    "API Gateway methods require authorization unless their API's public-routes tag declares them public, or they are OPTIONS preflights answered by a MOCK integration",
  fix: "Give the method an authorizer (authorization COGNITO_USER_POOLS, CUSTOM or AWS_IAM), or mark the route public in RestApi so that it is listed as METHOD:/path in the API's public-routes tag; an unauthorized OPTIONS must be a CORS preflight with a MOCK integration (RestApi cors)",
  check: (method, context) => {
    const authorization = method.attributes.authorization;
    if (isSet(authorization) && authorization !== "NONE") return compliant;
    if (isMockPreflight(method, context)) return compliant;
    const httpMethod = String(method.attributes.http_method);
    const api = context.lookup(method.attributes.rest_api_id);
    const path = resourcePath(method.attributes.resource_id, context);
    if (api?.type !== "aws_api_gateway_rest_api" || path === undefined) {
      return nonCompliant(
        `${httpMethod} has authorization NONE on an API or resource outside this stack, so no public-routes declaration can cover it`,
      );
    }
    const declared = String(tagsOf(api)[PUBLIC_ROUTES_TAG] ?? "").split(/\s+/);
    return declared.includes(`${httpMethod}:${path}`)
      ? compliant
      : nonCompliant(
          `${httpMethod} ${path} has authorization NONE and ${api.address}'s ${PUBLIC_ROUTES_TAG} tag does not declare it public${httpMethod === "OPTIONS" ? "; it is not a preflight either, whose only integration would be MOCK" : ""}`,
        );
  },
};

/** Whether `settings` (an `aws_api_gateway_method_settings`) applies to `stage`. */
function settingsOfStage(settings: ElementView, stage: ElementView): boolean {
  const name = settings.attributes.stage_name;
  return (
    referencedAddress(name) === stage.address ||
    (isLiteralString(name) && name === stage.attributes.stage_name && settings.attributes.rest_api_id === stage.attributes.rest_api_id)
  );
}

export const loggingNeedsAccountRole: StackRule = {
  id: "VP-APIGW-4",
  level: "error",
  category: "apply",
  scope: "stack",
  description: "API Gateway stages that log depend on the account's CloudWatch Logs role setting, or declare that the account already has one",
  fix: 'Create the setting in one stack per account and region (RestApi accountLoggingRole "create": aws_api_gateway_account with a role trusted by apigateway.amazonaws.com and AmazonAPIGatewayPushToCloudWatchLogs, the stage depends_on it), or say "preexisting" so that the stage carries the account-logging-role tag',
  reference: "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
  check: (context) => {
    const accounts = context.elements.filter((e) => e.type === "aws_api_gateway_account" && isSet(e.attributes.cloudwatch_role_arn));
    const methodSettings = context.elements.filter((e) => e.type === "aws_api_gateway_method_settings");
    return context.elements
      .filter((e) => e.type === "aws_api_gateway_stage")
      .map((stage) => {
        const executionLogging = methodSettings
          .filter((settings) => settingsOfStage(settings, stage))
          .flatMap((settings) => blocks(settings.attributes.settings))
          .some((s) => (isSet(s.logging_level) && s.logging_level !== "OFF") || isTrue(s.data_trace_enabled));
        const accessLogging = blocks(stage.attributes.access_log_settings).length > 0;
        if (!executionLogging && !accessLogging) return { subject: stage, verdict: notApplicable };
        if (tagsOf(stage)[ACCOUNT_LOGGING_ROLE_TAG] === "preexisting") return { subject: stage, verdict: compliant };
        const dependsOn = [stage.attributes.depends_on].flat().map(String);
        const waited = accounts.find((account) => dependsOn.includes(account.address));
        if (waited) return { subject: stage, verdict: compliant };
        const kinds = [accessLogging && "access", executionLogging && "execution"].filter(Boolean).join(" and ");
        return {
          subject: stage,
          verdict: nonCompliant(
            accounts.length > 0
              ? `it turns on ${kinds} logging without depends_on ${accounts[0].address}, so Terraform may create it before the account's CloudWatch Logs role is set and API Gateway rejects it`
              : `it turns on ${kinds} logging and API Gateway refuses that ("CloudWatch Logs role ARN must be set in account settings to enable logging") unless the account and region have a CloudWatch Logs role; this stack sets none and the stage does not declare that one exists`,
          ),
        };
      });
  },
};

export const deploymentReplacedBeforeDestroy: StackRule = {
  id: "VP-APIGW-5",
  level: "error",
  category: "apply",
  scope: "stack",
  description: "API Gateway deployments behind a stage resource are created before destroyed and redeploy when any method or integration changes",
  fix: "On the aws_api_gateway_deployment set lifecycle.create_before_destroy = true, no stage_name, and triggers that reference every method and integration of the API (RestApi hashes them all)",
  reference: "https://github.com/hashicorp/terraform-provider-aws/issues/19805",
  check: (context) => {
    const stages = context.elements.filter((e) => e.type === "aws_api_gateway_stage");
    return context.elements
      .filter((e) => e.type === "aws_api_gateway_deployment" && stages.some((s) => referencedAddress(s.attributes.deployment_id) === e.address))
      .map((deployment) => {
        const problems: string[] = [];
        const lifecycle = (deployment.attributes.lifecycle ?? {}) as Record<string, unknown>;
        if (!isTrue(lifecycle.create_before_destroy)) {
          problems.push("without create_before_destroy its replacement is destroyed first, which API Gateway refuses while a stage points at it");
        }
        if (isSet(deployment.attributes.stage_name)) {
          problems.push("its stage_name makes a second owner of a stage that an aws_api_gateway_stage already manages");
        }
        // What the deployment waits for and is replaced with: its triggers and depends_on, as text.
        const watched = JSON.stringify([deployment.attributes.triggers ?? {}, deployment.attributes.depends_on ?? []]);
        const api = referencedAddress(deployment.attributes.rest_api_id);
        const unwatched = context.elements
          .filter(
            (e) =>
              (e.type === "aws_api_gateway_method" || e.type === "aws_api_gateway_integration") &&
              referencedAddress(e.attributes.rest_api_id) === api,
          )
          .filter((e) => !new RegExp(`${e.address.replace(/\./g, "\\.")}(?![A-Za-z0-9_-])`).test(watched))
          .map((e) => e.address);
        if (unwatched.length > 0) {
          problems.push(
            `its triggers and depends_on miss ${unwatched.join(", ")}, so it can be created before them ("The REST API doesn't contain any methods") and their changes never reach the stage`,
          );
        }
        return { subject: deployment, verdict: problems.length === 0 ? compliant : nonCompliant(problems.join("; ")) };
      });
  },
};
