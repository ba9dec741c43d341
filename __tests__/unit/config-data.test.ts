import { describe, expect, it } from "vitest";
import { loadEnvironments } from "../../config";
import { dailyOverlapsWeekly, parseDailyWindow, parseWeeklyWindow } from "../../config/windows";
import { problemsOf, withEdit } from "../support/config";

describe("data-tier settings of the shipped environments", () => {
  const [dev, staging, prod] = loadEnvironments("dev,staging,prod");

  it("prod is sized like seed 000: PostgreSQL 15 on db.t4g.medium, Multi-AZ, 100 -> 500 GB, 7 days of backups", () => {
    expect(prod.database).toEqual(
      expect.objectContaining({
        engineVersion: expect.stringMatching(/^15(\.|$)/),
        instanceClass: "db.t4g.medium",
        multiAz: true,
        allocatedStorageGb: 100,
        maxAllocatedStorageGb: 500,
        backupRetentionDays: 7,
        deletionProtection: true,
        finalSnapshot: true,
      }),
    );
    expect(prod.database!.readReplica.enabled).toBe(true);
    expect(prod.database!.drReplica).toEqual(expect.objectContaining({ enabled: true, subnetGroupName: expect.any(String) }));
  });

  it("prod Redis is seed 000's: 7.x on cache.t4g.micro, 2+ nodes, failover, Multi-AZ, 5 days of snapshots", () => {
    expect(prod.cache).toEqual(
      expect.objectContaining({ nodeType: "cache.t4g.micro", automaticFailover: true, multiAz: true, snapshotRetentionDays: 5 }),
    );
    expect(prod.cache!.engineVersion).toMatch(/^7\./);
    expect(prod.cache!.numCacheClusters).toBeGreaterThanOrEqual(2);
  });

  it("prod recordings follow seed 000: expire after 90 days, noncurrent versions after 30; logs to Glacier after 30", () => {
    expect(prod.storage.recordings).toEqual({ expirationDays: 90, noncurrentExpirationDays: 30, abortIncompleteMultipartUploadDays: 7 });
    expect(prod.storage.logs.glacierTransitionDays).toBe(30);
  });

  it("dev is the cheap end: smallest classes, single AZ, one Redis node, nothing kept on destroy", () => {
    expect(dev.database).toEqual(
      expect.objectContaining({ instanceClass: "db.t4g.micro", multiAz: false, deletionProtection: false, finalSnapshot: false }),
    );
    expect(dev.database!.readReplica.enabled || dev.database!.drReplica.enabled).toBe(false);
    expect(dev.cache).toEqual(expect.objectContaining({ numCacheClusters: 1, automaticFailover: false, snapshotRetentionDays: 0 }));
  });

  it("staging sits between dev and prod", () => {
    const storage = (c: typeof dev) => c.database!.allocatedStorageGb;
    expect(storage(dev)).toBeLessThan(storage(staging));
    expect(storage(staging)).toBeLessThan(storage(prod));
    expect(staging.database!.backupRetentionDays).toBeGreaterThan(dev.database!.backupRetentionDays);
    expect(staging.database!.backupRetentionDays).toBeLessThan(prod.database!.backupRetentionDays);
    expect(staging.cache!.automaticFailover).toBe(true);
  });
});

