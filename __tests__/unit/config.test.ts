import { describe, expect, it } from "vitest";
import { ENVIRONMENTS, loadEnvironments, parseEnvironmentConfig } from "../../config";
import { problemsOf, withEdit } from "../support/config";

describe("shipped environments", () => {
  it.each(Object.keys(ENVIRONMENTS))("%s parses and is frozen", (env) => {
    const config = parseEnvironmentConfig(ENVIRONMENTS[env], env);
    expect(config.environment).toBe(env);
    expect(Object.isFrozen(config.network)).toBe(true);
  });

  it("prod is sized like seed 000: us-east-1, DR in us-west-2, NAT per AZ over 2+ AZs", () => {
    const [prod] = loadEnvironments("prod");
    expect(prod.region).toBe("us-east-1");
    expect(prod.dr).toEqual({ enabled: true, region: "us-west-2" });
    expect(prod.network!.natGateways).toBe("per-az");
    expect(prod.network!.availabilityZones.length).toBeGreaterThanOrEqual(2);
  });

  it("INFRA_ENVS selects environments and rejects unknown names", () => {
    expect(loadEnvironments("prod, dev").map((c) => c.environment)).toEqual(["prod", "dev"]);
    expect(() => loadEnvironments("prod,qa")).toThrow(/INFRA_ENVS: unknown environment "qa"/);
  });
});

describe("bad input is rejected with the field path", () => {
  const cases: [string, (raw: any) => void, RegExp][] = [
    ["invalid VPC CIDR", (r) => (r.network.vpcCidr = "10.0.0.0/33"), /network\.vpcCidr: must be an IPv4 CIDR block/],
    ["CIDR with host bits", (r) => (r.network.vpcCidr = "10.0.0.1/16"), /network\.vpcCidr: .*no host bits/],
    [
      "overlapping subnets",
      (r) => (r.network.privateSubnetCidrs[0] = r.network.publicSubnetCidrs[0]),
      /network\.privateSubnetCidrs\.0: .* overlaps network\.publicSubnetCidrs\.0/,
    ],
    [
      "subnet outside the VPC",
      (r) => (r.network.databaseSubnetCidrs[1] = "192.168.0.0/24"),
      /network\.databaseSubnetCidrs\.1: 192\.168\.0\.0\/24 is outside the VPC block/,
    ],
    [
      "more AZs than subnets",
      (r) => r.network.availabilityZones.push("us-east-1f"),
      /network\.publicSubnetCidrs: must have one subnet per availability zone/,
    ],
    ["one AZ", (r) => (r.network.availabilityZones = ["us-east-1a"]), /network\.availabilityZones: must list at least 2/],
    ["AZ in another region", (r) => (r.network.availabilityZones[0] = "eu-west-1a"), /network\.availabilityZones\.0: must be in region us-east-1/],
    ["KMS window below 7", (r) => (r.kms.deletionWindowDays = 6), /kms\.deletionWindowDays: must be at least 7 days \(got 6\)/],
    ["KMS window above 30", (r) => (r.kms.deletionWindowDays = 31), /kms\.deletionWindowDays: must be at most 30 days \(got 31\)/],
    ["unknown environment", (r) => (r.environment = "qa"), /environment: .*\(got "qa"\)/],
    [
      "bad flow-log retention",
      (r) => (r.network.flowLogs.retentionDays = 42),
      /network\.flowLogs\.retentionDays: must be one of the CloudWatch Logs retention values/,
    ],
    ["short account id", (r) => (r.accountId = "1234"), /accountId: must be a 12-digit AWS account id/],
    ["DR in the primary region", (r) => (r.dr = { enabled: true, region: r.region }), /dr\.region: must differ from region/],
    ["bad state bucket name", (r) => (r.stateBackend.bucket = "Voice_State"), /stateBackend\.bucket: must use a-z/],
    ["unknown field (typo)", (r) => (r.network.natGateway = "single"), /network: Unrecognized key.*natGateway/],
    ["reserved tag", (r) => (r.tags.environment = "x"), /tags\.environment: is set by the stacks themselves/],
  ];

  it.each(cases)("%s", (_name, edit, expected) => {
    expect(problemsOf(withEdit("prod", edit))).toMatch(expected);
  });

  it("reports every problem at once", () => {
    const message = problemsOf(
      withEdit("dev", (r) => {
        r.network.vpcCidr = "nope";
        r.kms.deletionWindowDays = 3;
        r.accountId = "x";
      }),
    );
    expect(message).toMatch(/network\.vpcCidr/);
    expect(message).toMatch(/kms\.deletionWindowDays/);
    expect(message).toMatch(/accountId/);
  });
});
