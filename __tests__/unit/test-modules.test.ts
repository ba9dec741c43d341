import { createHash } from "node:crypto";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { App, TerraformStack } from "cdktf";
import * as resolveModule from "cdktf/lib/tokens/private/resolve";
import { describe, expect, it } from "vitest";
import { resolve as fastResolve } from "../../patches/fast-resolve";
import { speedupOn } from "../../scripts/speedups.cjs";
import { buildTestModules, testModulesPlugin } from "../../scripts/test-modules.mjs";
import { synthEnvironment } from "../support/synth";

// The tests load the app and its packages from one prebuilt bundle (scripts/test-modules.mjs). Were a package
// loaded twice (the bundle's copy and Node's), classes would stop matching and the patches would miss the copy
// the stacks use; these would fail first.
describe("the code under test", () => {
  // The shared dev environment (built by the app's buildPlatformApp, as the tests import it), not a build of its own.
  const app = synthEnvironment("dev").stacks.secretsKms.node.root;

  it("uses the cdktf the tests import", () => {
    expect(app).toBeInstanceOf(App);
    expect(app.node.children.every((child) => child instanceof TerraformStack)).toBe(true);
  });

  it("uses the provider classes the tests import", () => {
    const buckets = app.node.findAll().filter((construct) => construct instanceof S3Bucket);
    expect(buckets.length).toBeGreaterThan(0);
  });

  // VOICE_INFRA_NO_SPEEDUPS=1 runs the tests with cdktf's own resolver.
  it.skipIf(!speedupOn("fast-resolve"))("runs with the fast resolver in place of cdktf's", () => {
    expect(resolveModule.resolve).toBe(fastResolve);
  });
});

// vitest keeps each test file's transform on disk between runs (experimental.fsModuleCache), and a transform holds
// the shim paths its imports resolved to: the plugin's part of the cache key is the module map those come from.
describe("the test-modules plugin's cache key", () => {
  type KeyGenerator = (context: object) => unknown;
  const keyGeneratorOf = (plugin: ReturnType<typeof testModulesPlugin>): KeyGenerator => {
    let generator: KeyGenerator | undefined;
    const configureVitest = plugin.configureVitest as (context: object) => void;
    configureVitest({ experimental_defineCacheKeyGenerator: (g: KeyGenerator) => (generator = g) });
    return generator!;
  };

  it("is the digest of the map from modules to shims", async () => {
    const plugin = testModulesPlugin();
    const key = keyGeneratorOf(plugin);
    await (plugin.buildStart as () => Promise<void>)();
    const shims = await buildTestModules();
    expect(shims.size).toBeGreaterThan(50);
    expect(key({})).toBe(
      createHash("sha1")
        .update(JSON.stringify([...shims]))
        .digest("hex"),
    );
  });

  it("is refused until the bundle is built, rather than keying a transform by nothing", () => {
    expect(() => keyGeneratorOf(testModulesPlugin())({})).toThrow(/before the bundle was built/);
  });
});
