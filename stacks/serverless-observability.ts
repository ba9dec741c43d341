import type { ITerraformDependable } from "cdktf";
import { COMPONENT_THRESHOLDS, requireThresholds } from "../config/sections/observability";
import { apiAlarms } from "../constructs/api-alarms";
import { containerFunctionAlarms } from "../constructs/container-function-alarms";
import { CostAnomalyDetection } from "../constructs/cost-anomaly-detection";
import { LogInsightsQueries } from "../constructs/log-insights-queries";
import type { AlarmDefinition } from "../constructs/metric-alarm";
import { ServerlessDashboards } from "../constructs/serverless-dashboards";
import { deadLetterQueueAlarms, eventRuleAlarms, stateMachineAlarms } from "../constructs/workflow-alarms";
import type { PlatformStack } from "./platform-stack";

/** The REST API stage of the api stack, as its alarms, dashboards and queries need it. */
export interface ObservedApi {
  /** Name of the REST API (the `ApiName` dimension of its metrics). */
  readonly apiName: string;
  /** The deployed stage (the `Stage` dimension). */
  readonly stageName: string;
  /** The stage's JSON access log group, which the API's Logs Insights queries read. */
  readonly accessLogGroupName: string;
  /**
   * API Gateway's execution log group (`API-Gateway-Execution-Logs_<api id>/<stage>`), searched for errors.
   * @default - not searched
   */
  readonly executionLogGroupName?: string;
  /**
   * The web ACL's `aws-waf-logs-*` log group: adds the query of blocked requests.
   * @default - no WAF query
   */
  readonly wafLogGroupName?: string;
}

/** One zip function of the functions stack (its `DeployedZipFunction` and config name). */
export interface ObservedZipFunction {
  /** Config name (`voice-processing`): names its alarms. */
  readonly name: string;
  /** Physical function name (the `FunctionName` dimension). */
  readonly functionName: string;
  /** The alias callers invoke (`live`); the alarms watch its metrics, not test calls of `$LATEST`. */
  readonly aliasName: string;
  /** `/aws/lambda/<function>`, which the queries and the errors dashboard read. */
  readonly logGroupName: string;
  /** Its asynchronous invocations' dead-letter queue. */
  readonly deadLetterQueueName: string;
}

/** The workflow stack's state machine, event bus and dead-letter queues. */
export interface ObservedWorkflow {
  /** ARN of the state machine (the `StateMachineArn` dimension). */
  readonly stateMachineArn: string;
  /** Its execution log group, searched for errors. */
  readonly logGroupName: string;
  /** Name (not ARN) of the custom event bus the rules are on. */
  readonly eventBusName: string;
  /** Physical rule name by config name. */
  readonly ruleNames: Readonly<Record<string, string>>;
  /** Physical name of every dead-letter queue of the workflow, by a short name for its alarm (`analytics-dlq`). */
  readonly deadLetterQueueNames: Readonly<Record<string, string>>;
}

/** The serverless resources the observability stack watches, beside the ALB, services and data stores. */
export interface ServerlessObservedResources {
  /**
   * The REST API stage: a 5XX alarm, the four serverless dashboards (with `observability.dashboard`) and the saved
   * Logs Insights queries. Requires `zipFunctions`, which serve it.
   * @default - no API alarms, serverless dashboards or queries
   */
  readonly api?: ObservedApi;
  /**
   * The zip functions; each gets errors and throttles alarms on its alias, a p99 duration alarm and a depth alarm
   * on its dead-letter queue. List a function here or in `functions`, not in both.
   * @default - no zip functions
   */
  readonly zipFunctions?: readonly ObservedZipFunction[];
  /**
   * The state machine (failed, timed-out, throttled executions), the event rules (delivery failures) and every
   * dead-letter queue of the workflow (depth).
   * @default - no workflow alarms
   */
  readonly workflow?: ObservedWorkflow;
}

/** What the serverless part reads beside its resources: the container functions and tables also drawn on its dashboards. */
interface Context extends ServerlessObservedResources {
  readonly functions?: readonly { readonly name: string; readonly functionName: string }[];
  readonly tables?: readonly { readonly name: string; readonly tableName: string }[];
}

/** Alarms are named `rest-api-*`, so that they never meet an ECS service's `<service>-5xx` of the same name. */
const API_KEY = "rest-api";

/**
 * Every dead-letter queue, by the short name its alarm and graph line carry (`<queue>-dlq-not-empty`): a function's
 * is `<function>-function`, the workflow's lose their `-dlq` (`analytics`, `analytics-rule`), so that a function's
 * queue and a work queue of the same name stay apart.
 */
function deadLetterQueues({ zipFunctions, workflow }: Context): { name: string; queueName: string }[] {
  return [
    ...(zipFunctions ?? []).map((fn) => ({ name: `${fn.name}-function`, queueName: fn.deadLetterQueueName })),
    ...Object.entries(workflow?.deadLetterQueueNames ?? {}).map(([name, queueName]) => ({ name: name.replace(/-dlq$/, ""), queueName })),
  ];
}

/** Checks the serverless props before any resource is created. */
export function validateServerlessResources(stack: PlatformStack, props: Context): void {
  const id = stack.node.id;
  const zipFunctions = props.zipFunctions ?? [];
  if (props.api !== undefined && zipFunctions.length === 0) {
    throw new Error(`${id}: api is observed with the zip functions that serve it; pass zipFunctions (the functions stack's zipFunctions)`);
  }
  const imageNames = new Set((props.functions ?? []).map((fn) => fn.name));
  const twice = zipFunctions.filter((fn) => imageNames.has(fn.name)).map((fn) => fn.name);
  if (twice.length > 0) {
    throw new Error(`${id}: ${twice.join(", ")} listed in both functions and zipFunctions; pass zip functions in zipFunctions only`);
  }
  // The state machine's alarms and graph lines carry its config name.
  if (props.workflow !== undefined) stack.section("workflow");
}

