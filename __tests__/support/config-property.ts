/**
 * The config property shared by the fast check in the unit suite (__tests__/unit/config-property.test.ts: a fixed seed,
 * one case) and the long run (__tests__/integration/config-property.test.ts, `npm run test:property`): whatever the
 * schema accepts synthesizes and passes the guardrails. The other half of the contract is
 * __tests__/unit/config-validation.test.ts: there, bad input never reaches Terraform.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { expect } from "vitest";
import { ConfigError, type EnvironmentConfig, parseEnvironmentConfig } from "../../config";
import { CLOUDWATCH_RETENTION_DAYS } from "../../config/sections/common";
import { INTERFACE_ENDPOINT_SERVICES } from "../../config/sections/network";
import { FARGATE_CPU_MEMORY } from "../../config/sections/services";
import { type Finding, collectFindings } from "../../guardrails";
import { buildPlatformApp } from "../../stacks/app";
import { withEdit } from "./config";

const ZONES = ["a", "b", "c", "d", "e", "f"];
const RDS_CLASSES = ["db.t4g.micro", "db.t4g.medium", "db.r6g.large", "db.m7g.xlarge"];
const CACHE_NODES = ["cache.t4g.micro", "cache.t4g.small", "cache.r7g.large"];
const FARGATE_SIZES = Object.entries(FARGATE_CPU_MEMORY).flatMap(([cpu, memories]) => memories.map((memory) => ({ cpu: Number(cpu), memory })));

/** A variation of a shipped environment: sizes, AZ count and subnets, and the on/off switches of each section. */
export const variation = fc.record({
  env: fc.constantFrom("dev", "staging", "prod"),
  secondOctet: fc.integer({ min: 0, max: 250 }),
  zoneCount: fc.integer({ min: 2, max: 4 }),
  natGateways: fc.constantFrom("single", "per-az"),
  interfaceEndpoints: fc.subarray([...INTERFACE_ENDPOINT_SERVICES]),
  flowLogs: fc.record({ enabled: fc.boolean(), retentionDays: fc.constantFrom(...CLOUDWATCH_RETENTION_DAYS) }),
  kmsWindow: fc.integer({ min: 7, max: 30 }),
  generatedLength: fc.integer({ min: 32, max: 128 }),
  dr: fc.boolean(),
  database: fc.record({
    instanceClass: fc.constantFrom(...RDS_CLASSES),
    allocatedStorageGb: fc.integer({ min: 20, max: 400 }),
    extraStorageGb: fc.integer({ min: 0, max: 600 }),
    multiAz: fc.boolean(),
    protect: fc.boolean(),
    readReplica: fc.boolean(),
    drReplica: fc.boolean(),
    backupRetentionDays: fc.integer({ min: 1, max: 35 }),
  }),
  cache: fc.record({ nodeType: fc.constantFrom(...CACHE_NODES), nodes: fc.integer({ min: 1, max: 3 }), failover: fc.boolean() }),
  services: fc.array(
    fc.record({
      size: fc.constantFrom(...FARGATE_SIZES),
      min: fc.integer({ min: 0, max: 3 }),
      extra: fc.integer({ min: 0, max: 5 }),
      readonly: fc.boolean(),
    }),
    { minLength: 1, maxLength: 2 },
  ),
  edge: fc.record({
    rateLimit: fc.integer({ min: 10, max: 2_000_000_000 }),
    botControl: fc.constantFrom("off", "count", "block"),
    protect: fc.boolean(),
  }),
  continuousBackup: fc.boolean(),
  optionalSections: fc.boolean(),
});

export type Variation = typeof variation extends fc.Arbitrary<infer T> ? T : never;

