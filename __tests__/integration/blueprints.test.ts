import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BLUEPRINTS, ConfigError, loadBlueprints } from "../../config";
import { collectFindings } from "../../guardrails";
import { buildPlatformApp } from "../../stacks/app";
import { PlatformStack } from "../../stacks/platform-stack";
import { remoteOutputRef } from "../support/remote-state";
import { foreignWrites } from "../support/ownership";
import { type SynthesizedEnvironment, type SynthesizedStack, type TerraformJson, resourcesOf, synthBlueprintEnvironment } from "../support/synth";
import { SEED_004_SERVICES } from "../support/seed-004";
import { asList, statementsIn } from "../support/policy";

const BLUEPRINT_ENVIRONMENTS = Object.entries(BLUEPRINTS).flatMap(([blueprint, environments]) =>
  Object.keys(environments).map((env) => [blueprint, env] as const),
);

/** Components every container blueprint builds; the rest come from optional config sections. */
const PLATFORM = ["bootstrap", "secrets-kms", "vpc", "registry", "storage", "edge", "ecs", "backup", "observability"];
/** The serverless blueprint (seed 002): no vpc, registry, edge or ecs; the pipeline only where its config lives (prod). */
const SERVERLESS = [
  "bootstrap",
  "secrets-kms",
  "storage",
  "data-dynamodb",
  "identity",
  "parameters",
  "functions",
  "workflow",
  "api",
  "frontend",
  "backup",
  "observability",
];
const SAPRISM = [...PLATFORM, "rds", "redis", "identity", "parameters"];
const COMPONENTS: Record<string, string[] | Record<string, string[]>> = {
  // mail: prod's user pools send through SES (identity.email), whose domain the mail stack verifies.
  "voice-assistant": { dev: SERVERLESS, staging: SERVERLESS, prod: [...SERVERLESS, "pipeline", "mail"] },
  // dns: the Route53 health check of messaging.healthCheck; access (Client VPN) is off in every shipped environment.
  "voice-ai": [...PLATFORM, "rds", "redis", "messaging", "dns"],
  "voice-connect": [...PLATFORM, "data-dynamodb", "functions"],
  saprism: { dev: SAPRISM, staging: SAPRISM, prod: [...SAPRISM, "mail"] },
  "genai-services": [...PLATFORM, "rds", "redis"],
};

const componentsOf = (synth: SynthesizedEnvironment) => synth.stackIds.map((id) => id.slice(synth.config.environment.length + 1));

