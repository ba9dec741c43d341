import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { describe, expect, it } from "vitest";
import { ENVIRONMENTS } from "../../config";
import { CONNECT_INSTANCE_ID, guardrailErrors, synthVariant, synthWithOptionalSections } from "../support/optional-sections";
import { remoteOutputRef, remoteStateSources } from "../support/remote-state";
import { type SynthesizedStack, resourcesOf, synthEnvironment } from "../support/synth";
import { type PolicyStatementJson as Statement, asList } from "../support/policy";

function roleStatements(stack: SynthesizedStack, fn: string): Statement[] {
  return JSON.parse(resourcesOf(stack, "aws_iam_role_policy")[`${fn}_role_policy`].policy).Statement;
}

describe.each(["dev", "prod"])("%s functions stack (sections added)", (env) => {
  const synth = synthWithOptionalSections(env);
  const stack = synth.stack("functions");
  const fn = resourcesOf(stack, "aws_lambda_function").connect_lookup;
  const statements = roleStatements(stack, "connect_lookup");

  it("runs the image of its registry repository at the configured tag, checked to exist at plan time", () => {
    const image = stack.json.data?.aws_ecr_image?.connect_lookup_image as Record<string, string>;
    expect(remoteOutputRef(synth, image.repository_name)).toEqual({
      stack: "registry",
      value: "${aws_ecr_repository.connect_lookup_repository.name}",
    });
    expect(image.image_tag).toBe("v1.0.0");
    expect(fn.image_uri).toMatch(/^\$\{data\.terraform_remote_state\.cross_stack_reference_input_[a-z]+_registry\.outputs\.[a-z0-9_]+\}:v1\.0\.0$/);
    expect(stack.json.resource?.aws_ecr_repository).toBeUndefined();
    expect(stack.text).toHaveResourceWithProperties(LambdaFunction, {
      function_name: `voice-ai-${env}-connect-lookup`,
      package_type: "Image",
      memory_size: 512,
      timeout: 8,
      reserved_concurrent_executions: 50,
      tracing_config: { mode: "Active" },
    });
    expect(fn.handler).toBeUndefined();
    expect(fn.runtime).toBeUndefined();
  });

  it("scopes every DynamoDB action to the granted table and its index, never *", () => {
    const dynamodb = statements.filter((s) => asList(s.Action).some((a) => a.startsWith("dynamodb:")));
    expect(dynamodb.map((s) => s.Sid)).toEqual(["ReadGrantedTables"]);
    const [table, index] = asList(dynamodb[0].Resource);
    expect(remoteOutputRef(synth, table)).toEqual({ stack: "data-dynamodb", value: "${aws_dynamodb_table.handover_tokens.arn}" });
    expect(index).toBe(`${table}/index/by-caller`);
    expect(asList(dynamodb[0].Resource)).toHaveLength(2);
    expect(asList(dynamodb[0].Action).filter((a) => /Put|Update|Delete|Write/.test(a))).toEqual([]);
  });

  it("may use the tables' key only through DynamoDB, and only to read", () => {
    const kms = statements.find((s) => s.Sid === "UseTablesKeyThroughDynamodb")!;
    expect(asList(kms.Action).sort()).toEqual(["kms:Decrypt", "kms:DescribeKey"]);
    expect(remoteOutputRef(synth, kms.Resource)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.dynamodb_key.arn}" });
    expect(kms.Condition).toEqual({ StringEquals: { "kms:ViaService": `dynamodb.${synth.config.region}.amazonaws.com` } });
  });

  it("uses '*' only for actions that have no resource-level permissions", () => {
    const wildcard = statements.filter((s) => asList(s.Resource).includes("*"));
    expect(wildcard.flatMap((s) => asList(s.Action)).sort()).toEqual([
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSubnets",
      "xray:GetSamplingRules",
      "xray:GetSamplingTargets",
      "xray:PutTelemetryRecords",
      "xray:PutTraceSegments",
    ]);
    const create = statements.find((s) => asList(s.Action).includes("ec2:CreateNetworkInterface"))!;
    const account = `arn:aws:ec2:${synth.config.region}:${synth.config.accountId}`;
    expect(asList(create.Resource).every((arn) => arn.startsWith(`${account}:`))).toBe(true);
    expect(asList(create.Resource)).toContain(`${account}:security-group/\${aws_security_group.connect_lookup_security_group.id}`);
  });

  it("runs in the private subnets behind its own security group with HTTPS egress only", () => {
    const subnets: string[] = fn.vpc_config.subnet_ids;
    expect(subnets).toHaveLength(synth.config.network!.availabilityZones.length);
    for (const subnet of subnets) {
      expect(remoteOutputRef(synth, subnet).value).toMatch(/^\$\{aws_subnet\.private_subnet_[a-z0-9_]+\.id\}$/);
    }
    expect(fn.vpc_config.security_group_ids).toEqual(["${aws_security_group.connect_lookup_security_group.id}"]);
    expect(resourcesOf(stack, "aws_vpc_security_group_ingress_rule")).toEqual({});
    const egress = Object.values(resourcesOf(stack, "aws_vpc_security_group_egress_rule"));
    expect(egress).toHaveLength(1);
    expect(egress[0]).toEqual(expect.objectContaining({ ip_protocol: "tcp", from_port: 443, to_port: 443, cidr_ipv4: "0.0.0.0/0" }));
  });

  it("writes only to its own KMS-encrypted log group", () => {
    const logGroup = resourcesOf(stack, "aws_cloudwatch_log_group").connect_lookup_logs;
    expect(logGroup.name).toBe(`/aws/lambda/voice-ai-${env}-connect-lookup`);
    expect(logGroup.retention_in_days).toBe(30);
    expect(remoteOutputRef(synth, logGroup.kms_key_id)).toEqual({ stack: "secrets-kms", value: "${aws_kms_key.logs_key.arn}" });
    expect(fn.logging_config).toEqual({ log_format: "JSON", log_group: "${aws_cloudwatch_log_group.connect_lookup_logs.name}" });
    const logs = statements.find((s) => s.Sid === "WriteOwnLogs")!;
    expect(logs.Resource).toBe("${aws_cloudwatch_log_group.connect_lookup_logs.arn}:log-stream:*");
  });

  it("leaves its repository, and Lambda's pull grant on it, to the registry stack", () => {
    const registry = synth.stack("registry");
    const repo = resourcesOf(registry, "aws_ecr_repository").connect_lookup_repository;
    expect(repo).toEqual(expect.objectContaining({ name: `voice-ai-${env}/connect-lookup`, image_tag_mutability: "IMMUTABLE" }));
    const [pull] = JSON.parse(resourcesOf(registry, "aws_ecr_repository_policy").connect_lookup_repository_policy.policy).Statement;
    expect(pull.Resource).toBeUndefined();
    const arn = `arn:aws:lambda:${synth.config.region}:${synth.config.accountId}:function:voice-ai-${env}-connect-lookup`;
    expect(pull.Condition).toEqual({ StringLike: { "aws:sourceArn": [arn, `${arn}:*`] } });
  });

  it("is created only after its permissions exist (the repository policy is the registry stack's, deployed first)", () => {
    expect(fn.depends_on).toEqual(["aws_iam_role_policy.connect_lookup_role_policy"]);
  });

  it("gets the granted table's name by variable and is associated with the Amazon Connect instance", () => {
    expect(remoteOutputRef(synth, fn.environment.variables.HANDOVER_TOKENS_TABLE)).toEqual({
      stack: "data-dynamodb",
      value: "${aws_dynamodb_table.handover_tokens.name}",
    });
    expect(fn.environment.variables.LOG_LEVEL).toBe("info");
    expect(resourcesOf(stack, "aws_connect_lambda_function_association").connect_lookup_connect_association).toEqual(
      expect.objectContaining({ instance_id: CONNECT_INSTANCE_ID, function_arn: "${aws_lambda_function.connect_lookup.arn}" }),
    );
    expect(remoteStateSources(synth, stack).sort()).toEqual(["data-dynamodb", "registry", "secrets-kms", "vpc"]);
  });

  it("passes the guardrails with zero errors", () => {
    expect(guardrailErrors(synth, "functions")).toEqual([]);
  });
});

