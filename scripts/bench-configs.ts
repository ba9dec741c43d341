import { ENVIRONMENTS, type EnvironmentConfig, parseEnvironmentConfig } from "../config";

type RawService = Record<string, unknown> & { name: string; priority: number; pathPatterns: string[] };

const CATCH_ALL_PATTERNS = ["/*", "*"];

/**
 * Validated configurations for a synth of `environmentCount` environments with `servicesPerEnvironment` services
 * each, derived from the shipped voice-ai environments in promotion order (dev, staging, prod, then again as
 * project `voice-ai2`, ...; one App qualifies stack ids with the project once there are several). Extra services
 * are copies of a shipped service with their own name, path and listener priority; every config goes through
 * `parseEnvironmentConfig`, so the generated ones obey the same rules as the shipped ones.
 */
export function benchConfigs(environmentCount: number, servicesPerEnvironment: number): EnvironmentConfig[] {
  if (!Number.isInteger(environmentCount) || environmentCount < 1)
    throw new Error(`environmentCount must be a positive integer, got ${environmentCount}`);
  const names = Object.keys(ENVIRONMENTS);
  return Array.from({ length: environmentCount }, (_, i) => {
    const copy = Math.floor(i / names.length);
    const name = names[i % names.length];
    let raw = structuredClone(ENVIRONMENTS[name]) as Record<string, unknown>;
    if (copy > 0) {
      // Physical names must start with `<project>-<env>-`; move every one of them to the copy's prefix.
      const project = `${raw.project}${copy + 1}`;
      raw = renamed(raw, `${raw.project}-${name}`, `${project}-${name}`) as Record<string, unknown>;
      raw.project = project;
    }
    if (Array.isArray(raw.services)) raw.services = scaledServices(raw.services as RawService[], servicesPerEnvironment);
    return parseEnvironmentConfig(raw, `bench ${raw.project}/${name} with ${servicesPerEnvironment} services`);
  });
}

function renamed(value: unknown, from: string, to: string): unknown {
  if (typeof value === "string") return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((item) => renamed(item, from, to));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, from, to)]));
  return value;
}

function scaledServices(shipped: readonly RawService[], count: number): RawService[] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`servicesPerEnvironment must be a positive integer, got ${count}`);
  const isCatchAll = (s: RawService) => s.pathPatterns.some((p) => CATCH_ALL_PATTERNS.includes(p));
  // Keep the catch-all service: it is what every other route is evaluated before.
  const kept = [...shipped].sort((a, b) => Number(isCatchAll(b)) - Number(isCatchAll(a))).slice(0, count);
  const template = shipped.find((s) => !isCatchAll(s)) ?? shipped[0];
  const lowestCatchAll = Math.min(...kept.filter(isCatchAll).map((s) => s.priority));
  const used = new Set(kept.map((s) => s.priority));
  const services = [...kept];
  let priority = 0;
  for (let n = 1; services.length < count; n++) {
    do priority++;
    while (used.has(priority));
    if (priority >= lowestCatchAll) throw new Error(`no listener priority left below the catch-all rule (${lowestCatchAll}) for ${count} services`);
    const name = `svc-${String(n).padStart(2, "0")}`;
    services.push({ ...structuredClone(template), name, pathPatterns: [`/${name}/*`], priority });
  }
  return services;
}
