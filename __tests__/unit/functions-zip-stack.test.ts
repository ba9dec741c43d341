import { describe, expect, it } from "vitest";
import { remoteOutputRef } from "../support/remote-state";
import { resourcesOf, synthBlueprintEnvironment } from "../support/synth";
import { type PolicyStatementJson as Statement, asList } from "../support/policy";

describe.each(["dev", "prod"])("%s voice-assistant functions stack (zip functions)", (env) => {
  const synth = synthBlueprintEnvironment("voice-assistant", env);
  const stack = synth.stack("functions");
  const functions = resourcesOf(stack, "aws_lambda_function");
  const statementsOf = (name: string): Statement[] =>
    JSON.parse(
      Object.values(resourcesOf(stack, "aws_iam_role_policy")).find(
        (p) => String(p.name) === `voice-assistant-${env}-${name}-lambda` || String(p.role).includes(name.replace(/-/g, "_")),
      )!.policy,
    ).Statement;

  it("runs every seed 002 function from its package in the storage stack's artifacts bucket, pinned to the object version read at plan time", () => {
    expect(
      Object.values(functions)
        .map((f) => f.function_name)
        .sort(),
    ).toEqual(
      ["intent-analysis", "llm-integration", "music", "response-generation", "voice-processing", "weather"].map((n) => `voice-assistant-${env}-${n}`),
    );
    for (const [id, fn] of Object.entries(functions)) {
      const artifact = stack.json.data?.aws_s3_object?.[`${id}_artifact`] as Record<string, string>;
      expect(remoteOutputRef(synth, artifact.bucket)).toEqual({ stack: "storage", value: "${aws_s3_bucket.artifacts_bucket.bucket}" });
      expect(fn.s3_object_version).toBe(`\${data.aws_s3_object.${id}_artifact.version_id}`);
      expect(fn).toMatchObject({ runtime: "python3.12", architectures: ["arm64"], publish: true, tracing_config: { mode: "Active" } });
      expect(remoteOutputRef(synth, fn.kms_key_arn)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.functions_key.arn}" });
      expect(fn.dead_letter_config.target_arn).toMatch(/^\$\{aws_sqs_queue\./);
      expect(fn.reserved_concurrent_executions).toBe(env === "prod" ? 100 : 10);
    }
  });

  it("puts a live alias on every function that Terraform leaves to CodeDeploy, with a canary in prod", () => {
    const aliases = Object.values(resourcesOf(stack, "aws_lambda_alias"));
    expect(aliases).toHaveLength(6);
    for (const alias of aliases) {
      expect(alias.name).toBe("live");
      expect(alias.lifecycle.ignore_changes).toEqual(expect.arrayContaining(["function_version", "routing_config"]));
    }
    const groups = Object.values(resourcesOf(stack, "aws_codedeploy_deployment_group"));
    expect(new Set(groups.map((g) => g.deployment_config_name))).toEqual(
      new Set([env === "prod" ? "CodeDeployDefault.LambdaCanary10Percent5Minutes" : "CodeDeployDefault.LambdaAllAtOnce"]),
    );
    for (const group of groups) {
      expect(group.auto_rollback_configuration).toEqual({
        enabled: true,
        events: expect.arrayContaining(["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"]),
      });
      expect(group.alarm_configuration.enabled).toBe(true);
    }
  });

  it("keeps warm environments only for prod's critical functions", () => {
    const provisioned = Object.values(resourcesOf(stack, "aws_lambda_provisioned_concurrency_config"));
    expect(provisioned.map((p) => p.function_name).sort()).toEqual(
      env === "prod" ? ["${aws_lambda_function.llm_integration.function_name}", "${aws_lambda_function.voice_processing.function_name}"] : [],
    );
  });

  it("lets only llm-integration invoke Bedrock, on Claude Haiku alone", () => {
    for (const name of ["voice-processing", "intent-analysis", "llm-integration", "music", "weather", "response-generation"]) {
      const bedrock = statementsOf(name).filter((s) => asList(s.Action).some((a) => a.startsWith("bedrock:")));
      if (name !== "llm-integration") {
        expect(bedrock).toEqual([]);
        continue;
      }
      expect(bedrock.flatMap((s) => asList(s.Resource))).toEqual([
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
      ]);
    }
  });

  it("grants the workflow's bus, state machine and queue by the names the workflow stack gives them", () => {
    const actions = (name: string) => statementsOf(name).flatMap((s) => asList(s.Action).map((action) => [action, asList(s.Resource)] as const));
    const account = env === "prod" ? "733333333333" : "711111111111";
    expect(actions("voice-processing")).toContainEqual([
      "events:PutEvents",
      [`arn:aws:events:us-east-1:${account}:event-bus/voice-assistant-${env}-events`],
    ]);
    const generation = actions("response-generation");
    expect(generation).toContainEqual([
      "states:StartExecution",
      [`arn:aws:states:us-east-1:${account}:stateMachine:voice-assistant-${env}-voice-pipeline`],
    ]);
    expect(generation).toContainEqual(["sqs:SendMessage", [`arn:aws:sqs:us-east-1:${account}:voice-assistant-${env}-analytics`]]);
    expect(generation.some(([action]) => action === "polly:SynthesizeSpeech")).toBe(true);
    // music sends only to its own dead-letter queue (a reference in this stack), nothing of the workflow's.
    const music = actions("music");
    expect(music.filter(([action]) => /^(events|states|bedrock|polly|lex):/.test(action))).toEqual([]);
    expect(music.filter(([action, resources]) => action === "sqs:SendMessage" && resources.some((r) => !r.startsWith("${aws_sqs_queue.")))).toEqual(
      [],
    );
  });
});

describe("voice-assistant functions: what review found missing", () => {
  const synth = synthBlueprintEnvironment("voice-assistant", "prod");
  const stack = synth.stack("functions");
  const policy = (id: string): Statement[] => JSON.parse(resourcesOf(stack, "aws_iam_role_policy")[`${id}_role_policy`].policy).Statement;

  it("lets response-generation encrypt the pipeline's input with the workflow key, bound to that state machine", () => {
    const grant = policy("response_generation").find((s) => s.Sid === "EncryptWorkflowInput")!;
    expect(asList(grant.Action).sort()).toEqual(["kms:Decrypt", "kms:GenerateDataKey"]);
    expect(remoteOutputRef(synth, asList(grant.Resource)[0])).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.workflow_key.arn}" });
    expect(grant.Condition).toEqual({
      StringEquals: {
        "kms:EncryptionContext:aws:states:stateMachineArn": "arn:aws:states:us-east-1:733333333333:stateMachine:voice-assistant-prod-voice-pipeline",
      },
    });
  });

  it("lets music read its provider's key, and only that secret, decrypting through Secrets Manager; names it in the environment", () => {
    const statements = policy("music");
    const read = statements.find((s) => s.Sid === "ReadGrantedSecrets")!;
    expect(asList(read.Resource)).toHaveLength(1);
    expect(remoteOutputRef(synth, asList(read.Resource)[0])).toEqual({
      stack: "secrets-kms",
      value: "${aws_secretsmanager_secret.music_api_key.arn}",
    });
    expect(statements.find((s) => s.Sid === "DecryptSecretsThroughSecretsManager")!.Condition).toEqual({
      StringEquals: { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" },
    });
    expect(resourcesOf(stack, "aws_lambda_function").music.environment.variables.MUSIC_API_KEY_SECRET_ID).toBe("prod/voice-assistant/music-api-key");
    expect(policy("weather").find((s) => s.Sid === "ReadGrantedSecrets")!.Resource).not.toEqual(read.Resource);
  });

  it("lets llm-integration read the environment's parameters by path, and nothing else of SSM", () => {
    const read = policy("llm_integration").find((s) => s.Sid === "ReadParametersUnderPath")!;
    expect(asList(read.Resource)).toEqual([
      "arn:aws:ssm:us-east-1:733333333333:parameter/voice-assistant/prod",
      "arn:aws:ssm:us-east-1:733333333333:parameter/voice-assistant/prod/*",
    ]);
    expect(resourcesOf(stack, "aws_lambda_function").llm_integration.environment.variables.PARAMETERS_PATH).toBe("/voice-assistant/prod/");
    expect(policy("music").some((s) => s.Sid === "ReadParametersUnderPath")).toBe(false);
  });

  it("rolls a deployment back on the first error of the live alias", () => {
    for (const alarm of Object.values(resourcesOf(stack, "aws_cloudwatch_metric_alarm"))) {
      expect([alarm.comparison_operator, alarm.threshold, alarm.period]).toEqual(["GreaterThanOrEqualToThreshold", 1, 60]);
    }
  });
});