/**
 * The alarms of the API, the zip functions and the workflow (seed 002: API 5XX > 5 in 5 minutes, Lambda errors > 10
 * in 5 minutes, duration > 10 s; issue 17: Step Functions failures and dead-letter queue depth), for the stack's
 * `AlarmSet`, so they share its topic and its dashboard.
 */
export function serverlessAlarms(stack: PlatformStack, props: Context): AlarmDefinition[] {
  const { thresholds } = stack.section("observability");
  const { countPeriodSeconds, http5xxCount } = thresholds;
  const zipFunctions = props.zipFunctions ?? [];
  const definitions: AlarmDefinition[] = [];
  if (props.api !== undefined) {
    const { apiName, stageName } = props.api;
    definitions.push(...apiAlarms({ name: API_KEY, apiName, stageName, thresholds: { http5xxCount, countPeriodSeconds } }));
  }
  if (zipFunctions.length > 0) {
    const lambda = requireThresholds(thresholds, [...COMPONENT_THRESHOLDS.functions, ...COMPONENT_THRESHOLDS["zip functions"]], stack.node.id);
    for (const fn of zipFunctions) {
      definitions.push(
        ...containerFunctionAlarms({
          name: fn.name,
          functionName: fn.functionName,
          alias: fn.aliasName,
          thresholds: {
            errors: lambda.lambdaErrors,
            throttles: lambda.lambdaThrottles,
            countPeriodSeconds,
            durationMs: lambda.lambdaDurationSeconds * 1000,
          },
        }),
      );
    }
  }
  const { workflow } = props;
  definitions.push(...deadLetterQueueAlarms({ queues: deadLetterQueues(props) }));
  if (workflow !== undefined) {
    const failures = requireThresholds(thresholds, COMPONENT_THRESHOLDS.workflow, stack.node.id).workflowFailures;
    definitions.push(
      ...stateMachineAlarms({
        name: stack.section("workflow").stateMachine.name,
        stateMachineArn: workflow.stateMachineArn,
        thresholds: { failedExecutions: failures, timedOutExecutions: failures, throttledExecutions: failures, countPeriodSeconds },
      }),
    );
    for (const [name, ruleName] of Object.entries(workflow.ruleNames)) {
      definitions.push(
        ...eventRuleAlarms({
          name,
          ruleName,
          eventBusName: workflow.eventBusName,
          thresholds: { failedInvocations: failures, countPeriodSeconds },
        }),
      );
    }
  }
  return definitions;
}

/**
 * With an API: seed 002's four dashboards (overview, performance, usage, errors) when `observability.dashboard` is
 * on, and its saved Logs Insights queries (errors, performance, user behaviour, security events).
 */
export function serverlessViews(stack: PlatformStack, props: Context): void {
  const { api, workflow } = props;
  if (api === undefined) return;
  const zipFunctions = props.zipFunctions ?? [];
  const functionLogGroupNames = zipFunctions.map((fn) => fn.logGroupName);
  if (stack.section("observability").dashboard) {
    new ServerlessDashboards(stack, "dashboards", {
      namePrefix: stack.namePrefix,
      region: stack.config.region,
      api: { name: API_KEY, apiName: api.apiName, stageName: api.stageName },
      functions: [...zipFunctions.map((fn) => ({ name: fn.name, functionName: fn.functionName, alias: fn.aliasName })), ...(props.functions ?? [])],
      tables: props.tables,
      stateMachines: workflow && [{ name: stack.section("workflow").stateMachine.name, stateMachineArn: workflow.stateMachineArn }],
      deadLetterQueues: deadLetterQueues(props),
      errorLogGroupNames: functionLogGroupNames,
    });
  }
  new LogInsightsQueries(stack, "log_queries", {
    folder: stack.namePrefix,
    // ZipFunction logs JSON records (its loggingConfig), which the queries' default expects.
    functionLogGroupNames,
    apiAccessLogGroupName: api.accessLogGroupName,
    otherLogGroupNames: [workflow?.logGroupName, api.executionLogGroupName].filter((name): name is string => name !== undefined),
    wafLogGroupName: api.wafLogGroupName,
  });
}

/**
 * Cost Anomaly Detection when `observability.costAnomaly` is set: a CUSTOM monitor of the costs tagged with the
 * project (the provider's default `project` tag; activate it as a cost allocation tag in the Billing console), whose
 * anomalies go to the alarm topic as they are found. The topic policy must let costalerts.amazonaws.com publish
 * (`costAlertsTopicStatement`); the subscription waits for it.
 */
export function costAnomalyDetection(stack: PlatformStack, topicArn: string, topicPolicy: ITerraformDependable): void {
  const settings = stack.section("observability").costAnomaly;
  if (settings === undefined) return;
  new CostAnomalyDetection(stack, "cost_anomaly", {
    name: `${stack.namePrefix}-costs`,
    costAllocationTag: { key: "project", values: [stack.config.project] },
    impactThresholdUsd: settings.impactThresholdUsd,
    snsTopicArn: topicArn,
    // Cost Explorer is a us-east-1 endpoint.
    provider: stack.usEast1Provider,
    dependsOn: [topicPolicy],
  });
}