describe("functions configured differently", () => {
  const synth = synthVariant();
  const stack = synth.stack("functions");
  const fn = resourcesOf(stack, "aws_lambda_function").connect_lookup;
  const statements = roleStatements(stack, "connect_lookup");

  it("grants writes on a read-write table, still scoped to that table alone", () => {
    const grant = statements.find((s) => s.Sid === "ReadWriteGrantedTables")!;
    expect(asList(grant.Action)).toEqual(
      expect.arrayContaining(["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:GetItem"]),
    );
    expect(asList(grant.Resource).map((arn) => remoteOutputRef(synth, arn).value)).toEqual(["${aws_dynamodb_table.call_audit.arn}"]);
    const kms = statements.find((s) => s.Sid === "UseTablesKeyThroughDynamodb")!;
    expect(asList(kms.Action)).toEqual(expect.arrayContaining(["kms:Encrypt", "kms:GenerateDataKey*"]));
  });

  it("passes the guardrails with zero errors", () => {
    expect(guardrailErrors(synth, "functions")).toEqual([]);
  });

  it("leaves out VPC, tracing, concurrency and Connect when not configured", () => {
    expect(fn.vpc_config).toBeUndefined();
    expect(fn.tracing_config).toBeUndefined();
    expect(fn.reserved_concurrent_executions).toBeUndefined();
    expect(resourcesOf(stack, "aws_security_group")).toEqual({});
    expect(resourcesOf(stack, "aws_connect_lambda_function_association")).toEqual({});
    expect(statements.flatMap((s) => asList(s.Action)).filter((a) => a.startsWith("ec2:") || a.startsWith("xray:"))).toEqual([]);
    expect(statements.some((s) => asList(s.Resource).includes("*"))).toBe(false);
  });
});

describe.each(Object.keys(ENVIRONMENTS))("%s as shipped", (env) => {
  const synth = synthEnvironment(env);

  it("has no functions stack", () => {
    expect(synth.stackIds).not.toContain(`${env}-functions`);
  });
});

describe("a function without tables", () => {
  const synth = synthVariant();

  it("may only write its logs", () => {
    const statements = roleStatements(synth.stack("functions"), "webhook");
    expect(statements.map((s) => s.Sid)).toEqual(["WriteOwnLogs"]);
    expect(resourcesOf(synth.stack("functions"), "aws_lambda_function").webhook.environment).toBeUndefined();
  });
});
