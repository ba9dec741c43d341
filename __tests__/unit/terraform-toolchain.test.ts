import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseInstallMethod, detectToolchain, providerCacheDir, terraformPlatform } from "../../scripts/terraform/toolchain";
import { ALLOW_SKIP_VARIABLE, skipOutcome } from "../support/terraform";

const AWS = { address: "registry.terraform.io/hashicorp/aws", version: "5.100.0" };

/**
 * A stand-in terraform (no network anywhere): `version -json` answers 1.11.4; `init` fails like an offline machine
 * when FAKE_TF_FAIL is set, else "installs" the AWS provider into .terraform/providers and logs each call.
 */
function fakeTerraform(): { dir: string; env: NodeJS.ProcessEnv; calls: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), "voice-infra-fake-terraform-"));
  const log = join(dir, "calls.log");
  writeFileSync(log, "");
  const binary = join(dir, "bin", "terraform");
  mkdirSync(join(dir, "bin"));
  writeFileSync(
    binary,
    [
      "#!/bin/sh",
      `echo "$*" >> ${JSON.stringify(log)}`,
      'case "$1" in',
      '  version) echo \'{"terraform_version":"1.11.4"}\' ;;',
      "  init)",
      '    if [ -n "$FAKE_TF_FAIL" ]; then echo "Error: Failed to query available provider packages: could not connect to registry.terraform.io" >&2; exit 1; fi',
      `    d=.terraform/providers/registry.terraform.io/hashicorp/aws/5.100.0/${terraformPlatform()}`,
      '    mkdir -p "$d" && echo binary > "$d/terraform-provider-aws_v5.100.0_x5" ;;',
      "esac",
      "",
    ].join("\n"),
  );
  chmodSync(binary, 0o755);
  const env = { PATH: process.env.PATH, HOME: dir, TERRAFORM_BINARY: binary, TF_PROVIDER_CACHE: join(dir, "cache") };
  return { dir, env, calls: () => readFileSync(log, "utf8").trim().split("\n").filter(Boolean) };
}

describe("terraform provider install method", () => {
  const facts = { mirrorOnly: false, cacheDir: "/cache", problems: ["/opt/tf-plugins: no registry.terraform.io/hashicorp/aws 5.100.0"] };

  it("takes a mirror that holds every provider, else the registry into the provider cache", () => {
    expect(chooseInstallMethod({ ...facts, mirror: "/opt/tf-plugins" })).toEqual({ method: "mirror", mirror: "/opt/tf-plugins" });
    expect(chooseInstallMethod(facts)).toEqual({ method: "registry", cacheDir: "/cache" });
  });

  it("never downloads when TF_PROVIDER_MIRROR names a mirror or TF_PROVIDER_INSTALL=mirror, and says what is missing", () => {
    const configured = chooseInstallMethod({ ...facts, configuredMirror: "/mirror" });
    expect(configured).toMatchObject({
      method: "none",
      reason: expect.stringMatching(/TF_PROVIDER_MIRROR does not hold .*\n.*hashicorp\/aws 5\.100\.0/),
    });
    expect(chooseInstallMethod({ ...facts, mirrorOnly: true })).toMatchObject({
      method: "none",
      reason: expect.stringMatching(/^TF_PROVIDER_INSTALL=mirror/),
    });
  });

  it("keeps the cache in TF_PROVIDER_CACHE, else terraform's plugin cache, else the user's cache directory", () => {
    expect(providerCacheDir({ TF_PROVIDER_CACHE: "/a", TF_PLUGIN_CACHE_DIR: "/b" })).toBe("/a");
    expect(providerCacheDir({ TF_PLUGIN_CACHE_DIR: "/b" })).toBe("/b");
    expect(providerCacheDir({ XDG_CACHE_HOME: "/c" })).toBe("/c/voice-infra/terraform-providers");
  });

  it("installs from the registry once when no mirror has the provider, then finds the cache as the mirror", () => {
    const fake = fakeTerraform();
    const first = detectToolchain([AWS], { env: fake.env, mirrorCandidates: [join(fake.dir, "no-mirror")] });
    expect(first).toMatchObject({ toolchain: { mirror: join(fake.dir, "cache"), mirroredProviders: ["registry.terraform.io/hashicorp/aws"] } });
    expect(fake.calls()).toEqual(["version -json", "init -backend=false -input=false -no-color"]);
    // Offline from now on: a failing registry no longer matters.
    const second = detectToolchain([AWS], { env: { ...fake.env, FAKE_TF_FAIL: "1" }, mirrorCandidates: [join(fake.dir, "no-mirror")] });
    expect(second).toMatchObject({ toolchain: { mirror: join(fake.dir, "cache") } });
    expect(fake.calls().filter((call) => call.startsWith("init"))).toHaveLength(1);
  });

  it("skips with terraform's reason when the provider cannot be had, and when terraform is missing", () => {
    const fake = fakeTerraform();
    const offline = detectToolchain([AWS], { env: { ...fake.env, FAKE_TF_FAIL: "1" }, mirrorCandidates: [] });
    expect(offline).toEqual({
      missing: expect.stringMatching(/could not install it from the registry[\s\S]*could not connect to registry\.terraform\.io/),
    });
    expect(detectToolchain([AWS], { env: { PATH: join(fake.dir, "nothing-here") } })).toEqual({
      missing: expect.stringMatching(/^terraform is not on PATH/),
    });
    expect(detectToolchain([AWS], { env: { ...fake.env, TERRAFORM_BINARY: join(fake.dir, "no-terraform") } })).toEqual({
      missing: `TERRAFORM_BINARY=${join(fake.dir, "no-terraform")} is not a file`,
    });
    expect(detectToolchain([AWS], { env: { ...fake.env, TF_PROVIDER_MIRROR: join(fake.dir, "empty") } })).toEqual({
      missing: expect.stringMatching(/TF_PROVIDER_MIRROR does not hold/),
    });
    expect(fake.calls().filter((call) => call.startsWith("init"))).toHaveLength(1);
  });
});

describe("a terraform suite that cannot run", () => {
  it("skips on a developer's machine, fails under CI=true, and skips there only when skipping is declared intended", () => {
    expect(skipOutcome("validate", "terraform is not on PATH", {})).toEqual({ skip: "terraform is not on PATH" });
    const ci = skipOutcome("validate", "terraform is not on PATH", { CI: "true" });
    expect(ci).toEqual({ fail: expect.stringContaining(`terraform suite "validate" cannot run under CI=true: terraform is not on PATH`) });
    expect("fail" in ci && ci.fail).toContain(`${ALLOW_SKIP_VARIABLE}=1`);
    expect(skipOutcome("validate", "no provider", { CI: "1", [ALLOW_SKIP_VARIABLE]: "1" })).toEqual({ skip: "no provider" });
  });
});
