/** Builders of the unsafe / safe cases of VP-LOG-5, VP-BAK-2, VP-WAF-1 (apply-rules.test.ts) and VP-WAF-2, VP-WAF-3 (guardrails.test.ts). */
import { BackupPlan } from "@cdktf/provider-aws/lib/backup-plan";
import { BackupSelection } from "@cdktf/provider-aws/lib/backup-selection";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { Wafv2WebAcl } from "@cdktf/provider-aws/lib/wafv2-web-acl";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Wafv2WebAclLoggingConfiguration } from "@cdktf/provider-aws/lib/wafv2-web-acl-logging-configuration";
import type { TerraformStack } from "cdktf";
import { WebApplicationFirewall } from "../../constructs/web-application-firewall";
import { assumeRolePolicy, policyDocument } from "../../constructs/iam-policy";

const ACCOUNT = "111111111111";

/** A VPC flow log to CloudWatch Logs whose role may call `actions` (DescribeLogGroups on log-group:* if listed). */
export function flowLogWithRole(stack: TerraformStack, id: string, describeLogGroups: boolean): void {
  const group = new CloudwatchLogGroup(stack, `${id}_group`, { name: `/aws/vpc/${id}`, retentionInDays: 30 });
  const role = new IamRole(stack, `${id}_role`, {
    name: `${id}-flow-logs`,
    assumeRolePolicy: assumeRolePolicy("vpc-flow-logs.amazonaws.com", ACCOUNT),
  });
  new IamRolePolicy(stack, `${id}_policy`, {
    name: `${id}-flow-logs`,
    role: role.id,
    policy: policyDocument([
      { sid: "Write", actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], resources: [group.arn, `${group.arn}:*`] },
      ...(describeLogGroups
        ? [{ sid: "Find", actions: ["logs:DescribeLogGroups"], resources: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:*`] }]
        : []),
    ]),
  });
  new FlowLog(stack, id, {
    vpcId: "vpc-0123456789abcdef0",
    trafficType: "ALL",
    logDestinationType: "cloud-watch-logs",
    logDestination: group.arn,
    iamRoleArn: role.arn,
  });
}

/** A backup plan whose only selection matches by tag, or which also selects a table by ARN. */
export function backupPlan(stack: TerraformStack, id: string, byArn: boolean): void {
  const plan = new BackupPlan(stack, id, {
    name: id,
    rule: [{ ruleName: "daily", targetVaultName: "vault", schedule: "cron(0 5 ? * * *)", lifecycle: { deleteAfter: 7 } }],
  });
  const iamRoleArn = `arn:aws:iam::${ACCOUNT}:role/backup`;
  new BackupSelection(stack, `${id}_tagged`, {
    name: `${id}-tagged`,
    planId: plan.id,
    iamRoleArn,
    selectionTag: [{ type: "STRINGEQUALS", key: "backup", value: "true" }],
  });
  if (byArn) {
    new BackupSelection(stack, `${id}_tables`, {
      name: `${id}-tables`,
      planId: plan.id,
      iamRoleArn,
      resources: [`arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/tokens`],
    });
  }
}

/** An ALB routing `/documents/*`, behind a web ACL with the Core Rule Set, its body cap relaxed there or not. */
export function webAclInFrontOfDocuments(stack: TerraformStack, id: string, relaxed: boolean): void {
  const alb = new Lb(stack, `${id}_alb`, { name: id, loadBalancerType: "application", subnets: ["subnet-1", "subnet-2"] });
  const listener = new LbListener(stack, `${id}_listener`, {
    loadBalancerArn: alb.arn,
    port: 80,
    defaultAction: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "404" } }],
  });
  new LbListenerRule(stack, `${id}_documents`, {
    listenerArn: listener.arn,
    priority: 10,
    action: [{ type: "forward", targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/docs/0123456789abcdef` }],
    condition: [{ pathPattern: { values: ["/documents/*"] } }],
  });
  if (relaxed) {
    new WebApplicationFirewall(stack, id, {
      name: id,
      protectedResourceArn: alb.arn,
      rateLimitPer5Min: 2000,
      managedRuleGroups: ["AWSManagedRulesCommonRuleSet"],
      commonRuleSetExceptions: [{ rule: "SizeRestrictions_BODY", pathPrefixes: ["/documents/"] }],
      logKmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/00000000-0000-0000-0000-000000000000`,
      logRetentionDays: 30,
    });
    return;
  }
  const visibility = { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: id };
  const acl = new Wafv2WebAcl(stack, id, {
    name: id,
    scope: "REGIONAL",
    defaultAction: { allow: {} },
    rule: [
      {
        name: "AWSManagedRulesCommonRuleSet",
        priority: 10,
        overrideAction: { none: {} },
        statement: { managed_rule_group_statement: { vendor_name: "AWS", name: "AWSManagedRulesCommonRuleSet" } },
        visibilityConfig: visibility,
      },
    ],
    visibilityConfig: visibility,
  });
  new Wafv2WebAclAssociation(stack, `${id}_association`, { resourceArn: alb.arn, webAclArn: acl.arn });
}

/** A web ACL counting the Core Rule Set's SizeRestrictions_BODY, blocked again by label after it or not (VP-WAF-2). */
export function webAclCountingBodyCap(stack: TerraformStack, id: string, reblocked: boolean): void {
  const visibility = { cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: id };
  new Wafv2WebAcl(stack, id, {
    name: id,
    scope: "REGIONAL",
    defaultAction: { allow: {} },
    rule: [
      {
        name: "AWSManagedRulesCommonRuleSet",
        priority: 10,
        overrideAction: { none: {} },
        statement: {
          managed_rule_group_statement: {
            vendor_name: "AWS",
            name: "AWSManagedRulesCommonRuleSet",
            rule_action_override: [{ name: "SizeRestrictions_BODY", action_to_use: { count: {} } }],
          },
        },
        visibilityConfig: visibility,
      },
      ...(reblocked
        ? [
            {
              name: "SizeRestrictions_BODY-outside-allowed-paths",
              priority: 11,
              action: { block: {} },
              statement: { label_match_statement: { scope: "LABEL", key: "awswaf:managed:aws:core-rule-set:SizeRestrictions_Body" } },
              visibilityConfig: visibility,
            },
          ]
        : []),
    ],
    visibilityConfig: visibility,
  });
}

/** WAF logging that redacts only authorization, or also cookie and the query string (VP-WAF-3). */
export function wafLogging(stack: TerraformStack, id: string, complete: boolean): void {
  new Wafv2WebAclLoggingConfiguration(stack, id, {
    resourceArn: `arn:aws:wafv2:us-east-1:${ACCOUNT}:regional/webacl/${id}/0`,
    logDestinationConfigs: [`arn:aws:logs:us-east-1:${ACCOUNT}:log-group:aws-waf-logs-${id}`],
    redactedFields: [{ singleHeader: { name: "authorization" } }, ...(complete ? [{ singleHeader: { name: "cookie" } }, { queryString: {} }] : [])],
  });
}
