import { ApiGatewayAccount } from "@cdktf/provider-aws/lib/api-gateway-account";
import { ApiGatewayMethodSettings, type ApiGatewayMethodSettingsSettings } from "@cdktf/provider-aws/lib/api-gateway-method-settings";
import { ApiGatewayStage } from "@cdktf/provider-aws/lib/api-gateway-stage";
import { ApiGatewayUsagePlan } from "@cdktf/provider-aws/lib/api-gateway-usage-plan";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { type ITerraformDependable, Token } from "cdktf";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "./encrypted-log-group";
import { ServiceRole } from "./service-role";

/** Cache capacities (GB) API Gateway accepts for a stage cache cluster. */
export const CACHE_CLUSTER_SIZES = ["0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"] as const;
export type CacheClusterSize = (typeof CACHE_CLUSTER_SIZES)[number];

/** Execution log levels of a stage: what API Gateway itself writes about each request. */
export type ExecutionLoggingLevel = "OFF" | "ERROR" | "INFO";

/**
 * Tag on a stage whose account already has the API Gateway CloudWatch Logs role (value `preexisting`), the only way
 * guardrail VP-APIGW-4 can know a stack without an `aws_api_gateway_account` may turn logging on.
 */
export const ACCOUNT_LOGGING_ROLE_TAG = "account-logging-role";

/** Steady-state and burst request limits, in requests per second. */
export interface ThrottleLimits {
  /** Average requests per second. */
  readonly rateLimit: number;
  /** Requests API Gateway lets through at once above the rate (token bucket size). */
  readonly burstLimit: number;
}

/** A stage cache cluster and how long it keeps responses. */
export interface StageCache {
  /** Cache capacity in GB; API Gateway bills the cluster per hour whether or not it is used. */
  readonly clusterSizeGb: CacheClusterSize;
  /**
   * Seconds a cached response is served (API Gateway: 0-3600).
   * @default 300
   */
  readonly ttlSeconds?: number;
}

/** Requests one API key may send per period. */
export interface UsagePlanQuota {
  /** Requests allowed per period. */
  readonly limit: number;
  readonly period: "DAY" | "WEEK" | "MONTH";
}

/** A per-method override of the stage-wide settings: caching on for one cached route. */
export interface CachedMethod {
  /** `aws_api_gateway_method_settings` method path (`~1voice~1sessions/GET`). */
  readonly methodPath: string;
  /** Construct id of the override, stable per route. */
  readonly id: string;
}

export interface RestApiStageProps {
  /** API name: names the access log group and the usage plan. */
  readonly apiName: string;
  readonly restApiId: string;
  readonly deploymentId: string;
  /** Stage name (API Gateway: 1-128 of A-Z a-z 0-9 - _). */
  readonly stageName: string;
  /** CMK of the access and execution log groups (its key policy must let CloudWatch Logs use it). */
  readonly logKmsKeyArn: string;
  /** Days both log groups keep events (a CloudWatch retention value). */
  readonly logRetentionDays: number;
  /** Throttle of every method of the stage. */
  readonly throttle: ThrottleLimits;
  readonly executionLoggingLevel: ExecutionLoggingLevel;
  readonly metricsEnabled: boolean;
  /** @default - no cache cluster */
  readonly cache?: StageCache;
  /** Methods whose responses are cached (needs `cache`). */
  readonly cachedMethods: readonly CachedMethod[];
  readonly usagePlanThrottle: ThrottleLimits;
  /** @default - no quota */
  readonly usagePlanQuota?: UsagePlanQuota;
  /** @default - no web ACL */
  readonly webAclArn?: string;
  /**
   * The account's CloudWatch Logs role setting created in this stack; the stage waits for it.
   * @default - the account already has one: the stage says so in its `account-logging-role` tag
   */
  readonly accountLogging?: ApiGatewayLoggingRole;
}

/** API Gateway's own access log format fields, one JSON object per request (the format must name a request id). */
const ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: "$context.requestId",
  extendedRequestId: "$context.extendedRequestId",
  ip: "$context.identity.sourceIp",
  userAgent: "$context.identity.userAgent",
  requestTime: "$context.requestTime",
  httpMethod: "$context.httpMethod",
  resourcePath: "$context.resourcePath",
  path: "$context.path",
  status: "$context.status",
  protocol: "$context.protocol",
  responseLength: "$context.responseLength",
  responseLatency: "$context.responseLatency",
  integrationLatency: "$context.integration.latency",
  integrationStatus: "$context.integration.status",
  integrationError: "$context.integration.error",
  authorizerError: "$context.authorizer.error",
  user: "$context.authorizer.claims.sub",
  wafStatus: "$context.waf.status",
  xrayTraceId: "$context.xrayTraceId",
});

