/** Development: cheapest layout that still mirrors prod's topology (seed 001's non-prod sizing). */
export const dev = {
  project: "voice-ai",
  environment: "dev",
  accountId: "111111111111",
  region: "us-east-1",
  dr: { enabled: false, region: "us-west-2" },
  tags: { "cost-center": "voice-platform" },
  stateBackend: {
    bucket: "voice-ai-tfstate-111111111111",
    region: "us-east-1",
    lockTable: "voice-ai-tfstate-locks",
    useLockfile: false,
  },
  network: {
    vpcCidr: "10.10.0.0/16",
    availabilityZones: ["us-east-1a", "us-east-1b"],
    publicSubnetCidrs: ["10.10.1.0/24", "10.10.2.0/24"],
    privateSubnetCidrs: ["10.10.10.0/24", "10.10.11.0/24"],
    databaseSubnetCidrs: ["10.10.20.0/24", "10.10.21.0/24"],
    natGateways: "single",
    gatewayEndpoints: ["s3", "dynamodb"],
    interfaceEndpoints: [],
    flowLogs: { enabled: true, retentionDays: 30, trafficType: "REJECT" },
  },
  kms: { deletionWindowDays: 7, rotationPeriodDays: 365 },
  secrets: { recoveryWindowDays: 0, externalApiKeys: ["deepgram-api-key", "openai-api-key", "twilio-auth-token"], generatedLength: 64 },
};
