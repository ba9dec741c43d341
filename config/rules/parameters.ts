import { CREDENTIAL_NAME, CREDENTIAL_VALUE } from "../credentials";
import type { ConfigIssue, CrossFieldRule } from "../schema";
import { COGNITO_PARAMETERS } from "../sections/parameters";

export const parametersRules: CrossFieldRule[] = [
  (c) =>
    c.identity
      ? Object.keys(c.parameters ?? {})
          .filter((name) => (COGNITO_PARAMETERS as readonly string[]).includes(name))
          .map((name) => ({ path: ["parameters", name], message: "is written by the identity stack (the app's Cognito settings); remove it" }))
      : [],
  (c) =>
    Object.entries(c.parameters ?? {}).flatMap(([name, p]): ConfigIssue[] => {
      const path = ["parameters", name];
      if (p.type === "SecureString") {
        return p.value === undefined
          ? []
          : [
              {
                path: [...path, "value"],
                message: "must be absent for a SecureString: an operator puts the value with aws ssm put-parameter, never config",
              },
            ];
      }
      if (p.value === undefined) return [{ path: [...path, "value"], message: "is required for a String parameter" }];
      if (CREDENTIAL_NAME.test(name)) return [{ path: [...path, "type"], message: "must be SecureString: the name says it holds a credential" }];
      if (CREDENTIAL_VALUE.test(p.value))
        return [{ path: [...path, "value"], message: "looks like a credential; make the parameter a SecureString and put the value outside config" }];
      return [];
    }),
];