/**
 * The one stage of a REST API: X-Ray tracing, JSON access logs and execution logs in CMK-encrypted log groups,
 * throttling on every method, optional encrypted response cache, a usage plan and an optional WAF web ACL.
 */
export class RestApiStage extends Construct {
  readonly stage: ApiGatewayStage;
  readonly accessLogGroup: EncryptedLogGroup;
  readonly usagePlan: ApiGatewayUsagePlan;

  constructor(scope: Construct, id: string, props: RestApiStageProps) {
    super(scope, id);
    const logsExecution = props.executionLoggingLevel !== "OFF";
    this.accessLogGroup = new EncryptedLogGroup(this, "AccessLogs", {
      name: `/aws/apigateway/${props.apiName}/${props.stageName}/access`,
      kmsKeyArn: props.logKmsKeyArn,
      retentionDays: props.logRetentionDays,
    });
    // API Gateway writes execution logs to a group of this fixed name and creates it, unencrypted and never
    // expiring, if it does not exist; made here first (the stage waits for it), it is encrypted and expires.
    // Not an EncryptedLogGroup: the name holds the API id, a token its name check cannot read.
    const executionLogs = logsExecution
      ? new CloudwatchLogGroup(this, "ExecutionLogs", {
          name: `API-Gateway-Execution-Logs_${props.restApiId}/${props.stageName}`,
          kmsKeyId: props.logKmsKeyArn,
          retentionInDays: props.logRetentionDays,
        })
      : undefined;

    const dependsOn: ITerraformDependable[] = [];
    if (props.accountLogging) dependsOn.push(props.accountLogging.account);
    if (executionLogs) dependsOn.push(executionLogs);
    this.stage = new ApiGatewayStage(this, "Resource", {
      restApiId: props.restApiId,
      deploymentId: props.deploymentId,
      stageName: props.stageName,
      xrayTracingEnabled: true,
      // The provider's log group `arn` has no `:*` suffix (provider v3+), the form API Gateway stores.
      accessLogSettings: { destinationArn: this.accessLogGroup.arn, format: ACCESS_LOG_FORMAT },
      cacheClusterEnabled: props.cache !== undefined,
      cacheClusterSize: props.cache?.clusterSizeGb,
      // API Gateway refuses logging unless the account's CloudWatch role is set: create that setting first.
      dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
      tags: {
        Name: `${props.apiName}-${props.stageName}`,
        ...(props.accountLogging ? {} : { [ACCOUNT_LOGGING_ROLE_TAG]: "preexisting" }),
      },
    });

    // Every override repeats the whole base: a per-method setting left out is not inherited, and an unset
    // throttle is -1, which turns throttling off for that method.
    const base: ApiGatewayMethodSettingsSettings = {
      metricsEnabled: props.metricsEnabled,
      loggingLevel: props.executionLoggingLevel,
      // Data trace writes whole request and response bodies (callers' speech transcripts, tokens) into the logs.
      dataTraceEnabled: false,
      throttlingRateLimit: props.throttle.rateLimit,
      throttlingBurstLimit: props.throttle.burstLimit,
      ...(props.cache ? { cachingEnabled: false } : {}),
    };
    const cached: ApiGatewayMethodSettingsSettings = {
      ...base,
      cachingEnabled: true,
      cacheDataEncrypted: true,
      cacheTtlInSeconds: props.cache?.ttlSeconds ?? 300,
      // A client may not flush the cache with `Cache-Control: max-age=0` unless IAM allows it to.
      requireAuthorizationForCacheControl: true,
      unauthorizedCacheControlHeaderStrategy: "FAIL_WITH_403",
    };
    new ApiGatewayMethodSettings(this, "AllMethods", {
      restApiId: props.restApiId,
      stageName: this.stage.stageName,
      methodPath: "*/*",
      settings: base,
    });
    for (const method of props.cachedMethods) {
      new ApiGatewayMethodSettings(this, method.id, {
        restApiId: props.restApiId,
        stageName: this.stage.stageName,
        methodPath: method.methodPath,
        settings: cached,
      });
    }

    // Usage plan limits apply per API key; requests without a key are held by the stage throttle above.
    this.usagePlan = new ApiGatewayUsagePlan(this, "UsagePlan", {
      name: `${props.apiName}-${props.stageName}`,
      apiStages: [{ apiId: props.restApiId, stage: this.stage.stageName }],
      throttleSettings: { rateLimit: props.usagePlanThrottle.rateLimit, burstLimit: props.usagePlanThrottle.burstLimit },
      quotaSettings: props.usagePlanQuota ? { limit: props.usagePlanQuota.limit, period: props.usagePlanQuota.period } : undefined,
      tags: { Name: `${props.apiName}-${props.stageName}` },
    });

    if (props.webAclArn !== undefined) {
      new Wafv2WebAclAssociation(this, "WebAcl", { resourceArn: this.stage.arn, webAclArn: props.webAclArn });
    }
  }
}

