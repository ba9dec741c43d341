/**
 * A drop-in replacement for cdktf's token resolver (`cdktf/lib/tokens/private/resolve.js`, 0.21.0) with the same
 * results and errors, minus its cost on plain data.
 *
 * cdktf resolves every element of every stack at least twice per synth (once to find cross-stack references,
 * once to write it), and for every value, token or not, it allocates two resolution contexts with closures, a
 * copy of the key path and the path joined into a string; string values are tested against three regular
 * expressions through a fresh `TokenString` each. That was half of all synth time. Here plain strings, numbers,
 * arrays and objects are copied in one walk that keeps the key path on a shared stack; anything that is or may
 * hold a token takes cdktf's own steps, with contexts built exactly as cdktf builds them.
 *
 * The equivalence is checked value by value on every kind of token (`__tests__/unit/fast-resolve.test.ts`) and
 * by synthesizing every blueprint with both resolvers and comparing the files byte for byte
 * (`__tests__/integration/fast-resolve.test.ts`).
 */
import type { IPostProcessor, IResolvable, IResolveContext } from "cdktf";
import type { IResolveOptions } from "cdktf/lib/tokens/private/resolve";

type Errors = typeof import("cdktf/lib/errors");
type Encoding = typeof import("cdktf/lib/tokens/private/encoding");
type TokenMapModule = typeof import("cdktf/lib/tokens/private/token-map");
type TokenModule = typeof import("cdktf/lib/tokens/token");
type ResolvableModule = typeof import("cdktf/lib/tokens/resolvable");

// Deep requires: these modules are cdktf's internals, not its public API (see patches/index.ts for the version pin).
const errors = require("cdktf/lib/errors") as Errors;
const { TokenString, containsStringListTokenElement, containsMapToken, extractTokenDouble } =
  require("cdktf/lib/tokens/private/encoding") as Encoding;
const { TokenMap } = require("cdktf/lib/tokens/private/token-map") as TokenMapModule;
const { Token } = require("cdktf/lib/tokens/token") as TokenModule;
const { StringConcat } = require("cdktf/lib/tokens/resolvable") as ResolvableModule;

const tokenMap = TokenMap.instance();

/** Every string, list and map token contains this; a string without it holds no string, list or map token. */
const TOKEN_MARKER = "TfToken[";
/** cdktf's NUMBER_TOKEN_REGEX without the global flag, so `test` keeps no state. */
const NUMBER_TOKEN = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/;

/** Depth at which cdktf gives up, assuming a cycle. */
const MAX_DEPTH = 200;

/** Same signature and results as cdktf's `resolve(obj, options)`. */
export function resolve(obj: unknown, options: IResolveOptions): unknown {
  return walk(obj, options, options.prefix ? [...options.prefix] : []);
}

/**
 * Resolves `obj`, found at `path` below the value `options` was made for. Plain values are handled here;
 * `path` is a stack that callers push to and pop from, copied only when a token needs it.
 */
function walk(obj: unknown, options: IResolveOptions, path: string[]): unknown {
  if (path.length > MAX_DEPTH) throw errors.unableToResolveCircularReference(pathName(path));
  switch (typeof obj) {
    case "undefined":
      return undefined;
    case "function":
      throw errors.cannotResolveFunction(pathName(path), obj);
    case "string":
      return isPlainString(obj) ? obj : resolveWithTokens(obj, at(options, path));
    case "number":
      return obj !== Token.NUMBER_MAP_TOKEN_VALUE && extractTokenDouble(obj, false) === undefined ? obj : resolveWithTokens(obj, at(options, path));
    case "object":
      break;
    default:
      return obj;
  }
  if (obj === null) return null;
  if (obj instanceof Date) return obj;

  if (Array.isArray(obj)) {
    if (containsListToken(obj)) return resolveWithTokens(obj, at(options, path));
    const result: unknown[] = [];
    for (let i = 0; i < obj.length; i++) {
      path.push(`${i}`);
      const value = walk(obj[i], options, path);
      path.pop();
      if (value !== undefined) result.push(value);
    }
    return result;
  }

  const record = obj as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.some(isMapToken) || typeof record.resolve === "function") return resolveWithTokens(obj, at(options, path));
  if (isConstruct(record)) throw errors.constructsCannotBeResolved(pathName(path));
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    const resolvedKey = isPlainString(key) ? key : resolveWithTokens(key, at(options, path));
    if (typeof resolvedKey !== "string") throw errors.mapKeyMustResolveToString(pathName(path), key, resolvedKey);
    path.push(key);
    const value = walk(record[key], options, path);
    path.pop();
    if (value !== undefined) result[resolvedKey] = value;
  }
  return result;
}

