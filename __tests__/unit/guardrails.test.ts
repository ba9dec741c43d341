import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BackupVault } from "@cdktf/provider-aws/lib/backup-vault";
import { Cloudtrail } from "@cdktf/provider-aws/lib/cloudtrail";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { CognitoUserPoolClient } from "@cdktf/provider-aws/lib/cognito-user-pool-client";
import { DbInstance, type DbInstanceConfig } from "@cdktf/provider-aws/lib/db-instance";
import { DbParameterGroup } from "@cdktf/provider-aws/lib/db-parameter-group";
import { EbsVolume } from "@cdktf/provider-aws/lib/ebs-volume";
import { EcrRepository } from "@cdktf/provider-aws/lib/ecr-repository";
import { EcrRepositoryCreationTemplate } from "@cdktf/provider-aws/lib/ecr-repository-creation-template";
import { EcsService } from "@cdktf/provider-aws/lib/ecs-service";
import { EcsTaskDefinition } from "@cdktf/provider-aws/lib/ecs-task-definition";
import { ElasticacheReplicationGroup } from "@cdktf/provider-aws/lib/elasticache-replication-group";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener, type LbListenerDefaultAction } from "@cdktf/provider-aws/lib/lb-listener";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { Password } from "@cdktf/provider-random/lib/password";
import { App, TerraformOutput, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { API_GATEWAY_SECURITY_CASES } from "../support/api-gateway-cases";
import { CLOUDFRONT_SECURITY_CASES } from "../support/cloudfront-cases";
import { PIPELINE_SECURITY_CASES } from "../support/pipeline-cases";
import { WORKFLOW_SECURITY_CASES } from "../support/workflow-cases";
import { ENVIRONMENTS } from "../../config";
import { AppSecret } from "../../constructs/app-secret";
import { EncryptedLogGroup } from "../../constructs/encrypted-log-group";
import { EncryptionKey } from "../../constructs/encryption-key";
import { type PolicyStatement, policyDocument } from "../../constructs/iam-policy";
import { SecurityGroupWithRules } from "../../constructs/security-group";
import { ServiceRole } from "../../constructs/service-role";
import {
  type Finding,
  GUARDRAIL_REPORT_FILE,
  GuardrailViolationError,
  RULES,
  type StackGuardrailReport,
  applyGuardrails,
  collectFindings,
  formatGuardrailReport,
  suppress,
  synthesizeWithGuardrails,
} from "../../guardrails";
import { isCustomerManagedKey } from "../../guardrails/helpers";
import { synthWithOptionalSections } from "../support/optional-sections";
import { synthEnvironment } from "../support/synth";
import { LAMBDA_SECURITY_CASES } from "../support/lambda-cases";
import { testApp } from "../support/test-app";
import { wafLogging, webAclCountingBodyCap } from "../support/apply-cases";

const KEY = "arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555";
const ACCOUNT = "111111111111";

/** A throwaway app with one guarded stack; `build` adds constructs to it. */
function guarded(build: (stack: TerraformStack) => void, production = false): { app: App; reports: StackGuardrailReport[] } {
  const app = testApp();
  const stack = new TerraformStack(app, "test");
  applyGuardrails(stack, { production });
  build(stack);
  return { app, reports: collectFindings(app) };
}

function findings(build: (stack: TerraformStack) => void, production = false): Finding[] {
  return guarded(build, production).reports.flatMap((r) => r.findings);
}

const database = (scope: Construct, id: string, overrides: Partial<DbInstanceConfig> = {}) =>
  new DbInstance(scope, id, {
    identifier: id,
    engine: "postgres",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    storageEncrypted: true,
    kmsKeyId: KEY,
    manageMasterUserPassword: true,
    ...overrides,
  });

interface BucketOptions {
  /** Default encryption. @default "kms" */
  readonly encryption?: "kms" | "sse-s3";
  /** Policy statements beside the TLS-only deny. */
  readonly grants?: readonly PolicyStatement[];
}

/** A bucket with public access block, default encryption and a TLS-only policy, as raw resources. */
const bucket = (scope: Construct, id: string, options: BucketOptions = {}) => {
  const resource = new S3Bucket(scope, id, { bucket: `bucket-${id}` });
  new S3BucketPublicAccessBlock(scope, `${id}_block`, {
    bucket: resource.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketServerSideEncryptionConfigurationA(scope, `${id}_encryption`, {
    bucket: resource.id,
    rule: [
      {
        applyServerSideEncryptionByDefault:
          options.encryption === "sse-s3" ? { sseAlgorithm: "AES256" } : { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY },
      },
    ],
  });
  new S3BucketPolicy(scope, `${id}_policy`, {
    bucket: resource.id,
    policy: policyDocument([
      {
        sid: "DenyWithoutTls",
        effect: "Deny",
        principals: "*",
        actions: ["s3:*"],
        resources: [resource.arn, `${resource.arn}/*`],
        conditions: { Bool: { "aws:SecureTransport": "false" } },
      },
      ...(options.grants ?? []),
    ]),
  });
  return resource;
};

const taskDefinition = (scope: Construct, id: string, environment: { name: string; value: string }[], container: Record<string, unknown> = {}) =>
  new EcsTaskDefinition(scope, id, {
    family: "api",
    containerDefinitions: JSON.stringify([
      {
        name: "api",
        image: "api:1",
        user: "1000:1000",
        readonlyRootFilesystem: true,
        ...container,
        environment,
        secrets: [{ name: "OPENAI_API_KEY", valueFrom: "arn:aws:secretsmanager:us-east-1:111111111111:secret:openai" }],
      },
    ]),
  });

/** An ALB listener on `port`; HTTPS ones with `sslPolicy`. */
const listener = (scope: Construct, id: string, port: 80 | 443, options: { sslPolicy?: string; defaultAction?: LbListenerDefaultAction } = {}) =>
  new LbListener(scope, id, {
    loadBalancerArn: "arn:lb",
    port,
    protocol: port === 443 ? "HTTPS" : "HTTP",
    sslPolicy: options.sslPolicy,
    defaultAction: [options.defaultAction ?? { type: "forward", targetGroupArn: "arn:tg" }],
  });

interface RuleCase {
  /** Builds something the rule must flag, under a construct whose path contains `unsafe`. */
  readonly unsafe: (stack: TerraformStack) => void;
  /** Builds the compliant counterpart, which must not be flagged by the rule. */
  readonly safe: (stack: TerraformStack) => void;
  readonly production?: boolean;
  /** Part of the expected message. */
  readonly message: RegExp;
  /**
   * Addresses the rule must flag, when the unsafe case builds more than one offender.
   * @default - any one element under `unsafe`
   */
  readonly addresses?: readonly string[];
}

const CASES: Record<string, RuleCase> = {
  "VP-S3-1": {
    unsafe: (s) => new S3Bucket(s, "unsafe", { bucket: "unsafe-bucket" }),
    safe: (s) => bucket(s, "safe"),
    message: /no aws_s3_bucket_public_access_block/,
  },
  "VP-S3-2": {
    unsafe: (s) => bucket(s, "unsafe", { encryption: "sse-s3" }),
    // SSE-S3 is the exception for a bucket that receives S3 server access logs.
    safe: (s) =>
      bucket(s, "safe", {
        encryption: "sse-s3",
        grants: [
          {
            sid: "AccessLogs",
            principals: { Service: "logging.s3.amazonaws.com" },
            actions: ["s3:PutObject"],
            resources: ["arn:aws:s3:::bucket-safe/*"],
          },
        ],
      }),
    message: /uses SSE-S3 \(AES256\) but receives no S3 or ALB access logs/,
  },
  "VP-S3-3": {
    unsafe: (s) => {
      const resource = new S3Bucket(s, "unsafe", { bucket: "unsafe-bucket" });
      new S3BucketPolicy(s, "unsafe_policy", {
        bucket: resource.id,
        policy: policyDocument([
          { sid: "ReadOwnAccount", principals: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, actions: ["s3:GetObject"], resources: [`${resource.arn}/*`] },
        ]),
      });
    },
    safe: (s) => bucket(s, "safe"),
    message: /no bucket policy statement denies requests without TLS/,
  },
  "VP-KMS-1": {
    unsafe: (s) => new KmsKey(s, "unsafe", { enableKeyRotation: false }),
    safe: (s) =>
      new EncryptionKey(s, "safe", { alias: "safe", description: "safe", accountId: ACCOUNT, deletionWindowDays: 7, rotationPeriodDays: 365 }),
    message: /enable_key_rotation is not true/,
  },
  "VP-RDS-1": {
    unsafe: (s) => database(s, "unsafe", { storageEncrypted: false, kmsKeyId: undefined }),
    safe: (s) => database(s, "safe", { performanceInsightsEnabled: true, performanceInsightsKmsKeyId: KEY }),
    message: /kms_key_id is not set.*storage_encrypted is not true/,
  },
  "VP-RDS-2": {
    unsafe: (s) => database(s, "unsafe", { publiclyAccessible: true }),
    safe: (s) => database(s, "safe", { publiclyAccessible: false }),
    message: /publicly_accessible is true/,
  },
  "VP-RDS-3": {
    unsafe: (s) => {
      const group = new DbParameterGroup(s, "unsafe_parameters", { family: "postgres15", parameter: [{ name: "log_statement", value: "ddl" }] });
      database(s, "unsafe", { parameterGroupName: group.name });
    },
    safe: (s) => {
      const group = new DbParameterGroup(s, "safe_parameters", { family: "postgres15", parameter: [{ name: "rds.force_ssl", value: "1" }] });
      database(s, "safe", { parameterGroupName: group.name });
    },
    message: /does not force SSL/,
  },
  "VP-RDS-4": {
    production: true,
    unsafe: (s) => database(s, "unsafe", { deletionProtection: false, skipFinalSnapshot: true }),
    safe: (s) => database(s, "safe", { deletionProtection: true, finalSnapshotIdentifier: "safe-final" }),
    message: /deletion_protection is not true; skip_final_snapshot is true/,
  },
  "VP-REDIS-1": {
    unsafe: (s) => new ElasticacheReplicationGroup(s, "unsafe", { replicationGroupId: "unsafe", description: "x", atRestEncryptionEnabled: "false" }),
    safe: (s) =>
      new ElasticacheReplicationGroup(s, "safe", { replicationGroupId: "safe", description: "x", atRestEncryptionEnabled: "true", kmsKeyId: KEY }),
    message: /at_rest_encryption_enabled is not true/,
  },
  "VP-REDIS-2": {
    unsafe: (s) => new ElasticacheReplicationGroup(s, "unsafe", { replicationGroupId: "unsafe", description: "x", transitEncryptionEnabled: false }),
    safe: (s) =>
      new ElasticacheReplicationGroup(s, "safe", {
        replicationGroupId: "safe",
        description: "x",
        transitEncryptionEnabled: true,
        transitEncryptionMode: "required",
      }),
    message: /transit_encryption_enabled is not true/,
  },
  "VP-NET-1": {
    unsafe: (s) => {
      const group = new SecurityGroupWithRules(s, "unsafe", { name: "bastion", description: "x", vpcId: "vpc-1" });
      group.allowIngressFromCidr("ssh", "0.0.0.0/0", 22, "SSH from anywhere");
    },
    // An internet-facing ALB's group may take 80/443 from anywhere.
    safe: (s) => {
      const group = new SecurityGroupWithRules(s, "safe", { name: "alb", description: "x", vpcId: "vpc-1" });
      group.allowIngressFromCidr("https", "0.0.0.0/0", 443, "HTTPS from anywhere");
      new Lb(s, "alb", { securityGroups: [group.id], subnets: ["subnet-1", "subnet-2"] });
    },
    message: /ingress from 0\.0\.0\.0\/0 on port 22/,
  },
  "VP-NET-2": {
    unsafe: (s) => new Subnet(s, "unsafe", { vpcId: "vpc-1", cidrBlock: "10.0.0.0/24", mapPublicIpOnLaunch: true }),
    safe: (s) => new Subnet(s, "safe", { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24", mapPublicIpOnLaunch: false }),
    message: /map_public_ip_on_launch is true/,
  },
  "VP-NET-3": {
    unsafe: (s) => new VpcSecurityGroupEgressRule(s, "unsafe", { securityGroupId: "sg-1", cidrIpv4: "0.0.0.0/0", ipProtocol: "-1" }),
    safe: (s) => {
      const group = new SecurityGroupWithRules(s, "safe", { name: "tasks", description: "x", vpcId: "vpc-1" });
      group.allowEgressToCidr("https", "0.0.0.0/0", 443, "HTTPS APIs");
    },
    message: /egress allows every protocol and port to anywhere/,
  },
  "VP-IAM-1": {
    unsafe: (s) =>
      new ServiceRole(s, "unsafe", {
        name: "unsafe",
        assumedBy: "ecs-tasks.amazonaws.com",
        statements: [{ sid: "Everything", actions: ["s3:*"], resources: ["arn:aws:s3:::b/*"] }],
      }),
    safe: (s) =>
      new ServiceRole(s, "safe", {
        name: "safe",
        assumedBy: "ecs-tasks.amazonaws.com",
        statements: [{ sid: "Read", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }],
      }),
    message: /statement "Everything" allows s3:\*/,
  },
  "VP-IAM-2": {
    unsafe: (s) =>
      new ServiceRole(s, "unsafe", {
        name: "unsafe",
        assumedBy: "ecs-tasks.amazonaws.com",
        statements: [{ sid: "AnySecret", actions: ["secretsmanager:GetSecretValue"], resources: ["*"] }],
      }),
    safe: (s) =>
      new ServiceRole(s, "safe", {
        name: "safe",
        assumedBy: "ecs-tasks.amazonaws.com",
        statements: [
          { sid: "OneSecret", actions: ["secretsmanager:GetSecretValue"], resources: ["arn:aws:secretsmanager:us-east-1:111111111111:secret:x"] },
          // Actions without resource-level permissions may use "*".
          { sid: "Metrics", actions: ["cloudwatch:PutMetricData", "ecr:GetAuthorizationToken"], resources: ["*"] },
        ],
      }),
    message: /statement "AnySecret" allows secretsmanager:GetSecretValue on \*/,
  },
  "VP-IAM-3": {
    unsafe: (s) => {
      const topic = new SnsTopic(s, "topic", { kmsMasterKeyId: KEY });
      new SnsTopicPolicy(s, "unsafe", {
        arn: topic.arn,
        policy: policyDocument([{ sid: "Anyone", principals: "*", actions: ["sns:Publish"], resources: [topic.arn] }]),
      });
    },
    safe: (s) => {
      const topic = new SnsTopic(s, "topic", { kmsMasterKeyId: KEY });
      new SnsTopicPolicy(s, "safe", {
        arn: topic.arn,
        policy: policyDocument([
          {
            sid: "ThisAccount",
            principals: "*",
            actions: ["sns:Publish"],
            resources: [topic.arn],
            conditions: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
          },
        ]),
      });
    },
    message: /statement "Anyone" allows everyone/,
  },
  "VP-LOG-1": {
    unsafe: (s) => new CloudwatchLogGroup(s, "unsafe", { name: "/unsafe", kmsKeyId: KEY }),
    safe: (s) => new EncryptedLogGroup(s, "safe", { name: "/safe", kmsKeyArn: KEY, retentionDays: 30 }),
    message: /retention_in_days is not set/,
  },
  "VP-LOG-2": {
    unsafe: (s) => new CloudwatchLogGroup(s, "unsafe", { name: "/unsafe", retentionInDays: 30 }),
    safe: (s) => new EncryptedLogGroup(s, "safe", { name: "/safe", kmsKeyArn: KEY, retentionDays: 30 }),
    message: /kms_key_id is not set/,
  },
  "VP-LOG-3": {
    unsafe: (s) => database(s, "unsafe", { enabledCloudwatchLogsExports: ["postgresql", "upgrade"] }),
    safe: (s) => {
      database(s, "safe", { enabledCloudwatchLogsExports: ["postgresql"] });
      new EncryptedLogGroup(s, "safe_postgresql", { name: "/aws/rds/instance/safe/postgresql", kmsKeyArn: KEY, retentionDays: 30 });
    },
    message: /RDS would create never-expiring log groups for postgresql, upgrade/,
  },
  "VP-LOG-4": {
    unsafe: (s) => new Cloudtrail(s, "unsafe", { name: "unsafe", s3BucketName: "trail-bucket" }),
    safe: (s) => new Cloudtrail(s, "safe", { name: "safe", s3BucketName: "trail-bucket", kmsKeyId: KEY }),
    message: /kms_key_id is not set/,
  },
  "VP-SEC-1": {
    unsafe: (s) => new SecretsmanagerSecret(s, "unsafe", { name: "unsafe" }),
    safe: (s) => new AppSecret(s, "safe", { name: "dev/x/safe", description: "x", kmsKeyArn: KEY, recoveryWindowDays: 7 }),
    message: /kms_key_id is not set/,
  },
  "VP-SEC-2": {
    unsafe: (s) => database(s, "unsafe", { manageMasterUserPassword: undefined, username: "app", password: "correct-horse-battery" }),
    safe: (s) => database(s, "safe", { manageMasterUserPassword: true }),
    message: /password is a literal/,
  },
  "VP-SEC-3": {
    unsafe: (s) => new TerraformOutput(s, "unsafe", { value: new Password(s, "token", { length: 32 }).result }),
    safe: (s) => new TerraformOutput(s, "safe", { value: new Password(s, "token", { length: 32 }).result, sensitive: true }),
    message: /reads random_password but the output is not sensitive/,
  },
  "VP-ECS-1": {
    unsafe: (s) => new EcsService(s, "unsafe", { name: "unsafe", networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: true } }),
    safe: (s) => new EcsService(s, "safe", { name: "safe", networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: false } }),
    message: /assign_public_ip is true/,
  },
  "VP-ECS-2": {
    unsafe: (s) => taskDefinition(s, "unsafe", [{ name: "OPENAI_API_KEY", value: "not-really-but-literal" }]),
    safe: (s) =>
      taskDefinition(s, "safe", [
        { name: "LOG_LEVEL", value: "info" },
        { name: "JWT_SECRET_ARN", value: "arn:aws:secretsmanager:us-east-1:1:secret:jwt" },
      ]),
    message: /api: OPENAI_API_KEY is named like a secret and set to a literal/,
  },
  "VP-ECS-3": {
    unsafe: (s) => taskDefinition(s, "unsafe", [], { user: undefined, readonlyRootFilesystem: false }),
    safe: (s) => taskDefinition(s, "safe", []),
    message: /api runs as root; api has a writable root filesystem/,
  },
  "VP-ECR-1": {
    unsafe: (s) => {
      new EcrRepository(s, "unsafe", { name: "unsafe" });
      // The template ECR makes pull through cache repositories from is held to the same rule.
      new EcrRepositoryCreationTemplate(s, "unsafe_template", { prefix: "unsafe", appliedFor: ["PULL_THROUGH_CACHE"] });
    },
    safe: (s) => new EcrRepository(s, "safe", { name: "safe", encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: KEY }] }),
    message: /encryption_type is not KMS/,
    addresses: ["aws_ecr_repository.unsafe", "aws_ecr_repository_creation_template.unsafe_template"],
  },
  "VP-EBS-1": {
    unsafe: (s) => new EbsVolume(s, "unsafe", { availabilityZone: "us-east-1a", size: 10, encrypted: false }),
    safe: (s) => new EbsVolume(s, "safe", { availabilityZone: "us-east-1a", size: 10, encrypted: true, kmsKeyId: KEY }),
    message: /volume is not encrypted/,
  },
  "VP-ELB-1": {
    unsafe: (s) => listener(s, "unsafe", 443, { sslPolicy: "ELBSecurityPolicy-2016-08" }),
    safe: (s) => listener(s, "safe", 443, { sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
    message: /ssl_policy ELBSecurityPolicy-2016-08 accepts TLS older than 1\.2/,
  },
  "VP-ELB-2": {
    production: true,
    unsafe: (s) => listener(s, "unsafe", 80),
    safe: (s) =>
      listener(s, "safe", 80, { defaultAction: { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } } }),
    message: /serves traffic instead of redirecting to HTTPS/,
  },
  "VP-ELB-3": {
    production: true,
    unsafe: (s) => new Lb(s, "unsafe", { subnets: ["subnet-1"], enableDeletionProtection: false }),
    safe: (s) => new Lb(s, "safe", { subnets: ["subnet-1"], enableDeletionProtection: true }),
    message: /enable_deletion_protection is not true/,
  },
  "VP-ELB-4": {
    unsafe: (s) => listener(s, "unsafe", 443, { sslPolicy: "ELBSecurityPolicy-TLS-1-2-2017-01" }),
    safe: (s) => listener(s, "safe", 443, { sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }),
    message: /does not offer TLS 1\.3/,
  },
  "VP-SNS-1": {
    unsafe: (s) => new SnsTopic(s, "unsafe", { name: "unsafe" }),
    safe: (s) => new SnsTopic(s, "safe", { name: "safe", kmsMasterKeyId: KEY }),
    message: /kms_master_key_id is not a CMK/,
  },
  "VP-SQS-1": {
    unsafe: (s) => new SqsQueue(s, "unsafe", { name: "unsafe", sqsManagedSseEnabled: true }),
    safe: (s) => new SqsQueue(s, "safe", { name: "safe", kmsMasterKeyId: KEY }),
    message: /kms_master_key_id is not a CMK/,
  },
  "VP-BAK-1": {
    unsafe: (s) => new BackupVault(s, "unsafe", { name: "unsafe" }),
    safe: (s) => new BackupVault(s, "safe", { name: "safe", kmsKeyArn: KEY }),
    message: /kms_key_arn is not set/,
  },
  "VP-WAF-2": {
    unsafe: (s) => webAclCountingBodyCap(s, "unsafe", false),
    safe: (s) => webAclCountingBodyCap(s, "safe", true),
    message: /SizeRestrictions_BODY only counts and no later rule blocks the label/,
  },
  "VP-WAF-3": {
    unsafe: (s) => wafLogging(s, "unsafe", false),
    safe: (s) => wafLogging(s, "safe", true),
    message: /the cookie header, the query string are logged in clear/,
  },
  ...API_GATEWAY_SECURITY_CASES,
  ...CLOUDFRONT_SECURITY_CASES,
  ...LAMBDA_SECURITY_CASES,
  ...PIPELINE_SECURITY_CASES,
  ...WORKFLOW_SECURITY_CASES,
};

// Apply rules (AWS API constraints) have their cases in apply-rules.test.ts.
const SECURITY_RULES = RULES.filter((rule) => (rule.category ?? "security") === "security");

describe("every guardrail rule", () => {
  it("has an unsafe and a safe case below", () => {
    expect(Object.keys(CASES).sort()).toEqual(SECURITY_RULES.map((r) => r.id).sort());
  });

  it("is listed in the generated guardrail reference with its level", () => {
    const reference = readFileSync(join(__dirname, "..", "..", "docs", "reference", "guardrails.md"), "utf8");
    for (const rule of RULES) expect(reference).toContain(`| \`${rule.id}\` | ${rule.level} | ${rule.description} |`);
  });

  it.each(SECURITY_RULES.map((r) => [r.id, r] as const))("%s flags its unsafe construct with stack, path and fix", (id, rule) => {
    const { unsafe, production, message, addresses } = CASES[id];
    const flagged = findings(unsafe, production).filter((f) => f.ruleId === id);
    expect(flagged.length).toBeGreaterThan(0);
    if (addresses) expect(flagged.map((f) => f.address)).toEqual(addresses);
    expect(flagged[0]).toMatchObject({ level: rule.level, stack: "test", path: expect.stringMatching(/^test\/unsafe/) });
    expect(flagged[0].message).toMatch(message);
    expect(flagged[0].message).toContain(`Fix: ${rule.fix}`);
  });

  it.each(SECURITY_RULES.map((r) => [r.id] as const))("%s passes its compliant counterpart", (id) => {
    const { safe, production } = CASES[id];
    expect(findings(safe, production).filter((f) => f.ruleId === id)).toEqual([]);
  });
});

describe("rule details", () => {
  it("a partial public access block names the settings left off", () => {
    const found = findings((s) => {
      const resource = new S3Bucket(s, "unsafe", { bucket: "b" });
      new S3BucketPublicAccessBlock(s, "block", {
        bucket: resource.id,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: false,
      });
    });
    expect(found.find((f) => f.ruleId === "VP-S3-1")?.message).toMatch(/leaves restrict_public_buckets off/);
  });

  it("SSE-KMS without a key means the AWS-managed key", () => {
    const found = findings((s) => {
      const resource = new S3Bucket(s, "unsafe", { bucket: "b" });
      new S3BucketServerSideEncryptionConfigurationA(s, "sse", {
        bucket: resource.id,
        rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }],
      });
    });
    expect(found.find((f) => f.ruleId === "VP-S3-2")?.message).toMatch(/AWS-managed aws\/s3 key/);
  });

  it("production-only rules stay quiet outside prod", () => {
    const dev = findings((s) => {
      database(s, "db", { deletionProtection: false, skipFinalSnapshot: true });
      new Lb(s, "alb", { subnets: ["subnet-1"] });
      new LbListener(s, "http", {
        loadBalancerArn: "arn:lb",
        port: 80,
        protocol: "HTTP",
        defaultAction: [{ type: "forward", targetGroupArn: "arn:tg" }],
      });
    });
    expect(dev.filter((f) => ["VP-RDS-4", "VP-ELB-2", "VP-ELB-3"].includes(f.ruleId))).toEqual([]);
  });

  it("a cross-region read replica needs its own key; a same-region one inherits it", () => {
    const found = findings((s) => {
      database(s, "primary");
      database(s, "local_replica", { replicateSourceDb: "primary", kmsKeyId: undefined, storageEncrypted: undefined });
      database(s, "unsafe_dr_replica", { replicateSourceDb: "arn:aws:rds:us-east-1:111111111111:db:primary", kmsKeyId: undefined });
    }).filter((f) => f.ruleId === "VP-RDS-1");
    expect(found.map((f) => f.path)).toEqual(["test/unsafe_dr_replica"]);
  });

  it("an instance on the default parameter group does not force SSL", () => {
    const found = findings((s) => database(s, "unsafe"));
    expect(found.find((f) => f.ruleId === "VP-RDS-3")?.message).toMatch(/parameter_group_name is not set/);
  });

  it("policies from aws_iam_policy_document data sources are read too", async () => {
    const { DataAwsIamPolicyDocument } = await import("@cdktf/provider-aws/lib/data-aws-iam-policy-document");
    const { IamRolePolicy } = await import("@cdktf/provider-aws/lib/iam-role-policy");
    const found = findings((s) => {
      const document = new DataAwsIamPolicyDocument(s, "document", { statement: [{ actions: ["*"], resources: ["*"] }] });
      new IamRolePolicy(s, "unsafe", { role: "r", policy: document.json });
    });
    expect(
      found
        .filter((f) => f.path === "test/unsafe")
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(["VP-IAM-1", "VP-IAM-2"]);
  });

  it("KMS key policies may say Resource * and kms:* for the account root", () => {
    const found = findings(
      (s) => new EncryptionKey(s, "key", { alias: "k", description: "k", accountId: ACCOUNT, deletionWindowDays: 7, rotationPeriodDays: 365 }),
    );
    expect(found).toEqual([]);
  });

  it.each([
    ["before synth (synthesized in memory)", false],
    ["after app.synth() (read from what synth wrote)", true],
  ])("world-open 443 is an error when anything but an ALB uses the group, across stacks too, %s", (_, synthFirst) => {
    const reportsWith = (tasksUseTheGroup: boolean) => {
      const app = testApp();
      const network = new TerraformStack(app, "network");
      const compute = new TerraformStack(app, "compute");
      for (const stack of [network, compute]) new AwsProvider(stack, "aws", { region: "us-east-1" });
      applyGuardrails(network, { production: false });
      const group = new SecurityGroupWithRules(network, "shared", { name: "shared", description: "x", vpcId: "vpc-1" });
      group.allowIngressFromCidr("https", "0.0.0.0/0", 443, "HTTPS from anywhere");
      new Lb(compute, "alb", { securityGroups: [group.id], subnets: ["subnet-1"] });
      if (tasksUseTheGroup) {
        new EcsService(compute, "tasks", { name: "tasks", networkConfiguration: { subnets: ["subnet-1"], securityGroups: [group.id] } });
      }
      if (synthFirst) app.synth();
      return collectFindings(app).flatMap((r) => r.findings);
    };
    expect(reportsWith(false)).toEqual([]);
    expect(reportsWith(true)).toEqual([expect.objectContaining({ ruleId: "VP-NET-1", stack: "network", path: "network/shared/ingress_https" })]);
  });

  it("finds credentials in any attribute, but not behind references", () => {
    const found = findings((s) => {
      new AwsProvider(s, "aws", { region: "us-east-1", accessKey: "AKIAABCDEFGHIJKLMNOP" });
      new SecretsmanagerSecret(s, "unsafe_url", { name: "url", kmsKeyId: KEY, description: "postgres://app:hunter2@db.internal:5432/app" });
      const password = new Password(s, "password", { length: 32 });
      new SecretsmanagerSecret(s, "safe_url", { name: "url2", kmsKeyId: KEY, description: `postgres://app:${password.result}@db.internal:5432/app` });
      // Named like tokens, but they are the units of the tokens' lifetimes.
      new CognitoUserPoolClient(s, "client", {
        name: "app",
        userPoolId: "pool",
        tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "days" }],
      });
    }).filter((f) => f.ruleId === "VP-SEC-2");
    expect(found.map((f) => [f.path, f.message.split(". Fix")[0]])).toEqual([
      ["test/aws", "access_key is a literal"],
      ["test/unsafe_url", "description contains a URL with an embedded password"],
    ]);
  });

  it("container variables that look like keys are flagged whatever their name", () => {
    const found = findings((s) =>
      taskDefinition(s, "task", [
        { name: "UPSTREAM", value: "sk-proj-abcdefghijklmnopqrstuvwxyz012345" },
        { name: "SEED", value: "f3Zq9LmX2pR7tK1wB8nC4vY6" },
      ]),
    );
    expect(found.find((f) => f.ruleId === "VP-ECS-2")?.message).toMatch(/UPSTREAM contains an OpenAI-style secret key; api: SEED looks like a key/);
  });

  it("Lambda functions: literal secrets in their environment and log groups they would create themselves", () => {
    const found = findings((s) => {
      new LambdaFunction(s, "unsafe", {
        functionName: "lookup",
        role: "arn:role",
        packageType: "Image",
        imageUri: "x:1",
        environment: { variables: { TWILIO_AUTH_TOKEN: "abc123" } },
        // Traced and CMK-encrypted, so only the findings this test is about remain (VP-LAMBDA-1/3 are tested apart).
        tracingConfig: { mode: "Active" },
        kmsKeyArn: "arn:aws:kms:us-east-1:111111111111:key/functions",
      });
    });
    expect(found.filter((f) => f.path === "test/unsafe").map((f) => [f.ruleId, f.message.split(". Fix")[0]])).toEqual([
      ["VP-LOG-3", "Lambda would create a never-expiring /aws/lambda/lookup"],
      ["VP-SEC-2", "environment.variables.TWILIO_AUTH_TOKEN is a literal"],
      ["VP-ECS-2", "function: TWILIO_AUTH_TOKEN is named like a secret and set to a literal"],
    ]);
  });

  it("a rule that throws counts as a violation, never as a pass", () => {
    const found = findings((s) => new SqsQueue(s, "queue", { kmsMasterKeyId: KEY, policy: "{ not json" }));
    expect(found).toEqual([
      expect.objectContaining({ ruleId: "VP-IAM-1", level: "error", path: "test/queue", message: expect.stringMatching(/could not be evaluated/) }),
      expect.objectContaining({ ruleId: "VP-IAM-3", level: "error", path: "test/queue", message: expect.stringMatching(/could not be evaluated/) }),
    ]);
  });

  it("a stack rule that throws fails on the stack", () => {
    const found = findings((s) => {
      const resource = new S3Bucket(s, "bucket", { bucket: "b" });
      new S3BucketPolicy(s, "policy", { bucket: resource.id, policy: "{ not json" });
    });
    expect(found.find((f) => f.ruleId === "VP-S3-3")).toMatchObject({ path: "test", message: expect.stringMatching(/could not be evaluated/) });
    // The other rules still report the bucket.
    expect(found.find((f) => f.ruleId === "VP-S3-1")).toMatchObject({ path: "test/bucket" });
  });
});

