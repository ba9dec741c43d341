/**
 * Runtime patches to cdktf internals. Imported first by `stacks/app.ts` (so every app: main.ts, `cdktf synth`,
 * the bench app) and by the test setup, before any construct exists, so that synth and the tests run the same code.
 *
 * Two fixes, always on (they change output: HCL that terraform can parse):
 * - `hcl-quoting` (patches/hcl-quoting.ts): quotes inside JSON strings with references, escaped in HCL;
 * - `ephemeral-hcl` (patches/ephemeral-hcl.ts): `ephemeral` blocks rendered in HCL.
 * Two speed-ups, which change no byte of output and which VOICE_INFRA_NO_SPEEDUPS=1 turns off with every other
 * (scripts/speedups.cjs, the one place that reads it):
 * - `fast-resolve` (patches/fast-resolve.ts): cdktf's token resolver without its allocations on plain data;
 * - `no-token-stack-traces`: no stack trace recorded for every token created (CDKTF_TOKEN_STACK_TRACES=1 turns
 *   only this one off, for an error that needs a token's creation stack).
 *
 * Each replaces functions on a cdktf module's exports object; cdktf calls them through that object
 * (`(0, resolve_1.resolve)(...)`), so every caller picks the replacement up. They are written against cdktf 0.21.0
 * (package.json pins it exactly), and each is checked as it is installed (patches/install.ts): the export is
 * there, the replacement stuck, and a tiny piece of cdktf run through its public API now runs the replacement.
 * Otherwise the process stops with a PatchError naming the patch and the cdktf version, so an upgrade can never
 * turn a patch into a silent no-op. This folder and the deep `cdktf/lib/...` paths in it are what a move to
 * another cdktf (or to the CDK Terrain fork) must revisit.
 */
import type { IResolvable } from "cdktf";
import type * as Speedups from "../scripts/speedups.cjs";
import { ephemeralHclPatch } from "./ephemeral-hcl";
import { resolve as fastResolve } from "./fast-resolve";
import { hclQuotingPatch } from "./hcl-quoting";
import { type ExportedFunction, type RuntimePatch, installPatch } from "./install";

// require(): plain CommonJS, loaded the same way from the bundles, the sources and vitest.
const { speedupOn } = require("../scripts/speedups.cjs") as typeof Speedups;

type Exports = Record<string, unknown>;
type CdktfModule = typeof import("cdktf");

/** Runs a tiny resolve through cdktf's public API (a Lazy inside plain data): what callers of `Tokenization.resolve` get. */
function probeResolve(cdktf: CdktfModule): unknown {
  const { Construct } = require("constructs") as typeof import("constructs");
  return cdktf.Tokenization.resolve(
    { list: [1, "a", { lazy: cdktf.Lazy.anyValue({ produce: () => "produced" }) }] },
    { scope: new Construct(undefined as never, ""), resolver: new cdktf.DefaultTokenResolver(new cdktf.StringConcat()) },
  );
}

/** The patch that puts the fast resolver in place of cdktf's. */
export function fastResolvePatch(moduleExports: Exports = require("cdktf/lib/tokens/private/resolve") as Exports): RuntimePatch {
  return {
    name: "fast-resolve",
    module: "cdktf/lib/tokens/private/resolve",
    exports: moduleExports,
    replaces: ["resolve"],
    replace: () => ({ resolve: fastResolve }),
    verify: () => {
      // Watch the export while cdktf's public resolve runs: it must call through it.
      let called = false;
      moduleExports.resolve = (...args: Parameters<typeof fastResolve>) => {
        called = true;
        return fastResolve(...args);
      };
      let result: unknown;
      try {
        result = probeResolve(require("cdktf") as CdktfModule);
      } finally {
        moduleExports.resolve = fastResolve;
      }
      if (!called) return "Tokenization.resolve() no longer calls the resolver through its module's exports";
      const expected = JSON.stringify({ list: [1, "a", { lazy: "produced" }] });
      return JSON.stringify(result) === expected ? undefined : `a tiny resolve gave ${JSON.stringify(result)}, not ${expected}`;
    },
  };
}

/**
 * The patch that stops cdktf recording a full stack trace (Error.stackTraceLimit = MAX_SAFE_INTEGER) for every
 * token it creates, only to quote it if that token later fails to resolve: a third of construct time and ~10 MB.
 */
export function noTokenStackTracesPatch(moduleExports: Exports = require("cdktf/lib/tokens/private/stack-trace") as Exports): RuntimePatch {
  return {
    name: "no-token-stack-traces",
    module: "cdktf/lib/tokens/private/stack-trace",
    exports: moduleExports,
    replaces: ["captureStackTrace"],
    replace: () => ({ captureStackTrace: () => [] }),
    verify: () => {
      const { Lazy } = require("cdktf") as CdktfModule;
      const stack = (Lazy.anyValue({ produce: () => 1 }) as IResolvable).creationStack;
      return Array.isArray(stack) && stack.length === 0 ? undefined : `a new token still records its creation stack (${stack?.length} frames)`;
    },
  };
}

/** The patches this process runs, in the order they are installed. */
export const INSTALLED_PATCHES: readonly string[] = [];

function install(patch: RuntimePatch): Readonly<Record<string, ExportedFunction>> {
  const originals = installPatch(patch);
  (INSTALLED_PATCHES as string[]).push(patch.name);
  return originals;
}

// The fixes first: ephemeral-hcl wraps the renderDatasource hcl-quoting put in place.
install(hclQuotingPatch());
install(ephemeralHclPatch());

const resolveModule = require("cdktf/lib/tokens/private/resolve") as Exports;
const cdktfResolve = speedupOn("fast-resolve") ? install(fastResolvePatch(resolveModule)).resolve : undefined;
if (speedupOn("no-token-stack-traces")) install(noTokenStackTracesPatch());

/**
 * Runs `work` with cdktf's own resolver in place of the fast one, for the tests that compare the two
 * (`__tests__/unit/fast-resolve.test.ts`, `__tests__/integration/fast-resolve.test.ts`). With the speed-ups off,
 * cdktf's is the only one and `work` just runs.
 */
export function withCdktfResolver<T>(work: () => T): T {
  if (!cdktfResolve) return work();
  resolveModule.resolve = cdktfResolve;
  try {
    return work();
  } finally {
    resolveModule.resolve = fastResolve;
  }
}
