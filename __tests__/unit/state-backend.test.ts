import { describe, expect, it } from "vitest";
import { ConfigError, ENVIRONMENTS } from "../../config";
import { isLoopbackUrl } from "../../config/sections/state-backend";
import { editedConfig, synthConfig } from "../support/synth";

const emulator = { s3: "http://127.0.0.1:4568", dynamodb: "http://127.0.0.1:4567" };

describe("stateBackend.localEmulator (test-only)", () => {
  const synth = synthConfig(editedConfig("dev", (raw) => (raw.stateBackend.localEmulator = emulator)));

  it("is never set by a shipped environment", () => {
    for (const raw of Object.values(ENVIRONMENTS)) {
      expect((raw as { stateBackend: Record<string, unknown> }).stateBackend.localEmulator).toBeUndefined();
    }
  });

  it.each(["https://s3.amazonaws.com", "http://10.0.0.5:4568", "http://127.0.0.1.nip.io:4568", "file:///tmp/s3", "not a url"])(
    "refuses the endpoint %s",
    (endpoint) => {
      expect(() => editedConfig("dev", (raw) => (raw.stateBackend.localEmulator = { ...emulator, s3: endpoint }))).toThrow(ConfigError);
      expect(() => editedConfig("dev", (raw) => (raw.stateBackend.localEmulator = { ...emulator, s3: endpoint }))).toThrow(
        /stateBackend\.localEmulator\.s3: must be an http\(s\) URL on 127\.0\.0\.1, localhost or \[::1\]/,
      );
    },
  );

  it.each(["http://127.0.0.1:1", "http://localhost:4568", "http://[::1]:4568", "https://127.0.0.2"])("accepts the loopback endpoint %s", (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
  });

  it("points the S3 backend and every remote state read at the emulators", () => {
    const settings = {
      endpoints: emulator,
      use_path_style: true,
      skip_credentials_validation: true,
      skip_requesting_account_id: true,
      skip_metadata_api_check: true,
      skip_region_validation: true,
      skip_s3_checksum: true,
    };
    const vpc = synth.stack("vpc").json;
    expect(vpc.terraform.backend?.s3).toEqual(expect.objectContaining({ ...settings, key: "voice-ai/dev/vpc.tfstate" }));
    const remoteStates = Object.values(vpc.data?.terraform_remote_state ?? {});
    expect(remoteStates.length).toBeGreaterThan(0);
    for (const state of remoteStates) expect(state.config).toEqual(expect.objectContaining(settings));
    // No credentials in the synthesized files: the tests pass them through the environment.
    expect(JSON.stringify(vpc)).not.toMatch(/access_key|secret_key/);
  });
});
