import { describe, expect, it } from "vitest";
import { loadEnvironments, parseEnvironmentConfig } from "../../config";
import { problemsOf, withEdit } from "../support/config";

describe("backup and observability settings of the shipped environments", () => {
  const [dev, staging, prod] = loadEnvironments("dev,staging,prod");

  it("prod keeps seed 000: 7-day daily backups with PITR, a vault lock, a 7-year COMPLIANCE trail in every region", () => {
    expect(prod.backup!.retention.deleteAfterDays).toBe(7);
    expect(prod.backup!.continuousBackup).toBe(true);
    expect(prod.backup!.vaultLock).toEqual(expect.objectContaining({ enabled: true }));
    expect(prod.observability!.cloudTrail).toEqual(expect.objectContaining({ multiRegion: true, objectLockMode: "COMPLIANCE", retentionYears: 7 }));
  });

  it("pages on the seeds' thresholds: more than 10 5XX in 5 minutes, more than 2 s response time", () => {
    for (const config of [dev, staging, prod]) {
      expect(config.observability!.thresholds).toEqual(
        expect.objectContaining({ http5xxCount: 10, countPeriodSeconds: 300, targetResponseTimeSeconds: 2 }),
      );
    }
  });

  it("budgets grow from dev to prod with an 80% forecast and a 100% actual notification", () => {
    expect(dev.observability!.budget.monthlyLimitUsd).toBeLessThan(staging.observability!.budget.monthlyLimitUsd);
    expect(staging.observability!.budget.monthlyLimitUsd).toBeLessThan(prod.observability!.budget.monthlyLimitUsd);
    for (const config of [dev, staging, prod]) {
      expect(config.observability!.budget).toEqual(expect.objectContaining({ forecastThresholdPercent: 80, actualThresholdPercent: 100 }));
    }
  });
});

