import { type ConfigIssue, type CrossFieldRule, whenConfigured } from "../schema";
import { MIN_WEBSOCKET_IDLE_TIMEOUT_SECONDS } from "../sections/edge";
import { duplicatesOf } from "./duplicates";

/** AWS caps load balancer names at 32 characters; ours is `<project>-<env>`. */
const LOAD_BALANCER_NAME_MAX = 32;

export const edgeRules: CrossFieldRule[] = whenConfigured(
  ["edge"],
  [
    (c) =>
      c.edge.https && !c.edge.domain
        ? [{ path: ["edge", "https"], message: "requires edge.domain: the certificate is validated through the domain's hosted zone" }]
        : [],
    (c) =>
      c.environment === "prod" && !c.edge.https
        ? [{ path: ["edge", "https"], message: "must be true in prod: no plaintext HTTP listener may serve traffic" }]
        : [],
    (c) =>
      c.environment === "prod" && !c.edge.deletionProtection ? [{ path: ["edge", "deletionProtection"], message: "must be true in prod" }] : [],
    (c) => {
      if (c.environment !== "prod") return [];
      const rules = c.edge.waf.managedRules;
      const required = ["commonRuleSet", "knownBadInputs", "sqlInjection", "ipReputation"] as const;
      return required
        .filter((rule) => !rules[rule])
        .map((rule): ConfigIssue => ({ path: ["edge", "waf", "managedRules", rule], message: "must be true in prod" }));
    },
    (c) =>
      c.edge.cloudfront.enabled && !c.edge.https
        ? [{ path: ["edge", "cloudfront", "enabled"], message: "requires edge.https: CloudFront reaches the ALB over HTTPS by name" }]
        : [],
    (c) =>
      c.services.some((s) => s.sticky) && c.edge.idleTimeoutSeconds < MIN_WEBSOCKET_IDLE_TIMEOUT_SECONDS
        ? [
            {
              path: ["edge", "idleTimeoutSeconds"],
              message: `must be at least ${MIN_WEBSOCKET_IDLE_TIMEOUT_SECONDS} seconds while a sticky (WebSocket) service exists`,
            },
          ]
        : [],
    (c) =>
      (["largeBodyPaths", "scriptBodyPaths"] as const)
        .filter((field) => c.edge.waf[field].length > 0 && !c.edge.waf.managedRules.commonRuleSet)
        .map((field) => ({
          path: ["edge", "waf", field],
          message: "requires edge.waf.managedRules.commonRuleSet: these paths relax Core Rule Set rules, which are off",
        })),
    (c) =>
      (["largeBodyPaths", "scriptBodyPaths"] as const).flatMap((field) =>
        duplicatesOf(c.edge.waf[field]).map((i) => ({ path: ["edge", "waf", field, i], message: `lists ${c.edge.waf[field][i]} twice` })),
      ),
    (c) => {
      const countries = c.edge.waf.geoBlockCountries;
      return duplicatesOf(countries).map((i) => ({ path: ["edge", "waf", "geoBlockCountries", i], message: `lists ${countries[i]} twice` }));
    },
    (c) => {
      const name = `${c.project}-${c.environment}`;
      return name.length > LOAD_BALANCER_NAME_MAX
        ? [{ path: ["project"], message: `makes the load balancer name "${name}" longer than ${LOAD_BALANCER_NAME_MAX} characters` }]
        : [];
    },
  ],
);
