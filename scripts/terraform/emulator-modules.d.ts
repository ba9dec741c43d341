// s3rver, dynalite and asl-validator ship no type declarations; these cover what scripts/terraform/emulators.ts and
// scripts/terraform/step-functions-stub.ts use.
declare module "s3rver" {
  import type { AddressInfo } from "node:net";
  interface S3rverOptions {
    port?: number;
    address?: string;
    silent?: boolean;
    directory?: string;
    configureBuckets?: { name: string }[];
  }
  class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
  export = S3rver;
}

declare module "dynalite" {
  import type { Server } from "node:http";
  function dynalite(options?: { createTableMs?: number; path?: string }): Server;
  export = dynalite;
}

declare module "asl-validator" {
  /** One problem found; `schemaError` for JSON schema violations (`instancePath`: JSON pointer into the definition). */
  interface AslValidationError {
    "Error code": string;
    Message: string;
    schemaError?: { instancePath: string; schemaPath: string };
  }
  /** Sets `QueryLanguage` on every state of the definition it is given. */
  function validator(
    definition: object,
    options?: { checkPaths?: boolean; checkArn?: boolean },
  ): { isValid: boolean; errors: AslValidationError[]; errorsText(separator?: string): string };
  export = validator;
}
