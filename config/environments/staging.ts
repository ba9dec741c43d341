/** Staging: production's shape at smaller size (two AZs, one NAT, no DR copy). */
export const staging = {
  project: "voice-ai",
  environment: "staging",
  accountId: "222222222222",
  region: "us-east-1",
  dr: { enabled: false, region: "us-west-2" },
  tags: { "cost-center": "voice-platform" },
  stateBackend: {
    bucket: "voice-ai-tfstate-222222222222",
    region: "us-east-1",
    lockTable: "voice-ai-tfstate-locks",
    useLockfile: false,
  },
  network: {
    vpcCidr: "10.20.0.0/16",
    availabilityZones: ["us-east-1a", "us-east-1b"],
    publicSubnetCidrs: ["10.20.1.0/24", "10.20.2.0/24"],
    privateSubnetCidrs: ["10.20.10.0/24", "10.20.11.0/24"],
    databaseSubnetCidrs: ["10.20.20.0/24", "10.20.21.0/24"],
    natGateways: "single",
    gatewayEndpoints: ["s3", "dynamodb"],
    interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs", "secretsmanager"],
    flowLogs: { enabled: true, retentionDays: 90, trafficType: "ALL" },
  },
  kms: { deletionWindowDays: 14, rotationPeriodDays: 365 },
  secrets: { recoveryWindowDays: 7, externalApiKeys: ["deepgram-api-key", "openai-api-key", "twilio-auth-token"], generatedLength: 64 },
};
