import { z } from "zod";
import { awsRegion, bucketName } from "./common";

export const stateBackendSchema = z.strictObject({
  /** S3 bucket holding every stack's state (created by the bootstrap stack). */
  bucket: bucketName,
  /** Region of the state bucket and lock table. */
  region: awsRegion,
  /** DynamoDB table used for state locking (hash key `LockID`). */
  lockTable: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{3,255}$/, "must be a DynamoDB table name: 3-255 of A-Z a-z 0-9 _ . -"),
  /** KMS key (ARN or alias) that encrypts state objects; SSE-S3 when absent. */
  kmsKeyId: z.string().regex(/^(arn:aws[a-z-]*:kms:|alias\/)/, "must be a KMS key ARN or alias/...").optional(),
  /** Also take Terraform 1.10+ S3 lock files (`use_lockfile`) next to the DynamoDB lock. */
  useLockfile: z.boolean().default(false),
});

export type StateBackendConfig = z.infer<typeof stateBackendSchema>;
