import { type ConfigIssue, type CrossFieldRule, whenConfigured } from "../schema";
import { isZipFunction } from "../sections/functions";
import { duplicateFieldIssues } from "./duplicates";

/** Names of the zip functions, which alone have the `live` alias the workflow invokes. */
function zipFunctionNames(c: Parameters<CrossFieldRule>[0]): string[] {
  return (c.functions ?? []).filter(isZipFunction).map((f) => f.name);
}

export const workflowRules: CrossFieldRule[] = whenConfigured(
  ["workflow"],
  [
    (c) =>
      c.workflow.stateMachine.steps.flatMap((step, i): ConfigIssue[] =>
        zipFunctionNames(c).includes(step)
          ? []
          : [{ path: ["workflow", "stateMachine", "steps", i], message: `names no zip function (${zipFunctionNames(c).join(", ")})` }],
      ),
    (c) => duplicateFieldIssues(c.workflow.queues, ["workflow", "queues"], "name", "queue name"),
    (c) => duplicateFieldIssues(c.workflow.rules, ["workflow", "rules"], "name", "rule name"),
    (c) =>
      c.workflow.rules.flatMap((rule, i) =>
        rule.targets.flatMap((target, j): ConfigIssue[] => {
          const path = ["workflow", "rules", i, "targets", j];
          if (target.type === "queue" && !c.workflow.queues.some((q) => q.name === target.name)) {
            return [{ path, message: `names no queue of workflow.queues (${c.workflow.queues.map((q) => q.name).join(", ")})` }];
          }
          if (target.type === "function" && !zipFunctionNames(c).includes(target.name)) {
            return [{ path, message: `names no zip function (${zipFunctionNames(c).join(", ")})` }];
          }
          if (target.type === "notifications" && c.workflow.notificationEmails.length === 0) {
            return [{ path, message: "delivers to the notifications topic, which has no subscriber: set workflow.notificationEmails" }];
          }
          return [];
        }),
      ),
  ],
);
