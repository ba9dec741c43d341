import { Wafv2WebAcl, Wafv2WebAclRule } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import { Construct } from "constructs";
import { EncryptedLogGroup } from "./encrypted-log-group";

/** What AWS managed Bot Control does: nothing, label and count only, or apply its block actions. */
export type BotControlMode = "off" | "count" | "block";

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
   * Request headers replaced by `REDACTED` in the logs.
   * @default ["authorization"]
   */
  readonly redactedHeaders?: readonly string[];
}

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
      throw new Error(`WebApplicationFirewall ${id}: rateLimitPer5Min must be an integer ${RATE_LIMIT_MIN}-${RATE_LIMIT_MAX}, got ${props.rateLimitPer5Min}`);
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
      rules.push({
        name: group,
        priority: 20 + i * 10,
        overrideAction: { none: {} },
        statement: { managed_rule_group_statement: { vendor_name: "AWS", name: group } },
        visibilityConfig: visibility(group),
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
      redactedFields: (props.redactedHeaders ?? ["authorization"]).map((name) => ({ singleHeader: { name } })),
    });
  }

  get arn(): string {
    return this.webAcl.arn;
  }

  get name(): string {
    return this.webAcl.name;
  }
}
