// /work/main/__tests__/unit/guardrails.test.ts
const __vite_ssr_import_0__ = await __vite_ssr_import__("node:fs", {"importedNames":["existsSync","mkdtempSync","readFileSync","readdirSync","rmSync","writeFileSync"]});
const __vite_ssr_import_1__ = await __vite_ssr_import__("node:os", {"importedNames":["tmpdir"]});
const __vite_ssr_import_2__ = await __vite_ssr_import__("node:path", {"importedNames":["join"]});
const __vite_ssr_import_3__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/backup-vault", {"importedNames":["BackupVault"]});
const __vite_ssr_import_4__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/cloudtrail", {"importedNames":["Cloudtrail"]});
const __vite_ssr_import_5__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/cloudwatch-log-group", {"importedNames":["CloudwatchLogGroup"]});
const __vite_ssr_import_6__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/cognito-user-pool-client", {"importedNames":["CognitoUserPoolClient"]});
const __vite_ssr_import_7__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/db-instance", {"importedNames":["DbInstance"]});
const __vite_ssr_import_8__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/db-parameter-group", {"importedNames":["DbParameterGroup"]});
const __vite_ssr_import_9__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/ebs-volume", {"importedNames":["EbsVolume"]});
const __vite_ssr_import_10__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/ecr-repository", {"importedNames":["EcrRepository"]});
const __vite_ssr_import_11__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/ecs-service", {"importedNames":["EcsService"]});
const __vite_ssr_import_12__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/ecs-task-definition", {"importedNames":["EcsTaskDefinition"]});
const __vite_ssr_import_13__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/elasticache-replication-group", {"importedNames":["ElasticacheReplicationGroup"]});
const __vite_ssr_import_14__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/kms-key", {"importedNames":["KmsKey"]});
const __vite_ssr_import_15__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/lambda-function", {"importedNames":["LambdaFunction"]});
const __vite_ssr_import_16__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/lb", {"importedNames":["Lb"]});
const __vite_ssr_import_17__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/lb-listener", {"importedNames":["LbListener"]});
const __vite_ssr_import_18__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/provider", {"importedNames":["AwsProvider"]});
const __vite_ssr_import_19__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/s3-bucket", {"importedNames":["S3Bucket"]});
const __vite_ssr_import_20__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/s3-bucket-policy", {"importedNames":["S3BucketPolicy"]});
const __vite_ssr_import_21__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/s3-bucket-public-access-block", {"importedNames":["S3BucketPublicAccessBlock"]});
const __vite_ssr_import_22__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration", {"importedNames":["S3BucketServerSideEncryptionConfigurationA"]});
const __vite_ssr_import_23__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/secretsmanager-secret", {"importedNames":["SecretsmanagerSecret"]});
const __vite_ssr_import_24__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/sns-topic", {"importedNames":["SnsTopic"]});
const __vite_ssr_import_25__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/sns-topic-policy", {"importedNames":["SnsTopicPolicy"]});
const __vite_ssr_import_26__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/sqs-queue", {"importedNames":["SqsQueue"]});
const __vite_ssr_import_27__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/subnet", {"importedNames":["Subnet"]});
const __vite_ssr_import_28__ = await __vite_ssr_import__("@cdktf/provider-aws/lib/vpc-security-group-egress-rule", {"importedNames":["VpcSecurityGroupEgressRule"]});
const __vite_ssr_import_29__ = await __vite_ssr_import__("@cdktf/provider-random/lib/password", {"importedNames":["Password"]});
const __vite_ssr_import_30__ = await __vite_ssr_import__("cdktf", {"importedNames":["App","TerraformOutput","TerraformStack"]});
const __vite_ssr_import_31__ = await __vite_ssr_import__("constructs", {"importedNames":["Construct"]});
const __vite_ssr_import_32__ = await __vite_ssr_import__("vitest", {"importedNames":["describe","expect","it"]});
const __vite_ssr_import_33__ = await __vite_ssr_import__("/dist/test-modules/shims/config.cjs", {"importedNames":["ENVIRONMENTS"]});
const __vite_ssr_import_34__ = await __vite_ssr_import__("/dist/test-modules/shims/constructs/app-secret.cjs", {"importedNames":["AppSecret"]});
const __vite_ssr_import_35__ = await __vite_ssr_import__("/dist/test-modules/shims/constructs/encrypted-log-group.cjs", {"importedNames":["EncryptedLogGroup"]});
const __vite_ssr_import_36__ = await __vite_ssr_import__("/dist/test-modules/shims/constructs/encryption-key.cjs", {"importedNames":["EncryptionKey"]});
const __vite_ssr_import_37__ = await __vite_ssr_import__("/dist/test-modules/shims/constructs/iam-policy.cjs", {"importedNames":["policyDocument"]});
const __vite_ssr_import_38__ = await __vite_ssr_import__("/dist/test-modules/shims/constructs/security-group.cjs", {"importedNames":["SecurityGroupWithRules"]});
const __vite_ssr_import_39__ = await __vite_ssr_import__("/dist/test-modules/shims/constructs/service-role.cjs", {"importedNames":["ServiceRole"]});
const __vite_ssr_import_40__ = await __vite_ssr_import__("/dist/test-modules/shims/guardrails.cjs", {"importedNames":["GUARDRAIL_REPORT_FILE","GuardrailViolationError","RULES","applyGuardrails","collectFindings","formatGuardrailReport","suppress","synthesizeWithGuardrails"]});
const __vite_ssr_import_41__ = await __vite_ssr_import__("/__tests__/support/optional-sections.ts", {"importedNames":["synthWithOptionalSections"]});
const __vite_ssr_import_42__ = await __vite_ssr_import__("/__tests__/support/synth.ts", {"importedNames":["synthEnvironment"]});
const __vite_ssr_import_43__ = await __vite_ssr_import__("/__tests__/support/test-app.ts", {"importedNames":["testApp"]});












































