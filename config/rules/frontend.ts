import { type ConfigIssue, type CrossFieldRule, whenConfigured } from "../schema";
import { LOCAL_HOSTS } from "../sections/identity";

/** The sources a CSP directive allows, or undefined when the policy has no such directive. */
function directiveSources(policy: string, directive: string): string[] | undefined {
  const found = policy
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === directive);
  return found?.slice(1);
}

const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).hostname : undefined);

/**
 * What the site's neighbours must agree with: the SPA is served only at `frontend.domain` (without one, at a
 * `*.cloudfront.net` name nobody knows before the distribution exists), so Cognito's redirects and the files
 * bucket's CORS must name that host, and the site's Content-Security-Policy must let the browser call the API.
 */
export const frontendRules: CrossFieldRule[] = whenConfigured(
  ["frontend"],
  [
    (c) => {
      const needs = [c.identity && "identity's callback URLs", c.storage.files?.corsOrigins.length && "storage.files.corsOrigins"].filter(Boolean);
      return !c.frontend.domain && needs.length > 0
        ? [
            {
              path: ["frontend", "domain"],
              message: `is required: ${needs.join(" and ")} must name the site's host, which without a domain is a generated *.cloudfront.net name`,
            },
          ]
        : [];
    },
    (c) => {
      const site = c.frontend.domain?.name;
      if (!site || !c.identity) return [];
      const { callbackUrls, logoutUrls } = c.identity.appClient;
      return [
        ...callbackUrls.map((url, i) => ["callbackUrls", i, url] as const),
        ...logoutUrls.map((url, i) => ["logoutUrls", i, url] as const),
      ].flatMap(([field, i, url]): ConfigIssue[] => {
        const host = hostOf(url);
        return host === site || (host !== undefined && LOCAL_HOSTS.includes(host))
          ? []
          : [{ path: ["identity", "appClient", field, i], message: `points at ${host}, but the site is served at ${site} (frontend.domain)` }];
      });
    },
    (c) => {
      const site = c.frontend.domain?.name;
      if (!site) return [];
      return (c.storage.files?.corsOrigins ?? []).flatMap((origin, i): ConfigIssue[] =>
        hostOf(origin) === site
          ? []
          : [
              {
                path: ["storage", "files", "corsOrigins", i],
                message: `names ${hostOf(origin)}, but the site is served at ${site} (frontend.domain)`,
              },
            ],
      );
    },
    (c) => {
      const api = c.api?.domain?.name;
      if (!api) return [];
      const policy = c.frontend.contentSecurityPolicy;
      const sources = directiveSources(policy, "connect-src") ?? directiveSources(policy, "default-src") ?? [];
      return sources.includes(`https://${api}`) || sources.includes("*")
        ? []
        : [
            {
              path: ["frontend", "contentSecurityPolicy"],
              message: `must allow https://${api} (api.domain) in connect-src, or the browser refuses every call to the API`,
            },
          ];
    },
  ],
);
