import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import type { Construct } from "constructs";
import type { EnvironmentConfig } from "../config";
import { isImageFunction } from "../config/sections/functions";
import { PLATFORM_SECRETS, type PlatformSecret, secretNameFor } from "../config/sections/security";
import { AppSecret, type WriteOnlyCredentialOptions } from "../constructs/app-secret";
import { EncryptionKey, type KeyServiceGrant } from "../constructs/encryption-key";
import { CLOUDFRONT_SITE_KEY_GRANT } from "../constructs/static-site";
import { eventBridgeTargetKeyGrant, stateMachineLogDeliveryKeyGrant } from "../constructs/workflow-key-grants";
import { PlatformStack, type PlatformStackProps } from "./platform-stack";

/**
 * One customer-managed key per purpose, so a key policy or a compromise touches one kind of data; listed in creation
 * order, which is also the order of the keys in the synthesized stack.
 */
const CREATION_ORDER = [
  "secrets",
  "logs",
  "backup",
  "messaging",
  "containers",
  "audit",
  "rds",
  "cache",
  "storage",
  "dynamodb",
  "parameters",
  "functions",
  "workflow",
  "pipeline",
] as const;
/** The keys every environment has. */
export const KEY_PURPOSES = ["secrets", "logs", "messaging", "audit"] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];
/** Keys of optional components (every other purpose), each created only when the environment has what it encrypts. */
export type OptionalKeyPurpose = Exclude<(typeof CREATION_ORDER)[number], KeyPurpose>;

/** Whether the environment has the data an optional key encrypts. */
const OPTIONAL_KEY_USED: Readonly<Record<OptionalKeyPurpose, (config: EnvironmentConfig) => boolean>> = {
  backup: (config) => config.backup !== undefined,
  // ECR repositories: the services' images and the container-image functions'.
  containers: (config) => config.services.length > 0 || (config.functions ?? []).some(isImageFunction),
  rds: (config) => config.database !== undefined,
  cache: (config) => config.cache !== undefined,
  storage: ({ storage }) => [storage.recordings, storage.documents, storage.artifacts, storage.files].some((bucket) => bucket !== undefined),
  dynamodb: (config) => config.dynamodb !== undefined,
  parameters: (config) => config.parameters !== undefined,
  // Lambda environment variables.
  functions: (config) => config.functions !== undefined,
  // Step Functions state and execution data.
  workflow: (config) => config.workflow !== undefined,
  // CodePipeline's artifact store and the build projects' artifacts.
  pipeline: (config) => config.pipeline !== undefined,
};

export type SecretsKmsStackProps = Omit<PlatformStackProps, "component">;

/**
 * Encryption keys and secret containers: the root of every other stack's encryption.
 * Generated secrets (Redis AUTH token, JWT signing key) come from `random_password`; API keys of
 * third parties are empty containers an operator fills in, so no plaintext ever sits in config.
 */
export class SecretsKmsStack extends PlatformStack {
  /** ARN of the CMK for each purpose. */
  readonly keyArns: Readonly<Record<KeyPurpose, string>>;
  /** ARN of the CMK of each optional component the config has (`backup`, `containers`, `rds`, `cache`, `storage`, `dynamodb`, `parameters`). */
  readonly optionalKeyArns: Readonly<Partial<Record<OptionalKeyPurpose, string>>>;
  /** ARN of the CMK in the DR region (cross-region replicas and backup copies); undefined without DR. */
  readonly drKeyArn?: string;
  /**
   * ARN of each secret by short name (`deepgram-api-key`, `jwt-signing-key`; `redis-auth-token`, `redis-url` with a cache;
   * `rds-master-user` with a database).
   */
  readonly secretArns: Readonly<Record<string, string>>;
  /** ARN of each platform secret the config has, by what it holds (`redisUrl` only with a cache, ...). */
  readonly platformSecretArns: Readonly<Partial<Record<PlatformSecret, string>>>;
  /** Redis AUTH token value; crosses stacks only as a sensitive output. Undefined without a cache. */
  readonly redisAuthToken?: string;