describe("bad backup and observability input is rejected with the field path", () => {
  const cases: [string, string, (raw: any) => void, RegExp][] = [
    ["schedule is not a cron expression", "prod", (r) => (r.backup.schedule = "daily"), /backup\.schedule: must be an AWS cron expression/],
    ["schedule with five fields", "prod", (r) => (r.backup.schedule = "cron(0 5 * * *)"), /backup\.schedule: must be an AWS cron expression/],
    ["start window under an hour", "prod", (r) => (r.backup.startWindowMinutes = 30), /backup\.startWindowMinutes: must be at least 60 minutes/],
    [
      "completion window too close to the start window",
      "prod",
      (r) => (r.backup.completionWindowMinutes = 90),
      /backup\.completionWindowMinutes: must be at least startWindowMinutes \+ 60 \(120\)/,
    ],
    [
      "zero-day retention",
      "dev",
      (r) => (r.backup.retention.deleteAfterDays = 0),
      /backup\.retention\.deleteAfterDays: retention must be at least 1 day/,
    ],
    [
      "cold storage without 90 days in it",
      "dev",
      (r) => (r.backup.retention = { coldStorageAfterDays: 30, deleteAfterDays: 100 }),
      /backup\.retention\.deleteAfterDays: must be at least coldStorageAfterDays \+ 90 \(120\)/,
    ],
    [
      "DR copy kept 0 days",
      "prod",
      (r) => (r.backup.drCopy.deleteAfterDays = 0),
      /backup\.drCopy\.deleteAfterDays: retention must be at least 1 day/,
    ],
    [
      "DR copy cold storage without 90 days in it",
      "staging",
      (r) => {
        r.dr.enabled = true;
        r.backup.drCopy = { coldStorageAfterDays: 10, deleteAfterDays: 60 };
      },
      /backup\.drCopy\.deleteAfterDays: must be at least coldStorageAfterDays \+ 90 \(100\)/,
    ],
    [
      "continuous backup kept longer than 35 days",
      "prod",
      (r) => {
        r.backup.retention.deleteAfterDays = 40;
      },
      /backup\.retention\.deleteAfterDays: must be at most 35 days when continuousBackup is on/,
    ],
    [
      "continuous backup with cold storage",
      "prod",
      (r) => (r.backup.retention = { coldStorageAfterDays: 1, deleteAfterDays: 30 }),
      /backup\.retention\.coldStorageAfterDays: must be absent when continuousBackup is on/,
    ],
    [
      "continuous backup retention differing from the RDS backup retention",
      "prod",
      (r) => (r.database.backupRetentionDays = 14),
      /backup\.retention\.deleteAfterDays: must equal database\.backupRetentionDays \(14\) when continuousBackup is on/,
    ],
    [
      "vault lock changeable for 2 days",
      "prod",
      (r) => (r.backup.vaultLock.changeableForDays = 2),
      /backup\.vaultLock\.changeableForDays: must be at least 3 days/,
    ],
    [
      "vault lock minimum above maximum",
      "prod",
      (r) => Object.assign(r.backup.vaultLock, { minRetentionDays: 400, maxRetentionDays: 365 }),
      /backup\.vaultLock\.minRetentionDays: must not exceed maxRetentionDays \(365\)/,
    ],
    [
      "retention outside the vault lock range",
      "prod",
      (r) => (r.backup.vaultLock.minRetentionDays = 14),
      /backup\.retention\.deleteAfterDays: must be within the vault lock range 14-365 days/,
    ],
    [
      "DR copy retention outside the vault lock range",
      "prod",
      (r) => (r.backup.drCopy.deleteAfterDays = 400),
      /backup\.drCopy\.deleteAfterDays: must be within the vault lock range 7-365 days/,
    ],
    ["vault lock without its settings", "dev", (r) => (r.backup.vaultLock = { enabled: true }), /backup\.vaultLock\.minRetentionDays/],
    ["DR region equal to the primary region", "prod", (r) => (r.dr.region = r.region), /dr\.region: must differ from region/],
    [
      "malformed alarm email",
      "prod",
      (r) => (r.observability.alarmEmails = ["oncall-at-example.com"]),
      /observability\.alarmEmails\.0: must be an email address/,
    ],
    ["no alarm email at all", "dev", (r) => (r.observability.alarmEmails = []), /observability\.alarmEmails: must list at least one address/],
    [
      "the same email twice",
      "prod",
      (r) => r.observability.alarmEmails.push("Platform-Oncall@example.com"),
      /observability\.alarmEmails\.1: lists platform-oncall@example\.com twice/,
    ],
    [
      "SMS number not in E.164",
      "prod",
      (r) => (r.observability.alarmSmsNumbers = ["555-0100"]),
      /observability\.alarmSmsNumbers\.0: must be an E\.164 phone number/,
    ],
    [
      "CPU threshold above 100%",
      "prod",
      (r) => (r.observability.thresholds.ecsCpuPercent = 120),
      /observability\.thresholds\.ecsCpuPercent: must be at most 100 percent/,
    ],
    [
      "free-storage alarm above the allocated storage",
      "dev",
      (r) => (r.observability.thresholds.rdsFreeStorageGb = r.database.allocatedStorageGb),
      /observability\.thresholds\.rdsFreeStorageGb: must be below database\.allocatedStorageGb \(20\)/,
    ],
    [
      "count period not whole minutes",
      "prod",
      (r) => (r.observability.thresholds.countPeriodSeconds = 90),
      /observability\.thresholds\.countPeriodSeconds: must be a multiple of 60 seconds/,
    ],
    [
      "unknown object lock mode",
      "dev",
      (r) => (r.observability.cloudTrail.objectLockMode = "LEGAL_HOLD"),
      /observability\.cloudTrail\.objectLockMode: must be GOVERNANCE or COMPLIANCE/,
    ],
    [
      "prod trail in governance mode",
      "prod",
      (r) => (r.observability.cloudTrail.objectLockMode = "GOVERNANCE"),
      /observability\.cloudTrail\.objectLockMode: must be COMPLIANCE in prod/,
    ],
    [
      "prod trail kept under 7 years",
      "prod",
      (r) => (r.observability.cloudTrail.retentionYears = 5),
      /observability\.cloudTrail\.retentionYears: must be at least 7 years in prod/,
    ],
    [
      "prod trail in one region",
      "prod",
      (r) => (r.observability.cloudTrail.multiRegion = false),
      /observability\.cloudTrail\.multiRegion: must be true in prod/,
    ],
    [
      "trail log retention CloudWatch does not offer",
      "prod",
      (r) => (r.observability.cloudTrail.logRetentionDays = 100),
      /observability\.cloudTrail\.logRetentionDays: must be one of the CloudWatch Logs retention values/,
    ],
    ["zero budget", "dev", (r) => (r.observability.budget.monthlyLimitUsd = 0), /observability\.budget\.monthlyLimitUsd: must be above 0 USD/],
    [
      "forecast notification after the actual one",
      "prod",
      (r) => (r.observability.budget.forecastThresholdPercent = 100),
      /observability\.budget\.forecastThresholdPercent: must be below actualThresholdPercent \(100\)/,
    ],
    [
      "actual-spend warning at or above the actual notification",
      "prod",
      (r) => (r.observability.budget.actualWarningPercent = 100),
      /observability\.budget\.actualWarningPercent: must be below actualThresholdPercent \(100\)/,
    ],
    ["X-Ray sampling above 100%", "prod", (r) => (r.observability.xray.fixedRate = 1.5), /observability\.xray\.fixedRate: must be between 0 and 1/],
    [
      "a trace collector image on a moving tag",
      "prod",
      (r) => (r.observability.xray.collectorImage = "public.ecr.aws/aws-observability/aws-otel-collector:latest"),
      /observability\.xray\.collectorImage: must pin a version, not :latest/,
    ],
    [
      "a trace collector image from outside ECR Public (tasks pull it through the ECR Public cache)",
      "prod",
      (r) => (r.observability.xray.collectorImage = "docker.io/otel/opentelemetry-collector-contrib:0.117.0"),
      /observability\.xray\.collectorImage: must be an ECR Public image with a version tag or digest/,
    ],
    [
      "a service port the trace collector listens on",
      "prod",
      (r) => (r.services[0].containerPort = 4318),
      /services\.0\.containerPort: 4318 is taken by the task's trace collector \(X-Ray is on\); the collector uses 2000, 4317, 4318, 13133/,
    ],
    [
      "a project name too long for the trace collector's ECR cache prefix",
      "prod",
      (r) => (r.project = "voice-ai-platform-core"),
      /observability\.xray\.enabled: needs the ECR cache prefix "voice-ai-platform-core-prod\/public" for the trace collector, which is longer than ECR's 30 characters/,
    ],
    [
      "a trace collector image without a tag",
      "prod",
      (r) => (r.observability.xray.collectorImage = "public.ecr.aws/aws-observability/aws-otel-collector"),
      /observability\.xray\.collectorImage: must be an ECR Public image with a version tag or digest/,
    ],
  ];

  it.each(cases)("%s", (_name, env, edit, expected) => {
    expect(problemsOf(withEdit(env, edit))).toMatch(expected);
  });

  it("accepts dev's cheaper settings that prod may not use", () => {
    expect(() =>
      parseEnvironmentConfig(withEdit("dev", (r) => Object.assign(r.observability.cloudTrail, { multiRegion: false, objectLockMode: "GOVERNANCE" }))),
    ).not.toThrow();
  });

  it("ignores the DR copy lifecycle while DR is off (dr is the one switch)", () => {
    expect(() =>
      parseEnvironmentConfig(withEdit("staging", (r) => (r.backup.drCopy = { coldStorageAfterDays: 10, deleteAfterDays: 60 }))),
    ).not.toThrow();
  });
});
