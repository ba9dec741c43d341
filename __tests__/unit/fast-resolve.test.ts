import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { DefaultTokenResolver, Fn, Lazy, StringConcat, TerraformStack, Token, Tokenization } from "cdktf";
import { describe, expect, it } from "vitest";
import { withCdktfResolver } from "../../patches";
import { testApp } from "../support/test-app";

// The fast resolver (patches/fast-resolve.ts) must give what cdktf's gives, value for value and error for error.
// The integration suite compares whole synthesized blueprints; these are the token kinds one by one.

const stack = new TerraformStack(testApp(), "resolve");
const bucket = new S3Bucket(stack, "bucket", { bucket: "b" });

function resolveBoth(value: unknown, preparing = false): { fast: unknown; cdktf: unknown } {
  const resolve = () => Tokenization.resolve(value, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()), preparing });
  const outcome = (run: () => unknown) => {
    try {
      return { value: run() };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  return { fast: outcome(resolve), cdktf: outcome(() => withCdktfResolver(resolve)) };
}

/** Nested `depth` levels deep in arrays. */
const nested = (depth: number): unknown => (depth === 0 ? "leaf" : [nested(depth - 1)]);

const CASES: Record<string, unknown> = {
  "plain data": { a: "text", b: 1.5, c: true, d: null, e: [1, "two", false], f: { g: {} }, h: [] },
  "undefined values and holes are dropped": { a: undefined, b: [1, undefined, 3], c: [undefined, 2] },
  "a reference": { id: bucket.id },
  "a reference inside a string": `arn:${bucket.arn}/*`,
  "references as keys": { [bucket.bucket]: bucket.id, plain: "x" },
  "a list token": bucket.corsRule,
  "a list token in a list": { tags: Token.asList(bucket.id) },
  "a number token": Token.asNumber(bucket.id),
  "a number token in a string": `${Token.asNumber(bucket.id)} buckets`,
  "a string map token": Token.asStringMap(bucket.tags),
  "an any map token": { tags: Token.asAnyMap(bucket.tagsAll) },
  "a lazy value producing a reference": Lazy.anyValue({ produce: () => ({ nested: [bucket.arn] }) }),
  "a function call over a reference": Fn.jsonencode({ Resource: [bucket.arn, `${bucket.arn}/*`], Effect: "Allow" }),
  "escaped interpolation": "literal $${not.a.reference} and ${var.raw}",
  "strings that look like numbers": ["1e5", "ap-southeast-1", "3.2e+10", "-e-", "e", "2024-06-01e"],
  "a date": new Date(0),
  "the string map marker": Token.STRING_MAP_TOKEN_VALUE,
  "a function": { f: () => 1 },
  "a construct": { bucket },
  "nesting at the depth limit": nested(200),
  "nesting past the depth limit": nested(201),
};

describe("the fast resolver gives cdktf's results", () => {
  it.each(Object.entries(CASES))("%s", (_, value) => {
    const { fast, cdktf } = resolveBoth(value);
    expect(fast).toEqual(cdktf);
  });

  it("while preparing, too", () => {
    const { fast, cdktf } = resolveBoth({ id: bucket.id, list: bucket.corsRule, lazy: Lazy.stringValue({ produce: () => bucket.arn }) }, true);
    expect(fast).toEqual(cdktf);
  });

  it("and the cases above cover values, errors and references", () => {
    const outcomes = Object.values(CASES).map((value) => resolveBoth(value).fast as { value?: unknown; error?: string });
    expect(outcomes.filter((o) => o.error !== undefined).length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(outcomes.map((o) => o.value))).toContain("${aws_s3_bucket.bucket.arn}");
  });
});
