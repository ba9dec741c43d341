import { describe, expect, it } from "vitest";
import {
  MAX_PROVIDERS_PER_ROOT,
  type OfflinePlan,
  type OfflineStack,
  planRootFiles,
  planRootLayout,
  planRoots,
  prepareOffline,
  providerShareKey,
  readPlanLog,
  rootProviderCount,
} from "../../scripts/terraform/offline-plan";
import { deployOrder, planFailures, selectStacks, summaryLine } from "../../scripts/terraform/plan-run";
import type { TerraformJson } from "../../scripts/terraform/stack-json";
import { secretKeysRead, withStandIns } from "../../scripts/terraform/stand-ins";

describe("plan:offline: stand-ins for AWS reads", () => {
  const stack: TerraformJson = {
    terraform: {},
    provider: { aws: [{ region: "eu-west-1", allowed_account_ids: ["111111111111"] }] },
    data: {
      aws_caller_identity: { current: {} },
      aws_iam_policy_document: { doc: { statement: [] } },
      aws_secretsmanager_secret_versions: { api_key: { secret_id: "${aws_secretsmanager_secret.api_key.arn}" } },
      aws_ecr_image: { api: { repository_name: "voice-api", image_tag: "1.2.3" } },
    },
    ephemeral: {
      aws_secretsmanager_secret_version: { master: { secret_id: "arn:secret" } },
    },
    resource: {
      aws_s3_bucket: {
        logs: { bucket: "logs-${data.aws_caller_identity.current.account_id}", depends_on: ["data.aws_caller_identity.current", "aws_kms_key.k"] },
      },
      aws_db_instance: { db: { password_wo: '${jsondecode(ephemeral.aws_secretsmanager_secret_version.master.secret_string)["password"]}' } },
    },
  };

  it("replaces caller identity by the account the provider is pinned to, and rewrites every reference", () => {
    const { json, standIns, blockers } = withStandIns(stack, "111111111111");
    expect(blockers).toEqual([]);
    // The block stays, never read (count 0), for terraform to validate.
    expect(json.data?.aws_caller_identity).toEqual({ current: { count: 0 } });
    expect((json.locals as Record<string, Record<string, unknown>>).offline_data_aws_caller_identity_current.account_id).toBe("111111111111");
    expect(json.resource!.aws_s3_bucket.logs).toEqual({
      bucket: "logs-${local.offline_data_aws_caller_identity_current.account_id}",
      depends_on: ["aws_kms_key.k"],
    });
    expect(standIns).toContain("data.aws_caller_identity.current: the caller is the account the provider is pinned to");
    // Data sources the provider answers itself stay; the input is untouched.
    expect(json.data?.aws_iam_policy_document).toBeDefined();
    expect(stack.data?.aws_caller_identity).toBeDefined();
  });

  it("gives a read secret every JSON key the stack reads, and a checked secret a current version", () => {
    const { json } = withStandIns(stack, "111111111111");
    const locals = json.locals as Record<string, Record<string, any>>;
    expect(json.ephemeral).toEqual({ aws_secretsmanager_secret_version: { master: { secret_id: "arn:secret", count: 0 } } });
    expect(JSON.parse(locals.offline_ephemeral_aws_secretsmanager_secret_version_master.secret_string)).toEqual({ password: expect.any(String) });
    expect(json.resource!.aws_db_instance.db.password_wo).toBe(
      '${jsondecode(local.offline_ephemeral_aws_secretsmanager_secret_version_master.secret_string)["password"]}',
    );
    const versions = locals.offline_data_aws_secretsmanager_secret_versions_api_key;
    expect(versions.secret_id).toBe("${aws_secretsmanager_secret.api_key.arn}");
    expect(versions.versions[0].version_stages).toEqual(["AWSCURRENT"]);
  });

  it("takes a deployed image tag as pushed", () => {
    const { json, standIns } = withStandIns(stack, "111111111111");
    const image = (json.locals as Record<string, Record<string, unknown>>).offline_data_aws_ecr_image_api;
    expect(image).toEqual(
      expect.objectContaining({ repository_name: "voice-api", image_tag: "1.2.3", image_tags: ["1.2.3"], registry_id: "111111111111" }),
    );
    expect(standIns).toContain("data.aws_ecr_image.api: the image tag was pushed to its repository before the deploy");
  });

  it("takes the user pool's SES domain as verified", () => {
    const { json, standIns } = withStandIns(
      { data: { aws_sesv2_email_identity: { mail_identity: { email_identity: "auth.example.com" } } } } as never,
      "111111111111",
    );
    const identity = (json.locals as Record<string, Record<string, unknown>>).offline_data_aws_sesv2_email_identity_mail_identity;
    expect(identity).toEqual(expect.objectContaining({ email_identity: "auth.example.com", verified_for_sending_status: true }));
    expect(standIns).toEqual([
      "data.aws_sesv2_email_identity.mail_identity: SES verified the mail stack's domain (its DKIM records resolved) before the identity deploy",
    ]);
  });

  it("finds the keys read out of a JSON secret, by index and by attribute", () => {
    const text = JSON.stringify({
      a: '${jsondecode(ephemeral.t.s.secret_string)["username"]}',
      b: "${jsondecode(ephemeral.t.s.secret_string).host}",
    });
    expect(Object.keys(secretKeysRead(text, "ephemeral.t.s"))).toEqual(["host", "username"]);
    expect(secretKeysRead(text, "ephemeral.t.other")).toEqual({});
  });

  it("reports an AWS read without a stand-in, or with count, as a blocker and leaves it in place", () => {
    const zone: TerraformJson = {
      terraform: {},
      data: { aws_route53_zone: { zone: { name: "example.com" } }, aws_caller_identity: { each: { count: 2 } } },
    };
    const { json, standIns, blockers } = withStandIns(zone, "1");
    expect(standIns).toEqual([]);
    expect(blockers).toEqual([
      expect.stringMatching(/^data\.aws_route53_zone\.zone: reads AWS while terraform plans, and the offline plan has no stand-in/),
      "data.aws_caller_identity.each: a stand-in cannot replace a block with count or for_each",
    ]);
    expect(json.data).toEqual(zone.data);
  });

  it("prepares the offline copy: random swap, stand-ins with the pinned account, no account guard", () => {
    const offline = prepareOffline({ id: "prod-x", json: { ...stack, resource: { ...stack.resource, random_password: { pw: { length: 16 } } } } });
    expect(offline.synthesized).toEqual(["aws_db_instance.db", "aws_s3_bucket.logs", "terraform_data.pw"]);
    expect(offline.json.provider!.aws[0].allowed_account_ids).toBeUndefined();
    expect(JSON.stringify(offline.json)).toContain("logs-${local.offline_data_aws_caller_identity_current.account_id}");
    expect((offline.json.locals as Record<string, Record<string, unknown>>).offline_data_aws_caller_identity_current.account_id).toBe("111111111111");
  });
});

