import { ApiGatewayAuthorizer } from "@cdktf/provider-aws/lib/api-gateway-authorizer";
import { ApiGatewayDeployment } from "@cdktf/provider-aws/lib/api-gateway-deployment";
import { ApiGatewayIntegration } from "@cdktf/provider-aws/lib/api-gateway-integration";
import { ApiGatewayMethod } from "@cdktf/provider-aws/lib/api-gateway-method";
import { ApiGatewayResource } from "@cdktf/provider-aws/lib/api-gateway-resource";
import { ApiGatewayRestApi } from "@cdktf/provider-aws/lib/api-gateway-rest-api";
import { LambdaPermission } from "@cdktf/provider-aws/lib/lambda-permission";
import { Fn, type TerraformResource, Token } from "cdktf";
import { Construct } from "constructs";
import { type RestApiCors, addErrorResponses, addPreflight, validateCors } from "./rest-api-cors";
import { type RestApiCustomDomain, RestApiDomain, validateCustomDomain } from "./rest-api-domain";
import {
  PUBLIC_ROUTES_TAG,
  type HttpMethod,
  type RestApiRoute,
  methodSettingsPath,
  methodWord,
  pathParameters,
  slug,
  validateRoutes,
} from "./rest-api-routes";
import {
  ApiGatewayLoggingRole,
  type CachedMethod,
  type ExecutionLoggingLevel,
  RestApiStage,
  type StageCache,
  type ThrottleLimits,
  type UsagePlanQuota,
  validateStage,
} from "./rest-api-stage";

export type { RestApiCors } from "./rest-api-cors";
export { PUBLIC_ROUTES_TAG, methodSettingsPath, type HttpMethod, type LambdaAliasTarget, type RestApiRoute } from "./rest-api-routes";

export interface RestApiProps {
  /** API name; also names the stage's log group, usage plan and invoke permissions (1-64 of A-Z a-z 0-9 - _). */
  readonly name: string;
  /**
   * Description shown in the console.
   * @default - none
   */
  readonly description?: string;
  /** Routes; at least one (API Gateway cannot deploy an API without methods). */
  readonly routes: readonly RestApiRoute[];
  /** Cognito user pool whose tokens every non-public route requires. */
  readonly userPoolArn: string;
  /** Stage name, e.g. `prod` (1-128 of A-Z a-z 0-9 - _). */
  readonly stageName: string;
  /** CMK of the access and execution log groups (its key policy must let CloudWatch Logs use it). */
  readonly logKmsKeyArn: string;
  /** Days the access and execution logs are kept (a CloudWatch retention value). */
  readonly logRetentionDays: number;
  /** Throttle of every method of the stage, in requests per second. */
  readonly throttle: ThrottleLimits;
  /**
   * Execution logging (API Gateway's own log of each request; never request or response bodies).
   * @default "ERROR"
   */
  readonly executionLoggingLevel?: ExecutionLoggingLevel;
  /**
   * Per-method CloudWatch metrics (billed as custom metrics).
   * @default true
   */
  readonly detailedMetrics?: boolean;
  /**
   * Stage cache cluster; only routes marked `cached` use it, and its data is encrypted.
   * @default - no cache cluster
   */
  readonly cache?: StageCache;
  /**
   * Usage plan bound to the stage; its limits apply per API key.
   * @default - the stage throttle, no quota
   */
  readonly usagePlan?: { readonly throttle?: ThrottleLimits; readonly quota?: UsagePlanQuota };
  /**
   * REGIONAL WAFv2 web ACL associated with the stage.
   * @default - no web ACL
   */
  readonly webAclArn?: string;
  /**
   * Custom domain; the default `execute-api` endpoint is then disabled so that clients use only the domain.
   * @default - the `execute-api` endpoint only
   */
  readonly customDomain?: RestApiCustomDomain;
  /**
   * Browser access from one other origin (the site's): an OPTIONS preflight on every route resource, answered by
   * API Gateway without authorization or a function, and the origin header on API Gateway's own 4XX/5XX responses.
   * The functions' own responses must carry `Access-Control-Allow-Origin` themselves (API Gateway passes a Lambda
   * proxy response through unchanged).
   * @default - no CORS: browsers on other origins cannot call the API
   */
  readonly cors?: RestApiCors;
  /**
   * Who sets the account's API Gateway CloudWatch Logs role, without which API Gateway refuses stage logging.
   * `create`: this construct creates the role and `aws_api_gateway_account`, a per-account-and-region singleton
   * (exactly one stack per account and region may say `create`). `preexisting`: another stack or a person did.
   */
  readonly accountLoggingRole: "create" | "preexisting";
}

