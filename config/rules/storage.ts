import type { CrossFieldRule } from "../schema";
import { STORAGE_BUCKET_PURPOSES, bucketNameFor } from "../sections/storage";

/** S3 caps bucket names at 63 characters. */
const BUCKET_NAME_MAX = 63;

export const storageRules: CrossFieldRule[] = [
  ({ storage }) =>
    storage.logs.expirationDays <= storage.logs.glacierTransitionDays
      ? [
          {
            path: ["storage", "logs", "expirationDays"],
            message: `must be greater than glacierTransitionDays (${storage.logs.glacierTransitionDays}); S3 rejects expiring before the transition`,
          },
        ]
      : [],
  (c) =>
    STORAGE_BUCKET_PURPOSES.filter((purpose) => c.storage[purpose] !== undefined)
      .map((purpose) => bucketNameFor(c, purpose))
      .filter((name) => name.length > BUCKET_NAME_MAX)
      .map((name) => ({
        path: ["project"],
        message: `makes bucket name ${name} ${name.length} characters long; S3 allows ${BUCKET_NAME_MAX}`,
      })),
];