/** The raw config of one variation: a shipped environment with the variation's values written over it. */
export function configOf(v: Variation): unknown {
  return withEdit(
    v.env,
    (r) => {
      const zones = ZONES.slice(0, v.zoneCount).map((z) => `${r.region}${z}`);
      const net = `10.${v.secondOctet}`;
      Object.assign(r.network, {
        vpcCidr: `${net}.0.0/16`,
        availabilityZones: zones,
        publicSubnetCidrs: zones.map((_, i) => `${net}.${i + 1}.0/24`),
        privateSubnetCidrs: zones.map((_, i) => `${net}.${i + 10}.0/24`),
        databaseSubnetCidrs: zones.map((_, i) => `${net}.${i + 20}.0/24`),
        natGateways: v.natGateways,
        interfaceEndpoints: v.interfaceEndpoints,
        flowLogs: { ...r.network.flowLogs, ...v.flowLogs },
      });
      r.kms.deletionWindowDays = v.kmsWindow;
      r.secrets.generatedLength = v.generatedLength;
      r.dr.enabled = v.dr;
      const db = v.database;
      Object.assign(r.database, {
        instanceClass: db.instanceClass,
        allocatedStorageGb: db.allocatedStorageGb,
        maxAllocatedStorageGb: db.allocatedStorageGb + db.extraStorageGb,
        multiAz: db.multiAz,
        deletionProtection: db.protect,
        finalSnapshot: db.protect,
        backupRetentionDays: db.backupRetentionDays,
        readReplica: { enabled: db.readReplica },
        drReplica: db.drReplica ? { enabled: true, subnetGroupName: "dr-database" } : { enabled: false },
      });
      r.observability.thresholds.rdsFreeStorageGb = Math.min(r.observability.thresholds.rdsFreeStorageGb, db.allocatedStorageGb - 1);
      Object.assign(r.cache, {
        nodeType: v.cache.nodeType,
        numCacheClusters: v.cache.nodes,
        automaticFailover: v.cache.failover,
        multiAz: v.cache.failover,
      });
      r.services = v.services.map((s, i) => ({
        ...r.services[i % r.services.length],
        cpu: s.size.cpu,
        memory: s.size.memory,
        minCount: s.min,
        desiredCount: s.min,
        maxCount: s.min + s.extra + 1,
        readonlyRootFilesystem: s.readonly,
      }));
      Object.assign(r.edge, { deletionProtection: v.edge.protect });
      Object.assign(r.edge.waf, { rateLimitPer5Min: v.edge.rateLimit, botControl: v.edge.botControl });
      r.backup.continuousBackup = v.continuousBackup;
      if (v.continuousBackup) r.backup.retention = { deleteAfterDays: db.backupRetentionDays };
    },
    v.optionalSections,
  );
}

/** How a run of the property is driven: cases, and the seed (and path) of a run to replay. */
export interface PropertyRun {
  readonly numRuns: number;
  /** @default - a new seed each run, so runs add up */
  readonly seed?: number;
  /** fast-check's path of a failing case, printed with its seed, to replay that case alone. */
  readonly path?: string;
}

/**
 * Checks the property over `numRuns` accepted cases and returns how many were synthesized (always `numRuns`; a
 * rejected case is skipped, since rejection is the other half of the contract). Each accepted case is a full
 * environment synth; a failing case is reported as generated, because shrinking would cost dozens more synths.
 */
export function checkConfigProperty(run: PropertyRun): number {
  let synthesized = 0;
  fc.assert(
    fc.property(variation, (v) => {
      let config: EnvironmentConfig;
      try {
        config = parseEnvironmentConfig(configOf(v), `generated ${v.env}`);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        fc.pre(false);
        return;
      }
      const outdir = mkdtempSync(join(tmpdir(), "voice-infra-property-"));
      let errors: Finding[];
      try {
        const { app } = buildPlatformApp({ configs: [config], outdir });
        app.synth();
        errors = collectFindings(app)
          .flatMap((r) => r.findings)
          .filter((f) => f.level === "error");
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
      expect(errors.map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
      synthesized += 1;
    }),
    { numRuns: run.numRuns, seed: run.seed, path: run.path, maxSkipsPerRun: 100, endOnFailure: true },
  );
  return synthesized;
}
