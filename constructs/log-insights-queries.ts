import { CloudwatchQueryDefinition } from "@cdktf/provider-aws/lib/cloudwatch-query-definition";
import { Construct } from "constructs";
import { MAX_QUERY_LOG_GROUPS } from "./dashboard-widgets";

/**
 * Names of the API access log's JSON fields the queries read. The defaults are the fields of `RestApiStage`'s
 * access log format (constructs/rest-api-stage.ts); a stage logging other names passes its own.
 */
export interface ApiAccessLogFields {
  /** `$context.status`. @default "status" */
  readonly status?: string;
  /** `$context.identity.sourceIp`. @default "ip" */
  readonly ip?: string;
  /** `$context.authorizer.claims.sub` (the Cognito user) or `$context.identity.caller`. @default "user" */
  readonly user?: string;
  /** `$context.httpMethod`. @default "httpMethod" */
  readonly method?: string;
  /** `$context.resourcePath` (the route, `/conversations/{id}`). @default "resourcePath" */
  readonly route?: string;
  /** `$context.responseLatency`, in ms. @default "responseLatency" */
  readonly latency?: string;
  /** `$context.integration.latency`, in ms. @default "integrationLatency" */
  readonly integrationLatency?: string;
  /** `$context.waf.status`. @default "wafStatus" */
  readonly waf?: string;
  /** `$context.identity.userAgent`. @default "userAgent" */
  readonly userAgent?: string;
}

export interface LogInsightsQueriesProps {
  /** Folder of the saved queries in the Logs Insights console (`<folder>/errors/...`), e.g. `voice-assistant-prod`. */
  readonly folder: string;
  /** Log groups of the Lambda functions. */
  readonly functionLogGroupNames: readonly string[];
  /**
   * Log format of the functions: `JSON` (Lambda's structured records, `platform.report`) or `Text` (REPORT lines).
   * @default "JSON" - as ContainerFunction logs
   */
  readonly functionLogFormat?: "JSON" | "Text";
  /** The REST API stage's JSON access log group. */
  readonly apiAccessLogGroupName: string;
  /**
   * Field names of the access log.
   * @default - RestApiStage's access log format
   */
  readonly apiAccessLogFields?: ApiAccessLogFields;
  /**
   * Log groups of other services searched for errors (Step Functions execution logs, ECS tasks).
   * @default - none
   */
  readonly otherLogGroupNames?: readonly string[];
  /**
   * The WAF log group (`aws-waf-logs-...`); adds a query of the blocked requests by rule and client.
   * @default - no WAF query
   */
  readonly wafLogGroupName?: string;
  /**
   * Rows each query returns at most.
   * @default 100
   */
  readonly limit?: number;
}

/** A saved query's name after the folder, and its text. */
interface Query {
  readonly id: string;
  readonly name: string;
  readonly logGroupNames: readonly string[];
  readonly lines: readonly string[];
}

/**
 * The saved CloudWatch Logs Insights queries of seed 002's four log analyses, one `aws_cloudwatch_query_definition`
 * each, in a console folder: errors across every service, performance (Lambda REPORT records, API latency by route),
 * user behaviour (routes, users) and security events (401/403/429 and WAF blocks).
 * Syntax: https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CWL_QuerySyntax.html
 */
export class LogInsightsQueries extends Construct {
  /** The query definitions by id (`errors_by_service`, `lambda_performance`, ...). */
  readonly definitions: Readonly<Record<string, CloudwatchQueryDefinition>>;

  constructor(scope: Construct, id: string, props: LogInsightsQueriesProps) {
    super(scope, id);
    const limit = props.limit ?? 100;
    if (!/^[\w.-]+(\/[\w.-]+)*$/.test(props.folder)) {
      throw new Error(`LogInsightsQueries ${id}: folder "${props.folder}" may only use letters, digits, _ . - and / between parts`);
    }
    if (props.functionLogGroupNames.length === 0) {
      throw new Error(`LogInsightsQueries ${id}: functionLogGroupNames must list at least one log group; every query but the API's reads them`);
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > 10000)
      throw new Error(`LogInsightsQueries ${id}: limit must be a whole number from 1 to 10000`);

    const queries = buildQueries(props, limit);
    const definitions: Record<string, CloudwatchQueryDefinition> = {};
    for (const query of queries) {
      if (query.logGroupNames.length > MAX_QUERY_LOG_GROUPS) {
        throw new Error(
          `LogInsightsQueries ${id}: query ${query.name} would read ${query.logGroupNames.length} log groups; Logs Insights reads at most ${MAX_QUERY_LOG_GROUPS}`,
        );
      }
      definitions[query.id] = new CloudwatchQueryDefinition(this, query.id, {
        name: `${props.folder}/${query.name}`,
        logGroupNames: [...query.logGroupNames],
        queryString: query.lines.join("\n| "),
      });
    }
    this.definitions = definitions;
  }
}

