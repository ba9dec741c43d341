import { z } from "zod";

const roleArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, "must be an IAM role ARN, arn:aws:iam::<account>:role/<name>");

/**
 * How the generated GitHub Actions workflow (`npm run ci:generate`, docs/ci.md) reaches this environment's account:
 * the IAM roles it assumes through GitHub's OIDC provider. Both default to a name derived from the project, so an
 * account set up as docs/ci.md describes needs nothing here; set them where the roles exist under other names.
 */
export const ciSchema = z.strictObject({
  /**
   * Role that pull-request jobs assume to plan: read-only access to the account, read access to the state, and
   * the lock table (plans take the state lock). Trusted for the repository's pull requests.
   * @default - arn:aws:iam::<accountId>:role/<project>-ci-plan
   */
  planRoleArn: roleArn.optional(),
  /**
   * Role that main-branch jobs assume to apply, from the GitHub environment named after this environment (where
   * prod's required reviewers stop it). Trusted only for that environment.
   * @default - arn:aws:iam::<accountId>:role/<project>-ci-apply
   */
  applyRoleArn: roleArn.optional(),
});

export type CiConfig = z.infer<typeof ciSchema>;

/** The roles the workflow assumes for one environment, defaults filled in. */
export function ciRoles(config: { readonly project: string; readonly accountId: string; readonly ci?: CiConfig }): {
  readonly plan: string;
  readonly apply: string;
} {
  const derived = (purpose: string) => `arn:aws:iam::${config.accountId}:role/${config.project}-ci-${purpose}`;
  return { plan: config.ci?.planRoleArn ?? derived("plan"), apply: config.ci?.applyRoleArn ?? derived("apply") };
}
