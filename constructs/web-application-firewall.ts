import { Wafv2WebAcl, type Wafv2WebAclRule } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "./encrypted-log-group";

/** What AWS managed Bot Control does: nothing, label and count only, or apply its block actions. */
export type BotControlMode = "off" | "count" | "block";

/** The AWS managed Core Rule Set. */
export const COMMON_RULE_SET = "AWSManagedRulesCommonRuleSet";

/**
 * Core Rule Set body rules that can be relaxed on some paths, with the label each adds to a request it matches
 * (https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html).
 */
export const COMMON_RULE_SET_BODY_LABELS = {
  /** Bodies over 8 KB. */
  SizeRestrictions_BODY: "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body",
  /** Script and markup patterns in the body (source code, HTML). */
  CrossSiteScripting_BODY: "awswaf:managed:aws:core-rule-set:CrossSiteScripting_Body",
} as const;

export type CommonRuleSetBodyRule = keyof typeof COMMON_RULE_SET_BODY_LABELS;

/** A Core Rule Set body rule that only counts, re-imposed by a rule of ours everywhere but on some paths. */
export interface CommonRuleSetPathException {
  /** The Core Rule Set rule whose action is overridden to Count. */
  readonly rule: CommonRuleSetBodyRule;
  /**
   * URI path prefixes (`/document-extraction/`) where requests the rule labels pass; elsewhere they are blocked.
   * Compared after WAF's NORMALIZE_PATH, so `/code/../admin` is not under `/code/`.
   */
  readonly pathPrefixes: readonly string[];
}

export interface WebApplicationFirewallProps {
  /** Web ACL name; also names its metrics and its `aws-waf-logs-<name>` log group. */
  readonly name: string;
  /** Regional resource the ACL protects (an ALB ARN). */
  readonly protectedResourceArn: string;
  /** Requests one client IP may send per 5 minutes before it is blocked (WAF: 10 to 2,000,000,000). */
  readonly rateLimitPer5Min: number;
  /** AWS managed rule groups (`AWSManagedRulesCommonRuleSet`, ...) applied with their own actions, in this order. */
  readonly managedRuleGroups: readonly string[];
  /**
   * Core Rule Set body rules relaxed on some paths (AWS's documented pattern: override the rule to Count, then block
   * its label with a rule of ours that excludes those paths). Requires `AWSManagedRulesCommonRuleSet` in
   * `managedRuleGroups`.
   * @default - none; the Core Rule Set blocks with its own actions everywhere
   */
  readonly commonRuleSetExceptions?: readonly CommonRuleSetPathException[];
  /**
   * AWS managed Bot Control (COMMON inspection level).
   * @default "off"
   */
  readonly botControl?: BotControlMode;
  /**
   * ISO 3166-1 alpha-2 codes of countries to block.
   * @default - no geo blocking
   */
  readonly geoBlockCountries?: readonly string[];
  /** CMK of the log group (its key policy must let CloudWatch Logs use it). */
  readonly logKmsKeyArn: string;
  /** Days WAF logs are kept (a CloudWatch retention value). */
  readonly logRetentionDays: number;
  /**
   * Request headers (lower case) replaced by `REDACTED` in the logs.
   * @default ["authorization", "cookie"]
   */
  readonly redactedHeaders?: readonly string[];
  /**
   * Redact the query string in the logs (tokens of WebSocket upgrade URLs and signed callbacks travel there).
   * @default true
   */
  readonly redactQueryString?: boolean;
}

/** WAF byte match search strings are at most 200 bytes. */
const SEARCH_STRING_MAX = 200;
/** Each prefix costs WCUs (a byte match plus a text transformation) out of the web ACL's 1,500. */
const PATH_PREFIXES_MAX = 10;

const RATE_LIMIT_MIN = 10;
const RATE_LIMIT_MAX = 2_000_000_000;

