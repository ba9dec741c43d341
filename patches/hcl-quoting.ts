/**
 * cdktf's HCL renderer leaves every quote unescaped in a string that contains an interpolation, so any JSON
 * document with a reference in it (IAM policies) comes out as invalid HCL
 * (https://github.com/hashicorp/terraform-cdk/issues/3911). Only `synth:hcl` renders HCL; JSON synth never comes
 * here. A fix, not a speed-up: on whatever VOICE_INFRA_NO_SPEEDUPS says.
 *
 * The faulty `escapeQuotes` is private to `cdktf/lib/hcl/render.js` and called from inside it, so replacing an
 * export cannot reach it. The patch evaluates a second copy of that module's source with `escapeQuotes` swapped
 * for `escapeHclQuotes` below and puts the copy's functions in place of every export of the original (cdktf's
 * stack calls them through the exports object). The copy's one import, `../tokens/token`, is the `cdktf` the app
 * runs, so tokens stay one. Checked by __tests__/unit/hcl-quoting.test.ts.
 */
import { readFileSync } from "node:fs";
import type { ExportedFunction, RuntimePatch } from "./install";

const RENDER_MODULE = "cdktf/lib/hcl/render";
const ESCAPE_QUOTES = /function escapeQuotes\(str\) \{[\s\S]*?\n\}\n/;

/**
 * Escapes quotes and backslashes outside `${...}` and keeps each interpolation as written (its quotes are HCL
 * syntax, not string content).
 */
export function escapeHclQuotes(str: string): string {
  let escaped = "";
  for (let i = 0; i < str.length; i++) {
    if (str[i] === "$" && str[i + 1] === "{") {
      const end = interpolationEnd(str, i + 2);
      escaped += str.slice(i, end);
      i = end - 1;
    } else {
      escaped += str[i] === '"' || str[i] === "\\" ? `\\${str[i]}` : str[i];
    }
  }
  return escaped;
}

/** Index just past the `}` that closes an interpolation whose body starts at `from`. */
function interpolationEnd(str: string, from: number): number {
  let depth = 1;
  let quoted = false;
  for (let i = from; i < str.length; i++) {
    const c = str[i];
    if (quoted) {
      if (c === "\\") i++;
      else if (c === '"') quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  return str.length;
}

/** `render.js` evaluated again from its source with the fixed `escapeQuotes`: its exports. */
function fixedRenderModule(): Record<string, unknown> {
  const file = require.resolve(RENDER_MODULE);
  const source = readFileSync(file, "utf8");
  if (!ESCAPE_QUOTES.test(source)) throw new Error(`${file} has no escapeQuotes(str) to replace`);
  const fixed = source.replace(ESCAPE_QUOTES, "function escapeQuotes(str) { return escapeHclQuotes(str); }\n");
  const tokenModule = require("cdktf/lib/tokens/token") as unknown;
  const requireFromRender = (specifier: string): unknown => {
    if (specifier === "../tokens/token") return tokenModule;
    throw new Error(`${RENDER_MODULE} now requires ${specifier}; teach patches/hcl-quoting.ts where it comes from`);
  };
  const copy = { exports: {} as Record<string, unknown> };
  // The source URL names the copy in stack traces.
  const evaluate = new Function("exports", "require", "module", "escapeHclQuotes", `${fixed}\n//# sourceURL=${file}?hcl-quoting`);
  evaluate(copy.exports, requireFromRender, copy, escapeHclQuotes);
  return copy.exports;
}

/** A one-attribute render (a JSON string with a reference, as IAM policies are) whose output shows the fix is in. */
export const HCL_PROBE = {
  input: { a: { value: '{"k":"${x.y}"}', type: "simple", storageClassType: "string" } },
  expected: 'a = "{\\"k\\":\\"${x.y}\\"}"',
} as const;

/** The patch: every function export of cdktf's HCL renderer from the fixed copy. */
export function hclQuotingPatch(moduleExports: Record<string, unknown> = require("cdktf/lib/hcl/render") as Record<string, unknown>): RuntimePatch {
  const replaces = Object.keys(moduleExports).filter((name) => typeof moduleExports[name] === "function");
  return {
    name: "hcl-quoting",
    module: RENDER_MODULE,
    exports: moduleExports,
    replaces,
    replace: () => {
      const fixed = fixedRenderModule();
      return Object.fromEntries(
        replaces.map((name) => {
          if (typeof fixed[name] !== "function") throw new Error(`the fixed copy lacks ${name}()`);
          return [name, fixed[name] as ExportedFunction];
        }),
      );
    },
    verify: () => {
      if (!replaces.includes("renderAttributes")) return `${RENDER_MODULE} no longer exports renderAttributes()`;
      const rendered = String((moduleExports.renderAttributes as (attributes: object) => string)(HCL_PROBE.input)).trim();
      return rendered === HCL_PROBE.expected ? undefined : `renderAttributes rendered ${rendered}, not ${HCL_PROBE.expected}`;
    },
  };
}