/**
 * The options cdktf would pass when resolving the value at `path`. Its own nested calls each get a new context
 * as `previousContext`, but one copied from the parent's flags (suppressBraces, ignoreEscapes, warnEscapes,
 * iteratorContext) on plain data, which is all `walk` descends through; so the parent's context stands in for it.
 */
function at(options: IResolveOptions, path: readonly string[]): IResolveOptions {
  return { ...options, prefix: [...path], previousContext: options.previousContext };
}

/** cdktf's resolve, step for step, for a value that is or may contain a token. */
function resolveWithTokens(obj: unknown, options: IResolveOptions): unknown {
  const prefix = options.prefix ?? [];

  function makeContext(appendPath?: string): [IResolveContext, IPostProcessor] {
    const newPrefix = appendPath !== undefined ? prefix.concat([appendPath]) : options.prefix;
    let postProcessor: IPostProcessor | undefined;
    const context: IResolveContext = {
      preparing: options.preparing,
      scope: options.scope,
      suppressBraces: options.previousContext?.suppressBraces,
      ignoreEscapes: options.previousContext?.ignoreEscapes,
      warnEscapes: options.previousContext?.warnEscapes,
      iteratorContext: options.previousContext?.iteratorContext,
      registerPostProcessor(pp) {
        postProcessor = pp;
      },
      resolve(x: unknown) {
        return resolve(x, { ...options, prefix: newPrefix, previousContext: context });
      },
    };
    return [context, { postProcess: (x) => (postProcessor ? postProcessor.postProcess(x, context) : x) }];
  }

  if (typeof obj === "string") {
    if (TokenString.forListToken(obj).test()) throw errors.encodedListTokenInScalarStringContext();
    if (obj === Token.STRING_MAP_TOKEN_VALUE || obj === Token.ANY_MAP_TOKEN_VALUE) throw errors.encodedMapTokenInScalarStringContext();
    let str = obj;
    const context = makeContext()[0];
    const tokenStr = TokenString.forString(str, !context.ignoreEscapes, context.warnEscapes);
    if (tokenStr.test()) {
      const fragments = tokenStr.split(tokenMap.lookupToken.bind(tokenMap));
      str = options.resolver.resolveString(fragments, makeContext()[0]);
    }
    const tokenNumberStr = TokenString.forNumbers(str);
    if (tokenNumberStr.test()) {
      const fragments = tokenNumberStr.split((id) => tokenMap.lookupNumberToken(parseFloat(id)));
      str = fragments.mapTokens(makeContext()[0]).join(new StringConcat());
    }
    return str;
  }
  if (typeof obj === "number") {
    if (obj === Token.NUMBER_MAP_TOKEN_VALUE) throw errors.encodedMapTokenInScalarNumberContext();
    const token = tokenMap.lookupNumberToken(obj);
    return token === undefined ? obj : makeContext()[0].resolve(token);
  }
  // `walk` sends arrays here only when they hold a list token, and objects only when they are a token.
  if (Array.isArray(obj)) {
    return containsStringListTokenElement(obj)
      ? options.resolver.resolveList(obj, makeContext()[0])
      : options.resolver.resolveNumberList(obj, makeContext()[0]);
  }
  if (containsMapToken(obj as object)) return options.resolver.resolveMap(obj as Record<string, unknown>, makeContext()[0]);
  const [context, postProcessor] = makeContext();
  return options.resolver.resolveToken(obj as IResolvable, context, postProcessor);
}

function isPlainString(value: string): boolean {
  return (
    !value.includes(TOKEN_MARKER) &&
    value !== Token.STRING_MAP_TOKEN_VALUE &&
    value !== Token.ANY_MAP_TOKEN_VALUE &&
    !(value.includes("e") && NUMBER_TOKEN.test(value))
  );
}

/** cdktf's `containsStringListTokenElement(xs) || containsNumberListTokenElement(xs)`, testing each value once. */
function containsListToken(values: readonly unknown[]): boolean {
  for (const value of values) {
    if (typeof value === "string") {
      if (value.includes(TOKEN_MARKER) && TokenString.forListToken(value).test()) return true;
    } else if (typeof value === "number" && extractTokenDouble(value, true) !== undefined) {
      return true;
    }
  }
  return false;
}

/** cdktf's test for a map token key, one key of `containsMapToken`. */
function isMapToken(key: string): boolean {
  return key.includes(TOKEN_MARKER) && TokenString.forMapToken(key).test();
}

/** cdktf's guard against resolving a construct (which would recurse through parent and children forever). */
function isConstruct(value: Record<string, unknown>): boolean {
  return value._children !== undefined && value._metadata !== undefined;
}

function pathName(path: readonly string[]): string {
  return `/${path.join("/")}`;
}
