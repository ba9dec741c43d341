import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import aslValidator from "asl-validator";

/**
 * The one Step Functions operation the AWS provider calls while terraform plans: since provider 5.67 the CustomizeDiff
 * of `aws_sfn_state_machine` sends every known, changed definition to ValidateStateMachineDefinition and fails the
 * plan with the diagnostics of a `FAIL` result (hashicorp/terraform-provider-aws#39229).
 */
export const VALIDATE_OPERATION = "ValidateStateMachineDefinition";

/** AWS JSON 1.0 target prefix of the Step Functions API (`X-Amz-Target: AWSStepFunctions.<operation>`). */
const TARGET_PREFIX = "AWSStepFunctions.";

/** The API's default and maximum `maxResults`. */
const MAX_DIAGNOSTICS = 100;

/** One entry of the response's `diagnostics` (API type ValidateStateMachineDefinitionDiagnostic). */
export interface DefinitionDiagnostic {
  readonly severity: "ERROR" | "WARNING";
  /** asl-validator's error code (`MISSING_TRANSITION_TARGET`, `SCHEMA_VALIDATION_FAILED`, ...), not always AWS's. */
  readonly code: string;
  readonly message: string;
  /** JSON pointer into the definition (`/States/Save/Next`), where the validator names one. */
  readonly location?: string;
}

/** The response of ValidateStateMachineDefinition. */
export interface DefinitionValidation {
  readonly result: "OK" | "FAIL";
  readonly diagnostics: readonly DefinitionDiagnostic[];
  readonly truncated: boolean;
}

/** An error the stub answers with instead of a result, as AWS JSON 1.0 does (`__type`, `message`, HTTP 400). */
class StubError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Validates an Amazon States Language definition locally with asl-validator (JSON schema of every state type, paths,
 * ARNs, transition targets, terminal states, duplicate state names), in the shape of the API's response: `FAIL` with
 * one ERROR diagnostic per problem, `OK` with none. `maxResults` (1-100, default 100) caps the diagnostics
 * (`truncated`). The state machine `type` (STANDARD or EXPRESS) is not checked against the definition.
 */
export function validateStateMachineDefinition(request: { definition?: unknown; maxResults?: unknown }): DefinitionValidation {
  if (typeof request.definition !== "string") {
    throw new StubError(
      "ValidationException",
      "1 validation error detected: Value null at 'definition' failed to satisfy constraint: Member must not be null",
    );
  }
  const diagnostics = definitionErrors(request.definition);
  const limit =
    typeof request.maxResults === "number" && request.maxResults >= 1 && request.maxResults <= MAX_DIAGNOSTICS ? request.maxResults : MAX_DIAGNOSTICS;
  return { result: diagnostics.length > 0 ? "FAIL" : "OK", diagnostics: diagnostics.slice(0, limit), truncated: diagnostics.length > limit };
}

function definitionErrors(definition: string): DefinitionDiagnostic[] {
  const error = (code: string, message: string, location?: string): DefinitionDiagnostic => ({
    severity: "ERROR",
    code,
    message,
    ...(location ? { location } : {}),
  });
  if (definition.trim() === "") return [error("MISSING_DESCRIPTION", "The definition is empty.")];
  let parsed: unknown;
  try {
    parsed = JSON.parse(definition);
  } catch (cause) {
    return [error("INVALID_JSON_DESCRIPTION", `The definition is not valid JSON: ${(cause as Error).message}`)];
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return [error("SCHEMA_VALIDATION_FAILED", "The definition must be a JSON object with StartAt and States.")];
  }
  try {
    const { errors } = aslValidator(parsed, { checkPaths: true, checkArn: true });
    return errors.map((entry) => error(entry["Error code"], entry.Message, entry.schemaError?.instancePath));
  } catch (cause) {
    // A validator that cannot read the definition never passes it.
    return [error("SCHEMA_VALIDATION_FAILED", `asl-validator could not check the definition: ${(cause as Error).message}`)];
  }
}

/** The local Step Functions endpoint of an offline plan. */
export interface StepFunctionsStub {
  /** `http://127.0.0.1:<port>`: the AWS provider's `endpoints { sfn = ... }`. */
  readonly endpoint: string;
  /** Every operation asked for so far, in order (`ValidateStateMachineDefinition`, or whatever else was sent). */
  operations(): readonly string[];
  stop(): Promise<void>;
}

/**
 * Starts the stub on a loopback port picked at run time. It answers ValidateStateMachineDefinition (AWS JSON 1.0,
 * `X-Amz-Target: AWSStepFunctions.ValidateStateMachineDefinition`) with `validateStateMachineDefinition`, and every
 * other operation with a 400 `UnsupportedOperation` error that names it: the SDK does not retry a 400, so a plan that
 * needs more of Step Functions fails at once with that message. Signatures are not checked (the keys are fake).
 */
export async function startStepFunctionsStub(): Promise<StepFunctionsStub> {
  const operations: string[] = [];
  const server = createServer((request, response) => {
    readBody(request).then(
      (body) => answer(request, body, response, operations),
      (cause: Error) => send(response, 400, { __type: "SerializationException", message: cause.message }),
    );
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(0, "127.0.0.1", () => resolve()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    operations: () => [...operations],
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The SDK keeps its connections alive; a stopped stub drops them rather than wait for them.
        server.closeAllConnections();
      }),
  };
}

function answer(request: IncomingMessage, body: string, response: ServerResponse, operations: string[]): void {
  const target = String(request.headers["x-amz-target"] ?? "");
  const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
  operations.push(operation || `${request.method} ${request.url}`);
  if (request.method !== "POST" || !target.startsWith(TARGET_PREFIX)) {
    send(response, 400, {
      __type: "UnknownOperationException",
      message: `not a Step Functions JSON 1.0 call: ${request.method} ${request.url} ${target}`,
    });
    return;
  }
  if (operation !== VALIDATE_OPERATION) {
    send(response, 400, {
      __type: "UnsupportedOperation",
      message: `the offline plan's Step Functions stub (scripts/terraform/step-functions-stub.ts) answers only ${VALIDATE_OPERATION}; ${operation} would need AWS`,
    });
    return;
  }
  try {
    const input = body.trim() === "" ? {} : (JSON.parse(body) as Record<string, unknown>);
    send(response, 200, validateStateMachineDefinition(input));
  } catch (cause) {
    if (cause instanceof StubError) send(response, 400, { __type: cause.type, message: cause.message });
    else send(response, 400, { __type: "SerializationException", message: (cause as Error).message });
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

let requestCount = 0;

function send(response: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "Content-Type": "application/x-amz-json-1.0",
    "Content-Length": Buffer.byteLength(text),
    "x-amzn-RequestId": `offline-plan-sfn-${++requestCount}`,
  });
  response.end(text);
}
