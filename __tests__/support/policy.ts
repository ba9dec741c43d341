/** A statement of a synthesized IAM policy, key policy or resource policy, as tests read it. */
export interface PolicyStatementJson {
  Sid: string;
  Effect?: "Allow" | "Deny";
  Principal?: { Service?: string | string[]; AWS?: string | string[] };
  Action: string | string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

/** A policy element as a list: IAM takes a single value or a list. */
export const asList = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);

/** The statements of a policy document in its JSON text. */
export const statementsIn = (policy: string): PolicyStatementJson[] => JSON.parse(policy).Statement;
