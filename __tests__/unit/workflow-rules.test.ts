import { describe, expect, it } from "vitest";
import { RULES_BY_ID } from "../../guardrails";
import { WORKFLOW_APPLY_CASES, WORKFLOW_SECURITY_CASES, stateMachineWith } from "../support/workflow-cases";
import { guardedFindings as findings } from "../support/test-app";

const CASES = { ...WORKFLOW_SECURITY_CASES, ...WORKFLOW_APPLY_CASES };

describe("workflow guardrails", () => {
  it("are registered, security and apply rules each in their own table", () => {
    for (const id of Object.keys(WORKFLOW_SECURITY_CASES)) expect(RULES_BY_ID.get(id)?.category ?? "security").toBe("security");
    for (const id of Object.keys(WORKFLOW_APPLY_CASES)) {
      expect(RULES_BY_ID.get(id)?.category).toBe("apply");
      expect(RULES_BY_ID.get(id)?.reference).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    }
    const ours = [...RULES_BY_ID.keys()].filter((id) => /^VP-(SFN|EVB)-/.test(id)).sort();
    expect(ours).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))("%s flags its unsafe construct with the why and the fix", (id, { unsafe, message }) => {
    const rule = RULES_BY_ID.get(id)!;
    const flagged = findings(unsafe).filter((finding) => finding.ruleId === id);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0]).toMatchObject({ level: rule.level, stack: "test", path: expect.stringMatching(/^test\/unsafe/) });
    expect(flagged[0].message).toMatch(message);
    expect(flagged[0].message).toContain(`Fix: ${rule.fix}`);
  });

  it.each(Object.entries(CASES))("%s passes its compliant counterpart", (id, { safe }) => {
    expect(findings(safe).filter((finding) => finding.ruleId === id)).toEqual([]);
  });

  it("the compliant state machine passes every workflow rule at once", () => {
    const found = findings((s) => stateMachineWith(s, "safe")).filter((f) => /^VP-SFN-/.test(f.ruleId));
    expect(found).toEqual([]);
  });

  it("a state machine without logging fails VP-SFN-1 and is not judged by the apply rules on logging", () => {
    const found = findings((s) => {
      const machine = stateMachineWith(s, "unsafe");
      machine.addOverride("logging_configuration", { level: "OFF" });
    });
    expect(found.map((f) => f.ruleId).filter((id) => /^VP-SFN-/.test(id))).toEqual(["VP-SFN-1"]);
  });
});
