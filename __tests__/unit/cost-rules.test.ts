import type { TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { CostAnomalyDetection } from "../../constructs/cost-anomaly-detection";
import { RULES } from "../../guardrails";
import { COST_APPLY_CASES, alertTopic } from "../support/cost-cases";
import { synthScope, guardedFindings as findings } from "../support/test-app";

const COST_RULES = RULES.filter((rule) => rule.id.startsWith("VP-COST-"));

describe("cost rules", () => {
  it("are registered, each an apply rule citing the AWS documentation, each with a case", () => {
    expect(COST_RULES.map((r) => r.id).sort()).toEqual(Object.keys(COST_APPLY_CASES).sort());
    for (const rule of COST_RULES) {
      expect(rule.category, rule.id).toBe("apply");
      expect(rule.reference, rule.id).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
  });

  it.each(COST_RULES.map((rule) => [rule.id, rule] as const))("%s flags its unsafe construct with the why and the fix", (id, rule) => {
    const { unsafe, message } = COST_APPLY_CASES[id];
    const flagged = findings(unsafe).filter((finding) => finding.ruleId === id);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0]).toMatchObject({ level: rule.level, stack: "test", path: expect.stringMatching(/^test\/unsafe/) });
    expect(flagged[0].message).toMatch(message);
    expect(flagged[0].message).toContain(`Fix: ${rule.fix}`);
  });

  it.each(COST_RULES.map((rule) => [rule.id] as const))("%s passes its compliant counterpart", (id) => {
    expect(findings(COST_APPLY_CASES[id].safe).filter((finding) => finding.ruleId === id)).toEqual([]);
  });

  it("VP-COST-2 flags an email subscriber at frequency IMMEDIATE", () => {
    const flagged = findings((s) => {
      new CostAnomalyDetection(s, "ok", {
        name: "ok",
        costAllocationTag: { key: "project", values: ["p"] },
        impactThresholdUsd: 10,
        emailAddresses: ["a@example.com"],
      });
      // Same monitor, email moved to IMMEDIATE through an override: what a hand edit would do.
      (s.node.findChild("ok").node.findChild("Daily") as any).addOverride("frequency", "IMMEDIATE");
    }).filter((f) => f.ruleId === "VP-COST-2");
    expect(flagged.map((f) => f.message)).toEqual([expect.stringMatching(/emails only daily or weekly summaries/)]);
  });

  it("VP-COST-3 and VP-COST-4 leave topics and keys of other stacks to those stacks", () => {
    const flagged = findings(
      (s) =>
        new CostAnomalyDetection(s, "remote", {
          name: "remote",
          costAllocationTag: { key: "project", values: ["p"] },
          impactThresholdUsd: 10,
          snsTopicArn: "${data.terraform_remote_state.observability.outputs.alarm_topic_arn}",
        }),
    );
    expect(flagged.filter((f) => f.ruleId.startsWith("VP-COST-"))).toEqual([]);
  });
});

describe("CostAnomalyDetection", () => {
  const build = (overrides: Partial<ConstructorParameters<typeof CostAnomalyDetection>[2]> = {}) =>
    JSON.parse(
      synthScope((s) => {
        const topic = alertTopic(s as TerraformStack, "alerts", { topicPolicy: true, keyPolicy: true });
        new CostAnomalyDetection(s, "costs", {
          name: "voice-assistant-prod-costs",
          costAllocationTag: { key: "project", values: ["voice-assistant"] },
          impactThresholdUsd: 25,
          snsTopicArn: topic.arn,
          emailAddresses: ["finops@example.com"],
          ...overrides,
        });
      }),
    );

  it("watches the project's cost allocation tag with a CUSTOM monitor, never the account's DIMENSIONAL one", () => {
    const [monitor] = Object.values(build().resource.aws_ce_anomaly_monitor) as any[];
    expect(monitor.monitor_type).toBe("CUSTOM");
    expect(monitor.monitor_dimension).toBeUndefined();
    expect(JSON.parse(monitor.monitor_specification)).toEqual({ Tags: { Key: "project", Values: ["voice-assistant"], MatchOptions: ["EQUALS"] } });
  });

  it("sends the topic every anomaly at once and the addresses a daily summary, both above the impact threshold", () => {
    const subscriptions = build().resource.aws_ce_anomaly_subscription;
    const immediate = Object.values(subscriptions).find((s: any) => s.frequency === "IMMEDIATE") as any;
    const daily = Object.values(subscriptions).find((s: any) => s.frequency === "DAILY") as any;
    expect(immediate.subscriber).toEqual([{ type: "SNS", address: "${aws_sns_topic.alerts_topic.arn}" }]);
    expect(daily.subscriber).toEqual([{ type: "EMAIL", address: "finops@example.com" }]);
    for (const s of [immediate, daily]) {
      expect(s.monitor_arn_list).toEqual([expect.stringMatching(/^\$\{aws_ce_anomaly_monitor\..+\.arn\}$/)]);
      expect(s.threshold_expression.dimension).toEqual({
        key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
        match_options: ["GREATER_THAN_OR_EQUAL"],
        values: ["25"],
      });
    }
  });

  it.each([
    ["no subscriber", { snsTopicArn: undefined, emailAddresses: [] }, /give snsTopicArn or emailAddresses/],
    ["an empty tag scope", { costAllocationTag: { key: "project", values: [] } }, /costAllocationTag needs a key and at least one value/],
    ["a zero threshold", { impactThresholdUsd: 0 }, /impactThresholdUsd must be above 0/],
    ["eleven addresses", { emailAddresses: Array.from({ length: 11 }, (_, i) => `a${i}@example.com`) }, /at most 10/],
  ] as const)("rejects %s", (_name, overrides, message) => {
    expect(() => build(overrides as any)).toThrow(message);
  });
});