describe("suppressions", () => {
  const reason = "Access-log target of the edge ALB; AWS requires SSE-S3 here";

  it("move the finding to the report's suppressed list with the reason", () => {
    const { reports } = guarded((s) => {
      const logs = new Construct(s, "logs");
      bucket(logs, "Resource", { encryption: "sse-s3" });
      suppress(logs, { id: "VP-S3-2", reason });
    });
    expect(reports[0].findings).toEqual([]);
    expect(reports[0].suppressed).toEqual([
      expect.objectContaining({ ruleId: "VP-S3-2", path: "test/logs/Resource", suppressedAt: "test/logs", reason }),
    ]);
    expect(formatGuardrailReport(reports)).toContain(`reason (at test/logs): ${reason}`);
  });

  it("cover only the named rule", () => {
    const { reports } = guarded((s) => {
      suppress(new S3Bucket(s, "bucket", { bucket: "b" }), { id: "VP-S3-2", reason });
    });
    expect(reports[0].findings.map((f) => f.ruleId).sort()).toEqual(["VP-S3-1", "VP-S3-3"]);
  });

  it("require a written reason, a known rule and a construct below the stack", () => {
    const app = testApp();
    const stack = new TerraformStack(app, "test");
    const target = new S3Bucket(stack, "bucket", { bucket: "b" });
    expect(() => suppress(target, { id: "VP-S3-2", reason: "log bucket" })).toThrow(/at least 20 characters/);
    expect(() => suppress(target, { id: "VP-S3-2", reason: "                         " })).toThrow(/at least 20 characters/);
    expect(() => suppress(target, { id: "VP-S3-9", reason })).toThrow(/unknown guardrail rule "VP-S3-9"/);
    expect(() => suppress(stack, { id: "VP-S3-2", reason })).toThrow(/not on a whole stack/);
  });
});

