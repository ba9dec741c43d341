/** Unsafe / safe cases of the ECS apply rules that concern a task's containers (VP-ECS-7), for apply-rules.test.ts. */
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import type { TerraformStack } from "cdktf";
import { TRACE_COLLECTOR_NAME, traceCollectorContainer } from "../../constructs/trace-collector";

/** A 512 MiB task of an app beside the trace collector; `appMemory` is the app's hard limit, `dependsOn` its START dependency. */
function appWithCollector(stack: TerraformStack, id: string, appMemory: number | undefined, dependsOn: string): void {
  new EcsTaskDefinition(stack, id, {
    family: id,
    cpu: "256",
    memory: "512",
    containerDefinitions: JSON.stringify([
      { name: "api", image: "api:1", memory: appMemory, dependsOn: [{ containerName: dependsOn, condition: "START" }] },
      traceCollectorContainer({ image: "collector:v1", region: "us-east-1", logGroupName: "/ecs/api" }),
    ]),
  });
}

export const ECS_APPLY_CASES = {
  "VP-ECS-7": {
    unsafe: (s: TerraformStack) => appWithCollector(s, "unsafe", 512, "otel-collector"),
    safe: (s: TerraformStack) => appWithCollector(s, "safe", undefined, TRACE_COLLECTOR_NAME),
    message: /the containers claim 768 MiB of the task's 512 MiB; api depends on otel-collector, which is not in the task/,
  },
};
