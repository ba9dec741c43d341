/**
 * How a runtime patch is put in place and proven to have taken effect. A patch replaces functions on a cdktf
 * module's exports object, which works only while cdktf's callers go through that object
 * (`(0, resolve_1.resolve)(...)`) and the object lets itself be written. A cdktf (or CDK Terrain) upgrade can
 * change either without a sound: the old function would keep running and the patch would be a silent no-op. So
 * every patch is checked right after it is installed, once per process, and a failed check throws `PatchError`,
 * naming the patch and the cdktf version, before any construct exists.
 */

/** A function a cdktf module exports, as a patch replaces it (its signature is the module's business). */
// biome-ignore lint/complexity/noBannedTypes: the patched exports have every signature there is.
export type ExportedFunction = Function;

/** A runtime patch: which exports of which cdktf module it replaces, and how to tell that it works. */
export interface RuntimePatch {
  /** Short name for errors and docs (`fast-resolve`). */
  readonly name: string;
  /** The module's specifier (`cdktf/lib/tokens/private/resolve`). */
  readonly module: string;
  /** The module's exports object, the one cdktf's callers read the functions from. */
  readonly exports: Record<string, unknown>;
  /** The replacement of each export it replaces, given the functions that were there. */
  readonly replace: (originals: Readonly<Record<string, ExportedFunction>>) => Readonly<Record<string, ExportedFunction>>;
  /** The export names `replace` returns, checked to exist before anything is replaced. */
  readonly replaces: readonly string[];
  /**
   * Proves the patch is what cdktf now runs, by running a tiny piece of cdktf through its public API; returns
   * what went wrong, or undefined.
   */
  readonly verify?: () => string | undefined;
}

/** A patch that cannot be installed or did not take effect. */
export class PatchError extends Error {
  constructor(patch: string, problem: string, version: string = cdktfVersion()) {
    super(`runtime patch "${patch}" did not take effect on cdktf ${version}: ${problem}. Revisit patches/ for this version (see patches/index.ts)`);
    this.name = "PatchError";
  }
}

/** The installed cdktf's version, for errors. */
export function cdktfVersion(): string {
  try {
    return (require("cdktf/package.json") as { version: string }).version;
  } catch {
    return "(version unknown)";
  }
}

/**
 * Installs `patch` and checks it: every export it replaces exists and is a function, every assignment stuck, and
 * `verify` finds the replacement in use. Returns the functions it replaced.
 * @throws PatchError otherwise, leaving the module as it was
 */
export function installPatch(patch: RuntimePatch): Readonly<Record<string, ExportedFunction>> {
  const originals: Record<string, ExportedFunction> = {};
  for (const name of patch.replaces) {
    const original = patch.exports[name];
    if (typeof original !== "function") throw new PatchError(patch.name, `${patch.module} no longer exports ${name}()`);
    originals[name] = original;
  }
  const replacements = patch.replace(originals);
  const restore = () => {
    for (const [name, original] of Object.entries(originals)) {
      try {
        patch.exports[name] = original;
      } catch {
        // An export that cannot be written was never replaced.
      }
    }
  };
  for (const name of patch.replaces) {
    try {
      patch.exports[name] = replacements[name];
    } catch (error) {
      restore();
      throw new PatchError(patch.name, `${patch.module}'s ${name} cannot be replaced (${(error as Error).message})`);
    }
    if (patch.exports[name] !== replacements[name]) {
      restore();
      throw new PatchError(patch.name, `${patch.module}'s ${name} did not change when replaced (a getter or a frozen module?)`);
    }
  }
  let problem: string | undefined;
  try {
    problem = patch.verify?.();
  } catch (error) {
    problem = `its check threw ${(error as Error).message}`;
  }
  if (problem) {
    restore();
    throw new PatchError(patch.name, problem);
  }
  return originals;
}
