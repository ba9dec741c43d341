/**
 * Unsafe / safe cases of the apply rules of containers: a task's containers (VP-ECS-7) and the creation template of
 * the ECR Public cache (VP-ECR-2), for apply-rules.test.ts.
 */
import { EcrRepositoryCreationTemplate } from "@cdktf/provider-aws/lib/ecr-repository-creation-template";
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

/** A pull through cache's creation template that encrypts with a CMK; `withRole` names the role ECR needs for it. */
function cacheTemplate(stack: TerraformStack, id: string, withRole: boolean): void {
  new EcrRepositoryCreationTemplate(stack, id, {
    prefix: `${id}/public`,
    appliedFor: ["PULL_THROUGH_CACHE"],
    encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: "arn:aws:kms:us-east-1:111111111111:key/containers" }],
    customRoleArn: withRole ? "arn:aws:iam::111111111111:role/ecr-creation" : undefined,
  });
}

export const CONTAINER_APPLY_CASES = {
  "VP-ECS-7": {
    unsafe: (s: TerraformStack) => appWithCollector(s, "unsafe", 512, "otel-collector"),
    safe: (s: TerraformStack) => appWithCollector(s, "safe", undefined, TRACE_COLLECTOR_NAME),
    message: /the containers claim 768 MiB of the task's 512 MiB; api depends on otel-collector, which is not in the task/,
  },
  "VP-ECR-2": {
    unsafe: (s: TerraformStack) => cacheTemplate(s, "unsafe", false),
    safe: (s: TerraformStack) => cacheTemplate(s, "safe", true),
    message: /the template encrypts with a KMS key but names no custom_role_arn, so ECR cannot create repositories from it/,
  },
};
