import { z } from "zod";
import { awsRegion, bucketName } from "./common";

/** True for an http(s) URL whose host is a loopback address; emulator endpoints must never leave the machine. */
export function isLoopbackUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && /^(127(\.\d{1,3}){3}|localhost|\[::1\])$/.test(url.hostname);
}

const loopbackEndpoint = z
  .string()
  .refine(isLoopbackUrl, "must be an http(s) URL on 127.0.0.1, localhost or [::1]; emulator endpoints are test-only");

export const stateBackendSchema = z.strictObject({
  /** S3 bucket holding every stack's state (created by the bootstrap stack). */
  bucket: bucketName,
  /** Region of the state bucket and lock table. */
  region: awsRegion,
  /** DynamoDB table used for state locking (hash key `LockID`). */
  lockTable: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, "must be a DynamoDB table name: 3-255 of A-Z a-z 0-9 _ . -"),
  /**
   * KMS key that encrypts state objects (`kms_key_id` of every backend); SSE-S3 when absent. With `alias/<name>`
   * the bootstrap stack creates that key; with a key ARN it uses an existing key.
   */
  kmsKeyId: z
    .string()
    .regex(/^(arn:aws[a-z-]*:kms:|alias\/)/, "must be a KMS key ARN or alias/...")
    .optional(),
  /** Also take Terraform 1.10+ S3 lock files (`use_lockfile`) next to the DynamoDB lock. */
  useLockfile: z.boolean().default(false),
  /** Days the state bucket keeps a superseded state version, the way back from a bad apply. */
  noncurrentVersionDays: z.number().int().min(30, "must be at least 30 days").max(3650, "must be at most 3650 days").default(90),
  /**
   * Where the bootstrap stack keeps its own state: `local` (`terraform-state/<project>/<env>/bootstrap.tfstate`
   * beside the output directory) until its bucket exists, `s3` once it has been moved there with
   * `terraform init -migrate-state` (docs/bootstrap-state.md).
   */
  bootstrapStateBackend: z.enum(["local", "s3"]).default("local"),
  /**
   * TEST ONLY: local S3 and DynamoDB emulators that the S3 backend and every `terraform_remote_state` talk to
   * (path-style requests, no account, region or credential checks), so the terraform suites plan and lock the
   * project's own stacks offline. A local backend's state then stays in the stack's working directory, a scratch
   * copy in those runs. Credentials come from the environment, never from config. Loopback only;
   * never set in `config/blueprints`.
   * @default - real AWS endpoints
   */
  localEmulator: z
    .strictObject({
      /** S3 emulator endpoint, e.g. `http://127.0.0.1:4568`. */
      s3: loopbackEndpoint,
      /** DynamoDB emulator endpoint, e.g. `http://127.0.0.1:4567`. */
      dynamodb: loopbackEndpoint,
    })
    .optional(),
});

export type StateBackendConfig = z.infer<typeof stateBackendSchema>;
