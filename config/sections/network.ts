import { z } from "zod";
import { cidrBlock, logRetentionDays } from "./common";

export const INTERFACE_ENDPOINT_SERVICES = ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "kms", "ssm", "ssmmessages", "sts"] as const;
export const GATEWAY_ENDPOINT_SERVICES = ["s3", "dynamodb"] as const;

export const networkSchema = z.strictObject({
  /** VPC address range. */
  vpcCidr: cidrBlock,
  /** Availability zones, in order; subnet lists are index-aligned with them. */
  availabilityZones: z
    .array(z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/, "must be an availability zone name such as us-east-1a"))
    .min(2, "must list at least 2 availability zones (RDS subnet groups and ALBs need two)")
    .max(6),
  /** Public subnets (ALB, NAT gateways), one per AZ. */
  publicSubnetCidrs: z.array(cidrBlock),
  /** Private subnets with egress through NAT (ECS tasks, endpoints), one per AZ. */
  privateSubnetCidrs: z.array(cidrBlock),
  /** Isolated subnets without internet routes (RDS, ElastiCache), one per AZ; empty (no such tier) without either. */
  databaseSubnetCidrs: z.array(cidrBlock).default([]),
  /** `per-az` survives an AZ outage; `single` is the cheap non-prod choice. */
  natGateways: z.enum(["per-az", "single"]),
  /** Gateway endpoints (free) for S3 and DynamoDB. */
  gatewayEndpoints: z.array(z.enum(GATEWAY_ENDPOINT_SERVICES)).default([...GATEWAY_ENDPOINT_SERVICES]),
  /** Interface endpoints (hourly cost per AZ); empty list turns them off. */
  interfaceEndpoints: z.array(z.enum(INTERFACE_ENDPOINT_SERVICES)).default([]),
  /** VPC flow logs to a KMS-encrypted CloudWatch log group. */
  flowLogs: z.strictObject({
    /** Turns the flow log on. */
    enabled: z.boolean(),
    /** Retention of the flow log group. */
    retentionDays: logRetentionDays,
    /** Which traffic is recorded. */
    trafficType: z.enum(["ALL", "ACCEPT", "REJECT"]).default("ALL"),
  }),
});

export type NetworkConfig = z.infer<typeof networkSchema>;
