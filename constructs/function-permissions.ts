import { Token } from "cdktf";
import type { PolicyStatement } from "./iam-policy";

/** Bedrock model a function may invoke. */
export interface BedrockModelAccess {
  /** Foundation model, `arn:aws:bedrock:<region>::foundation-model/<model id>` (e.g. `anthropic.claude-3-haiku-20240307-v1:0`). */
  readonly modelArn: string;
  /**
   * System-defined cross-region inference profile the function calls instead of the model, for models Bedrock serves
   * on demand only through one (Claude 3.5 Haiku, Claude Haiku 4.5; Claude 3 Haiku needs none):
   * `arn:aws:bedrock:<region>:<account>:inference-profile/<geo>.<model id>`. The role may then invoke the model in
   * any region the profile routes to, but only through this profile.
   * @default - the model is invoked directly, in its region
   */
  readonly inferenceProfileArn?: string;
}

/** An SQS queue a function sends to, with the CMK that encrypts it. */
export interface QueueAccess {
  readonly arn: string;
  /** CMK of the queue; a sender needs kms:GenerateDataKey on it. */
  readonly kmsKeyArn: string;
}

/** The AWS APIs a function calls, each scoped to one named resource where the service allows. */
export interface FunctionPermissions {
  /**
   * Bedrock model the function invokes (InvokeModel, Converse and their streaming forms).
   * @default - none
   */
  readonly bedrock?: BedrockModelAccess;
  /**
   * Lex V2 bot alias, `arn:aws:lex:<region>:<account>:bot-alias/<bot id>/<alias id>`, the function sends text and speech to.
   * @default - none
   */
  readonly lexBotAliasArn?: string;
  /**
   * Whether the function calls Polly SynthesizeSpeech (granted on `*`: see `pollyStatement`).
   * @default false
   */
  readonly synthesizeSpeech?: boolean;
  /**
   * Queues the function sends messages to.
   * @default - none
   */
  readonly sendsToQueues?: readonly QueueAccess[];
  /**
   * EventBridge bus, `arn:aws:events:<region>:<account>:event-bus/<name>`, the function puts events on.
   * @default - none
   */
  readonly eventBusArn?: string;
  /**
   * Step Functions state machine, `arn:aws:states:<region>:<account>:stateMachine:<name>`, the function starts executions of.
   * @default - none
   */
  readonly stateMachineArn?: string;
  /**
   * CMK of that state machine: StartExecution encrypts the input with it under the caller's permissions, so without
   * a grant every start is denied. Required with `stateMachineArn`.
   * @default - none
   */
  readonly stateMachineKeyArn?: string;
  /**
   * Secrets Manager secrets the function reads (GetSecretValue), with the CMK that encrypts them.
   * @default - none
   */
  readonly readsSecrets?: { readonly arns: readonly string[]; readonly kmsKeyArn: string };
  /**
   * Parameter Store path prefix (`/<project>/<env>/`) whose parameters the function reads, with the CMK of its
   * SecureStrings.
   * @default - none
   */
  readonly readsParameters?: { readonly path: string; readonly kmsKeyArn?: string };
}

const FOUNDATION_MODEL = /^arn:aws[a-z-]*:bedrock:([a-z0-9-]+)::foundation-model\/([A-Za-z0-9.:_-]+)$/;
const INFERENCE_PROFILE = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]+:\d{12}:inference-profile\/(?:[a-z]+)\.([A-Za-z0-9.:_-]+)$/;
const LEX_BOT_ALIAS = /^arn:aws[a-z-]*:lex:[a-z0-9-]+:\d{12}:bot-alias\/[A-Z0-9]{10}\/[A-Z0-9]{10}$/;
const EVENT_BUS = /^arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:event-bus\/[A-Za-z0-9._/-]+$/;
const STATE_MACHINE = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[A-Za-z0-9_-]+$/;
const BEDROCK_INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];

/**
 * Polly SynthesizeSpeech authorizes against no resource but the pronunciation lexicons a request names, so a call
 * without lexicons matches only `"Resource": "*"` (Service Authorization Reference, Amazon Polly). The statement
 * grants that one action and nothing else of Polly: no lexicon management, no asynchronous tasks writing to S3.
 */
export function pollyStatement(): PolicyStatement {
  return { sid: "SynthesizeSpeechNoResourceLevelPermissions", actions: ["polly:SynthesizeSpeech"], resources: ["*"] };
}

function check(owner: string, field: string, value: string | undefined, pattern: RegExp, shape: string): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  if (!pattern.test(value)) throw new Error(`${owner}: ${field} "${value}" must be ${shape}`);
}