const KEY = "arn:aws:kms:us-east-1:111111111111:key/11111111-2222-3333-4444-555555555555";
const ACCOUNT = "111111111111";
function guarded(build, production = false) {
  const app = (0,__vite_ssr_import_43__.testApp)();
  const stack = new __vite_ssr_import_30__.TerraformStack(app, "test");
  (0,__vite_ssr_import_40__.applyGuardrails)(stack, { production });
  build(stack);
  return { app, reports: (0,__vite_ssr_import_40__.collectFindings)(app) };
}
function findings(build, production = false) {
  return guarded(build, production).reports.flatMap((r) => r.findings);
}
const database = (scope, id, overrides = {}) => new __vite_ssr_import_7__.DbInstance(scope, id, {
  identifier: id,
  engine: "postgres",
  instanceClass: "db.t4g.micro",
  allocatedStorage: 20,
  storageEncrypted: true,
  kmsKeyId: KEY,
  manageMasterUserPassword: true,
  ...overrides
});
const bucket = (scope, id, options = {}) => {
  const resource = new __vite_ssr_import_19__.S3Bucket(scope, id, { bucket: `bucket-${id}` });
  new __vite_ssr_import_21__.S3BucketPublicAccessBlock(scope, `${id}_block`, {
    bucket: resource.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true
  });
  new __vite_ssr_import_22__.S3BucketServerSideEncryptionConfigurationA(scope, `${id}_encryption`, {
    bucket: resource.id,
    rule: [
      {
        applyServerSideEncryptionByDefault: options.encryption === "sse-s3" ? { sseAlgorithm: "AES256" } : { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }
      }
    ]
  });
  new __vite_ssr_import_20__.S3BucketPolicy(scope, `${id}_policy`, {
    bucket: resource.id,
    policy: (0,__vite_ssr_import_37__.policyDocument)([
      {
        sid: "DenyWithoutTls",
        effect: "Deny",
        principals: "*",
        actions: ["s3:*"],
        resources: [resource.arn, `${resource.arn}/*`],
        conditions: { Bool: { "aws:SecureTransport": "false" } }
      },
      ...options.grants ?? []
    ])
  });
  return resource;
};
const taskDefinition = (scope, id, environment, container = {}) => new __vite_ssr_import_12__.EcsTaskDefinition(scope, id, {
  family: "api",
  containerDefinitions: JSON.stringify([
    {
      name: "api",
      image: "api:1",
      user: "1000:1000",
      readonlyRootFilesystem: true,
      ...container,
      environment,
      secrets: [{ name: "OPENAI_API_KEY", valueFrom: "arn:aws:secretsmanager:us-east-1:111111111111:secret:openai" }]
    }
  ])
});
const CASES = {
  "VP-S3-1": {
    unsafe: (s) => new __vite_ssr_import_19__.S3Bucket(s, "unsafe", { bucket: "unsafe-bucket" }),
    safe: (s) => bucket(s, "safe"),
    message: /no aws_s3_bucket_public_access_block/
  },
  "VP-S3-2": {
    unsafe: (s) => bucket(s, "unsafe", { encryption: "sse-s3" }),
    // SSE-S3 is the exception for a bucket that receives S3 server access logs.
    safe: (s) => bucket(s, "safe", {
      encryption: "sse-s3",
      grants: [
        { sid: "AccessLogs", principals: { Service: "logging.s3.amazonaws.com" }, actions: ["s3:PutObject"], resources: ["arn:aws:s3:::bucket-safe/*"] }
      ]
    }),
    message: /uses SSE-S3 \(AES256\) but receives no S3 or ALB access logs/
  },
  "VP-S3-3": {
    unsafe: (s) => {
      const resource = new __vite_ssr_import_19__.S3Bucket(s, "unsafe", { bucket: "unsafe-bucket" });
      new __vite_ssr_import_20__.S3BucketPolicy(s, "unsafe_policy", {
        bucket: resource.id,
        policy: (0,__vite_ssr_import_37__.policyDocument)([{ sid: "ReadOwnAccount", principals: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, actions: ["s3:GetObject"], resources: [`${resource.arn}/*`] }])
      });
    },
    safe: (s) => bucket(s, "safe"),
    message: /no bucket policy statement denies requests without TLS/
  },
  "VP-KMS-1": {
    unsafe: (s) => new __vite_ssr_import_14__.KmsKey(s, "unsafe", { enableKeyRotation: false }),
    safe: (s) => new __vite_ssr_import_36__.EncryptionKey(s, "safe", { alias: "safe", description: "safe", accountId: ACCOUNT, deletionWindowDays: 7, rotationPeriodDays: 365 }),
    message: /enable_key_rotation is not true/
  },
  "VP-RDS-1": {
    unsafe: (s) => database(s, "unsafe", { storageEncrypted: false, kmsKeyId: void 0 }),
    safe: (s) => database(s, "safe", { performanceInsightsEnabled: true, performanceInsightsKmsKeyId: KEY }),
    message: /kms_key_id is not set.*storage_encrypted is not true/
  },
  "VP-RDS-2": {
    unsafe: (s) => database(s, "unsafe", { publiclyAccessible: true }),
    safe: (s) => database(s, "safe", { publiclyAccessible: false }),
    message: /publicly_accessible is true/
  },
  "VP-RDS-3": {
    unsafe: (s) => {
      const group = new __vite_ssr_import_8__.DbParameterGroup(s, "unsafe_parameters", { family: "postgres15", parameter: [{ name: "log_statement", value: "ddl" }] });
      database(s, "unsafe", { parameterGroupName: group.name });
    },
    safe: (s) => {
      const group = new __vite_ssr_import_8__.DbParameterGroup(s, "safe_parameters", { family: "postgres15", parameter: [{ name: "rds.force_ssl", value: "1" }] });
      database(s, "safe", { parameterGroupName: group.name });
    },
    message: /does not force SSL/
  },
  "VP-RDS-4": {
    production: true,
    unsafe: (s) => database(s, "unsafe", { deletionProtection: false, skipFinalSnapshot: true }),
    safe: (s) => database(s, "safe", { deletionProtection: true, finalSnapshotIdentifier: "safe-final" }),
    message: /deletion_protection is not true; skip_final_snapshot is true/
  },
  "VP-REDIS-1": {
    unsafe: (s) => new __vite_ssr_import_13__.ElasticacheReplicationGroup(s, "unsafe", { replicationGroupId: "unsafe", description: "x", atRestEncryptionEnabled: "false" }),
    safe: (s) => new __vite_ssr_import_13__.ElasticacheReplicationGroup(s, "safe", { replicationGroupId: "safe", description: "x", atRestEncryptionEnabled: "true", kmsKeyId: KEY }),
    message: /at_rest_encryption_enabled is not true/
  },
  "VP-REDIS-2": {
    unsafe: (s) => new __vite_ssr_import_13__.ElasticacheReplicationGroup(s, "unsafe", { replicationGroupId: "unsafe", description: "x", transitEncryptionEnabled: false }),
    safe: (s) => new __vite_ssr_import_13__.ElasticacheReplicationGroup(s, "safe", { replicationGroupId: "safe", description: "x", transitEncryptionEnabled: true, transitEncryptionMode: "required" }),
    message: /transit_encryption_enabled is not true/
  },
  "VP-NET-1": {
    unsafe: (s) => {
      const group = new __vite_ssr_import_38__.SecurityGroupWithRules(s, "unsafe", { name: "bastion", description: "x", vpcId: "vpc-1" });
      group.allowIngressFromCidr("ssh", "0.0.0.0/0", 22, "SSH from anywhere");
    },
    // An internet-facing ALB's group may take 80/443 from anywhere.
    safe: (s) => {
      const group = new __vite_ssr_import_38__.SecurityGroupWithRules(s, "safe", { name: "alb", description: "x", vpcId: "vpc-1" });
      group.allowIngressFromCidr("https", "0.0.0.0/0", 443, "HTTPS from anywhere");
      new __vite_ssr_import_16__.Lb(s, "alb", { securityGroups: [group.id], subnets: ["subnet-1", "subnet-2"] });
    },
    message: /ingress from 0\.0\.0\.0\/0 on port 22/
  },
  "VP-NET-2": {
    unsafe: (s) => new __vite_ssr_import_27__.Subnet(s, "unsafe", { vpcId: "vpc-1", cidrBlock: "10.0.0.0/24", mapPublicIpOnLaunch: true }),
    safe: (s) => new __vite_ssr_import_27__.Subnet(s, "safe", { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24", mapPublicIpOnLaunch: false }),
    message: /map_public_ip_on_launch is true/
  },
  "VP-NET-3": {
    unsafe: (s) => new __vite_ssr_import_28__.VpcSecurityGroupEgressRule(s, "unsafe", { securityGroupId: "sg-1", cidrIpv4: "0.0.0.0/0", ipProtocol: "-1" }),
    safe: (s) => {
      const group = new __vite_ssr_import_38__.SecurityGroupWithRules(s, "safe", { name: "tasks", description: "x", vpcId: "vpc-1" });
      group.allowEgressToCidr("https", "0.0.0.0/0", 443, "HTTPS APIs");
    },
    message: /egress allows every protocol and port to anywhere/
  },
  "VP-IAM-1": {
    unsafe: (s) => new __vite_ssr_import_39__.ServiceRole(s, "unsafe", { name: "unsafe", assumedBy: "ecs-tasks.amazonaws.com", statements: [{ sid: "Everything", actions: ["s3:*"], resources: ["arn:aws:s3:::b/*"] }] }),
    safe: (s) => new __vite_ssr_import_39__.ServiceRole(s, "safe", { name: "safe", assumedBy: "ecs-tasks.amazonaws.com", statements: [{ sid: "Read", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }] }),
    message: /statement "Everything" allows s3:\*/
  },
  "VP-IAM-2": {
    unsafe: (s) => new __vite_ssr_import_39__.ServiceRole(s, "unsafe", {
      name: "unsafe",
      assumedBy: "ecs-tasks.amazonaws.com",
      statements: [{ sid: "AnySecret", actions: ["secretsmanager:GetSecretValue"], resources: ["*"] }]
    }),
    safe: (s) => new __vite_ssr_import_39__.ServiceRole(s, "safe", {
      name: "safe",
      assumedBy: "ecs-tasks.amazonaws.com",
      statements: [
        { sid: "OneSecret", actions: ["secretsmanager:GetSecretValue"], resources: ["arn:aws:secretsmanager:us-east-1:111111111111:secret:x"] },
        // Actions without resource-level permissions may use "*".
        { sid: "Metrics", actions: ["cloudwatch:PutMetricData", "ecr:GetAuthorizationToken"], resources: ["*"] }
      ]
    }),
    message: /statement "AnySecret" allows secretsmanager:GetSecretValue on \*/
  },
  "VP-IAM-3": {
    unsafe: (s) => {
      const topic = new __vite_ssr_import_24__.SnsTopic(s, "topic", { kmsMasterKeyId: KEY });
      new __vite_ssr_import_25__.SnsTopicPolicy(s, "unsafe", { arn: topic.arn, policy: (0,__vite_ssr_import_37__.policyDocument)([{ sid: "Anyone", principals: "*", actions: ["sns:Publish"], resources: [topic.arn] }]) });
    },
    safe: (s) => {
      const topic = new __vite_ssr_import_24__.SnsTopic(s, "topic", { kmsMasterKeyId: KEY });
      new __vite_ssr_import_25__.SnsTopicPolicy(s, "safe", {
        arn: topic.arn,
        policy: (0,__vite_ssr_import_37__.policyDocument)([
          { sid: "ThisAccount", principals: "*", actions: ["sns:Publish"], resources: [topic.arn], conditions: { StringEquals: { "aws:SourceAccount": ACCOUNT } } }
        ])
      });
    },
    message: /statement "Anyone" allows everyone/
  },
  "VP-LOG-1": {
    unsafe: (s) => new __vite_ssr_import_5__.CloudwatchLogGroup(s, "unsafe", { name: "/unsafe", kmsKeyId: KEY }),
    safe: (s) => new __vite_ssr_import_35__.EncryptedLogGroup(s, "safe", { name: "/safe", kmsKeyArn: KEY, retentionDays: 30 }),
    message: /retention_in_days is not set/
  },
  "VP-LOG-2": {
    unsafe: (s) => new __vite_ssr_import_5__.CloudwatchLogGroup(s, "unsafe", { name: "/unsafe", retentionInDays: 30 }),
    safe: (s) => new __vite_ssr_import_35__.EncryptedLogGroup(s, "safe", { name: "/safe", kmsKeyArn: KEY, retentionDays: 30 }),
    message: /kms_key_id is not set/
  },
  "VP-LOG-3": {
    unsafe: (s) => database(s, "unsafe", { enabledCloudwatchLogsExports: ["postgresql", "upgrade"] }),
    safe: (s) => {
      database(s, "safe", { enabledCloudwatchLogsExports: ["postgresql"] });
      new __vite_ssr_import_35__.EncryptedLogGroup(s, "safe_postgresql", { name: "/aws/rds/instance/safe/postgresql", kmsKeyArn: KEY, retentionDays: 30 });
    },
    message: /RDS would create never-expiring log groups for postgresql, upgrade/
  },
  "VP-LOG-4": {
    unsafe: (s) => new __vite_ssr_import_4__.Cloudtrail(s, "unsafe", { name: "unsafe", s3BucketName: "trail-bucket" }),
    safe: (s) => new __vite_ssr_import_4__.Cloudtrail(s, "safe", { name: "safe", s3BucketName: "trail-bucket", kmsKeyId: KEY }),
    message: /kms_key_id is not set/
  },
  "VP-SEC-1": {
    unsafe: (s) => new __vite_ssr_import_23__.SecretsmanagerSecret(s, "unsafe", { name: "unsafe" }),
    safe: (s) => new __vite_ssr_import_34__.AppSecret(s, "safe", { name: "dev/x/safe", description: "x", kmsKeyArn: KEY, recoveryWindowDays: 7 }),
    message: /kms_key_id is not set/
  },
  "VP-SEC-2": {
    unsafe: (s) => database(s, "unsafe", { manageMasterUserPassword: void 0, username: "app", password: "correct-horse-battery" }),
    safe: (s) => database(s, "safe", { manageMasterUserPassword: true }),
    message: /password is a literal/
  },
  "VP-SEC-3": {
    unsafe: (s) => new __vite_ssr_import_30__.TerraformOutput(s, "unsafe", { value: new __vite_ssr_import_29__.Password(s, "token", { length: 32 }).result }),
    safe: (s) => new __vite_ssr_import_30__.TerraformOutput(s, "safe", { value: new __vite_ssr_import_29__.Password(s, "token", { length: 32 }).result, sensitive: true }),
    message: /reads random_password but the output is not sensitive/
  },
  "VP-ECS-1": {
    unsafe: (s) => new __vite_ssr_import_11__.EcsService(s, "unsafe", { name: "unsafe", networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: true } }),
    safe: (s) => new __vite_ssr_import_11__.EcsService(s, "safe", { name: "safe", networkConfiguration: { subnets: ["subnet-1"], assignPublicIp: false } }),
    message: /assign_public_ip is true/
  },
  "VP-ECS-2": {
    unsafe: (s) => taskDefinition(s, "unsafe", [{ name: "OPENAI_API_KEY", value: "not-really-but-literal" }]),
    safe: (s) => taskDefinition(s, "safe", [{ name: "LOG_LEVEL", value: "info" }, { name: "JWT_SECRET_ARN", value: "arn:aws:secretsmanager:us-east-1:1:secret:jwt" }]),
    message: /api: OPENAI_API_KEY is named like a secret and set to a literal/
  },
  "VP-ECS-3": {
    unsafe: (s) => taskDefinition(s, "unsafe", [], { user: void 0, readonlyRootFilesystem: false }),
    safe: (s) => taskDefinition(s, "safe", []),
    message: /api runs as root; api has a writable root filesystem/
  },
  "VP-ECR-1": {
    unsafe: (s) => new __vite_ssr_import_10__.EcrRepository(s, "unsafe", { name: "unsafe" }),
    safe: (s) => new __vite_ssr_import_10__.EcrRepository(s, "safe", { name: "safe", encryptionConfiguration: [{ encryptionType: "KMS", kmsKey: KEY }] }),
    message: /encryption_type is not KMS/
  },
  "VP-EBS-1": {
    unsafe: (s) => new __vite_ssr_import_9__.EbsVolume(s, "unsafe", { availabilityZone: "us-east-1a", size: 10, encrypted: false }),
    safe: (s) => new __vite_ssr_import_9__.EbsVolume(s, "safe", { availabilityZone: "us-east-1a", size: 10, encrypted: true, kmsKeyId: KEY }),
    message: /volume is not encrypted/
  },
  "VP-ELB-1": {
    unsafe: (s) => new __vite_ssr_import_17__.LbListener(s, "unsafe", { loadBalancerArn: "arn:lb", port: 443, protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08", defaultAction: [{ type: "forward", targetGroupArn: "arn:tg" }] }),
    safe: (s) => new __vite_ssr_import_17__.LbListener(s, "safe", {
      loadBalancerArn: "arn:lb",
      port: 443,
      protocol: "HTTPS",
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      defaultAction: [{ type: "forward", targetGroupArn: "arn:tg" }]
    }),
    message: /ssl_policy ELBSecurityPolicy-2016-08 accepts TLS older than 1\.2/
  },
  "VP-ELB-2": {
    production: true,
    unsafe: (s) => new __vite_ssr_import_17__.LbListener(s, "unsafe", { loadBalancerArn: "arn:lb", port: 80, protocol: "HTTP", defaultAction: [{ type: "forward", targetGroupArn: "arn:tg" }] }),
    safe: (s) => new __vite_ssr_import_17__.LbListener(s, "safe", {
      loadBalancerArn: "arn:lb",
      port: 80,
      protocol: "HTTP",
      defaultAction: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]
    }),
    message: /serves traffic instead of redirecting to HTTPS/
  },
  "VP-ELB-3": {
    production: true,
    unsafe: (s) => new __vite_ssr_import_16__.Lb(s, "unsafe", { subnets: ["subnet-1"], enableDeletionProtection: false }),
    safe: (s) => new __vite_ssr_import_16__.Lb(s, "safe", { subnets: ["subnet-1"], enableDeletionProtection: true }),
    message: /enable_deletion_protection is not true/
  },
  "VP-ELB-4": {
    unsafe: (s) => new __vite_ssr_import_17__.LbListener(s, "unsafe", {
      loadBalancerArn: "arn:lb",
      port: 443,
      protocol: "HTTPS",
      sslPolicy: "ELBSecurityPolicy-TLS-1-2-2017-01",
      defaultAction: [{ type: "forward", targetGroupArn: "arn:tg" }]
    }),
    safe: (s) => new __vite_ssr_import_17__.LbListener(s, "safe", {
      loadBalancerArn: "arn:lb",
      port: 443,
      protocol: "HTTPS",
      sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06",
      defaultAction: [{ type: "forward", targetGroupArn: "arn:tg" }]
    }),
    message: /does not offer TLS 1\.3/
  },
  "VP-SNS-1": {
    unsafe: (s) => new __vite_ssr_import_24__.SnsTopic(s, "unsafe", { name: "unsafe" }),
    safe: (s) => new __vite_ssr_import_24__.SnsTopic(s, "safe", { name: "safe", kmsMasterKeyId: KEY }),
    message: /kms_master_key_id is not a CMK/
  },
  "VP-SQS-1": {
    unsafe: (s) => new __vite_ssr_import_26__.SqsQueue(s, "unsafe", { name: "unsafe", sqsManagedSseEnabled: true }),
    safe: (s) => new __vite_ssr_import_26__.SqsQueue(s, "safe", { name: "safe", kmsMasterKeyId: KEY }),
    message: /kms_master_key_id is not a CMK/
  },
  "VP-BAK-1": {
    unsafe: (s) => new __vite_ssr_import_3__.BackupVault(s, "unsafe", { name: "unsafe" }),
    safe: (s) => new __vite_ssr_import_3__.BackupVault(s, "safe", { name: "safe", kmsKeyArn: KEY }),
    message: /kms_key_arn is not set/
  }
};
(0,__vite_ssr_import_32__.describe)("every guardrail rule", () => {
  (0,__vite_ssr_import_32__.it)("has an unsafe and a safe case below", () => {
    (0,__vite_ssr_import_32__.expect)(Object.keys(CASES).sort()).toEqual(__vite_ssr_import_40__.RULES.map((r) => r.id).sort());
  });
  (0,__vite_ssr_import_32__.it)("is listed in the README's rule table with its level", () => {
    const readme = (0,__vite_ssr_import_0__.readFileSync)((0,__vite_ssr_import_2__.join)(__dirname, "..", "..", "README.md"), "utf8");
    for (const rule of __vite_ssr_import_40__.RULES) (0,__vite_ssr_import_32__.expect)(readme).toContain(`| \`${rule.id}\` | ${rule.level} | ${rule.description} |`);
  });
  __vite_ssr_import_32__.it.each(__vite_ssr_import_40__.RULES.map((r) => [r.id, r]))("%s flags its unsafe construct with stack, path and fix", (id, rule) => {
    const { unsafe, production, message } = CASES[id];
    const flagged = findings(unsafe, production).filter((f) => f.ruleId === id);
    (0,__vite_ssr_import_32__.expect)(flagged.length).toBeGreaterThan(0);
    (0,__vite_ssr_import_32__.expect)(flagged[0]).toMatchObject({ level: rule.level, stack: "test", path: __vite_ssr_import_32__.expect.stringMatching(/^test\/unsafe/) });
    (0,__vite_ssr_import_32__.expect)(flagged[0].message).toMatch(message);
    (0,__vite_ssr_import_32__.expect)(flagged[0].message).toContain(`Fix: ${rule.fix}`);
  });
  __vite_ssr_import_32__.it.each(__vite_ssr_import_40__.RULES.map((r) => [r.id]))("%s passes its compliant counterpart", (id) => {
    const { safe, production } = CASES[id];
    (0,__vite_ssr_import_32__.expect)(findings(safe, production).filter((f) => f.ruleId === id)).toEqual([]);
  });
});
(0,__vite_ssr_import_32__.describe)("rule details", () => {
  (0,__vite_ssr_import_32__.it)("a partial public access block names the settings left off", () => {
    const found = findings((s) => {
      const resource = new __vite_ssr_import_19__.S3Bucket(s, "unsafe", { bucket: "b" });
      new __vite_ssr_import_21__.S3BucketPublicAccessBlock(s, "block", { bucket: resource.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: false });
    });
    (0,__vite_ssr_import_32__.expect)(found.find((f) => f.ruleId === "VP-S3-1")?.message).toMatch(/leaves restrict_public_buckets off/);
  });
  (0,__vite_ssr_import_32__.it)("SSE-KMS without a key means the AWS-managed key", () => {
    const found = findings((s) => {
      const resource = new __vite_ssr_import_19__.S3Bucket(s, "unsafe", { bucket: "b" });
      new __vite_ssr_import_22__.S3BucketServerSideEncryptionConfigurationA(s, "sse", { bucket: resource.id, rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] });
    });
    (0,__vite_ssr_import_32__.expect)(found.find((f) => f.ruleId === "VP-S3-2")?.message).toMatch(/AWS-managed aws\/s3 key/);
  });
  (0,__vite_ssr_import_32__.it)("production-only rules stay quiet outside prod", () => {
    const dev = findings((s) => {
      database(s, "db", { deletionProtection: false, skipFinalSnapshot: true });
      new __vite_ssr_import_16__.Lb(s, "alb", { subnets: ["subnet-1"] });
      new __vite_ssr_import_17__.LbListener(s, "http", { loadBalancerArn: "arn:lb", port: 80, protocol: "HTTP", defaultAction: [{ type: "forward", targetGroupArn: "arn:tg" }] });
    });
    (0,__vite_ssr_import_32__.expect)(dev.filter((f) => ["VP-RDS-4", "VP-ELB-2", "VP-ELB-3"].includes(f.ruleId))).toEqual([]);
  });
  (0,__vite_ssr_import_32__.it)("a cross-region read replica needs its own key; a same-region one inherits it", () => {
    const found = findings((s) => {
      database(s, "primary");
      database(s, "local_replica", { replicateSourceDb: "primary", kmsKeyId: void 0, storageEncrypted: void 0 });
      database(s, "unsafe_dr_replica", { replicateSourceDb: "arn:aws:rds:us-east-1:111111111111:db:primary", kmsKeyId: void 0 });
    }).filter((f) => f.ruleId === "VP-RDS-1");
    (0,__vite_ssr_import_32__.expect)(found.map((f) => f.path)).toEqual(["test/unsafe_dr_replica"]);
  });
  (0,__vite_ssr_import_32__.it)("an instance on the default parameter group does not force SSL", () => {
    const found = findings((s) => database(s, "unsafe"));
    (0,__vite_ssr_import_32__.expect)(found.find((f) => f.ruleId === "VP-RDS-3")?.message).toMatch(/parameter_group_name is not set/);
  });
  (0,__vite_ssr_import_32__.it)("policies from aws_iam_policy_document data sources are read too", async () => {
    const { DataAwsIamPolicyDocument } = await __vite_ssr_dynamic_import__("@cdktf/provider-aws/lib/data-aws-iam-policy-document");
    const { IamRolePolicy } = await __vite_ssr_dynamic_import__("@cdktf/provider-aws/lib/iam-role-policy");
    const found = findings((s) => {
      const document = new DataAwsIamPolicyDocument(s, "document", { statement: [{ actions: ["*"], resources: ["*"] }] });
      new IamRolePolicy(s, "unsafe", { role: "r", policy: document.json });
    });
    (0,__vite_ssr_import_32__.expect)(found.filter((f) => f.path === "test/unsafe").map((f) => f.ruleId).sort()).toEqual(["VP-IAM-1", "VP-IAM-2"]);
  });
  (0,__vite_ssr_import_32__.it)("KMS key policies may say Resource * and kms:* for the account root", () => {
    const found = findings(
      (s) => new __vite_ssr_import_36__.EncryptionKey(s, "key", { alias: "k", description: "k", accountId: ACCOUNT, deletionWindowDays: 7, rotationPeriodDays: 365 })
    );
    (0,__vite_ssr_import_32__.expect)(found).toEqual([]);
  });
  __vite_ssr_import_32__.it.each([
    ["before synth (synthesized in memory)", false],
    ["after app.synth() (read from what synth wrote)", true]
  ])("world-open 443 is an error when anything but an ALB uses the group, across stacks too, %s", (_, synthFirst) => {
    const reportsWith = (tasksUseTheGroup) => {
      const app = (0,__vite_ssr_import_43__.testApp)();
      const network = new __vite_ssr_import_30__.TerraformStack(app, "network");
      const compute = new __vite_ssr_import_30__.TerraformStack(app, "compute");
      for (const stack of [network, compute]) new __vite_ssr_import_18__.AwsProvider(stack, "aws", { region: "us-east-1" });
      (0,__vite_ssr_import_40__.applyGuardrails)(network, { production: false });
      const group = new __vite_ssr_import_38__.SecurityGroupWithRules(network, "shared", { name: "shared", description: "x", vpcId: "vpc-1" });
      group.allowIngressFromCidr("https", "0.0.0.0/0", 443, "HTTPS from anywhere");
      new __vite_ssr_import_16__.Lb(compute, "alb", { securityGroups: [group.id], subnets: ["subnet-1"] });
      if (tasksUseTheGroup) {
        new __vite_ssr_import_11__.EcsService(compute, "tasks", { name: "tasks", networkConfiguration: { subnets: ["subnet-1"], securityGroups: [group.id] } });
      };
      if (synthFirst) app.synth();
      return (0,__vite_ssr_import_40__.collectFindings)(app).flatMap((r) => r.findings);
    };
    (0,__vite_ssr_import_32__.expect)(reportsWith(false)).toEqual([]);
    (0,__vite_ssr_import_32__.expect)(reportsWith(true)).toEqual([__vite_ssr_import_32__.expect.objectContaining({ ruleId: "VP-NET-1", stack: "network", path: "network/shared/ingress_https" })]);
  });
  (0,__vite_ssr_import_32__.it)("finds credentials in any attribute, but not behind references", () => {
    const found = findings((s) => {
      new __vite_ssr_import_18__.AwsProvider(s, "aws", { region: "us-east-1", accessKey: "AKIAABCDEFGHIJKLMNOP" });
      new __vite_ssr_import_23__.SecretsmanagerSecret(s, "unsafe_url", { name: "url", kmsKeyId: KEY, description: "postgres://app:hunter2@db.internal:5432/app" });
      const password = new __vite_ssr_import_29__.Password(s, "password", { length: 32 });
      new __vite_ssr_import_23__.SecretsmanagerSecret(s, "safe_url", { name: "url2", kmsKeyId: KEY, description: `postgres://app:${password.result}@db.internal:5432/app` });
      new __vite_ssr_import_6__.CognitoUserPoolClient(s, "client", { name: "app", userPoolId: "pool", tokenValidityUnits: [{ accessToken: "minutes", idToken: "minutes", refreshToken: "days" }] });
    }).filter((f) => f.ruleId === "VP-SEC-2");
    (0,__vite_ssr_import_32__.expect)(found.map((f) => [f.path, f.message.split(". Fix")[0]])).toEqual([
      ["test/aws", "access_key is a literal"],
      ["test/unsafe_url", "description contains a URL with an embedded password"]
    ]);
  });
  (0,__vite_ssr_import_32__.it)("container variables that look like keys are flagged whatever their name", () => {
    const found = findings((s) => taskDefinition(s, "task", [{ name: "UPSTREAM", value: "sk-proj-abcdefghijklmnopqrstuvwxyz012345" }, { name: "SEED", value: "f3Zq9LmX2pR7tK1wB8nC4vY6" }]));
    (0,__vite_ssr_import_32__.expect)(found.find((f) => f.ruleId === "VP-ECS-2")?.message).toMatch(/UPSTREAM contains an OpenAI-style secret key; api: SEED looks like a key/);
  });
  (0,__vite_ssr_import_32__.it)("Lambda functions: literal secrets in their environment and log groups they would create themselves", () => {
    const found = findings((s) => {
      new __vite_ssr_import_15__.LambdaFunction(s, "unsafe", { functionName: "lookup", role: "arn:role", packageType: "Image", imageUri: "x:1", environment: { variables: { TWILIO_AUTH_TOKEN: "abc123" } } });
    });
    (0,__vite_ssr_import_32__.expect)(found.filter((f) => f.path === "test/unsafe").map((f) => [f.ruleId, f.message.split(". Fix")[0]])).toEqual([
      ["VP-LOG-3", "Lambda would create a never-expiring /aws/lambda/lookup"],
      ["VP-SEC-2", "environment.variables.TWILIO_AUTH_TOKEN is a literal"],
      ["VP-ECS-2", "function: TWILIO_AUTH_TOKEN is named like a secret and set to a literal"]
    ]);
  });
  (0,__vite_ssr_import_32__.it)("a rule that throws counts as a violation, never as a pass", () => {
    const found = findings((s) => new __vite_ssr_import_26__.SqsQueue(s, "queue", { kmsMasterKeyId: KEY, policy: "{ not json" }));
    (0,__vite_ssr_import_32__.expect)(found).toEqual([
      __vite_ssr_import_32__.expect.objectContaining({ ruleId: "VP-IAM-1", level: "error", path: "test/queue", message: __vite_ssr_import_32__.expect.stringMatching(/could not be evaluated/) }),
      __vite_ssr_import_32__.expect.objectContaining({ ruleId: "VP-IAM-3", level: "error", path: "test/queue", message: __vite_ssr_import_32__.expect.stringMatching(/could not be evaluated/) })
    ]);
  });
  (0,__vite_ssr_import_32__.it)("a stack rule that throws fails on the stack", () => {
    const found = findings((s) => {
      const resource = new __vite_ssr_import_19__.S3Bucket(s, "bucket", { bucket: "b" });
      new __vite_ssr_import_20__.S3BucketPolicy(s, "policy", { bucket: resource.id, policy: "{ not json" });
    });
    (0,__vite_ssr_import_32__.expect)(found.find((f) => f.ruleId === "VP-S3-3")).toMatchObject({ path: "test", message: __vite_ssr_import_32__.expect.stringMatching(/could not be evaluated/) });
    (0,__vite_ssr_import_32__.expect)(found.find((f) => f.ruleId === "VP-S3-1")).toMatchObject({ path: "test/bucket" });
  });
});
(0,__vite_ssr_import_32__.describe)("suppressions", () => {
  const reason = "Access-log target of the edge ALB; AWS requires SSE-S3 here";
  (0,__vite_ssr_import_32__.it)("move the finding to the report's suppressed list with the reason", () => {
    const { reports } = guarded((s) => {
      const logs = new __vite_ssr_import_31__.Construct(s, "logs");
      bucket(logs, "Resource", { encryption: "sse-s3" });
      (0,__vite_ssr_import_40__.suppress)(logs, { id: "VP-S3-2", reason });
    });
    (0,__vite_ssr_import_32__.expect)(reports[0].findings).toEqual([]);
    (0,__vite_ssr_import_32__.expect)(reports[0].suppressed).toEqual([
      __vite_ssr_import_32__.expect.objectContaining({ ruleId: "VP-S3-2", path: "test/logs/Resource", suppressedAt: "test/logs", reason })
    ]);
    (0,__vite_ssr_import_32__.expect)((0,__vite_ssr_import_40__.formatGuardrailReport)(reports)).toContain(`reason (at test/logs): ${reason}`);
  });
  (0,__vite_ssr_import_32__.it)("cover only the named rule", () => {
    const { reports } = guarded((s) => {
      (0,__vite_ssr_import_40__.suppress)(new __vite_ssr_import_19__.S3Bucket(s, "bucket", { bucket: "b" }), { id: "VP-S3-2", reason });
    });
    (0,__vite_ssr_import_32__.expect)(reports[0].findings.map((f) => f.ruleId).sort()).toEqual(["VP-S3-1", "VP-S3-3"]);
  });
  (0,__vite_ssr_import_32__.it)("require a written reason, a known rule and a construct below the stack", () => {
    const app = (0,__vite_ssr_import_43__.testApp)();
    const stack = new __vite_ssr_import_30__.TerraformStack(app, "test");
    const target = new __vite_ssr_import_19__.S3Bucket(stack, "bucket", { bucket: "b" });
    (0,__vite_ssr_import_32__.expect)(() => (0,__vite_ssr_import_40__.suppress)(target, { id: "VP-S3-2", reason: "log bucket" })).toThrow(/at least 20 characters/);
    (0,__vite_ssr_import_32__.expect)(() => (0,__vite_ssr_import_40__.suppress)(target, { id: "VP-S3-2", reason: "                         " })).toThrow(/at least 20 characters/);
    (0,__vite_ssr_import_32__.expect)(() => (0,__vite_ssr_import_40__.suppress)(target, { id: "VP-S3-9", reason })).toThrow(/unknown guardrail rule "VP-S3-9"/);
    (0,__vite_ssr_import_32__.expect)(() => (0,__vite_ssr_import_40__.suppress)(stack, { id: "VP-S3-2", reason })).toThrow(/not on a whole stack/);
  });
});
__vite_ssr_import_32__.describe.each(Object.keys((0,__vite_ssr_import_33__.ENVIRONMENTS)))("shipped environment %s", (env) => {
  const synth = (0,__vite_ssr_import_42__.synthEnvironment)(env);
  (0,__vite_ssr_import_32__.it)("passes the guardrails in every stack with zero errors", () => {
    const reports = (0,__vite_ssr_import_40__.collectFindings)(synth.stacks.secretsKms.node.root);
    (0,__vite_ssr_import_32__.expect)(reports.map((r) => r.stack).sort()).toEqual([...synth.stackIds].sort());
    const errors = reports.flatMap((r) => r.findings).filter((f) => f.level === "error");
    (0,__vite_ssr_import_32__.expect)(errors.map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
  });
});
(0,__vite_ssr_import_32__.describe)("optional sections", () => {
  const synth = (0,__vite_ssr_import_41__.synthWithOptionalSections)("prod");
  (0,__vite_ssr_import_32__.it)("prod with dynamodb, functions, identity and parameters passes with zero errors", () => {
    const errors = (0,__vite_ssr_import_40__.collectFindings)(synth.stacks.secretsKms.node.root).flatMap((r) => r.findings).filter((f) => f.level === "error");
    (0,__vite_ssr_import_32__.expect)(errors.map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
  });
});
(0,__vite_ssr_import_32__.describe)("all-or-nothing synth", () => {
  const scratchRoot = () => (0,__vite_ssr_import_0__.mkdtempSync)((0,__vite_ssr_import_2__.join)((0,__vite_ssr_import_1__.tmpdir)(), "voice-infra-guarded-"));
  const unsafeApp = (outdir) => {
    const app = new __vite_ssr_import_30__.App({ outdir });
    for (const id of ["first", "second"]) {
      const stack = new __vite_ssr_import_30__.TerraformStack(app, id);
      new __vite_ssr_import_18__.AwsProvider(stack, "aws", { region: "us-east-1" });
      (0,__vite_ssr_import_40__.applyGuardrails)(stack, { production: false });
      new __vite_ssr_import_14__.KmsKey(stack, "key", { enableKeyRotation: false });
    };
    return { app };
  };
  (0,__vite_ssr_import_32__.it)("fails listing every error of every stack and leaves the previous output untouched", () => {
    const root = scratchRoot();
    const outdir = (0,__vite_ssr_import_2__.join)(root, "cdktf.out");
    (0,__vite_ssr_import_40__.synthesizeWithGuardrails)(outdir, (dir) => ({ app: new __vite_ssr_import_30__.App({ outdir: dir }) }), () => {
    });
    (0,__vite_ssr_import_0__.writeFileSync)((0,__vite_ssr_import_2__.join)(outdir, "previous.txt"), "from the last good synth");
    const before = (0,__vite_ssr_import_0__.readdirSync)(outdir).sort();
    let error;
    try {
      (0,__vite_ssr_import_40__.synthesizeWithGuardrails)(outdir, unsafeApp, () => {
      });
    } catch (caught) {
      error = caught;
    };
    (0,__vite_ssr_import_32__.expect)(error).toBeInstanceOf((0,__vite_ssr_import_40__.GuardrailViolationError));
    const message = error.message;
    (0,__vite_ssr_import_32__.expect)(message).toMatch(/Guardrails: 2 errors/);
    (0,__vite_ssr_import_32__.expect)(message).toMatch(/ERROR +VP-KMS-1 +first +first\/key \(aws_kms_key\.key\)/);
    (0,__vite_ssr_import_32__.expect)(message).toMatch(/ERROR +VP-KMS-1 +second +second\/key/);
    (0,__vite_ssr_import_32__.expect)(error.stack).not.toMatch(/\n\s+at /);
    (0,__vite_ssr_import_32__.expect)((0,__vite_ssr_import_0__.readdirSync)(outdir).sort()).toEqual(before);
    (0,__vite_ssr_import_32__.expect)((0,__vite_ssr_import_0__.existsSync)((0,__vite_ssr_import_2__.join)(outdir, "stacks", "first"))).toBe(false);
    (0,__vite_ssr_import_32__.expect)((0,__vite_ssr_import_0__.readdirSync)(root)).toEqual(["cdktf.out"]);
    (0,__vite_ssr_import_0__.rmSync)(root, { recursive: true, force: true });
  });
  (0,__vite_ssr_import_32__.it)("publishes stacks, manifest and the guardrail report, keeping files synth does not own", () => {
    const root = scratchRoot();
    const outdir = (0,__vite_ssr_import_2__.join)(root, "cdktf.out");
    const printed = [];
    const safeApp = (dir) => {
      const app = new __vite_ssr_import_30__.App({ outdir: dir });
      const stack = new __vite_ssr_import_30__.TerraformStack(app, "only");
      new __vite_ssr_import_18__.AwsProvider(stack, "aws", { region: "us-east-1" });
      (0,__vite_ssr_import_40__.applyGuardrails)(stack, { production: false });
      bucket(stack, "bucket");
      const key = new __vite_ssr_import_14__.KmsKey(stack, "key", { enableKeyRotation: false });
      (0,__vite_ssr_import_40__.suppress)(key, { id: "VP-KMS-1", reason: "fixture: a key that is about to be deleted" });
      return { app };
    };
    (0,__vite_ssr_import_40__.synthesizeWithGuardrails)(outdir, safeApp, (text) => printed.push(text));
    (0,__vite_ssr_import_0__.writeFileSync)((0,__vite_ssr_import_2__.join)(outdir, "stacks", "only", "terraform.only.tfstate"), "{}");
    const { reports } = (0,__vite_ssr_import_40__.synthesizeWithGuardrails)(outdir, safeApp, (text) => printed.push(text));
    (0,__vite_ssr_import_32__.expect)(JSON.parse((0,__vite_ssr_import_0__.readFileSync)((0,__vite_ssr_import_2__.join)(outdir, "manifest.json"), "utf8")).stacks.only).toBeDefined();
    (0,__vite_ssr_import_32__.expect)((0,__vite_ssr_import_0__.existsSync)((0,__vite_ssr_import_2__.join)(outdir, "stacks", "only", "cdk.tf.json"))).toBe(true);
    (0,__vite_ssr_import_32__.expect)((0,__vite_ssr_import_0__.existsSync)((0,__vite_ssr_import_2__.join)(outdir, "stacks", "only", "terraform.only.tfstate"))).toBe(true);
    (0,__vite_ssr_import_32__.expect)(JSON.parse((0,__vite_ssr_import_0__.readFileSync)((0,__vite_ssr_import_2__.join)(outdir, (0,__vite_ssr_import_40__.GUARDRAIL_REPORT_FILE)), "utf8"))).toEqual(reports);
    (0,__vite_ssr_import_32__.expect)(printed[1]).toMatch(/^Guardrails: 0 errors, 0 warnings, 1 suppressed in 1 stack\n.*SUPPRESSED +VP-KMS-1 +only +only\/key/);
    (0,__vite_ssr_import_32__.expect)(printed[1]).toContain("reason (at only/key): fixture: a key that is about to be deleted");
    (0,__vite_ssr_import_0__.rmSync)(root, { recursive: true, force: true });
  });
  (0,__vite_ssr_import_32__.it)("a construct error also leaves nothing behind", () => {
    const root = scratchRoot();
    const outdir = (0,__vite_ssr_import_2__.join)(root, "cdktf.out");
    (0,__vite_ssr_import_32__.expect)(
      () => (0,__vite_ssr_import_40__.synthesizeWithGuardrails)(outdir, () => {
        throw new Error("EncryptedLogGroup x: bad name");
      })
    ).toThrow(/bad name/);
    (0,__vite_ssr_import_32__.expect)((0,__vite_ssr_import_0__.readdirSync)(root)).toEqual([]);
    (0,__vite_ssr_import_0__.rmSync)(root, { recursive: true, force: true });
  });
});

//# sourceMappingSource=vite-node
//# sourceMappingURL=data:application/json;charset=utf-8;base64,eyJ2ZXJzaW9uIjozLCJtYXBwaW5ncyI6IkFBQUE7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQUNBO0FBQ0E7QUFDQTtBQVlBO0FBQ0E7QUFDQTs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7O0FBRUEsTUFBTSxNQUFNO0FBQ1osTUFBTSxVQUFVO0FBR2hCLFNBQVMsUUFBUSxPQUF3QyxhQUFhLE9BQXNEO0FBQzFILFFBQU0sU0FBTSxnQ0FBUTtBQUNwQixRQUFNLFFBQVEsSUFBSSxzQ0FBZSxLQUFLLE1BQU07QUFDNUMsNkNBQWdCLE9BQU8sRUFBRSxXQUFXLENBQUM7QUFDckMsUUFBTSxLQUFLO0FBQ1gsU0FBTyxFQUFFLEtBQUssWUFBUyx3Q0FBZ0IsR0FBRyxFQUFFO0FBQzlDO0FBRUEsU0FBUyxTQUFTLE9BQXdDLGFBQWEsT0FBa0I7QUFDdkYsU0FBTyxRQUFRLE9BQU8sVUFBVSxFQUFFLFFBQVEsUUFBUSxDQUFDLE1BQU0sRUFBRSxRQUFRO0FBQ3JFO0FBRUEsTUFBTSxXQUFXLENBQUMsT0FBa0IsSUFBWSxZQUF1QyxDQUFDLE1BQ3RGLElBQUksaUNBQVcsT0FBTyxJQUFJO0FBQUEsRUFDeEIsWUFBWTtBQUFBLEVBQ1osUUFBUTtBQUFBLEVBQ1IsZUFBZTtBQUFBLEVBQ2Ysa0JBQWtCO0FBQUEsRUFDbEIsa0JBQWtCO0FBQUEsRUFDbEIsVUFBVTtBQUFBLEVBQ1YsMEJBQTBCO0FBQUEsRUFDMUIsR0FBRztBQUNMLENBQUM7QUFVSCxNQUFNLFNBQVMsQ0FBQyxPQUFrQixJQUFZLFVBQXlCLENBQUMsTUFBTTtBQUM1RSxRQUFNLFdBQVcsSUFBSSxnQ0FBUyxPQUFPLElBQUksRUFBRSxRQUFRLFVBQVUsRUFBRSxHQUFHLENBQUM7QUFDbkUsTUFBSSxpREFBMEIsT0FBTyxHQUFHLEVBQUUsVUFBVTtBQUFBLElBQ2xELFFBQVEsU0FBUztBQUFBLElBQ2pCLGlCQUFpQjtBQUFBLElBQ2pCLG1CQUFtQjtBQUFBLElBQ25CLGtCQUFrQjtBQUFBLElBQ2xCLHVCQUF1QjtBQUFBLEVBQ3pCLENBQUM7QUFDRCxNQUFJLGtFQUEyQyxPQUFPLEdBQUcsRUFBRSxlQUFlO0FBQUEsSUFDeEUsUUFBUSxTQUFTO0FBQUEsSUFDakIsTUFBTTtBQUFBLE1BQ0o7QUFBQSxRQUNFLG9DQUNFLFFBQVEsZUFBZSxXQUFXLEVBQUUsY0FBYyxTQUFTLElBQUksRUFBRSxjQUFjLFdBQVcsZ0JBQWdCLElBQUk7QUFBQSxNQUNsSDtBQUFBLElBQ0Y7QUFBQSxFQUNGLENBQUM7QUFDRCxNQUFJLHNDQUFlLE9BQU8sR0FBRyxFQUFFLFdBQVc7QUFBQSxJQUN4QyxRQUFRLFNBQVM7QUFBQSxJQUNqQixXQUFRLHVDQUFlO0FBQUEsTUFDckI7QUFBQSxRQUNFLEtBQUs7QUFBQSxRQUNMLFFBQVE7QUFBQSxRQUNSLFlBQVk7QUFBQSxRQUNaLFNBQVMsQ0FBQyxNQUFNO0FBQUEsUUFDaEIsV0FBVyxDQUFDLFNBQVMsS0FBSyxHQUFHLFNBQVMsR0FBRyxJQUFJO0FBQUEsUUFDN0MsWUFBWSxFQUFFLE1BQU0sRUFBRSx1QkFBdUIsUUFBUSxFQUFFO0FBQUEsTUFDekQ7QUFBQSxNQUNBLEdBQUksUUFBUSxVQUFVLENBQUM7QUFBQSxJQUN6QixDQUFDO0FBQUEsRUFDSCxDQUFDO0FBQ0QsU0FBTztBQUNUO0FBRUEsTUFBTSxpQkFBaUIsQ0FBQyxPQUFrQixJQUFZLGFBQWdELFlBQXFDLENBQUMsTUFDMUksSUFBSSx5Q0FBa0IsT0FBTyxJQUFJO0FBQUEsRUFDL0IsUUFBUTtBQUFBLEVBQ1Isc0JBQXNCLEtBQUssVUFBVTtBQUFBLElBQ25DO0FBQUEsTUFDRSxNQUFNO0FBQUEsTUFDTixPQUFPO0FBQUEsTUFDUCxNQUFNO0FBQUEsTUFDTix3QkFBd0I7QUFBQSxNQUN4QixHQUFHO0FBQUEsTUFDSDtBQUFBLE1BQ0EsU0FBUyxDQUFDLEVBQUUsTUFBTSxrQkFBa0IsV0FBVyw4REFBOEQsQ0FBQztBQUFBLElBQ2hIO0FBQUEsRUFDRixDQUFDO0FBQ0gsQ0FBQztBQVlILE1BQU0sUUFBa0M7QUFBQSxFQUN0QyxXQUFXO0FBQUEsSUFDVCxRQUFRLENBQUMsTUFBTSxJQUFJLGdDQUFTLEdBQUcsVUFBVSxFQUFFLFFBQVEsZ0JBQWdCLENBQUM7QUFBQSxJQUNwRSxNQUFNLENBQUMsTUFBTSxPQUFPLEdBQUcsTUFBTTtBQUFBLElBQzdCLFNBQVM7QUFBQSxFQUNYO0FBQUEsRUFDQSxXQUFXO0FBQUEsSUFDVCxRQUFRLENBQUMsTUFBTSxPQUFPLEdBQUcsVUFBVSxFQUFFLFlBQVksU0FBUyxDQUFDO0FBQUE7QUFBQSxJQUUzRCxNQUFNLENBQUMsTUFDTCxPQUFPLEdBQUcsUUFBUTtBQUFBLE1BQ2hCLFlBQVk7QUFBQSxNQUNaLFFBQVE7QUFBQSxRQUNOLEVBQUUsS0FBSyxjQUFjLFlBQVksRUFBRSxTQUFTLDJCQUEyQixHQUFHLFNBQVMsQ0FBQyxjQUFjLEdBQUcsV0FBVyxDQUFDLDRCQUE0QixFQUFFO0FBQUEsTUFDako7QUFBQSxJQUNGLENBQUM7QUFBQSxJQUNILFNBQVM7QUFBQSxFQUNYO0FBQUEsRUFDQSxXQUFXO0FBQUEsSUFDVCxRQUFRLENBQUMsTUFBTTtBQUNiLFlBQU0sV0FBVyxJQUFJLGdDQUFTLEdBQUcsVUFBVSxFQUFFLFFBQVEsZ0JBQWdCLENBQUM7QUFDdEUsVUFBSSxzQ0FBZSxHQUFHLGlCQUFpQjtBQUFBLFFBQ3JDLFFBQVEsU0FBUztBQUFBLFFBQ2pCLFdBQVEsdUNBQWUsQ0FBQyxFQUFFLEtBQUssa0JBQWtCLFlBQVksRUFBRSxLQUFLLGdCQUFnQixPQUFPLFFBQVEsR0FBRyxTQUFTLENBQUMsY0FBYyxHQUFHLFdBQVcsQ0FBQyxHQUFHLFNBQVMsR0FBRyxJQUFJLEVBQUUsQ0FBQyxDQUFDO0FBQUEsTUFDdEssQ0FBQztBQUFBLElBQ0g7QUFBQSxJQUNBLE1BQU0sQ0FBQyxNQUFNLE9BQU8sR0FBRyxNQUFNO0FBQUEsSUFDN0IsU0FBUztBQUFBLEVBQ1g7QUFBQSxFQUNBLFlBQVk7QUFBQSxJQUNWLFFBQVEsQ0FBQyxNQUFNLElBQUksOEJBQU8sR0FBRyxVQUFVLEVBQUUsbUJBQW1CLE1BQU0sQ0FBQztBQUFBLElBQ25FLE1BQU0sQ0FBQyxNQUNMLElBQUkscUNBQWMsR0FBRyxRQUFRLEVBQUUsT0FBTyxRQUFRLGFBQWEsUUFBUSxXQUFXLFNBQVMsb0JBQW9CLEdBQUcsb0JBQW9CLElBQUksQ0FBQztBQUFBLElBQ3pJLFNBQVM7QUFBQSxFQUNYO0FBQUEsRUFDQSxZQUFZO0FBQUEsSUFDVixRQUFRLENBQUMsTUFBTSxTQUFTLEdBQUcsVUFBVSxFQUFFLGtCQUFrQixPQUFPLFVBQVUsT0FBVSxDQUFDO0FBQUEsSUFDckYsTUFBTSxDQUFDLE1BQU0sU0FBUyxHQUFHLFFBQVEsRUFBRSw0QkFBNEIsTUFBTSw2QkFBNkIsSUFBSSxDQUFDO0FBQUEsSUFDdkcsU0FBUztBQUFBLEVBQ1g7QUFBQSxFQUNBLFlBQVk7QUFBQSxJQUNWLFFBQVEsQ0FBQyxNQUFNLFNBQVMsR0FBRyxVQUFVLEVBQUUsb0JBQW9CLEtBQUssQ0FBQztBQUFBLElBQ2pFLE1BQU0sQ0FBQyxNQUFNLFNBQVMsR0FBRyxRQUFRLEVBQUUsb0JBQW9CLE1BQU0sQ0FBQztBQUFBLElBQzlELFNBQVM7QUFBQSxFQUNYO0FBQUEsRUFDQSxZQUFZO0FBQUEsSUFDVixRQUFRLENBQUMsTUFBTTtBQUNiLFlBQU0sUUFBUSxJQUFJLHVDQUFpQixHQUFHLHFCQUFxQixFQUFFLFFBQVEsY0FBYyxXQUFXLENBQUMsRUFBRSxNQUFNLGlCQUFpQixPQUFPLE1BQU0sQ0FBQyxFQUFFLENBQUM7QUFDekksZUFBUyxHQUFHLFVBQVUsRUFBRSxvQkFBb0IsTUFBTSxLQUFLLENBQUM7QUFBQSxJQUMxRDtBQUFBLElBQ0EsTUFBTSxDQUFDLE1BQU07QUFDWCxZQUFNLFFBQVEsSUFBSSx1Q0FBaUIsR0FBRyxtQkFBbUIsRUFBRSxRQUFRLGNBQWMsV0FBVyxDQUFDLEVBQUUsTUFBTSxpQkFBaUIsT0FBTyxJQUFJLENBQUMsRUFBRSxDQUFDO0FBQ3JJLGVBQVMsR0FBRyxRQUFRLEVBQUUsb0JBQW9CLE1BQU0sS0FBSyxDQUFDO0FBQUEsSUFDeEQ7QUFBQSxJQUNBLFNBQVM7QUFBQSxFQUNYO0FBQUEsRUFDQSxZQUFZO0FBQUEsSUFDVixZQUFZO0FBQUEsSUFDWixRQUFRLENBQUMsTUFBTSxTQUFTLEdBQUcsVUFBVSxFQUFFLG9CQUFvQixPQUFPLG1CQUFtQixLQUFLLENBQUM7QUFBQSxJQUMzRixNQUFNLENBQUMsTUFBTSxTQUFTLEdBQUcsUUFBUSxFQUFFLG9CQUFvQixNQUFNLHlCQUF5QixhQUFhLENBQUM7QUFBQSxJQUNwRyxTQUFTO0FBQUEsRUFDWDtBQUFBLEVBQ0EsY0FBYztBQUFBLElBQ1osUUFBUSxDQUFDLE1BQU0sSUFBSSxtREFBNEIsR0FBRyxVQUFVLEVBQUUsb0JBQW9CLFVBQVUsYUFBYSxLQUFLLHlCQUF5QixRQUFRLENBQUM7QUFBQSxJQUNoSixNQUFNLENBQUMsTUFDTCxJQUFJLG1EQUE0QixHQUFHLFFBQVEsRUFBRSxvQkFBb0IsUUFBUSxhQUFhLEtBQUsseUJBQXlCLFFBQVEsVUFBVSxJQUFJLENBQUM7QUFBQSxJQUM3SSxTQUFTO0FBQUEsRUFDWDtBQUFBLEVBQ0EsY0FBYztBQUFBLElBQ1osUUFBUSxDQUFDLE1BQU0sSUFBSSxtREFBNEIsR0FBRyxVQUFVLEVBQUUsb0JBQW9CLFVBQVUsYUFBYSxLQUFLLDBCQUEwQixNQUFNLENBQUM7QUFBQSxJQUMvSSxNQUFNLENBQUMsTUFDTCxJQUFJLG1EQUE0QixHQUFHLFFBQVEsRUFBRSxvQkFBb0IsUUFBUSxhQUFhLEtBQUssMEJBQTBCLE1BQU0sdUJBQXVCLFdBQVcsQ0FBQztBQUFBLElBQ2hLLFNBQVM7QUFBQSxFQUNYO0FBQUEsRUFDQSxZQUFZO0FBQUEsSUFDVixRQUFRLENBQUMsTUFBTTtBQUNiLFlBQU0sUUFBUSxJQUFJLDhDQUF1QixHQUFHLFVBQVUsRUFBRSxNQUFNLFdBQVcsYUFBYSxLQUFLLE9BQU8sUUFBUSxDQUFDO0FBQzNHLFlBQU0scUJBQXFCLE9BQU8sYUFBYSxJQUFJLG1CQUFtQjtBQUFBLElBQ3hFO0FBQUE7QUFBQSxJQUVBLE1BQU0sQ0FBQyxNQUFNO0FBQ1gsWUFBTSxRQUFRLElBQUksOENBQXVCLEdBQUcsUUFBUSxFQUFFLE1BQU0sT0FBTyxhQUFhLEtBQUssT0FBTyxRQUFRLENBQUM7QUFDckcsWUFBTSxxQkFBcUIsU0FBUyxhQUFhLEtBQUsscUJBQXFCO0FBQzNFLFVBQUksMEJBQUcsR0FBRyxPQUFPLEVBQUUsZ0JBQWdCLENBQUMsTUFBTSxFQUFFLEdBQUcsU0FBUyxDQUFDLFlBQVksVUFBVSxFQUFFLENBQUM7QUFBQSxJQUNwRjtBQUFBLElBQ0EsU0FBUztBQUFBLEVBQ1g7QUFBQSxFQUNBLFlBQVk7QUFBQSxJQUNWLFFBQVEsQ0FBQyxNQUFNLElBQUksOEJBQU8sR0FBRyxVQUFVLEVBQUUsT0FBTyxTQUFTLFdBQVcsZUFBZSxxQkFBcUIsS0FBSyxDQUFDO0FBQUEsSUFDOUcsTUFBTSxDQUFDLE1BQU0sSUFBSSw4QkFBTyxHQUFHLFFBQVEsRUFBRSxPQUFPLFNBQVMsV0FBVyxlQUFlLHFCQUFxQixNQUFNLENBQUM7QUFBQSxJQUMzRyxTQUFTO0FBQUEsRUFDWDtBQUFBLEVBQ0EsWUFBWTtBQUFBLElBQ1YsUUFBUSxDQUFDLE1BQ1AsSUFBSSxrREFBMkIsR0FBRyxVQUFVLEVBQUUsaUJBQWlCLFFBQVEsVUFBVSxhQUFhLFlBQVksS0FBSyxDQUFDO0FBQUEsSUFDbEgsTUFBTSxDQUFDLE1BQU07QUFDWCxZQUFNLFFBQVEsSUFBSSw4Q0FBdUIsR0FBRyxRQUFRLEVBQUUsTUFBTSxTQUFTLGFBQWEsS0FBSyxPQUFPLFFBQVEsQ0FBQztBQUN2RyxZQUFNLGtCQUFrQixTQUFTLGFBQWEsS0FBSyxZQUFZO0FBQUEsSUFDakU7QUFBQSxJQUNBLFNBQVM7QUFBQSxFQUNYO0FBQUEsRUFDQSxZQUFZO0FBQUEsSUFDVixRQUFRLENBQUMsTUFDUCxJQUFJLG1DQUFZLEdBQUcsVUFBVSxFQUFFLE1BQU0sVUFBVSxXQUFXLDJCQUEyQixZQUFZLENBQUMsRUFBRSxLQUFLLGNBQWMsU0FBUyxDQUFDLE1BQU0sR0FBRyxXQUFXLENBQUMsa0JBQWtCLEVBQUUsQ0FBQyxFQUFFLENBQUM7QUFBQSxJQUNoTCxNQUFNLENBQUMsTUFDTCxJQUFJLG1DQUFZLEdBQUcsUUFBUSxFQUFFLE1BQU0sUUFBUSxXQUFXLDJCQUEyQixZQUFZLENBQUMsRUFBRSxLQUFLLFFBQVEsU0FBUyxDQUFDLGNBQWMsR0FBRyxXQUFXLENBQUMsa0JBQWtCLEVBQUUsQ0FBQyxFQUFFLENBQUM7QUFBQSxJQUM5SyxTQUFTO0FBQUEsRUFDWDtBQUFBLEVBQ0EsWUFBWTtBQUFBLElBQ1YsUUFBUSxDQUFDLE1BQ1AsSUFBSSxtQ0FBWSxHQUFHLFVBQVU7QUFBQSxNQUMzQixNQUFNO0FBQUEsTUFDTixXQUFXO0FBQUEsTUFDWCxZQUFZLENBQUMsRUFBRSxLQUFLLGFBQWEsU0FBUyxDQUFDLCtCQUErQixHQUFHLFdBQVcsQ0FBQyxHQUFHLEVBQUUsQ0FBQztBQUFBLElBQ2pHLENBQUM7QUFBQSxJQUNILE1BQU0sQ0FBQyxNQUNMLElBQUksbUNBQVksR0FBRyxRQUFRO0FBQUEsTUFDekIsTUFBTTtBQUFBLE1BQ04sV0FBVztBQUFBLE1BQ1gsWUFBWTtBQUFBLFFBQ1YsRUFBRSxLQUFLLGFBQWEsU0FBUyxDQUFDLCtCQUErQixHQUFHLFdBQVcsQ0FBQyx3REFBd0QsRUFBRTtBQUFBO0FBQUEsUUFFdEksRUFBRSxLQUFLLFdBQVcsU0FBUyxDQUFDLDRCQUE0QiwyQkFBMkIsR0FBRyxXQUFXLENBQUMsR0FBRyxFQUFFO0FBQUEsTUFDekc7QUFBQSxJQUNGLENBQUM7QUFBQSxJQUNILFNBQVM7QUFBQSxFQUNYO0FBQUEsRUFDQSxZQUFZO0FBQUEsSUFDVixRQUFRLENBQUMsTUFBTTtBQUNiLFlBQU0sUUFBUSxJQUFJLGdDQUFTLEdBQUcsU0FBUyxFQUFFLGdCQUFnQixJQUFJLENBQUM7QUFDOUQsVUFBSSxzQ0FBZSxHQUFHLFVBQVUsRUFBRSxLQUFLLE1BQU0sS0FBSyxXQUFRLHVDQUFlLENBQUMsRUFBRSxLQUFLLFVBQVUsWUFBWSxLQUFLLFNBQVMsQ0FBQyxhQUFhLEdBQUcsV0FBVyxDQUFDLE1BQU0sR0FBRyxFQUFFLENBQUMsQ0FBQyxFQUFFLENBQUM7QUFBQSxJQUNwSztBQUFBLElBQ0EsTUFBTSxDQUFDLE1BQU07QUFDWCxZQUFNLFFBQVEsSUFBSSxnQ0FBUyxHQUFHLFNBQVMsRUFBRSxnQkFBZ0IsSUFBSSxDQUFDO0FBQzlELFVBQUksc0NBQWUsR0FBRyxRQUFRO0FBQUEsUUFDNUIsS0FBSyxNQUFNO0FBQUEsUUFDWCxXQUFRLHVDQUFlO0FBQUEsVUFDckIsRUFBRSxLQUFLLGVBQWUsWUFBWSxLQUFLLFNBQVMsQ0FBQyxhQUFhLEdBQUcsV0FBVyxDQUFDLE1BQU0sR0FBRyxHQUFHLFlBQVksRUFBRSxjQUFjLEVBQUUscUJBQXFCLFFBQVEsRUFBRSxFQUFFO0FBQUEsUUFDMUosQ0FBQztBQUFBLE1BQ0gsQ0FBQztBQUFBLElBQ0g7QUFBQSxJQUNBLFNBQVM7QUFBQSxFQUNYO0FBQUEsRUFDQSxZQUFZO0FBQUEsSUFDVixRQUFRLENBQUMsTUFBTSxJQUFJLHlDQUFtQixHQUFHLFVBQVUsRUFBRSxNQUFNLFdBQVcsVUFBVSxJQUFJLENBQUM7QUFBQSxJQUNyRixNQUFNLENBQUMsTUFBTSxJQUFJLHlDQUFrQixHQUFHLFFBQVEsRUFBRSxNQUFNLFNBQVMsV0FBVyxLQUFLLGVBQWUsR0FBRyxDQUFDO0FBQUEsSUFDbEcsU0FBUztBQUFBLEVBQ1g7QUFBQSxFQUNBLFlBQVk7QUFBQSxJQUNWLFFBQVEsQ0FBQyxNQUFNLElBQUkseUNBQW1CLEdBQUcsVUFBVSxFQUFFLE1BQU0sV0FBVyxpQkFBaUIsR0FBRyxDQUFDO0FBQUEsSUFDM0YsTUFBTSxDQUFDLE1BQU0sSUFBSSx5Q0FBa0IsR0FBRyxRQUFRLEVBQUUsTUFBTSxTQUFTLFdBQVcsS0FBSyxlQUFlLEdBQUcsQ0FBQztBQUFBLElBQ2xHLFNBQVM7QUFBQSxFQUNYO0FBQUEsRUFDQSxZQUFZO0FBQUEsSUFDVixRQUFRLENBQUMsTUFBTSxTQUFTLEdBQUcsVUFBVSxFQUFFLDhCQUE4QixDQUFDLGNBQWMsU0FBUyxFQUFFLENBQUM7QUFBQSxJQUNoRyxNQUFNLENBQUMsTUFBTTtBQUNYLGVBQVMsR0FBRyxRQUFRLEVBQUUsOEJBQThCLENBQUMsWUFBWSxFQUFFLENBQUM7QUFDcEUsVUFBSSx5Q0FBa0IsR0FBRyxtQkFBbUIsRUFBRSxNQUFNLHFDQUFxQyxXQUFXLEtBQUssZUFBZSxHQUFHLENBQUM7QUFBQSxJQUM5SDtBQUFBLElBQ0EsU0FBUztBQUFBLEVBQ1g7QUFBQSxFQUNBLFlBQVk7QUFBQSxJQUNWLFFBQVEsQ0FBQyxNQUFNLElBQUksaUNBQVcsR0FBRyxVQUFVLEVBQUUsTUFBTSxVQUFVLGNBQWMsZUFBZSxDQUFDO0FBQUEsSUFDM0YsTUFBTSxDQUFDLE1BQU0sSUFBSSxpQ0FBVyxHQUFHLFFBQVEsRUFBRSxNQUFNLFFBQVEsY0FBYyxnQkFBZ0IsVUFBVSxJQUFJLENBQUM7QUFBQSxJQUNwRyxTQUFTO0FBQUEsRUFDWDtBQUFBLEVBQ0EsWUFBWTtBQUFBLElBQ1YsUUFBUSxDQUFDLE1BQU0sSUFBSSw0Q0FBcUIsR0FBRyxVQUFVLEVBQUUsTUFBTSxTQUFTLENBQUM7QUFBQSxJQUN2RSxNQUFNLENBQUMsTUFBTSxJQUFJLGlDQUFVLEdBQUcsUUFBUSxFQUFFLE1BQU0sY0FBYyxhQUFhLEtBQUssV0FBVyxLQUFLLG9CQUFvQixFQUFFLENBQUM7QUFBQSxJQUNySCxTQUFTO0FBQUEsRUFDWDtBQUFBLEVBQ0EsWUFBWTtBQUFBLElBQ1YsUUFBUSxDQUFDLE1BQU0sU0FBUyxHQUFHLFVBQVUsRUFBRSwwQkFBMEIsUUFBVyxVQUFVLE9BQU8sVUFBVSx3QkFBd0IsQ0FBQztBQUFBLElBQ2hJLE1BQU0sQ0FBQyxNQUFNLFNBQVMsR0FBRyxRQUFRLEVBQUUsMEJBQTBCLEtBQUssQ0FBQztBQUFBLElBQ25FLFNBQVM7QUFBQSxFQUNYO0FBQUEsRUFDQSxZQUFZO0FBQUEsSUFDVixRQUFRLENBQUMsTUFBTSxJQUFJLHVDQUFnQixHQUFHLFVBQVUsRUFBRSxPQUFPLElBQUksZ0NBQVMsR0FBRyxTQUFTLEVBQUUsUUFBUSxHQUFHLENBQUMsRUFBRSxPQUFPLENBQUM7QUFBQSxJQUMxRyxNQUFNLENBQUMsTUFBTSxJQUFJLHVDQUFnQixHQUFHLFFBQVEsRUFBRSxPQUFPLElBQUksZ0NBQVMsR0FBRyxTQUFTLEVBQUUsUUFBUSxHQUFHLENBQUMsRUFBRSxRQUFRLFdBQVcsS0FBSyxDQUFDO0FBQUEsSUFDdkgsU0FBUztBQUFBLEVBQ1g7QUFBQSxFQUNBLFlBQVk7QUFBQSxJQUNWLFFBQVEsQ0FBQyxNQUFNLElBQUksa0NBQVcsR0FBRyxVQUFVLEVBQUUsTUFBTSxVQUFVLHNCQUFzQixFQUFFLFNBQVMsQ0FBQyxVQUFVLEdBQUcsZ0JBQWdCLEtBQUssRUFBRSxDQUFDO0FBQUEsSUFDcEksTUFBTSxDQUFDLE1BQU0sSUFBSSxrQ0FBVyxHQUFHLFFBQVEsRUFBRSxNQUFNLFFBQVEsc0JBQXNCLEVBQUUsU0FBUyxDQUFDLFVBQVUsR0FBRyxnQkFBZ0IsTUFBTSxFQUFFLENBQUM7QUFBQSxJQUMvSCxTQUFTO0FBQUEsRUFDWDtBQUFBLEVBQ0EsWUFBWTtBQUFBLElBQ1YsUUFBUSxDQUFDLE1BQU0sZUFBZSxHQUFHLFVBQVUsQ0FBQyxFQUFFLE1BQU0sa0JBQWtCLE9BQU8seUJBQXlCLENBQUMsQ0FBQztBQUFBLElBQ3hHLE1BQU0sQ0FBQyxNQUFNLGVBQWUsR0FBRyxRQUFRLENBQUMsRUFBRSxNQUFNLGFBQWEsT0FBTyxPQUFPLEdBQUcsRUFBRSxNQUFNLGtCQUFrQixPQUFPLGdEQUFnRCxDQUFDLENBQUM7QUFBQSxJQUNqSyxTQUFTO0FBQUEsRUFDWDtBQUFBLEVBQ0EsWUFBWTtBQUFBLElBQ1YsUUFBUSxDQUFDLE1BQU0sZUFBZSxHQUFHLFVBQVUsQ0FBQyxHQUFHLEVBQUUsTUFBTSxRQUFXLHdCQUF3QixNQUFNLENBQUM7QUFBQSxJQUNqRyxNQUFNLENBQUMsTUFBTSxlQUFlLEdBQUcsUUFBUSxDQUFDLENBQUM7QUFBQSxJQUN6QyxTQUFTO0FBQUEsRUFDWDtBQUFBLEVBQ0EsWUFBWTtBQUFBLElBQ1YsUUFBUSxDQUFDLE1BQU0sSUFBSSxxQ0FBYyxHQUFHLFVBQVUsRUFBRSxNQUFNLFNBQVMsQ0FBQztBQUFBLElBQ2hFLE1BQU0sQ0FBQyxNQUFNLElBQUkscUNBQWMsR0FBRyxRQUFRLEVBQUUsTUFBTSxRQUFRLHlCQUF5QixDQUFDLEVBQUUsZ0JBQWdCLE9BQU8sUUFBUSxJQUFJLENBQUMsRUFBRSxDQUFDO0FBQUEsSUFDN0gsU0FBUztBQUFBLEVBQ1g7QUFBQSxFQUNBLFlBQVk7QUFBQSxJQUNWLFFBQVEsQ0FBQyxNQUFNLElBQUksZ0NBQVUsR0FBRyxVQUFVLEVBQUUsa0JBQWtCLGNBQWMsTUFBTSxJQUFJLFdBQVcsTUFBTSxDQUFDO0FBQUEsSUFDeEcsTUFBTSxDQUFDLE1BQU0sSUFBSSxnQ0FBVSxHQUFHLFFBQVEsRUFBRSxrQkFBa0IsY0FBYyxNQUFNLElBQUksV0FBVyxNQUFNLFVBQVUsSUFBSSxDQUFDO0FBQUEsSUFDbEgsU0FBUztBQUFBLEVBQ1g7QUFBQSxFQUNBLFlBQVk7QUFBQSxJQUNWLFFBQVEsQ0FBQyxNQUNQLElBQUksa0NBQVcsR0FBRyxVQUFVLEVBQUUsaUJBQWlCLFVBQVUsTUFBTSxLQUFLLFVBQVUsU0FBUyxXQUFXLDZCQUE2QixlQUFlLENBQUMsRUFBRSxNQUFNLFdBQVcsZ0JBQWdCLFNBQVMsQ0FBQyxFQUFFLENBQUM7QUFBQSxJQUNqTSxNQUFNLENBQUMsTUFDTCxJQUFJLGtDQUFXLEdBQUcsUUFBUTtBQUFBLE1BQ3hCLGlCQUFpQjtBQUFBLE1BQ2pCLE1BQU07QUFBQSxNQUNOLFVBQVU7QUFBQSxNQUNWLFdBQVc7QUFBQSxNQUNYLGVBQWUsQ0FBQyxFQUFFLE1BQU0sV0FBVyxnQkFBZ0IsU0FBUyxDQUFDO0FBQUEsSUFDL0QsQ0FBQztBQUFBLElBQ0gsU0FBUztBQUFBLEVBQ1g7QUFBQSxFQUNBLFlBQVk7QUFBQSxJQUNWLFlBQVk7QUFBQSxJQUNaLFFBQVEsQ0FBQyxNQUFNLElBQUksa0NBQVcsR0FBRyxVQUFVLEVBQUUsaUJBQWlCLFVBQVUsTUFBTSxJQUFJLFVBQVUsUUFBUSxlQUFlLENBQUMsRUFBRSxNQUFNLFdBQVcsZ0JBQWdCLFNBQVMsQ0FBQyxFQUFFLENBQUM7QUFBQSxJQUNwSyxNQUFNLENBQUMsTUFDTCxJQUFJLGtDQUFXLEdBQUcsUUFBUTtBQUFBLE1BQ3hCLGlCQUFpQjtBQUFBLE1BQ2pCLE1BQU07QUFBQSxNQUNOLFVBQVU7QUFBQSxNQUNWLGVBQWUsQ0FBQyxFQUFFLE1BQU0sWUFBWSxVQUFVLEVBQUUsVUFBVSxTQUFTLE1BQU0sT0FBTyxZQUFZLFdBQVcsRUFBRSxDQUFDO0FBQUEsSUFDNUcsQ0FBQztBQUFBLElBQ0gsU0FBUztBQUFBLEVBQ1g7QUFBQSxFQUNBLFlBQVk7QUFBQSxJQUNWLFlBQVk7QUFBQSxJQUNaLFFBQVEsQ0FBQyxNQUFNLElBQUksMEJBQUcsR0FBRyxVQUFVLEVBQUUsU0FBUyxDQUFDLFVBQVUsR0FBRywwQkFBMEIsTUFBTSxDQUFDO0FBQUEsSUFDN0YsTUFBTSxDQUFDLE1BQU0sSUFBSSwwQkFBRyxHQUFHLFFBQVEsRUFBRSxTQUFTLENBQUMsVUFBVSxHQUFHLDBCQUEwQixLQUFLLENBQUM7QUFBQSxJQUN4RixTQUFTO0FBQUEsRUFDWDtBQUFBLEVBQ0EsWUFBWTtBQUFBLElBQ1YsUUFBUSxDQUFDLE1BQ1AsSUFBSSxrQ0FBVyxHQUFHLFVBQVU7QUFBQSxNQUMxQixpQkFBaUI7QUFBQSxNQUNqQixNQUFNO0FBQUEsTUFDTixVQUFVO0FBQUEsTUFDVixXQUFXO0FBQUEsTUFDWCxlQUFlLENBQUMsRUFBRSxNQUFNLFdBQVcsZ0JBQWdCLFNBQVMsQ0FBQztBQUFBLElBQy9ELENBQUM7QUFBQSxJQUNILE1BQU0sQ0FBQyxNQUNMLElBQUksa0NBQVcsR0FBRyxRQUFRO0FBQUEsTUFDeEIsaUJBQWlCO0FBQUEsTUFDakIsTUFBTTtBQUFBLE1BQ04sVUFBVTtBQUFBLE1BQ1YsV0FBVztBQUFBLE1BQ1gsZUFBZSxDQUFDLEVBQUUsTUFBTSxXQUFXLGdCQUFnQixTQUFTLENBQUM7QUFBQSxJQUMvRCxDQUFDO0FBQUEsSUFDSCxTQUFTO0FBQUEsRUFDWDtBQUFBLEVBQ0EsWUFBWTtBQUFBLElBQ1YsUUFBUSxDQUFDLE1BQU0sSUFBSSxnQ0FBUyxHQUFHLFVBQVUsRUFBRSxNQUFNLFNBQVMsQ0FBQztBQUFBLElBQzNELE1BQU0sQ0FBQyxNQUFNLElBQUksZ0NBQVMsR0FBRyxRQUFRLEVBQUUsTUFBTSxRQUFRLGdCQUFnQixJQUFJLENBQUM7QUFBQSxJQUMxRSxTQUFTO0FBQUEsRUFDWDtBQUFBLEVBQ0EsWUFBWTtBQUFBLElBQ1YsUUFBUSxDQUFDLE1BQU0sSUFBSSxnQ0FBUyxHQUFHLFVBQVUsRUFBRSxNQUFNLFVBQVUsc0JBQXNCLEtBQUssQ0FBQztBQUFBLElBQ3ZGLE1BQU0sQ0FBQyxNQUFNLElBQUksZ0NBQVMsR0FBRyxRQUFRLEVBQUUsTUFBTSxRQUFRLGdCQUFnQixJQUFJLENBQUM7QUFBQSxJQUMxRSxTQUFTO0FBQUEsRUFDWDtBQUFBLEVBQ0EsWUFBWTtBQUFBLElBQ1YsUUFBUSxDQUFDLE1BQU0sSUFBSSxrQ0FBWSxHQUFHLFVBQVUsRUFBRSxNQUFNLFNBQVMsQ0FBQztBQUFBLElBQzlELE1BQU0sQ0FBQyxNQUFNLElBQUksa0NBQVksR0FBRyxRQUFRLEVBQUUsTUFBTSxRQUFRLFdBQVcsSUFBSSxDQUFDO0FBQUEsSUFDeEUsU0FBUztBQUFBLEVBQ1g7QUFDRjtHQUVBLGlDQUFTLHdCQUF3QixNQUFNO0FBQ3JDLGdDQUFHLHVDQUF1QyxNQUFNO0FBQzlDLHNDQUFPLE9BQU8sS0FBSyxLQUFLLEVBQUUsS0FBSyxDQUFDLEVBQUUsUUFBUSw2QkFBTSxJQUFJLENBQUMsTUFBTSxFQUFFLEVBQUUsRUFBRSxLQUFLLENBQUM7QUFBQSxFQUN6RSxDQUFDO0FBRUQsZ0NBQUcsdURBQXVELE1BQU07QUFDOUQsVUFBTSxZQUFTLHVDQUFhLDRCQUFLLFdBQVcsTUFBTSxNQUFNLFdBQVcsR0FBRyxNQUFNO0FBQzVFLGVBQVcsUUFBUSw2QkFBTyxtQ0FBTyxNQUFNLEVBQUUsVUFBVSxPQUFPLEtBQUssRUFBRSxRQUFRLEtBQUssS0FBSyxNQUFNLEtBQUssV0FBVyxJQUFJO0FBQUEsRUFDL0csQ0FBQztBQUVELDRCQUFHLEtBQUssNkJBQU0sSUFBSSxDQUFDLE1BQU0sQ0FBQyxFQUFFLElBQUksQ0FBQyxDQUFVLENBQUMsRUFBRSwwREFBMEQsQ0FBQyxJQUFJLFNBQVM7QUFDcEgsVUFBTSxFQUFFLFFBQVEsWUFBWSxRQUFRLElBQUksTUFBTSxFQUFFO0FBQ2hELFVBQU0sVUFBVSxTQUFTLFFBQVEsVUFBVSxFQUFFLE9BQU8sQ0FBQyxNQUFNLEVBQUUsV0FBVyxFQUFFO0FBQzFFLHNDQUFPLFFBQVEsTUFBTSxFQUFFLGdCQUFnQixDQUFDO0FBQ3hDLHNDQUFPLFFBQVEsQ0FBQyxDQUFDLEVBQUUsY0FBYyxFQUFFLE9BQU8sS0FBSyxPQUFPLE9BQU8sUUFBUSxNQUFNLDhCQUFPLGVBQWUsZUFBZSxFQUFFLENBQUM7QUFDbkgsc0NBQU8sUUFBUSxDQUFDLEVBQUUsT0FBTyxFQUFFLFFBQVEsT0FBTztBQUMxQyxzQ0FBTyxRQUFRLENBQUMsRUFBRSxPQUFPLEVBQUUsVUFBVSxRQUFRLEtBQUssR0FBRyxFQUFFO0FBQUEsRUFDekQsQ0FBQztBQUVELDRCQUFHLEtBQUssNkJBQU0sSUFBSSxDQUFDLE1BQU0sQ0FBQyxFQUFFLEVBQUUsQ0FBVSxDQUFDLEVBQUUsdUNBQXVDLENBQUMsT0FBTztBQUN4RixVQUFNLEVBQUUsTUFBTSxXQUFXLElBQUksTUFBTSxFQUFFO0FBQ3JDLHNDQUFPLFNBQVMsTUFBTSxVQUFVLEVBQUUsT0FBTyxDQUFDLE1BQU0sRUFBRSxXQUFXLEVBQUUsQ0FBQyxFQUFFLFFBQVEsQ0FBQyxDQUFDO0FBQUEsRUFDOUUsQ0FBQztBQUNILENBQUM7R0FFRCxpQ0FBUyxnQkFBZ0IsTUFBTTtBQUM3QixnQ0FBRyw2REFBNkQsTUFBTTtBQUNwRSxVQUFNLFFBQVEsU0FBUyxDQUFDLE1BQU07QUFDNUIsWUFBTSxXQUFXLElBQUksZ0NBQVMsR0FBRyxVQUFVLEVBQUUsUUFBUSxJQUFJLENBQUM7QUFDMUQsVUFBSSxpREFBMEIsR0FBRyxTQUFTLEVBQUUsUUFBUSxTQUFTLElBQUksaUJBQWlCLE1BQU0sbUJBQW1CLE1BQU0sa0JBQWtCLE1BQU0sdUJBQXVCLE1BQU0sQ0FBQztBQUFBLElBQ3pLLENBQUM7QUFDRCxzQ0FBTyxNQUFNLEtBQUssQ0FBQyxNQUFNLEVBQUUsV0FBVyxTQUFTLEdBQUcsT0FBTyxFQUFFLFFBQVEsb0NBQW9DO0FBQUEsRUFDekcsQ0FBQztBQUVELGdDQUFHLG1EQUFtRCxNQUFNO0FBQzFELFVBQU0sUUFBUSxTQUFTLENBQUMsTUFBTTtBQUM1QixZQUFNLFdBQVcsSUFBSSxnQ0FBUyxHQUFHLFVBQVUsRUFBRSxRQUFRLElBQUksQ0FBQztBQUMxRCxVQUFJLGtFQUEyQyxHQUFHLE9BQU8sRUFBRSxRQUFRLFNBQVMsSUFBSSxNQUFNLENBQUMsRUFBRSxvQ0FBb0MsRUFBRSxjQUFjLFVBQVUsRUFBRSxDQUFDLEVBQUUsQ0FBQztBQUFBLElBQy9KLENBQUM7QUFDRCxzQ0FBTyxNQUFNLEtBQUssQ0FBQyxNQUFNLEVBQUUsV0FBVyxTQUFTLEdBQUcsT0FBTyxFQUFFLFFBQVEseUJBQXlCO0FBQUEsRUFDOUYsQ0FBQztBQUVELGdDQUFHLGlEQUFpRCxNQUFNO0FBQ3hELFVBQU0sTUFBTSxTQUFTLENBQUMsTUFBTTtBQUMxQixlQUFTLEdBQUcsTUFBTSxFQUFFLG9CQUFvQixPQUFPLG1CQUFtQixLQUFLLENBQUM7QUFDeEUsVUFBSSwwQkFBRyxHQUFHLE9BQU8sRUFBRSxTQUFTLENBQUMsVUFBVSxFQUFFLENBQUM7QUFDMUMsVUFBSSxrQ0FBVyxHQUFHLFFBQVEsRUFBRSxpQkFBaUIsVUFBVSxNQUFNLElBQUksVUFBVSxRQUFRLGVBQWUsQ0FBQyxFQUFFLE1BQU0sV0FBVyxnQkFBZ0IsU0FBUyxDQUFDLEVBQUUsQ0FBQztBQUFBLElBQ3JKLENBQUM7QUFDRCxzQ0FBTyxJQUFJLE9BQU8sQ0FBQyxNQUFNLENBQUMsWUFBWSxZQUFZLFVBQVUsRUFBRSxTQUFTLEVBQUUsTUFBTSxDQUFDLENBQUMsRUFBRSxRQUFRLENBQUMsQ0FBQztBQUFBLEVBQy9GLENBQUM7QUFFRCxnQ0FBRyxnRkFBZ0YsTUFBTTtBQUN2RixVQUFNLFFBQVEsU0FBUyxDQUFDLE1BQU07QUFDNUIsZUFBUyxHQUFHLFNBQVM7QUFDckIsZUFBUyxHQUFHLGlCQUFpQixFQUFFLG1CQUFtQixXQUFXLFVBQVUsUUFBVyxrQkFBa0IsT0FBVSxDQUFDO0FBQy9HLGVBQVMsR0FBRyxxQkFBcUIsRUFBRSxtQkFBbUIsaURBQWlELFVBQVUsT0FBVSxDQUFDO0FBQUEsSUFDOUgsQ0FBQyxFQUFFLE9BQU8sQ0FBQyxNQUFNLEVBQUUsV0FBVyxVQUFVO0FBQ3hDLHNDQUFPLE1BQU0sSUFBSSxDQUFDLE1BQU0sRUFBRSxJQUFJLENBQUMsRUFBRSxRQUFRLENBQUMsd0JBQXdCLENBQUM7QUFBQSxFQUNyRSxDQUFDO0FBRUQsZ0NBQUcsaUVBQWlFLE1BQU07QUFDeEUsVUFBTSxRQUFRLFNBQVMsQ0FBQyxNQUFNLFNBQVMsR0FBRyxRQUFRLENBQUM7QUFDbkQsc0NBQU8sTUFBTSxLQUFLLENBQUMsTUFBTSxFQUFFLFdBQVcsVUFBVSxHQUFHLE9BQU8sRUFBRSxRQUFRLGlDQUFpQztBQUFBLEVBQ3ZHLENBQUM7QUFFRCxnQ0FBRyxtRUFBbUUsWUFBWTtBQUNoRixVQUFNLEVBQUUseUJBQXlCLElBQUksTUFBTSw0QkFBTyxzREFBc0Q7QUFDeEcsVUFBTSxFQUFFLGNBQWMsSUFBSSxNQUFNLDRCQUFPLHlDQUF5QztBQUNoRixVQUFNLFFBQVEsU0FBUyxDQUFDLE1BQU07QUFDNUIsWUFBTSxXQUFXLElBQUkseUJBQXlCLEdBQUcsWUFBWSxFQUFFLFdBQVcsQ0FBQyxFQUFFLFNBQVMsQ0FBQyxHQUFHLEdBQUcsV0FBVyxDQUFDLEdBQUcsRUFBRSxDQUFDLEVBQUUsQ0FBQztBQUNsSCxVQUFJLGNBQWMsR0FBRyxVQUFVLEVBQUUsTUFBTSxLQUFLLFFBQVEsU0FBUyxLQUFLLENBQUM7QUFBQSxJQUNyRSxDQUFDO0FBQ0Qsc0NBQU8sTUFBTSxPQUFPLENBQUMsTUFBTSxFQUFFLFNBQVMsYUFBYSxFQUFFLElBQUksQ0FBQyxNQUFNLEVBQUUsTUFBTSxFQUFFLEtBQUssQ0FBQyxFQUFFLFFBQVEsQ0FBQyxZQUFZLFVBQVUsQ0FBQztBQUFBLEVBQ3BILENBQUM7QUFFRCxnQ0FBRyxzRUFBc0UsTUFBTTtBQUM3RSxVQUFNLFFBQVE7QUFBQSxNQUFTLENBQUMsTUFDdEIsSUFBSSxxQ0FBYyxHQUFHLE9BQU8sRUFBRSxPQUFPLEtBQUssYUFBYSxLQUFLLFdBQVcsU0FBUyxvQkFBb0IsR0FBRyxvQkFBb0IsSUFBSSxDQUFDO0FBQUEsSUFDbEk7QUFDQSxzQ0FBTyxLQUFLLEVBQUUsUUFBUSxDQUFDLENBQUM7QUFBQSxFQUMxQixDQUFDO0FBRUQsNEJBQUcsS0FBSztBQUFBLElBQ04sQ0FBQyx3Q0FBd0MsS0FBSztBQUFBLElBQzlDLENBQUMsa0RBQWtELElBQUk7QUFBQSxFQUN6RCxDQUFDLEVBQUUsNkZBQTZGLENBQUMsR0FBRyxlQUFlO0FBQ2pILFVBQU0sY0FBYyxDQUFDLHFCQUE4QjtBQUNqRCxZQUFNLFNBQU0sZ0NBQVE7QUFDcEIsWUFBTSxVQUFVLElBQUksc0NBQWUsS0FBSyxTQUFTO0FBQ2pELFlBQU0sVUFBVSxJQUFJLHNDQUFlLEtBQUssU0FBUztBQUNqRCxpQkFBVyxTQUFTLENBQUMsU0FBUyxPQUFPLEVBQUcsS0FBSSxtQ0FBWSxPQUFPLE9BQU8sRUFBRSxRQUFRLFlBQVksQ0FBQztBQUM3RixpREFBZ0IsU0FBUyxFQUFFLFlBQVksTUFBTSxDQUFDO0FBQzlDLFlBQU0sUUFBUSxJQUFJLDhDQUF1QixTQUFTLFVBQVUsRUFBRSxNQUFNLFVBQVUsYUFBYSxLQUFLLE9BQU8sUUFBUSxDQUFDO0FBQ2hILFlBQU0scUJBQXFCLFNBQVMsYUFBYSxLQUFLLHFCQUFxQjtBQUMzRSxVQUFJLDBCQUFHLFNBQVMsT0FBTyxFQUFFLGdCQUFnQixDQUFDLE1BQU0sRUFBRSxHQUFHLFNBQVMsQ0FBQyxVQUFVLEVBQUUsQ0FBQztBQUM1RSxVQUFJLGtCQUFrQjtBQUNwQixZQUFJLGtDQUFXLFNBQVMsU0FBUyxFQUFFLE1BQU0sU0FBUyxzQkFBc0IsRUFBRSxTQUFTLENBQUMsVUFBVSxHQUFHLGdCQUFnQixDQUFDLE1BQU0sRUFBRSxFQUFFLEVBQUUsQ0FBQztBQUFBLE1BQ2pJO0FBQ0EsVUFBSSxXQUFZLEtBQUksTUFBTTtBQUMxQixnQkFBTyx3Q0FBZ0IsR0FBRyxFQUFFLFFBQVEsQ0FBQyxNQUFNLEVBQUUsUUFBUTtBQUFBLElBQ3ZEO0FBQ0Esc0NBQU8sWUFBWSxLQUFLLENBQUMsRUFBRSxRQUFRLENBQUMsQ0FBQztBQUNyQyxzQ0FBTyxZQUFZLElBQUksQ0FBQyxFQUFFLFFBQVEsQ0FBQyw4QkFBTyxpQkFBaUIsRUFBRSxRQUFRLFlBQVksT0FBTyxXQUFXLE1BQU0sK0JBQStCLENBQUMsQ0FBQyxDQUFDO0FBQUEsRUFDN0ksQ0FBQztBQUVELGdDQUFHLGlFQUFpRSxNQUFNO0FBQ3hFLFVBQU0sUUFBUSxTQUFTLENBQUMsTUFBTTtBQUM1QixVQUFJLG1DQUFZLEdBQUcsT0FBTyxFQUFFLFFBQVEsYUFBYSxXQUFXLHVCQUF1QixDQUFDO0FBQ3BGLFVBQUksNENBQXFCLEdBQUcsY0FBYyxFQUFFLE1BQU0sT0FBTyxVQUFVLEtBQUssYUFBYSw4Q0FBOEMsQ0FBQztBQUNwSSxZQUFNLFdBQVcsSUFBSSxnQ0FBUyxHQUFHLFlBQVksRUFBRSxRQUFRLEdBQUcsQ0FBQztBQUMzRCxVQUFJLDRDQUFxQixHQUFHLFlBQVksRUFBRSxNQUFNLFFBQVEsVUFBVSxLQUFLLGFBQWEsa0JBQWtCLFNBQVMsTUFBTSx3QkFBd0IsQ0FBQztBQUU5SSxVQUFJLDRDQUFzQixHQUFHLFVBQVUsRUFBRSxNQUFNLE9BQU8sWUFBWSxRQUFRLG9CQUFvQixDQUFDLEVBQUUsYUFBYSxXQUFXLFNBQVMsV0FBVyxjQUFjLE9BQU8sQ0FBQyxFQUFFLENBQUM7QUFBQSxJQUN4SyxDQUFDLEVBQUUsT0FBTyxDQUFDLE1BQU0sRUFBRSxXQUFXLFVBQVU7QUFDeEMsc0NBQU8sTUFBTSxJQUFJLENBQUMsTUFBTSxDQUFDLEVBQUUsTUFBTSxFQUFFLFFBQVEsTUFBTSxPQUFPLEVBQUUsQ0FBQyxDQUFDLENBQUMsQ0FBQyxFQUFFLFFBQVE7QUFBQSxNQUN0RSxDQUFDLFlBQVkseUJBQXlCO0FBQUEsTUFDdEMsQ0FBQyxtQkFBbUIsc0RBQXNEO0FBQUEsSUFDNUUsQ0FBQztBQUFBLEVBQ0gsQ0FBQztBQUVELGdDQUFHLDJFQUEyRSxNQUFNO0FBQ2xGLFVBQU0sUUFBUSxTQUFTLENBQUMsTUFBTSxlQUFlLEdBQUcsUUFBUSxDQUFDLEVBQUUsTUFBTSxZQUFZLE9BQU8sMkNBQTJDLEdBQUcsRUFBRSxNQUFNLFFBQVEsT0FBTywyQkFBMkIsQ0FBQyxDQUFDLENBQUM7QUFDdkwsc0NBQU8sTUFBTSxLQUFLLENBQUMsTUFBTSxFQUFFLFdBQVcsVUFBVSxHQUFHLE9BQU8sRUFBRSxRQUFRLDBFQUEwRTtBQUFBLEVBQ2hKLENBQUM7QUFFRCxnQ0FBRyxzR0FBc0csTUFBTTtBQUM3RyxVQUFNLFFBQVEsU0FBUyxDQUFDLE1BQU07QUFDNUIsVUFBSSxzQ0FBZSxHQUFHLFVBQVUsRUFBRSxjQUFjLFVBQVUsTUFBTSxZQUFZLGFBQWEsU0FBUyxVQUFVLE9BQU8sYUFBYSxFQUFFLFdBQVcsRUFBRSxtQkFBbUIsU0FBUyxFQUFFLEVBQUUsQ0FBQztBQUFBLElBQ2xMLENBQUM7QUFDRCxzQ0FBTyxNQUFNLE9BQU8sQ0FBQyxNQUFNLEVBQUUsU0FBUyxhQUFhLEVBQUUsSUFBSSxDQUFDLE1BQU0sQ0FBQyxFQUFFLFFBQVEsRUFBRSxRQUFRLE1BQU0sT0FBTyxFQUFFLENBQUMsQ0FBQyxDQUFDLENBQUMsRUFBRSxRQUFRO0FBQUEsTUFDaEgsQ0FBQyxZQUFZLHlEQUF5RDtBQUFBLE1BQ3RFLENBQUMsWUFBWSxzREFBc0Q7QUFBQSxNQUNuRSxDQUFDLFlBQVkseUVBQXlFO0FBQUEsSUFDeEYsQ0FBQztBQUFBLEVBQ0gsQ0FBQztBQUVELGdDQUFHLDZEQUE2RCxNQUFNO0FBQ3BFLFVBQU0sUUFBUSxTQUFTLENBQUMsTUFBTSxJQUFJLGdDQUFTLEdBQUcsU0FBUyxFQUFFLGdCQUFnQixLQUFLLFFBQVEsYUFBYSxDQUFDLENBQUM7QUFDckcsc0NBQU8sS0FBSyxFQUFFLFFBQVE7QUFBQSxNQUNwQiw4QkFBTyxpQkFBaUIsRUFBRSxRQUFRLFlBQVksT0FBTyxTQUFTLE1BQU0sY0FBYyxTQUFTLDhCQUFPLGVBQWUsd0JBQXdCLEVBQUUsQ0FBQztBQUFBLE1BQzVJLDhCQUFPLGlCQUFpQixFQUFFLFFBQVEsWUFBWSxPQUFPLFNBQVMsTUFBTSxjQUFjLFNBQVMsOEJBQU8sZUFBZSx3QkFBd0IsRUFBRSxDQUFDO0FBQUEsSUFDOUksQ0FBQztBQUFBLEVBQ0gsQ0FBQztBQUVELGdDQUFHLCtDQUErQyxNQUFNO0FBQ3RELFVBQU0sUUFBUSxTQUFTLENBQUMsTUFBTTtBQUM1QixZQUFNLFdBQVcsSUFBSSxnQ0FBUyxHQUFHLFVBQVUsRUFBRSxRQUFRLElBQUksQ0FBQztBQUMxRCxVQUFJLHNDQUFlLEdBQUcsVUFBVSxFQUFFLFFBQVEsU0FBUyxJQUFJLFFBQVEsYUFBYSxDQUFDO0FBQUEsSUFDL0UsQ0FBQztBQUNELHNDQUFPLE1BQU0sS0FBSyxDQUFDLE1BQU0sRUFBRSxXQUFXLFNBQVMsQ0FBQyxFQUFFLGNBQWMsRUFBRSxNQUFNLFFBQVEsU0FBUyw4QkFBTyxlQUFlLHdCQUF3QixFQUFFLENBQUM7QUFFMUksc0NBQU8sTUFBTSxLQUFLLENBQUMsTUFBTSxFQUFFLFdBQVcsU0FBUyxDQUFDLEVBQUUsY0FBYyxFQUFFLE1BQU0sY0FBYyxDQUFDO0FBQUEsRUFDekYsQ0FBQztBQUNILENBQUM7R0FFRCxpQ0FBUyxnQkFBZ0IsTUFBTTtBQUM3QixRQUFNLFNBQVM7QUFFZixnQ0FBRyxvRUFBb0UsTUFBTTtBQUMzRSxVQUFNLEVBQUUsUUFBUSxJQUFJLFFBQVEsQ0FBQyxNQUFNO0FBQ2pDLFlBQU0sT0FBTyxJQUFJLGlDQUFVLEdBQUcsTUFBTTtBQUNwQyxhQUFPLE1BQU0sWUFBWSxFQUFFLFlBQVksU0FBUyxDQUFDO0FBQ2pELDBDQUFTLE1BQU0sRUFBRSxJQUFJLFdBQVcsT0FBTyxDQUFDO0FBQUEsSUFDMUMsQ0FBQztBQUNELHNDQUFPLFFBQVEsQ0FBQyxFQUFFLFFBQVEsRUFBRSxRQUFRLENBQUMsQ0FBQztBQUN0QyxzQ0FBTyxRQUFRLENBQUMsRUFBRSxVQUFVLEVBQUUsUUFBUTtBQUFBLE1BQ3BDLDhCQUFPLGlCQUFpQixFQUFFLFFBQVEsV0FBVyxNQUFNLHNCQUFzQixjQUFjLGFBQWEsT0FBTyxDQUFDO0FBQUEsSUFDOUcsQ0FBQztBQUNELHlDQUFPLDhDQUFzQixPQUFPLENBQUMsRUFBRSxVQUFVLDBCQUEwQixNQUFNLEVBQUU7QUFBQSxFQUNyRixDQUFDO0FBRUQsZ0NBQUcsNkJBQTZCLE1BQU07QUFDcEMsVUFBTSxFQUFFLFFBQVEsSUFBSSxRQUFRLENBQUMsTUFBTTtBQUNqQywwQ0FBUyxJQUFJLGdDQUFTLEdBQUcsVUFBVSxFQUFFLFFBQVEsSUFBSSxDQUFDLEdBQUcsRUFBRSxJQUFJLFdBQVcsT0FBTyxDQUFDO0FBQUEsSUFDaEYsQ0FBQztBQUNELHNDQUFPLFFBQVEsQ0FBQyxFQUFFLFNBQVMsSUFBSSxDQUFDLE1BQU0sRUFBRSxNQUFNLEVBQUUsS0FBSyxDQUFDLEVBQUUsUUFBUSxDQUFDLFdBQVcsU0FBUyxDQUFDO0FBQUEsRUFDeEYsQ0FBQztBQUVELGdDQUFHLDBFQUEwRSxNQUFNO0FBQ2pGLFVBQU0sU0FBTSxnQ0FBUTtBQUNwQixVQUFNLFFBQVEsSUFBSSxzQ0FBZSxLQUFLLE1BQU07QUFDNUMsVUFBTSxTQUFTLElBQUksZ0NBQVMsT0FBTyxVQUFVLEVBQUUsUUFBUSxJQUFJLENBQUM7QUFDNUQsc0NBQU8sU0FBTSxpQ0FBUyxRQUFRLEVBQUUsSUFBSSxXQUFXLFFBQVEsYUFBYSxDQUFDLENBQUMsRUFBRSxRQUFRLHdCQUF3QjtBQUN4RyxzQ0FBTyxTQUFNLGlDQUFTLFFBQVEsRUFBRSxJQUFJLFdBQVcsUUFBUSw0QkFBNEIsQ0FBQyxDQUFDLEVBQUUsUUFBUSx3QkFBd0I7QUFDdkgsc0NBQU8sU0FBTSxpQ0FBUyxRQUFRLEVBQUUsSUFBSSxXQUFXLE9BQU8sQ0FBQyxDQUFDLEVBQUUsUUFBUSxrQ0FBa0M7QUFDcEcsc0NBQU8sU0FBTSxpQ0FBUyxPQUFPLEVBQUUsSUFBSSxXQUFXLE9BQU8sQ0FBQyxDQUFDLEVBQUUsUUFBUSxzQkFBc0I7QUFBQSxFQUN6RixDQUFDO0FBQ0gsQ0FBQztBQUVELGdDQUFTLEtBQUssT0FBTyxRQUFLLG9DQUFZLENBQUMsRUFBRSwwQkFBMEIsQ0FBQyxRQUFRO0FBRTFFLFFBQU0sV0FBUSx5Q0FBaUIsR0FBRztBQUVsQyxnQ0FBRyx5REFBeUQsTUFBTTtBQUNoRSxVQUFNLGFBQVUsd0NBQWdCLE1BQU0sT0FBTyxXQUFXLEtBQUssSUFBSTtBQUNqRSxzQ0FBTyxRQUFRLElBQUksQ0FBQyxNQUFNLEVBQUUsS0FBSyxFQUFFLEtBQUssQ0FBQyxFQUFFLFFBQVEsQ0FBQyxHQUFHLE1BQU0sUUFBUSxFQUFFLEtBQUssQ0FBQztBQUM3RSxVQUFNLFNBQVMsUUFBUSxRQUFRLENBQUMsTUFBTSxFQUFFLFFBQVEsRUFBRSxPQUFPLENBQUMsTUFBTSxFQUFFLFVBQVUsT0FBTztBQUNuRixzQ0FBTyxPQUFPLElBQUksQ0FBQyxNQUFNLEdBQUcsRUFBRSxNQUFNLElBQUksRUFBRSxJQUFJLEtBQUssRUFBRSxPQUFPLEVBQUUsQ0FBQyxFQUFFLFFBQVEsQ0FBQyxDQUFDO0FBQUEsRUFDN0UsQ0FBQztBQUNILENBQUM7R0FFRCxpQ0FBUyxxQkFBcUIsTUFBTTtBQUVsQyxRQUFNLFdBQVEsa0RBQTBCLE1BQU07QUFFOUMsZ0NBQUcsa0ZBQWtGLE1BQU07QUFDekYsVUFBTSxZQUFTLHdDQUFnQixNQUFNLE9BQU8sV0FBVyxLQUFLLElBQUksRUFDN0QsUUFBUSxDQUFDLE1BQU0sRUFBRSxRQUFRLEVBQ3pCLE9BQU8sQ0FBQyxNQUFNLEVBQUUsVUFBVSxPQUFPO0FBQ3BDLHNDQUFPLE9BQU8sSUFBSSxDQUFDLE1BQU0sR0FBRyxFQUFFLE1BQU0sSUFBSSxFQUFFLElBQUksS0FBSyxFQUFFLE9BQU8sRUFBRSxDQUFDLEVBQUUsUUFBUSxDQUFDLENBQUM7QUFBQSxFQUM3RSxDQUFDO0FBQ0gsQ0FBQztHQUVELGlDQUFTLHdCQUF3QixNQUFNO0FBQ3JDLFFBQU0sY0FBYyxTQUFNLHNDQUFZLCtCQUFLLDhCQUFPLEdBQUcsc0JBQXNCLENBQUM7QUFDNUUsUUFBTSxZQUFZLENBQUMsV0FBbUI7QUFDcEMsVUFBTSxNQUFNLElBQUksMkJBQUksRUFBRSxPQUFPLENBQUM7QUFDOUIsZUFBVyxNQUFNLENBQUMsU0FBUyxRQUFRLEdBQUc7QUFDcEMsWUFBTSxRQUFRLElBQUksc0NBQWUsS0FBSyxFQUFFO0FBQ3hDLFVBQUksbUNBQVksT0FBTyxPQUFPLEVBQUUsUUFBUSxZQUFZLENBQUM7QUFDckQsaURBQWdCLE9BQU8sRUFBRSxZQUFZLE1BQU0sQ0FBQztBQUM1QyxVQUFJLDhCQUFPLE9BQU8sT0FBTyxFQUFFLG1CQUFtQixNQUFNLENBQUM7QUFBQSxJQUN2RDtBQUNBLFdBQU8sRUFBRSxJQUFJO0FBQUEsRUFDZjtBQUVBLGdDQUFHLHFGQUFxRixNQUFNO0FBQzVGLFVBQU0sT0FBTyxZQUFZO0FBQ3pCLFVBQU0sWUFBUyw0QkFBSyxNQUFNLFdBQVc7QUFDckMsd0RBQXlCLFFBQVEsQ0FBQyxTQUFTLEVBQUUsS0FBSyxJQUFJLDJCQUFJLEVBQUUsUUFBUSxJQUFJLENBQUMsRUFBRSxJQUFJLE1BQU07QUFBQSxJQUFDLENBQUM7QUFDdkYsK0NBQWMsNEJBQUssUUFBUSxjQUFjLEdBQUcsMEJBQTBCO0FBQ3RFLFVBQU0sWUFBUyxtQ0FBWSxNQUFNLEVBQUUsS0FBSztBQUV4QyxRQUFJO0FBQ0osUUFBSTtBQUNGLDBEQUF5QixRQUFRLFdBQVcsTUFBTTtBQUFBLE1BQUMsQ0FBQztBQUFBLElBQ3RELFNBQVMsUUFBUTtBQUNmLGNBQVE7QUFBQSxJQUNWO0FBQ0Esc0NBQU8sS0FBSyxFQUFFLGtCQUFlLCtDQUF1QjtBQUNwRCxVQUFNLFVBQVcsTUFBZ0I7QUFDakMsc0NBQU8sT0FBTyxFQUFFLFFBQVEsc0JBQXNCO0FBQzlDLHNDQUFPLE9BQU8sRUFBRSxRQUFRLHlEQUF5RDtBQUNqRixzQ0FBTyxPQUFPLEVBQUUsUUFBUSxzQ0FBc0M7QUFDOUQsc0NBQVEsTUFBZ0IsS0FBSyxFQUFFLElBQUksUUFBUSxVQUFVO0FBQ3JELHlDQUFPLG1DQUFZLE1BQU0sRUFBRSxLQUFLLENBQUMsRUFBRSxRQUFRLE1BQU07QUFDakQseUNBQU8scUNBQVcsNEJBQUssUUFBUSxVQUFVLE9BQU8sQ0FBQyxDQUFDLEVBQUUsS0FBSyxLQUFLO0FBQzlELHlDQUFPLG1DQUFZLElBQUksQ0FBQyxFQUFFLFFBQVEsQ0FBQyxXQUFXLENBQUM7QUFDL0MscUNBQU8sTUFBTSxFQUFFLFdBQVcsTUFBTSxPQUFPLEtBQUssQ0FBQztBQUFBLEVBQy9DLENBQUM7QUFFRCxnQ0FBRyx5RkFBeUYsTUFBTTtBQUNoRyxVQUFNLE9BQU8sWUFBWTtBQUN6QixVQUFNLFlBQVMsNEJBQUssTUFBTSxXQUFXO0FBQ3JDLFVBQU0sVUFBb0IsQ0FBQztBQUMzQixVQUFNLFVBQVUsQ0FBQyxRQUFnQjtBQUMvQixZQUFNLE1BQU0sSUFBSSwyQkFBSSxFQUFFLFFBQVEsSUFBSSxDQUFDO0FBQ25DLFlBQU0sUUFBUSxJQUFJLHNDQUFlLEtBQUssTUFBTTtBQUM1QyxVQUFJLG1DQUFZLE9BQU8sT0FBTyxFQUFFLFFBQVEsWUFBWSxDQUFDO0FBQ3JELGlEQUFnQixPQUFPLEVBQUUsWUFBWSxNQUFNLENBQUM7QUFDNUMsYUFBTyxPQUFPLFFBQVE7QUFDdEIsWUFBTSxNQUFNLElBQUksOEJBQU8sT0FBTyxPQUFPLEVBQUUsbUJBQW1CLE1BQU0sQ0FBQztBQUNqRSwwQ0FBUyxLQUFLLEVBQUUsSUFBSSxZQUFZLFFBQVEsNkNBQTZDLENBQUM7QUFDdEYsYUFBTyxFQUFFLElBQUk7QUFBQSxJQUNmO0FBQ0Esd0RBQXlCLFFBQVEsU0FBUyxDQUFDLFNBQVMsUUFBUSxLQUFLLElBQUksQ0FBQztBQUN0RSwrQ0FBYyw0QkFBSyxRQUFRLFVBQVUsUUFBUSx3QkFBd0IsR0FBRyxJQUFJO0FBQzVFLFVBQU0sRUFBRSxRQUFRLE9BQUksaURBQXlCLFFBQVEsU0FBUyxDQUFDLFNBQVMsUUFBUSxLQUFLLElBQUksQ0FBQztBQUUxRixzQ0FBTyxLQUFLLFNBQU0sdUNBQWEsNEJBQUssUUFBUSxlQUFlLEdBQUcsTUFBTSxDQUFDLEVBQUUsT0FBTyxJQUFJLEVBQUUsWUFBWTtBQUNoRyx5Q0FBTyxxQ0FBVyw0QkFBSyxRQUFRLFVBQVUsUUFBUSxhQUFhLENBQUMsQ0FBQyxFQUFFLEtBQUssSUFBSTtBQUMzRSx5Q0FBTyxxQ0FBVyw0QkFBSyxRQUFRLFVBQVUsUUFBUSx3QkFBd0IsQ0FBQyxDQUFDLEVBQUUsS0FBSyxJQUFJO0FBQ3RGLHNDQUFPLEtBQUssU0FBTSx1Q0FBYSw0QkFBSyxXQUFRLDZDQUFxQixHQUFHLE1BQU0sQ0FBQyxDQUFDLEVBQUUsUUFBUSxPQUFPO0FBQzdGLHNDQUFPLFFBQVEsQ0FBQyxDQUFDLEVBQUUsUUFBUSxxR0FBcUc7QUFDaEksc0NBQU8sUUFBUSxDQUFDLENBQUMsRUFBRSxVQUFVLGtFQUFrRTtBQUMvRixxQ0FBTyxNQUFNLEVBQUUsV0FBVyxNQUFNLE9BQU8sS0FBSyxDQUFDO0FBQUEsRUFDL0MsQ0FBQztBQUVELGdDQUFHLGdEQUFnRCxNQUFNO0FBQ3ZELFVBQU0sT0FBTyxZQUFZO0FBQ3pCLFVBQU0sWUFBUyw0QkFBSyxNQUFNLFdBQVc7QUFDckM7QUFBQSxNQUFPLFNBQ0wsaURBQXlCLFFBQVEsTUFBTTtBQUNyQyxjQUFNLElBQUksTUFBTSwrQkFBK0I7QUFBQSxNQUNqRCxDQUFDO0FBQUEsSUFDSCxFQUFFLFFBQVEsVUFBVTtBQUNwQix5Q0FBTyxtQ0FBWSxJQUFJLENBQUMsRUFBRSxRQUFRLENBQUMsQ0FBQztBQUNwQyxxQ0FBTyxNQUFNLEVBQUUsV0FBVyxNQUFNLE9BQU8sS0FBSyxDQUFDO0FBQUEsRUFDL0MsQ0FBQztBQUNILENBQUMiLCJuYW1lcyI6W10sImlnbm9yZUxpc3QiOltdLCJzb3VyY2VzIjpbImd1YXJkcmFpbHMudGVzdC50cyJdLCJzb3VyY2VzQ29udGVudCI6WyJpbXBvcnQgeyBleGlzdHNTeW5jLCBta2R0ZW1wU3luYywgcmVhZEZpbGVTeW5jLCByZWFkZGlyU3luYywgcm1TeW5jLCB3cml0ZUZpbGVTeW5jIH0gZnJvbSBcIm5vZGU6ZnNcIjtcbmltcG9ydCB7IHRtcGRpciB9IGZyb20gXCJub2RlOm9zXCI7XG5pbXBvcnQgeyBqb2luIH0gZnJvbSBcIm5vZGU6cGF0aFwiO1xuaW1wb3J0IHsgQmFja3VwVmF1bHQgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvYmFja3VwLXZhdWx0XCI7XG5pbXBvcnQgeyBDbG91ZHRyYWlsIH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL2Nsb3VkdHJhaWxcIjtcbmltcG9ydCB7IENsb3Vkd2F0Y2hMb2dHcm91cCB9IGZyb20gXCJAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9jbG91ZHdhdGNoLWxvZy1ncm91cFwiO1xuaW1wb3J0IHsgQ29nbml0b1VzZXJQb29sQ2xpZW50IH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL2NvZ25pdG8tdXNlci1wb29sLWNsaWVudFwiO1xuaW1wb3J0IHsgRGJJbnN0YW5jZSwgdHlwZSBEYkluc3RhbmNlQ29uZmlnIH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL2RiLWluc3RhbmNlXCI7XG5pbXBvcnQgeyBEYlBhcmFtZXRlckdyb3VwIH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL2RiLXBhcmFtZXRlci1ncm91cFwiO1xuaW1wb3J0IHsgRWJzVm9sdW1lIH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL2Vicy12b2x1bWVcIjtcbmltcG9ydCB7IEVjclJlcG9zaXRvcnkgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvZWNyLXJlcG9zaXRvcnlcIjtcbmltcG9ydCB7IEVjc1NlcnZpY2UgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvZWNzLXNlcnZpY2VcIjtcbmltcG9ydCB7IEVjc1Rhc2tEZWZpbml0aW9uIH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL2Vjcy10YXNrLWRlZmluaXRpb25cIjtcbmltcG9ydCB7IEVsYXN0aWNhY2hlUmVwbGljYXRpb25Hcm91cCB9IGZyb20gXCJAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9lbGFzdGljYWNoZS1yZXBsaWNhdGlvbi1ncm91cFwiO1xuaW1wb3J0IHsgS21zS2V5IH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL2ttcy1rZXlcIjtcbmltcG9ydCB7IExhbWJkYUZ1bmN0aW9uIH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL2xhbWJkYS1mdW5jdGlvblwiO1xuaW1wb3J0IHsgTGIgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvbGJcIjtcbmltcG9ydCB7IExiTGlzdGVuZXIgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvbGItbGlzdGVuZXJcIjtcbmltcG9ydCB7IEF3c1Byb3ZpZGVyIH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL3Byb3ZpZGVyXCI7XG5pbXBvcnQgeyBTM0J1Y2tldCB9IGZyb20gXCJAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9zMy1idWNrZXRcIjtcbmltcG9ydCB7IFMzQnVja2V0UG9saWN5IH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL3MzLWJ1Y2tldC1wb2xpY3lcIjtcbmltcG9ydCB7IFMzQnVja2V0UHVibGljQWNjZXNzQmxvY2sgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvczMtYnVja2V0LXB1YmxpYy1hY2Nlc3MtYmxvY2tcIjtcbmltcG9ydCB7IFMzQnVja2V0U2VydmVyU2lkZUVuY3J5cHRpb25Db25maWd1cmF0aW9uQSB9IGZyb20gXCJAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9zMy1idWNrZXQtc2VydmVyLXNpZGUtZW5jcnlwdGlvbi1jb25maWd1cmF0aW9uXCI7XG5pbXBvcnQgeyBTZWNyZXRzbWFuYWdlclNlY3JldCB9IGZyb20gXCJAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi9zZWNyZXRzbWFuYWdlci1zZWNyZXRcIjtcbmltcG9ydCB7IFNuc1RvcGljIH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL3Nucy10b3BpY1wiO1xuaW1wb3J0IHsgU25zVG9waWNQb2xpY3kgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvc25zLXRvcGljLXBvbGljeVwiO1xuaW1wb3J0IHsgU3FzUXVldWUgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvc3FzLXF1ZXVlXCI7XG5pbXBvcnQgeyBTdWJuZXQgfSBmcm9tIFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvc3VibmV0XCI7XG5pbXBvcnQgeyBWcGNTZWN1cml0eUdyb3VwRWdyZXNzUnVsZSB9IGZyb20gXCJAY2RrdGYvcHJvdmlkZXItYXdzL2xpYi92cGMtc2VjdXJpdHktZ3JvdXAtZWdyZXNzLXJ1bGVcIjtcbmltcG9ydCB7IFBhc3N3b3JkIH0gZnJvbSBcIkBjZGt0Zi9wcm92aWRlci1yYW5kb20vbGliL3Bhc3N3b3JkXCI7XG5pbXBvcnQgeyBBcHAsIFRlcnJhZm9ybU91dHB1dCwgVGVycmFmb3JtU3RhY2sgfSBmcm9tIFwiY2RrdGZcIjtcbmltcG9ydCB7IENvbnN0cnVjdCB9IGZyb20gXCJjb25zdHJ1Y3RzXCI7XG5pbXBvcnQgeyBkZXNjcmliZSwgZXhwZWN0LCBpdCB9IGZyb20gXCJ2aXRlc3RcIjtcbmltcG9ydCB7IEVOVklST05NRU5UUyB9IGZyb20gXCIuLi8uLi9jb25maWdcIjtcbmltcG9ydCB7IEFwcFNlY3JldCB9IGZyb20gXCIuLi8uLi9jb25zdHJ1Y3RzL2FwcC1zZWNyZXRcIjtcbmltcG9ydCB7IEVuY3J5cHRlZExvZ0dyb3VwIH0gZnJvbSBcIi4uLy4uL2NvbnN0cnVjdHMvZW5jcnlwdGVkLWxvZy1ncm91cFwiO1xuaW1wb3J0IHsgRW5jcnlwdGlvbktleSB9IGZyb20gXCIuLi8uLi9jb25zdHJ1Y3RzL2VuY3J5cHRpb24ta2V5XCI7XG5pbXBvcnQgeyB0eXBlIFBvbGljeVN0YXRlbWVudCwgcG9saWN5RG9jdW1lbnQgfSBmcm9tIFwiLi4vLi4vY29uc3RydWN0cy9pYW0tcG9saWN5XCI7XG5pbXBvcnQgeyBTZWN1cml0eUdyb3VwV2l0aFJ1bGVzIH0gZnJvbSBcIi4uLy4uL2NvbnN0cnVjdHMvc2VjdXJpdHktZ3JvdXBcIjtcbmltcG9ydCB7IFNlcnZpY2VSb2xlIH0gZnJvbSBcIi4uLy4uL2NvbnN0cnVjdHMvc2VydmljZS1yb2xlXCI7XG5pbXBvcnQge1xuICB0eXBlIEZpbmRpbmcsXG4gIEdVQVJEUkFJTF9SRVBPUlRfRklMRSxcbiAgR3VhcmRyYWlsVmlvbGF0aW9uRXJyb3IsXG4gIFJVTEVTLFxuICB0eXBlIFN0YWNrR3VhcmRyYWlsUmVwb3J0LFxuICBhcHBseUd1YXJkcmFpbHMsXG4gIGNvbGxlY3RGaW5kaW5ncyxcbiAgZm9ybWF0R3VhcmRyYWlsUmVwb3J0LFxuICBzdXBwcmVzcyxcbiAgc3ludGhlc2l6ZVdpdGhHdWFyZHJhaWxzLFxufSBmcm9tIFwiLi4vLi4vZ3VhcmRyYWlsc1wiO1xuaW1wb3J0IHsgc3ludGhXaXRoT3B0aW9uYWxTZWN0aW9ucyB9IGZyb20gXCIuLi9zdXBwb3J0L29wdGlvbmFsLXNlY3Rpb25zXCI7XG5pbXBvcnQgeyBzeW50aEVudmlyb25tZW50IH0gZnJvbSBcIi4uL3N1cHBvcnQvc3ludGhcIjtcbmltcG9ydCB7IHRlc3RBcHAgfSBmcm9tIFwiLi4vc3VwcG9ydC90ZXN0LWFwcFwiO1xuXG5jb25zdCBLRVkgPSBcImFybjphd3M6a21zOnVzLWVhc3QtMToxMTExMTExMTExMTE6a2V5LzExMTExMTExLTIyMjItMzMzMy00NDQ0LTU1NTU1NTU1NTU1NVwiO1xuY29uc3QgQUNDT1VOVCA9IFwiMTExMTExMTExMTExXCI7XG5cbi8qKiBBIHRocm93YXdheSBhcHAgd2l0aCBvbmUgZ3VhcmRlZCBzdGFjazsgYGJ1aWxkYCBhZGRzIGNvbnN0cnVjdHMgdG8gaXQuICovXG5mdW5jdGlvbiBndWFyZGVkKGJ1aWxkOiAoc3RhY2s6IFRlcnJhZm9ybVN0YWNrKSA9PiB2b2lkLCBwcm9kdWN0aW9uID0gZmFsc2UpOiB7IGFwcDogQXBwOyByZXBvcnRzOiBTdGFja0d1YXJkcmFpbFJlcG9ydFtdIH0ge1xuICBjb25zdCBhcHAgPSB0ZXN0QXBwKCk7XG4gIGNvbnN0IHN0YWNrID0gbmV3IFRlcnJhZm9ybVN0YWNrKGFwcCwgXCJ0ZXN0XCIpO1xuICBhcHBseUd1YXJkcmFpbHMoc3RhY2ssIHsgcHJvZHVjdGlvbiB9KTtcbiAgYnVpbGQoc3RhY2spO1xuICByZXR1cm4geyBhcHAsIHJlcG9ydHM6IGNvbGxlY3RGaW5kaW5ncyhhcHApIH07XG59XG5cbmZ1bmN0aW9uIGZpbmRpbmdzKGJ1aWxkOiAoc3RhY2s6IFRlcnJhZm9ybVN0YWNrKSA9PiB2b2lkLCBwcm9kdWN0aW9uID0gZmFsc2UpOiBGaW5kaW5nW10ge1xuICByZXR1cm4gZ3VhcmRlZChidWlsZCwgcHJvZHVjdGlvbikucmVwb3J0cy5mbGF0TWFwKChyKSA9PiByLmZpbmRpbmdzKTtcbn1cblxuY29uc3QgZGF0YWJhc2UgPSAoc2NvcGU6IENvbnN0cnVjdCwgaWQ6IHN0cmluZywgb3ZlcnJpZGVzOiBQYXJ0aWFsPERiSW5zdGFuY2VDb25maWc+ID0ge30pID0+XG4gIG5ldyBEYkluc3RhbmNlKHNjb3BlLCBpZCwge1xuICAgIGlkZW50aWZpZXI6IGlkLFxuICAgIGVuZ2luZTogXCJwb3N0Z3Jlc1wiLFxuICAgIGluc3RhbmNlQ2xhc3M6IFwiZGIudDRnLm1pY3JvXCIsXG4gICAgYWxsb2NhdGVkU3RvcmFnZTogMjAsXG4gICAgc3RvcmFnZUVuY3J5cHRlZDogdHJ1ZSxcbiAgICBrbXNLZXlJZDogS0VZLFxuICAgIG1hbmFnZU1hc3RlclVzZXJQYXNzd29yZDogdHJ1ZSxcbiAgICAuLi5vdmVycmlkZXMsXG4gIH0pO1xuXG5pbnRlcmZhY2UgQnVja2V0T3B0aW9ucyB7XG4gIC8qKiBEZWZhdWx0IGVuY3J5cHRpb24uIEBkZWZhdWx0IFwia21zXCIgKi9cbiAgcmVhZG9ubHkgZW5jcnlwdGlvbj86IFwia21zXCIgfCBcInNzZS1zM1wiO1xuICAvKiogUG9saWN5IHN0YXRlbWVudHMgYmVzaWRlIHRoZSBUTFMtb25seSBkZW55LiAqL1xuICByZWFkb25seSBncmFudHM/OiByZWFkb25seSBQb2xpY3lTdGF0ZW1lbnRbXTtcbn1cblxuLyoqIEEgYnVja2V0IHdpdGggcHVibGljIGFjY2VzcyBibG9jaywgZGVmYXVsdCBlbmNyeXB0aW9uIGFuZCBhIFRMUy1vbmx5IHBvbGljeSwgYXMgcmF3IHJlc291cmNlcy4gKi9cbmNvbnN0IGJ1Y2tldCA9IChzY29wZTogQ29uc3RydWN0LCBpZDogc3RyaW5nLCBvcHRpb25zOiBCdWNrZXRPcHRpb25zID0ge30pID0+IHtcbiAgY29uc3QgcmVzb3VyY2UgPSBuZXcgUzNCdWNrZXQoc2NvcGUsIGlkLCB7IGJ1Y2tldDogYGJ1Y2tldC0ke2lkfWAgfSk7XG4gIG5ldyBTM0J1Y2tldFB1YmxpY0FjY2Vzc0Jsb2NrKHNjb3BlLCBgJHtpZH1fYmxvY2tgLCB7XG4gICAgYnVja2V0OiByZXNvdXJjZS5pZCxcbiAgICBibG9ja1B1YmxpY0FjbHM6IHRydWUsXG4gICAgYmxvY2tQdWJsaWNQb2xpY3k6IHRydWUsXG4gICAgaWdub3JlUHVibGljQWNsczogdHJ1ZSxcbiAgICByZXN0cmljdFB1YmxpY0J1Y2tldHM6IHRydWUsXG4gIH0pO1xuICBuZXcgUzNCdWNrZXRTZXJ2ZXJTaWRlRW5jcnlwdGlvbkNvbmZpZ3VyYXRpb25BKHNjb3BlLCBgJHtpZH1fZW5jcnlwdGlvbmAsIHtcbiAgICBidWNrZXQ6IHJlc291cmNlLmlkLFxuICAgIHJ1bGU6IFtcbiAgICAgIHtcbiAgICAgICAgYXBwbHlTZXJ2ZXJTaWRlRW5jcnlwdGlvbkJ5RGVmYXVsdDpcbiAgICAgICAgICBvcHRpb25zLmVuY3J5cHRpb24gPT09IFwic3NlLXMzXCIgPyB7IHNzZUFsZ29yaXRobTogXCJBRVMyNTZcIiB9IDogeyBzc2VBbGdvcml0aG06IFwiYXdzOmttc1wiLCBrbXNNYXN0ZXJLZXlJZDogS0VZIH0sXG4gICAgICB9LFxuICAgIF0sXG4gIH0pO1xuICBuZXcgUzNCdWNrZXRQb2xpY3koc2NvcGUsIGAke2lkfV9wb2xpY3lgLCB7XG4gICAgYnVja2V0OiByZXNvdXJjZS5pZCxcbiAgICBwb2xpY3k6IHBvbGljeURvY3VtZW50KFtcbiAgICAgIHtcbiAgICAgICAgc2lkOiBcIkRlbnlXaXRob3V0VGxzXCIsXG4gICAgICAgIGVmZmVjdDogXCJEZW55XCIsXG4gICAgICAgIHByaW5jaXBhbHM6IFwiKlwiLFxuICAgICAgICBhY3Rpb25zOiBbXCJzMzoqXCJdLFxuICAgICAgICByZXNvdXJjZXM6IFtyZXNvdXJjZS5hcm4sIGAke3Jlc291cmNlLmFybn0vKmBdLFxuICAgICAgICBjb25kaXRpb25zOiB7IEJvb2w6IHsgXCJhd3M6U2VjdXJlVHJhbnNwb3J0XCI6IFwiZmFsc2VcIiB9IH0sXG4gICAgICB9LFxuICAgICAgLi4uKG9wdGlvbnMuZ3JhbnRzID8/IFtdKSxcbiAgICBdKSxcbiAgfSk7XG4gIHJldHVybiByZXNvdXJjZTtcbn07XG5cbmNvbnN0IHRhc2tEZWZpbml0aW9uID0gKHNjb3BlOiBDb25zdHJ1Y3QsIGlkOiBzdHJpbmcsIGVudmlyb25tZW50OiB7IG5hbWU6IHN0cmluZzsgdmFsdWU6IHN0cmluZyB9W10sIGNvbnRhaW5lcjogUmVjb3JkPHN0cmluZywgdW5rbm93bj4gPSB7fSkgPT5cbiAgbmV3IEVjc1Rhc2tEZWZpbml0aW9uKHNjb3BlLCBpZCwge1xuICAgIGZhbWlseTogXCJhcGlcIixcbiAgICBjb250YWluZXJEZWZpbml0aW9uczogSlNPTi5zdHJpbmdpZnkoW1xuICAgICAge1xuICAgICAgICBuYW1lOiBcImFwaVwiLFxuICAgICAgICBpbWFnZTogXCJhcGk6MVwiLFxuICAgICAgICB1c2VyOiBcIjEwMDA6MTAwMFwiLFxuICAgICAgICByZWFkb25seVJvb3RGaWxlc3lzdGVtOiB0cnVlLFxuICAgICAgICAuLi5jb250YWluZXIsXG4gICAgICAgIGVudmlyb25tZW50LFxuICAgICAgICBzZWNyZXRzOiBbeyBuYW1lOiBcIk9QRU5BSV9BUElfS0VZXCIsIHZhbHVlRnJvbTogXCJhcm46YXdzOnNlY3JldHNtYW5hZ2VyOnVzLWVhc3QtMToxMTExMTExMTExMTE6c2VjcmV0Om9wZW5haVwiIH1dLFxuICAgICAgfSxcbiAgICBdKSxcbiAgfSk7XG5cbmludGVyZmFjZSBSdWxlQ2FzZSB7XG4gIC8qKiBCdWlsZHMgc29tZXRoaW5nIHRoZSBydWxlIG11c3QgZmxhZywgdW5kZXIgYSBjb25zdHJ1Y3Qgd2hvc2UgcGF0aCBjb250YWlucyBgdW5zYWZlYC4gKi9cbiAgcmVhZG9ubHkgdW5zYWZlOiAoc3RhY2s6IFRlcnJhZm9ybVN0YWNrKSA9PiB2b2lkO1xuICAvKiogQnVpbGRzIHRoZSBjb21wbGlhbnQgY291bnRlcnBhcnQsIHdoaWNoIG11c3Qgbm90IGJlIGZsYWdnZWQgYnkgdGhlIHJ1bGUuICovXG4gIHJlYWRvbmx5IHNhZmU6IChzdGFjazogVGVycmFmb3JtU3RhY2spID0+IHZvaWQ7XG4gIHJlYWRvbmx5IHByb2R1Y3Rpb24/OiBib29sZWFuO1xuICAvKiogUGFydCBvZiB0aGUgZXhwZWN0ZWQgbWVzc2FnZS4gKi9cbiAgcmVhZG9ubHkgbWVzc2FnZTogUmVnRXhwO1xufVxuXG5jb25zdCBDQVNFUzogUmVjb3JkPHN0cmluZywgUnVsZUNhc2U+ID0ge1xuICBcIlZQLVMzLTFcIjoge1xuICAgIHVuc2FmZTogKHMpID0+IG5ldyBTM0J1Y2tldChzLCBcInVuc2FmZVwiLCB7IGJ1Y2tldDogXCJ1bnNhZmUtYnVja2V0XCIgfSksXG4gICAgc2FmZTogKHMpID0+IGJ1Y2tldChzLCBcInNhZmVcIiksXG4gICAgbWVzc2FnZTogL25vIGF3c19zM19idWNrZXRfcHVibGljX2FjY2Vzc19ibG9jay8sXG4gIH0sXG4gIFwiVlAtUzMtMlwiOiB7XG4gICAgdW5zYWZlOiAocykgPT4gYnVja2V0KHMsIFwidW5zYWZlXCIsIHsgZW5jcnlwdGlvbjogXCJzc2UtczNcIiB9KSxcbiAgICAvLyBTU0UtUzMgaXMgdGhlIGV4Y2VwdGlvbiBmb3IgYSBidWNrZXQgdGhhdCByZWNlaXZlcyBTMyBzZXJ2ZXIgYWNjZXNzIGxvZ3MuXG4gICAgc2FmZTogKHMpID0+XG4gICAgICBidWNrZXQocywgXCJzYWZlXCIsIHtcbiAgICAgICAgZW5jcnlwdGlvbjogXCJzc2UtczNcIixcbiAgICAgICAgZ3JhbnRzOiBbXG4gICAgICAgICAgeyBzaWQ6IFwiQWNjZXNzTG9nc1wiLCBwcmluY2lwYWxzOiB7IFNlcnZpY2U6IFwibG9nZ2luZy5zMy5hbWF6b25hd3MuY29tXCIgfSwgYWN0aW9uczogW1wiczM6UHV0T2JqZWN0XCJdLCByZXNvdXJjZXM6IFtcImFybjphd3M6czM6OjpidWNrZXQtc2FmZS8qXCJdIH0sXG4gICAgICAgIF0sXG4gICAgICB9KSxcbiAgICBtZXNzYWdlOiAvdXNlcyBTU0UtUzMgXFwoQUVTMjU2XFwpIGJ1dCByZWNlaXZlcyBubyBTMyBvciBBTEIgYWNjZXNzIGxvZ3MvLFxuICB9LFxuICBcIlZQLVMzLTNcIjoge1xuICAgIHVuc2FmZTogKHMpID0+IHtcbiAgICAgIGNvbnN0IHJlc291cmNlID0gbmV3IFMzQnVja2V0KHMsIFwidW5zYWZlXCIsIHsgYnVja2V0OiBcInVuc2FmZS1idWNrZXRcIiB9KTtcbiAgICAgIG5ldyBTM0J1Y2tldFBvbGljeShzLCBcInVuc2FmZV9wb2xpY3lcIiwge1xuICAgICAgICBidWNrZXQ6IHJlc291cmNlLmlkLFxuICAgICAgICBwb2xpY3k6IHBvbGljeURvY3VtZW50KFt7IHNpZDogXCJSZWFkT3duQWNjb3VudFwiLCBwcmluY2lwYWxzOiB7IEFXUzogYGFybjphd3M6aWFtOjoke0FDQ09VTlR9OnJvb3RgIH0sIGFjdGlvbnM6IFtcInMzOkdldE9iamVjdFwiXSwgcmVzb3VyY2VzOiBbYCR7cmVzb3VyY2UuYXJufS8qYF0gfV0pLFxuICAgICAgfSk7XG4gICAgfSxcbiAgICBzYWZlOiAocykgPT4gYnVja2V0KHMsIFwic2FmZVwiKSxcbiAgICBtZXNzYWdlOiAvbm8gYnVja2V0IHBvbGljeSBzdGF0ZW1lbnQgZGVuaWVzIHJlcXVlc3RzIHdpdGhvdXQgVExTLyxcbiAgfSxcbiAgXCJWUC1LTVMtMVwiOiB7XG4gICAgdW5zYWZlOiAocykgPT4gbmV3IEttc0tleShzLCBcInVuc2FmZVwiLCB7IGVuYWJsZUtleVJvdGF0aW9uOiBmYWxzZSB9KSxcbiAgICBzYWZlOiAocykgPT5cbiAgICAgIG5ldyBFbmNyeXB0aW9uS2V5KHMsIFwic2FmZVwiLCB7IGFsaWFzOiBcInNhZmVcIiwgZGVzY3JpcHRpb246IFwic2FmZVwiLCBhY2NvdW50SWQ6IEFDQ09VTlQsIGRlbGV0aW9uV2luZG93RGF5czogNywgcm90YXRpb25QZXJpb2REYXlzOiAzNjUgfSksXG4gICAgbWVzc2FnZTogL2VuYWJsZV9rZXlfcm90YXRpb24gaXMgbm90IHRydWUvLFxuICB9LFxuICBcIlZQLVJEUy0xXCI6IHtcbiAgICB1bnNhZmU6IChzKSA9PiBkYXRhYmFzZShzLCBcInVuc2FmZVwiLCB7IHN0b3JhZ2VFbmNyeXB0ZWQ6IGZhbHNlLCBrbXNLZXlJZDogdW5kZWZpbmVkIH0pLFxuICAgIHNhZmU6IChzKSA9PiBkYXRhYmFzZShzLCBcInNhZmVcIiwgeyBwZXJmb3JtYW5jZUluc2lnaHRzRW5hYmxlZDogdHJ1ZSwgcGVyZm9ybWFuY2VJbnNpZ2h0c0ttc0tleUlkOiBLRVkgfSksXG4gICAgbWVzc2FnZTogL2ttc19rZXlfaWQgaXMgbm90IHNldC4qc3RvcmFnZV9lbmNyeXB0ZWQgaXMgbm90IHRydWUvLFxuICB9LFxuICBcIlZQLVJEUy0yXCI6IHtcbiAgICB1bnNhZmU6IChzKSA9PiBkYXRhYmFzZShzLCBcInVuc2FmZVwiLCB7IHB1YmxpY2x5QWNjZXNzaWJsZTogdHJ1ZSB9KSxcbiAgICBzYWZlOiAocykgPT4gZGF0YWJhc2UocywgXCJzYWZlXCIsIHsgcHVibGljbHlBY2Nlc3NpYmxlOiBmYWxzZSB9KSxcbiAgICBtZXNzYWdlOiAvcHVibGljbHlfYWNjZXNzaWJsZSBpcyB0cnVlLyxcbiAgfSxcbiAgXCJWUC1SRFMtM1wiOiB7XG4gICAgdW5zYWZlOiAocykgPT4ge1xuICAgICAgY29uc3QgZ3JvdXAgPSBuZXcgRGJQYXJhbWV0ZXJHcm91cChzLCBcInVuc2FmZV9wYXJhbWV0ZXJzXCIsIHsgZmFtaWx5OiBcInBvc3RncmVzMTVcIiwgcGFyYW1ldGVyOiBbeyBuYW1lOiBcImxvZ19zdGF0ZW1lbnRcIiwgdmFsdWU6IFwiZGRsXCIgfV0gfSk7XG4gICAgICBkYXRhYmFzZShzLCBcInVuc2FmZVwiLCB7IHBhcmFtZXRlckdyb3VwTmFtZTogZ3JvdXAubmFtZSB9KTtcbiAgICB9LFxuICAgIHNhZmU6IChzKSA9PiB7XG4gICAgICBjb25zdCBncm91cCA9IG5ldyBEYlBhcmFtZXRlckdyb3VwKHMsIFwic2FmZV9wYXJhbWV0ZXJzXCIsIHsgZmFtaWx5OiBcInBvc3RncmVzMTVcIiwgcGFyYW1ldGVyOiBbeyBuYW1lOiBcInJkcy5mb3JjZV9zc2xcIiwgdmFsdWU6IFwiMVwiIH1dIH0pO1xuICAgICAgZGF0YWJhc2UocywgXCJzYWZlXCIsIHsgcGFyYW1ldGVyR3JvdXBOYW1lOiBncm91cC5uYW1lIH0pO1xuICAgIH0sXG4gICAgbWVzc2FnZTogL2RvZXMgbm90IGZvcmNlIFNTTC8sXG4gIH0sXG4gIFwiVlAtUkRTLTRcIjoge1xuICAgIHByb2R1Y3Rpb246IHRydWUsXG4gICAgdW5zYWZlOiAocykgPT4gZGF0YWJhc2UocywgXCJ1bnNhZmVcIiwgeyBkZWxldGlvblByb3RlY3Rpb246IGZhbHNlLCBza2lwRmluYWxTbmFwc2hvdDogdHJ1ZSB9KSxcbiAgICBzYWZlOiAocykgPT4gZGF0YWJhc2UocywgXCJzYWZlXCIsIHsgZGVsZXRpb25Qcm90ZWN0aW9uOiB0cnVlLCBmaW5hbFNuYXBzaG90SWRlbnRpZmllcjogXCJzYWZlLWZpbmFsXCIgfSksXG4gICAgbWVzc2FnZTogL2RlbGV0aW9uX3Byb3RlY3Rpb24gaXMgbm90IHRydWU7IHNraXBfZmluYWxfc25hcHNob3QgaXMgdHJ1ZS8sXG4gIH0sXG4gIFwiVlAtUkVESVMtMVwiOiB7XG4gICAgdW5zYWZlOiAocykgPT4gbmV3IEVsYXN0aWNhY2hlUmVwbGljYXRpb25Hcm91cChzLCBcInVuc2FmZVwiLCB7IHJlcGxpY2F0aW9uR3JvdXBJZDogXCJ1bnNhZmVcIiwgZGVzY3JpcHRpb246IFwieFwiLCBhdFJlc3RFbmNyeXB0aW9uRW5hYmxlZDogXCJmYWxzZVwiIH0pLFxuICAgIHNhZmU6IChzKSA9PlxuICAgICAgbmV3IEVsYXN0aWNhY2hlUmVwbGljYXRpb25Hcm91cChzLCBcInNhZmVcIiwgeyByZXBsaWNhdGlvbkdyb3VwSWQ6IFwic2FmZVwiLCBkZXNjcmlwdGlvbjogXCJ4XCIsIGF0UmVzdEVuY3J5cHRpb25FbmFibGVkOiBcInRydWVcIiwga21zS2V5SWQ6IEtFWSB9KSxcbiAgICBtZXNzYWdlOiAvYXRfcmVzdF9lbmNyeXB0aW9uX2VuYWJsZWQgaXMgbm90IHRydWUvLFxuICB9LFxuICBcIlZQLVJFRElTLTJcIjoge1xuICAgIHVuc2FmZTogKHMpID0+IG5ldyBFbGFzdGljYWNoZVJlcGxpY2F0aW9uR3JvdXAocywgXCJ1bnNhZmVcIiwgeyByZXBsaWNhdGlvbkdyb3VwSWQ6IFwidW5zYWZlXCIsIGRlc2NyaXB0aW9uOiBcInhcIiwgdHJhbnNpdEVuY3J5cHRpb25FbmFibGVkOiBmYWxzZSB9KSxcbiAgICBzYWZlOiAocykgPT5cbiAgICAgIG5ldyBFbGFzdGljYWNoZVJlcGxpY2F0aW9uR3JvdXAocywgXCJzYWZlXCIsIHsgcmVwbGljYXRpb25Hcm91cElkOiBcInNhZmVcIiwgZGVzY3JpcHRpb246IFwieFwiLCB0cmFuc2l0RW5jcnlwdGlvbkVuYWJsZWQ6IHRydWUsIHRyYW5zaXRFbmNyeXB0aW9uTW9kZTogXCJyZXF1aXJlZFwiIH0pLFxuICAgIG1lc3NhZ2U6IC90cmFuc2l0X2VuY3J5cHRpb25fZW5hYmxlZCBpcyBub3QgdHJ1ZS8sXG4gIH0sXG4gIFwiVlAtTkVULTFcIjoge1xuICAgIHVuc2FmZTogKHMpID0+IHtcbiAgICAgIGNvbnN0IGdyb3VwID0gbmV3IFNlY3VyaXR5R3JvdXBXaXRoUnVsZXMocywgXCJ1bnNhZmVcIiwgeyBuYW1lOiBcImJhc3Rpb25cIiwgZGVzY3JpcHRpb246IFwieFwiLCB2cGNJZDogXCJ2cGMtMVwiIH0pO1xuICAgICAgZ3JvdXAuYWxsb3dJbmdyZXNzRnJvbUNpZHIoXCJzc2hcIiwgXCIwLjAuMC4wLzBcIiwgMjIsIFwiU1NIIGZyb20gYW55d2hlcmVcIik7XG4gICAgfSxcbiAgICAvLyBBbiBpbnRlcm5ldC1mYWNpbmcgQUxCJ3MgZ3JvdXAgbWF5IHRha2UgODAvNDQzIGZyb20gYW55d2hlcmUuXG4gICAgc2FmZTogKHMpID0+IHtcbiAgICAgIGNvbnN0IGdyb3VwID0gbmV3IFNlY3VyaXR5R3JvdXBXaXRoUnVsZXMocywgXCJzYWZlXCIsIHsgbmFtZTogXCJhbGJcIiwgZGVzY3JpcHRpb246IFwieFwiLCB2cGNJZDogXCJ2cGMtMVwiIH0pO1xuICAgICAgZ3JvdXAuYWxsb3dJbmdyZXNzRnJvbUNpZHIoXCJodHRwc1wiLCBcIjAuMC4wLjAvMFwiLCA0NDMsIFwiSFRUUFMgZnJvbSBhbnl3aGVyZVwiKTtcbiAgICAgIG5ldyBMYihzLCBcImFsYlwiLCB7IHNlY3VyaXR5R3JvdXBzOiBbZ3JvdXAuaWRdLCBzdWJuZXRzOiBbXCJzdWJuZXQtMVwiLCBcInN1Ym5ldC0yXCJdIH0pO1xuICAgIH0sXG4gICAgbWVzc2FnZTogL2luZ3Jlc3MgZnJvbSAwXFwuMFxcLjBcXC4wXFwvMCBvbiBwb3J0IDIyLyxcbiAgfSxcbiAgXCJWUC1ORVQtMlwiOiB7XG4gICAgdW5zYWZlOiAocykgPT4gbmV3IFN1Ym5ldChzLCBcInVuc2FmZVwiLCB7IHZwY0lkOiBcInZwYy0xXCIsIGNpZHJCbG9jazogXCIxMC4wLjAuMC8yNFwiLCBtYXBQdWJsaWNJcE9uTGF1bmNoOiB0cnVlIH0pLFxuICAgIHNhZmU6IChzKSA9PiBuZXcgU3VibmV0KHMsIFwic2FmZVwiLCB7IHZwY0lkOiBcInZwYy0xXCIsIGNpZHJCbG9jazogXCIxMC4wLjEuMC8yNFwiLCBtYXBQdWJsaWNJcE9uTGF1bmNoOiBmYWxzZSB9KSxcbiAgICBtZXNzYWdlOiAvbWFwX3B1YmxpY19pcF9vbl9sYXVuY2ggaXMgdHJ1ZS8sXG4gIH0sXG4gIFwiVlAtTkVULTNcIjoge1xuICAgIHVuc2FmZTogKHMpID0+XG4gICAgICBuZXcgVnBjU2VjdXJpdHlHcm91cEVncmVzc1J1bGUocywgXCJ1bnNhZmVcIiwgeyBzZWN1cml0eUdyb3VwSWQ6IFwic2ctMVwiLCBjaWRySXB2NDogXCIwLjAuMC4wLzBcIiwgaXBQcm90b2NvbDogXCItMVwiIH0pLFxuICAgIHNhZmU6IChzKSA9PiB7XG4gICAgICBjb25zdCBncm91cCA9IG5ldyBTZWN1cml0eUdyb3VwV2l0aFJ1bGVzKHMsIFwic2FmZVwiLCB7IG5hbWU6IFwidGFza3NcIiwgZGVzY3JpcHRpb246IFwieFwiLCB2cGNJZDogXCJ2cGMtMVwiIH0pO1xuICAgICAgZ3JvdXAuYWxsb3dFZ3Jlc3NUb0NpZHIoXCJodHRwc1wiLCBcIjAuMC4wLjAvMFwiLCA0NDMsIFwiSFRUUFMgQVBJc1wiKTtcbiAgICB9LFxuICAgIG1lc3NhZ2U6IC9lZ3Jlc3MgYWxsb3dzIGV2ZXJ5IHByb3RvY29sIGFuZCBwb3J0IHRvIGFueXdoZXJlLyxcbiAgfSxcbiAgXCJWUC1JQU0tMVwiOiB7XG4gICAgdW5zYWZlOiAocykgPT5cbiAgICAgIG5ldyBTZXJ2aWNlUm9sZShzLCBcInVuc2FmZVwiLCB7IG5hbWU6IFwidW5zYWZlXCIsIGFzc3VtZWRCeTogXCJlY3MtdGFza3MuYW1hem9uYXdzLmNvbVwiLCBzdGF0ZW1lbnRzOiBbeyBzaWQ6IFwiRXZlcnl0aGluZ1wiLCBhY3Rpb25zOiBbXCJzMzoqXCJdLCByZXNvdXJjZXM6IFtcImFybjphd3M6czM6OjpiLypcIl0gfV0gfSksXG4gICAgc2FmZTogKHMpID0+XG4gICAgICBuZXcgU2VydmljZVJvbGUocywgXCJzYWZlXCIsIHsgbmFtZTogXCJzYWZlXCIsIGFzc3VtZWRCeTogXCJlY3MtdGFza3MuYW1hem9uYXdzLmNvbVwiLCBzdGF0ZW1lbnRzOiBbeyBzaWQ6IFwiUmVhZFwiLCBhY3Rpb25zOiBbXCJzMzpHZXRPYmplY3RcIl0sIHJlc291cmNlczogW1wiYXJuOmF3czpzMzo6OmIvKlwiXSB9XSB9KSxcbiAgICBtZXNzYWdlOiAvc3RhdGVtZW50IFwiRXZlcnl0aGluZ1wiIGFsbG93cyBzMzpcXCovLFxuICB9LFxuICBcIlZQLUlBTS0yXCI6IHtcbiAgICB1bnNhZmU6IChzKSA9PlxuICAgICAgbmV3IFNlcnZpY2VSb2xlKHMsIFwidW5zYWZlXCIsIHtcbiAgICAgICAgbmFtZTogXCJ1bnNhZmVcIixcbiAgICAgICAgYXNzdW1lZEJ5OiBcImVjcy10YXNrcy5hbWF6b25hd3MuY29tXCIsXG4gICAgICAgIHN0YXRlbWVudHM6IFt7IHNpZDogXCJBbnlTZWNyZXRcIiwgYWN0aW9uczogW1wic2VjcmV0c21hbmFnZXI6R2V0U2VjcmV0VmFsdWVcIl0sIHJlc291cmNlczogW1wiKlwiXSB9XSxcbiAgICAgIH0pLFxuICAgIHNhZmU6IChzKSA9PlxuICAgICAgbmV3IFNlcnZpY2VSb2xlKHMsIFwic2FmZVwiLCB7XG4gICAgICAgIG5hbWU6IFwic2FmZVwiLFxuICAgICAgICBhc3N1bWVkQnk6IFwiZWNzLXRhc2tzLmFtYXpvbmF3cy5jb21cIixcbiAgICAgICAgc3RhdGVtZW50czogW1xuICAgICAgICAgIHsgc2lkOiBcIk9uZVNlY3JldFwiLCBhY3Rpb25zOiBbXCJzZWNyZXRzbWFuYWdlcjpHZXRTZWNyZXRWYWx1ZVwiXSwgcmVzb3VyY2VzOiBbXCJhcm46YXdzOnNlY3JldHNtYW5hZ2VyOnVzLWVhc3QtMToxMTExMTExMTExMTE6c2VjcmV0OnhcIl0gfSxcbiAgICAgICAgICAvLyBBY3Rpb25zIHdpdGhvdXQgcmVzb3VyY2UtbGV2ZWwgcGVybWlzc2lvbnMgbWF5IHVzZSBcIipcIi5cbiAgICAgICAgICB7IHNpZDogXCJNZXRyaWNzXCIsIGFjdGlvbnM6IFtcImNsb3Vkd2F0Y2g6UHV0TWV0cmljRGF0YVwiLCBcImVjcjpHZXRBdXRob3JpemF0aW9uVG9rZW5cIl0sIHJlc291cmNlczogW1wiKlwiXSB9LFxuICAgICAgICBdLFxuICAgICAgfSksXG4gICAgbWVzc2FnZTogL3N0YXRlbWVudCBcIkFueVNlY3JldFwiIGFsbG93cyBzZWNyZXRzbWFuYWdlcjpHZXRTZWNyZXRWYWx1ZSBvbiBcXCovLFxuICB9LFxuICBcIlZQLUlBTS0zXCI6IHtcbiAgICB1bnNhZmU6IChzKSA9PiB7XG4gICAgICBjb25zdCB0b3BpYyA9IG5ldyBTbnNUb3BpYyhzLCBcInRvcGljXCIsIHsga21zTWFzdGVyS2V5SWQ6IEtFWSB9KTtcbiAgICAgIG5ldyBTbnNUb3BpY1BvbGljeShzLCBcInVuc2FmZVwiLCB7IGFybjogdG9waWMuYXJuLCBwb2xpY3k6IHBvbGljeURvY3VtZW50KFt7IHNpZDogXCJBbnlvbmVcIiwgcHJpbmNpcGFsczogXCIqXCIsIGFjdGlvbnM6IFtcInNuczpQdWJsaXNoXCJdLCByZXNvdXJjZXM6IFt0b3BpYy5hcm5dIH1dKSB9KTtcbiAgICB9LFxuICAgIHNhZmU6IChzKSA9PiB7XG4gICAgICBjb25zdCB0b3BpYyA9IG5ldyBTbnNUb3BpYyhzLCBcInRvcGljXCIsIHsga21zTWFzdGVyS2V5SWQ6IEtFWSB9KTtcbiAgICAgIG5ldyBTbnNUb3BpY1BvbGljeShzLCBcInNhZmVcIiwge1xuICAgICAgICBhcm46IHRvcGljLmFybixcbiAgICAgICAgcG9saWN5OiBwb2xpY3lEb2N1bWVudChbXG4gICAgICAgICAgeyBzaWQ6IFwiVGhpc0FjY291bnRcIiwgcHJpbmNpcGFsczogXCIqXCIsIGFjdGlvbnM6IFtcInNuczpQdWJsaXNoXCJdLCByZXNvdXJjZXM6IFt0b3BpYy5hcm5dLCBjb25kaXRpb25zOiB7IFN0cmluZ0VxdWFsczogeyBcImF3czpTb3VyY2VBY2NvdW50XCI6IEFDQ09VTlQgfSB9IH0sXG4gICAgICAgIF0pLFxuICAgICAgfSk7XG4gICAgfSxcbiAgICBtZXNzYWdlOiAvc3RhdGVtZW50IFwiQW55b25lXCIgYWxsb3dzIGV2ZXJ5b25lLyxcbiAgfSxcbiAgXCJWUC1MT0ctMVwiOiB7XG4gICAgdW5zYWZlOiAocykgPT4gbmV3IENsb3Vkd2F0Y2hMb2dHcm91cChzLCBcInVuc2FmZVwiLCB7IG5hbWU6IFwiL3Vuc2FmZVwiLCBrbXNLZXlJZDogS0VZIH0pLFxuICAgIHNhZmU6IChzKSA9PiBuZXcgRW5jcnlwdGVkTG9nR3JvdXAocywgXCJzYWZlXCIsIHsgbmFtZTogXCIvc2FmZVwiLCBrbXNLZXlBcm46IEtFWSwgcmV0ZW50aW9uRGF5czogMzAgfSksXG4gICAgbWVzc2FnZTogL3JldGVudGlvbl9pbl9kYXlzIGlzIG5vdCBzZXQvLFxuICB9LFxuICBcIlZQLUxPRy0yXCI6IHtcbiAgICB1bnNhZmU6IChzKSA9PiBuZXcgQ2xvdWR3YXRjaExvZ0dyb3VwKHMsIFwidW5zYWZlXCIsIHsgbmFtZTogXCIvdW5zYWZlXCIsIHJldGVudGlvbkluRGF5czogMzAgfSksXG4gICAgc2FmZTogKHMpID0+IG5ldyBFbmNyeXB0ZWRMb2dHcm91cChzLCBcInNhZmVcIiwgeyBuYW1lOiBcIi9zYWZlXCIsIGttc0tleUFybjogS0VZLCByZXRlbnRpb25EYXlzOiAzMCB9KSxcbiAgICBtZXNzYWdlOiAva21zX2tleV9pZCBpcyBub3Qgc2V0LyxcbiAgfSxcbiAgXCJWUC1MT0ctM1wiOiB7XG4gICAgdW5zYWZlOiAocykgPT4gZGF0YWJhc2UocywgXCJ1bnNhZmVcIiwgeyBlbmFibGVkQ2xvdWR3YXRjaExvZ3NFeHBvcnRzOiBbXCJwb3N0Z3Jlc3FsXCIsIFwidXBncmFkZVwiXSB9KSxcbiAgICBzYWZlOiAocykgPT4ge1xuICAgICAgZGF0YWJhc2UocywgXCJzYWZlXCIsIHsgZW5hYmxlZENsb3Vkd2F0Y2hMb2dzRXhwb3J0czogW1wicG9zdGdyZXNxbFwiXSB9KTtcbiAgICAgIG5ldyBFbmNyeXB0ZWRMb2dHcm91cChzLCBcInNhZmVfcG9zdGdyZXNxbFwiLCB7IG5hbWU6IFwiL2F3cy9yZHMvaW5zdGFuY2Uvc2FmZS9wb3N0Z3Jlc3FsXCIsIGttc0tleUFybjogS0VZLCByZXRlbnRpb25EYXlzOiAzMCB9KTtcbiAgICB9LFxuICAgIG1lc3NhZ2U6IC9SRFMgd291bGQgY3JlYXRlIG5ldmVyLWV4cGlyaW5nIGxvZyBncm91cHMgZm9yIHBvc3RncmVzcWwsIHVwZ3JhZGUvLFxuICB9LFxuICBcIlZQLUxPRy00XCI6IHtcbiAgICB1bnNhZmU6IChzKSA9PiBuZXcgQ2xvdWR0cmFpbChzLCBcInVuc2FmZVwiLCB7IG5hbWU6IFwidW5zYWZlXCIsIHMzQnVja2V0TmFtZTogXCJ0cmFpbC1idWNrZXRcIiB9KSxcbiAgICBzYWZlOiAocykgPT4gbmV3IENsb3VkdHJhaWwocywgXCJzYWZlXCIsIHsgbmFtZTogXCJzYWZlXCIsIHMzQnVja2V0TmFtZTogXCJ0cmFpbC1idWNrZXRcIiwga21zS2V5SWQ6IEtFWSB9KSxcbiAgICBtZXNzYWdlOiAva21zX2tleV9pZCBpcyBub3Qgc2V0LyxcbiAgfSxcbiAgXCJWUC1TRUMtMVwiOiB7XG4gICAgdW5zYWZlOiAocykgPT4gbmV3IFNlY3JldHNtYW5hZ2VyU2VjcmV0KHMsIFwidW5zYWZlXCIsIHsgbmFtZTogXCJ1bnNhZmVcIiB9KSxcbiAgICBzYWZlOiAocykgPT4gbmV3IEFwcFNlY3JldChzLCBcInNhZmVcIiwgeyBuYW1lOiBcImRldi94L3NhZmVcIiwgZGVzY3JpcHRpb246IFwieFwiLCBrbXNLZXlBcm46IEtFWSwgcmVjb3ZlcnlXaW5kb3dEYXlzOiA3IH0pLFxuICAgIG1lc3NhZ2U6IC9rbXNfa2V5X2lkIGlzIG5vdCBzZXQvLFxuICB9LFxuICBcIlZQLVNFQy0yXCI6IHtcbiAgICB1bnNhZmU6IChzKSA9PiBkYXRhYmFzZShzLCBcInVuc2FmZVwiLCB7IG1hbmFnZU1hc3RlclVzZXJQYXNzd29yZDogdW5kZWZpbmVkLCB1c2VybmFtZTogXCJhcHBcIiwgcGFzc3dvcmQ6IFwiY29ycmVjdC1ob3JzZS1iYXR0ZXJ5XCIgfSksXG4gICAgc2FmZTogKHMpID0+IGRhdGFiYXNlKHMsIFwic2FmZVwiLCB7IG1hbmFnZU1hc3RlclVzZXJQYXNzd29yZDogdHJ1ZSB9KSxcbiAgICBtZXNzYWdlOiAvcGFzc3dvcmQgaXMgYSBsaXRlcmFsLyxcbiAgfSxcbiAgXCJWUC1TRUMtM1wiOiB7XG4gICAgdW5zYWZlOiAocykgPT4gbmV3IFRlcnJhZm9ybU91dHB1dChzLCBcInVuc2FmZVwiLCB7IHZhbHVlOiBuZXcgUGFzc3dvcmQocywgXCJ0b2tlblwiLCB7IGxlbmd0aDogMzIgfSkucmVzdWx0IH0pLFxuICAgIHNhZmU6IChzKSA9PiBuZXcgVGVycmFmb3JtT3V0cHV0KHMsIFwic2FmZVwiLCB7IHZhbHVlOiBuZXcgUGFzc3dvcmQocywgXCJ0b2tlblwiLCB7IGxlbmd0aDogMzIgfSkucmVzdWx0LCBzZW5zaXRpdmU6IHRydWUgfSksXG4gICAgbWVzc2FnZTogL3JlYWRzIHJhbmRvbV9wYXNzd29yZCBidXQgdGhlIG91dHB1dCBpcyBub3Qgc2Vuc2l0aXZlLyxcbiAgfSxcbiAgXCJWUC1FQ1MtMVwiOiB7XG4gICAgdW5zYWZlOiAocykgPT4gbmV3IEVjc1NlcnZpY2UocywgXCJ1bnNhZmVcIiwgeyBuYW1lOiBcInVuc2FmZVwiLCBuZXR3b3JrQ29uZmlndXJhdGlvbjogeyBzdWJuZXRzOiBbXCJzdWJuZXQtMVwiXSwgYXNzaWduUHVibGljSXA6IHRydWUgfSB9KSxcbiAgICBzYWZlOiAocykgPT4gbmV3IEVjc1NlcnZpY2UocywgXCJzYWZlXCIsIHsgbmFtZTogXCJzYWZlXCIsIG5ldHdvcmtDb25maWd1cmF0aW9uOiB7IHN1Ym5ldHM6IFtcInN1Ym5ldC0xXCJdLCBhc3NpZ25QdWJsaWNJcDogZmFsc2UgfSB9KSxcbiAgICBtZXNzYWdlOiAvYXNzaWduX3B1YmxpY19pcCBpcyB0cnVlLyxcbiAgfSxcbiAgXCJWUC1FQ1MtMlwiOiB7XG4gICAgdW5zYWZlOiAocykgPT4gdGFza0RlZmluaXRpb24ocywgXCJ1bnNhZmVcIiwgW3sgbmFtZTogXCJPUEVOQUlfQVBJX0tFWVwiLCB2YWx1ZTogXCJub3QtcmVhbGx5LWJ1dC1saXRlcmFsXCIgfV0pLFxuICAgIHNhZmU6IChzKSA9PiB0YXNrRGVmaW5pdGlvbihzLCBcInNhZmVcIiwgW3sgbmFtZTogXCJMT0dfTEVWRUxcIiwgdmFsdWU6IFwiaW5mb1wiIH0sIHsgbmFtZTogXCJKV1RfU0VDUkVUX0FSTlwiLCB2YWx1ZTogXCJhcm46YXdzOnNlY3JldHNtYW5hZ2VyOnVzLWVhc3QtMToxOnNlY3JldDpqd3RcIiB9XSksXG4gICAgbWVzc2FnZTogL2FwaTogT1BFTkFJX0FQSV9LRVkgaXMgbmFtZWQgbGlrZSBhIHNlY3JldCBhbmQgc2V0IHRvIGEgbGl0ZXJhbC8sXG4gIH0sXG4gIFwiVlAtRUNTLTNcIjoge1xuICAgIHVuc2FmZTogKHMpID0+IHRhc2tEZWZpbml0aW9uKHMsIFwidW5zYWZlXCIsIFtdLCB7IHVzZXI6IHVuZGVmaW5lZCwgcmVhZG9ubHlSb290RmlsZXN5c3RlbTogZmFsc2UgfSksXG4gICAgc2FmZTogKHMpID0+IHRhc2tEZWZpbml0aW9uKHMsIFwic2FmZVwiLCBbXSksXG4gICAgbWVzc2FnZTogL2FwaSBydW5zIGFzIHJvb3Q7IGFwaSBoYXMgYSB3cml0YWJsZSByb290IGZpbGVzeXN0ZW0vLFxuICB9LFxuICBcIlZQLUVDUi0xXCI6IHtcbiAgICB1bnNhZmU6IChzKSA9PiBuZXcgRWNyUmVwb3NpdG9yeShzLCBcInVuc2FmZVwiLCB7IG5hbWU6IFwidW5zYWZlXCIgfSksXG4gICAgc2FmZTogKHMpID0+IG5ldyBFY3JSZXBvc2l0b3J5KHMsIFwic2FmZVwiLCB7IG5hbWU6IFwic2FmZVwiLCBlbmNyeXB0aW9uQ29uZmlndXJhdGlvbjogW3sgZW5jcnlwdGlvblR5cGU6IFwiS01TXCIsIGttc0tleTogS0VZIH1dIH0pLFxuICAgIG1lc3NhZ2U6IC9lbmNyeXB0aW9uX3R5cGUgaXMgbm90IEtNUy8sXG4gIH0sXG4gIFwiVlAtRUJTLTFcIjoge1xuICAgIHVuc2FmZTogKHMpID0+IG5ldyBFYnNWb2x1bWUocywgXCJ1bnNhZmVcIiwgeyBhdmFpbGFiaWxpdHlab25lOiBcInVzLWVhc3QtMWFcIiwgc2l6ZTogMTAsIGVuY3J5cHRlZDogZmFsc2UgfSksXG4gICAgc2FmZTogKHMpID0+IG5ldyBFYnNWb2x1bWUocywgXCJzYWZlXCIsIHsgYXZhaWxhYmlsaXR5Wm9uZTogXCJ1cy1lYXN0LTFhXCIsIHNpemU6IDEwLCBlbmNyeXB0ZWQ6IHRydWUsIGttc0tleUlkOiBLRVkgfSksXG4gICAgbWVzc2FnZTogL3ZvbHVtZSBpcyBub3QgZW5jcnlwdGVkLyxcbiAgfSxcbiAgXCJWUC1FTEItMVwiOiB7XG4gICAgdW5zYWZlOiAocykgPT5cbiAgICAgIG5ldyBMYkxpc3RlbmVyKHMsIFwidW5zYWZlXCIsIHsgbG9hZEJhbGFuY2VyQXJuOiBcImFybjpsYlwiLCBwb3J0OiA0NDMsIHByb3RvY29sOiBcIkhUVFBTXCIsIHNzbFBvbGljeTogXCJFTEJTZWN1cml0eVBvbGljeS0yMDE2LTA4XCIsIGRlZmF1bHRBY3Rpb246IFt7IHR5cGU6IFwiZm9yd2FyZFwiLCB0YXJnZXRHcm91cEFybjogXCJhcm46dGdcIiB9XSB9KSxcbiAgICBzYWZlOiAocykgPT5cbiAgICAgIG5ldyBMYkxpc3RlbmVyKHMsIFwic2FmZVwiLCB7XG4gICAgICAgIGxvYWRCYWxhbmNlckFybjogXCJhcm46bGJcIixcbiAgICAgICAgcG9ydDogNDQzLFxuICAgICAgICBwcm90b2NvbDogXCJIVFRQU1wiLFxuICAgICAgICBzc2xQb2xpY3k6IFwiRUxCU2VjdXJpdHlQb2xpY3ktVExTMTMtMS0yLTIwMjEtMDZcIixcbiAgICAgICAgZGVmYXVsdEFjdGlvbjogW3sgdHlwZTogXCJmb3J3YXJkXCIsIHRhcmdldEdyb3VwQXJuOiBcImFybjp0Z1wiIH1dLFxuICAgICAgfSksXG4gICAgbWVzc2FnZTogL3NzbF9wb2xpY3kgRUxCU2VjdXJpdHlQb2xpY3ktMjAxNi0wOCBhY2NlcHRzIFRMUyBvbGRlciB0aGFuIDFcXC4yLyxcbiAgfSxcbiAgXCJWUC1FTEItMlwiOiB7XG4gICAgcHJvZHVjdGlvbjogdHJ1ZSxcbiAgICB1bnNhZmU6IChzKSA9PiBuZXcgTGJMaXN0ZW5lcihzLCBcInVuc2FmZVwiLCB7IGxvYWRCYWxhbmNlckFybjogXCJhcm46bGJcIiwgcG9ydDogODAsIHByb3RvY29sOiBcIkhUVFBcIiwgZGVmYXVsdEFjdGlvbjogW3sgdHlwZTogXCJmb3J3YXJkXCIsIHRhcmdldEdyb3VwQXJuOiBcImFybjp0Z1wiIH1dIH0pLFxuICAgIHNhZmU6IChzKSA9PlxuICAgICAgbmV3IExiTGlzdGVuZXIocywgXCJzYWZlXCIsIHtcbiAgICAgICAgbG9hZEJhbGFuY2VyQXJuOiBcImFybjpsYlwiLFxuICAgICAgICBwb3J0OiA4MCxcbiAgICAgICAgcHJvdG9jb2w6IFwiSFRUUFwiLFxuICAgICAgICBkZWZhdWx0QWN0aW9uOiBbeyB0eXBlOiBcInJlZGlyZWN0XCIsIHJlZGlyZWN0OiB7IHByb3RvY29sOiBcIkhUVFBTXCIsIHBvcnQ6IFwiNDQzXCIsIHN0YXR1c0NvZGU6IFwiSFRUUF8zMDFcIiB9IH1dLFxuICAgICAgfSksXG4gICAgbWVzc2FnZTogL3NlcnZlcyB0cmFmZmljIGluc3RlYWQgb2YgcmVkaXJlY3RpbmcgdG8gSFRUUFMvLFxuICB9LFxuICBcIlZQLUVMQi0zXCI6IHtcbiAgICBwcm9kdWN0aW9uOiB0cnVlLFxuICAgIHVuc2FmZTogKHMpID0+IG5ldyBMYihzLCBcInVuc2FmZVwiLCB7IHN1Ym5ldHM6IFtcInN1Ym5ldC0xXCJdLCBlbmFibGVEZWxldGlvblByb3RlY3Rpb246IGZhbHNlIH0pLFxuICAgIHNhZmU6IChzKSA9PiBuZXcgTGIocywgXCJzYWZlXCIsIHsgc3VibmV0czogW1wic3VibmV0LTFcIl0sIGVuYWJsZURlbGV0aW9uUHJvdGVjdGlvbjogdHJ1ZSB9KSxcbiAgICBtZXNzYWdlOiAvZW5hYmxlX2RlbGV0aW9uX3Byb3RlY3Rpb24gaXMgbm90IHRydWUvLFxuICB9LFxuICBcIlZQLUVMQi00XCI6IHtcbiAgICB1bnNhZmU6IChzKSA9PlxuICAgICAgbmV3IExiTGlzdGVuZXIocywgXCJ1bnNhZmVcIiwge1xuICAgICAgICBsb2FkQmFsYW5jZXJBcm46IFwiYXJuOmxiXCIsXG4gICAgICAgIHBvcnQ6IDQ0MyxcbiAgICAgICAgcHJvdG9jb2w6IFwiSFRUUFNcIixcbiAgICAgICAgc3NsUG9saWN5OiBcIkVMQlNlY3VyaXR5UG9saWN5LVRMUy0xLTItMjAxNy0wMVwiLFxuICAgICAgICBkZWZhdWx0QWN0aW9uOiBbeyB0eXBlOiBcImZvcndhcmRcIiwgdGFyZ2V0R3JvdXBBcm46IFwiYXJuOnRnXCIgfV0sXG4gICAgICB9KSxcbiAgICBzYWZlOiAocykgPT5cbiAgICAgIG5ldyBMYkxpc3RlbmVyKHMsIFwic2FmZVwiLCB7XG4gICAgICAgIGxvYWRCYWxhbmNlckFybjogXCJhcm46bGJcIixcbiAgICAgICAgcG9ydDogNDQzLFxuICAgICAgICBwcm90b2NvbDogXCJIVFRQU1wiLFxuICAgICAgICBzc2xQb2xpY3k6IFwiRUxCU2VjdXJpdHlQb2xpY3ktVExTMTMtMS0yLTIwMjEtMDZcIixcbiAgICAgICAgZGVmYXVsdEFjdGlvbjogW3sgdHlwZTogXCJmb3J3YXJkXCIsIHRhcmdldEdyb3VwQXJuOiBcImFybjp0Z1wiIH1dLFxuICAgICAgfSksXG4gICAgbWVzc2FnZTogL2RvZXMgbm90IG9mZmVyIFRMUyAxXFwuMy8sXG4gIH0sXG4gIFwiVlAtU05TLTFcIjoge1xuICAgIHVuc2FmZTogKHMpID0+IG5ldyBTbnNUb3BpYyhzLCBcInVuc2FmZVwiLCB7IG5hbWU6IFwidW5zYWZlXCIgfSksXG4gICAgc2FmZTogKHMpID0+IG5ldyBTbnNUb3BpYyhzLCBcInNhZmVcIiwgeyBuYW1lOiBcInNhZmVcIiwga21zTWFzdGVyS2V5SWQ6IEtFWSB9KSxcbiAgICBtZXNzYWdlOiAva21zX21hc3Rlcl9rZXlfaWQgaXMgbm90IGEgQ01LLyxcbiAgfSxcbiAgXCJWUC1TUVMtMVwiOiB7XG4gICAgdW5zYWZlOiAocykgPT4gbmV3IFNxc1F1ZXVlKHMsIFwidW5zYWZlXCIsIHsgbmFtZTogXCJ1bnNhZmVcIiwgc3FzTWFuYWdlZFNzZUVuYWJsZWQ6IHRydWUgfSksXG4gICAgc2FmZTogKHMpID0+IG5ldyBTcXNRdWV1ZShzLCBcInNhZmVcIiwgeyBuYW1lOiBcInNhZmVcIiwga21zTWFzdGVyS2V5SWQ6IEtFWSB9KSxcbiAgICBtZXNzYWdlOiAva21zX21hc3Rlcl9rZXlfaWQgaXMgbm90IGEgQ01LLyxcbiAgfSxcbiAgXCJWUC1CQUstMVwiOiB7XG4gICAgdW5zYWZlOiAocykgPT4gbmV3IEJhY2t1cFZhdWx0KHMsIFwidW5zYWZlXCIsIHsgbmFtZTogXCJ1bnNhZmVcIiB9KSxcbiAgICBzYWZlOiAocykgPT4gbmV3IEJhY2t1cFZhdWx0KHMsIFwic2FmZVwiLCB7IG5hbWU6IFwic2FmZVwiLCBrbXNLZXlBcm46IEtFWSB9KSxcbiAgICBtZXNzYWdlOiAva21zX2tleV9hcm4gaXMgbm90IHNldC8sXG4gIH0sXG59O1xuXG5kZXNjcmliZShcImV2ZXJ5IGd1YXJkcmFpbCBydWxlXCIsICgpID0+IHtcbiAgaXQoXCJoYXMgYW4gdW5zYWZlIGFuZCBhIHNhZmUgY2FzZSBiZWxvd1wiLCAoKSA9PiB7XG4gICAgZXhwZWN0KE9iamVjdC5rZXlzKENBU0VTKS5zb3J0KCkpLnRvRXF1YWwoUlVMRVMubWFwKChyKSA9PiByLmlkKS5zb3J0KCkpO1xuICB9KTtcblxuICBpdChcImlzIGxpc3RlZCBpbiB0aGUgUkVBRE1FJ3MgcnVsZSB0YWJsZSB3aXRoIGl0cyBsZXZlbFwiLCAoKSA9PiB7XG4gICAgY29uc3QgcmVhZG1lID0gcmVhZEZpbGVTeW5jKGpvaW4oX19kaXJuYW1lLCBcIi4uXCIsIFwiLi5cIiwgXCJSRUFETUUubWRcIiksIFwidXRmOFwiKTtcbiAgICBmb3IgKGNvbnN0IHJ1bGUgb2YgUlVMRVMpIGV4cGVjdChyZWFkbWUpLnRvQ29udGFpbihgfCBcXGAke3J1bGUuaWR9XFxgIHwgJHtydWxlLmxldmVsfSB8ICR7cnVsZS5kZXNjcmlwdGlvbn0gfGApO1xuICB9KTtcblxuICBpdC5lYWNoKFJVTEVTLm1hcCgocikgPT4gW3IuaWQsIHJdIGFzIGNvbnN0KSkoXCIlcyBmbGFncyBpdHMgdW5zYWZlIGNvbnN0cnVjdCB3aXRoIHN0YWNrLCBwYXRoIGFuZCBmaXhcIiwgKGlkLCBydWxlKSA9PiB7XG4gICAgY29uc3QgeyB1bnNhZmUsIHByb2R1Y3Rpb24sIG1lc3NhZ2UgfSA9IENBU0VTW2lkXTtcbiAgICBjb25zdCBmbGFnZ2VkID0gZmluZGluZ3ModW5zYWZlLCBwcm9kdWN0aW9uKS5maWx0ZXIoKGYpID0+IGYucnVsZUlkID09PSBpZCk7XG4gICAgZXhwZWN0KGZsYWdnZWQubGVuZ3RoKS50b0JlR3JlYXRlclRoYW4oMCk7XG4gICAgZXhwZWN0KGZsYWdnZWRbMF0pLnRvTWF0Y2hPYmplY3QoeyBsZXZlbDogcnVsZS5sZXZlbCwgc3RhY2s6IFwidGVzdFwiLCBwYXRoOiBleHBlY3Quc3RyaW5nTWF0Y2hpbmcoL150ZXN0XFwvdW5zYWZlLykgfSk7XG4gICAgZXhwZWN0KGZsYWdnZWRbMF0ubWVzc2FnZSkudG9NYXRjaChtZXNzYWdlKTtcbiAgICBleHBlY3QoZmxhZ2dlZFswXS5tZXNzYWdlKS50b0NvbnRhaW4oYEZpeDogJHtydWxlLmZpeH1gKTtcbiAgfSk7XG5cbiAgaXQuZWFjaChSVUxFUy5tYXAoKHIpID0+IFtyLmlkXSBhcyBjb25zdCkpKFwiJXMgcGFzc2VzIGl0cyBjb21wbGlhbnQgY291bnRlcnBhcnRcIiwgKGlkKSA9PiB7XG4gICAgY29uc3QgeyBzYWZlLCBwcm9kdWN0aW9uIH0gPSBDQVNFU1tpZF07XG4gICAgZXhwZWN0KGZpbmRpbmdzKHNhZmUsIHByb2R1Y3Rpb24pLmZpbHRlcigoZikgPT4gZi5ydWxlSWQgPT09IGlkKSkudG9FcXVhbChbXSk7XG4gIH0pO1xufSk7XG5cbmRlc2NyaWJlKFwicnVsZSBkZXRhaWxzXCIsICgpID0+IHtcbiAgaXQoXCJhIHBhcnRpYWwgcHVibGljIGFjY2VzcyBibG9jayBuYW1lcyB0aGUgc2V0dGluZ3MgbGVmdCBvZmZcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGZvdW5kID0gZmluZGluZ3MoKHMpID0+IHtcbiAgICAgIGNvbnN0IHJlc291cmNlID0gbmV3IFMzQnVja2V0KHMsIFwidW5zYWZlXCIsIHsgYnVja2V0OiBcImJcIiB9KTtcbiAgICAgIG5ldyBTM0J1Y2tldFB1YmxpY0FjY2Vzc0Jsb2NrKHMsIFwiYmxvY2tcIiwgeyBidWNrZXQ6IHJlc291cmNlLmlkLCBibG9ja1B1YmxpY0FjbHM6IHRydWUsIGJsb2NrUHVibGljUG9saWN5OiB0cnVlLCBpZ25vcmVQdWJsaWNBY2xzOiB0cnVlLCByZXN0cmljdFB1YmxpY0J1Y2tldHM6IGZhbHNlIH0pO1xuICAgIH0pO1xuICAgIGV4cGVjdChmb3VuZC5maW5kKChmKSA9PiBmLnJ1bGVJZCA9PT0gXCJWUC1TMy0xXCIpPy5tZXNzYWdlKS50b01hdGNoKC9sZWF2ZXMgcmVzdHJpY3RfcHVibGljX2J1Y2tldHMgb2ZmLyk7XG4gIH0pO1xuXG4gIGl0KFwiU1NFLUtNUyB3aXRob3V0IGEga2V5IG1lYW5zIHRoZSBBV1MtbWFuYWdlZCBrZXlcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGZvdW5kID0gZmluZGluZ3MoKHMpID0+IHtcbiAgICAgIGNvbnN0IHJlc291cmNlID0gbmV3IFMzQnVja2V0KHMsIFwidW5zYWZlXCIsIHsgYnVja2V0OiBcImJcIiB9KTtcbiAgICAgIG5ldyBTM0J1Y2tldFNlcnZlclNpZGVFbmNyeXB0aW9uQ29uZmlndXJhdGlvbkEocywgXCJzc2VcIiwgeyBidWNrZXQ6IHJlc291cmNlLmlkLCBydWxlOiBbeyBhcHBseVNlcnZlclNpZGVFbmNyeXB0aW9uQnlEZWZhdWx0OiB7IHNzZUFsZ29yaXRobTogXCJhd3M6a21zXCIgfSB9XSB9KTtcbiAgICB9KTtcbiAgICBleHBlY3QoZm91bmQuZmluZCgoZikgPT4gZi5ydWxlSWQgPT09IFwiVlAtUzMtMlwiKT8ubWVzc2FnZSkudG9NYXRjaCgvQVdTLW1hbmFnZWQgYXdzXFwvczMga2V5Lyk7XG4gIH0pO1xuXG4gIGl0KFwicHJvZHVjdGlvbi1vbmx5IHJ1bGVzIHN0YXkgcXVpZXQgb3V0c2lkZSBwcm9kXCIsICgpID0+IHtcbiAgICBjb25zdCBkZXYgPSBmaW5kaW5ncygocykgPT4ge1xuICAgICAgZGF0YWJhc2UocywgXCJkYlwiLCB7IGRlbGV0aW9uUHJvdGVjdGlvbjogZmFsc2UsIHNraXBGaW5hbFNuYXBzaG90OiB0cnVlIH0pO1xuICAgICAgbmV3IExiKHMsIFwiYWxiXCIsIHsgc3VibmV0czogW1wic3VibmV0LTFcIl0gfSk7XG4gICAgICBuZXcgTGJMaXN0ZW5lcihzLCBcImh0dHBcIiwgeyBsb2FkQmFsYW5jZXJBcm46IFwiYXJuOmxiXCIsIHBvcnQ6IDgwLCBwcm90b2NvbDogXCJIVFRQXCIsIGRlZmF1bHRBY3Rpb246IFt7IHR5cGU6IFwiZm9yd2FyZFwiLCB0YXJnZXRHcm91cEFybjogXCJhcm46dGdcIiB9XSB9KTtcbiAgICB9KTtcbiAgICBleHBlY3QoZGV2LmZpbHRlcigoZikgPT4gW1wiVlAtUkRTLTRcIiwgXCJWUC1FTEItMlwiLCBcIlZQLUVMQi0zXCJdLmluY2x1ZGVzKGYucnVsZUlkKSkpLnRvRXF1YWwoW10pO1xuICB9KTtcblxuICBpdChcImEgY3Jvc3MtcmVnaW9uIHJlYWQgcmVwbGljYSBuZWVkcyBpdHMgb3duIGtleTsgYSBzYW1lLXJlZ2lvbiBvbmUgaW5oZXJpdHMgaXRcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGZvdW5kID0gZmluZGluZ3MoKHMpID0+IHtcbiAgICAgIGRhdGFiYXNlKHMsIFwicHJpbWFyeVwiKTtcbiAgICAgIGRhdGFiYXNlKHMsIFwibG9jYWxfcmVwbGljYVwiLCB7IHJlcGxpY2F0ZVNvdXJjZURiOiBcInByaW1hcnlcIiwga21zS2V5SWQ6IHVuZGVmaW5lZCwgc3RvcmFnZUVuY3J5cHRlZDogdW5kZWZpbmVkIH0pO1xuICAgICAgZGF0YWJhc2UocywgXCJ1bnNhZmVfZHJfcmVwbGljYVwiLCB7IHJlcGxpY2F0ZVNvdXJjZURiOiBcImFybjphd3M6cmRzOnVzLWVhc3QtMToxMTExMTExMTExMTE6ZGI6cHJpbWFyeVwiLCBrbXNLZXlJZDogdW5kZWZpbmVkIH0pO1xuICAgIH0pLmZpbHRlcigoZikgPT4gZi5ydWxlSWQgPT09IFwiVlAtUkRTLTFcIik7XG4gICAgZXhwZWN0KGZvdW5kLm1hcCgoZikgPT4gZi5wYXRoKSkudG9FcXVhbChbXCJ0ZXN0L3Vuc2FmZV9kcl9yZXBsaWNhXCJdKTtcbiAgfSk7XG5cbiAgaXQoXCJhbiBpbnN0YW5jZSBvbiB0aGUgZGVmYXVsdCBwYXJhbWV0ZXIgZ3JvdXAgZG9lcyBub3QgZm9yY2UgU1NMXCIsICgpID0+IHtcbiAgICBjb25zdCBmb3VuZCA9IGZpbmRpbmdzKChzKSA9PiBkYXRhYmFzZShzLCBcInVuc2FmZVwiKSk7XG4gICAgZXhwZWN0KGZvdW5kLmZpbmQoKGYpID0+IGYucnVsZUlkID09PSBcIlZQLVJEUy0zXCIpPy5tZXNzYWdlKS50b01hdGNoKC9wYXJhbWV0ZXJfZ3JvdXBfbmFtZSBpcyBub3Qgc2V0Lyk7XG4gIH0pO1xuXG4gIGl0KFwicG9saWNpZXMgZnJvbSBhd3NfaWFtX3BvbGljeV9kb2N1bWVudCBkYXRhIHNvdXJjZXMgYXJlIHJlYWQgdG9vXCIsIGFzeW5jICgpID0+IHtcbiAgICBjb25zdCB7IERhdGFBd3NJYW1Qb2xpY3lEb2N1bWVudCB9ID0gYXdhaXQgaW1wb3J0KFwiQGNka3RmL3Byb3ZpZGVyLWF3cy9saWIvZGF0YS1hd3MtaWFtLXBvbGljeS1kb2N1bWVudFwiKTtcbiAgICBjb25zdCB7IElhbVJvbGVQb2xpY3kgfSA9IGF3YWl0IGltcG9ydChcIkBjZGt0Zi9wcm92aWRlci1hd3MvbGliL2lhbS1yb2xlLXBvbGljeVwiKTtcbiAgICBjb25zdCBmb3VuZCA9IGZpbmRpbmdzKChzKSA9PiB7XG4gICAgICBjb25zdCBkb2N1bWVudCA9IG5ldyBEYXRhQXdzSWFtUG9saWN5RG9jdW1lbnQocywgXCJkb2N1bWVudFwiLCB7IHN0YXRlbWVudDogW3sgYWN0aW9uczogW1wiKlwiXSwgcmVzb3VyY2VzOiBbXCIqXCJdIH1dIH0pO1xuICAgICAgbmV3IElhbVJvbGVQb2xpY3kocywgXCJ1bnNhZmVcIiwgeyByb2xlOiBcInJcIiwgcG9saWN5OiBkb2N1bWVudC5qc29uIH0pO1xuICAgIH0pO1xuICAgIGV4cGVjdChmb3VuZC5maWx0ZXIoKGYpID0+IGYucGF0aCA9PT0gXCJ0ZXN0L3Vuc2FmZVwiKS5tYXAoKGYpID0+IGYucnVsZUlkKS5zb3J0KCkpLnRvRXF1YWwoW1wiVlAtSUFNLTFcIiwgXCJWUC1JQU0tMlwiXSk7XG4gIH0pO1xuXG4gIGl0KFwiS01TIGtleSBwb2xpY2llcyBtYXkgc2F5IFJlc291cmNlICogYW5kIGttczoqIGZvciB0aGUgYWNjb3VudCByb290XCIsICgpID0+IHtcbiAgICBjb25zdCBmb3VuZCA9IGZpbmRpbmdzKChzKSA9PlxuICAgICAgbmV3IEVuY3J5cHRpb25LZXkocywgXCJrZXlcIiwgeyBhbGlhczogXCJrXCIsIGRlc2NyaXB0aW9uOiBcImtcIiwgYWNjb3VudElkOiBBQ0NPVU5ULCBkZWxldGlvbldpbmRvd0RheXM6IDcsIHJvdGF0aW9uUGVyaW9kRGF5czogMzY1IH0pLFxuICAgICk7XG4gICAgZXhwZWN0KGZvdW5kKS50b0VxdWFsKFtdKTtcbiAgfSk7XG5cbiAgaXQuZWFjaChbXG4gICAgW1wiYmVmb3JlIHN5bnRoIChzeW50aGVzaXplZCBpbiBtZW1vcnkpXCIsIGZhbHNlXSxcbiAgICBbXCJhZnRlciBhcHAuc3ludGgoKSAocmVhZCBmcm9tIHdoYXQgc3ludGggd3JvdGUpXCIsIHRydWVdLFxuICBdKShcIndvcmxkLW9wZW4gNDQzIGlzIGFuIGVycm9yIHdoZW4gYW55dGhpbmcgYnV0IGFuIEFMQiB1c2VzIHRoZSBncm91cCwgYWNyb3NzIHN0YWNrcyB0b28sICVzXCIsIChfLCBzeW50aEZpcnN0KSA9PiB7XG4gICAgY29uc3QgcmVwb3J0c1dpdGggPSAodGFza3NVc2VUaGVHcm91cDogYm9vbGVhbikgPT4ge1xuICAgICAgY29uc3QgYXBwID0gdGVzdEFwcCgpO1xuICAgICAgY29uc3QgbmV0d29yayA9IG5ldyBUZXJyYWZvcm1TdGFjayhhcHAsIFwibmV0d29ya1wiKTtcbiAgICAgIGNvbnN0IGNvbXB1dGUgPSBuZXcgVGVycmFmb3JtU3RhY2soYXBwLCBcImNvbXB1dGVcIik7XG4gICAgICBmb3IgKGNvbnN0IHN0YWNrIG9mIFtuZXR3b3JrLCBjb21wdXRlXSkgbmV3IEF3c1Byb3ZpZGVyKHN0YWNrLCBcImF3c1wiLCB7IHJlZ2lvbjogXCJ1cy1lYXN0LTFcIiB9KTtcbiAgICAgIGFwcGx5R3VhcmRyYWlscyhuZXR3b3JrLCB7IHByb2R1Y3Rpb246IGZhbHNlIH0pO1xuICAgICAgY29uc3QgZ3JvdXAgPSBuZXcgU2VjdXJpdHlHcm91cFdpdGhSdWxlcyhuZXR3b3JrLCBcInNoYXJlZFwiLCB7IG5hbWU6IFwic2hhcmVkXCIsIGRlc2NyaXB0aW9uOiBcInhcIiwgdnBjSWQ6IFwidnBjLTFcIiB9KTtcbiAgICAgIGdyb3VwLmFsbG93SW5ncmVzc0Zyb21DaWRyKFwiaHR0cHNcIiwgXCIwLjAuMC4wLzBcIiwgNDQzLCBcIkhUVFBTIGZyb20gYW55d2hlcmVcIik7XG4gICAgICBuZXcgTGIoY29tcHV0ZSwgXCJhbGJcIiwgeyBzZWN1cml0eUdyb3VwczogW2dyb3VwLmlkXSwgc3VibmV0czogW1wic3VibmV0LTFcIl0gfSk7XG4gICAgICBpZiAodGFza3NVc2VUaGVHcm91cCkge1xuICAgICAgICBuZXcgRWNzU2VydmljZShjb21wdXRlLCBcInRhc2tzXCIsIHsgbmFtZTogXCJ0YXNrc1wiLCBuZXR3b3JrQ29uZmlndXJhdGlvbjogeyBzdWJuZXRzOiBbXCJzdWJuZXQtMVwiXSwgc2VjdXJpdHlHcm91cHM6IFtncm91cC5pZF0gfSB9KTtcbiAgICAgIH1cbiAgICAgIGlmIChzeW50aEZpcnN0KSBhcHAuc3ludGgoKTtcbiAgICAgIHJldHVybiBjb2xsZWN0RmluZGluZ3MoYXBwKS5mbGF0TWFwKChyKSA9PiByLmZpbmRpbmdzKTtcbiAgICB9O1xuICAgIGV4cGVjdChyZXBvcnRzV2l0aChmYWxzZSkpLnRvRXF1YWwoW10pO1xuICAgIGV4cGVjdChyZXBvcnRzV2l0aCh0cnVlKSkudG9FcXVhbChbZXhwZWN0Lm9iamVjdENvbnRhaW5pbmcoeyBydWxlSWQ6IFwiVlAtTkVULTFcIiwgc3RhY2s6IFwibmV0d29ya1wiLCBwYXRoOiBcIm5ldHdvcmsvc2hhcmVkL2luZ3Jlc3NfaHR0cHNcIiB9KV0pO1xuICB9KTtcblxuICBpdChcImZpbmRzIGNyZWRlbnRpYWxzIGluIGFueSBhdHRyaWJ1dGUsIGJ1dCBub3QgYmVoaW5kIHJlZmVyZW5jZXNcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGZvdW5kID0gZmluZGluZ3MoKHMpID0+IHtcbiAgICAgIG5ldyBBd3NQcm92aWRlcihzLCBcImF3c1wiLCB7IHJlZ2lvbjogXCJ1cy1lYXN0LTFcIiwgYWNjZXNzS2V5OiBcIkFLSUFBQkNERUZHSElKS0xNTk9QXCIgfSk7XG4gICAgICBuZXcgU2VjcmV0c21hbmFnZXJTZWNyZXQocywgXCJ1bnNhZmVfdXJsXCIsIHsgbmFtZTogXCJ1cmxcIiwga21zS2V5SWQ6IEtFWSwgZGVzY3JpcHRpb246IFwicG9zdGdyZXM6Ly9hcHA6aHVudGVyMkBkYi5pbnRlcm5hbDo1NDMyL2FwcFwiIH0pO1xuICAgICAgY29uc3QgcGFzc3dvcmQgPSBuZXcgUGFzc3dvcmQocywgXCJwYXNzd29yZFwiLCB7IGxlbmd0aDogMzIgfSk7XG4gICAgICBuZXcgU2VjcmV0c21hbmFnZXJTZWNyZXQocywgXCJzYWZlX3VybFwiLCB7IG5hbWU6IFwidXJsMlwiLCBrbXNLZXlJZDogS0VZLCBkZXNjcmlwdGlvbjogYHBvc3RncmVzOi8vYXBwOiR7cGFzc3dvcmQucmVzdWx0fUBkYi5pbnRlcm5hbDo1NDMyL2FwcGAgfSk7XG4gICAgICAvLyBOYW1lZCBsaWtlIHRva2VucywgYnV0IHRoZXkgYXJlIHRoZSB1bml0cyBvZiB0aGUgdG9rZW5zJyBsaWZldGltZXMuXG4gICAgICBuZXcgQ29nbml0b1VzZXJQb29sQ2xpZW50KHMsIFwiY2xpZW50XCIsIHsgbmFtZTogXCJhcHBcIiwgdXNlclBvb2xJZDogXCJwb29sXCIsIHRva2VuVmFsaWRpdHlVbml0czogW3sgYWNjZXNzVG9rZW46IFwibWludXRlc1wiLCBpZFRva2VuOiBcIm1pbnV0ZXNcIiwgcmVmcmVzaFRva2VuOiBcImRheXNcIiB9XSB9KTtcbiAgICB9KS5maWx0ZXIoKGYpID0+IGYucnVsZUlkID09PSBcIlZQLVNFQy0yXCIpO1xuICAgIGV4cGVjdChmb3VuZC5tYXAoKGYpID0+IFtmLnBhdGgsIGYubWVzc2FnZS5zcGxpdChcIi4gRml4XCIpWzBdXSkpLnRvRXF1YWwoW1xuICAgICAgW1widGVzdC9hd3NcIiwgXCJhY2Nlc3Nfa2V5IGlzIGEgbGl0ZXJhbFwiXSxcbiAgICAgIFtcInRlc3QvdW5zYWZlX3VybFwiLCBcImRlc2NyaXB0aW9uIGNvbnRhaW5zIGEgVVJMIHdpdGggYW4gZW1iZWRkZWQgcGFzc3dvcmRcIl0sXG4gICAgXSk7XG4gIH0pO1xuXG4gIGl0KFwiY29udGFpbmVyIHZhcmlhYmxlcyB0aGF0IGxvb2sgbGlrZSBrZXlzIGFyZSBmbGFnZ2VkIHdoYXRldmVyIHRoZWlyIG5hbWVcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGZvdW5kID0gZmluZGluZ3MoKHMpID0+IHRhc2tEZWZpbml0aW9uKHMsIFwidGFza1wiLCBbeyBuYW1lOiBcIlVQU1RSRUFNXCIsIHZhbHVlOiBcInNrLXByb2otYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXowMTIzNDVcIiB9LCB7IG5hbWU6IFwiU0VFRFwiLCB2YWx1ZTogXCJmM1pxOUxtWDJwUjd0SzF3QjhuQzR2WTZcIiB9XSkpO1xuICAgIGV4cGVjdChmb3VuZC5maW5kKChmKSA9PiBmLnJ1bGVJZCA9PT0gXCJWUC1FQ1MtMlwiKT8ubWVzc2FnZSkudG9NYXRjaCgvVVBTVFJFQU0gY29udGFpbnMgYW4gT3BlbkFJLXN0eWxlIHNlY3JldCBrZXk7IGFwaTogU0VFRCBsb29rcyBsaWtlIGEga2V5Lyk7XG4gIH0pO1xuXG4gIGl0KFwiTGFtYmRhIGZ1bmN0aW9uczogbGl0ZXJhbCBzZWNyZXRzIGluIHRoZWlyIGVudmlyb25tZW50IGFuZCBsb2cgZ3JvdXBzIHRoZXkgd291bGQgY3JlYXRlIHRoZW1zZWx2ZXNcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGZvdW5kID0gZmluZGluZ3MoKHMpID0+IHtcbiAgICAgIG5ldyBMYW1iZGFGdW5jdGlvbihzLCBcInVuc2FmZVwiLCB7IGZ1bmN0aW9uTmFtZTogXCJsb29rdXBcIiwgcm9sZTogXCJhcm46cm9sZVwiLCBwYWNrYWdlVHlwZTogXCJJbWFnZVwiLCBpbWFnZVVyaTogXCJ4OjFcIiwgZW52aXJvbm1lbnQ6IHsgdmFyaWFibGVzOiB7IFRXSUxJT19BVVRIX1RPS0VOOiBcImFiYzEyM1wiIH0gfSB9KTtcbiAgICB9KTtcbiAgICBleHBlY3QoZm91bmQuZmlsdGVyKChmKSA9PiBmLnBhdGggPT09IFwidGVzdC91bnNhZmVcIikubWFwKChmKSA9PiBbZi5ydWxlSWQsIGYubWVzc2FnZS5zcGxpdChcIi4gRml4XCIpWzBdXSkpLnRvRXF1YWwoW1xuICAgICAgW1wiVlAtTE9HLTNcIiwgXCJMYW1iZGEgd291bGQgY3JlYXRlIGEgbmV2ZXItZXhwaXJpbmcgL2F3cy9sYW1iZGEvbG9va3VwXCJdLFxuICAgICAgW1wiVlAtU0VDLTJcIiwgXCJlbnZpcm9ubWVudC52YXJpYWJsZXMuVFdJTElPX0FVVEhfVE9LRU4gaXMgYSBsaXRlcmFsXCJdLFxuICAgICAgW1wiVlAtRUNTLTJcIiwgXCJmdW5jdGlvbjogVFdJTElPX0FVVEhfVE9LRU4gaXMgbmFtZWQgbGlrZSBhIHNlY3JldCBhbmQgc2V0IHRvIGEgbGl0ZXJhbFwiXSxcbiAgICBdKTtcbiAgfSk7XG5cbiAgaXQoXCJhIHJ1bGUgdGhhdCB0aHJvd3MgY291bnRzIGFzIGEgdmlvbGF0aW9uLCBuZXZlciBhcyBhIHBhc3NcIiwgKCkgPT4ge1xuICAgIGNvbnN0IGZvdW5kID0gZmluZGluZ3MoKHMpID0+IG5ldyBTcXNRdWV1ZShzLCBcInF1ZXVlXCIsIHsga21zTWFzdGVyS2V5SWQ6IEtFWSwgcG9saWN5OiBcInsgbm90IGpzb25cIiB9KSk7XG4gICAgZXhwZWN0KGZvdW5kKS50b0VxdWFsKFtcbiAgICAgIGV4cGVjdC5vYmplY3RDb250YWluaW5nKHsgcnVsZUlkOiBcIlZQLUlBTS0xXCIsIGxldmVsOiBcImVycm9yXCIsIHBhdGg6IFwidGVzdC9xdWV1ZVwiLCBtZXNzYWdlOiBleHBlY3Quc3RyaW5nTWF0Y2hpbmcoL2NvdWxkIG5vdCBiZSBldmFsdWF0ZWQvKSB9KSxcbiAgICAgIGV4cGVjdC5vYmplY3RDb250YWluaW5nKHsgcnVsZUlkOiBcIlZQLUlBTS0zXCIsIGxldmVsOiBcImVycm9yXCIsIHBhdGg6IFwidGVzdC9xdWV1ZVwiLCBtZXNzYWdlOiBleHBlY3Quc3RyaW5nTWF0Y2hpbmcoL2NvdWxkIG5vdCBiZSBldmFsdWF0ZWQvKSB9KSxcbiAgICBdKTtcbiAgfSk7XG5cbiAgaXQoXCJhIHN0YWNrIHJ1bGUgdGhhdCB0aHJvd3MgZmFpbHMgb24gdGhlIHN0YWNrXCIsICgpID0+IHtcbiAgICBjb25zdCBmb3VuZCA9IGZpbmRpbmdzKChzKSA9PiB7XG4gICAgICBjb25zdCByZXNvdXJjZSA9IG5ldyBTM0J1Y2tldChzLCBcImJ1Y2tldFwiLCB7IGJ1Y2tldDogXCJiXCIgfSk7XG4gICAgICBuZXcgUzNCdWNrZXRQb2xpY3kocywgXCJwb2xpY3lcIiwgeyBidWNrZXQ6IHJlc291cmNlLmlkLCBwb2xpY3k6IFwieyBub3QganNvblwiIH0pO1xuICAgIH0pO1xuICAgIGV4cGVjdChmb3VuZC5maW5kKChmKSA9PiBmLnJ1bGVJZCA9PT0gXCJWUC1TMy0zXCIpKS50b01hdGNoT2JqZWN0KHsgcGF0aDogXCJ0ZXN0XCIsIG1lc3NhZ2U6IGV4cGVjdC5zdHJpbmdNYXRjaGluZygvY291bGQgbm90IGJlIGV2YWx1YXRlZC8pIH0pO1xuICAgIC8vIFRoZSBvdGhlciBydWxlcyBzdGlsbCByZXBvcnQgdGhlIGJ1Y2tldC5cbiAgICBleHBlY3QoZm91bmQuZmluZCgoZikgPT4gZi5ydWxlSWQgPT09IFwiVlAtUzMtMVwiKSkudG9NYXRjaE9iamVjdCh7IHBhdGg6IFwidGVzdC9idWNrZXRcIiB9KTtcbiAgfSk7XG59KTtcblxuZGVzY3JpYmUoXCJzdXBwcmVzc2lvbnNcIiwgKCkgPT4ge1xuICBjb25zdCByZWFzb24gPSBcIkFjY2Vzcy1sb2cgdGFyZ2V0IG9mIHRoZSBlZGdlIEFMQjsgQVdTIHJlcXVpcmVzIFNTRS1TMyBoZXJlXCI7XG5cbiAgaXQoXCJtb3ZlIHRoZSBmaW5kaW5nIHRvIHRoZSByZXBvcnQncyBzdXBwcmVzc2VkIGxpc3Qgd2l0aCB0aGUgcmVhc29uXCIsICgpID0+IHtcbiAgICBjb25zdCB7IHJlcG9ydHMgfSA9IGd1YXJkZWQoKHMpID0+IHtcbiAgICAgIGNvbnN0IGxvZ3MgPSBuZXcgQ29uc3RydWN0KHMsIFwibG9nc1wiKTtcbiAgICAgIGJ1Y2tldChsb2dzLCBcIlJlc291cmNlXCIsIHsgZW5jcnlwdGlvbjogXCJzc2UtczNcIiB9KTtcbiAgICAgIHN1cHByZXNzKGxvZ3MsIHsgaWQ6IFwiVlAtUzMtMlwiLCByZWFzb24gfSk7XG4gICAgfSk7XG4gICAgZXhwZWN0KHJlcG9ydHNbMF0uZmluZGluZ3MpLnRvRXF1YWwoW10pO1xuICAgIGV4cGVjdChyZXBvcnRzWzBdLnN1cHByZXNzZWQpLnRvRXF1YWwoW1xuICAgICAgZXhwZWN0Lm9iamVjdENvbnRhaW5pbmcoeyBydWxlSWQ6IFwiVlAtUzMtMlwiLCBwYXRoOiBcInRlc3QvbG9ncy9SZXNvdXJjZVwiLCBzdXBwcmVzc2VkQXQ6IFwidGVzdC9sb2dzXCIsIHJlYXNvbiB9KSxcbiAgICBdKTtcbiAgICBleHBlY3QoZm9ybWF0R3VhcmRyYWlsUmVwb3J0KHJlcG9ydHMpKS50b0NvbnRhaW4oYHJlYXNvbiAoYXQgdGVzdC9sb2dzKTogJHtyZWFzb259YCk7XG4gIH0pO1xuXG4gIGl0KFwiY292ZXIgb25seSB0aGUgbmFtZWQgcnVsZVwiLCAoKSA9PiB7XG4gICAgY29uc3QgeyByZXBvcnRzIH0gPSBndWFyZGVkKChzKSA9PiB7XG4gICAgICBzdXBwcmVzcyhuZXcgUzNCdWNrZXQocywgXCJidWNrZXRcIiwgeyBidWNrZXQ6IFwiYlwiIH0pLCB7IGlkOiBcIlZQLVMzLTJcIiwgcmVhc29uIH0pO1xuICAgIH0pO1xuICAgIGV4cGVjdChyZXBvcnRzWzBdLmZpbmRpbmdzLm1hcCgoZikgPT4gZi5ydWxlSWQpLnNvcnQoKSkudG9FcXVhbChbXCJWUC1TMy0xXCIsIFwiVlAtUzMtM1wiXSk7XG4gIH0pO1xuXG4gIGl0KFwicmVxdWlyZSBhIHdyaXR0ZW4gcmVhc29uLCBhIGtub3duIHJ1bGUgYW5kIGEgY29uc3RydWN0IGJlbG93IHRoZSBzdGFja1wiLCAoKSA9PiB7XG4gICAgY29uc3QgYXBwID0gdGVzdEFwcCgpO1xuICAgIGNvbnN0IHN0YWNrID0gbmV3IFRlcnJhZm9ybVN0YWNrKGFwcCwgXCJ0ZXN0XCIpO1xuICAgIGNvbnN0IHRhcmdldCA9IG5ldyBTM0J1Y2tldChzdGFjaywgXCJidWNrZXRcIiwgeyBidWNrZXQ6IFwiYlwiIH0pO1xuICAgIGV4cGVjdCgoKSA9PiBzdXBwcmVzcyh0YXJnZXQsIHsgaWQ6IFwiVlAtUzMtMlwiLCByZWFzb246IFwibG9nIGJ1Y2tldFwiIH0pKS50b1Rocm93KC9hdCBsZWFzdCAyMCBjaGFyYWN0ZXJzLyk7XG4gICAgZXhwZWN0KCgpID0+IHN1cHByZXNzKHRhcmdldCwgeyBpZDogXCJWUC1TMy0yXCIsIHJlYXNvbjogXCIgICAgICAgICAgICAgICAgICAgICAgICAgXCIgfSkpLnRvVGhyb3coL2F0IGxlYXN0IDIwIGNoYXJhY3RlcnMvKTtcbiAgICBleHBlY3QoKCkgPT4gc3VwcHJlc3ModGFyZ2V0LCB7IGlkOiBcIlZQLVMzLTlcIiwgcmVhc29uIH0pKS50b1Rocm93KC91bmtub3duIGd1YXJkcmFpbCBydWxlIFwiVlAtUzMtOVwiLyk7XG4gICAgZXhwZWN0KCgpID0+IHN1cHByZXNzKHN0YWNrLCB7IGlkOiBcIlZQLVMzLTJcIiwgcmVhc29uIH0pKS50b1Rocm93KC9ub3Qgb24gYSB3aG9sZSBzdGFjay8pO1xuICB9KTtcbn0pO1xuXG5kZXNjcmliZS5lYWNoKE9iamVjdC5rZXlzKEVOVklST05NRU5UUykpKFwic2hpcHBlZCBlbnZpcm9ubWVudCAlc1wiLCAoZW52KSA9PiB7XG4gIC8vIFN5bnRoZXNpemVkIHdoaWxlIGNvbGxlY3RpbmcsIGxpa2UgdGhlIG90aGVyIHN1aXRlcywgc28gdGhlIHNoYXJlZCBwZXItd29ya2VyIHN5bnRoIGlzIG5vdCB0aW1lZCBwZXIgdGVzdC5cbiAgY29uc3Qgc3ludGggPSBzeW50aEVudmlyb25tZW50KGVudik7XG5cbiAgaXQoXCJwYXNzZXMgdGhlIGd1YXJkcmFpbHMgaW4gZXZlcnkgc3RhY2sgd2l0aCB6ZXJvIGVycm9yc1wiLCAoKSA9PiB7XG4gICAgY29uc3QgcmVwb3J0cyA9IGNvbGxlY3RGaW5kaW5ncyhzeW50aC5zdGFja3Muc2VjcmV0c0ttcy5ub2RlLnJvb3QpO1xuICAgIGV4cGVjdChyZXBvcnRzLm1hcCgocikgPT4gci5zdGFjaykuc29ydCgpKS50b0VxdWFsKFsuLi5zeW50aC5zdGFja0lkc10uc29ydCgpKTtcbiAgICBjb25zdCBlcnJvcnMgPSByZXBvcnRzLmZsYXRNYXAoKHIpID0+IHIuZmluZGluZ3MpLmZpbHRlcigoZikgPT4gZi5sZXZlbCA9PT0gXCJlcnJvclwiKTtcbiAgICBleHBlY3QoZXJyb3JzLm1hcCgoZikgPT4gYCR7Zi5ydWxlSWR9ICR7Zi5wYXRofTogJHtmLm1lc3NhZ2V9YCkpLnRvRXF1YWwoW10pO1xuICB9KTtcbn0pO1xuXG5kZXNjcmliZShcIm9wdGlvbmFsIHNlY3Rpb25zXCIsICgpID0+IHtcbiAgLy8gQ29sbGVjdGVkIHVwIGZyb250IGxpa2UgdGhlIHNoaXBwZWQgZW52aXJvbm1lbnRzOyB0aGUgc3ludGggaXMgc2hhcmVkIHdpdGggdGhlIG9wdGlvbmFsLXNlY3Rpb24gc3VpdGVzLlxuICBjb25zdCBzeW50aCA9IHN5bnRoV2l0aE9wdGlvbmFsU2VjdGlvbnMoXCJwcm9kXCIpO1xuXG4gIGl0KFwicHJvZCB3aXRoIGR5bmFtb2RiLCBmdW5jdGlvbnMsIGlkZW50aXR5IGFuZCBwYXJhbWV0ZXJzIHBhc3NlcyB3aXRoIHplcm8gZXJyb3JzXCIsICgpID0+IHtcbiAgICBjb25zdCBlcnJvcnMgPSBjb2xsZWN0RmluZGluZ3Moc3ludGguc3RhY2tzLnNlY3JldHNLbXMubm9kZS5yb290KVxuICAgICAgLmZsYXRNYXAoKHIpID0+IHIuZmluZGluZ3MpXG4gICAgICAuZmlsdGVyKChmKSA9PiBmLmxldmVsID09PSBcImVycm9yXCIpO1xuICAgIGV4cGVjdChlcnJvcnMubWFwKChmKSA9PiBgJHtmLnJ1bGVJZH0gJHtmLnBhdGh9OiAke2YubWVzc2FnZX1gKSkudG9FcXVhbChbXSk7XG4gIH0pO1xufSk7XG5cbmRlc2NyaWJlKFwiYWxsLW9yLW5vdGhpbmcgc3ludGhcIiwgKCkgPT4ge1xuICBjb25zdCBzY3JhdGNoUm9vdCA9ICgpID0+IG1rZHRlbXBTeW5jKGpvaW4odG1wZGlyKCksIFwidm9pY2UtaW5mcmEtZ3VhcmRlZC1cIikpO1xuICBjb25zdCB1bnNhZmVBcHAgPSAob3V0ZGlyOiBzdHJpbmcpID0+IHtcbiAgICBjb25zdCBhcHAgPSBuZXcgQXBwKHsgb3V0ZGlyIH0pO1xuICAgIGZvciAoY29uc3QgaWQgb2YgW1wiZmlyc3RcIiwgXCJzZWNvbmRcIl0pIHtcbiAgICAgIGNvbnN0IHN0YWNrID0gbmV3IFRlcnJhZm9ybVN0YWNrKGFwcCwgaWQpO1xuICAgICAgbmV3IEF3c1Byb3ZpZGVyKHN0YWNrLCBcImF3c1wiLCB7IHJlZ2lvbjogXCJ1cy1lYXN0LTFcIiB9KTtcbiAgICAgIGFwcGx5R3VhcmRyYWlscyhzdGFjaywgeyBwcm9kdWN0aW9uOiBmYWxzZSB9KTtcbiAgICAgIG5ldyBLbXNLZXkoc3RhY2ssIFwia2V5XCIsIHsgZW5hYmxlS2V5Um90YXRpb246IGZhbHNlIH0pO1xuICAgIH1cbiAgICByZXR1cm4geyBhcHAgfTtcbiAgfTtcblxuICBpdChcImZhaWxzIGxpc3RpbmcgZXZlcnkgZXJyb3Igb2YgZXZlcnkgc3RhY2sgYW5kIGxlYXZlcyB0aGUgcHJldmlvdXMgb3V0cHV0IHVudG91Y2hlZFwiLCAoKSA9PiB7XG4gICAgY29uc3Qgcm9vdCA9IHNjcmF0Y2hSb290KCk7XG4gICAgY29uc3Qgb3V0ZGlyID0gam9pbihyb290LCBcImNka3RmLm91dFwiKTtcbiAgICBzeW50aGVzaXplV2l0aEd1YXJkcmFpbHMob3V0ZGlyLCAoZGlyKSA9PiAoeyBhcHA6IG5ldyBBcHAoeyBvdXRkaXI6IGRpciB9KSB9KSwgKCkgPT4ge30pO1xuICAgIHdyaXRlRmlsZVN5bmMoam9pbihvdXRkaXIsIFwicHJldmlvdXMudHh0XCIpLCBcImZyb20gdGhlIGxhc3QgZ29vZCBzeW50aFwiKTtcbiAgICBjb25zdCBiZWZvcmUgPSByZWFkZGlyU3luYyhvdXRkaXIpLnNvcnQoKTtcblxuICAgIGxldCBlcnJvcjogdW5rbm93bjtcbiAgICB0cnkge1xuICAgICAgc3ludGhlc2l6ZVdpdGhHdWFyZHJhaWxzKG91dGRpciwgdW5zYWZlQXBwLCAoKSA9PiB7fSk7XG4gICAgfSBjYXRjaCAoY2F1Z2h0KSB7XG4gICAgICBlcnJvciA9IGNhdWdodDtcbiAgICB9XG4gICAgZXhwZWN0KGVycm9yKS50b0JlSW5zdGFuY2VPZihHdWFyZHJhaWxWaW9sYXRpb25FcnJvcik7XG4gICAgY29uc3QgbWVzc2FnZSA9IChlcnJvciBhcyBFcnJvcikubWVzc2FnZTtcbiAgICBleHBlY3QobWVzc2FnZSkudG9NYXRjaCgvR3VhcmRyYWlsczogMiBlcnJvcnMvKTtcbiAgICBleHBlY3QobWVzc2FnZSkudG9NYXRjaCgvRVJST1IgK1ZQLUtNUy0xICtmaXJzdCArZmlyc3RcXC9rZXkgXFwoYXdzX2ttc19rZXlcXC5rZXlcXCkvKTtcbiAgICBleHBlY3QobWVzc2FnZSkudG9NYXRjaCgvRVJST1IgK1ZQLUtNUy0xICtzZWNvbmQgK3NlY29uZFxcL2tleS8pO1xuICAgIGV4cGVjdCgoZXJyb3IgYXMgRXJyb3IpLnN0YWNrKS5ub3QudG9NYXRjaCgvXFxuXFxzK2F0IC8pO1xuICAgIGV4cGVjdChyZWFkZGlyU3luYyhvdXRkaXIpLnNvcnQoKSkudG9FcXVhbChiZWZvcmUpO1xuICAgIGV4cGVjdChleGlzdHNTeW5jKGpvaW4ob3V0ZGlyLCBcInN0YWNrc1wiLCBcImZpcnN0XCIpKSkudG9CZShmYWxzZSk7XG4gICAgZXhwZWN0KHJlYWRkaXJTeW5jKHJvb3QpKS50b0VxdWFsKFtcImNka3RmLm91dFwiXSk7XG4gICAgcm1TeW5jKHJvb3QsIHsgcmVjdXJzaXZlOiB0cnVlLCBmb3JjZTogdHJ1ZSB9KTtcbiAgfSk7XG5cbiAgaXQoXCJwdWJsaXNoZXMgc3RhY2tzLCBtYW5pZmVzdCBhbmQgdGhlIGd1YXJkcmFpbCByZXBvcnQsIGtlZXBpbmcgZmlsZXMgc3ludGggZG9lcyBub3Qgb3duXCIsICgpID0+IHtcbiAgICBjb25zdCByb290ID0gc2NyYXRjaFJvb3QoKTtcbiAgICBjb25zdCBvdXRkaXIgPSBqb2luKHJvb3QsIFwiY2RrdGYub3V0XCIpO1xuICAgIGNvbnN0IHByaW50ZWQ6IHN0cmluZ1tdID0gW107XG4gICAgY29uc3Qgc2FmZUFwcCA9IChkaXI6IHN0cmluZykgPT4ge1xuICAgICAgY29uc3QgYXBwID0gbmV3IEFwcCh7IG91dGRpcjogZGlyIH0pO1xuICAgICAgY29uc3Qgc3RhY2sgPSBuZXcgVGVycmFmb3JtU3RhY2soYXBwLCBcIm9ubHlcIik7XG4gICAgICBuZXcgQXdzUHJvdmlkZXIoc3RhY2ssIFwiYXdzXCIsIHsgcmVnaW9uOiBcInVzLWVhc3QtMVwiIH0pO1xuICAgICAgYXBwbHlHdWFyZHJhaWxzKHN0YWNrLCB7IHByb2R1Y3Rpb246IGZhbHNlIH0pO1xuICAgICAgYnVja2V0KHN0YWNrLCBcImJ1Y2tldFwiKTtcbiAgICAgIGNvbnN0IGtleSA9IG5ldyBLbXNLZXkoc3RhY2ssIFwia2V5XCIsIHsgZW5hYmxlS2V5Um90YXRpb246IGZhbHNlIH0pO1xuICAgICAgc3VwcHJlc3Moa2V5LCB7IGlkOiBcIlZQLUtNUy0xXCIsIHJlYXNvbjogXCJmaXh0dXJlOiBhIGtleSB0aGF0IGlzIGFib3V0IHRvIGJlIGRlbGV0ZWRcIiB9KTtcbiAgICAgIHJldHVybiB7IGFwcCB9O1xuICAgIH07XG4gICAgc3ludGhlc2l6ZVdpdGhHdWFyZHJhaWxzKG91dGRpciwgc2FmZUFwcCwgKHRleHQpID0+IHByaW50ZWQucHVzaCh0ZXh0KSk7XG4gICAgd3JpdGVGaWxlU3luYyhqb2luKG91dGRpciwgXCJzdGFja3NcIiwgXCJvbmx5XCIsIFwidGVycmFmb3JtLm9ubHkudGZzdGF0ZVwiKSwgXCJ7fVwiKTtcbiAgICBjb25zdCB7IHJlcG9ydHMgfSA9IHN5bnRoZXNpemVXaXRoR3VhcmRyYWlscyhvdXRkaXIsIHNhZmVBcHAsICh0ZXh0KSA9PiBwcmludGVkLnB1c2godGV4dCkpO1xuXG4gICAgZXhwZWN0KEpTT04ucGFyc2UocmVhZEZpbGVTeW5jKGpvaW4ob3V0ZGlyLCBcIm1hbmlmZXN0Lmpzb25cIiksIFwidXRmOFwiKSkuc3RhY2tzLm9ubHkpLnRvQmVEZWZpbmVkKCk7XG4gICAgZXhwZWN0KGV4aXN0c1N5bmMoam9pbihvdXRkaXIsIFwic3RhY2tzXCIsIFwib25seVwiLCBcImNkay50Zi5qc29uXCIpKSkudG9CZSh0cnVlKTtcbiAgICBleHBlY3QoZXhpc3RzU3luYyhqb2luKG91dGRpciwgXCJzdGFja3NcIiwgXCJvbmx5XCIsIFwidGVycmFmb3JtLm9ubHkudGZzdGF0ZVwiKSkpLnRvQmUodHJ1ZSk7XG4gICAgZXhwZWN0KEpTT04ucGFyc2UocmVhZEZpbGVTeW5jKGpvaW4ob3V0ZGlyLCBHVUFSRFJBSUxfUkVQT1JUX0ZJTEUpLCBcInV0ZjhcIikpKS50b0VxdWFsKHJlcG9ydHMpO1xuICAgIGV4cGVjdChwcmludGVkWzFdKS50b01hdGNoKC9eR3VhcmRyYWlsczogMCBlcnJvcnMsIDAgd2FybmluZ3MsIDEgc3VwcHJlc3NlZCBpbiAxIHN0YWNrXFxuLipTVVBQUkVTU0VEICtWUC1LTVMtMSArb25seSArb25seVxcL2tleS8pO1xuICAgIGV4cGVjdChwcmludGVkWzFdKS50b0NvbnRhaW4oXCJyZWFzb24gKGF0IG9ubHkva2V5KTogZml4dHVyZTogYSBrZXkgdGhhdCBpcyBhYm91dCB0byBiZSBkZWxldGVkXCIpO1xuICAgIHJtU3luYyhyb290LCB7IHJlY3Vyc2l2ZTogdHJ1ZSwgZm9yY2U6IHRydWUgfSk7XG4gIH0pO1xuXG4gIGl0KFwiYSBjb25zdHJ1Y3QgZXJyb3IgYWxzbyBsZWF2ZXMgbm90aGluZyBiZWhpbmRcIiwgKCkgPT4ge1xuICAgIGNvbnN0IHJvb3QgPSBzY3JhdGNoUm9vdCgpO1xuICAgIGNvbnN0IG91dGRpciA9IGpvaW4ocm9vdCwgXCJjZGt0Zi5vdXRcIik7XG4gICAgZXhwZWN0KCgpID0+XG4gICAgICBzeW50aGVzaXplV2l0aEd1YXJkcmFpbHMob3V0ZGlyLCAoKSA9PiB7XG4gICAgICAgIHRocm93IG5ldyBFcnJvcihcIkVuY3J5cHRlZExvZ0dyb3VwIHg6IGJhZCBuYW1lXCIpO1xuICAgICAgfSksXG4gICAgKS50b1Rocm93KC9iYWQgbmFtZS8pO1xuICAgIGV4cGVjdChyZWFkZGlyU3luYyhyb290KSkudG9FcXVhbChbXSk7XG4gICAgcm1TeW5jKHJvb3QsIHsgcmVjdXJzaXZlOiB0cnVlLCBmb3JjZTogdHJ1ZSB9KTtcbiAgfSk7XG59KTtcbiJdLCJmaWxlIjoiL3dvcmsvbWFpbi9fX3Rlc3RzX18vdW5pdC9ndWFyZHJhaWxzLnRlc3QudHMifQ==
