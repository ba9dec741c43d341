/**
 * Builders of the unsafe / safe cases of the API Gateway rules (guardrails/rules/api-gateway.ts): VP-APIGW-1..3 in
 * the shape of guardrails.test.ts's CASES, VP-APIGW-4..5 in the shape of apply-rules.test.ts's CASES.
 */
import { ApiGatewayDeployment } from "@cdktf/provider-aws/lib/api-gateway-deployment";
import { ApiGatewayIntegration } from "@cdktf/provider-aws/lib/api-gateway-integration";
import { ApiGatewayMethod } from "@cdktf/provider-aws/lib/api-gateway-method";
import { ApiGatewayMethodSettings } from "@cdktf/provider-aws/lib/api-gateway-method-settings";
import { ApiGatewayResource } from "@cdktf/provider-aws/lib/api-gateway-resource";
import { ApiGatewayRestApi } from "@cdktf/provider-aws/lib/api-gateway-rest-api";
import { ApiGatewayStage } from "@cdktf/provider-aws/lib/api-gateway-stage";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import { RestApi, type RestApiProps } from "../../constructs/rest-api";

export const KEY = "arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555";
export const USER_POOL = "arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_AbCdEfGhI";
const FUNCTION_ARN = "arn:aws:lambda:us-east-1:111111111111:function";
export const invokeArn = (fn: string, alias = "live") =>
  `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${FUNCTION_ARN}:${fn}:${alias}/invocations`;

/** Props of a voice API: an authenticated POST /voice, a cached GET /sessions/{sessionId} and a public GET /health. */
export function voiceApiProps(overrides: Partial<RestApiProps> = {}): RestApiProps {
  const target = (fn: string) => ({ functionName: fn, aliasName: "live", invokeArn: invokeArn(fn) });
  return {
    name: "voice-ai-dev-api",
    routes: [
      { path: "/voice", methods: ["POST"], target: target("voice-handler") },
      { path: "/sessions/{sessionId}", methods: ["GET", "DELETE"], target: target("sessions"), cached: true },
      { path: "/health", methods: ["GET"], target: target("health"), public: true },
    ],
    userPoolArn: USER_POOL,
    stageName: "dev",
    logKmsKeyArn: KEY,
    logRetentionDays: 30,
    throttle: { rateLimit: 50, burstLimit: 100 },
    cache: { clusterSizeGb: "0.5", ttlSeconds: 60 },
    accountLoggingRole: "create",
    ...overrides,
  };
}

export const voiceApi = (scope: Construct, id: string, overrides: Partial<RestApiProps> = {}) => new RestApi(scope, id, voiceApiProps(overrides));

interface RawApiOptions {
  /** Authorization of `GET /admin`. @default "COGNITO_USER_POOLS" */
  readonly adminAuthorization?: string;
  /** X-Ray and access logs to a CMK log group on the stage. @default true */
  readonly observed?: boolean;
  /** create_before_destroy and triggers over the method and integration. @default true */
  readonly safeDeployment?: boolean;
}

/** A REST API from raw resources: `GET /admin` proxied to Lambda, one deployment and one stage `dev`. */
export function rawApi(stack: TerraformStack, id: string, options: RawApiOptions = {}): { stage: ApiGatewayStage; api: ApiGatewayRestApi } {
  const api = new ApiGatewayRestApi(stack, id, { name: id, tags: { "public-routes": "GET:/health" } });
  const admin = new ApiGatewayResource(stack, `${id}_admin`, { restApiId: api.id, parentId: api.rootResourceId, pathPart: "admin" });
  const method = new ApiGatewayMethod(stack, `${id}_method`, {
    restApiId: api.id,
    resourceId: admin.id,
    httpMethod: "GET",
    authorization: options.adminAuthorization ?? "COGNITO_USER_POOLS",
    authorizerId: options.adminAuthorization === "NONE" ? undefined : "abc123",
  });
  const integration = new ApiGatewayIntegration(stack, `${id}_integration`, {
    restApiId: api.id,
    resourceId: admin.id,
    httpMethod: method.httpMethod,
    type: "AWS_PROXY",
    integrationHttpMethod: "POST",
    uri: invokeArn("admin"),
  });
  const safeDeployment = options.safeDeployment ?? true;
  const deployment = new ApiGatewayDeployment(stack, `${id}_deployment`, {
    restApiId: api.id,
    ...(safeDeployment
      ? { triggers: { redeployment: `\${sha1(jsonencode([${method.fqn}, ${integration.fqn}]))}` }, lifecycle: { createBeforeDestroy: true } }
      : {}),
  });
  const observed = options.observed ?? true;
  const group = observed
    ? new CloudwatchLogGroup(stack, `${id}_access`, { name: `/aws/apigateway/${id}`, kmsKeyId: KEY, retentionInDays: 30 })
    : undefined;
  const stage = new ApiGatewayStage(stack, `${id}_stage`, {
    restApiId: api.id,
    deploymentId: deployment.id,
    stageName: "dev",
    xrayTracingEnabled: observed,
    accessLogSettings: group ? { destinationArn: group.arn, format: '{"requestId":"$context.requestId"}' } : undefined,
    // This stack has no account setting; the account's logging role is declared to exist already.
    tags: { "account-logging-role": "preexisting" },
  });
  return { stage, api };
}