describe("plan:offline: plan roots", () => {
  const offline = (id: string, providers = 1, output: TerraformJson["output"] = undefined, scope = "prod", resources = 0): OfflineStack => ({
    id,
    json: {
      terraform: { backend: { s3: { bucket: "b", key: `${id}.tfstate` } }, required_providers: { aws: { source: "aws", version: "5.100.0" } } },
      provider: {
        aws: Array.from({ length: providers }, (_, i) =>
          i === 0
            ? { region: "us-east-1", default_tags: [{ tags: { component: id, environment: scope } }] }
            : { alias: `a${i}`, region: "us-west-2", default_tags: [{ tags: { component: id, environment: scope } }] },
        ),
      },
      ...(resources > 0 ? { resource: { terraform_data: Object.fromEntries(Array.from({ length: resources }, (_, i) => [`r${i}`, {}])) } } : {}),
      ...(output ? { output } : {}),
    },
    standIns: [],
    blockers: [],
    synthesized: [],
    scope,
  });

  it("shares a provider configuration between stacks of an environment whose blocks differ only in default tag values", () => {
    const stacks = [offline("prod-a"), offline("prod-b", 2), offline("dev-c", 1, undefined, "dev")];
    expect(providerShareKey("prod", { name: "aws", block: stacks[0].json.provider!.aws[0] })).toBe(
      providerShareKey("prod", { name: "aws", block: stacks[1].json.provider!.aws[0] }),
    );
    const otherRegion = { ...stacks[0].json.provider!.aws[0], region: "eu-west-1" };
    expect(providerShareKey("prod", { name: "aws", block: otherRegion })).not.toBe(
      providerShareKey("prod", { name: "aws", block: stacks[0].json.provider!.aws[0] }),
    );
    const extraTag = { ...stacks[0].json.provider!.aws[0], default_tags: [{ tags: { component: "a", environment: "prod", owner: "x" } }] };
    expect(providerShareKey("prod", { name: "aws", block: extraTag })).not.toBe(
      providerShareKey("prod", { name: "aws", block: stacks[0].json.provider!.aws[0] }),
    );
    expect(rootProviderCount(stacks)).toBe(3);
  });

  it("makes one root per terraform process of consecutive stacks that cost about the same, more when providers would not fit", () => {
    const stacks = [
      offline("dev-a", 1, undefined, "dev", 40),
      offline("dev-b", 1, undefined, "dev", 40),
      offline("dev-c", 1, undefined, "dev", 40),
      offline("prod-a", 1, undefined, "prod", 40),
      offline("prod-b", 2, undefined, "prod", 40),
      offline("prod-c", 1, undefined, "prod", 40),
    ];
    // dev: 3 x 40 resources + one configuration; prod: 3 x 40 + two (default, a1).
    expect(planRoots(stacks, 2).map((root) => root.map((stack) => stack.id))).toEqual([
      ["dev-a", "dev-b", "dev-c"],
      ["prod-a", "prod-b", "prod-c"],
    ]);
    expect(planRoots([offline("only")], 2)).toHaveLength(1);
    // Every stack in an environment of its own: a configuration each.
    const many = Array.from({ length: 2 * MAX_PROVIDERS_PER_ROOT + 1 }, (_, i) => offline(`m${i}`, 1, undefined, `env${i}`));
    const manyRoots = planRoots(many, 2);
    expect(manyRoots.length).toBeGreaterThanOrEqual(3);
    expect(manyRoots.flat()).toEqual(many);
    expect(Math.max(...manyRoots.map(rootProviderCount))).toBeLessThanOrEqual(MAX_PROVIDERS_PER_ROOT);
  });

  it("plans each stack as a child module without its backend, re-exporting its outputs with their sensitivity", () => {
    const files = planRootFiles([offline("prod-a", 1, { key: { value: "x", sensitive: true }, name: { value: "y" } }), offline("prod-b")]);
    expect(Object.keys(files).sort()).toEqual(["main.tf.json", "prod-a/cdk.tf.json", "prod-b/cdk.tf.json", "provider-prod-a_default.tf.json"]);
    expect((files["prod-a/cdk.tf.json"] as TerraformJson).terraform.backend).toBeUndefined();
    expect(files["main.tf.json"]).toEqual({
      terraform: { required_providers: { aws: { source: "aws", version: "5.100.0" } } },
      module: {
        "prod-a": { source: "./prod-a", providers: { aws: "aws.prod-a_default" } },
        "prod-b": { source: "./prod-b", providers: { aws: "aws.prod-a_default" } },
      },
      output: { "prod-a__key": { value: "${module.prod-a.key}", sensitive: true }, "prod-a__name": { value: "${module.prod-a.name}" } },
    });
  });

  it("passes the root's provider configurations down: the first user's block verbatim, aliases declared by each stack", () => {
    const { files, providerUsers } = planRootLayout([offline("prod-a"), offline("prod-b", 2), offline("dev-c", 1, undefined, "dev")]);
    expect(files["provider-prod-a_default.tf.json"]).toEqual({
      provider: { aws: [{ alias: "prod-a_default", region: "us-east-1", default_tags: [{ tags: { component: "prod-a", environment: "prod" } }] }] },
    });
    expect(files["provider-prod-b_a1.tf.json"]).toEqual({
      provider: { aws: [{ alias: "prod-b_a1", region: "us-west-2", default_tags: [{ tags: { component: "prod-b", environment: "prod" } }] }] },
    });
    expect((files["main.tf.json"] as { module: Record<string, unknown> }).module).toEqual({
      "prod-a": { source: "./prod-a", providers: { aws: "aws.prod-a_default" } },
      "prod-b": { source: "./prod-b", providers: { aws: "aws.prod-a_default", "aws.a1": "aws.prod-b_a1" } },
      "dev-c": { source: "./dev-c", providers: { aws: "aws.dev-c_default" } },
    });
    const child = files["prod-b/cdk.tf.json"] as TerraformJson;
    expect(child.provider).toBeUndefined();
    expect(child.terraform.required_providers!.aws).toEqual({ source: "aws", version: "5.100.0", configuration_aliases: ["aws.a1"] });
    expect(Object.fromEntries(providerUsers)).toEqual({
      "provider-prod-a_default.tf.json": ["prod-a", "prod-b"],
      "provider-prod-b_a1.tf.json": ["prod-b"],
      "provider-dev-c_default.tf.json": ["dev-c"],
    });
  });

  it("reads planned resources and errors per stack from terraform's JSON log", () => {
    const log = [
      { type: "planned_change", change: { action: "create", resource: { module: "module.prod-a", resource_type: "aws_vpc", resource_name: "v" } } },
      {
        type: "planned_change",
        change: { action: "create", resource: { module: "module.prod-a", resource_type: "aws_subnet", resource_name: "s" } },
      },
      {
        type: "planned_change",
        change: { action: "create", resource: { module: "module.prod-a", resource_type: "aws_subnet", resource_name: "s" } },
      },
      { type: "diagnostic", diagnostic: { severity: "error", summary: "bad", detail: "d", address: "module.prod-b.aws_db_instance.db" } },
      { type: "diagnostic", diagnostic: { severity: "error", summary: "file", range: { filename: "prod-c/cdk.tf.json", start: { line: 3 } } } },
      {
        type: "diagnostic",
        diagnostic: {
          severity: "error",
          summary: "sensitive",
          range: { filename: "main.tf.json", start: { line: 9 } },
          snippet: { context: 'output "prod-a__key"' },
        },
      },
      { type: "diagnostic", diagnostic: { severity: "error", summary: "provider crashed" } },
      {
        type: "diagnostic",
        diagnostic: { severity: "error", summary: "bad config", range: { filename: "provider-prod-a_default.tf.json", start: { line: 4 } } },
      },
      { type: "diagnostic", diagnostic: { severity: "warning", summary: "deprecated", address: "module.prod-a.aws_vpc.v" } },
    ];
    const users = new Map([["provider-prod-a_default.tf.json", ["prod-a", "prod-c", "gone"]]]);
    const parsed = readPlanLog(["not json", ...log.map((line) => JSON.stringify(line))].join("\n"), ["prod-a", "prod-b", "prod-c"], users);
    expect(parsed.planned.get("prod-a")).toEqual(["aws_subnet.s", "aws_vpc.v"]);
    expect(parsed.errors.get("prod-b")).toEqual(["bad (module.prod-b.aws_db_instance.db): d"]);
    // An error in a shared provider configuration is charged to every stack of the root that uses it.
    expect(parsed.errors.get("prod-c")).toEqual(["bad config (provider-prod-a_default.tf.json:4)", "file (prod-c/cdk.tf.json:3)"]);
    expect(parsed.errors.has("gone")).toBe(false);
    expect(parsed.errors.get("prod-a")).toEqual(["bad config (provider-prod-a_default.tf.json:4)", "sensitive (main.tf.json:9)"]);
    expect(parsed.unattributed).toEqual(["provider crashed"]);
  });
});

