import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";
import { DataAwsSecretsmanagerSecretVersions } from "@cdktf/provider-aws/lib/data-aws-secretsmanager-secret-versions";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import type { TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { EXEC_AGENT_VOLUMES } from "../../constructs/ecs-exec";
import { policyDocument } from "../../constructs/iam-policy";
import { RULES } from "../../guardrails";
import { backupPlan, flowLogWithRole, webAclInFrontOfDocuments } from "../support/apply-cases";
import { LAMBDA_APPLY_CASES } from "../support/lambda-cases";
import { guardedFindings as findings } from "../support/test-app";
import { API_GATEWAY_APPLY_CASES } from "../support/api-gateway-cases";
import { CLOUDFRONT_APPLY_CASES } from "../support/cloudfront-cases";
import { COST_APPLY_CASES } from "../support/cost-cases";
import { CONTAINER_APPLY_CASES } from "../support/container-cases";
import { PIPELINE_APPLY_CASES } from "../support/pipeline-cases";
import { WORKFLOW_APPLY_CASES } from "../support/workflow-cases";

const ACCOUNT = "111111111111";

interface ApplyRuleCase {
  /** Builds what AWS would reject or leave broken, under a construct whose path contains `unsafe`. */
  readonly unsafe: (stack: TerraformStack) => void;
  /** The compliant counterpart, which the rule must pass. */
  readonly safe: (stack: TerraformStack) => void;
  readonly production?: boolean;
  /** Part of the expected message: the why. */
  readonly message: RegExp;
}

const cloudTrailKey = (stack: TerraformStack, id: string, describeKeyConditions: Record<string, Record<string, string>>) =>
  new KmsKey(stack, id, {
    enableKeyRotation: true,
    policy: policyDocument([
      { sid: "Root", principals: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, actions: ["kms:*"], resources: ["*"] },
      {
        sid: "CloudTrailEncrypts",
        principals: { Service: "cloudtrail.amazonaws.com" },
        actions: ["kms:GenerateDataKey*"],
        resources: ["*"],
        conditions: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` } },
      },
      {
        sid: "CloudTrailDescribesKey",
        principals: { Service: "cloudtrail.amazonaws.com" },
        actions: ["kms:DescribeKey"],
        resources: ["*"],
        conditions: describeKeyConditions,
      },
    ]),
  });

/** A service with ECS Exec on, whose read-only-root container mounts `paths` writable. */
const execService = (stack: TerraformStack, id: string, paths: readonly string[]) => {
  const task = new EcsTaskDefinition(stack, `${id}_task`, {
    family: id,
    volume: paths.map((_, i) => ({ name: `v${i}` })),
    containerDefinitions: JSON.stringify([
      {
        name: "api",
        image: "api:1",
        readonlyRootFilesystem: true,
        mountPoints: paths.map((containerPath, i) => ({ sourceVolume: `v${i}`, containerPath, readOnly: false })),
      },
    ]),
  });
  new EcsService(stack, id, { name: id, taskDefinition: task.arn, enableExecuteCommand: true });
};

/** A PostgreSQL primary with a same-region read replica; `managedPassword` lets RDS own the master password. */
const primaryWithReplica = (stack: TerraformStack, id: string, managedPassword: boolean) => {
  const primary = new DbInstance(stack, `${id}_primary`, {
    identifier: `${id}-primary`,
    engine: "postgres",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    username: "admin_user",
    ...(managedPassword
      ? { manageMasterUserPassword: true }
      : { passwordWo: "${ephemeral.aws_secretsmanager_secret_version.master.secret_string}", passwordWoVersion: 1 }),
  });
  new DbInstance(stack, id, { identifier: `${id}-replica`, instanceClass: "db.t4g.micro", replicateSourceDb: primary.arn });
};

/**
 * A service whose container injects `secretArn` (by JSON key), with or without the plan-time check that the secret
 * has a value.
 */
const serviceInjecting = (stack: TerraformStack, id: string, secretArn: string, checked: boolean) => {
  const versions = new DataAwsSecretsmanagerSecretVersions(stack, `${id}_versions`, { secretId: secretArn });
  const task = new EcsTaskDefinition(stack, `${id}_task`, {
    family: id,
    containerDefinitions: JSON.stringify([
      { name: "api", image: "api:1", secrets: [{ name: "DATABASE_PASSWORD", valueFrom: `${secretArn}:password::` }] },
    ]),
  });
  const condition = `\${length([for v in data.aws_secretsmanager_secret_versions.${versions.friendlyUniqueId}.versions : v if contains(v.version_stages, "AWSCURRENT")]) > 0}`;
  new EcsService(stack, id, {
    name: id,
    taskDefinition: task.arn,
    lifecycle: checked ? { precondition: [{ condition, errorMessage: "the secret has no value" }] } : undefined,
  });
};

const APP_SECRET = "arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/voice-ai/app-user-AbCdEf";
const MASTER_SECRET = "arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/voice-ai/rds-master-user-AbCdEf";

const CASES: Record<string, ApplyRuleCase> = {
  "VP-ECS-5": {
    unsafe: (s) => serviceInjecting(s, "unsafe", MASTER_SECRET, true),
    safe: (s) => serviceInjecting(s, "safe", APP_SECRET, true),
    message: /api: DATABASE_PASSWORD come from the master user's secret/,
  },
  "VP-ECS-6": {
    unsafe: (s) => serviceInjecting(s, "unsafe", APP_SECRET, false),
    safe: (s) => serviceInjecting(s, "safe", APP_SECRET, true),
    message: /app-user-AbCdEf is injected without a plan-time check for a value/,
  },
  "VP-LOG-5": {
    unsafe: (s) => flowLogWithRole(s, "unsafe", false),
    safe: (s) => flowLogWithRole(s, "safe", true),
    message: /its role aws_iam_role\.unsafe_role lacks logs:DescribeLogGroups/,
  },
  "VP-BAK-2": {
    unsafe: (s) => backupPlan(s, "unsafe", false),
    safe: (s) => backupPlan(s, "safe", true),
    message: /its selections only match by tag; when nothing carries the tag the plan backs up nothing/,
  },
  "VP-WAF-1": {
    unsafe: (s) => webAclInFrontOfDocuments(s, "unsafe", false),
    safe: (s) => webAclInFrontOfDocuments(s, "safe", true),
    message: /SizeRestrictions_BODY blocks every request body over 8 KB, and the ALB routes \/documents\/\* look like/,
  },
  "VP-SEC-4": {
    unsafe: (s) => new SecretsmanagerSecret(s, "unsafe", { name: "prod/voice-ai/jwt-secret" }),
    safe: (s) => new SecretsmanagerSecret(s, "safe", { name: "prod/voice-ai/jwt-signing-key" }),
    message: /name "prod\/voice-ai\/jwt-secret" ends like an ARN suffix/,
  },
  "VP-RDS-5": {
    unsafe: (s) => primaryWithReplica(s, "unsafe", true),
    safe: (s) => primaryWithReplica(s, "safe", false),
    message: /its source aws_db_instance\.unsafe_primary sets manage_master_user_password, and RDS refuses to create a read replica/,
  },
  "VP-ECS-4": {
    unsafe: (s) => execService(s, "unsafe", ["/tmp"]),
    safe: (s) => execService(s, "safe", ["/tmp", ...EXEC_AGENT_VOLUMES.map((volume) => volume.containerPath)]),
    message: /api has a read-only root and no writable \/managed-agents, \/var\/lib\/amazon\/ssm, \/var\/log\/amazon\/ssm/,
  },
  "VP-KMS-2": {
    unsafe: (s) =>
      cloudTrailKey(s, "unsafe", { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` } }),
    safe: (s) => cloudTrailKey(s, "safe", { StringEquals: { "aws:SourceAccount": ACCOUNT } }),
    message: /statement "CloudTrailDescribesKey" grants kms:DescribeKey only with a kms:EncryptionContext condition/,
  },
  ...API_GATEWAY_APPLY_CASES,
  ...CLOUDFRONT_APPLY_CASES,
  ...COST_APPLY_CASES,
  ...CONTAINER_APPLY_CASES,
  ...LAMBDA_APPLY_CASES,
  ...PIPELINE_APPLY_CASES,
  ...WORKFLOW_APPLY_CASES,
};

const APPLY_RULES = RULES.filter((rule) => rule.category === "apply");

describe("every apply rule", () => {
  it("has an unsafe and a safe case", () => {
    expect(APPLY_RULES.length).toBeGreaterThan(0);
    expect(Object.keys(CASES).sort()).toEqual(APPLY_RULES.map((rule) => rule.id).sort());
  });

  it.each(APPLY_RULES.map((rule) => [rule.id, rule] as const))("%s cites the AWS documentation it encodes", (_id, rule) => {
    expect(rule.reference).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|github\.com\/hashicorp\/terraform-provider-aws)\//);
  });

  it.each(APPLY_RULES.map((rule) => [rule.id, rule] as const))("%s flags its unsafe construct with the why and the fix", (id, rule) => {
    const { unsafe, production, message } = CASES[id];
    const flagged = findings(unsafe, production).filter((finding) => finding.ruleId === id);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0]).toMatchObject({ level: rule.level, stack: "test", path: expect.stringMatching(/^test\/unsafe/) });
    expect(flagged[0].message).toMatch(message);
    expect(flagged[0].message).toContain(`Fix: ${rule.fix}`);
  });

  it.each(APPLY_RULES.map((rule) => [rule.id] as const))("%s passes its compliant counterpart", (id) => {
    const { safe, production } = CASES[id];
    expect(findings(safe, production).filter((finding) => finding.ruleId === id)).toEqual([]);
  });
});
