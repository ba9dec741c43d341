import { type AlarmDefinition, countWindow } from "./metric-alarm";

export interface WebApplicationFirewallAlarmsProps {
  /** Name of the regional web ACL (the `WebACL` dimension). */
  readonly webAclName: string;
  /** Region of the web ACL (the `Region` dimension of a regional ACL's metrics). */
  readonly region: string;
  readonly thresholds: {
    /** Requests blocked by any rule per count window above which it pages. */
    readonly blockedRequests: number;
    /** Window, in seconds, the blocked requests are summed over. */
    readonly countPeriodSeconds: number;
  };
}

/**
 * The alarm of a `WebApplicationFirewall`: a spike of blocked requests, an attack or a rule blocking real
 * users. Beside web-application-firewall.ts; see `AlarmDefinition` for why a helper.
 */
export function webApplicationFirewallAlarms(props: WebApplicationFirewallAlarmsProps): AlarmDefinition[] {
  const { thresholds } = props;
  return [
    {
      id: "waf_blocked_requests",
      spec: {
        ...countWindow(thresholds.countPeriodSeconds),
        name: "waf-blocked-spike",
        description: `WAF: more than ${thresholds.blockedRequests} requests blocked in ${thresholds.countPeriodSeconds / 60} minutes; an attack, or a rule blocking real users (see the WAF logs).`,
        namespace: "AWS/WAFV2",
        metricName: "BlockedRequests",
        dimensions: { WebACL: props.webAclName, Region: props.region, Rule: "ALL" },
        threshold: thresholds.blockedRequests,
        treatMissingData: "notBreaching",
        widget: "WAF blocked requests",
        label: "all rules",
      },
    },
  ];
}