function bedrockStatements(owner: string, access: BedrockModelAccess): PolicyStatement[] {
  const { modelArn, inferenceProfileArn } = access;
  check(owner, "bedrock.modelArn", modelArn, FOUNDATION_MODEL, "arn:aws:bedrock:<region>::foundation-model/<model id>");
  check(
    owner,
    "bedrock.inferenceProfileArn",
    inferenceProfileArn,
    INFERENCE_PROFILE,
    "arn:aws:bedrock:<region>:<account>:inference-profile/<geo>.<model id>",
  );
  if (!inferenceProfileArn) return [{ sid: "InvokeConfiguredModel", actions: BEDROCK_INVOKE, resources: [modelArn] }];
  const model = FOUNDATION_MODEL.exec(modelArn);
  const profileModel = INFERENCE_PROFILE.exec(inferenceProfileArn);
  if (model && profileModel && model[2] !== profileModel[1]) {
    throw new Error(`${owner}: bedrock.inferenceProfileArn routes to ${profileModel[1]}, not to bedrock.modelArn's ${model[2]}`);
  }
  return [
    { sid: "InvokeThroughInferenceProfile", actions: BEDROCK_INVOKE, resources: [inferenceProfileArn] },
    {
      // The profile sends each request to the model in one of its destination regions, and Bedrock checks the
      // caller's permission there too; the condition keeps the model out of reach except through this profile.
      sid: "InvokeProfileModelInItsRegions",
      actions: BEDROCK_INVOKE,
      resources: [model ? modelArn.replace(`:bedrock:${model[1]}::`, ":bedrock:*::") : modelArn],
      conditions: { StringEquals: { "bedrock:InferenceProfileArn": inferenceProfileArn } },
    },
  ];
}

/** Least-privilege statements for what a function calls; `owner` names the construct in validation errors. */
export function functionPermissionStatements(owner: string, permissions: FunctionPermissions, region: string, accountId: string): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  if (permissions.bedrock) statements.push(...bedrockStatements(owner, permissions.bedrock));
  if (permissions.lexBotAliasArn) {
    check(owner, "lexBotAliasArn", permissions.lexBotAliasArn, LEX_BOT_ALIAS, "arn:aws:lex:<region>:<account>:bot-alias/<bot id>/<alias id>");
    statements.push({
      sid: "TalkToConfiguredBot",
      actions: ["lex:RecognizeText", "lex:RecognizeUtterance"],
      resources: [permissions.lexBotAliasArn],
    });
  }
  if (permissions.synthesizeSpeech) statements.push(pollyStatement());
  const queues = permissions.sendsToQueues ?? [];
  if (queues.length > 0) {
    statements.push(
      { sid: "SendToQueues", actions: ["sqs:SendMessage"], resources: queues.map((q) => q.arn) },
      {
        // SQS asks KMS for a data key with the sender's permissions.
        sid: "EncryptMessagesThroughSqs",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: [...new Set(queues.map((q) => q.kmsKeyArn))],
        conditions: { StringEquals: { "kms:ViaService": `sqs.${region}.amazonaws.com` } },
      },
    );
  }
  if (permissions.eventBusArn) {
    check(owner, "eventBusArn", permissions.eventBusArn, EVENT_BUS, "arn:aws:events:<region>:<account>:event-bus/<name>");
    statements.push({ sid: "PutEventsOnBus", actions: ["events:PutEvents"], resources: [permissions.eventBusArn] });
  }
  if (permissions.stateMachineArn) {
    check(owner, "stateMachineArn", permissions.stateMachineArn, STATE_MACHINE, "arn:aws:states:<region>:<account>:stateMachine:<name>");
    if (!permissions.stateMachineKeyArn)
      throw new Error(`${owner}: stateMachineKeyArn is required with stateMachineArn (StartExecution encrypts the input)`);
    statements.push(
      { sid: "StartWorkflow", actions: ["states:StartExecution"], resources: [permissions.stateMachineArn] },
      {
        sid: "EncryptWorkflowInput",
        actions: ["kms:GenerateDataKey", "kms:Decrypt"],
        resources: [permissions.stateMachineKeyArn],
        conditions: { StringEquals: { "kms:EncryptionContext:aws:states:stateMachineArn": permissions.stateMachineArn } },
      },
    );
  }
  const secrets = permissions.readsSecrets;
  if (secrets && secrets.arns.length > 0) {
    statements.push(
      { sid: "ReadGrantedSecrets", actions: ["secretsmanager:GetSecretValue"], resources: [...secrets.arns] },
      {
        sid: "DecryptSecretsThroughSecretsManager",
        actions: ["kms:Decrypt"],
        resources: [secrets.kmsKeyArn],
        conditions: { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } },
      },
    );
  }
  const parameters = permissions.readsParameters;
  if (parameters) {
    if (!/^\/[A-Za-z0-9_./-]+\/$/.test(parameters.path))
      throw new Error(`${owner}: readsParameters.path "${parameters.path}" must start and end with /`);
    statements.push({
      sid: "ReadParametersUnderPath",
      actions: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
      // The path itself (GetParametersByPath authorizes on it) and every parameter below it.
      resources: [
        `arn:aws:ssm:${region}:${accountId}:parameter${parameters.path.slice(0, -1)}`,
        `arn:aws:ssm:${region}:${accountId}:parameter${parameters.path}*`,
      ],
    });
    if (parameters.kmsKeyArn) {
      statements.push({
        sid: "DecryptSecureStringsThroughSsm",
        actions: ["kms:Decrypt"],
        resources: [parameters.kmsKeyArn],
        conditions: { StringEquals: { "kms:ViaService": `ssm.${region}.amazonaws.com` } },
      });
    }
  }
  return statements;
}