function buildQueries(props: LogInsightsQueriesProps, limit: number): Query[] {
  const f = {
    status: "status",
    ip: "ip",
    user: "user",
    method: "httpMethod",
    route: "resourcePath",
    latency: "responseLatency",
    integrationLatency: "integrationLatency",
    waf: "wafStatus",
    userAgent: "userAgent",
    ...props.apiAccessLogFields,
  };
  const json = (props.functionLogFormat ?? "JSON") === "JSON";
  const functions = props.functionLogGroupNames;
  const api = [props.apiAccessLogGroupName];
  const everything = [...new Set([...functions, ...api, ...(props.otherLogGroupNames ?? [])])];

  const queries: Query[] = [
    {
      id: "errors_by_service",
      name: "errors/by-service",
      logGroupNames: everything,
      lines: [
        `fields @timestamp, @log, @message`,
        // Application errors (a JSON record's level, a text line's keyword), failed invocations (a report that did not
        // succeed, a timeout) and 5XX responses of the API.
        `filter ${json ? `level = "ERROR" or level = "FATAL" or (type = "platform.report" and record.status != "success") or @message like /Task timed out/` : `@message like /(?i)(error|exception|traceback|task timed out)/`} or ${f.status} like /^5\\d\\d$/`,
        `stats count(*) as errors, latest(@message) as lastMessage by @log`,
        `sort errors desc`,
        `limit ${limit}`,
      ],
    },
    {
      id: "lambda_performance",
      name: "performance/lambda-invocations",
      logGroupNames: functions,
      lines: json
        ? [
            `filter type = "platform.report"`,
            `stats count(*) as invocations, avg(record.metrics.durationMs) as avgMs, pct(record.metrics.durationMs, 99) as p99Ms, max(record.metrics.durationMs) as maxMs, sum(record.metrics.billedDurationMs) as billedMs, max(record.metrics.maxMemoryUsedMB) as maxMemoryMB, max(record.metrics.memorySizeMB) as memoryMB, count(record.metrics.initDurationMs) as coldStarts, avg(record.metrics.initDurationMs) as avgInitMs by @log`,
            `sort p99Ms desc`,
            `limit ${limit}`,
          ]
        : [
            `filter @type = "REPORT"`,
            `stats count(*) as invocations, avg(@duration) as avgMs, pct(@duration, 99) as p99Ms, max(@duration) as maxMs, sum(@billedDuration) as billedMs, max(@maxMemoryUsed / 1000 / 1000) as maxMemoryMB, max(@memorySize / 1000 / 1000) as memoryMB, count(@initDuration) as coldStarts, avg(@initDuration) as avgInitMs by @log`,
            `sort p99Ms desc`,
            `limit ${limit}`,
          ],
    },
    {
      id: "api_latency",
      name: "performance/api-latency-by-route",
      logGroupNames: api,
      lines: [
        `filter ispresent(${f.route})`,
        `stats count(*) as requests, avg(${f.latency}) as avgMs, pct(${f.latency}, 90) as p90Ms, pct(${f.latency}, 99) as p99Ms, avg(${f.integrationLatency}) as avgIntegrationMs by ${f.method}, ${f.route}`,
        `sort p99Ms desc`,
        `limit ${limit}`,
      ],
    },
    {
      id: "user_behaviour_routes",
      name: "user-behaviour/routes",
      logGroupNames: api,
      lines: [
        `filter ispresent(${f.route})`,
        `stats count(*) as requests, count_distinct(${f.user}) as users, count_distinct(${f.ip}) as clients by ${f.method}, ${f.route}, ${f.status}`,
        `sort requests desc`,
        `limit ${limit}`,
      ],
    },
    {
      id: "user_behaviour_users",
      name: "user-behaviour/users",
      logGroupNames: api,
      lines: [
        `filter ispresent(${f.user}) and ${f.user} != "-" and ${f.user} != ""`,
        `stats count(*) as requests, count_distinct(${f.route}) as routes, earliest(@timestamp) as firstSeen, latest(@timestamp) as lastSeen, latest(${f.userAgent}) as lastUserAgent by ${f.user}`,
        `sort requests desc`,
        `limit ${limit}`,
      ],
    },
    {
      id: "security_events",
      name: "security/denied-and-throttled",
      logGroupNames: api,
      lines: [
        `fields @timestamp, ${f.ip}, ${f.user}, ${f.method}, ${f.route}, ${f.status}, ${f.waf}`,
        // 401: no or bad token; 403: denied by the authorizer, a resource policy or the WAF (its status says which); 429: throttled.
        `filter ${f.status} like /^(401|403|429)$/`,
        `stats count(*) as events, latest(${f.route}) as lastRoute by ${f.ip}, ${f.status}, ${f.waf}`,
        `sort events desc`,
        `limit ${limit}`,
      ],
    },
  ];
  if (props.wafLogGroupName !== undefined) {
    queries.push({
      id: "security_waf_blocks",
      name: "security/waf-blocks",
      logGroupNames: [props.wafLogGroupName],
      lines: [
        `filter action = "BLOCK"`,
        `stats count(*) as blocked, latest(httpRequest.uri) as lastUri by terminatingRuleId, httpRequest.clientIp, httpRequest.country`,
        `sort blocked desc`,
        `limit ${limit}`,
      ],
    });
  }
  return queries;
}
