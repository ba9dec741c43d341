import { type ConfigIssue, type CrossFieldRule, whenConfigured } from "../schema";
import { isZipFunction } from "../sections/functions";

export const apiRules: CrossFieldRule[] = whenConfigured(
  ["api"],
  [
    (c) => {
      const zipFunctions = (c.functions ?? []).filter(isZipFunction).map((f) => f.name);
      return c.api.routes.flatMap((route, i): ConfigIssue[] =>
        zipFunctions.includes(route.function)
          ? []
          : [{ path: ["api", "routes", i, "function"], message: `names no zip function (${zipFunctions.join(", ")})` }],
      );
    },
    (c) =>
      c.api.routes.flatMap((route, i): ConfigIssue[] => {
        const path = ["api", "routes", i];
        if (route.cached && !c.api.cache) return [{ path: [...path, "cached"], message: "requires api.cache" }];
        if (route.cached && !route.methods.includes("GET"))
          return [{ path: [...path, "cached"], message: "caches GET responses only, and the route has no GET" }];
        if (route.cacheKeyQueryStrings.length > 0 && !route.cached)
          return [{ path: [...path, "cacheKeyQueryStrings"], message: "has no effect unless cached is true" }];
        return [];
      }),
    (c) => {
      const publicRoutes = c.api.routes.map((r, i) => ({ r, i })).filter(({ r }) => r.public && !/\/health$/.test(r.path));
      return publicRoutes.map(({ i }) => ({
        path: ["api", "routes", i, "public"],
        message: "is allowed only on a /health route: every other route needs a Cognito token",
      }));
    },
    (c) =>
      c.environment === "prod" && !c.api.waf ? [{ path: ["api", "waf"], message: "is required in prod: no public API without a web ACL" }] : [],
    (c) =>
      c.api.routes.flatMap((route, i) =>
        c.api.routes.findIndex((other) => other.path === route.path) !== i
          ? [{ path: ["api", "routes", i, "path"], message: `lists ${route.path} twice; put its methods in one route` }]
          : [],
      ),
  ],
);
