import type { EnvironmentInput } from "../schema";
import type { EnvironmentName } from "../sections/common";

/**
 * Blocks several blueprints configure the same way, built from the values that differ between them. A blueprint
 * that wants another shape writes the block out (genai-services' subnets, for one) or spreads a builder's result and
 * overrides a field.
 */
type Section<K extends keyof EnvironmentInput> = NonNullable<EnvironmentInput[K]>;

/** Where a blueprint's environment runs: its project, account and regions, which also name its state backend. */
export interface PlacementOptions {
  readonly project: string;
  readonly environment: EnvironmentName;
  /** The only AWS account the environment's stacks may touch. */
  readonly accountId: string;
  /** Primary region, where the state bucket lives too. */
  readonly region: string;
  /** Region the DR copies go to (or would, with `drEnabled` off). */
  readonly drRegion: string;
  /**
   * Whether the DR region gets its key, replicas and backup copies.
   * @default false
   */
  readonly drEnabled?: boolean;
  /**
   * Tags on every resource beside the standard ones.
   * @default - `cost-center` = the project
   */
  readonly tags?: Readonly<Record<string, string>>;
}

/** The fields that place an environment, with the state backend named after the same project, account and region. */
export function placement(
  options: PlacementOptions,
): Pick<EnvironmentInput, "project" | "environment" | "accountId" | "region" | "dr" | "tags" | "stateBackend"> {
  const { project, environment, accountId, region } = options;
  return {
    project,
    environment,
    accountId,
    region,
    dr: { enabled: options.drEnabled ?? false, region: options.drRegion },
    tags: { ...(options.tags ?? { "cost-center": project }) },
    stateBackend: stateBackend(project, environment, accountId, region),
  };
}

/** The state bucket, lock table and state CMK the bootstrap stack creates, named after project, environment and account. */
function stateBackend(project: string, environment: EnvironmentName, accountId: string, region: string): Section<"stateBackend"> {
  return {
    bucket: `${project}-tfstate-${accountId}`,
    region,
    lockTable: `${project}-tfstate-locks`,
    // Created by the bootstrap stack; every state object is encrypted with it.
    kmsKeyId: `alias/${project}-${environment}-tfstate`,
    useLockfile: false,
  };
}

type Subnets = Pick<Section<"network">, "vpcCidr" | "availabilityZones" | "publicSubnetCidrs" | "privateSubnetCidrs" | "databaseSubnetCidrs">;

/**
 * A `<prefix>.0.0/16` VPC over `<region><zone>` for each zone, one /24 per tier and zone: public from `<prefix>.1.0/24`,
 * private from `<prefix>.10.0/24` and, with `database`, the isolated database tier from `<prefix>.20.0/24`.
 */
export function subnetLayout(region: string, prefix: string, zones: readonly string[], tiers: { readonly database: boolean }): Subnets {
  const cidrs = (first: number) => zones.map((_, i) => `${prefix}.${first + i}.0/24`);
  return {
    vpcCidr: `${prefix}.0.0/16`,
    availabilityZones: zones.map((zone) => `${region}${zone}`),
    publicSubnetCidrs: cidrs(1),
    privateSubnetCidrs: cidrs(10),
    ...(tiers.database && { databaseSubnetCidrs: cidrs(20) }),
  };
}

/** The logs bucket's lifecycle: Glacier after 30 days, incomplete multipart uploads aborted after 7. */
export function logsBucket(expirationDays: number, noncurrentExpirationDays: number): NonNullable<Section<"storage">["logs"]> {
  return { glacierTransitionDays: 30, expirationDays, noncurrentExpirationDays, abortIncompleteMultipartUploadDays: 7 };
}

/**
 * The AWS managed rule groups every blueprint's web ACL applies: all but the anonymous-IP list, which blocks the cloud
 * provider addresses that webhooks (Twilio's, for one) call in from.
 */
export const MANAGED_RULES = { commonRuleSet: true, knownBadInputs: true, sqlInjection: true, ipReputation: true, anonymousIp: false } as const;

/** The ALB-only edge: no CloudFront distribution in front of it. */
export const NO_CLOUDFRONT = { enabled: false, priceClass: "PriceClass_100" } as const;

/** What varies in a blueprint's backup plan. */
export interface BackupPlanOptions {
  /** The environment; prod's vault is locked (7 to 365 days, changeable for 3 days), the others' are not. */
  readonly environment: EnvironmentName;
  /**
   * When the daily backup starts (a cron expression in UTC).
   * @default "cron(0 5 ? * * *)" - 05:00 UTC
   */
  readonly schedule?: string;
  /**
   * How long a backup may run.
   * @default 180
   */
  readonly completionWindowMinutes?: number;
  /**
   * Days a backup is kept in the vault.
   * @default - 3 in dev, 7 elsewhere
   */
  readonly retentionDays?: number;
  /**
   * Days the DR region's copy is kept.
   * @default 7
   */
  readonly drCopyDays?: number;
  /** Point-in-time recovery for the resources that support it. */
  readonly continuousBackup: boolean;
  /**
   * Days the backup bucket keeps noncurrent object versions.
   * @default - 7 in dev, 30 in staging, 90 in prod
   */
  readonly bucketNoncurrentVersionDays?: number;
}