/**
 * A regional WAFv2 web ACL: geo block, per-IP rate limit, AWS managed rule groups and optional Bot Control,
 * associated with one resource and logging to a KMS-encrypted CloudWatch log group with credentials redacted.
 */
export class WebApplicationFirewall extends Construct {
  readonly webAcl: Wafv2WebAcl;
  readonly logGroup: EncryptedLogGroup;

  constructor(scope: Construct, id: string, props: WebApplicationFirewallProps) {
    super(scope, id);
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(props.name)) {
      throw new Error(`WebApplicationFirewall ${id}: name "${props.name}" must be 1-100 of A-Z a-z 0-9 _ -`);
    }
    if (!Number.isInteger(props.rateLimitPer5Min) || props.rateLimitPer5Min < RATE_LIMIT_MIN || props.rateLimitPer5Min > RATE_LIMIT_MAX) {
      throw new Error(
        `WebApplicationFirewall ${id}: rateLimitPer5Min must be an integer ${RATE_LIMIT_MIN}-${RATE_LIMIT_MAX}, got ${props.rateLimitPer5Min}`,
      );
    }
    const exceptions = props.commonRuleSetExceptions ?? [];
    validateExceptions(id, exceptions, props.managedRuleGroups);
    const redactedHeaders = props.redactedHeaders ?? ["authorization", "cookie"];
    for (const header of redactedHeaders) {
      if (!/^[a-z0-9!#$%&'*+.^_`|~-]{1,64}$/.test(header)) {
        throw new Error(`WebApplicationFirewall ${id}: redactedHeaders "${header}" must be a lower-case header name (WAF compares lower case)`);
      }
    }
    const visibility = (metric: string) => ({
      cloudwatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${props.name}-${metric}`,
    });

    // Priorities leave gaps so a rule can be slotted in without renumbering the others.
    const rules: Wafv2WebAclRule[] = [];
    const geoBlock = props.geoBlockCountries ?? [];
    if (geoBlock.length > 0) {
      rules.push({
        name: "geo-block",
        priority: 0,
        action: { block: {} },
        statement: { geo_match_statement: { country_codes: [...geoBlock] } },
        visibilityConfig: visibility("geo-block"),
      });
    }
    rules.push({
      name: "rate-limit-per-ip",
      priority: 10,
      action: { block: {} },
      statement: {
        rate_based_statement: { limit: props.rateLimitPer5Min, aggregate_key_type: "IP", evaluation_window_sec: 300 },
      },
      visibilityConfig: visibility("rate-limit-per-ip"),
    });
    props.managedRuleGroups.forEach((group, i) => {
      const priority = 20 + i * 10;
      const counted = group === COMMON_RULE_SET ? exceptions : [];
      rules.push({
        name: group,
        priority,
        overrideAction: { none: {} },
        statement: {
          managed_rule_group_statement: {
            vendor_name: "AWS",
            name: group,
            ...(counted.length > 0 ? { rule_action_override: counted.map(({ rule }) => ({ name: rule, action_to_use: { count: {} } })) } : {}),
          },
        },
        visibilityConfig: visibility(group),
      });
      // Right after the group (its labels exist only once it has run), block what it now only counts, except on the
      // paths that may carry such bodies.
      counted.forEach(({ rule, pathPrefixes }, k) => {
        const name = `${rule}-outside-allowed-paths`;
        rules.push({
          name,
          priority: priority + 1 + k,
          action: { block: {} },
          statement: {
            and_statement: {
              statement: [
                { label_match_statement: { scope: "LABEL", key: COMMON_RULE_SET_BODY_LABELS[rule] } },
                // NOT p1 AND NOT p2: WAF allows three levels of nesting, too few for NOT (p1 OR p2) inside an AND.
                ...pathPrefixes.map((prefix) => ({
                  not_statement: {
                    statement: [
                      {
                        byte_match_statement: {
                          positional_constraint: "STARTS_WITH",
                          search_string: prefix,
                          field_to_match: { uri_path: {} },
                          text_transformation: [{ priority: 0, type: "NORMALIZE_PATH" }],
                        },
                      },
                    ],
                  },
                })),
              ],
            },
          },
          visibilityConfig: visibility(name),
        });
      });
    });
    const botControl = props.botControl ?? "off";
    if (botControl !== "off") {
      rules.push({
        name: "AWSManagedRulesBotControlRuleSet",
        priority: 20 + props.managedRuleGroups.length * 10,
        overrideAction: botControl === "count" ? { count: {} } : { none: {} },
        statement: {
          managed_rule_group_statement: {
            vendor_name: "AWS",
            name: "AWSManagedRulesBotControlRuleSet",
            managed_rule_group_configs: [{ aws_managed_rules_bot_control_rule_set: { inspection_level: "COMMON" } }],
          },
        },
        visibilityConfig: visibility("AWSManagedRulesBotControlRuleSet"),
      });
    }

    this.webAcl = new Wafv2WebAcl(this, "Resource", {
      name: props.name,
      description: `Rate limit, managed rules and geo block in front of ${props.name}`,
      scope: "REGIONAL",
      defaultAction: { allow: {} },
      rule: rules,
      visibilityConfig: visibility("web-acl"),
      tags: { Name: props.name },
    });

    new Wafv2WebAclAssociation(this, "Association", {
      resourceArn: props.protectedResourceArn,
      webAclArn: this.webAcl.arn,
    });

    // WAF only delivers to log groups whose name starts with aws-waf-logs-.
    this.logGroup = new EncryptedLogGroup(this, "Logs", {
      name: `aws-waf-logs-${props.name}`,
      kmsKeyArn: props.logKmsKeyArn,
      retentionDays: props.logRetentionDays,
    });
    new Wafv2WebAclLoggingConfiguration(this, "Logging", {
      resourceArn: this.webAcl.arn,
      logDestinationConfigs: [this.logGroup.arn],
      redactedFields: [
        ...redactedHeaders.map((name) => ({ singleHeader: { name } })),
        ...((props.redactQueryString ?? true) ? [{ queryString: {} }] : []),
      ],
    });
  }

  get arn(): string {
    return this.webAcl.arn;
  }

  get name(): string {
    return this.webAcl.name;
  }
}

function validateExceptions(id: string, exceptions: readonly CommonRuleSetPathException[], groups: readonly string[]): void {
  if (exceptions.length > 0 && !groups.includes(COMMON_RULE_SET)) {
    throw new Error(`WebApplicationFirewall ${id}: commonRuleSetExceptions need ${COMMON_RULE_SET} in managedRuleGroups`);
  }
  exceptions.forEach(({ rule, pathPrefixes }, i) => {
    if (!(rule in COMMON_RULE_SET_BODY_LABELS)) {
      throw new Error(
        `WebApplicationFirewall ${id}: commonRuleSetExceptions[${i}].rule "${rule}" must be one of ${Object.keys(COMMON_RULE_SET_BODY_LABELS).join(", ")}`,
      );
    }
    if (exceptions.findIndex((other) => other.rule === rule) !== i) {
      throw new Error(`WebApplicationFirewall ${id}: commonRuleSetExceptions lists ${rule} twice`);
    }
    if (pathPrefixes.length === 0 || pathPrefixes.length > PATH_PREFIXES_MAX) {
      throw new Error(`WebApplicationFirewall ${id}: commonRuleSetExceptions[${i}].pathPrefixes must list 1-${PATH_PREFIXES_MAX} prefixes`);
    }
    for (const prefix of pathPrefixes) {
      if (!/^\/[^*?\s]*$/.test(prefix) || prefix.length > SEARCH_STRING_MAX) {
        throw new Error(
          `WebApplicationFirewall ${id}: path prefix "${prefix}" must start with /, hold no * ? or spaces and be at most ${SEARCH_STRING_MAX} characters`,
        );
      }
    }
  });
}