  constructor(scope: Construct, props: SecretsKmsStackProps) {
    super(scope, { ...props, component: "secrets-kms" });
    const { config } = this;
    new RandomProvider(this, "random");

    const keyFor = (purpose: KeyPurpose | OptionalKeyPurpose) =>
      new EncryptionKey(this, `${purpose}-key`, {
        alias: `${this.namePrefix}-${purpose}`,
        description: `${this.namePrefix} ${purpose} encryption`,
        accountId: config.accountId,
        deletionWindowDays: config.kms.deletionWindowDays,
        rotationPeriodDays: config.kms.rotationPeriodDays,
        serviceGrants: this.serviceGrantsFor(purpose),
      }).arn;
    const keys = {} as Record<KeyPurpose, string>;
    const optionalKeys: Partial<Record<OptionalKeyPurpose, string>> = {};
    for (const purpose of CREATION_ORDER) {
      if (isKeyPurpose(purpose)) keys[purpose] = keyFor(purpose);
      else if (OPTIONAL_KEY_USED[purpose](config)) optionalKeys[purpose] = keyFor(purpose);
    }
    this.keyArns = keys;
    this.optionalKeyArns = optionalKeys;

    if (config.dr.enabled) {
      this.drKeyArn = new EncryptionKey(this, "dr-key", {
        provider: this.drProvider,
        alias: `${this.namePrefix}-dr`,
        description: `${this.namePrefix} disaster-recovery copies in ${config.dr.region}`,
        accountId: config.accountId,
        deletionWindowDays: config.kms.deletionWindowDays,
        rotationPeriodDays: config.kms.rotationPeriodDays,
      }).arn;
    }

    const secretArns: Record<string, string> = {};
    const addSecret = (name: string, description: string, generate?: { length: number }, generateWriteOnly?: WriteOnlyCredentialOptions) => {
      const secret = new AppSecret(this, name, {
        name: secretNameFor(config, name),
        description,
        kmsKeyArn: keys.secrets,
        recoveryWindowDays: config.secrets.recoveryWindowDays,
        generate,
        generateWriteOnly,
      });
      secretArns[name] = secret.arn;
      return secret;
    };

    for (const name of config.secrets.externalApiKeys) {
      addSecret(name, `Third-party credential ${name}; set its value with aws secretsmanager put-secret-value`);
    }
    addSecret(PLATFORM_SECRETS.jwtSigningKey, "JWT signing key, generated by Terraform", { length: config.secrets.generatedLength });
    if (config.database) {
      addSecret(
        PLATFORM_SECRETS.rdsMasterUser,
        "RDS master user for migrations only; generated write-only, handed to RDS by the rds stack",
        undefined,
        {
          length: config.secrets.generatedLength,
          version: config.database.masterPasswordVersion,
          username: config.database.masterUsername,
        },
      );
    }
    if (config.cache) {
      const redisAuth = addSecret(PLATFORM_SECRETS.redisAuthToken, "ElastiCache AUTH token, generated by Terraform", {
        length: config.secrets.generatedLength,
      });
      addSecret(PLATFORM_SECRETS.redisUrl, "rediss:// connection URL; its value is written by the redis stack");
      this.redisAuthToken = redisAuth.generatedValue!;
    }
    this.secretArns = secretArns;
    this.platformSecretArns = Object.fromEntries(
      Object.entries(PLATFORM_SECRETS).flatMap(([secret, name]) => (name in secretArns ? [[secret, secretArns[name]]] : [])),
    );
  }

  /** ARN of an optional component's key. @throws when the config lacks that component */
  optionalKeyArn(purpose: OptionalKeyPurpose): string {
    const arn = this.optionalKeyArns[purpose];
    if (arn === undefined) throw new Error(`${this.node.id}: no ${purpose} key, because the config has nothing it would encrypt`);
    return arn;
  }

  private serviceGrantsFor(purpose: KeyPurpose | OptionalKeyPurpose): KeyServiceGrant[] {
    const { accountId, region } = this.config;
    switch (purpose) {
      case "logs":
        return [
          {
            sid: "CloudWatchLogsEncryptsThisAccountsLogGroups",
            service: `logs.${region}.amazonaws.com`,
            // AWS's sample adds kms:Describe*, but DescribeKey carries no encryption context, so under this
            // condition it could never be granted (VP-KMS-2).
            actions: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*"],
            conditions: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:*` } },
          },
        ];
      case "messaging":
        // The publishers of the alarm topics; EventBridge, when the workflow's rules deliver to queues and topics.
        return [
          // Cost Anomaly Detection publishes to the alarm topic when configured (observability.costAnomaly).
          ...[
            "cloudwatch.amazonaws.com",
            "budgets.amazonaws.com",
            ...(this.config.observability?.costAnomaly ? ["costalerts.amazonaws.com"] : []),
          ].map((service) => ({
            sid: `${service.split(".")[0]}PublishesToEncryptedTopics`,
            service,
            actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
            conditions: { StringEquals: { "aws:SourceAccount": accountId } },
          })),
          ...(this.config.workflow ? [eventBridgeTargetKeyGrant({ accountId })] : []),
        ];
      case "storage":
        // CloudFront reads the site's objects through origin access control, decrypting as its service principal.
        return this.config.frontend ? [CLOUDFRONT_SITE_KEY_GRANT(accountId)] : [];
      case "workflow":
        // The state machine's execution logs reach its log group through log delivery, which decrypts with this key.
        return [stateMachineLogDeliveryKeyGrant({ accountId, region })];
      case "audit": {
        const trails = `arn:aws:cloudtrail:*:${accountId}:trail/*`;
        return [
          {
            sid: "CloudTrailEncryptsThisAccountsTrails",
            service: "cloudtrail.amazonaws.com",
            actions: ["kms:GenerateDataKey*"],
            conditions: {
              StringEquals: { "aws:SourceAccount": accountId },
              StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": trails, "aws:SourceArn": trails },
            },
          },
          {
            // DescribeKey carries no encryption context, so it cannot share the statement above: CloudTrail's
            // documented key policy gives it a statement of its own, bound by source instead.
            sid: "CloudTrailDescribesKey",
            service: "cloudtrail.amazonaws.com",
            actions: ["kms:DescribeKey"],
            conditions: { StringEquals: { "aws:SourceAccount": accountId }, StringLike: { "aws:SourceArn": trails } },
          },
        ];
      }
      default:
        return [];
    }
  }
}

function isKeyPurpose(purpose: KeyPurpose | OptionalKeyPurpose): purpose is KeyPurpose {
  return (KEY_PURPOSES as readonly string[]).includes(purpose);
}
