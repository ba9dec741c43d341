import { z } from "zod";
import { parseCidr, rangeContains, rangesOverlap } from "./cidr";
import { awsRegion, environmentName, resourceName } from "./sections/common";
import { networkSchema } from "./sections/network";
import { kmsSchema, secretsSchema } from "./sections/security";
import { stateBackendSchema } from "./sections/state-backend";
import { databaseRules, databaseSchema } from "./sections/database";
import { cacheRules, cacheSchema } from "./sections/cache";
import { storageRules, storageSchema } from "./sections/storage";
import { edgeRules, edgeSchema } from "./sections/edge";
import { ecsRules, ecsSchema } from "./sections/ecs";
import { servicesRules, servicesSchema } from "./sections/services";
import { backupRules, backupSchema } from "./sections/backup";
import { observabilityRules, observabilitySchema } from "./sections/observability";
import { messagingRules, messagingSchema } from "./sections/messaging";
import { dynamodbRules, dynamodbSchema } from "./sections/dynamodb";
import { functionsRules, functionsSchema } from "./sections/functions";
import { identityRules, identitySchema } from "./sections/identity";
import { parametersRules, parametersSchema } from "./sections/parameters";
import { ciRules, ciSchema } from "./sections/ci";

// A process parses a few configurations; zod's compiled fast path costs more to build than it saves here
// (3 environments: ~50-80 ms compiled vs ~20-30 ms interpreted, and no faster per parse afterwards).
z.config({ jitless: true });

const tagKey = z.string().min(1).max(128).regex(/^[\w .:/=+\-@]+$/, "must be a valid AWS tag key");

export const environmentConfigSchema = z.strictObject({
  /** Short project (blueprint) name; prefixes resource names and state keys. */
  project: resourceName,
  /** Environment name; one set of stacks per environment. */
  environment: environmentName,
  /** The only AWS account these stacks may touch (`allowed_account_ids`). */
  accountId: z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id"),
  /** Primary region. */
  region: awsRegion,
  /** Disaster-recovery region: cross-region KMS key, replicas and backup copies live there. */
  dr: z.strictObject({
    /** Builds the DR-region key, the cross-region database replica and backup copies; off: no second region at all. */
    enabled: z.boolean(),
    /** The DR region; must differ from `region` when enabled. */
    region: awsRegion,
  }),
  /** Extra tags on every resource, merged under the standard ones. */
  tags: z.record(tagKey, z.string().max(256)).default({}),
  /** Where every stack keeps its Terraform state and lock (the bucket and table the bootstrap stack creates). */
  stateBackend: stateBackendSchema,
  /** The VPC: address ranges, subnets per tier and zone, NAT, endpoints, flow logs. */
  network: networkSchema,
  /** Settings shared by every customer-managed KMS key (one per purpose, in the secrets-kms stack). */
  kms: kmsSchema,
  /** Secrets Manager: recovery window, operator-filled API key secrets, generated secret length. */
  secrets: secretsSchema,
  /** S3 buckets of the storage stack: recordings and documents (each optional) and the logs bucket. */
  storage: storageSchema,
  /** PostgreSQL on RDS; absent means no rds stack (seed 001 keeps its state in DynamoDB). */
  database: databaseSchema.optional(),
  /** Redis on ElastiCache; absent means no redis stack and no Redis secrets. */
  cache: cacheSchema.optional(),
  /** The Fargate services behind the ALB, one entry per service (see docs/configuration.md, Adding a service). */
  services: servicesSchema,
  /** Settings of the ECS cluster and of every service's repository and logs. */
  ecs: ecsSchema,
  /** The internet-facing entry: domain and certificate, ALB, WAF, optional CloudFront. */
  edge: edgeSchema,
  /** AWS Backup: schedule, retention, vault lock, what is selected, the DR copy. */
  backup: backupSchema,
  /** Alarms and who they notify, their thresholds, the dashboard, CloudTrail, the budget, X-Ray. */
  observability: observabilitySchema,
  /** Queues, confirmations, SES, health check/failover, Client VPN; absent means no messaging stack. */
  messaging: messagingSchema.optional(),
  /** DynamoDB tables (seed 001's token table); absent means no data-dynamodb stack. */
  dynamodb: dynamodbSchema.optional(),
  /** Container-image Lambdas (seed 001's Amazon Connect lookup); absent means no functions stack. */
  functions: functionsSchema.optional(),
  /** Cognito user pool and app client (seed 003); absent means no identity stack. */
  identity: identitySchema.optional(),
  /** SSM Parameter Store app settings (seed 003); absent means no parameters stack. */
  parameters: parametersSchema.optional(),
  /** IAM roles the generated CI workflow assumes in this account (docs/ci.md); absent: the derived role names. */
  ci: ciSchema.optional(),
});

export type EnvironmentConfig = Readonly<z.infer<typeof environmentConfigSchema>>;
/**
 * What an environment file writes before validation: fields with a default may be left out. Blueprints declare their
 * environments as this type, so a misspelled field or a wrong type fails `npm run typecheck` (and shows in the
 * editor); the rules zod checks at load time (ranges, patterns, cross-field rules) still only fail there.
 */
