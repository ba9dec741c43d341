import { describe, expect, it } from "vitest";
import { checkConfigProperty } from "../support/config-property";

// The long run of the config property (__tests__/support/config-property.ts); the unit suite checks one fixed case.
// `npm test` runs 2 cases with a new seed each time, so the runs add up; `npm run test:property` runs
// CONFIG_PROPERTY_RUNS cases (100 unless set). To replay a failure, set CONFIG_PROPERTY_SEED and CONFIG_PROPERTY_PATH
// to the seed and path fast-check printed.
const numRuns = Number(process.env.CONFIG_PROPERTY_RUNS ?? 2);
const seed = process.env.CONFIG_PROPERTY_SEED === undefined ? undefined : Number(process.env.CONFIG_PROPERTY_SEED);
const path = process.env.CONFIG_PROPERTY_PATH;
if (!Number.isInteger(numRuns) || numRuns < 1)
  throw new Error(`CONFIG_PROPERTY_RUNS must be a positive integer, got ${process.env.CONFIG_PROPERTY_RUNS}`);
if (seed !== undefined && !Number.isInteger(seed))
  throw new Error(`CONFIG_PROPERTY_SEED must be an integer, got ${process.env.CONFIG_PROPERTY_SEED}`);

describe("property: every configuration the schema accepts synthesizes and passes the guardrails", () => {
  it(
    `holds for ${numRuns} generated variations of the shipped environments`,
    () => {
      const synthesized = checkConfigProperty({ numRuns, seed, path });
      // A replayed path runs the one case it names.
      if (path === undefined) expect(synthesized).toBe(numRuns);
      // Each accepted case is a full environment synth (0.4-1 s); the margin keeps a busy CI runner from turning
      // slowness into a failure.
    },
    10_000 + numRuns * 5_000,
  );
});
