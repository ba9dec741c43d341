/**
 * Runtime patches to cdktf internals that make synth several times faster without changing a byte of its
 * output. Imported first by `main.ts` and by the test setup, before any construct exists, so that the bundle,
 * `cdktf synth` and the tests run the same code.
 *
 * Both replace a function on a cdktf module's exports object; cdktf calls them through that object
 * (`(0, resolve_1.resolve)(...)`), so every caller picks the replacement up. They are written against cdktf
 * 0.21.0 (package.json pins it exactly); `assertPatchable` fails loudly if an upgrade moves them.
 */
import { resolve as fastResolve } from "./fast-resolve";

interface PatchTarget {
  readonly module: string;
  readonly exportName: string;
}

function assertPatchable(target: PatchTarget, exports: Record<string, unknown>): void {
  if (typeof exports[target.exportName] !== "function") {
    throw new Error(`${target.module} no longer exports ${target.exportName}; revisit patches/ for this cdktf version`);
  }
}

function replaceExport(target: PatchTarget, exports: Record<string, unknown>, replacement: unknown): void {
  assertPatchable(target, exports);
  exports[target.exportName] = replacement;
}

const resolveTarget = { module: "cdktf/lib/tokens/private/resolve", exportName: "resolve" };
replaceExport(resolveTarget, require("cdktf/lib/tokens/private/resolve"), fastResolve);

// cdktf records a full stack trace (Error.stackTraceLimit = MAX_SAFE_INTEGER) for every token it creates, only to
// quote it if that token later fails to resolve: a third of construct time and ~10 MB.
// CDKTF_TOKEN_STACK_TRACES=1 brings them back when such an error needs its creation stack.
if (!process.env.CDKTF_TOKEN_STACK_TRACES) {
  const stackTraceTarget = { module: "cdktf/lib/tokens/private/stack-trace", exportName: "captureStackTrace" };
  replaceExport(stackTraceTarget, require("cdktf/lib/tokens/private/stack-trace"), () => []);
}
