import type { StateDefinition, StatesDefinition } from "./state-machine";

/** One step of a pipeline: a Lambda function (or alias) that gets the previous step's result. */
export interface LambdaPipelineStep {
  /** State name (1-80 characters), unique in the pipeline: the config name of the function reads best. */
  readonly name: string;
  /** ARN of what the step invokes; an alias ARN runs the version its deployment has shifted to. */
  readonly functionArn: string;
}

export interface LambdaPipelineProps {
  /** Steps in order (at least one); each receives the previous one's payload. */
  readonly steps: readonly LambdaPipelineStep[];
  /** Seconds after which an execution fails (States.Timeout), whatever step it is in. */
  readonly timeoutSeconds: number;
  /**
   * What the Comment of the definition says.
   * @default - none
   */
  readonly comment?: string;
  /**
   * Name of the Fail state every step's Catch leads to.
   * @default "PipelineFailed"
   */
  readonly failStateName?: string;
}

/**
 * Errors of the Lambda service itself (not of the function's code), which AWS recommends retrying on every Lambda
 * task: a retry usually succeeds, and without one a throttle fails the whole execution.
 * https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html
 */
export const LAMBDA_TRANSIENT_ERRORS = [
  "Lambda.ServiceException",
  "Lambda.AWSLambdaException",
  "Lambda.SdkClientException",
  "Lambda.TooManyRequestsException",
] as const;

/**
 * Backoff of those retries: 2, 4, 8 s, with full jitter so executions throttled together do not retry together.
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
 */
export const LAMBDA_RETRY = { IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2, JitterStrategy: "FULL" } as const;

/**
 * A sequential Amazon States Language definition: one Lambda Task per step (optimized `lambda:invoke` integration,
 * payload in, payload out), each retrying the Lambda service's transient errors with backoff and catching everything
 * else into one Fail state that keeps the step's error and cause, so the execution's failure names the real error.
 */
export function lambdaPipelineDefinition(props: LambdaPipelineProps): StatesDefinition {
  const failState = props.failStateName ?? "PipelineFailed";
  if (props.steps.length === 0) throw new Error("lambdaPipelineDefinition: steps is empty; a pipeline needs at least one step");
  if (!Number.isInteger(props.timeoutSeconds) || props.timeoutSeconds < 1) {
    throw new Error(`lambdaPipelineDefinition: timeoutSeconds ${props.timeoutSeconds} must be a positive whole number of seconds`);
  }
  const names = new Set<string>([failState]);
  for (const step of props.steps) {
    if (step.name.length < 1 || step.name.length > 80) throw new Error(`lambdaPipelineDefinition: step name "${step.name}" must be 1-80 characters`);
    if (names.has(step.name)) throw new Error(`lambdaPipelineDefinition: step name "${step.name}" is used twice (or is the Fail state's name)`);
    names.add(step.name);
  }

  const states: Record<string, StateDefinition> = {};
  props.steps.forEach((step, i) => {
    const next = props.steps[i + 1];
    states[step.name] = {
      Type: "Task",
      Resource: "arn:aws:states:::lambda:invoke",
      Parameters: { FunctionName: step.functionArn, "Payload.$": "$" },
      // The integration wraps the function's result in status code and headers; the next step wants the result.
      OutputPath: "$.Payload",
      Retry: [{ ErrorEquals: [...LAMBDA_TRANSIENT_ERRORS], ...LAMBDA_RETRY }],
      // Without a ResultPath the state's output is the error object ({ Error, Cause }), which the Fail state reads.
      Catch: [{ ErrorEquals: ["States.ALL"], Next: failState }],
      ...(next ? { Next: next.name } : { End: true }),
    };
  });
  states[failState] = { Type: "Fail", ErrorPath: "$.Error", CausePath: "$.Cause" };

  return {
    ...(props.comment ? { Comment: props.comment } : {}),
    StartAt: props.steps[0].name,
    States: states,
    TimeoutSeconds: props.timeoutSeconds,
  };
}
