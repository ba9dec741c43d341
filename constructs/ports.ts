/**
 * The TCP ports the platform's tiers talk on: defined once so that a security group rule and the listener it
 * opens for (the database's port, the cache's, the TLS egress of tasks and functions) can never disagree.
 */

/** TLS: AWS APIs, VPC interface endpoints and third-party APIs. */
export const HTTPS_PORT = 443;
/** PostgreSQL (the RDS instance and its replicas). */
export const POSTGRES_PORT = 5432;
/** Redis (the ElastiCache replication group). */
export const REDIS_PORT = 6379;
