import { type CrossFieldRule, whenConfigured } from "../schema";

export const ecsRules: CrossFieldRule[] = whenConfigured(
  ["ecs"],
  [
    (c) =>
      c.environment === "prod" && c.ecs.containerInsights === "disabled"
        ? [{ path: ["ecs", "containerInsights"], message: "must not be disabled in prod: alarms and dashboards read its metrics" }]
        : [],
  ],
);