describe("bad data-tier input is rejected with the field path", () => {
  const cases: [string, string, (raw: any) => void, RegExp][] = [
    [
      "RDS identifier with a double hyphen",
      "prod",
      (r) => (r.database.identifier = "voice-ai-prod--db"),
      /database\.identifier: must not contain '--' or end with '-'/,
    ],
    [
      "RDS identifier starting with a digit",
      "prod",
      (r) => (r.database.identifier = "1-voice-ai"),
      /database\.identifier: must start with a lower-case letter/,
    ],
    [
      "RDS identifier too long for its replica",
      "prod",
      (r) => (r.database.identifier = `voice-ai-prod-${"x".repeat(50)}`),
      /database\.identifier: must be at most 55 characters/,
    ],
    [
      "RDS identifier of another environment",
      "staging",
      (r) => (r.database.identifier = "voice-ai-prod-postgres"),
      /database\.identifier: must start with voice-ai-staging-/,
    ],
    [
      "instance class without db. prefix",
      "prod",
      (r) => (r.database.instanceClass = "t4g.medium"),
      /database\.instanceClass: must be an RDS instance class db\.<family>\.<size>/,
    ],
    [
      "instance class with an unknown size",
      "dev",
      (r) => (r.database.instanceClass = "db.t4g.huge"),
      /database\.instanceClass: must be an RDS instance class/,
    ],
    ["allocated storage below 20 GB", "dev", (r) => (r.database.allocatedStorageGb = 10), /database\.allocatedStorageGb: must be at least 20 GB/],
    [
      "autoscaling ceiling below the allocation",
      "prod",
      (r) => (r.database.maxAllocatedStorageGb = 50),
      /database\.maxAllocatedStorageGb: must be at least allocatedStorageGb \(100\)/,
    ],
    [
      "backup retention above 35 days",
      "staging",
      (r) => (r.database.backupRetentionDays = 36),
      /database\.backupRetentionDays: must be between 0 and 35 days/,
    ],
    [
      "prod backup retention below 7 days",
      "prod",
      (r) => (r.database.backupRetentionDays = 3),
      /database\.backupRetentionDays: must be at least 7 days in prod/,
    ],
    ["prod without Multi-AZ", "prod", (r) => (r.database.multiAz = false), /database\.multiAz: must be true in prod/],
    [
      "prod without deletion protection",
      "prod",
      (r) => (r.database.deletionProtection = false),
      /database\.deletionProtection: must be true in prod/,
    ],
    [
      "replica without backups",
      "dev",
      (r) => {
        r.database.readReplica.enabled = true;
        r.database.backupRetentionDays = 0;
      },
      /database\.backupRetentionDays: must be at least 1 day when a read or DR replica is enabled/,
    ],
    [
      "backup window in the wrong format",
      "prod",
      (r) => (r.database.backupWindow = "3:00-4:00"),
      /database\.backupWindow: must be a UTC window hh24:mi-hh24:mi/,
    ],
    [
      "backup window under 30 minutes",
      "prod",
      (r) => (r.database.backupWindow = "03:00-03:15"),
      /database\.backupWindow: must be at least 30 minutes long/,
    ],
    [
      "maintenance window with an upper-case day",
      "prod",
      (r) => (r.database.maintenanceWindow = "Mon:04:00-Mon:05:00"),
      /database\.maintenanceWindow: must be a UTC window ddd:hh24:mi-ddd:hh24:mi/,
    ],
    [
      "maintenance window overlapping the backup window",
      "prod",
      (r) => (r.database.maintenanceWindow = "tue:03:30-tue:04:30"),
      /database\.maintenanceWindow: must not overlap backupWindow \(03:00-04:00\)/,
    ],
    [
      "engine version that is not a version",
      "prod",
      (r) => (r.database.engineVersion = "latest"),
      /database\.engineVersion: must be a PostgreSQL version/,
    ],
    ["reserved master user name", "prod", (r) => (r.database.masterUsername = "rdsadmin"), /database\.masterUsername: is reserved/],
    [
      "Performance Insights retention AWS rejects",
      "prod",
      (r) => (r.database.performanceInsightsRetentionDays = 30),
      /database\.performanceInsightsRetentionDays: must be 7, a multiple of 31/,
    ],
    [
      "enhanced monitoring interval AWS rejects",
      "prod",
      (r) => (r.database.monitoringIntervalSeconds = 20),
      /database\.monitoringIntervalSeconds: must be one of 1, 5, 10, 15, 30, 60/,
    ],
    [
      "DR replica without a subnet group in the DR region",
      "prod",
      (r) => delete r.database.drReplica.subnetGroupName,
      /database\.drReplica\.subnetGroupName: is required when the DR replica is enabled: name a DB subnet group that exists in us-west-2/,
    ],
    [
      "DR replica without DR",
      "staging",
      (r) => (r.database.drReplica = { enabled: true, subnetGroupName: "dr-db" }),
      /database\.drReplica\.enabled: requires dr\.enabled/,
    ],
    [
      "Redis node type without cache. prefix",
      "prod",
      (r) => (r.cache.nodeType = "t4g.micro"),
      /cache\.nodeType: must be an ElastiCache node type cache\.<family>\.<size>/,
    ],
    [
      "automatic failover with one node",
      "staging",
      (r) => (r.cache.numCacheClusters = 1),
      /cache\.numCacheClusters: must be at least 2 when automaticFailover is on/,
    ],
    ["Multi-AZ without failover", "dev", (r) => (r.cache.multiAz = true), /cache\.multiAz: requires automaticFailover/],
    [
      "prod Redis without failover",
      "prod",
      (r) => {
        r.cache.automaticFailover = false;
        r.cache.multiAz = false;
      },
      /cache\.automaticFailover: must be true in prod/,
    ],
    [
      "snapshot retention above 35 days",
      "prod",
      (r) => (r.cache.snapshotRetentionDays = 40),
      /cache\.snapshotRetentionDays: must be between 0 and 35 days/,
    ],
    [
      "snapshot window under 60 minutes",
      "prod",
      (r) => (r.cache.snapshotWindow = "03:00-03:30"),
      /cache\.snapshotWindow: must be at least 60 minutes long/,
    ],
    [
      "Redis maintenance overlapping snapshots",
      "prod",
      (r) => (r.cache.maintenanceWindow = "sun:03:30-sun:04:30"),
      /cache\.maintenanceWindow: must not overlap snapshotWindow \(03:00-04:00\)/,
    ],
    [
      "Redis engine version of another engine",
      "prod",
      (r) => (r.cache.engineVersion = "5.0.6"),
      /cache\.engineVersion: must be a Redis OSS version major\.minor with major 6 or 7/,
    ],
    [
      "replication group id over 40 characters",
      "prod",
      (r) => (r.cache.replicationGroupId = `voice-ai-prod-${"r".repeat(30)}`),
      /cache\.replicationGroupId: must be at most 40 characters/,
    ],
    [
      "logs expiring before their Glacier transition",
      "prod",
      (r) => (r.storage.logs.expirationDays = 30),
      /storage\.logs\.expirationDays: must be greater than glacierTransitionDays \(30\)/,
    ],
    [
      "recordings kept 0 days",
      "dev",
      (r) => (r.storage.recordings.expirationDays = 0),
      /storage\.recordings\.expirationDays: must be at least 1 day/,
    ],
    [
      "project name that makes bucket names too long",
      "staging",
      (r) => (r.project = "voice-ai-platform-for-callcenter"),
      /project: makes bucket name voice-ai-platform-for-callcenter-staging-recordings-222222222222 64 characters long; S3 allows 63/,
    ],
  ];

  it.each(cases)("%s", (_name, env, edit, expected) => {
    expect(problemsOf(withEdit(env, edit))).toMatch(expected);
  });
});

describe("window arithmetic", () => {
  it("parses daily and weekly windows, including ones that cross midnight or the week's end", () => {
    expect(parseDailyWindow("23:30-00:30")).toEqual({ start: 23 * 60 + 30, length: 60, period: 24 * 60 });
    expect(parseWeeklyWindow("sat:23:00-sun:01:00")?.length).toBe(120);
    expect(parseDailyWindow("24:00-01:00")).toBeUndefined();
  });

  it("finds overlaps on any day of the week, across midnight too", () => {
    const daily = parseDailyWindow("23:30-00:30")!;
    expect(dailyOverlapsWeekly(daily, parseWeeklyWindow("wed:00:00-wed:01:00")!)).toBe(true);
    expect(dailyOverlapsWeekly(daily, parseWeeklyWindow("sat:23:45-sun:00:15")!)).toBe(true);
    expect(dailyOverlapsWeekly(daily, parseWeeklyWindow("mon:00:30-mon:01:30")!)).toBe(false);
    expect(dailyOverlapsWeekly(parseDailyWindow("03:00-04:00")!, parseWeeklyWindow("mon:04:00-mon:05:00")!)).toBe(false);
  });
});
