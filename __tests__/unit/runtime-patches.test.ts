import { Lazy, type IResolvable } from "cdktf";
import * as resolveModule from "cdktf/lib/tokens/private/resolve";
import * as stackTraceModule from "cdktf/lib/tokens/private/stack-trace";
import { describe, expect, it } from "vitest";
import { INSTALLED_PATCHES, fastResolvePatch, noTokenStackTracesPatch } from "../../patches";
import { ephemeralHclPatch } from "../../patches/ephemeral-hcl";
import { resolve as fastResolve } from "../../patches/fast-resolve";
import { hclQuotingPatch } from "../../patches/hcl-quoting";
import { PatchError, cdktfVersion, installPatch } from "../../patches/install";
import { speedupOn } from "../../scripts/speedups.cjs";

// The runtime patches (patches/index.ts) are checked as they are installed: a cdktf upgrade that moves or inlines
// what they replace must stop the process with an error naming the patch, never leave the patch a silent no-op.
const stackTraces = stackTraceModule as unknown as { captureStackTrace: () => string[] };
const VERSION = cdktfVersion().replace(/\./g, "\\.");

/** Runs `work` with cdktf's tokens recording `frames` as their creation stack. */
function withCapturedStack<T>(frames: string[], work: () => T): T {
  const installed = stackTraces.captureStackTrace;
  stackTraces.captureStackTrace = () => frames;
  try {
    return work();
  } finally {
    stackTraces.captureStackTrace = installed;
  }
}

const creationStack = () => (Lazy.anyValue({ produce: () => 1 }) as IResolvable).creationStack;

describe("runtime patches", () => {
  it("installs the fixes always and the speed-ups unless VOICE_INFRA_NO_SPEEDUPS is set", () => {
    const speedups = ["fast-resolve", "no-token-stack-traces"].filter((name) => speedupOn(name as "fast-resolve" | "no-token-stack-traces"));
    expect(INSTALLED_PATCHES).toEqual(["hcl-quoting", "ephemeral-hcl", ...speedups]);
  });

  describe("no-token-stack-traces", () => {
    it.skipIf(!speedupOn("no-token-stack-traces"))("a token created now records no creation stack", () => {
      expect(creationStack()).toEqual([]);
    });

    it("works because cdktf's tokens take their creation stack from the export it replaces", () => {
      expect(withCapturedStack(["at somewhere (file.ts:1:1)"], creationStack)).toEqual(["at somewhere (file.ts:1:1)"]);
    });

    it("fails loudly, naming the patch and the cdktf version, when the export is gone", () => {
      expect(() => installPatch(noTokenStackTracesPatch({}))).toThrow(
        new RegExp(
          `runtime patch "no-token-stack-traces" did not take effect on cdktf ${VERSION}: cdktf/lib/tokens/private/stack-trace no longer exports captureStackTrace\\(\\)`,
        ),
      );
    });

    it("fails loudly when tokens no longer take their stack from the export, and leaves the module as it was", () => {
      // A copy of the module that cdktf's tokens do not read, while they record frames: the replacement has no effect.
      const original = () => ["frame"];
      const copy: Record<string, unknown> = { captureStackTrace: original };
      expect(() => withCapturedStack(["frame"], () => installPatch(noTokenStackTracesPatch(copy)))).toThrow(
        /runtime patch "no-token-stack-traces" did not take effect .*: a new token still records its creation stack \(1 frames\)/,
      );
      expect(copy.captureStackTrace).toBe(original);
    });
  });

  describe("fast-resolve", () => {
    it.skipIf(!speedupOn("fast-resolve"))("is what cdktf's resolve calls", () => {
      expect(resolveModule.resolve).toBe(fastResolve);
    });

    it("fails loudly when the export is gone", () => {
      expect(() => installPatch(fastResolvePatch({}))).toThrow(
        new RegExp(
          `runtime patch "fast-resolve" did not take effect on cdktf ${VERSION}: cdktf/lib/tokens/private/resolve no longer exports resolve\\(\\)`,
        ),
      );
    });

    it("fails loudly when cdktf's Tokenization.resolve no longer calls through the export", () => {
      const original = () => undefined;
      const copy: Record<string, unknown> = { resolve: original };
      expect(() => installPatch(fastResolvePatch(copy))).toThrow(
        /"fast-resolve" did not take effect .*: Tokenization\.resolve\(\) no longer calls the resolver through its module's exports/,
      );
      expect(copy.resolve).toBe(original);
    });

    it("fails loudly when the export cannot be replaced (a getter, as compiled ES modules export)", () => {
      const getterOnly = Object.defineProperty({}, "resolve", { get: () => fastResolve, enumerable: true }) as Record<string, unknown>;
      expect(() => installPatch(fastResolvePatch(getterOnly))).toThrow(
        /"fast-resolve" did not take effect .*: cdktf\/lib\/tokens\/private\/resolve's resolve cannot be replaced/,
      );
    });
  });

  describe("the HCL fixes", () => {
    it("fail loudly when cdktf's HCL renderer lacks what they replace", () => {
      expect(() => installPatch(hclQuotingPatch({}))).toThrow(
        /runtime patch "hcl-quoting" did not take effect .*: cdktf\/lib\/hcl\/render no longer exports renderAttributes\(\)/,
      );
      expect(() => installPatch(ephemeralHclPatch({}))).toThrow(
        /runtime patch "ephemeral-hcl" did not take effect .*: cdktf\/lib\/hcl\/render no longer exports renderDatasource\(\)/,
      );
    });

    it("ephemeral-hcl fails loudly when its wrapper does not render ephemeral blocks", () => {
      // A renderer whose output the wrapper cannot rename (no `data "` at its start).
      const copy: Record<string, unknown> = { renderDatasource: () => ({ hcl: "resource {}", metadata: {} }) };
      expect(() => installPatch(ephemeralHclPatch(copy))).toThrow(
        /"ephemeral-hcl" did not take effect .*: a marked data block rendered as "resource \{\}"/,
      );
    });
  });

  it("a PatchError names itself", () => {
    expect(new PatchError("x", "y", "1.2.3")).toMatchObject({
      name: "PatchError",
      message: expect.stringMatching(/^runtime patch "x" did not take effect on cdktf 1\.2\.3: y\. Revisit patches\//),
    });
  });
});
