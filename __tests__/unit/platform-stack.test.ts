import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { describe, expect, it } from "vitest";
import { ENVIRONMENTS } from "../../config";
import { synthEnvironment } from "../support/synth";

const envs = Object.keys(ENVIRONMENTS);

describe.each(envs)("%s: every stack's backend and provider", (env) => {
  const synth = synthEnvironment(env);
  const { config } = synth;

  it.each(synth.stackIds.filter((id) => !id.endsWith("-bootstrap")))("%s keeps encrypted, locked state under its own key", (id) => {
    const component = id.slice(env.length + 1);
    const backend = synth.stack(component).json.terraform.backend?.s3;
    expect(backend).toEqual(
      expect.objectContaining({
        bucket: config.stateBackend.bucket,
        region: config.stateBackend.region,
        key: `${config.project}/${env}/${component}.tfstate`,
        encrypt: true,
        dynamodb_table: config.stateBackend.lockTable,
      }),
    );
  });

  it.each(synth.stackIds)("%s guards the account and tags everything", (id) => {
    const component = id.slice(env.length + 1);
    expect(synth.stack(component).text).toHaveProviderWithProperties(AwsProvider, {
      region: config.region,
      allowed_account_ids: [config.accountId],
      default_tags: [
        {
          tags: expect.objectContaining({
            project: config.project,
            environment: env,
            component,
            "managed-by": "cdktf",
          }),
        },
      ],
    });
  });
});

describe("state keys", () => {
  it("are unique across every stack of every environment", () => {
    const keys = envs.flatMap((env) => {
      const synth = synthEnvironment(env);
      return synth.stackIds.map((id) => {
        const backend = synth.stack(id.slice(env.length + 1)).json.terraform.backend;
        return `${backend?.s3?.bucket ?? "local"}/${backend?.s3?.key ?? backend?.local?.path}`;
      });
    });
    expect(new Set(keys).size).toBe(keys.length);
  });
});
