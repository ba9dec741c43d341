import { z } from "zod";
import { awsRegion, environmentName, resourceName } from "./sections/common";
import { networkSchema } from "./sections/network";
import { kmsSchema, secretsSchema } from "./sections/security";
import { stateBackendSchema } from "./sections/state-backend";
import { databaseSchema } from "./sections/database";
import { cacheSchema } from "./sections/cache";
import { storageSchema } from "./sections/storage";
import { edgeSchema } from "./sections/edge";
import { ecsSchema } from "./sections/ecs";
import { servicesSchema } from "./sections/services";
import { backupSchema } from "./sections/backup";
import { observabilitySchema } from "./sections/observability";
import { messagingSchema } from "./sections/messaging";
import { dynamodbSchema } from "./sections/dynamodb";
import { functionsSchema } from "./sections/functions";
import { identitySchema } from "./sections/identity";
import { parametersSchema } from "./sections/parameters";
import { ciSchema } from "./sections/ci";
import { apiSchema } from "./sections/api";
import { frontendSchema } from "./sections/frontend";
import { pipelineSchema } from "./sections/pipeline";
import { workflowSchema } from "./sections/workflow";

// A process parses a few configurations; zod's compiled fast path costs more to build than it saves here
// (3 environments: ~50-80 ms compiled vs ~20-30 ms interpreted, and no faster per parse afterwards).
z.config({ jitless: true });

const tagKey = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w .:/=+\-@]+$/, "must be a valid AWS tag key");

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
  /** The VPC: address ranges, subnets per tier and zone, NAT, endpoints, flow logs; absent means no vpc stack (serverless). */
  network: networkSchema.optional(),
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
  /**
   * The Fargate services behind the ALB, one entry per service (see docs/configuration.md, Adding a service); with
   * services, `network`, `ecs` and `edge` are required. Empty (the default) means no ecs stack.
   */
  services: servicesSchema.default([]),
  /** Settings of the ECS cluster and of every service's repository and logs; required with services. */
  ecs: ecsSchema.optional(),
  /** The internet-facing entry: domain and certificate, ALB, WAF, optional CloudFront; absent means no edge stack. */
  edge: edgeSchema.optional(),
  /** AWS Backup: schedule, retention, vault lock, what is selected, the DR copy; absent means no backup stack. */
  backup: backupSchema.optional(),
  /** Alarms and who they notify, their thresholds, the dashboard, CloudTrail, the budget, X-Ray; absent means no observability stack. */
  observability: observabilitySchema.optional(),
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
  /** Step Functions voice pipeline, EventBridge bus and rules, work queues (seed 002); absent means no workflow stack. */
  workflow: workflowSchema.optional(),
  /** API Gateway REST API in front of the zip functions (seed 002); absent means no api stack. */
  api: apiSchema.optional(),
  /** S3 + CloudFront single-page app (seed 002's frontend); absent means no frontend stack. */
  frontend: frontendSchema.optional(),
  /** CodePipeline that builds the repository and deploys every environment (seed 002); in one environment only. */
  pipeline: pipelineSchema.optional(),
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

/** One problem a cross-field rule finds: the field's path and what is wrong with it. */
export type ConfigIssue = { path: (string | number)[]; message: string };
/** A rule over several fields (config/rules/); returns the problems it finds. */
export type CrossFieldRule = (config: z.infer<typeof environmentConfigSchema>) => ConfigIssue[];

type ParsedConfig = z.infer<typeof environmentConfigSchema>;
/** Sections absent from some environments (components built only when configured). */
export type OptionalSection = { [K in keyof ParsedConfig]-?: undefined extends ParsedConfig[K] ? K : never }[keyof ParsedConfig];
/** The config with the optional sections `K` present. */
export type ConfigWith<K extends OptionalSection> = ParsedConfig & { readonly [P in K]-?: NonNullable<ParsedConfig[P]> };

/**
 * Rules of optional sections: each runs only when every section in `sections` is configured, and sees their types
 * narrowed. Whether a section may be absent at all is config/rules/components.ts's business.
 */
export function whenConfigured<K extends OptionalSection>(
  sections: readonly K[],
  rules: readonly ((c: ConfigWith<K>) => ConfigIssue[])[],
): CrossFieldRule[] {
  return rules.map((rule) => (c) => (sections.every((section) => c[section] !== undefined) ? rule(c as ConfigWith<K>) : []));
}
