import type { ServiceConfig } from "../config/sections/services";
import type { PolicyStatement } from "./iam-policy";

// The statements a Fargate service's task role is made of, one function per kind of access, each scoped to what the
// service's config asks for.

/** A storage bucket (recordings, documents) a service may use; its config picks the prefix and the access level. */
export interface ServiceBucket {
  /** Bucket ARN. */
  readonly arn: string;
  /** Bucket name, given to the container as RECORDINGS_BUCKET / DOCUMENTS_BUCKET. */
  readonly name: string;
  /** CMK that encrypts the bucket's objects (SSE-KMS). */
  readonly kmsKeyArn: string;
}

/** IAM database authentication: who the service may connect as, on which instances. */
export interface DatabaseConnectGrant {
  /** Database user (`database.appUser`). */
  readonly user: string;
  /** `DbiResourceId` of each instance (primary, read replica). */
  readonly resourceIds: readonly string[];
}

/** Access to the service's own prefix of one bucket, and to the bucket's key only through S3. */
export function bucketStatements(
  kind: "Recordings" | "Documents",
  access: ServiceConfig["recordings"],
  bucket: ServiceBucket | undefined,
  region: string,
): PolicyStatement[] {
  if (!access || !bucket) return [];
  const write = access.access === "read-write";
  return [
    {
      sid: `ListOwn${kind}Prefix`,
      actions: ["s3:ListBucket"],
      resources: [bucket.arn],
      conditions: { StringLike: { "s3:prefix": [`${access.prefix}*`] } },
    },
    {
      sid: write ? `ReadWriteOwn${kind}` : `ReadOwn${kind}`,
      actions: write ? ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"] : ["s3:GetObject"],
      resources: [`${bucket.arn}/${access.prefix}*`],
    },
    {
      sid: `Use${kind}KeyThroughS3`,
      actions: write ? ["kms:Decrypt", "kms:GenerateDataKey"] : ["kms:Decrypt"],
      resources: [bucket.kmsKeyArn],
      conditions: { StringEquals: { "kms:ViaService": `s3.${region}.amazonaws.com` } },
    },
  ];
}

/** Read the environment's parameters (one at a time, in batches or by path) and decrypt SecureStrings through SSM. */
export function parameterStatements(parameters: { path: string; keyArn: string }, region: string, accountId: string): PolicyStatement[] {
  const pathArn = `arn:aws:ssm:${region}:${accountId}:parameter${parameters.path.replace(/\/$/, "")}`;
  return [
    {
      sid: "ReadEnvironmentParameters",
      actions: ["ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath"],
      resources: [pathArn, `${pathArn}/*`],
    },
    {
      sid: "DecryptParametersThroughSsm",
      actions: ["kms:Decrypt"],
      resources: [parameters.keyArn],
      conditions: { StringEquals: { "kms:ViaService": `ssm.${region}.amazonaws.com` } },
    },
  ];
}

/** `rds-db:connect` as the app user on each instance: the token the app signs replaces a password. */
export function databaseConnectStatement(grant: DatabaseConnectGrant, region: string, accountId: string): PolicyStatement {
  return {
    sid: "ConnectToDatabaseAsAppUser",
    actions: ["rds-db:connect"],
    resources: grant.resourceIds.map((resourceId) => `arn:aws:rds-db:${region}:${accountId}:dbuser:${resourceId}/${grant.user}`),
  };
}
