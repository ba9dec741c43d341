import { z } from "zod";
import { logRetentionDays } from "./common";

export const ecsSchema = z.strictObject({
  /** CloudWatch Container Insights on the cluster; `enhanced` adds per-task and per-container metrics. */
  containerInsights: z.enum(["enhanced", "enabled", "disabled"]),
  /** ECS Exec (`aws ecs execute-command`) into running tasks; sessions are KMS-encrypted and logged. */
  execEnabled: z.boolean(),
  /** Retention of each service's container log group and of the ECS Exec session log group. */
  logRetentionDays,
  /** ECR lifecycle: what each service's repository keeps. */
  ecr: z.strictObject({
    /** Tagged images kept per repository (older ones expire); enough to roll back several releases. */
    keepTaggedImages: z.number().int().min(1, "must be at least 1").max(1000, "must be at most 1000"),
    /** Days after which untagged images (failed or superseded pushes) expire. */
    untaggedExpiryDays: z.number().int().min(1, "must be at least 1 day").max(365, "must be at most 365 days"),
  }),
});

export type EcsConfig = z.infer<typeof ecsSchema>;
