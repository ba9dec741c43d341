import { type ConfigIssue, type CrossFieldRule, whenConfigured } from "../schema";
import {
  type AlarmThresholds,
  COMPONENT_THRESHOLDS,
  PULL_THROUGH_CACHE_PREFIX_MAX,
  type ThresholdComponent,
  publicImageCachePrefix,
} from "../sections/observability";
import { isZipFunction } from "../sections/functions";
import { duplicatesOf } from "./duplicates";

/** Seed 000 keeps prod's audit logs for 7 years. */
const PROD_AUDIT_RETENTION_YEARS = 7;

/**
 * A component's alarm thresholds are required while its config section exists (or, for `zip functions`, while
 * `functions` lists one), and meaningless without it.
 */
function componentThresholdIssues(thresholds: AlarmThresholds, section: ThresholdComponent, present: boolean): ConfigIssue[] {
  const fields: readonly (keyof AlarmThresholds)[] = COMPONENT_THRESHOLDS[section];
  const [whilePresent, without] =
    section === "zip functions"
      ? ["while functions lists a zip function (code)", "without a zip function (functions[].code)"]
      : [`while the ${section} section is present`, `without a ${section} section`];
  return fields.flatMap((field): ConfigIssue[] => {
    const path = ["observability", "thresholds", field];
    if (present && thresholds[field] === undefined) return [{ path, message: `is required ${whilePresent}` }];
    if (!present && thresholds[field] !== undefined) return [{ path, message: `has no effect ${without}; remove it` }];
    return [];
  });
}

export const observabilityRules: CrossFieldRule[] = whenConfigured(
  ["observability"],
  [
    (c) => {
      // The services' trace collector comes through the registry's pull through cache.
      const prefix = publicImageCachePrefix(c);
      return c.observability.xray.enabled && c.services.length > 0 && prefix.length > PULL_THROUGH_CACHE_PREFIX_MAX
        ? [
            {
              path: ["observability", "xray", "enabled"],
              message: `needs the ECR cache prefix "${prefix}" for the trace collector, which is longer than ECR's ${PULL_THROUGH_CACHE_PREFIX_MAX} characters; shorten the project name`,
            },
          ]
        : [];
    },
    (c) => {
      const emails = c.observability.alarmEmails.map((e) => e.toLowerCase());
      return duplicatesOf(emails).map((i) => ({ path: ["observability", "alarmEmails", i], message: `lists ${emails[i]} twice` }));
    },
    (c) =>
      c.observability.budget.forecastThresholdPercent >= c.observability.budget.actualThresholdPercent
        ? [
            {
              path: ["observability", "budget", "forecastThresholdPercent"],
              message: `must be below actualThresholdPercent (${c.observability.budget.actualThresholdPercent}) so the forecast warns first`,
            },
          ]
        : [],
    ({ observability: { budget } }) =>
      budget.actualWarningPercent !== undefined && budget.actualWarningPercent >= budget.actualThresholdPercent
        ? [
            {
              path: ["observability", "budget", "actualWarningPercent"],
              message: `must be below actualThresholdPercent (${budget.actualThresholdPercent}) so it warns first`,
            },
          ]
        : [],
    (c) => componentThresholdIssues(c.observability.thresholds, "services", c.services.length > 0),
    (c) => componentThresholdIssues(c.observability.thresholds, "edge", c.edge !== undefined),
    (c) => componentThresholdIssues(c.observability.thresholds, "database", c.database !== undefined),
    (c) => componentThresholdIssues(c.observability.thresholds, "cache", c.cache !== undefined),
    (c) => componentThresholdIssues(c.observability.thresholds, "functions", c.functions !== undefined),
    (c) => componentThresholdIssues(c.observability.thresholds, "zip functions", (c.functions ?? []).some(isZipFunction)),
    (c) => componentThresholdIssues(c.observability.thresholds, "workflow", c.workflow !== undefined),
    (c) => componentThresholdIssues(c.observability.thresholds, "dynamodb", c.dynamodb !== undefined),
    ({ observability, database }) =>
      database && observability.thresholds.rdsFreeStorageGb !== undefined && observability.thresholds.rdsFreeStorageGb >= database.allocatedStorageGb
        ? [
            {
              path: ["observability", "thresholds", "rdsFreeStorageGb"],
              message: `must be below database.allocatedStorageGb (${database.allocatedStorageGb}) or the alarm fires from day one`,
            },
          ]
        : [],
    // prod's audit trail is what seed 000 calls immutable: every region, locked so that nobody can delete it.
    (c) =>
      c.environment === "prod" && !c.observability.cloudTrail.multiRegion
        ? [{ path: ["observability", "cloudTrail", "multiRegion"], message: "must be true in prod" }]
        : [],
    (c) =>
      c.environment === "prod" && c.observability.cloudTrail.objectLockMode !== "COMPLIANCE"
        ? [{ path: ["observability", "cloudTrail", "objectLockMode"], message: "must be COMPLIANCE in prod (seed 000: immutable audit logs)" }]
        : [],
    (c) =>
      c.environment === "prod" && c.observability.cloudTrail.retentionYears < PROD_AUDIT_RETENTION_YEARS
        ? [
            {
              path: ["observability", "cloudTrail", "retentionYears"],
              message: `must be at least ${PROD_AUDIT_RETENTION_YEARS} years in prod (seed 000)`,
            },
          ]
        : [],
  ],
);
