import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { App, TerraformStack } from "cdktf";
import * as resolveModule from "cdktf/lib/tokens/private/resolve";
import { describe, expect, it } from "vitest";
import { loadBlueprints } from "../../config";
import { resolve as fastResolve } from "../../patches/fast-resolve";
import { buildPlatformApp } from "../../stacks/app";

// The tests load the app and its packages from one prebuilt bundle (scripts/test-modules.mjs). Were a package
// loaded twice (the bundle's copy and Node's), classes would stop matching and the patches would miss the copy
// the stacks use; these would fail first.
describe("the code under test", () => {
  const { app } = buildPlatformApp({ configs: loadBlueprints("voice-ai", "dev") });

  it("uses the cdktf the tests import", () => {
    expect(app).toBeInstanceOf(App);
    expect(app.node.children.every((child) => child instanceof TerraformStack)).toBe(true);
  });

  it("uses the provider classes the tests import", () => {
    const buckets = app.node.findAll().filter((construct) => construct instanceof S3Bucket);
    expect(buckets.length).toBeGreaterThan(0);
  });

  it("runs with the fast resolver in place of cdktf's", () => {
    expect(resolveModule.resolve).toBe(fastResolve);
  });
});
