import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import dynalite from "dynalite";
import S3rver from "s3rver";
import { type StepFunctionsStub, startStepFunctionsStub } from "./step-functions-stub";

/**
 * Local S3 (s3rver) and DynamoDB (dynalite) for the state backends, and the Step Functions stub that answers the AWS
 * provider's plan-time definition check (step-functions-stub.ts), on loopback ports picked at run time, inside this
 * process.
 */
export interface StateEmulators {
  readonly s3Endpoint: string;
  readonly dynamodbEndpoint: string;
  /** The Step Functions stub: the offline AWS provider's `endpoints { sfn = ... }` (`OfflineEndpoints.sfn`). */
  readonly stepFunctionsEndpoint: string;
  /** `<bucket>/<key>` of every object in the S3 emulator. */
  objectPaths(): string[];
  /** The lock table item with this `LockID` (`<bucket>/<key>` while locked, `<bucket>/<key>-md5` for the digest). */
  lockItem(table: string, lockId: string): Promise<Record<string, { S?: string }> | undefined>;
  /** Stops the three servers and deletes the S3 emulator's files. */
  stop(): Promise<void>;
}

export interface StateEmulatorOptions {
  /** Buckets to create (every environment's state bucket). */
  readonly buckets: readonly string[];
  /** Lock tables to create, hash key `LockID` (string). */
  readonly lockTables: readonly string[];
}

/** Starts the emulators and creates the state buckets and lock tables; call `stop()` in a finally/afterAll. */
export async function startStateEmulators(options: StateEmulatorOptions): Promise<StateEmulators> {
  const directory = mkdtempSync(join(tmpdir(), "voice-infra-s3-"));
  const s3 = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory,
    configureBuckets: [...new Set(options.buckets)].map((name) => ({ name })),
  });
  const dynamodb = dynalite({ createTableMs: 0 });
  let s3Started = false;
  let dynamodbStarted = false;
  let stepFunctions: StepFunctionsStub | undefined;
  const stop = async () => {
    await Promise.all([
      s3Started ? s3.close().catch(() => undefined) : undefined,
      dynamodbStarted ? new Promise<void>((resolve) => dynamodb.close(() => resolve())) : undefined,
      stepFunctions?.stop(),
    ]);
    rmSync(directory, { recursive: true, force: true });
  };

  try {
    const s3Address = await s3.run();
    s3Started = true;
    await new Promise<void>((resolve, reject) => dynamodb.once("error", reject).listen(0, "127.0.0.1", () => resolve()));
    dynamodbStarted = true;
    stepFunctions = await startStepFunctionsStub();
    const dynamodbEndpoint = `http://127.0.0.1:${(dynamodb.address() as AddressInfo).port}`;
    for (const table of new Set(options.lockTables)) {
      await dynamodbCall(dynamodbEndpoint, "CreateTable", {
        TableName: table,
        AttributeDefinitions: [{ AttributeName: "LockID", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "LockID", KeyType: "HASH" }],
        BillingMode: "PAY_PER_REQUEST",
      });
    }
    return {
      s3Endpoint: `http://127.0.0.1:${s3Address.port}`,
      dynamodbEndpoint,
      stepFunctionsEndpoint: stepFunctions.endpoint,
      objectPaths: () =>
        walk(directory)
          .filter((file) => file.endsWith("._S3rver_object"))
          .map((file) => relative(directory, file).slice(0, -"._S3rver_object".length)),
      lockItem: async (table, lockId) => {
        const response = (await dynamodbCall(dynamodbEndpoint, "GetItem", {
          TableName: table,
          Key: { LockID: { S: lockId } },
          ConsistentRead: true,
        })) as { Item?: Record<string, { S?: string }> };
        return response.Item;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * One DynamoDB JSON API call. dynalite checks the shape of the signature headers, not the signature, so a
 * fixed AWS4-shaped Authorization header is enough and no AWS SDK is needed.
 */
async function dynamodbCall(endpoint: string, operation: string, body: object): Promise<unknown> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.0",
      "X-Amz-Target": `DynamoDB_20120810.${operation}`,
      "X-Amz-Date": "20250101T000000Z",
      Authorization: "AWS4-HMAC-SHA256 Credential=S3RVER/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0",
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`DynamoDB emulator ${operation} failed (${response.status}): ${text}`);
  return JSON.parse(text);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
}
