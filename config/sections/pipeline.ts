import { z } from "zod";
import { logRetentionDays } from "./common";

const ROLE_ARN = /^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,64}$/;

export const pipelineSchema = z.strictObject({
  /** The GitHub repository the pipeline builds (through a CodeStar connection someone approves once in the console). */
  repository: z.strictObject({
    owner: z.string().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "must be a GitHub user or organization name"),
    name: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, "must be a GitHub repository name"),
    branch: z.string().min(1, "must not be empty").max(255, "must be at most 255 characters"),
  }),
  /**
   * The environments it deploys, in order (seed 002: dev, staging, then prod after a manual approval), each by a role
   * in that environment's account that the deploy project assumes.
   */
  deployTargets: z
    .array(
      z.strictObject({
        environment: z.string().regex(/^[a-z][a-z0-9-]{0,15}$/, "must be an environment name"),
        roleArn: z.string().regex(ROLE_ARN, "must be an IAM role ARN"),
        /** A person approves before this environment is deployed. */
        manualApproval: z.boolean().default(false),
      }),
    )
    .min(1, "must list at least one environment"),
  /** Who is asked to approve (an SNS topic's e-mail subscriptions). */
  approvalEmails: z.array(z.email("must be an email address such as ops@example.com")).default([]),
  /** Retention of the build log groups. */
  logRetentionDays,
  /** Days the artifact store keeps a pipeline run's artifacts. */
  artifactRetentionDays: z.number().int().min(1, "must be at least 1 day").max(3650, "must be at most 3650 days").default(90),
});

export type PipelineConfig = z.infer<typeof pipelineSchema>;
