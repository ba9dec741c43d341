import { describe, expect, it } from "vitest";
import { LogInsightsQueries, type LogInsightsQueriesProps } from "../../constructs/log-insights-queries";
import { synthScope } from "../support/test-app";

const base: LogInsightsQueriesProps = {
  folder: "voice-assistant-prod",
  functionLogGroupNames: ["/aws/lambda/voice-assistant-prod-voice-handler", "/aws/lambda/voice-assistant-prod-llm"],
  apiAccessLogGroupName: "/aws/apigateway/voice-assistant-prod-api/access",
};

/** The saved queries by name, as synthesized. */
function queries(props: Partial<LogInsightsQueriesProps> = {}): Record<string, { query_string: string; log_group_names: string[] }> {
  const json = JSON.parse(synthScope((scope) => new LogInsightsQueries(scope, "queries", { ...base, ...props })));
  return Object.fromEntries(Object.values(json.resource.aws_cloudwatch_query_definition).map((q: any) => [q.name, q]));
}

/** Logs Insights commands a saved query may use (CWL_QuerySyntax). */
const COMMANDS = /^(fields|filter|stats|sort|limit|parse|display|dedup) /;

/** A light syntax check: known commands joined by pipes, balanced parentheses, closed quotes and regexes. */
function expectWellFormed(name: string, query: string): void {
  const commands = query.split("\n| ");
  for (const command of commands) expect(command, `${name}: ${command}`).toMatch(COMMANDS);
  const withoutRegexes = query.replace(/\/[^/\n]*\//g, "");
  expect((withoutRegexes.match(/"/g) ?? []).length % 2, `${name}: unclosed quote`).toBe(0);
  let depth = 0;
  for (const ch of withoutRegexes) {
    depth += ch === "(" ? 1 : ch === ")" ? -1 : 0;
    expect(depth, `${name}: unbalanced parentheses`).toBeGreaterThanOrEqual(0);
  }
  expect(depth, `${name}: unbalanced parentheses`).toBe(0);
  expect(commands.at(-1), `${name}: ends with its limit`).toBe("limit 100");
}

describe("LogInsightsQueries", () => {
  it("saves the four analyses in the folder, each on the log groups it reads", () => {
    const saved = queries({
      otherLogGroupNames: ["/aws/vendedlogs/states/voice-assistant-prod-conversation"],
      wafLogGroupName: "aws-waf-logs-voice-assistant-prod",
    });
    expect(Object.keys(saved).sort()).toEqual(
      [
        "errors/by-service",
        "performance/api-latency-by-route",
        "performance/lambda-invocations",
        "security/denied-and-throttled",
        "security/waf-blocks",
        "user-behaviour/routes",
        "user-behaviour/users",
      ].map((name) => `voice-assistant-prod/${name}`),
    );
    expect(saved["voice-assistant-prod/errors/by-service"].log_group_names).toEqual([
      ...base.functionLogGroupNames,
      base.apiAccessLogGroupName,
      "/aws/vendedlogs/states/voice-assistant-prod-conversation",
    ]);
    expect(saved["voice-assistant-prod/performance/lambda-invocations"].log_group_names).toEqual(base.functionLogGroupNames);
    expect(saved["voice-assistant-prod/security/denied-and-throttled"].log_group_names).toEqual([base.apiAccessLogGroupName]);
    expect(saved["voice-assistant-prod/security/waf-blocks"].log_group_names).toEqual(["aws-waf-logs-voice-assistant-prod"]);
    for (const [name, q] of Object.entries(saved)) expectWellFormed(name, q.query_string);
  });

  it("reads Lambda's JSON platform.report records by default and REPORT lines for text logs", () => {
    const json = queries()["voice-assistant-prod/performance/lambda-invocations"].query_string;
    expect(json).toContain('filter type = "platform.report"');
    for (const metric of ["durationMs", "billedDurationMs", "maxMemoryUsedMB", "initDurationMs"]) expect(json).toContain(`record.metrics.${metric}`);
    const text = queries({ functionLogFormat: "Text" })["voice-assistant-prod/performance/lambda-invocations"].query_string;
    expect(text).toContain('filter @type = "REPORT"');
    for (const field of ["@duration", "@billedDuration", "@maxMemoryUsed", "@initDuration"]) expect(text).toContain(field);
    expectWellFormed("text", text);
  });

  it("finds errors in every service: error levels, failed invocations, timeouts and 5XX responses", () => {
    const q = queries()["voice-assistant-prod/errors/by-service"].query_string;
    expect(q).toContain('level = "ERROR"');
    expect(q).toContain('record.status != "success"');
    expect(q).toContain("/Task timed out/");
    expect(q).toContain("status like /^5\\d\\d$/");
    expect(q).toContain("stats count(*) as errors, latest(@message) as lastMessage by @log");
  });

  it("reports 401, 403 and 429 responses by client with the WAF status, and user behaviour by route and by user", () => {
    const saved = queries();
    expect(saved["voice-assistant-prod/security/denied-and-throttled"].query_string).toContain("filter status like /^(401|403|429)$/");
    expect(saved["voice-assistant-prod/security/denied-and-throttled"].query_string).toContain("by ip, status, wafStatus");
    expect(saved["voice-assistant-prod/user-behaviour/routes"].query_string).toContain("count_distinct(user) as users");
    expect(saved["voice-assistant-prod/user-behaviour/users"].query_string).toContain("by user");
    expect(saved["voice-assistant-prod/security/waf-blocks"]).toBeUndefined();
  });

  it("reads the access log fields it is told to", () => {
    const q = queries({ apiAccessLogFields: { user: "caller", route: "routeKey" } })["voice-assistant-prod/user-behaviour/routes"].query_string;
    expect(q).toContain("count_distinct(caller) as users");
    expect(q).toContain("by httpMethod, routeKey, status");
  });

  it.each([
    ["no function log group", { functionLogGroupNames: [] }, /functionLogGroupNames must list at least one log group/],
    ["a folder with spaces", { folder: "voice assistant" }, /folder "voice assistant" may only use/],
    ["a limit above 10000", { limit: 20000 }, /limit must be a whole number from 1 to 10000/],
    [
      "more than 50 log groups in one query",
      { functionLogGroupNames: Array.from({ length: 50 }, (_, i) => `/aws/lambda/f${i}`) },
      /query errors\/by-service would read 51 log groups; Logs Insights reads at most 50/,
    ],
  ] as const)("rejects %s", (_name, override, message) => {
    expect(() => queries(override as Partial<LogInsightsQueriesProps>)).toThrow(message);
  });
});
