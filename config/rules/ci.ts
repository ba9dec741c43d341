import type { CrossFieldRule } from "../schema";

export const ciRules: CrossFieldRule[] = [
  // A role in another account would assume fine and then fail every plan on allowed_account_ids.
  (c) =>
    (["planRoleArn", "applyRoleArn"] as const).flatMap((field) => {
      const arn = c.ci?.[field];
      const account = arn?.split(":")[4];
      return arn && account !== c.accountId
        ? [{ path: ["ci", field], message: `is in account ${account}, not this environment's account ${c.accountId}` }]
        : [];
    }),
];
