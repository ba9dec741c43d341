import { describe, expect, it } from "vitest";
import { editedConfig } from "../support/synth";

describe("edge.waf large-body and script-body paths", () => {
  it("default to none, which keeps the Core Rule Set blocking on every path", () => {
    const config = editedConfig("prod", (r) => {
      delete r.edge.waf.largeBodyPaths;
      delete r.edge.waf.scriptBodyPaths;
    });
    expect(config.edge!.waf.largeBodyPaths).toEqual([]);
    expect(config.edge!.waf.scriptBodyPaths).toEqual([]);
  });

  it.each<[string, (r: any) => void, RegExp]>([
    ["a wildcard", (r) => (r.edge.waf.largeBodyPaths = ["/uploads/*"]), /edge\.waf\.largeBodyPaths\.0: must be a URI path prefix/],
    ["no leading slash", (r) => (r.edge.waf.scriptBodyPaths = ["code/"]), /edge\.waf\.scriptBodyPaths\.0: must be a URI path prefix/],
    ["over 200 characters", (r) => (r.edge.waf.largeBodyPaths = [`/${"a".repeat(200)}`]), /edge\.waf\.largeBodyPaths\.0: must be at most 200/],
    [
      "more than 10 prefixes",
      (r) => (r.edge.waf.largeBodyPaths = Array.from({ length: 11 }, (_, i) => `/p${i}/`)),
      /edge\.waf\.largeBodyPaths: must list at most 10/,
    ],
    ["a prefix twice", (r) => (r.edge.waf.largeBodyPaths = ["/a/", "/a/"]), /edge\.waf\.largeBodyPaths\.1: lists \/a\/ twice/],
    [
      "paths without the Core Rule Set",
      (r) => {
        r.environment = "dev";
        r.edge.waf.managedRules.commonRuleSet = false;
        r.edge.waf.largeBodyPaths = ["/uploads/"];
      },
      /edge\.waf\.largeBodyPaths: requires edge\.waf\.managedRules\.commonRuleSet/,
    ],
  ])("rejects %s", (_what, edit, message) => {
    expect(() => editedConfig("dev", edit)).toThrow(message);
  });
});