describe.each(BLUEPRINT_ENVIRONMENTS)("blueprint %s, environment %s", (blueprint, env) => {
  const synth = synthBlueprintEnvironment(blueprint, env);

  it("is its blueprint's project and builds exactly the blueprint's components", () => {
    expect(synth.config.project).toBe(blueprint);
    const expected = COMPONENTS[blueprint];
    expect(componentsOf(synth).sort()).toEqual([...(Array.isArray(expected) ? expected : expected[env])].sort());
  });

  it("passes the guardrails in every stack with zero errors", () => {
    const reports = collectFindings(synth.stacks.secretsKms.node.root);
    expect(reports.map((r) => r.stack).sort()).toEqual([...synth.stackIds].sort());
    const errors = reports.flatMap((r) => r.findings).filter((f) => f.level === "error");
    expect(errors.map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
  });

  it("writes security-group rules and role policies only into groups and roles of the same stack", () => {
    const writes = componentsOf(synth).flatMap((component) => foreignWrites(synth.stack(component).json).map((w) => `${component}: ${w}`));
    expect(writes).toEqual([]);
  });
});

describe("selection and naming", () => {
  const describeConfigs = (blueprints: string, environments: string) =>
    loadBlueprints(blueprints, environments).map((c) => `${c.project}/${c.environment}`);

  it("defaults to voice-ai with all its environments; INFRA_ENVS applies within each selected blueprint", () => {
    expect(describeConfigs("", "")).toEqual(["voice-ai/dev", "voice-ai/staging", "voice-ai/prod"]);
    expect(describeConfigs("voice-connect, saprism", "staging,prod")).toEqual(["voice-connect/prod", "saprism/staging", "saprism/prod"]);
  });

  it("rejects blueprint and environment names it does not know", () => {
    expect(() => loadBlueprints("voice-ai,voice-bot", "")).toThrow(ConfigError);
    expect(() => loadBlueprints("voice-ai,voice-bot", "")).toThrow(
      /INFRA_BLUEPRINTS: unknown blueprint "voice-bot"; known: voice-ai, voice-connect, saprism, genai-services, voice-assistant/,
    );
    expect(() => loadBlueprints("genai-services", "staging")).toThrow(/INFRA_ENVS: unknown environment "staging"; known: prod/);
  });

  it("puts the blueprint into stack ids only when several blueprints share the app; state keys never change", () => {
    const outdir = mkdtempSync(join(tmpdir(), "voice-infra-blueprints-"));
    try {
      const { app } = buildPlatformApp({ configs: loadBlueprints("voice-connect,genai-services", "prod"), outdir });
      app.synth();
      const stacks = app.node.children.filter((child): child is PlatformStack => child instanceof PlatformStack);
      for (const stack of stacks) {
        const { project, environment } = stack.config;
        expect(stack.node.id).toBe(`${project}-${environment}-${stack.component}`);
        const json = JSON.parse(readFileSync(join(outdir, "stacks", stack.node.id, "cdk.tf.json"), "utf8")) as TerraformJson;
        if (stack.component !== "bootstrap") expect(json.terraform.backend?.s3?.key).toBe(`${project}/${environment}/${stack.component}.tfstate`);
      }
      expect(new Set(stacks.map((s) => s.config.project))).toEqual(new Set(["voice-connect", "genai-services"]));
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
    const single = buildPlatformApp({ configs: loadBlueprints("genai-services", "") });
    expect(single.app.node.children.map((stack) => stack.node.id).every((id) => id.startsWith("prod-"))).toBe(true);
  });

  it("gives every stack of every blueprint its own state key <blueprint>/<env>/<component>.tfstate", () => {
    const keys = BLUEPRINT_ENVIRONMENTS.flatMap(([blueprint, env]) => {
      const synth = synthBlueprintEnvironment(blueprint, env);
      return componentsOf(synth)
        .filter((component) => component !== "bootstrap")
        .map((component) => {
          const key = synth.stack(component).json.terraform.backend?.s3?.key;
          expect(key).toBe(`${blueprint}/${env}/${component}.tfstate`);
          return key;
        });
    });
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("voice-connect (seed 001)", () => {
  const prod = synthBlueprintEnvironment("voice-connect", "prod");
  const providersOf = (stack: SynthesizedStack) => stack.json.provider?.aws ?? [];

  it("runs in ap-southeast-2 without a DR region, a database, a cache or their keys and secrets", () => {
    for (const component of componentsOf(prod)) {
      expect(providersOf(prod.stack(component)).map((p) => p.region)).toEqual(["ap-southeast-2"]);
    }
    const keys = Object.keys(resourcesOf(prod.stack("secrets-kms"), "aws_kms_key"));
    expect(keys.sort()).toEqual([
      "audit_key",
      "backup_key",
      "containers_key",
      "dynamodb_key",
      "functions_key",
      "logs_key",
      "messaging_key",
      "secrets_key",
    ]);
    const secrets = Object.values(resourcesOf(prod.stack("secrets-kms"), "aws_secretsmanager_secret")).map((s) => s.name);
    expect(secrets.filter((name) => name.includes("redis"))).toEqual([]);
    const vpc = prod.stack("vpc");
    expect(
      Object.values(resourcesOf(vpc, "aws_subnet"))
        .map((s) => s.tags.tier)
        .sort(),
    ).toEqual(["private", "private", "public", "public"]);
    expect(
      Object.values(resourcesOf(vpc, "aws_security_group"))
        .map((g) => g.name)
        .sort(),
    ).toEqual(["voice-connect-prod-alb", "voice-connect-prod-ecs-tasks", "voice-connect-prod-vpc-endpoints"].sort());
    const alarms = Object.values(resourcesOf(prod.stack("observability"), "aws_cloudwatch_metric_alarm"));
    expect(alarms.filter((a) => ["AWS/RDS", "AWS/ElastiCache"].includes(a.namespace))).toEqual([]);
  });

  it("keeps the handover tokens in a table that expires them by TTL and is encrypted with its own CMK", () => {
    const table = resourcesOf(prod.stack("data-dynamodb"), "aws_dynamodb_table").handover_tokens;
    expect(table).toEqual(
      expect.objectContaining({
        name: "voice-connect-prod-handover-tokens",
        billing_mode: "PAY_PER_REQUEST",
        hash_key: "token",
        ttl: { enabled: true, attribute_name: "expires_at" },
        point_in_time_recovery: { enabled: true },
        deletion_protection_enabled: true,
      }),
    );
    expect(table.server_side_encryption.enabled).toBe(true);
    expect(remoteOutputRef(prod, table.server_side_encryption.kms_key_arn)).toEqual({
      stack: "secrets-kms",
      value: "${aws_kms_key.dynamodb_key.arn}",
    });
    expect(resourcesOf(prod.stack("secrets-kms"), "aws_kms_key").dynamodb_key.enable_key_rotation).toBe(true);
  });

  it("runs the Amazon Connect lookup as a container image in the VPC whose role reads only the token table", () => {
    const functions = prod.stack("functions");
    const lookup = resourcesOf(functions, "aws_lambda_function").connect_lookup;
    expect(lookup).toEqual(expect.objectContaining({ function_name: "voice-connect-prod-connect-lookup", package_type: "Image", timeout: 8 }));
    expect(lookup.vpc_config.subnet_ids.map((id: string) => remoteOutputRef(prod, id))).toEqual(
      ["2a", "2b"].map((zone) => ({ stack: "vpc", value: `\${aws_subnet.private_subnet_ap_southeast_${zone}.id}` })),
    );
    expect(remoteOutputRef(prod, lookup.image_uri.replace(/:v1\.0\.0$/, ""))).toEqual({
      stack: "registry",
      value: "${aws_ecr_repository.connect_lookup_repository.repository_url}",
    });
    const statements = statementsIn(resourcesOf(functions, "aws_iam_role_policy").connect_lookup_role_policy.policy);
    const dynamodb = statements.filter((s) => asList(s.Action).some((action) => action.startsWith("dynamodb:")));
    expect(dynamodb).toHaveLength(1);
    expect(asList(dynamodb[0].Resource).map((arn) => remoteOutputRef(prod, arn))).toEqual([
      { stack: "data-dynamodb", value: "${aws_dynamodb_table.handover_tokens.arn}" },
    ]);
    expect(asList(dynamodb[0].Action).filter((action) => /Put|Update|Delete|Write/.test(action))).toEqual([]);
  });

  it("lets the gateway issue tokens into the table, and only into it", () => {
    const ecs = prod.stack("ecs");
    const statements = statementsIn(resourcesOf(ecs, "aws_iam_role_policy").gateway_task_role_policy.policy);
    const write = statements.find((s) => s.Sid === "ReadWriteGrantedTables")!;
    expect(asList(write.Action)).toContain("dynamodb:PutItem");
    expect(asList(write.Resource).map((arn) => remoteOutputRef(prod, arn))).toEqual([
      { stack: "data-dynamodb", value: "${aws_dynamodb_table.handover_tokens.arn}" },
    ]);
    const [container] = JSON.parse(resourcesOf(ecs, "aws_ecs_task_definition").gateway_task_definition.container_definitions);
    const table = container.environment.find((variable: { name: string }) => variable.name === "HANDOVER_TOKENS_TABLE");
    expect(remoteOutputRef(prod, table.value)).toEqual({ stack: "data-dynamodb", value: "${aws_dynamodb_table.handover_tokens.name}" });
  });

  it("runs the gateway as one sticky (WebSocket) service and reaches AWS through the seed's endpoints", () => {
    const targetGroups = Object.values(resourcesOf(prod.stack("edge"), "aws_lb_target_group"));
    expect(targetGroups.map((tg) => [tg.name, tg.stickiness])).toEqual([
      ["voice-connect-prod-gateway", { enabled: true, type: "lb_cookie", cookie_duration: 86400 }],
    ]);
    const endpoints = Object.values(resourcesOf(prod.stack("vpc"), "aws_vpc_endpoint")).map((e) => `${e.vpc_endpoint_type} ${e.service_name}`);
    expect(endpoints.sort()).toEqual(
      ["s3", "dynamodb"]
        .map((s) => `Gateway com.amazonaws.ap-southeast-2.${s}`)
        .concat(["ecr.api", "ecr.dkr", "logs", "secretsmanager"].map((s) => `Interface com.amazonaws.ap-southeast-2.${s}`))
        .sort(),
    );
  });

  it("pages by SNS email and draws a dashboard", () => {
    const observability = prod.stack("observability");
    expect(Object.values(resourcesOf(observability, "aws_sns_topic_subscription")).map((s) => [s.protocol, s.endpoint])).toEqual([
      ["email", "alerts@example.com"],
    ]);
    expect(Object.keys(resourcesOf(observability, "aws_cloudwatch_dashboard"))).toEqual(["dashboard"]);
  });
});

describe("saprism (seed 003)", () => {
  const prod = synthBlueprintEnvironment("saprism", "prod");

  it("replaces Replit auth with a Cognito pool: strong password policy, TOTP MFA, and a code-flow app client", () => {
    const identity = prod.stack("identity");
    const pool = resourcesOf(identity, "aws_cognito_user_pool").user_pool;
    expect(pool.password_policy).toEqual({
      minimum_length: 12,
      require_lowercase: true,
      require_uppercase: true,
      require_numbers: true,
      require_symbols: true,
      temporary_password_validity_days: 3,
    });
    expect(pool.mfa_configuration).toBe("ON");
    expect(pool.software_token_mfa_configuration).toEqual({ enabled: true });
    const client = resourcesOf(identity, "aws_cognito_user_pool_client").app_client;
    expect(client).toEqual(
      expect.objectContaining({ allowed_oauth_flows: ["code"], callback_urls: ["https://app.saprism.example.com/api/callback"] }),
    );
    expect(synthBlueprintEnvironment("saprism", "dev").config.identity?.mfa).toBe("OPTIONAL");
  });

  it("keeps app settings as SecureStrings under /saprism/<env>/, encrypted with the parameters CMK", () => {
    const parameters = Object.values(resourcesOf(prod.stack("parameters"), "aws_ssm_parameter"));
    expect(parameters.map((p) => p.name)).toContain("/saprism/prod/openai_api_key");
    for (const parameter of parameters) {
      expect(parameter.type).toBe("SecureString");
      expect(parameter.value).toBeUndefined();
      expect(remoteOutputRef(prod, parameter.key_id)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.parameters_key.arn}" });
    }
  });

  it("lets the app read exactly its environment's parameters and decrypt them only through SSM", () => {
    const statements = statementsIn(resourcesOf(prod.stack("ecs"), "aws_iam_role_policy").app_task_role_policy.policy);
    const read = statements.find((s) => s.Sid === "ReadEnvironmentParameters")!;
    expect(asList(read.Resource)).toEqual([
      "arn:aws:ssm:us-east-1:533333333333:parameter/saprism/prod",
      "arn:aws:ssm:us-east-1:533333333333:parameter/saprism/prod/*",
    ]);
    const decrypt = statements.find((s) => s.Sid === "DecryptParametersThroughSsm")!;
    expect(remoteOutputRef(prod, decrypt.Resource)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.parameters_key.arn}" });
    expect(decrypt.Condition).toEqual({ StringEquals: { "kms:ViaService": "ssm.us-east-1.amazonaws.com" } });
  });

  it("routes /ws/* to its own sticky target group ahead of the app's catch-all", () => {
    const edge = prod.stack("edge");
    const rules = resourcesOf(edge, "aws_lb_listener_rule");
    expect(rules.app_ws_rule.condition).toEqual([{ path_pattern: { values: ["/ws/*"] } }]);
    expect(rules.app_ws_rule.action).toEqual([{ type: "forward", target_group_arn: "${aws_lb_target_group.app_ws.arn}" }]);
    expect(rules.app_ws_rule.priority).toBeLessThan(rules.app_rule.priority);
    const groups = resourcesOf(edge, "aws_lb_target_group");
    expect(groups.app_ws.stickiness).toEqual(expect.objectContaining({ enabled: true, type: "lb_cookie" }));
    expect(groups.app.stickiness.enabled).toBe(false);
  });

  it("limits each client IP to 2000 requests per 5 minutes in WAF", () => {
    for (const env of Object.keys(BLUEPRINTS.saprism)) {
      const acl = Object.values(resourcesOf(synthBlueprintEnvironment("saprism", env).stack("edge"), "aws_wafv2_web_acl"))[0];
      const rate = acl.rule.find((rule: any) => rule.statement.rate_based_statement);
      expect(rate.statement.rate_based_statement).toEqual(expect.objectContaining({ limit: 2000, aggregate_key_type: "IP" }));
      expect(rate.action).toEqual({ block: {} });
    }
  });

  it("grows RDS storage automatically, pages on 5XX and latency, and traces with X-Ray in prod", () => {
    const db = resourcesOf(prod.stack("rds"), "aws_db_instance").rds_instance;
    expect([db.allocated_storage, db.max_allocated_storage]).toEqual([20, 100]);
    const alarms = Object.values(resourcesOf(prod.stack("observability"), "aws_cloudwatch_metric_alarm"));
    const metrics = alarms.filter((a) => a.namespace === "AWS/ApplicationELB").map((a) => `${a.metric_name} ${a.threshold}`);
    expect(metrics).toEqual(expect.arrayContaining(["HTTPCode_Target_5XX_Count 10", "HTTPCode_ELB_5XX_Count 10", "TargetResponseTime 2"]));
    expect(Object.keys(resourcesOf(prod.stack("observability"), "aws_xray_sampling_rule"))).toHaveLength(1);
    expect(resourcesOf(synthBlueprintEnvironment("saprism", "dev").stack("observability"), "aws_xray_sampling_rule")).toEqual({});
  });
});

describe("genai-services (seed 004)", () => {
  const prod = synthBlueprintEnvironment("genai-services", "prod");
  const SEED_SERVICES = SEED_004_SERVICES;

  it("builds the nine seed services from one list, each with its repository, log group, target group and path", () => {
    const services = prod.config.services;
    expect(services.map((s) => s.pathPatterns)).toEqual(SEED_SERVICES.map((name) => [`/${name}/*`]));
    const ecs = prod.stack("ecs");
    const repositories = resourcesOf(prod.stack("registry"), "aws_ecr_repository");
    const logGroups = resourcesOf(ecs, "aws_cloudwatch_log_group");
    const targetGroups = resourcesOf(prod.stack("edge"), "aws_lb_target_group");
    const rules = resourcesOf(prod.stack("edge"), "aws_lb_listener_rule");
    for (const service of services) {
      const key = service.name.replace(/-/g, "_");
      expect(repositories[`${key}_repository`].name).toBe(`genai-services-prod/${service.name}`);
      expect(logGroups[`${key}_logs`].name).toBe(`/ecs/genai-services-prod/${service.name}`);
      expect(targetGroups[key].name).toBe(`genai-services-prod-${service.name}`);
      expect(rules[`${key}_rule`].condition).toEqual([{ path_pattern: { values: service.pathPatterns } }]);
    }
    expect(Object.keys(repositories)).toHaveLength(9);
    expect(Object.keys(targetGroups)).toHaveLength(9);
  });

  it("scales every service up to 4 tasks (seed: 1-4; prod keeps the platform's floor of 2)", () => {
    const targets = Object.values(resourcesOf(prod.stack("ecs"), "aws_appautoscaling_target"));
    expect(targets).toHaveLength(9);
    for (const target of targets) expect([target.min_capacity, target.max_capacity]).toEqual([2, 4]);
  });

  it("spreads three AZs behind a single NAT gateway", () => {
    const vpc = prod.stack("vpc");
    expect(Object.keys(resourcesOf(vpc, "aws_nat_gateway"))).toEqual(["nat_gateway_us_east_1a"]);
    const natRoutes = Object.values(resourcesOf(vpc, "aws_route")).filter((route) => route.nat_gateway_id);
    expect(natRoutes.map((route) => route.nat_gateway_id)).toEqual(Array(3).fill("${aws_nat_gateway.nat_gateway_us_east_1a.id}"));
  });

  it("budgets $1000 a month with an 80% alert, samples 5% with X-Ray and trails every region", () => {
    const observability = prod.stack("observability");
    const budget = resourcesOf(observability, "aws_budgets_budget").monthly_budget;
    expect([budget.limit_amount, budget.limit_unit, budget.time_unit]).toEqual(["1000", "USD", "MONTHLY"]);
    expect(budget.notification.map((n: any) => n.threshold)).toContain(80);
    expect(resourcesOf(observability, "aws_xray_sampling_rule").xray_sampling_rule).toEqual(
      expect.objectContaining({ fixed_rate: 0.05, reservoir_size: 1 }),
    );
    expect(resourcesOf(observability, "aws_cloudtrail").trail.is_multi_region_trail).toBe(true);
  });

  it("keeps documents in a versioned bucket encrypted with the storage CMK, which only the services that need it may use", () => {
    const storage = prod.stack("storage");
    expect(resourcesOf(storage, "aws_s3_bucket").documents_bucket.bucket).toBe("genai-services-prod-documents-633333333333");
    expect(resourcesOf(storage, "aws_s3_bucket_versioning").documents_bucket_versioning.versioning_configuration.status).toBe("Enabled");
    const encryption = resourcesOf(storage, "aws_s3_bucket_server_side_encryption_configuration").documents_bucket_encryption;
    const rule = encryption.rule[0].apply_server_side_encryption_by_default;
    expect(rule.sse_algorithm).toBe("aws:kms");
    expect(remoteOutputRef(prod, rule.kms_master_key_id)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.storage_key.arn}" });
    const policies = resourcesOf(prod.stack("ecs"), "aws_iam_role_policy");
    const writers = prod.config.services
      .filter((s) => statementsIn(policies[`${s.name.replace(/-/g, "_")}_task_role_policy`].policy).some((st) => st.Sid === "ReadWriteOwnDocuments"))
      .map((s) => s.name);
    expect(writers).toEqual(["format-conv", "doc-extract"]);
  });
});

describe("voice-ai (seed 000): messaging", () => {
  const prod = synthBlueprintEnvironment("voice-ai", "prod");
  const messaging = prod.stack("messaging");

  it("holds escalations in a FIFO queue that moves failing messages to a FIFO dead-letter queue", () => {
    const queues = resourcesOf(messaging, "aws_sqs_queue");
    expect(queues.escalation_queue.fifo_queue).toBe(true);
    expect(queues.escalation_dlq.fifo_queue).toBe(true);
    expect(JSON.parse(queues.escalation_queue.redrive_policy)).toEqual({
      deadLetterTargetArn: "${aws_sqs_queue.escalation_dlq.arn}",
      maxReceiveCount: prod.config.messaging?.escalationQueue.maxReceiveCount,
    });
    expect(queues.escalation_dlq.message_retention_seconds).toBeGreaterThanOrEqual(queues.escalation_queue.message_retention_seconds);
  });

  it("publishes SES's three DKIM CNAMEs in the domain's hosted zone", () => {
    const dkim = Object.values(resourcesOf(messaging, "aws_route53_record")).filter((r) => r.name.includes("._domainkey."));
    expect(dkim).toHaveLength(3);
    for (const record of dkim) {
      expect(record).toEqual(expect.objectContaining({ type: "CNAME", zone_id: prod.config.edge!.domain?.hostedZoneId }));
      expect(record.records).toEqual([expect.stringMatching(/\.dkim\.amazonses\.com$/)]);
    }
  });
});
