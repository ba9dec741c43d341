import { describe, expect, it } from "vitest";
import { BLUEPRINTS, ConfigError, loadBlueprints, parseEnvironmentConfig } from "../../config";

/** A blueprint environment's raw config after `edit`, parsed. */
function parseEdited(blueprint: string, env: string, edit: (raw: any) => void) {
  const raw = structuredClone(BLUEPRINTS[blueprint][env]) as any;
  edit(raw);
  return parseEnvironmentConfig(raw, `${blueprint}/${env} (edited)`);
}

describe("rules for components a blueprint leaves out or adds", () => {
  const cases: [string, string, string, (raw: any) => void, RegExp][] = [
    [
      "a service connecting to a database the blueprint does not have",
      "voice-connect",
      "prod",
      (r) => (r.services[0].database = true),
      /services\.0\.database: needs the database section/,
    ],
    [
      "a service reading the Redis URL without a cache",
      "voice-connect",
      "dev",
      (r) => (r.services[0].secrets.REDIS_URL = { secret: "redis-url" }),
      /services\.0\.secrets\.REDIS_URL\.secret: needs the cache section: redis-url exists only with Redis/,
    ],
    [
      "recordings access without a recordings bucket",
      "voice-connect",
      "prod",
      (r) => (r.services[0].recordings = { prefix: "calls/", access: "read" }),
      /services\.0\.recordings: needs storage\.recordings: the environment has no recordings bucket/,
    ],
    [
      "documents access without a documents bucket",
      "voice-ai",
      "dev",
      (r) => (r.services[0].documents = { prefix: "docs/", access: "read" }),
      /services\.0\.documents: needs storage\.documents/,
    ],
    [
      "RDS alarm thresholds without a database",
      "voice-connect",
      "prod",
      (r) => (r.observability.thresholds.rdsCpuPercent = 80),
      /observability\.thresholds\.rdsCpuPercent: has no effect without a database section; remove it/,
    ],
    [
      "a cache without its Redis alarm thresholds",
      "saprism",
      "prod",
      (r) => delete r.observability.thresholds.redisEvictions,
      /observability\.thresholds\.redisEvictions: is required while the cache section is present/,
    ],
    [
      "functions without their Lambda alarm thresholds",
      "voice-connect",
      "prod",
      (r) => delete r.observability.thresholds.lambdaThrottles,
      /observability\.thresholds\.lambdaThrottles: is required while the functions section is present/,
    ],
    [
      "DynamoDB alarm thresholds without tables",
      "saprism",
      "prod",
      (r) => (r.observability.thresholds.dynamodbThrottleEvents = 0),
      /observability\.thresholds\.dynamodbThrottleEvents: has no effect without a dynamodb section; remove it/,
    ],
    [
      "a partial isolated tier without database or cache",
      "voice-connect",
      "prod",
      (r) => (r.network.databaseSubnetCidrs = ["10.0.20.0/24"]),
      /network\.databaseSubnetCidrs: must have one subnet per availability zone \(2\), got 1 \(or none: there is no database or cache\)/,
    ],
    [
      "no isolated tier for a database",
      "saprism",
      "staging",
      (r) => (r.network.databaseSubnetCidrs = []),
      /network\.databaseSubnetCidrs: must have one subnet per availability zone \(2\), got 0$/m,
    ],
    [
      "a service granted a table the dynamodb section lacks",
      "voice-connect",
      "prod",
      (r) => r.services[0].tables.push({ name: "call-audit", access: "read" }),
      /services\.0\.tables\.1\.name: names no table "call-audit"; known: handover-tokens/,
    ],
    [
      "a service granted the same table twice",
      "voice-connect",
      "dev",
      (r) => r.services[0].tables.push({ name: "handover-tokens", access: "read" }),
      /services\.0\.tables\.1\.name: grants table "handover-tokens" twice/,
    ],
    [
      "a service granted a table without a dynamodb section",
      "saprism",
      "dev",
      (r) => (r.services[0].tables = [{ name: "sessions", access: "read" }]),
      /services\.0\.tables\.0\.name: names table "sessions" but the dynamodb section is absent/,
    ],
    [
      "a service setting the table variable it is also given",
      "voice-connect",
      "prod",
      (r) => (r.services[0].environment.HANDOVER_TOKENS_TABLE = "tokens"),
      /services\.0\.tables: sets HANDOVER_TOKENS_TABLE, which the service also defines in environment or secrets/,
    ],
    [
      "a service reading parameters without a parameters section",
      "voice-connect",
      "prod",
      (r) => (r.services[0].parameters = true),
      /services\.0\.parameters: needs the parameters section/,
    ],
  ];

  it.each(cases)("refuses %s", (_, blueprint, env, edit, message) => {
    expect(() => parseEdited(blueprint, env, edit)).toThrow(ConfigError);
    expect(() => parseEdited(blueprint, env, edit)).toThrow(message);
  });

  it("accepts an environment without database, cache, recordings or isolated tier (voice-connect as shipped)", () => {
    const config = parseEdited("voice-connect", "prod", () => {});
    expect([config.database, config.cache, config.storage.recordings]).toEqual([undefined, undefined, undefined]);
    expect(config.network!.databaseSubnetCidrs).toEqual([]);
  });
});

describe("loading blueprints", () => {
  it("refuses a blueprint whose environment names another project or is listed under another name", () => {
    const registry = BLUEPRINTS as Record<string, Readonly<Record<string, unknown>>>;
    registry["voice-bot"] = { dev: BLUEPRINTS["voice-connect"].prod };
    try {
      expect(() => loadBlueprints("voice-bot", "")).toThrow(
        /config\/blueprints\/voice-bot\.ts \(dev\):\n {2}- project: must be "voice-bot", the name of its blueprint \(got "voice-connect"\)\n {2}- environment: must be "dev", the name it is listed under \(got "prod"\)/,
      );
    } finally {
      delete registry["voice-bot"];
    }
  });

  it("selects every blueprint, in registry order, with INFRA_BLUEPRINTS=all", () => {
    const projects = [...new Set(loadBlueprints("all", "prod").map((c) => c.project))];
    expect(projects).toEqual(Object.keys(BLUEPRINTS));
    expect(projects).toContain("voice-assistant");
  });

  it("ignores repeated and empty names in the comma lists", () => {
    expect(loadBlueprints("saprism,,saprism", " prod, prod ").map((c) => `${c.project}/${c.environment}`)).toEqual(["saprism/prod"]);
  });
});
