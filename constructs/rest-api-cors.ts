/** CORS of a RestApi: the preflight of each route resource and the origin header on API Gateway's own errors. */
import { ApiGatewayGatewayResponse } from "@cdktf/provider-aws/lib/api-gateway-gateway-response";
import { ApiGatewayIntegration } from "@cdktf/provider-aws/lib/api-gateway-integration";
import { ApiGatewayIntegrationResponse } from "@cdktf/provider-aws/lib/api-gateway-integration-response";
import { ApiGatewayMethod } from "@cdktf/provider-aws/lib/api-gateway-method";
import { ApiGatewayMethodResponse } from "@cdktf/provider-aws/lib/api-gateway-method-response";
import { type TerraformResource, Token } from "cdktf";
import type { Construct } from "constructs";
import type { HttpMethod, RestApiRoute } from "./rest-api-routes";

/** Request headers a browser may send by default: the Cognito token, JSON, and SigV4's and API keys' headers. */
export const DEFAULT_CORS_ALLOW_HEADERS: readonly string[] = ["Authorization", "Content-Type", "X-Amz-Date", "X-Api-Key", "X-Amz-Security-Token"];
/** Seconds a browser may reuse a preflight answer (Chromium caps it at 7200): a changed header list arrives within 10 min. */
export const DEFAULT_CORS_MAX_AGE_SECONDS = 600;
const ALL_METHODS: readonly HttpMethod[] = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

/**
 * Which browser pages on other origins may call the API. Credentialed CORS (cookies) is never allowed: the API reads
 * its token from the `Authorization` header, which needs no credentials mode, so no `Access-Control-Allow-Credentials`
 * is sent.
 *
 * The API Gateway side only: answers to preflights, and the origin header on API Gateway's own errors (the
 * authorizer's 401, the WAF's 403, throttling's 429, 5XX). A Lambda proxy response passes through unchanged, so
 * the function must add `Access-Control-Allow-Origin` to every response it returns, or the browser hides it.
 */
export interface RestApiCors {
  /**
   * The one origin whose pages may call the API, `https://<host>[:port]` (or `http://localhost[:port]` for local
   * development), exactly as the browser sends it: no path, no trailing `/`, lower case. Exactly one, because API
   * Gateway's own error responses carry a fixed `Access-Control-Allow-Origin` and cannot pick the caller's origin
   * from a list (they could only echo any origin, which is no restriction at all). `*` is refused.
   */
  readonly allowOrigins: readonly string[];
  /**
   * Request headers the pages may send (`Access-Control-Allow-Headers`); must include `Authorization` when a route
   * is not public.
   * @default - Authorization, Content-Type, X-Amz-Date, X-Api-Key, X-Amz-Security-Token
   */
  readonly allowHeaders?: readonly string[];
  /**
   * Seconds a browser may cache a preflight answer (`Access-Control-Max-Age`, 0-86400; Chromium caps it at 7200).
   * @default 600
   */
  readonly maxAgeSeconds?: number;
}

