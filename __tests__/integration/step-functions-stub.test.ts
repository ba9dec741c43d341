import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareOffline } from "../../scripts/terraform/offline-plan";
import type { TerraformJson } from "../../scripts/terraform/stack-json";
import { type StepFunctionsStub, startStepFunctionsStub, validateStateMachineDefinition } from "../../scripts/terraform/step-functions-stub";

const FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:voice-processing:live";

/** Two Lambda tasks in a row, as lambdaPipelineDefinition writes them; `edit` breaks it. */
function definition(edit: (states: Record<string, Record<string, unknown>>) => void = () => {}): string {
  const task = { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: FUNCTION_ARN, "Payload.$": "$" } };
  const states: Record<string, Record<string, unknown>> = {
    Transcribe: { ...task, OutputPath: "$.Payload", Next: "Answer" },
    Answer: { ...task, OutputPath: "$.Payload", End: true },
  };
  edit(states);
  return JSON.stringify({ StartAt: "Transcribe", States: states, TimeoutSeconds: 300 });
}

/** The diagnostics of `definition()` with the last state's End removed: it goes nowhere, and nothing ends. */
const NO_NEXT_OR_END = [
  { severity: "ERROR", code: "MISSING_TERMINAL_STATE", message: "State machine fsm1 is missing a terminal state" },
  { severity: "ERROR", code: "TERMINAL_STATE_WITH_NEXT", message: 'State "Answer" MUST contain exactly one of "End", "Next"' },
];

describe("Step Functions stub: ValidateStateMachineDefinition with asl-validator", () => {
  it("passes a valid definition: OK, no diagnostics", () => {
    expect(validateStateMachineDefinition({ definition: definition() })).toEqual({ result: "OK", diagnostics: [], truncated: false });
  });

  it("fails a state with neither Next nor End, naming the state", () => {
    const result = validateStateMachineDefinition({ definition: definition((states) => delete states.Answer.End) });
    expect(result.result).toBe("FAIL");
    expect(result.diagnostics).toEqual(NO_NEXT_OR_END);
  });

  it("fails a transition to a state that does not exist, and a schema error with its location", () => {
    const missing = validateStateMachineDefinition({ definition: definition((states) => (states.Transcribe.Next = "Nowhere")) });
    expect(missing.result).toBe("FAIL");
    expect(missing.diagnostics.map((d) => d.code)).toContain("MISSING_TRANSITION_TARGET");
    const schema = validateStateMachineDefinition({ definition: definition((states) => (states.Answer.Type = "Taks")) });
    expect(schema.result).toBe("FAIL");
    expect(schema.diagnostics[0]).toEqual(
      expect.objectContaining({ code: "SCHEMA_VALIDATION_FAILED", location: expect.stringMatching(/^\/States\/Answer/) }),
    );
  });

  it("fails what is not a definition at all, as AWS names it", () => {
    expect(validateStateMachineDefinition({ definition: "{ not json" }).diagnostics).toEqual([
      expect.objectContaining({ severity: "ERROR", code: "INVALID_JSON_DESCRIPTION" }),
    ]);
    expect(validateStateMachineDefinition({ definition: " " }).diagnostics).toEqual([expect.objectContaining({ code: "MISSING_DESCRIPTION" })]);
    expect(validateStateMachineDefinition({ definition: "[]" }).result).toBe("FAIL");
  });

  it("caps the diagnostics at maxResults and says so", () => {
    const broken = definition((states) => {
      delete states.Transcribe.Next;
      delete states.Answer.End;
    });
    expect(validateStateMachineDefinition({ definition: broken }).diagnostics.length).toBeGreaterThan(1);
    expect(validateStateMachineDefinition({ definition: broken, maxResults: 1 })).toEqual(
      expect.objectContaining({ result: "FAIL", diagnostics: [expect.anything()], truncated: true }),
    );
  });
});

describe("Step Functions stub: the HTTP endpoint the AWS provider calls (AWS JSON 1.0)", () => {
  let stub: StepFunctionsStub;
  beforeAll(async () => {
    stub = await startStepFunctionsStub();
  });
  afterAll(() => stub?.stop());

  const call = async (operation: string, body: object) => {
    const response = await fetch(stub.endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": `AWSStepFunctions.${operation}` },
      body: JSON.stringify(body),
    });
    expect(response.headers.get("content-type")).toBe("application/x-amz-json-1.0");
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it("listens on loopback only", () => {
    expect(stub.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("answers a valid definition with OK and an invalid one with FAIL and the validator's diagnostics", async () => {
    expect(await call("ValidateStateMachineDefinition", { definition: definition(), type: "STANDARD" })).toEqual({
      status: 200,
      body: { result: "OK", diagnostics: [], truncated: false },
    });
    const failed = await call("ValidateStateMachineDefinition", { definition: definition((states) => delete states.Answer.End), type: "STANDARD" });
    expect(failed).toEqual({
      status: 200,
      body: {
        result: "FAIL",
        diagnostics: NO_NEXT_OR_END,
        truncated: false,
      },
    });
  });

  it("refuses every other operation with a 400 that names it (the SDK does not retry a 400)", async () => {
    const { status, body } = await call("DescribeStateMachine", { stateMachineArn: "arn:aws:states:us-east-1:123456789012:stateMachine:x" });
    expect(status).toBe(400);
    expect(body).toEqual({
      __type: "UnsupportedOperation",
      message: expect.stringContaining("answers only ValidateStateMachineDefinition; DescribeStateMachine"),
    });
    expect((await call("ValidateStateMachineDefinition", {})).body).toEqual(expect.objectContaining({ __type: "ValidationException" }));
    expect(stub.operations()).toContain("DescribeStateMachine");
  });
});

describe("Step Functions stub: the offline copy's AWS provider", () => {
  const stack: TerraformJson = {
    terraform: {},
    provider: { aws: [{ region: "us-east-1" }, { region: "us-west-2", alias: "dr" }] },
    resource: { aws_sfn_state_machine: { pipeline: { definition: definition(), role_arn: "arn:aws:iam::123456789012:role/r" } } },
  };

  it("points every AWS provider's sfn endpoint at the stub", () => {
    const offline = prepareOffline({ id: "dev-workflow", json: stack }, { sfn: "http://127.0.0.1:4567" });
    expect(offline.blockers).toEqual([]);
    expect(offline.json.provider!.aws.map((provider: { endpoints?: unknown }) => provider.endpoints)).toEqual([
      [{ sfn: "http://127.0.0.1:4567" }],
      [{ sfn: "http://127.0.0.1:4567" }],
    ]);
  });

  it("without a stub, a state machine cannot be planned offline and says why", () => {
    const offline = prepareOffline({ id: "dev-workflow", json: stack });
    expect(offline.blockers).toEqual([expect.stringMatching(/^aws_sfn_state_machine\.pipeline: .*no local Step Functions endpoint was given/)]);
    expect(offline.json.provider!.aws[0].endpoints).toBeUndefined();
  });
});
