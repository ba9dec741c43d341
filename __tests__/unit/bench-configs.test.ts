import { describe, expect, it } from "vitest";
import { ENVIRONMENTS, parseEnvironmentConfig } from "../../config";
import { benchTenants } from "../../scripts/bench-configs";

describe("benchmark configs", () => {
  it("with the shipped service count, reproduce the shipped environments", () => {
    const [tenant] = benchTenants(3, 2);
    expect(tenant.configs).toEqual(Object.entries(ENVIRONMENTS).map(([name, raw]) => parseEnvironmentConfig(raw, name)));
  });

  it("put environments beyond the shipped three into further tenants with their own project", () => {
    const tenants = benchTenants(6, 2);
    expect(tenants.map((t) => t.configs.map((c) => c.environment))).toEqual([
      ["dev", "staging", "prod"],
      ["dev", "staging", "prod"],
    ]);
    expect(new Set(tenants.map((t) => t.project)).size).toBe(2);
    for (const tenant of tenants) expect(tenant.configs.every((c) => c.project === tenant.project)).toBe(true);
  });

  it("scale services with unique names, paths and priorities, keeping the catch-all rule last", () => {
    for (const config of benchTenants(3, 30)[0].configs) {
      const services = config.services;
      expect(services).toHaveLength(30);
      expect(new Set(services.map((s) => s.name)).size).toBe(30);
      expect(new Set(services.flatMap((s) => s.pathPatterns)).size).toBe(services.flatMap((s) => s.pathPatterns).length);
      const catchAll = services.filter((s) => s.pathPatterns.includes("/*"));
      for (const rule of catchAll) expect(Math.max(...services.map((s) => s.priority))).toBe(rule.priority);
    }
  });

  it("rejects sizes that are not positive integers", () => {
    expect(() => benchTenants(0, 2)).toThrow(/environmentCount/);
    expect(() => benchTenants(1, 0)).toThrow(/servicesPerEnvironment/);
  });
});
