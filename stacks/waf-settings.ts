import type { WafConfig } from "../config/sections/edge";
import type { WebApplicationFirewallProps } from "../constructs/web-application-firewall";

/** What a `waf` config section decides of a web ACL; the stack adds its name, protected resource and log key. */
export type FirewallSettings = Omit<WebApplicationFirewallProps, "name" | "protectedResourceArn" | "logKmsKeyArn">;

/** Managed rule groups by config toggle, in evaluation order: cheap IP lists first, body inspection last. */
const MANAGED_RULE_GROUPS: readonly [keyof WafConfig["managedRules"], string][] = [
  ["ipReputation", "AWSManagedRulesAmazonIpReputationList"],
  ["anonymousIp", "AWSManagedRulesAnonymousIpList"],
  ["commonRuleSet", "AWSManagedRulesCommonRuleSet"],
  ["knownBadInputs", "AWSManagedRulesKnownBadInputsRuleSet"],
  ["sqlInjection", "AWSManagedRulesSQLiRuleSet"],
];

/**
 * The web ACL settings of a `waf` config section (`edge.waf` in front of the ALB, `api.waf` on the REST API stage),
 * in one place so that both web ACLs evaluate the same toggles in the same order.
 */
export function firewallSettings(waf: WafConfig): FirewallSettings {
  return {
    rateLimitPer5Min: waf.rateLimitPer5Min,
    managedRuleGroups: MANAGED_RULE_GROUPS.filter(([toggle]) => waf.managedRules[toggle]).map(([, group]) => group),
    botControl: waf.botControl,
    geoBlockCountries: waf.geoBlockCountries,
    logRetentionDays: waf.logRetentionDays,
    // Only the rules with paths to relax: an exception without paths would be refused by the construct.
    commonRuleSetExceptions: [
      { rule: "SizeRestrictions_BODY" as const, pathPrefixes: waf.largeBodyPaths },
      { rule: "CrossSiteScripting_BODY" as const, pathPrefixes: waf.scriptBodyPaths },
    ].filter((exception) => exception.pathPrefixes.length > 0),
  };
}