export type EnvironmentInput = z.input<typeof environmentConfigSchema>;

export type ConfigIssue = { path: (string | number)[]; message: string };
/** A rule over several fields; returns the problems it finds. */
export type CrossFieldRule = (config: z.infer<typeof environmentConfigSchema>) => ConfigIssue[];

const RESERVED_TAG_KEYS = ["project", "environment", "component", "managed-by"];

const crossFieldRules: CrossFieldRule[] = [
  (c) =>
    Object.keys(c.tags)
      .filter((key) => RESERVED_TAG_KEYS.includes(key.toLowerCase()))
      .map((key) => ({ path: ["tags", key], message: "is set by the stacks themselves; remove it" })),
  (c) =>
    c.dr.enabled && c.dr.region === c.region
      ? [{ path: ["dr", "region"], message: `must differ from region (${c.region}) when DR is enabled` }]
      : [],
  (c) =>
    c.network.availabilityZones.flatMap((zone, i) =>
      zone.startsWith(c.region) ? [] : [{ path: ["network", "availabilityZones", i], message: `must be in region ${c.region}` }],
    ),
  (c) => {
    const zones = c.network.availabilityZones;
    const duplicates = zones.filter((z, i) => zones.indexOf(z) !== i);
    return duplicates.map((zone) => ({ path: ["network", "availabilityZones"], message: `lists ${zone} twice` }));
  },
  subnetLayoutRule,
  ...storageRules,
  ...databaseRules,
  ...cacheRules,
  ...backupRules,
  ...observabilityRules,
  ...servicesRules,
  ...ecsRules,
  ...edgeRules,
  ...messagingRules,
  ...dynamodbRules,
  ...functionsRules,
  ...identityRules,
  ...parametersRules,
  ...ciRules,
];

function subnetLayoutRule(c: z.infer<typeof environmentConfigSchema>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const vpc = parseCidr(c.network.vpcCidr);
  const zoneCount = c.network.availabilityZones.length;
  const subnets: { path: (string | number)[]; cidr: string }[] = [];
  for (const tier of ["publicSubnetCidrs", "privateSubnetCidrs", "databaseSubnetCidrs"] as const) {
    const list = c.network[tier];
    // Only the data stores live in the isolated tier, so without them it may be left out entirely.
    const optionalTier = tier === "databaseSubnetCidrs" && !c.database && !c.cache;
    if (list.length !== zoneCount && !(optionalTier && list.length === 0)) {
      issues.push({
        path: ["network", tier],
        message: `must have one subnet per availability zone (${zoneCount}), got ${list.length}${optionalTier ? " (or none: there is no database or cache)" : ""}`,
      });
    }
    for (const [i, cidr] of list.entries()) subnets.push({ path: ["network", tier, i], cidr });
  }
  if (!vpc) return issues;
  const parsed = subnets.map((s) => ({ ...s, range: parseCidr(s.cidr) }));
  for (const [i, s] of parsed.entries()) {
    if (!s.range) continue;
    if (!rangeContains(vpc, s.range)) {
      issues.push({ path: s.path, message: `${s.cidr} is outside the VPC block ${c.network.vpcCidr}` });
    }
    if (s.range.prefix > 28) issues.push({ path: s.path, message: `${s.cidr} is smaller than /28, the AWS minimum` });
    for (const other of parsed.slice(0, i)) {
      if (other.range && rangesOverlap(other.range, s.range)) {
        issues.push({ path: s.path, message: `${s.cidr} overlaps ${other.path.join(".")} (${other.cidr})` });
      }
    }
  }
  if (vpc.prefix < 16 || vpc.prefix > 28) {
    issues.push({ path: ["network", "vpcCidr"], message: "must be between /16 and /28, the sizes AWS allows" });
  }
  return issues;
}

/** Thrown for any invalid configuration; the message lists every problem by field path. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly { path: string; message: string }[],
  ) {
    super(`Invalid configuration ${source}:\n${problems.map((p) => `  - ${p.path}: ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? "(root)" : path.map(String).join(".");
}

function describeValue(input: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return "";
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (value === undefined || (typeof value === "object" && value !== null)) return "";
  return ` (got ${JSON.stringify(value)})`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates raw configuration and returns it typed and frozen.
 * @throws ConfigError naming every bad field by its path, the rule and the value.
 */
export function parseEnvironmentConfig(input: unknown, source = "(inline)"): EnvironmentConfig {
  const result = environmentConfigSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      source,
      result.error.issues.map((issue) => ({
        path: formatPath(issue.path),
        message: issue.message + describeValue(input, issue.path),
      })),
    );
  }
  const problems = crossFieldRules.flatMap((rule) => rule(result.data));
  if (problems.length > 0) {
    throw new ConfigError(
      source,
      problems.map((p) => ({ path: formatPath(p.path), message: p.message })),
    );
  }
  return deepFreeze(result.data);
}