const ORIGIN = /^(?:https:\/\/[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|http:\/\/localhost)(?::\d{1,5})?$/;
const HEADER = /^[A-Za-z0-9-]+$/;

/** Checks `cors` against the routes; `where` names the construct in messages. */
export function validateCors(where: string, cors: RestApiCors, routes: readonly RestApiRoute[]): void {
  cors.allowOrigins.forEach((origin, i) => {
    if (Token.isUnresolved(origin)) return;
    const field = `cors.allowOrigins[${i}]`;
    if (origin === "*") {
      throw new Error(
        `${where}: ${field} "*" would let any site's pages call the API (and browsers refuse it with credentials); name the one origin, e.g. https://app.example.com`,
      );
    }
    if (!ORIGIN.test(origin)) {
      throw new Error(
        `${where}: ${field} "${origin}" must be an https origin as the browser sends it, lower case without a path or trailing /, e.g. https://app.example.com (or http://localhost[:port] for development)`,
      );
    }
    if (origin.startsWith("https://") && origin.endsWith(":443")) {
      throw new Error(`${where}: ${field} "${origin}": browsers never send the default port; write ${origin.slice(0, -4)}`);
    }
  });
  if (cors.allowOrigins.length !== 1) {
    throw new Error(
      `${where}: cors.allowOrigins must name exactly one origin, got ${cors.allowOrigins.length}: API Gateway's own error responses (the authorizer's 401, the WAF's 403) carry one fixed Access-Control-Allow-Origin and cannot choose it per caller`,
    );
  }
  const headers = cors.allowHeaders;
  if (headers !== undefined) {
    if (headers.length === 0) throw new Error(`${where}: cors.allowHeaders is empty; leave it out for the default list`);
    headers.forEach((header, i) => {
      if (!HEADER.test(header)) throw new Error(`${where}: cors.allowHeaders[${i}] "${header}" must be a header name of A-Z a-z 0-9 -`);
    });
    if (routes.some((r) => !r.public) && !headers.some((h) => h.toLowerCase() === "authorization")) {
      throw new Error(`${where}: cors.allowHeaders lacks Authorization, which every call to a route that is not public sends`);
    }
  }
  const maxAge = cors.maxAgeSeconds;
  if (maxAge !== undefined && (!Number.isInteger(maxAge) || maxAge < 0 || maxAge > 86_400)) {
    throw new Error(`${where}: cors.maxAgeSeconds must be an integer 0-86400, got ${maxAge}`);
  }
  routes.forEach((route, i) => {
    if (route.methods.includes("OPTIONS")) {
      throw new Error(`${where}: routes[${i}] (${route.path}) declares OPTIONS, which cors answers as the preflight; remove one of them`);
    }
  });
}

/** A static value of a response parameter: API Gateway reads quoted text as a literal. */
const literal = (value: string) => `'${value}'`;

export interface PreflightProps {
  readonly restApiId: string;
  readonly resourceId: string;
  /** The methods of the routes on the resource; `ANY` stands for every method. */
  readonly methods: readonly HttpMethod[];
  readonly cors: RestApiCors;
}

/**
 * The preflight of one resource, created in `scope` under `name` (`OptionsVoice`): an OPTIONS method without
 * authorization (a browser's preflight carries no token, by the Fetch standard) answered by a MOCK integration, so it
 * never reaches a function. Returns every resource it made, for the deployment's trigger.
 */
export function addPreflight(scope: Construct, name: string, props: PreflightProps): TerraformResource[] {
  const allowed = props.methods.includes("ANY") ? ALL_METHODS : [...new Set<HttpMethod>([...props.methods, "OPTIONS"])].sort();
  const headers = {
    "Access-Control-Allow-Origin": props.cors.allowOrigins[0],
    "Access-Control-Allow-Headers": (props.cors.allowHeaders ?? DEFAULT_CORS_ALLOW_HEADERS).join(","),
    "Access-Control-Allow-Methods": allowed.join(","),
    "Access-Control-Max-Age": String(props.cors.maxAgeSeconds ?? DEFAULT_CORS_MAX_AGE_SECONDS),
  };
  const method = new ApiGatewayMethod(scope, name, {
    restApiId: props.restApiId,
    resourceId: props.resourceId,
    httpMethod: "OPTIONS",
    authorization: "NONE",
  });
  const integration = new ApiGatewayIntegration(scope, `${name}Integration`, {
    restApiId: props.restApiId,
    resourceId: props.resourceId,
    httpMethod: method.httpMethod,
    type: "MOCK",
    requestTemplates: { "application/json": '{"statusCode": 200}' },
  });
  const response = new ApiGatewayMethodResponse(scope, `${name}Response`, {
    restApiId: props.restApiId,
    resourceId: props.resourceId,
    httpMethod: method.httpMethod,
    statusCode: "200",
    responseParameters: Object.fromEntries(Object.keys(headers).map((h) => [`method.response.header.${h}`, true])),
  });
  // Its http_method comes from the integration and its status code from the method response: created after both.
  const integrationResponse = new ApiGatewayIntegrationResponse(scope, `${name}IntegrationResponse`, {
    restApiId: props.restApiId,
    resourceId: props.resourceId,
    httpMethod: integration.httpMethod,
    statusCode: response.statusCode,
    responseParameters: Object.fromEntries(Object.entries(headers).map(([h, v]) => [`method.response.header.${h}`, literal(v)])),
  });
  return [method, integration, response, integrationResponse];
}

/**
 * The origin header on API Gateway's own 4XX and 5XX responses (every more specific type, such as UNAUTHORIZED,
 * WAF_FILTERED or THROTTLED, inherits the DEFAULT_ one), keeping API Gateway's default JSON body. Without it the
 * browser hides the authorizer's 401 from the page, which cannot tell an expired token from a network failure.
 */
export function addErrorResponses(scope: Construct, restApiId: string, cors: RestApiCors): TerraformResource[] {
  return (["4xx", "5xx"] as const).map(
    (kind) =>
      new ApiGatewayGatewayResponse(scope, `Default${kind}Response`, {
        restApiId,
        responseType: `DEFAULT_${kind.toUpperCase()}`,
        responseParameters: { "gatewayresponse.header.Access-Control-Allow-Origin": literal(cors.allowOrigins[0]) },
        responseTemplates: { "application/json": '{"message":$context.error.messageString}' },
      }),
  );
}
