/**
 * API Gateway REST APIs: logged and traced stages, encrypted caches, no unauthenticated method that is not declared
 * public (CORS preflights answered by MOCK aside), and the two things AWS refuses or Terraform breaks at apply time (logging without the account's CloudWatch
 * role, deployments replaced under a live stage).
 */
import { elementRule, stackRule } from "../catalog";
import { blocks, isLiteralString, isSet, isTrue, referencedAddress } from "../helpers";
import { type ElementView, type RuleContext, compliant, nonCompliant, notApplicable } from "../types";

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

export const stageLogsAndTraces = elementRule("VP-APIGW-1", ["aws_api_gateway_stage"], (stage, context) => {
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
});

export const methodCacheEncrypted = elementRule("VP-APIGW-2", ["aws_api_gateway_method_settings"], ({ attributes }) => {
  const settings = blocks(attributes.settings)[0];
  if (!settings || !isTrue(settings.caching_enabled)) return notApplicable;
  return isTrue(settings.cache_data_encrypted)
    ? compliant
    : nonCompliant(`${String(attributes.method_path)} caches responses (callers' data) unencrypted in the stage cache`);
});

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

export const methodsRequireAuthorization = elementRule("VP-APIGW-3", ["aws_api_gateway_method"], (method, context) => {
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
});

/** Whether `settings` (an `aws_api_gateway_method_settings`) applies to `stage`. */
function settingsOfStage(settings: ElementView, stage: ElementView): boolean {
  const name = settings.attributes.stage_name;
  return (
    referencedAddress(name) === stage.address ||
    (isLiteralString(name) && name === stage.attributes.stage_name && settings.attributes.rest_api_id === stage.attributes.rest_api_id)
  );
}

export const loggingNeedsAccountRole = stackRule("VP-APIGW-4", (context) => {
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
});

export const deploymentReplacedBeforeDestroy = stackRule("VP-APIGW-5", (context) => {
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
            (e.type === "aws_api_gateway_method" || e.type === "aws_api_gateway_integration") && referencedAddress(e.attributes.rest_api_id) === api,
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
});