describe("plan:offline: run", () => {
  const stack = (project: string, environment: string, component: string, reads: string[] = []) => ({
    id: `${project}-${environment}-${component}`,
    project,
    environment,
    component,
    dependencies: [],
    json: {
      terraform: { backend: { s3: { bucket: `${project}-${environment}`, key: `${component}.tfstate` } } },
      data: {
        terraform_remote_state: Object.fromEntries(
          reads.map((up) => [up, { backend: "s3", config: { bucket: `${project}-${environment}`, key: `${up}.tfstate` } }]),
        ),
      },
      resource: { null_resource: { r: { triggers: reads.map((up) => `\${data.terraform_remote_state.${up}.outputs.x}`) } } },
    } as TerraformJson,
  });

  it("orders stacks environment by environment, each after the stacks it reads", () => {
    const stacks = [
      stack("a", "dev", "ecs", ["vpc"]),
      stack("a", "dev", "vpc"),
      stack("b", "dev", "rds", ["vpc"]),
      stack("b", "dev", "vpc"),
      stack("a", "prod", "vpc"),
    ];
    expect(deployOrder(stacks).map((s) => s.id)).toEqual(["a-dev-vpc", "a-dev-ecs", "b-dev-vpc", "b-dev-rds", "a-prod-vpc"]);
  });

  it("selects --all or named stacks, and explains anything else", () => {
    const stacks = [{ id: "prod-vpc" }, { id: "prod-rds" }];
    expect(selectStacks(stacks, ["--all"])).toEqual({ stacks });
    expect(selectStacks(stacks, ["prod-rds", "prod-rds"])).toEqual({ stacks: [{ id: "prod-rds" }] });
    expect(selectStacks(stacks, ["prod-ecs"])).toEqual({
      problem: expect.stringMatching(/^unknown stack: prod-ecs\nsynthesized: prod-vpc, prod-rds/),
    });
    expect(selectStacks(stacks, [])).toEqual({ problem: "no stacks named" });
    expect(selectStacks(stacks, ["--all", "prod-vpc"])).toEqual({ problem: "unknown or misplaced option: --all" });
  });

  it("fails a plan with errors or one that does not create exactly the synthesized resources, and counts them", () => {
    const plan = (stackId: string, planned: string[], errors: string[] = []): OfflinePlan => ({
      stackId,
      planned,
      synthesized: ["aws_vpc.v", "aws_subnet.s"],
      standIns: [],
      errors,
    });
    const passing = plan("ok", ["aws_subnet.s", "aws_vpc.v"]);
    const missing = plan("missing", ["aws_vpc.v", "aws_eip.e"]);
    const broken = plan("broken", [], ["Error: invalid value"]);
    expect(planFailures(passing)).toEqual([]);
    expect(planFailures(missing)).toEqual(["synthesized but not planned: aws_subnet.s", "planned but not synthesized: aws_eip.e"]);
    expect(planFailures(broken)).toEqual(["Error: invalid value"]);
    expect(summaryLine([passing, missing, broken])).toBe("planned 3 stacks, 2 failed");
    expect(summaryLine([passing])).toBe("planned 1 stacks, 0 failed");
  });
});
