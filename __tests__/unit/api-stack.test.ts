import { ApiGatewayAuthorizer } from "@cdktf/provider-aws/lib/api-gateway-authorizer";
import { ApiGatewayDomainName } from "@cdktf/provider-aws/lib/api-gateway-domain-name";
import { DefaultTokenResolver, StringConcat, type TerraformStack, Testing, Tokenization } from "cdktf";
import { describe, expect, it } from "vitest";
import { BLUEPRINTS, type EnvironmentConfig, parseEnvironmentConfig } from "../../config";
import { applyGuardrails, collectFindings } from "../../guardrails";
import { ApiStack, type ApiStackProps } from "../../stacks/api-stack";
import type { DeployedZipFunction } from "../../stacks/functions-stack";
import { testApp } from "../support/test-app";

type Json = Record<string, any>;

const LOGS_KEY = "arn:aws:kms:us-east-1:733333333333:key/logs";
const USER_POOL = "arn:aws:cognito-idp:us-east-1:733333333333:userpool/us-east-1_AbCdEfGhI";

const configOf = (env: "dev" | "prod"): EnvironmentConfig => parseEnvironmentConfig(BLUEPRINTS["voice-assistant"][env], "test");

/** Each configured zip function as the functions stack exposes it, with plain values. */
function deployedFunctions(config: EnvironmentConfig): Record<string, DeployedZipFunction> {
  return Object.fromEntries(
    (config.functions ?? []).map((fn) => {
      const functionName = `${config.project}-${config.environment}-${fn.name}`;
      const aliasArn = `arn:aws:lambda:us-east-1:${config.accountId}:function:${functionName}:live`;
      const deployed: DeployedZipFunction = {
        functionName,
        aliasName: "live",
        aliasArn,
        aliasInvokeArn: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${aliasArn}/invocations`,
        errorAlarmName: `${functionName}-errors`,
        logGroupName: `/aws/lambda/${functionName}`,
        deadLetterQueueName: `${functionName}-dlq`,
      };
      return [fn.name, deployed];
    }),
  );
}

function propsOf(env: "dev" | "prod"): ApiStackProps {
  const config = configOf(env);
  return { config, logsKeyArn: LOGS_KEY, userPoolArn: USER_POOL, functions: deployedFunctions(config) };
}

/** A stack's token as it appears in the synthesized JSON (`${aws_x.y.attr}`). */
const resolved = (stack: TerraformStack, value: string | undefined) =>
  Tokenization.resolve(value, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()) });
const all = (json: Json, type: string): [string, Json][] => Object.entries(json.resource?.[type] ?? {});
const values = (json: Json, type: string): Json[] => all(json, type).map(([, r]) => r);

describe.each(["dev", "prod"] as const)("%s api stack", (env) => {
  const props = propsOf(env);
  const stack = new ApiStack(testApp(), props);
  const text = Testing.synth(stack);
  const json: Json = JSON.parse(text);
  const routes = props.config.api!.routes;
  // The routes' methods; the CORS preflights (OPTIONS) are checked on their own below.
  const methods = all(json, "aws_api_gateway_method").filter(([, m]) => m.http_method !== "OPTIONS");
  const preflights = all(json, "aws_api_gateway_method").filter(([, m]) => m.http_method === "OPTIONS");
  const site = `https://${props.config.frontend!.domain!.name}`;

  it("names the API after the environment and the stage after the config", () => {
    expect(stack.apiName).toBe(`voice-assistant-${env}-api`);
    expect(stack.stageName).toBe("v1");
    expect(values(json, "aws_api_gateway_rest_api")).toEqual([expect.objectContaining({ name: `voice-assistant-${env}-api` })]);
    expect(values(json, "aws_api_gateway_stage")).toEqual([expect.objectContaining({ stage_name: "v1", xray_tracing_enabled: true })]);
  });

  it("puts the identity stack's Cognito authorizer on every route but /health, which is public and declared so", () => {
    expect(text).toHaveResourceWithProperties(ApiGatewayAuthorizer, { type: "COGNITO_USER_POOLS", provider_arns: [USER_POOL] });
    expect(methods).toHaveLength(routes.reduce((n, r) => n + r.methods.length, 0));
    const open = methods.filter(([, m]) => m.authorization !== "COGNITO_USER_POOLS").map(([name]) => name);
    expect(open).toEqual(["api_get_health"]);
    expect(methods.find(([name]) => name === "api_get_health")![1].authorization).toBe("NONE");
    for (const [, m] of methods.filter(([name]) => name !== "api_get_health")) {
      expect(m.authorizer_id).toBe("${aws_api_gateway_authorizer.api_authorizer.id}");
    }
    expect(values(json, "aws_api_gateway_rest_api")[0].tags["public-routes"]).toBe("GET:/health");
  });

  it("proxies each route to its function's live alias and lets only that alias be invoked, from this stage, method and path", () => {
    const integrations = all(json, "aws_api_gateway_integration");
    const permissions = all(json, "aws_lambda_permission");
    expect(permissions).toHaveLength(methods.length);
    for (const route of routes) {
      const target = props.functions[route.function];
      for (const method of route.methods) {
        const id = `api_${method.toLowerCase()}_${route.path.slice(1)}`;
        expect(integrations.find(([name]) => name === `${id}_integration`)?.[1]).toMatchObject({ type: "AWS_PROXY", uri: target.aliasInvokeArn });
        expect(permissions.find(([name]) => name === `${id}_invoke`)?.[1]).toMatchObject({
          function_name: target.functionName,
          qualifier: "live",
          principal: "apigateway.amazonaws.com",
          source_arn: `\${aws_api_gateway_stage.api_stage.execution_arn}/${method}${route.path}`,
        });
      }
    }
  });

  it("lets the site's origin call the API: a MOCK preflight per route path and the origin on API Gateway's own errors", () => {
    expect(site).toBe(env === "prod" ? "https://assistant.example.com" : "https://dev.assistant.example.com");
    expect(preflights.map(([name]) => name).sort()).toEqual(routes.map((r) => `api_options_${r.path.slice(1)}`).sort());
    const integrations = all(json, "aws_api_gateway_integration");
    const integrationResponses = all(json, "aws_api_gateway_integration_response");
    for (const route of routes) {
      const id = `api_options_${route.path.slice(1)}`;
      expect(preflights.find(([name]) => name === id)![1]).toMatchObject({ authorization: "NONE", http_method: "OPTIONS" });
      expect(integrations.find(([name]) => name === `${id}_integration`)![1]).toMatchObject({ type: "MOCK" });
      expect(integrationResponses.find(([name]) => name === `${id}_integration_response`)![1].response_parameters).toEqual({
        "method.response.header.Access-Control-Allow-Origin": `'${site}'`,
        "method.response.header.Access-Control-Allow-Headers": "'Authorization,Content-Type,X-Amz-Date,X-Api-Key,X-Amz-Security-Token'",
        "method.response.header.Access-Control-Allow-Methods": `'${[...route.methods, "OPTIONS"].sort().join(",")}'`,
        "method.response.header.Access-Control-Max-Age": "'600'",
      });
    }
    expect(values(json, "aws_api_gateway_gateway_response").map((r) => [r.response_type, r.response_parameters])).toEqual([
      ["DEFAULT_4XX", { "gatewayresponse.header.Access-Control-Allow-Origin": `'${site}'` }],
      ["DEFAULT_5XX", { "gatewayresponse.header.Access-Control-Allow-Origin": `'${site}'` }],
    ]);
    const hashed: string = values(json, "aws_api_gateway_deployment")[0].triggers.redeployment;
    for (const [name] of [...preflights, ...all(json, "aws_api_gateway_gateway_response")]) expect(hashed).toContain(name);
  });

  it("encrypts the access, execution and WAF logs with the logs CMK and keeps them the configured days", () => {
    const groups = all(json, "aws_cloudwatch_log_group");
    expect(groups.map(([name]) => name)).toEqual(
      expect.arrayContaining(["api_stage_access_logs", "api_stage_execution_logs", ...(env === "prod" ? ["waf_logs"] : [])]),
    );
    for (const [name, group] of groups) {
      expect(group.kms_key_id, name).toBe(LOGS_KEY);
      expect(group.retention_in_days, name).toBe(name === "waf_logs" ? props.config.api!.waf!.logRetentionDays : props.config.api!.logRetentionDays);
    }
    expect(resolved(stack, stack.accessLogGroupName)).toBe("${aws_cloudwatch_log_group.api_stage_access_logs.name}");
    expect(values(json, "aws_api_gateway_stage")[0].access_log_settings.destination_arn).toBe(
      "${aws_cloudwatch_log_group.api_stage_access_logs.arn}",
    );
  });

  it("throttles every method and the usage plan at the configured limits, logging errors only, no bodies", () => {
    const { rateLimit, burstLimit } = props.config.api!.throttle;
    const base = all(json, "aws_api_gateway_method_settings").find(([name]) => name === "api_stage_all_methods")![1];
    expect(base).toMatchObject({
      method_path: "*/*",
      settings: { throttling_rate_limit: rateLimit, throttling_burst_limit: burstLimit, logging_level: "ERROR", data_trace_enabled: false },
    });
    expect(values(json, "aws_api_gateway_usage_plan")).toEqual([
      expect.objectContaining({ throttle_settings: { rate_limit: rateLimit, burst_limit: burstLimit } }),
    ]);
    // The account's API Gateway logging role is this environment's to own (accountLoggingRole: create).
    expect(all(json, "aws_api_gateway_account").map(([name]) => name)).toEqual(["api_account_logging"]);
  });

  it("exports the URL as a plain (not sensitive) output", () => {
    expect(json.output.api_url).toEqual({ value: resolved(stack, stack.url), description: "Base URL of the REST API" });
    expect(json.output.api_url.sensitive).toBeUndefined();
  });

  it("passes every guardrail, errors and warnings alike", () => {
    const app = testApp();
    const guarded = new ApiStack(app, propsOf(env));
    applyGuardrails(guarded, { production: env === "prod" });
    const findings = collectFindings(app).flatMap((report) => report.findings);
    expect(findings.map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
  });
});

describe("prod api stack", () => {
  const stack = new ApiStack(testApp(), propsOf("prod"));
  const text = Testing.synth(stack);
  const json: Json = JSON.parse(text);

  it("caches only the GET routes marked cached, encrypted, keyed by the caller's token and the configured query", () => {
    expect(values(json, "aws_api_gateway_stage")[0]).toMatchObject({ cache_cluster_enabled: true, cache_cluster_size: "0.5" });
    const settings = all(json, "aws_api_gateway_method_settings");
    const cached = settings.filter(([, s]) => s.settings.caching_enabled === true);
    expect(cached.map(([, s]) => s.method_path)).toEqual(["~1music/GET", "~1weather/GET"]);
    for (const [, s] of cached) expect(s.settings).toMatchObject({ cache_data_encrypted: true, cache_ttl_in_seconds: 300 });
    expect(settings.find(([name]) => name === "api_stage_all_methods")![1].settings.caching_enabled).toBe(false);
    const music = all(json, "aws_api_gateway_integration").find(([name]) => name === "api_get_music_integration")![1];
    expect(music.cache_key_parameters).toEqual(["method.request.querystring.query", "method.request.header.Authorization"]);
    const uncached = all(json, "aws_api_gateway_integration").filter(([name]) => !/^api_get_(music|weather)_/.test(name));
    for (const [name, integration] of uncached) expect(integration.cache_key_parameters, name).toBeUndefined();
  });

  it("associates one regional web ACL with the stage, once, with the config's rules and the /voice body exception", () => {
    expect(values(json, "aws_wafv2_web_acl_association")).toEqual([
      { resource_arn: "${aws_api_gateway_stage.api_stage.arn}", web_acl_arn: "${aws_wafv2_web_acl.waf.arn}" },
    ]);
    const acl = values(json, "aws_wafv2_web_acl")[0];
    expect(acl).toMatchObject({ name: "voice-assistant-prod-api", scope: "REGIONAL" });
    const rules = (acl.rule as Json[]).map((r) => r.name);
    expect(rules).toEqual([
      "rate-limit-per-ip",
      "AWSManagedRulesAmazonIpReputationList",
      "AWSManagedRulesCommonRuleSet",
      "SizeRestrictions_BODY-outside-allowed-paths",
      "AWSManagedRulesKnownBadInputsRuleSet",
      "AWSManagedRulesSQLiRuleSet",
    ]);
    expect(JSON.stringify(acl.rule)).toContain('"search_string":"/voice"');
    expect(resolved(stack, stack.webAclName)).toBe("${aws_wafv2_web_acl.waf.name}");
    expect(resolved(stack, stack.wafLogGroupName)).toBe("${aws_cloudwatch_log_group.waf_logs.name}");
    expect(values(json, "aws_cloudwatch_log_group").map((g) => g.name)).toContain("aws-waf-logs-voice-assistant-prod-api");
  });

  it("serves the API on its domain with a DNS-validated certificate of the primary region, the execute-api URL off", () => {
    expect(text).toHaveResourceWithProperties(ApiGatewayDomainName, {
      domain_name: "api.assistant.example.com",
      regional_certificate_arn: "${aws_acm_certificate_validation.certificate_issued.certificate_arn}",
      endpoint_configuration: { types: ["REGIONAL"] },
      security_policy: "TLS_1_2",
    });
    const certificate = values(json, "aws_acm_certificate")[0];
    expect(certificate).toMatchObject({ domain_name: "api.assistant.example.com", validation_method: "DNS" });
    // No provider alias: the default (primary region) provider.
    expect(certificate.provider).toBeUndefined();
    expect(Object.keys(json.provider.aws)).toHaveLength(1);
    expect(all(json, "aws_route53_record").find(([name]) => name === "api_domain_alias")![1]).toMatchObject({
      zone_id: "Z0733333333EXAMPLE",
      type: "A",
    });
    expect(values(json, "aws_api_gateway_rest_api")[0].disable_execute_api_endpoint).toBe(true);
    expect(resolved(stack, stack.url)).toBe("https://${aws_api_gateway_domain_name.api_domain.domain_name}");
  });
});

describe("dev api stack", () => {
  const stack = new ApiStack(testApp(), propsOf("dev"));
  const json: Json = JSON.parse(Testing.synth(stack));

  it("has no cache cluster and caches no route", () => {
    expect(values(json, "aws_api_gateway_stage")[0].cache_cluster_enabled).toBe(false);
    expect(all(json, "aws_api_gateway_method_settings").map(([name]) => name)).toEqual(["api_stage_all_methods"]);
    expect(values(json, "aws_api_gateway_integration").filter((i) => i.cache_key_parameters !== undefined)).toEqual([]);
  });

  it("has no web ACL, no domain, and serves the stage's execute-api URL", () => {
    for (const type of ["aws_wafv2_web_acl", "aws_wafv2_web_acl_association", "aws_api_gateway_domain_name", "aws_acm_certificate"]) {
      expect(json.resource[type], type).toBeUndefined();
    }
    expect(stack.webAclName).toBeUndefined();
    expect(stack.wafLogGroupName).toBeUndefined();
    expect(values(json, "aws_api_gateway_rest_api")[0].disable_execute_api_endpoint).toBe(false);
    expect(resolved(stack, stack.url)).toBe("${aws_api_gateway_stage.api_stage.invoke_url}");
  });
});

describe("api stack wiring", () => {
  it("answers no preflight and adds no origin when the config has no site domain: the API then has no browser client", () => {
    const props = propsOf("dev");
    const config = { ...props.config, frontend: props.config.frontend && { ...props.config.frontend, domain: undefined } };
    const json: Json = JSON.parse(Testing.synth(new ApiStack(testApp(), { ...props, config })));
    expect(values(json, "aws_api_gateway_method").filter((m) => m.http_method === "OPTIONS")).toEqual([]);
    expect(json.resource.aws_api_gateway_gateway_response).toBeUndefined();
  });

  it("refuses a route whose function the functions stack does not deploy, naming the route", () => {
    const props = propsOf("dev");
    const { weather: _, ...functions } = props.functions;
    expect(() => new ApiStack(testApp(), { ...props, functions })).toThrow(
      /dev-api: api\.routes\[5\] \(GET \/weather\) is served by function "weather", which functions has no entry for \(known: voice-processing, /,
    );
  });

  it("refuses a config without an api section", () => {
    const props = propsOf("dev");
    expect(() => new ApiStack(testApp(), { ...props, config: { ...props.config, api: undefined } })).toThrow(/the config has no api section/);
  });
});
