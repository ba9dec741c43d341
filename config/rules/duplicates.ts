import type { ConfigIssue } from "../schema";

/** Indexes of values that already appeared earlier in the list. */
export function duplicatesOf<T>(values: readonly T[]): number[] {
  return values.flatMap((value, i) => (values.indexOf(value) !== i ? [i] : []));
}

/** An issue at each value that repeats an earlier one: `duplicates <what> "<value>"`. */
export function duplicateIssues(values: readonly string[], path: (i: number) => (string | number)[], what: string): ConfigIssue[] {
  return duplicatesOf(values).map((i) => ({ path: path(i), message: `duplicates ${what} "${values[i]}"` }));
}

/**
 * An issue at `[...listPath, i, field]` of each item whose `field` repeats an earlier item's (a name that must be
 * unique in its list): `duplicates <what> "<value>"`.
 */
export function duplicateFieldIssues<K extends string, T extends { readonly [P in K]: string }>(
  items: readonly T[],
  listPath: readonly (string | number)[],
  field: K,
  what: string,
): ConfigIssue[] {
  return duplicateIssues(
    items.map((item) => item[field]),
    (i) => [...listPath, i, field],
    what,
  );
}
