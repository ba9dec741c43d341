import { describe, expect, it } from "vitest";
import { WebApplicationFirewall, type WebApplicationFirewallProps } from "../../constructs/web-application-firewall";
import { synthScope } from "../support/test-app";

const BASE: WebApplicationFirewallProps = {
  name: "voice-ai-dev",
  protectedResourceArn: "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/voice-ai-dev/0123456789abcdef",
  rateLimitPer5Min: 2000,
  managedRuleGroups: ["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet"],
  logKmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/00000000-0000-0000-0000-000000000000",
  logRetentionDays: 30,
};

function synthWaf(props: Partial<WebApplicationFirewallProps>): Record<string, any> {
  const text = synthScope((scope) => {
    new WebApplicationFirewall(scope, "waf", { ...BASE, ...props });
  });
  return JSON.parse(text).resource;
}

const SIZE_LABEL = "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body";

describe("WebApplicationFirewall Core Rule Set path exceptions (R-B1)", () => {
  it("without exceptions leaves the Core Rule Set blocking with its own actions, as before", () => {
    const rules: any[] = (Object.values as (o: any) => any[])(synthWaf({}).aws_wafv2_web_acl)[0].rule;
    const crs = rules.find((r) => r.name === "AWSManagedRulesCommonRuleSet");
    expect(crs.statement.managed_rule_group_statement.rule_action_override).toBeUndefined();
    expect(rules.some((r) => JSON.stringify(r.statement).includes("label_match_statement"))).toBe(false);
  });

  it("counts SizeRestrictions_BODY and blocks its label right after the group, except under the large-body paths", () => {
    const rules: any[] = (Object.values as (o: any) => any[])(
      synthWaf({ commonRuleSetExceptions: [{ rule: "SizeRestrictions_BODY", pathPrefixes: ["/uploads/", "/documents/"] }] }).aws_wafv2_web_acl,
    )[0].rule;
    const crs = rules.find((r) => r.name === "AWSManagedRulesCommonRuleSet");
    expect(crs.override_action).toEqual({ none: {} });
    expect(crs.statement.managed_rule_group_statement.rule_action_override).toEqual([
      { name: "SizeRestrictions_BODY", action_to_use: { count: {} } },
    ]);
    const ours = rules.find((r) => r.name === "SizeRestrictions_BODY-outside-allowed-paths");
    // Right after the Core Rule Set: no other rule is evaluated between the label and our block.
    const after = rules.filter((r) => r.priority > crs.priority).sort((a, b) => a.priority - b.priority)[0];
    expect(after).toBe(ours);
    expect(ours.action).toEqual({ block: {} });
    const [label, ...nots] = ours.statement.and_statement.statement;
    expect(label).toEqual({ label_match_statement: { scope: "LABEL", key: SIZE_LABEL } });
    expect(nots.map((n: any) => n.not_statement.statement[0].byte_match_statement)).toEqual(
      ["/uploads/", "/documents/"].map((prefix) => ({
        positional_constraint: "STARTS_WITH",
        search_string: prefix,
        field_to_match: { uri_path: {} },
        text_transformation: [{ priority: 0, type: "NORMALIZE_PATH" }],
      })),
    );
    expect(new Set(rules.map((r) => r.priority)).size).toBe(rules.length);
  });

  it("relaxes CrossSiteScripting_BODY the same way, with its own label", () => {
    const rules: any[] = (Object.values as (o: any) => any[])(
      synthWaf({ commonRuleSetExceptions: [{ rule: "CrossSiteScripting_BODY", pathPrefixes: ["/code/"] }] }).aws_wafv2_web_acl,
    )[0].rule;
    const ours = rules.find((r) => r.name === "CrossSiteScripting_BODY-outside-allowed-paths");
    expect(ours.statement.and_statement.statement[0].label_match_statement.key).toBe("awswaf:managed:aws:core-rule-set:CrossSiteScripting_Body");
  });

  it.each([
    [
      { managedRuleGroups: ["AWSManagedRulesSQLiRuleSet"], commonRuleSetExceptions: [{ rule: "SizeRestrictions_BODY", pathPrefixes: ["/u/"] }] },
      /need AWSManagedRulesCommonRuleSet/,
    ],
    [{ commonRuleSetExceptions: [{ rule: "SizeRestrictions_BODY", pathPrefixes: [] }] }, /pathPrefixes must list 1-10/],
    [{ commonRuleSetExceptions: [{ rule: "SizeRestrictions_BODY", pathPrefixes: ["/code/*"] }] }, /must start with \/, hold no \*/],
    [{ commonRuleSetExceptions: [{ rule: "SizeRestrictions_BODY", pathPrefixes: ["code/"] }] }, /must start with \//],
    [{ commonRuleSetExceptions: [{ rule: "GenericLFI_BODY", pathPrefixes: ["/code/"] }] }, /must be one of/],
    [
      {
        commonRuleSetExceptions: [
          { rule: "SizeRestrictions_BODY", pathPrefixes: ["/a/"] },
          { rule: "SizeRestrictions_BODY", pathPrefixes: ["/b/"] },
        ],
      },
      /twice/,
    ],
    [{ redactedHeaders: ["Cookie"] }, /lower-case header name/],
  ])("rejects %j", (props, message) => {
    expect(() => synthWaf(props as Partial<WebApplicationFirewallProps>)).toThrow(message);
  });
});

describe("WebApplicationFirewall log redaction (R-B4)", () => {
  it("redacts the authorization and cookie headers and the query string by default", () => {
    const logging = Object.values(synthWaf({}).aws_wafv2_web_acl_logging_configuration)[0] as any;
    expect(logging.redacted_fields).toEqual([
      { single_header: { name: "authorization" } },
      { single_header: { name: "cookie" } },
      { query_string: {} },
    ]);
  });

  it("keeps the query string when asked to", () => {
    const logging = Object.values(synthWaf({ redactQueryString: false }).aws_wafv2_web_acl_logging_configuration)[0] as any;
    expect(logging.redacted_fields).not.toContainEqual({ query_string: {} });
  });
});
