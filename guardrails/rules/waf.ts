/** WAFv2 web ACLs: managed-rule exceptions that keep their protection, and logs without credentials. */
import { elementRule, stackRule } from "../catalog";
import { blocks, referencedAddress } from "../helpers";
import { type ElementView, type RuleContext, type StackRule, type Verdict, compliant, nonCompliant, notApplicable } from "../types";

const COMMON_RULE_SET = "AWSManagedRulesCommonRuleSet";
/** Path segments of routes that take uploads, documents or source files in the request body. */
const LARGE_BODY_ROUTE = /(^|[/_-])(uploads?|documents?|files?|attachments?|imports?|conversions?|convert|media|audio|images?|code)([/_.-]|\*|$)/i;

interface AclRule {
  readonly name: string;
  readonly priority: number;
  readonly raw: Record<string, unknown>;
}

function aclRules(acl: ElementView): AclRule[] {
  return blocks(acl.attributes.rule).map((raw) => ({ name: String(raw.name), priority: Number(raw.priority), raw }));
}

/** A web ACL's Core Rule Set rule and its per-rule action overrides. */
interface CoreRuleSet {
  readonly rule: AclRule;
  readonly overrides: Record<string, unknown>[];
}

/** The Core Rule Set rule of a web ACL applied with its own actions (not overridden to count as a whole). */
function commonRuleSet(acl: ElementView): CoreRuleSet | undefined {
  for (const rule of aclRules(acl)) {
    const statement = blocks(rule.raw.statement)[0];
    const group = statement && blocks(statement.managed_rule_group_statement)[0];
    if (group?.name !== COMMON_RULE_SET) continue;
    if (blocks(rule.raw.override_action).some((action) => "count" in action)) return undefined;
    return { rule, overrides: blocks(group.rule_action_override) };
  }
  return undefined;
}

/**
 * Each web ACL of the stack with its Core Rule Set rule: not applicable where the ACL has none or counts it as a whole,
 * else the verdict `judge` gives.
 */
function eachCoreRuleSet(context: RuleContext, judge: (acl: ElementView, crs: CoreRuleSet) => Verdict): ReturnType<StackRule["check"]> {
  return context.elements
    .filter((e) => e.type === "aws_wafv2_web_acl")
    .map((acl) => {
      const crs = commonRuleSet(acl);
      return { subject: acl, verdict: crs ? judge(acl, crs) : notApplicable };
    });
}

const counts = (override: Record<string, unknown>) => blocks(override.action_to_use).some((action) => "count" in action);

/** Path patterns of the listener rules on the load balancers a web ACL is associated with (in this stack). */
function protectedPathPatterns(acl: ElementView, context: RuleContext): string[] {
  const balancers = context.elements
    .filter((e) => e.type === "aws_wafv2_web_acl_association" && referencedAddress(e.attributes.web_acl_arn) === acl.address)
    .map((association) => referencedAddress(association.attributes.resource_arn));
  const listeners = context.elements
    .filter(
      (e) => (e.type === "aws_lb_listener" || e.type === "aws_alb_listener") && balancers.includes(referencedAddress(e.attributes.load_balancer_arn)),
    )
    .map((listener) => listener.address);
  return context.elements
    .filter(
      (e) =>
        (e.type === "aws_lb_listener_rule" || e.type === "aws_alb_listener_rule") &&
        listeners.includes(referencedAddress(e.attributes.listener_arn) ?? ""),
    )
    .flatMap((rule) => blocks(rule.attributes.condition))
    .flatMap((condition) => blocks(condition.path_pattern))
    .flatMap((pattern) => (Array.isArray(pattern.values) ? pattern.values.map(String) : []));
}

export const bodyCapSparesUploadRoutes = stackRule("VP-WAF-1", (context) =>
  eachCoreRuleSet(context, (acl, crs) => {
    if (crs.overrides.some((o) => o.name === "SizeRestrictions_BODY" && counts(o))) return compliant;
    const routes = protectedPathPatterns(acl, context).filter((pattern) => LARGE_BODY_ROUTE.test(pattern));
    return routes.length === 0
      ? compliant
      : nonCompliant(
          `the Core Rule Set's SizeRestrictions_BODY blocks every request body over 8 KB, and the ALB routes ${routes.join(", ")} look like they take larger ones`,
        );
  }),
);

export const countedBodyRulesAreReblocked = stackRule("VP-WAF-2", (context) =>
  eachCoreRuleSet(context, (acl, crs) => {
    const later = aclRules(acl).filter((r) => r.priority > crs.rule.priority && blocks(r.raw.action).some((a) => "block" in a));
    const unguarded = crs.overrides
      .filter((o) => counts(o) && /_BODY$/.test(String(o.name)))
      .map((o) => String(o.name))
      .filter((name) => {
        const label = `awswaf:managed:aws:core-rule-set:${name.replace(/_BODY$/, "_Body")}`;
        return !later.some((r) => JSON.stringify(r.raw.statement ?? {}).includes(`"key":"${label}"`));
      });
    return unguarded.length === 0
      ? compliant
      : nonCompliant(
          `${unguarded.join(", ")} only count${unguarded.length === 1 ? "s" : ""} and no later rule blocks the label, so that protection is off on every path`,
        );
  }),
);

/** Request parts that carry credentials: sessions, bearer tokens and tokens in WebSocket upgrade URLs. */
const REDACTED_HEADERS = ["authorization", "cookie"];

export const wafLogsRedactCredentials = elementRule("VP-WAF-3", ["aws_wafv2_web_acl_logging_configuration"], ({ attributes }) => {
  const fields = blocks(attributes.redacted_fields);
  const headers = fields.flatMap((f) => blocks(f.single_header)).map((h) => String(h.name).toLowerCase());
  const missing = [
    ...REDACTED_HEADERS.filter((name) => !headers.includes(name)).map((name) => `the ${name} header`),
    ...(fields.some((f) => f.query_string !== undefined) ? [] : ["the query string"]),
  ];
  return missing.length === 0 ? compliant : nonCompliant(`${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} logged in clear`);
});