/** Method settings of `dev` that cache responses, encrypted or not. */
const cachingSettings = (stack: TerraformStack, id: string, encrypted: boolean) => {
  const { api, stage } = rawApi(stack, `${id}_api`);
  new ApiGatewayMethodSettings(stack, id, {
    restApiId: api.id,
    stageName: stage.stageName,
    methodPath: "~1admin/GET",
    settings: { cachingEnabled: true, cacheDataEncrypted: encrypted, cacheTtlInSeconds: 60 },
  });
};

/** A stage with access logs and neither an account setting nor the declaration that one exists. */
const stageLoggingWithoutAccountRole = (stack: TerraformStack, id: string) => {
  const group = new CloudwatchLogGroup(stack, `${id}_access`, { name: `/aws/apigateway/${id}`, kmsKeyId: KEY, retentionInDays: 30 });
  new ApiGatewayStage(stack, id, {
    restApiId: "a1b2c3d4e5",
    deploymentId: "abc123",
    stageName: "dev",
    xrayTracingEnabled: true,
    accessLogSettings: { destinationArn: group.arn, format: '{"requestId":"$context.requestId"}' },
  });
};

interface RuleCase {
  readonly unsafe: (stack: TerraformStack) => void;
  readonly safe: (stack: TerraformStack) => void;
  readonly production?: boolean;
  readonly message: RegExp;
}

/** Security rules: spread into guardrails.test.ts's CASES. */
export const API_GATEWAY_SECURITY_CASES: Record<string, RuleCase> = {
  "VP-APIGW-1": {
    unsafe: (s) => rawApi(s, "unsafe", { observed: false }),
    safe: (s) => voiceApi(s, "safe"),
    message: /X-Ray tracing is off; access logging is off/,
  },
  "VP-APIGW-2": {
    unsafe: (s) => cachingSettings(s, "unsafe", false),
    safe: (s) => cachingSettings(s, "safe", true),
    message: /~1admin\/GET caches responses \(callers' data\) unencrypted/,
  },
  "VP-APIGW-3": {
    unsafe: (s) => rawApi(s, "unsafe", { adminAuthorization: "NONE" }),
    // Its CORS preflights (OPTIONS, authorization NONE, MOCK) are the only unauthorized methods besides GET /health.
    safe: (s) => voiceApi(s, "safe", { cors: { allowOrigins: ["https://assistant.example.com"] } }),
    message: /GET \/admin has authorization NONE and aws_api_gateway_rest_api\.unsafe's public-routes tag does not declare it public/,
  },
};

/** Apply rules: spread into apply-rules.test.ts's CASES. */
export const API_GATEWAY_APPLY_CASES: Record<string, RuleCase> = {
  "VP-APIGW-4": {
    unsafe: (s) => stageLoggingWithoutAccountRole(s, "unsafe"),
    safe: (s) => voiceApi(s, "safe"),
    message: /it turns on access logging and API Gateway refuses that \("CloudWatch Logs role ARN must be set in account settings/,
  },
  "VP-APIGW-5": {
    unsafe: (s) => rawApi(s, "unsafe", { safeDeployment: false }),
    // The preflights' methods and integrations are in the trigger too.
    safe: (s) => voiceApi(s, "safe", { cors: { allowOrigins: ["https://assistant.example.com"] } }),
    message:
      /without create_before_destroy .*; its triggers and depends_on miss aws_api_gateway_method\.unsafe_method, aws_api_gateway_integration\.unsafe_integration/,
  },
};
