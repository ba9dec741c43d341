/** Production: sized like seed 000 (us-east-1, Multi-AZ everything, NAT per AZ, DR in us-west-2). */
export const prod = {
  project: "voice-ai",
  environment: "prod",
  accountId: "333333333333",
  region: "us-east-1",
  dr: { enabled: true, region: "us-west-2" },
  tags: { "cost-center": "voice-platform", "data-classification": "confidential" },
  stateBackend: {
    bucket: "voice-ai-tfstate-333333333333",
    region: "us-east-1",
    lockTable: "voice-ai-tfstate-locks",
    useLockfile: false,
  },
  network: {
    vpcCidr: "10.0.0.0/16",
    availabilityZones: ["us-east-1a", "us-east-1b", "us-east-1c"],
    publicSubnetCidrs: ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"],
    privateSubnetCidrs: ["10.0.10.0/24", "10.0.11.0/24", "10.0.12.0/24"],
    databaseSubnetCidrs: ["10.0.20.0/24", "10.0.21.0/24", "10.0.22.0/24"],
    natGateways: "per-az",
    gatewayEndpoints: ["s3", "dynamodb"],
    interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs", "secretsmanager", "kms", "ssmmessages"],
    flowLogs: { enabled: true, retentionDays: 365, trafficType: "ALL" },
  },
  kms: { deletionWindowDays: 30, rotationPeriodDays: 365 },
  secrets: { recoveryWindowDays: 30, externalApiKeys: ["deepgram-api-key", "openai-api-key", "twilio-auth-token"], generatedLength: 64 },
};
