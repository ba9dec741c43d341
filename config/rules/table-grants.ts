import type { ConfigIssue } from "../schema";

/**
 * Problems of a service's or function's `tables` grants: each must name a table of the dynamodb section, once.
 * `base` is the path of the grants list (`["services", 0, "tables"]`).
 */
export function tableGrantIssues(
  grants: readonly { readonly name: string }[],
  tables: readonly { readonly name: string }[] | undefined,
  base: (string | number)[],
): ConfigIssue[] {
  const known = (tables ?? []).map((table) => table.name);
  return grants.flatMap((grant, j): ConfigIssue[] => {
    const path = [...base, j, "name"];
    if (!known.includes(grant.name)) {
      const message =
        known.length === 0
          ? `names table "${grant.name}" but the dynamodb section is absent`
          : `names no table "${grant.name}"; known: ${known.join(", ")}`;
      return [{ path, message }];
    }
    return grants.findIndex((other) => other.name === grant.name) !== j ? [{ path, message: `grants table "${grant.name}" twice` }] : [];
  });
}
