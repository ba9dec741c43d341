/**
 * Runtime patches to cdktf internals that make synth several times faster without changing a byte of its
 * output. Imported first by `stacks/app.ts` (so every app: main.ts, `cdktf synth`, the bench app) and by the
 * test setup, before any construct exists, so that synth and the tests run the same code.
 *
 * Both replace a function on a cdktf module's exports object; cdktf calls them through that object
 * (`(0, resolve_1.resolve)(...)`), so every caller picks the replacement up. They are written against cdktf
 * 0.21.0 (package.json pins it exactly) and fail loudly if an upgrade moves what they replace. This folder and
 * the deep `cdktf/lib/...` paths in it are what a move to another cdktf (or to the CDK Terrain fork) must revisit.
 */
import { resolve as fastResolve } from "./fast-resolve";
import "./ephemeral-hcl";

/** Puts `replacement` in place of `exports[name]`; returns what was there. */
function replaceExport(module: string, exports: Record<string, unknown>, name: string, replacement: unknown): unknown {
  const original = exports[name];
  if (typeof original !== "function") throw new Error(`${module} no longer exports ${name}(); revisit patches/ for this cdktf version`);
  exports[name] = replacement;
  return original;
}

const resolveModule = require("cdktf/lib/tokens/private/resolve") as Record<string, unknown>;
const cdktfResolve = replaceExport("cdktf/lib/tokens/private/resolve", resolveModule, "resolve", fastResolve);

/**
 * Runs `work` with cdktf's own resolver in place of the fast one, for the tests that compare the two
 * (`__tests__/unit/fast-resolve.test.ts`, `__tests__/integration/fast-resolve.test.ts`).
 */
export function withCdktfResolver<T>(work: () => T): T {
  resolveModule.resolve = cdktfResolve;
  try {
    return work();
  } finally {
    resolveModule.resolve = fastResolve;
  }
}

// cdktf records a full stack trace (Error.stackTraceLimit = MAX_SAFE_INTEGER) for every token it creates, only to
// quote it if that token later fails to resolve: a third of construct time and ~10 MB.
// CDKTF_TOKEN_STACK_TRACES=1 brings them back when such an error needs its creation stack.
if (!process.env.CDKTF_TOKEN_STACK_TRACES) {
  replaceExport("cdktf/lib/tokens/private/stack-trace", require("cdktf/lib/tokens/private/stack-trace"), "captureStackTrace", () => []);
}
