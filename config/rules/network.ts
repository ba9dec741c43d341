import { parseCidr, rangeContains, rangesOverlap } from "../cidr";
import { type ConfigIssue, type ConfigWith, type CrossFieldRule, whenConfigured } from "../schema";
import { duplicatesOf } from "./duplicates";

export const networkRules: CrossFieldRule[] = whenConfigured(
  ["network"],
  [
    (c) =>
      c.network.availabilityZones.flatMap((zone, i) =>
        zone.startsWith(c.region) ? [] : [{ path: ["network", "availabilityZones", i], message: `must be in region ${c.region}` }],
      ),
    (c) => {
      const zones = c.network.availabilityZones;
      return duplicatesOf(zones).map((i) => ({ path: ["network", "availabilityZones"], message: `lists ${zones[i]} twice` }));
    },
    subnetLayoutRule,
  ],
);

function subnetLayoutRule(c: ConfigWith<"network">): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const vpc = parseCidr(c.network.vpcCidr);
  const zoneCount = c.network.availabilityZones.length;
  const subnets: { path: (string | number)[]; cidr: string }[] = [];
  for (const tier of ["publicSubnetCidrs", "privateSubnetCidrs", "databaseSubnetCidrs"] as const) {
    const list = c.network[tier];
    // Only the data stores live in the isolated tier, so without them it may be left out entirely.
    const optionalTier = tier === "databaseSubnetCidrs" && !c.database && !c.cache;
    if (list.length !== zoneCount && !(optionalTier && list.length === 0)) {
      issues.push({
        path: ["network", tier],
        message: `must have one subnet per availability zone (${zoneCount}), got ${list.length}${optionalTier ? " (or none: there is no database or cache)" : ""}`,
      });
    }
    for (const [i, cidr] of list.entries()) subnets.push({ path: ["network", tier, i], cidr });
  }
  if (!vpc) return issues;
  const parsed = subnets.map((s) => ({ ...s, range: parseCidr(s.cidr) }));
  for (const [i, s] of parsed.entries()) {
    if (!s.range) continue;
    if (!rangeContains(vpc, s.range)) {
      issues.push({ path: s.path, message: `${s.cidr} is outside the VPC block ${c.network.vpcCidr}` });
    }
    if (s.range.prefix > 28) issues.push({ path: s.path, message: `${s.cidr} is smaller than /28, the AWS minimum` });
    for (const other of parsed.slice(0, i)) {
      if (other.range && rangesOverlap(other.range, s.range)) {
        issues.push({ path: s.path, message: `${s.cidr} overlaps ${other.path.join(".")} (${other.cidr})` });
      }
    }
  }
  if (vpc.prefix < 16 || vpc.prefix > 28) {
    issues.push({ path: ["network", "vpcCidr"], message: "must be between /16 and /28, the sizes AWS allows" });
  }
  return issues;
}
