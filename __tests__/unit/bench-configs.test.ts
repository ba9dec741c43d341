import { describe, expect, it } from "vitest";
import { ENVIRONMENTS, parseEnvironmentConfig } from "../../config";
import { benchConfigs } from "../../scripts/bench-configs";

describe("benchmark configs", () => {
  it("with the shipped service count, reproduce the shipped environments", () => {
    expect(benchConfigs(3, 2)).toEqual(Object.entries(ENVIRONMENTS).map(([name, raw]) => parseEnvironmentConfig(raw, name)));
  });

  it("repeat the shipped environments under another project beyond the third, with every name moved to it", () => {
    const configs = benchConfigs(6, 2);
    expect(configs.map((c) => `${c.project}/${c.environment}`)).toEqual([
      "voice-ai/dev",
      "voice-ai/staging",
      "voice-ai/prod",
      "voice-ai2/dev",
      "voice-ai2/staging",
      "voice-ai2/prod",
    ]);
    const copy = JSON.stringify(configs.slice(3));
    expect(copy).not.toMatch(/voice-ai-(dev|staging|prod)-/);
  });

  it("scale services with unique names, paths and priorities, keeping the catch-all rule last", () => {
    for (const config of benchConfigs(3, 30)) {
      const services = config.services;
      expect(services).toHaveLength(30);
      expect(new Set(services.map((s) => s.name)).size).toBe(30);
      expect(new Set(services.flatMap((s) => s.pathPatterns)).size).toBe(services.flatMap((s) => s.pathPatterns).length);
      const catchAll = services.filter((s) => s.pathPatterns.includes("/*"));
      for (const rule of catchAll) expect(Math.max(...services.map((s) => s.priority))).toBe(rule.priority);
    }
  });

  it("rejects sizes that are not positive integers", () => {
    expect(() => benchConfigs(0, 2)).toThrow(/environmentCount/);
    expect(() => benchConfigs(1, 0)).toThrow(/servicesPerEnvironment/);
  });
});