describe.each(Object.keys(ENVIRONMENTS))("shipped environment %s", (env) => {
  // Synthesized while collecting, like the other suites, so the shared per-worker synth is not timed per test.
  const synth = synthEnvironment(env);

  it("passes the guardrails in every stack with zero errors", () => {
    const reports = synth.guardrailReports();
    expect(reports.map((r) => r.stack).sort()).toEqual([...synth.stackIds].sort());
    const errors = reports.flatMap((r) => r.findings).filter((f) => f.level === "error");
    expect(errors.map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
  });
});

describe("optional sections", () => {
  // Collected up front like the shipped environments; the synth is shared with the optional-section suites.
  const synth = synthWithOptionalSections("prod");

  it("prod with dynamodb, functions, identity and parameters passes with zero errors", () => {
    const errors = synth
      .guardrailReports()
      .flatMap((r) => r.findings)
      .filter((f) => f.level === "error");
    expect(errors.map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
  });
});

describe("all-or-nothing synth", () => {
  const scratchRoot = () => mkdtempSync(join(tmpdir(), "voice-infra-guarded-"));
  const unsafeApp = (outdir: string) => {
    const app = new App({ outdir });
    for (const id of ["first", "second"]) {
      const stack = new TerraformStack(app, id);
      new AwsProvider(stack, "aws", { region: "us-east-1" });
      applyGuardrails(stack, { production: false });
      new KmsKey(stack, "key", { enableKeyRotation: false });
    }
    return { app };
  };

  it("fails listing every error of every stack and leaves the previous output untouched", () => {
    const root = scratchRoot();
    const outdir = join(root, "cdktf.out");
    synthesizeWithGuardrails(
      outdir,
      (dir) => ({ app: new App({ outdir: dir }) }),
      () => {},
    );
    writeFileSync(join(outdir, "previous.txt"), "from the last good synth");
    const before = readdirSync(outdir).sort();

    let error: unknown;
    try {
      synthesizeWithGuardrails(outdir, unsafeApp, () => {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GuardrailViolationError);
    const message = (error as Error).message;
    expect(message).toMatch(/Guardrails: 2 errors/);
    expect(message).toMatch(/ERROR +VP-KMS-1 +first +first\/key \(aws_kms_key\.key\)/);
    expect(message).toMatch(/ERROR +VP-KMS-1 +second +second\/key/);
    expect((error as Error).stack).not.toMatch(/\n\s+at /);
    expect(readdirSync(outdir).sort()).toEqual(before);
    expect(existsSync(join(outdir, "stacks", "first"))).toBe(false);
    expect(readdirSync(root)).toEqual(["cdktf.out"]);
    rmSync(root, { recursive: true, force: true });
  });

  it("publishes stacks, manifest and the guardrail report, keeping files synth does not own", () => {
    const root = scratchRoot();
    const outdir = join(root, "cdktf.out");
    const printed: string[] = [];
    const safeApp = (dir: string) => {
      const app = new App({ outdir: dir });
      const stack = new TerraformStack(app, "only");
      new AwsProvider(stack, "aws", { region: "us-east-1" });
      applyGuardrails(stack, { production: false });
      bucket(stack, "bucket");
      const key = new KmsKey(stack, "key", { enableKeyRotation: false });
      suppress(key, { id: "VP-KMS-1", reason: "fixture: a key that is about to be deleted" });
      return { app };
    };
    synthesizeWithGuardrails(outdir, safeApp, (text) => printed.push(text));
    writeFileSync(join(outdir, "stacks", "only", "terraform.only.tfstate"), "{}");
    const { reports } = synthesizeWithGuardrails(outdir, safeApp, (text) => printed.push(text));

    expect(JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")).stacks.only).toBeDefined();
    expect(existsSync(join(outdir, "stacks", "only", "cdk.tf.json"))).toBe(true);
    expect(existsSync(join(outdir, "stacks", "only", "terraform.only.tfstate"))).toBe(true);
    expect(JSON.parse(readFileSync(join(outdir, GUARDRAIL_REPORT_FILE), "utf8"))).toEqual(reports);
    expect(printed[1]).toMatch(/^Guardrails: 0 errors, 0 warnings, 1 suppressed in 1 stack\n.*SUPPRESSED +VP-KMS-1 +only +only\/key/);
    expect(printed[1]).toContain("reason (at only/key): fixture: a key that is about to be deleted");
    rmSync(root, { recursive: true, force: true });
  });

  it("a construct error also leaves nothing behind", () => {
    const root = scratchRoot();
    const outdir = join(root, "cdktf.out");
    expect(() =>
      synthesizeWithGuardrails(outdir, () => {
        throw new Error("EncryptedLogGroup x: bad name");
      }),
    ).toThrow(/bad name/);
    expect(readdirSync(root)).toEqual([]);
    rmSync(root, { recursive: true, force: true });
  });
});

describe("customer-managed key references", () => {
  it("refuse an AWS-managed key as the bare alias and as its alias ARN, and accept any other key", () => {
    for (const managed of ["alias/aws/sns", "arn:aws:kms:us-east-1:111111111111:alias/aws/sns"]) {
      expect(isCustomerManagedKey(managed, "alias/aws/sns")).toBe(false);
    }
    expect(isCustomerManagedKey(undefined, "alias/aws/sns")).toBe(false);
    expect(isCustomerManagedKey("${aws_kms_key.messaging_key.arn}", "alias/aws/sns")).toBe(true);
    expect(isCustomerManagedKey("arn:aws:kms:us-east-1:111111111111:alias/voice-ai-prod-messaging", "alias/aws/sns")).toBe(true);
  });
});
