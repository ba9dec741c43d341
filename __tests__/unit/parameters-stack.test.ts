import { SsmParameter } from "@cdktf/provider-aws/lib/ssm-parameter";
import { describe, expect, it } from "vitest";
import { ENVIRONMENTS } from "../../config";
import { UNSET_SECURE_VALUE } from "../../stacks/parameters-stack";
import { guardrailErrors, synthWithOptionalSections } from "../support/optional-sections";
import { remoteOutputRef, remoteStateSources } from "../support/remote-state";
import { resourcesOf, synthEnvironment } from "../support/synth";

describe.each(["dev", "prod"])("%s parameters stack (sections added)", (env) => {
  const synth = synthWithOptionalSections(env);
  const stack = synth.stack("parameters");
  const parameters = resourcesOf(stack, "aws_ssm_parameter");
  const secure = Object.values(parameters).filter((p) => p.type === "SecureString");

  it("names each parameter /<project>/<env>/<name>", () => {
    expect(
      Object.values(parameters)
        .map((p) => p.name)
        .sort(),
    ).toEqual(["livekit_url", "openai_api_key", "salesforce_client_id"].map((name) => `/voice-ai/${env}/${name}`));
  });

  it("encrypts every SecureString with the parameters CMK of secrets-kms", () => {
    expect(secure).toHaveLength(2);
    for (const parameter of secure) {
      expect(remoteOutputRef(synth, parameter.key_id)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.parameters_key.arn}" });
    }
    expect(remoteStateSources(synth, stack)).toEqual(["secrets-kms"]);
    const key = resourcesOf(synth.stack("secrets-kms"), "aws_kms_key").parameters_key;
    expect(key.enable_key_rotation).toBe(true);
  });

  it("writes SecureStrings only through the write-only argument, with the documented marker", () => {
    expect(stack.text).toHaveResourceWithProperties(SsmParameter, {
      name: `/voice-ai/${env}/openai_api_key`,
      type: "SecureString",
      value_wo: UNSET_SECURE_VALUE,
      value_wo_version: 1,
    });
    for (const parameter of secure) {
      expect(parameter.value).toBeUndefined();
      expect(parameter.insecure_value).toBeUndefined();
      expect(parameter.value_wo).toBe(UNSET_SECURE_VALUE);
    }
  });

  it("has no plaintext value in the synthesized JSON but the non-secret String's", () => {
    const values = [...stack.text.matchAll(/"(value|insecure_value)":\s*"([^"]*)"/g)].map((m) => m[2]);
    expect(values).toEqual(["wss://saprism.livekit.cloud"]);
    expect(parameters.livekit_url).toEqual(expect.objectContaining({ type: "String", value: "wss://saprism.livekit.cloud" }));
    expect(parameters.livekit_url.key_id).toBeUndefined();
    expect(stack.json.output ?? {}).toEqual({});
  });

  it("passes the guardrails with zero errors", () => {
    expect(guardrailErrors(synth, "parameters")).toEqual([]);
  });
});

describe.each(Object.keys(ENVIRONMENTS))("%s as shipped", (env) => {
  const synth = synthEnvironment(env);

  it("has no parameters stack and no parameters key", () => {
    expect(synth.stackIds).not.toContain(`${env}-parameters`);
    expect(resourcesOf(synth.stack("secrets-kms"), "aws_kms_key").parameters_key).toBeUndefined();
  });
});
