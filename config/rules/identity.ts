import type { ConfigIssue, CrossFieldRule } from "../schema";
import { LOCAL_HOSTS, MINUTES_PER_DAY } from "../sections/identity";

export const identityRules: CrossFieldRule[] = [
  (c) =>
    c.environment === "prod" && c.identity && !c.identity.email
      ? [
          {
            path: ["identity", "email"],
            message: "is required in prod: Cognito's own sender stops after 50 e-mails a day, and sign-up codes and password resets stop with it",
          },
        ]
      : [],
  (c) => {
    // One SES identity per domain and account: the messaging stack's is edge.domain.
    const email = c.identity?.email;
    return email && c.messaging?.ses.enabled && c.edge?.domain?.name === email.domain.name
      ? [
          {
            path: ["identity", "email", "domain", "name"],
            message: `is the domain the messaging stack's SES identity already verifies (edge.domain); send from a subdomain such as auth.${email.domain.name}`,
          },
        ]
      : [];
  },
  (c) => {
    const email = c.identity?.email;
    if (!email || email.fromAddress.toLowerCase().endsWith(`@${email.domain.name}`)) return [];
    return [{ path: ["identity", "email", "fromAddress"], message: `must be an address on ${email.domain.name}, the domain SES verifies` }];
  },
  (c) => (c.environment === "prod" && c.identity?.mfa === "OFF" ? [{ path: ["identity", "mfa"], message: "must be OPTIONAL or ON in prod" }] : []),
  (c) =>
    c.environment === "prod" && c.identity && !c.identity.deletionProtection
      ? [{ path: ["identity", "deletionProtection"], message: "must be true in prod: deleting the pool deletes every user" }]
      : [],
  (c) => {
    if (c.environment !== "prod" || !c.identity) return [];
    const { callbackUrls, logoutUrls } = c.identity.appClient;
    const local = (list: readonly string[], field: string) =>
      list.flatMap((url, i): ConfigIssue[] =>
        URL.canParse(url) && LOCAL_HOSTS.includes(new URL(url).hostname)
          ? [{ path: ["identity", "appClient", field, i], message: "must not point at localhost in prod" }]
          : [],
      );
    return [...local(callbackUrls, "callbackUrls"), ...local(logoutUrls, "logoutUrls")];
  },
  (c) => {
    if (!c.identity) return [];
    const client = c.identity.appClient;
    const refreshMinutes = client.refreshTokenValidityDays * MINUTES_PER_DAY;
    return (["accessTokenValidityMinutes", "idTokenValidityMinutes"] as const).flatMap((field): ConfigIssue[] =>
      client[field] >= refreshMinutes
        ? [
            {
              path: ["identity", "appClient", field],
              message: `must be shorter than the refresh token validity (${client.refreshTokenValidityDays} days), or refreshing never extends a session`,
            },
          ]
        : [],
    );
  },
  (c) =>
    c.identity?.appClient.scopes.some((s) => s !== "openid" && s !== "aws.cognito.signin.user.admin") &&
    !c.identity.appClient.scopes.includes("openid")
      ? [{ path: ["identity", "appClient", "scopes"], message: "must include openid when requesting email, profile or phone" }]
      : [],
];