/**
 * A regional REST API proxying routes to Lambda aliases, as aws-cdk-lib's LambdaRestApi does: Cognito user pool
 * authorizer on every route not declared public, invoke permissions scoped to this API's stage, method and path,
 * a deployment replaced whenever a route changes, and one stage (see RestApiStage). With `cors`, preflights and
 * API Gateway's own errors are answered for one browser origin; the Lambda proxy responses carry
 * `Access-Control-Allow-Origin` only if the function adds it (the application's job).
 */
export class RestApi extends Construct {
  readonly restApi: ApiGatewayRestApi;
  readonly deployment: ApiGatewayDeployment;
  readonly stage: RestApiStage;
  readonly domain?: RestApiDomain;
  /** Base URL clients call: the custom domain's, or the stage's `execute-api` URL. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: RestApiProps) {
    super(scope, id);
    const where = `RestApi ${id}`;
    const usagePlanThrottle = props.usagePlan?.throttle ?? props.throttle;
    validate(where, props);
    validateStage(where, { ...props, usagePlanThrottle, usagePlanQuota: props.usagePlan?.quota });
    if (props.customDomain) validateCustomDomain(where, props.customDomain);
    if (props.cors) validateCors(where, props.cors, props.routes);

    const publicRoutes = props.routes.filter((r) => r.public).flatMap((r) => r.methods.map((m) => `${m}:${r.path}`));
    this.restApi = new ApiGatewayRestApi(this, "Resource", {
      name: props.name,
      description: props.description,
      endpointConfiguration: { types: ["REGIONAL"] },
      disableExecuteApiEndpoint: props.customDomain !== undefined,
      tags: { Name: props.name, ...(publicRoutes.length > 0 ? { [PUBLIC_ROUTES_TAG]: publicRoutes.join(" ") } : {}) },
    });
    const authorizer = new ApiGatewayAuthorizer(this, "Authorizer", {
      restApiId: this.restApi.id,
      name: `${props.name}-cognito`,
      type: "COGNITO_USER_POOLS",
      providerArns: [props.userPoolArn],
      identitySource: "method.request.header.Authorization",
    });

    // Everything a deployment snapshots; the deployment is replaced when any of it changes.
    const deployed: TerraformResource[] = [authorizer];
    const resources = new Map<string, ApiGatewayResource>();
    const resourceIdOf = (path: string): string => {
      if (path === "/") return this.restApi.rootResourceId;
      const existing = resources.get(path);
      if (existing) return existing.id;
      const parent = path.slice(0, path.lastIndexOf("/")) || "/";
      const resource = new ApiGatewayResource(this, `Path${slug(path)}`, {
        restApiId: this.restApi.id,
        parentId: resourceIdOf(parent),
        pathPart: path.slice(path.lastIndexOf("/") + 1),
      });
      resources.set(path, resource);
      deployed.push(resource);
      return resource.id;
    };

    const invokes: { route: RestApiRoute; method: HttpMethod; name: string }[] = [];
    const cachedMethods: CachedMethod[] = [];
    for (const route of props.routes) {
      const resourceId = resourceIdOf(route.path);
      const params = pathParameters(route.path);
      const cacheKeys = [
        ...params.map((p) => `method.request.path.${p}`),
        ...(route.cacheKeyQueryStrings ?? []).map((q) => `method.request.querystring.${q}`),
        ...(route.public ? [] : ["method.request.header.Authorization"]),
      ];
      for (const httpMethod of route.methods) {
        const name = `${methodWord(httpMethod)}${slug(route.path)}`;
        // Only GET responses are cached.
        const cached = route.cached === true && httpMethod === "GET";
        const method = new ApiGatewayMethod(this, name, {
          restApiId: this.restApi.id,
          resourceId,
          httpMethod,
          authorization: route.public ? "NONE" : "COGNITO_USER_POOLS",
          authorizerId: route.public ? undefined : authorizer.id,
          authorizationScopes: route.authorizationScopes ? [...route.authorizationScopes] : undefined,
          // A cache key must be a declared request parameter.
          requestParameters: cached && cacheKeys.length > 0 ? Object.fromEntries(cacheKeys.map((k) => [k, !k.includes(".querystring.")])) : undefined,
        });
        const integration = new ApiGatewayIntegration(this, `${name}Integration`, {
          restApiId: this.restApi.id,
          resourceId,
          httpMethod: method.httpMethod,
          type: "AWS_PROXY",
          // Lambda is always invoked with POST, whatever the client's method.
          integrationHttpMethod: "POST",
          uri: route.target.invokeArn,
          timeoutMilliseconds: route.timeoutMs ?? 29_000,
          cacheKeyParameters: cached && cacheKeys.length > 0 ? cacheKeys : undefined,
        });
        deployed.push(method, integration);
        invokes.push({ route, method: httpMethod, name });
        if (cached) cachedMethods.push({ id: `${name}Settings`, methodPath: methodSettingsPath(route.path, httpMethod) });
      }
    }

    // One preflight per route resource, allowing the methods of every route on it; OPTIONS is never a route then.
    const cors = props.cors;
    if (cors) {
      const methodsByPath = new Map<string, HttpMethod[]>();
      for (const route of props.routes) methodsByPath.set(route.path, [...(methodsByPath.get(route.path) ?? []), ...route.methods]);
      for (const [path, methods] of methodsByPath) {
        deployed.push(
          ...addPreflight(this, `${methodWord("OPTIONS")}${slug(path)}`, {
            restApiId: this.restApi.id,
            resourceId: resourceIdOf(path),
            methods,
            cors,
          }),
        );
      }
      deployed.push(...addErrorResponses(this, this.restApi.id, cors));
    }

    // A new deployment whenever a route, method, integration, CORS response or the authorizer changes (a stage serves
    // the snapshot it points at, not the live API). Created before the old one is destroyed: API Gateway refuses to
    // delete a deployment that a stage still points at.
    this.deployment = new ApiGatewayDeployment(this, "Deployment", {
      restApiId: this.restApi.id,
      description: `${props.name} routes`,
      triggers: { redeployment: Fn.sha1(Fn.jsonencode(deployed.map((r) => r.fqn))) },
      lifecycle: { createBeforeDestroy: true },
    });

    const accountLogging =
      props.accountLoggingRole === "create" ? new ApiGatewayLoggingRole(this, "AccountLogging", { roleName: `${props.name}-apigw-logs` }) : undefined;
    this.stage = new RestApiStage(this, "Stage", {
      apiName: props.name,
      restApiId: this.restApi.id,
      deploymentId: this.deployment.id,
      stageName: props.stageName,
      logKmsKeyArn: props.logKmsKeyArn,
      logRetentionDays: props.logRetentionDays,
      throttle: props.throttle,
      executionLoggingLevel: props.executionLoggingLevel ?? "ERROR",
      metricsEnabled: props.detailedMetrics ?? true,
      cache: props.cache,
      cachedMethods,
      usagePlanThrottle,
      usagePlanQuota: props.usagePlan?.quota,
      webAclArn: props.webAclArn,
      accountLogging,
    });

    // Granted on the alias only, and only to this API's stage, method and path (`*` stands for ANY and for path
    // parameters): `arn:aws:execute-api:<region>:<account>:<api id>/<stage>/<METHOD>/<path>`.
    for (const { route, method, name } of invokes) {
      new LambdaPermission(this, `${name}Invoke`, {
        statementId: `${props.name}-${name}`.slice(0, 100),
        action: "lambda:InvokeFunction",
        principal: "apigateway.amazonaws.com",
        functionName: route.target.functionName,
        qualifier: route.target.aliasName,
        sourceArn: `${this.stage.stage.executionArn}/${method === "ANY" ? "*" : method}${route.path.replace(/\{[^}]+\}/g, "*")}`,
      });
    }

    if (props.customDomain) {
      this.domain = new RestApiDomain(this, "Domain", { ...props.customDomain, restApiId: this.restApi.id, stageName: this.stage.stage.stageName });
      this.url = this.domain.url(props.customDomain.basePath);
    } else {
      this.url = this.stage.stage.invokeUrl;
    }
  }

  get id(): string {
    return this.restApi.id;
  }

  /** `arn:aws:execute-api:<region>:<account>:<api id>/<stage>`, the prefix of the API's invoke ARNs. */
  get executionArn(): string {
    return this.stage.stage.executionArn;
  }
}

function validate(where: string, props: RestApiProps): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(props.name)) throw new Error(`${where}: name "${props.name}" must be 1-64 of A-Z a-z 0-9 - _`);
  if (props.routes.length === 0) throw new Error(`${where}: routes is empty; API Gateway cannot deploy an API without methods`);
  const userPool = props.userPoolArn;
  if (!Token.isUnresolved(userPool) && !/^arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\d{12}:userpool\/[\w-]+$/.test(userPool)) {
    throw new Error(`${where}: userPoolArn "${userPool}" is not a Cognito user pool ARN (arn:aws:cognito-idp:<region>:<account>:userpool/<id>)`);
  }
  const web = props.webAclArn;
  if (web !== undefined && !Token.isUnresolved(web) && !/^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\d{12}:regional\/webacl\//.test(web)) {
    throw new Error(`${where}: webAclArn "${web}" must be a REGIONAL WAFv2 web ACL ARN (CloudFront-scoped ACLs cannot protect a stage)`);
  }
  validateRoutes(where, props.routes, props.cache !== undefined);
}
