/** Routes of a RestApi: their shape, their validation and the names derived from their paths. */

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS" | "ANY";
const HTTP_METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"];

/**
 * Tag on the REST API listing its routes without authorization, `GET:/health POST:/webhook`: the declaration that
 * guardrail VP-APIGW-3 holds every `authorization = "NONE"` method against.
 */
export const PUBLIC_ROUTES_TAG = "public-routes";

/** A Lambda alias behind a route: the `live` alias CodeDeploy shifts, deployed by another stack. */
export interface LambdaAliasTarget {
  /** Function name (not ARN). */
  readonly functionName: string;
  /** Alias name, e.g. `live`; the invoke permission is granted on this qualifier only. */
  readonly aliasName: string;
  /** The alias's `invoke_arn` (`arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<alias arn>/invocations`). */
  readonly invokeArn: string;
}

/** One resource path and the methods on it, all proxied to one Lambda alias. */
export interface RestApiRoute {
  /** Resource path: `/`, `/voice`, `/sessions/{sessionId}`, `/files/{proxy+}` (greedy only last). */
  readonly path: string;
  /** HTTP methods on the path; `ANY` matches every method. */
  readonly methods: readonly HttpMethod[];
  readonly target: LambdaAliasTarget;
  /**
   * Reachable without a token (a health check). Listed in the API's `public-routes` tag.
   * @default false - the Cognito authorizer guards the route
   */
  readonly public?: boolean;
  /**
   * OAuth scopes the access token must carry (`voice/write`); then only access tokens pass, ID tokens do not.
   * @default - a valid ID token of the user pool (without scopes, API Gateway's Cognito authorizer takes ID tokens only)
   */
  readonly authorizationScopes?: readonly string[];
  /**
   * Cache GET responses of this route (needs the stage `cache`). On authenticated routes the Authorization header is
   * part of the cache key, so one caller never receives another's response; path parameters always are.
   * @default false
   */
  readonly cached?: boolean;
  /**
   * Query string parameters that select a different cached response (others are ignored by the cache).
   * @default - none
   */
  readonly cacheKeyQueryStrings?: readonly string[];
  /**
   * Integration timeout in milliseconds (API Gateway: 50-29000).
   * @default 29000
   */
  readonly timeoutMs?: number;
}

/** A path segment: literal, `{param}` or greedy `{param+}`. */
const SEGMENT = /^(?:[A-Za-z0-9._-]+|\{[A-Za-z0-9_]+\+?\})$/;

/** Checks the routes' paths, methods and options; `hasCache` says whether the stage has a cache cluster. */
export function validateRoutes(where: string, routes: readonly RestApiRoute[], hasCache: boolean): void {
  const seen = new Map<string, string>();
  routes.forEach((route, i) => {
    const field = `routes[${i}] (${route.path})`;
    const segments = route.path === "/" ? [] : route.path.split("/").slice(1);
    if (!route.path.startsWith("/") || segments.some((s) => !SEGMENT.test(s))) {
      throw new Error(`${where}: ${field}.path must be / or /-separated segments of A-Z a-z 0-9 . _ - or {param}, without a trailing /`);
    }
    if (segments.slice(0, -1).some((s) => s.endsWith("+}"))) throw new Error(`${where}: ${field}.path may only end with a greedy {param+}`);
    if (route.methods.length === 0) throw new Error(`${where}: ${field}.methods is empty`);
    for (const method of route.methods) {
      if (!HTTP_METHODS.includes(method)) throw new Error(`${where}: ${field}.methods "${method}" must be one of ${HTTP_METHODS.join(", ")}`);
      // Methods named alike resolve to the same Terraform addresses (`/a-b` and `/a_b` both give `AB`).
      const key = `${methodWord(method)}${slug(route.path)}`;
      const other = seen.get(key);
      if (other !== undefined) throw new Error(`${where}: ${field}: ${method} ${route.path} clashes with ${other}; list each method and path once`);
      seen.set(key, `${method} ${route.path}`);
    }
    if (route.public && route.authorizationScopes) throw new Error(`${where}: ${field} is public, so authorizationScopes would never be checked`);
    // Tag values allow letters, digits, spaces and _ . : / = + - @ only.
    if (route.public && /[{}]/.test(route.path))
      throw new Error(`${where}: ${field}: a public route cannot have path parameters (its path goes into a tag)`);
    if (route.cached && !hasCache) throw new Error(`${where}: ${field}.cached needs the stage cache (cache.clusterSizeGb)`);
    if (route.cached && !route.methods.includes("GET")) throw new Error(`${where}: ${field}.cached only applies to GET, which the route lacks`);
    const timeout = route.timeoutMs;
    if (timeout !== undefined && (!Number.isInteger(timeout) || timeout < 50 || timeout > 29_000)) {
      throw new Error(`${where}: ${field}.timeoutMs must be an integer 50-29000, got ${timeout}`);
    }
  });
  const publicTag = routes
    .filter((r) => r.public)
    .flatMap((r) => r.methods.map((m) => `${m}:${r.path}`))
    .join(" ");
  if (publicTag.length > 256) throw new Error(`${where}: the public routes make a ${publicTag.length}-character tag; AWS allows 256`);
}

/** `{sessionId}` -> `sessionId`, `{proxy+}` -> `proxy`. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z0-9_]+)\+?\}/g)].map((m) => m[1]);
}

/**
 * The `method_path` of `aws_api_gateway_method_settings`: the resource path with every `/` as `~1`, the key AWS
 * stores and the provider reads back (`voice/GET` works only one level deep and reads back as a diff).
 */
export function methodSettingsPath(path: string, method: HttpMethod): string {
  return `${path.replaceAll("/", "~1")}/${method}`;
}

/** `GET` -> `Get`, so that ids read `get_voice` in snake case. */
export function methodWord(method: HttpMethod): string {
  return method[0] + method.slice(1).toLowerCase();
}

/** `/sessions/{sessionId}` -> `SessionsSessionId`, `/` -> `Root`: the path part of construct ids. */
export function slug(path: string): string {
  if (path === "/") return "Root";
  return path
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
}