export interface ApiGatewayLoggingRoleProps {
  /** Name of the IAM role API Gateway assumes to write logs (max 64 characters). */
  readonly roleName: string;
}

/**
 * The account's API Gateway CloudWatch Logs role (`aws_api_gateway_account`): one per account AND region, shared by
 * every REST API there, and the last writer wins. Create it in exactly one stack per account and region. Destroying
 * it leaves the setting in place (provider 5.x) pointing at a deleted role, which stops logging of every API there.
 */
export class ApiGatewayLoggingRole extends Construct {
  readonly account: ApiGatewayAccount;
  readonly role: ServiceRole;

  constructor(scope: Construct, id: string, props: ApiGatewayLoggingRoleProps) {
    super(scope, id);
    this.role = new ServiceRole(this, "Role", { name: props.roleName, assumedBy: "apigateway.amazonaws.com" });
    // AWS maintains this policy (log group creation and writing for every API of the account).
    const policy = new IamRolePolicyAttachment(this, "Policy", {
      role: this.role.name,
      policyArn: "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
    });
    // API Gateway checks the role when the setting is made: wait for the policy, not just the role.
    this.account = new ApiGatewayAccount(this, "Resource", { cloudwatchRoleArn: this.role.arn, dependsOn: [policy] });
  }
}

/** Validation of the stage's numbers; `where` names the construct in messages. */
export function validateStage(
  where: string,
  props: Pick<RestApiStageProps, "stageName" | "throttle" | "cache" | "usagePlanThrottle" | "usagePlanQuota">,
): void {
  if (!Token.isUnresolved(props.stageName) && !/^[A-Za-z0-9_-]{1,128}$/.test(props.stageName)) {
    throw new Error(`${where}: stageName "${props.stageName}" must be 1-128 of A-Z a-z 0-9 - _`);
  }
  validateThrottle(where, "throttle", props.throttle);
  validateThrottle(where, "usagePlan.throttle", props.usagePlanThrottle);
  if (props.cache) {
    if (!(CACHE_CLUSTER_SIZES as readonly string[]).includes(props.cache.clusterSizeGb)) {
      throw new Error(`${where}: cache.clusterSizeGb "${props.cache.clusterSizeGb}" must be one of ${CACHE_CLUSTER_SIZES.join(", ")}`);
    }
    const ttl = props.cache.ttlSeconds;
    if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 0 || ttl > 3600)) {
      throw new Error(`${where}: cache.ttlSeconds must be an integer 0-3600, got ${ttl}`);
    }
  }
  const quota = props.usagePlanQuota;
  if (quota && (!Number.isInteger(quota.limit) || quota.limit < 1)) {
    throw new Error(`${where}: usagePlan.quota.limit must be a positive integer, got ${quota.limit}`);
  }
}

function validateThrottle(where: string, field: string, limits: ThrottleLimits): void {
  if (!(limits.rateLimit > 0)) throw new Error(`${where}: ${field}.rateLimit must be above 0, got ${limits.rateLimit}`);
  if (!Number.isInteger(limits.burstLimit) || limits.burstLimit < 1) {
    throw new Error(`${where}: ${field}.burstLimit must be a positive integer, got ${limits.burstLimit}`);
  }
}
