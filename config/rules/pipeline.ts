import { type ConfigIssue, type CrossFieldRule, whenConfigured } from "../schema";
import { isZipFunction } from "../sections/functions";
import { duplicateFieldIssues, duplicateIssues } from "./duplicates";

/** The environment the platform treats as production (stacks/app.ts guards it with the production rules). */
const PRODUCTION = "prod";

/** Account id of an IAM role ARN (`arn:aws:iam::<account>:role/...`). */
const accountOf = (roleArn: string): string | undefined => /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(roleArn)?.[1];

/**
 * What one environment's `pipeline` can be checked for on its own. That only one environment of a blueprint defines
 * a pipeline, and that each target's role lives in that environment's account, needs every environment at once:
 * __tests__/unit/pipeline-stack.test.ts checks both over the blueprints.
 */
export const pipelineRules: CrossFieldRule[] = whenConfigured(
  ["pipeline"],
  [
    // Each environment is one stage, one deploy project and one runner role, all named after it.
    (c) => duplicateFieldIssues(c.pipeline.deployTargets, ["pipeline", "deployTargets"], "environment", "deploy target environment"),
    // One role per environment: a role shared by two would let either environment's deploy change the other.
    (c) => duplicateFieldIssues(c.pipeline.deployTargets, ["pipeline", "deployTargets"], "roleArn", "the deploy role of another target"),
    // The target of the pipeline's own environment deploys into this account.
    (c) =>
      c.pipeline.deployTargets.flatMap((target, i): ConfigIssue[] => {
        const account = accountOf(target.roleArn);
        return target.environment === c.environment && account !== undefined && account !== c.accountId
          ? [
              {
                path: ["pipeline", "deployTargets", i, "roleArn"],
                message: `is in account ${account}, but environment ${c.environment} (this config) is account ${c.accountId}`,
              },
            ]
          : [];
      }),
    // Seed 002: dev, staging, then a person approves before production. The schema defaults manualApproval to false.
    (c) =>
      c.pipeline.deployTargets.flatMap((target, i): ConfigIssue[] =>
        target.environment === PRODUCTION && !target.manualApproval
          ? [
              {
                path: ["pipeline", "deployTargets", i, "manualApproval"],
                message: `must be true for ${PRODUCTION}: a person approves every release to production`,
              },
            ]
          : [],
      ),
    (c) =>
      c.pipeline.approvalEmails.length > 0 && !c.pipeline.deployTargets.some((t) => t.manualApproval)
        ? [{ path: ["pipeline", "approvalEmails"], message: "are never notified: no deploy target has manualApproval" }]
        : [],
    (c) =>
      duplicateIssues(
        c.pipeline.approvalEmails.map((email) => email.toLowerCase()),
        (i) => ["pipeline", "approvalEmails", i],
        "approval email",
      ),
    // One build packages every function: native wheels built for one architecture do not load on the other.
    (c) => {
      const architectures = new Set((c.functions ?? []).filter(isZipFunction).map((fn) => fn.architecture));
      return architectures.size > 1
        ? [{ path: ["pipeline"], message: "builds every zip function in one build, but functions mix x86_64 and arm64; give them one architecture" }]
        : [];
    },
  ],
);