/** A daily backup plan starting within an hour, over resources tagged `backup=true`. */
export function backupPlan(options: BackupPlanOptions): Section<"backup"> {
  const { environment } = options;
  return {
    schedule: options.schedule ?? "cron(0 5 ? * * *)",
    startWindowMinutes: 60,
    completionWindowMinutes: options.completionWindowMinutes ?? 180,
    retention: { deleteAfterDays: options.retentionDays ?? (environment === "dev" ? 3 : 7) },
    drCopy: { deleteAfterDays: options.drCopyDays ?? 7 },
    continuousBackup: options.continuousBackup,
    vaultLock: environment === "prod" ? { enabled: true, minRetentionDays: 7, maxRetentionDays: 365, changeableForDays: 3 } : { enabled: false },
    selectionTag: { key: "backup", value: "true" },
    bucketNoncurrentVersionDays: options.bucketNoncurrentVersionDays ?? { dev: 7, staging: 30, prod: 90 }[environment],
  };
}

/**
 * A multi-region audit trail: in prod under a COMPLIANCE object lock for 7 years with a year of CloudWatch logs,
 * elsewhere under GOVERNANCE for a year with `nonProdLogRetentionDays` of logs.
 */
export function auditTrail(prod: boolean, nonProdLogRetentionDays = 30): Section<"observability">["cloudTrail"] {
  return prod
    ? { multiRegion: true, objectLockMode: "COMPLIANCE", retentionYears: 7, logRetentionDays: 365 }
    : { multiRegion: true, objectLockMode: "GOVERNANCE", retentionYears: 1, logRetentionDays: nonProdLogRetentionDays };
}

/**
 * Redis 7.1 on cache.t4g.micro: one node in dev; two with automatic failover elsewhere, Multi-AZ in prod; snapshots
 * kept 0/1/5 days and engine logs 7/14/30 days (dev/staging/prod).
 */
export function redis(project: string, environment: EnvironmentName): Section<"cache"> {
  const dev = environment === "dev";
  return {
    replicationGroupId: `${project}-${environment}-redis`,
    engineVersion: "7.1",
    nodeType: "cache.t4g.micro",
    numCacheClusters: dev ? 1 : 2,
    automaticFailover: !dev,
    multiAz: environment === "prod",
    snapshotRetentionDays: { dev: 0, staging: 1, prod: 5 }[environment],
    snapshotWindow: "03:00-04:00",
    maintenanceWindow: "sun:05:00-sun:06:00",
    maxmemoryPolicy: "volatile-lru",
    logRetentionDays: { dev: 7, staging: 14, prod: 30 }[environment],
  };
}

/** What varies in a blueprint's Cognito user pool. */
export interface UserPoolOptions {
  readonly project: string;
  readonly environment: EnvironmentName;
  /** Origin of the app, without a trailing slash: the logout URL is `<appUrl>/`. */
  readonly appUrl: string;
  /** Path of the OAuth callback under `appUrl`. */
  readonly callbackPath: string;
  /** Whether users may sign themselves up. */
  readonly selfSignUp: boolean;
  /** Whether the app client has a secret (a server-side app); a browser app cannot keep one. */
  readonly generateSecret: boolean;
  /**
   * The domain (and its hosted zone) the pool's e-mail comes from, through SES as `no-reply@<domain>`.
   * @default - Cognito's own sender (at most 50 e-mails a day: not for prod)
   */
  readonly emailDomain?: { readonly name: string; readonly hostedZoneId: string };
}

/**
 * A Cognito user pool with a 12-character mixed password policy, MFA required and deletion protection in prod,
 * advanced security off/audit/enforced (dev/staging/prod), the `<project>-<environment>` hosted-UI domain, and an
 * OpenID Connect app client with one-hour access and id tokens and 30-day refresh tokens.
 */
export function userPool(options: UserPoolOptions): Section<"identity"> {
  const prod = options.environment === "prod";
  return {
    passwordPolicy: {
      minimumLength: 12,
      requireLowercase: true,
      requireUppercase: true,
      requireNumbers: true,
      requireSymbols: true,
      temporaryPasswordValidityDays: 3,
    },
    mfa: prod ? "ON" : "OPTIONAL",
    advancedSecurityMode: ({ dev: "OFF", staging: "AUDIT", prod: "ENFORCED" } as const)[options.environment],
    selfSignUp: options.selfSignUp,
    deletionProtection: prod,
    domainPrefix: `${options.project}-${options.environment}`,
    email: options.emailDomain && { domain: options.emailDomain, fromAddress: `no-reply@${options.emailDomain.name}` },
    appClient: {
      callbackUrls: [`${options.appUrl}${options.callbackPath}`],
      logoutUrls: [`${options.appUrl}/`],
      scopes: ["openid", "email", "profile"],
      generateSecret: options.generateSecret,
      accessTokenValidityMinutes: 60,
      idTokenValidityMinutes: 60,
      refreshTokenValidityDays: 30,
    },
  };
}
