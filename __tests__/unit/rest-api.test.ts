import { ApiGatewayAccount } from "@cdktf/provider-aws/lib/api-gateway-account";
import { ApiGatewayAuthorizer } from "@cdktf/provider-aws/lib/api-gateway-authorizer";
import { ApiGatewayBasePathMapping } from "@cdktf/provider-aws/lib/api-gateway-base-path-mapping";
import { ApiGatewayDomainName } from "@cdktf/provider-aws/lib/api-gateway-domain-name";
import { ApiGatewayRestApi } from "@cdktf/provider-aws/lib/api-gateway-rest-api";
import { ApiGatewayUsagePlan } from "@cdktf/provider-aws/lib/api-gateway-usage-plan";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Route53Record } from "@cdktf/provider-aws/lib/route53-record";
import { Wafv2WebAclAssociation } from "@cdktf/provider-aws/lib/wafv2-web-acl-association";
import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { ENVIRONMENTS, parseEnvironmentConfig } from "../../config";
import { PlatformStack } from "../../stacks/platform-stack";
import { type RestApiProps, type RestApiRoute, methodSettingsPath } from "../../constructs/rest-api";
import { KEY, USER_POOL, invokeArn, voiceApi, voiceApiProps } from "../support/api-gateway-cases";
import { synthScope, testApp } from "../support/test-app";

type Json = Record<string, any>;

let defaultText: string | undefined;

/** The API with `overrides`; without any, one synth serves the file (each caller gets its own parsed copy). */
function synth(overrides: Partial<RestApiProps> = {}): { text: string; json: Json } {
  const build = () => synthScope((scope) => voiceApi(scope, "api", overrides));
  if (Object.keys(overrides).length > 0) {
    const text = build();
    return { text, json: JSON.parse(text) };
  }
  defaultText ??= build();
  return { text: defaultText, json: JSON.parse(defaultText) };
}

const all = (json: Json, type: string): [string, Json][] => Object.entries(json.resource?.[type] ?? {});
const only = (json: Json, type: string): Json => {
  const found = all(json, type);
  expect(found).toHaveLength(1);
  return found[0][1];
};
const byMethod = (json: Json, type: string, word: string) =>
  all(json, type).find(([name]) => name.startsWith(`api_${word}_`) || name.startsWith(`api_${word}`))?.[1];

const ROUTE = (overrides: Partial<RestApiRoute> = {}): RestApiRoute => ({
  path: "/voice",
  methods: ["POST"],
  target: { functionName: "voice-handler", aliasName: "live", invokeArn: invokeArn("voice-handler") },
  ...overrides,
});

describe("RestApi routes", () => {
  it("guards every route with the Cognito authorizer except the one marked public, which the API's tag declares", () => {
    const { json, text } = synth();
    expect(text).toHaveResourceWithProperties(ApiGatewayAuthorizer, {
      type: "COGNITO_USER_POOLS",
      provider_arns: [USER_POOL],
      identity_source: "method.request.header.Authorization",
    });
    const methods = all(json, "aws_api_gateway_method").map(([, m]) => m);
    expect(methods).toHaveLength(4);
    const open = methods.filter((m) => m.authorization === "NONE");
    expect(open).toEqual([expect.objectContaining({ http_method: "GET", resource_id: expect.stringContaining("PathHealth") })]);
    for (const m of methods.filter((m) => m.authorization !== "NONE")) {
      expect(m).toMatchObject({
        authorization: "COGNITO_USER_POOLS",
        authorizer_id: expect.stringMatching(/^\$\{aws_api_gateway_authorizer\..+\.id\}$/),
      });
    }
    expect(only(json, "aws_api_gateway_rest_api")).toMatchObject({
      endpoint_configuration: { types: ["REGIONAL"] },
      disable_execute_api_endpoint: false,
      tags: { Name: "voice-ai-dev-api", "public-routes": "GET:/health" },
    });
  });

  it("builds nested resources once and proxies each method to its alias with POST", () => {
    const { json } = synth();
    const parts = all(json, "aws_api_gateway_resource").map(([, r]) => r.path_part);
    expect(parts.sort()).toEqual(["health", "sessions", "voice", "{sessionId}"]);
    const integrations = all(json, "aws_api_gateway_integration").map(([, i]) => i);
    expect(integrations).toHaveLength(4);
    for (const i of integrations) expect(i).toMatchObject({ type: "AWS_PROXY", integration_http_method: "POST", timeout_milliseconds: 29000 });
    expect(integrations.map((i) => i.uri)).toContain(invokeArn("voice-handler"));
  });

  it("grants invoke on the alias only, from this stage, method and path; path parameters and ANY become *", () => {
    const { json } = synth({ routes: [ROUTE(), ROUTE({ path: "/files/{proxy+}", methods: ["ANY"] }), ROUTE({ path: "/", methods: ["GET"] })] });
    const permissions = all(json, "aws_lambda_permission").map(([, p]) => p);
    const stageArn = expect.stringMatching(/^\$\{aws_api_gateway_stage\.api_Stage_\w+\.execution_arn\}/);
    for (const p of permissions) {
      expect(p).toMatchObject({
        action: "lambda:InvokeFunction",
        principal: "apigateway.amazonaws.com",
        function_name: "voice-handler",
        qualifier: "live",
        source_arn: stageArn,
      });
    }
    expect(permissions.map((p) => p.source_arn.replace(/^\$\{[^}]+\}/, "")).sort()).toEqual(["/*/files/*", "/GET/", "/POST/voice"]);
  });

  it("replaces the deployment when any resource, method, integration or the authorizer changes, creating the new one first", () => {
    const { json } = synth();
    const deployment = only(json, "aws_api_gateway_deployment");
    expect(deployment.lifecycle).toEqual({ create_before_destroy: true });
    const hashed: string = deployment.triggers.redeployment;
    expect(hashed).toMatch(/^\$\{sha1\(jsonencode\(\[.*\]\)\)\}$/);
    for (const type of ["aws_api_gateway_method", "aws_api_gateway_integration", "aws_api_gateway_resource", "aws_api_gateway_authorizer"]) {
      for (const [name] of all(json, type)) expect(hashed).toContain(`${type}.${name}`);
    }
    expect(only(json, "aws_api_gateway_stage").deployment_id).toMatch(/^\$\{aws_api_gateway_deployment\.\w+\.id\}$/);
  });
});

describe("RestApi CORS", () => {
  const SITE = "https://assistant.example.com";
  const withCors = (overrides: Partial<RestApiProps> = {}) => synth({ cors: { allowOrigins: [SITE] }, ...overrides });
  // Addresses outside a PlatformStack end in a hash: `api_OptionsVoice_8D723168`.
  const base = (name: string) => name.replace(/_[0-9A-F]{8}$/, "");
  const entry = (json: Json, type: string, name: string) => all(json, type).find(([n]) => base(n) === name);
  const named = (json: Json, type: string, name: string) => entry(json, type, name)?.[1];

  it("answers a preflight on every route resource with an unauthorized OPTIONS and a MOCK integration, never a function", () => {
    const { json } = withCors();
    const options = all(json, "aws_api_gateway_method").filter(([, m]) => m.http_method === "OPTIONS");
    // Route resources only: /sessions holds no route, so it gets no preflight.
    expect(options.map(([name]) => base(name)).sort()).toEqual(["api_OptionsHealth", "api_OptionsSessionsSessionId", "api_OptionsVoice"]);
    for (const [address, method] of options) {
      const name = base(address);
      expect(method, name).toMatchObject({ authorization: "NONE", resource_id: expect.stringMatching(/^\$\{aws_api_gateway_resource\./) });
      expect(method.authorizer_id, name).toBeUndefined();
      expect(named(json, "aws_api_gateway_integration", `${name}Integration`), name).toMatchObject({
        type: "MOCK",
        http_method: `\${aws_api_gateway_method.${address}.http_method}`,
        request_templates: { "application/json": '{"statusCode": 200}' },
      });
      expect(named(json, "aws_api_gateway_integration", `${name}Integration`)!.uri, name).toBeUndefined();
    }
    // No invoke permission for a preflight: only the four routed methods.
    expect(all(json, "aws_lambda_permission")).toHaveLength(4);
    // Preflights are not public routes: the tag (which VP-APIGW-3 reads) still lists only the health check.
    expect(only(json, "aws_api_gateway_rest_api").tags["public-routes"]).toBe("GET:/health");
  });

  it("returns the origin, the allowed headers, the resource's methods plus OPTIONS and the max age from the preflight", () => {
    const { json } = withCors();
    const response = named(json, "aws_api_gateway_method_response", "api_OptionsSessionsSessionIdResponse")!;
    expect(response).toMatchObject({
      status_code: "200",
      response_parameters: {
        "method.response.header.Access-Control-Allow-Origin": true,
        "method.response.header.Access-Control-Allow-Headers": true,
        "method.response.header.Access-Control-Allow-Methods": true,
        "method.response.header.Access-Control-Max-Age": true,
      },
    });
    const integrationResponse = named(json, "aws_api_gateway_integration_response", "api_OptionsSessionsSessionIdIntegrationResponse")!;
    const [integration] = entry(json, "aws_api_gateway_integration", "api_OptionsSessionsSessionIdIntegration")!;
    const [methodResponse] = entry(json, "aws_api_gateway_method_response", "api_OptionsSessionsSessionIdResponse")!;
    expect(integrationResponse).toMatchObject({
      // Created after the integration and the method response it refers to.
      http_method: `\${aws_api_gateway_integration.${integration}.http_method}`,
      status_code: `\${aws_api_gateway_method_response.${methodResponse}.status_code}`,
      response_parameters: {
        "method.response.header.Access-Control-Allow-Origin": `'${SITE}'`,
        "method.response.header.Access-Control-Allow-Headers": "'Authorization,Content-Type,X-Amz-Date,X-Api-Key,X-Amz-Security-Token'",
        "method.response.header.Access-Control-Allow-Methods": "'DELETE,GET,OPTIONS'",
        "method.response.header.Access-Control-Max-Age": "'600'",
      },
    });
    const voice = named(json, "aws_api_gateway_integration_response", "api_OptionsVoiceIntegrationResponse")!;
    expect(voice.response_parameters["method.response.header.Access-Control-Allow-Methods"]).toBe("'OPTIONS,POST'");
  });

  it("allows the union of the methods of every route on a path, every method for ANY, and the configured headers and age", () => {
    const { json } = synth({
      routes: [ROUTE(), ROUTE({ methods: ["GET"] }), ROUTE({ path: "/files/{proxy+}", methods: ["ANY"] })],
      cache: undefined,
      cors: { allowOrigins: ["http://localhost:5173"], allowHeaders: ["Authorization", "Content-Type"], maxAgeSeconds: 7200 },
    });
    const params = (name: string) =>
      named(json, "aws_api_gateway_integration_response", `api_Options${name}IntegrationResponse`)!.response_parameters;
    expect(all(json, "aws_api_gateway_method").filter(([, m]) => m.http_method === "OPTIONS")).toHaveLength(2);
    expect(params("Voice")).toEqual({
      "method.response.header.Access-Control-Allow-Origin": "'http://localhost:5173'",
      "method.response.header.Access-Control-Allow-Headers": "'Authorization,Content-Type'",
      "method.response.header.Access-Control-Allow-Methods": "'GET,OPTIONS,POST'",
      "method.response.header.Access-Control-Max-Age": "'7200'",
    });
    expect(params("FilesProxy")["method.response.header.Access-Control-Allow-Methods"]).toBe("'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT'");
  });

  it("adds the origin to API Gateway's own 4XX and 5XX responses (the authorizer's 401, the WAF's 403), keeping the default body", () => {
    const { json } = withCors();
    const responses = all(json, "aws_api_gateway_gateway_response").map(([, r]) => r);
    expect(responses.map((r) => r.response_type).sort()).toEqual(["DEFAULT_4XX", "DEFAULT_5XX"]);
    for (const r of responses) {
      expect(r).toEqual({
        rest_api_id: expect.stringMatching(/^\$\{aws_api_gateway_rest_api\.api_\w+\.id\}$/),
        response_type: r.response_type,
        response_parameters: { "gatewayresponse.header.Access-Control-Allow-Origin": `'${SITE}'` },
        response_templates: { "application/json": '{"message":$context.error.messageString}' },
      });
    }
  });

  it("redeploys when a preflight or a gateway response changes: every CORS resource is in the trigger hash", () => {
    const { json } = withCors();
    const hashed: string = only(json, "aws_api_gateway_deployment").triggers.redeployment;
    const types = [
      "aws_api_gateway_method",
      "aws_api_gateway_integration",
      "aws_api_gateway_method_response",
      "aws_api_gateway_integration_response",
      "aws_api_gateway_gateway_response",
    ];
    for (const type of types) {
      expect(all(json, type).length, type).toBeGreaterThan(0);
      for (const [name] of all(json, type)) expect(hashed).toContain(`${type}.${name}`);
    }
  });

  it("creates no preflight, response or gateway response without cors", () => {
    const { json } = synth();
    expect(all(json, "aws_api_gateway_method").filter(([, m]) => m.http_method === "OPTIONS")).toEqual([]);
    for (const type of ["aws_api_gateway_method_response", "aws_api_gateway_integration_response", "aws_api_gateway_gateway_response"]) {
      expect(all(json, type), type).toEqual([]);
    }
    expect(all(json, "aws_api_gateway_integration").filter(([, i]) => i.type === "MOCK")).toEqual([]);
  });

  const cors = (c: Partial<NonNullable<RestApiProps["cors"]>>): Partial<RestApiProps> => ({ cors: { allowOrigins: [SITE], ...c } });
  const invalid: [string, Partial<RestApiProps>, RegExp][] = [
    ["a wildcard origin", cors({ allowOrigins: ["*"] }), /cors\.allowOrigins\[0\] "\*" would let any site's pages call the API/],
    [
      "a plain http origin",
      cors({ allowOrigins: ["http://assistant.example.com"] }),
      /cors\.allowOrigins\[0\] "http:\/\/assistant\.example\.com" must be an https origin/,
    ],
    ["an origin with a path", cors({ allowOrigins: [`${SITE}/app`] }), /cors\.allowOrigins\[0\] ".*\/app" must be an https origin .* without a path/],
    ["an origin with a trailing slash", cors({ allowOrigins: [`${SITE}/`] }), /cors\.allowOrigins\[0\] .* must be an https origin/],
    ["an upper-case origin", cors({ allowOrigins: ["https://Assistant.example.com"] }), /cors\.allowOrigins\[0\] .* lower case/],
    [
      "the default port",
      cors({ allowOrigins: [`${SITE}:443`] }),
      /cors\.allowOrigins\[0\] .*: browsers never send the default port; write https:\/\/assistant\.example\.com$/,
    ],
    [
      "two origins",
      cors({ allowOrigins: [SITE, "http://localhost:3000"] }),
      /cors\.allowOrigins must name exactly one origin, got 2: API Gateway's own error responses/,
    ],
    ["no origin", cors({ allowOrigins: [] }), /cors\.allowOrigins must name exactly one origin, got 0/],
    ["no headers", cors({ allowHeaders: [] }), /cors\.allowHeaders is empty/],
    [
      "a header list",
      cors({ allowHeaders: ["Authorization,Content-Type"] }),
      /cors\.allowHeaders\[0\] "Authorization,Content-Type" must be a header name/,
    ],
    ["headers without Authorization", cors({ allowHeaders: ["Content-Type"] }), /cors\.allowHeaders lacks Authorization/],
    ["a fractional max age", cors({ maxAgeSeconds: 1.5 }), /cors\.maxAgeSeconds must be an integer 0-86400, got 1\.5/],
    ["a max age over a day", cors({ maxAgeSeconds: 86_401 }), /cors\.maxAgeSeconds must be an integer 0-86400/],
    [
      "a route that declares OPTIONS",
      { ...cors({}), routes: [ROUTE({ methods: ["POST", "OPTIONS"] })], cache: undefined },
      /routes\[0\] \(\/voice\) declares OPTIONS, which cors answers as the preflight/,
    ],
  ];

  it.each(invalid)("rejects %s, naming the field", (_name, overrides, message) => {
    expect(() => synthScope((s) => voiceApi(s, "api", overrides))).toThrow(message);
  });

  it("accepts headers without Authorization when every route is public", () => {
    const routes = [ROUTE({ path: "/health", methods: ["GET"], public: true })];
    expect(() => synth({ routes, cache: undefined, cors: { allowOrigins: [SITE], allowHeaders: ["Content-Type"] } })).not.toThrow();
  });
});

describe("RestApi stage", () => {
  it("traces with X-Ray and writes JSON access logs to a CMK-encrypted log group, by ARN without :*", () => {
    const { json } = synth();
    const stage = only(json, "aws_api_gateway_stage");
    expect(stage).toMatchObject({ stage_name: "dev", xray_tracing_enabled: true });
    const [groupName, group] = all(json, "aws_cloudwatch_log_group").find(([, g]) => g.name === "/aws/apigateway/voice-ai-dev-api/dev/access")!;
    expect(group).toMatchObject({ kms_key_id: KEY, retention_in_days: 30 });
    expect(stage.access_log_settings.destination_arn).toBe(`\${aws_cloudwatch_log_group.${groupName}.arn}`);
    expect(JSON.parse(stage.access_log_settings.format)).toMatchObject({ requestId: "$context.requestId", status: "$context.status" });
  });

  it("creates the execution log group API Gateway would otherwise create unencrypted, before the stage", () => {
    const { json } = synth();
    const [name, group] = all(json, "aws_cloudwatch_log_group").find(([, g]) => g.name.startsWith("API-Gateway-Execution-Logs_"))!;
    expect(group).toMatchObject({
      name: expect.stringMatching(/^API-Gateway-Execution-Logs_\$\{aws_api_gateway_rest_api\.\w+\.id\}\/dev$/),
      kms_key_id: KEY,
    });
    expect(only(json, "aws_api_gateway_stage").depends_on).toContain(`aws_cloudwatch_log_group.${name}`);
    const off = synth({ executionLoggingLevel: "OFF" }).json;
    expect(all(off, "aws_cloudwatch_log_group").map(([, g]) => g.name)).toEqual(["/aws/apigateway/voice-ai-dev-api/dev/access"]);
  });

  it("throttles every method, logs errors without bodies, and caches only the marked GET with encrypted data keyed by caller", () => {
    const { json } = synth();
    const settings = all(json, "aws_api_gateway_method_settings").map(([, s]) => s);
    const base = settings.find((s) => s.method_path === "*/*")!;
    expect(base.settings).toEqual({
      metrics_enabled: true,
      logging_level: "ERROR",
      data_trace_enabled: false,
      throttling_rate_limit: 50,
      throttling_burst_limit: 100,
      caching_enabled: false,
    });
    const cached = settings.find((s) => s.method_path === "~1sessions~1{sessionId}/GET")!;
    // Throttle repeated: an override without it would be -1, no throttling.
    expect(cached.settings).toMatchObject({
      caching_enabled: true,
      cache_data_encrypted: true,
      cache_ttl_in_seconds: 60,
      throttling_rate_limit: 50,
      throttling_burst_limit: 100,
      require_authorization_for_cache_control: true,
      unauthorized_cache_control_header_strategy: "FAIL_WITH_403",
    });
    expect(settings).toHaveLength(2);
    expect(only(json, "aws_api_gateway_stage")).toMatchObject({ cache_cluster_enabled: true, cache_cluster_size: "0.5" });
    const get = byMethod(json, "aws_api_gateway_integration", "GetSessionsSessionIdIntegration")!;
    expect(get.cache_key_parameters).toEqual(["method.request.path.sessionId", "method.request.header.Authorization"]);
    expect(byMethod(json, "aws_api_gateway_integration", "DeleteSessionsSessionIdIntegration")!.cache_key_parameters).toBeUndefined();
  });

  it("has no cache cluster and no cache settings unless the props ask for one", () => {
    const { json } = synth({ cache: undefined, routes: [ROUTE()] });
    expect(only(json, "aws_api_gateway_stage")).toMatchObject({ cache_cluster_enabled: false });
    expect(only(json, "aws_api_gateway_stage").cache_cluster_size).toBeUndefined();
    expect(only(json, "aws_api_gateway_method_settings").settings).not.toHaveProperty("caching_enabled");
  });

  it("binds a usage plan to the stage with the stage throttle, or its own throttle and quota", () => {
    const usage = (json: Json) => only(json, "aws_api_gateway_usage_plan");
    expect(usage(synth().json)).toMatchObject({
      api_stages: [{ stage: expect.stringMatching(/^\$\{aws_api_gateway_stage\.\w+\.stage_name\}$/) }],
      throttle_settings: { rate_limit: 50, burst_limit: 100 },
    });
    expect(usage(synth().json)).not.toHaveProperty("quota_settings");
    const own = synthScope((s) =>
      voiceApi(s, "api", { usagePlan: { throttle: { rateLimit: 5, burstLimit: 10 }, quota: { limit: 10000, period: "DAY" } } }),
    );
    expect(own).toHaveResourceWithProperties(ApiGatewayUsagePlan, {
      throttle_settings: { rate_limit: 5, burst_limit: 10 },
      quota_settings: { limit: 10000, period: "DAY" },
    });
  });

  it("associates a regional web ACL with the stage only when given one", () => {
    const acl = "arn:aws:wafv2:us-east-1:111111111111:regional/webacl/voice-api/0000-1111";
    const { json, text } = synth({ webAclArn: acl });
    expect(text).toHaveResourceWithProperties(Wafv2WebAclAssociation, {
      web_acl_arn: acl,
      resource_arn: expect.stringMatching(/^\$\{aws_api_gateway_stage\.\w+\.arn\}$/),
    });
    expect(all(synth().json, "aws_wafv2_web_acl_association")).toEqual([]);
    expect(json).toBeDefined();
  });
});

describe("RestApi account logging role", () => {
  it("creates the account setting with a role API Gateway trusts and its managed policy, and the stage waits for it", () => {
    const { json, text } = synth();
    expect(text).toHaveResourceWithProperties(IamRolePolicyAttachment, {
      policy_arn: "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
    });
    const [roleName, role] = all(json, "aws_iam_role")[0];
    expect(JSON.parse(role.assume_role_policy).Statement[0].Principal).toEqual({ Service: "apigateway.amazonaws.com" });
    const [accountName, account] = all(json, "aws_api_gateway_account")[0];
    expect(account.cloudwatch_role_arn).toBe(`\${aws_iam_role.${roleName}.arn}`);
    expect(account.depends_on).toEqual([expect.stringMatching(/^aws_iam_role_policy_attachment\./)]);
    expect(only(json, "aws_api_gateway_stage").depends_on).toContain(`aws_api_gateway_account.${accountName}`);
    expect(text).toHaveResource(ApiGatewayAccount);
  });

  it("with preexisting, creates no account setting and declares the role on the stage", () => {
    const { json, text } = synth({ accountLoggingRole: "preexisting" });
    expect(text).not.toHaveResource(ApiGatewayAccount);
    expect(all(json, "aws_iam_role")).toEqual([]);
    expect(only(json, "aws_api_gateway_stage").tags).toEqual({ Name: "voice-ai-dev-api-dev", "account-logging-role": "preexisting" });
  });
});

describe("RestApi custom domain", () => {
  const domain = {
    domainName: "api.voice.example.com",
    hostedZoneId: "Z0123456789ABCDEFGHIJ",
    certificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/abcd-1234",
    basePath: "v1",
  };

  it("serves the stage on a regional TLS 1.2 domain with an alias record, and turns the execute-api endpoint off", () => {
    const { text, json } = synth({ customDomain: domain });
    expect(text).toHaveResourceWithProperties(ApiGatewayDomainName, {
      domain_name: "api.voice.example.com",
      regional_certificate_arn: domain.certificateArn,
      endpoint_configuration: { types: ["REGIONAL"] },
      security_policy: "TLS_1_2",
    });
    expect(text).toHaveResourceWithProperties(ApiGatewayBasePathMapping, {
      base_path: "v1",
      stage_name: expect.stringContaining("aws_api_gateway_stage"),
    });
    expect(text).toHaveResourceWithProperties(Route53Record, {
      zone_id: domain.hostedZoneId,
      type: "A",
      alias: {
        name: expect.stringMatching(/\.regional_domain_name\}$/),
        zone_id: expect.stringMatching(/\.regional_zone_id\}$/),
        evaluate_target_health: false,
      },
    });
    expect(text).toHaveResourceWithProperties(ApiGatewayRestApi, { disable_execute_api_endpoint: true });
    expect(json).toBeDefined();
  });
});

describe("RestApi validation", () => {
  const invalid: [string, Partial<RestApiProps>, RegExp][] = [
    ["no routes", { routes: [] }, /routes is empty; API Gateway cannot deploy an API without methods/],
    ["a bad name", { name: "voice api" }, /name "voice api" must be 1-64/],
    ["a user pool ARN of another service", { userPoolArn: "arn:aws:iam::111111111111:role/x" }, /userPoolArn .* is not a Cognito user pool ARN/],
    [
      "a CloudFront web ACL",
      { webAclArn: "arn:aws:wafv2:us-east-1:111111111111:global/webacl/x/1" },
      /webAclArn .* must be a REGIONAL WAFv2 web ACL ARN/,
    ],
    ["a trailing slash", { routes: [ROUTE({ path: "/voice/" })] }, /routes\[0\] \(\/voice\/\)\.path must be \//],
    ["a greedy segment not last", { routes: [ROUTE({ path: "/{proxy+}/x" })] }, /may only end with a greedy \{param\+\}/],
    ["a method twice", { routes: [ROUTE(), ROUTE()] }, /routes\[1\] \(\/voice\): POST \/voice clashes with POST \/voice/],
    ["an unknown method", { routes: [ROUTE({ methods: ["FETCH" as never] })] }, /methods "FETCH" must be one of GET/],
    [
      "scopes on a public route",
      { routes: [ROUTE({ public: true, authorizationScopes: ["voice/write"] })] },
      /is public, so authorizationScopes would never be checked/,
    ],
    ["a public route with a parameter", { routes: [ROUTE({ path: "/status/{id}", public: true })] }, /a public route cannot have path parameters/],
    ["caching without a cache", { cache: undefined }, /routes\[1\] \(\/sessions\/\{sessionId\}\)\.cached needs the stage cache/],
    ["caching a POST-only route", { routes: [ROUTE({ cached: true })] }, /cached only applies to GET/],
    ["an integration timeout over 29 s", { routes: [ROUTE({ timeoutMs: 30_000 })] }, /timeoutMs must be an integer 50-29000, got 30000/],
    ["a bad stage name", { stageName: "prod stage" }, /stageName "prod stage" must be 1-128/],
    ["an unknown cache size", { cache: { clusterSizeGb: "2" as never } }, /cache\.clusterSizeGb "2" must be one of 0\.5, 1\.6, 6\.1/],
    ["a cache TTL over an hour", { cache: { clusterSizeGb: "0.5", ttlSeconds: 7200 } }, /cache\.ttlSeconds must be an integer 0-3600/],
    ["a zero rate", { throttle: { rateLimit: 0, burstLimit: 10 } }, /throttle\.rateLimit must be above 0/],
    [
      "a fractional burst",
      { usagePlan: { throttle: { rateLimit: 1, burstLimit: 1.5 } } },
      /usagePlan\.throttle\.burstLimit must be a positive integer/,
    ],
    ["a zero quota", { usagePlan: { quota: { limit: 0, period: "DAY" } } }, /usagePlan\.quota\.limit must be a positive integer/],
    [
      "a certificate that is not ACM",
      { customDomain: { domainName: "api.example.com", hostedZoneId: "Z1", certificateArn: "arn:aws:iam::111111111111:server-certificate/x" } },
      /customDomain\.certificateArn .* is not an ACM certificate ARN/,
    ],
    [
      "an upper-case domain",
      { customDomain: { domainName: "API.example.com", hostedZoneId: "Z1", certificateArn: "x" } },
      /customDomain\.domainName "API\.example\.com"/,
    ],
  ];

  it.each(invalid)("rejects %s, naming the field", (_name, overrides, message) => {
    expect(() => synthScope((s) => voiceApi(s, "api", overrides))).toThrow(message);
  });

  it("accepts the example props", () => {
    expect(() => synthScope((s) => voiceApi(s, "api", voiceApiProps()))).not.toThrow();
  });
});

describe("methodSettingsPath", () => {
  it("escapes every / of the resource path as ~1, the key AWS stores", () => {
    expect(methodSettingsPath("/voice", "GET")).toBe("~1voice/GET");
    expect(methodSettingsPath("/sessions/{id}", "GET")).toBe("~1sessions~1{id}/GET");
    expect(methodSettingsPath("/", "GET")).toBe("~1/GET");
  });
});

describe("RestApi in a PlatformStack", () => {
  it("has readable, hash-free Terraform addresses", () => {
    class ApiStack extends PlatformStack {}
    const stack = new ApiStack(testApp(), { config: parseEnvironmentConfig(ENVIRONMENTS.dev, "dev"), component: "api" });
    voiceApi(stack, "voice_api", {
      customDomain: { domainName: "api.example.com", hostedZoneId: "Z1", certificateArn: "arn:aws:acm:us-east-1:111111111111:certificate/x" },
      cors: { allowOrigins: ["https://assistant.example.com"] },
    });
    const json = JSON.parse(Testing.synth(stack));
    const addresses = Object.entries(json.resource as Json).flatMap(([type, byName]) => Object.keys(byName as Json).map((name) => `${type}.${name}`));
    expect(addresses).toEqual(
      expect.arrayContaining([
        "aws_api_gateway_rest_api.voice_api",
        "aws_api_gateway_authorizer.voice_api_authorizer",
        "aws_api_gateway_resource.voice_api_path_sessions_session_id",
        "aws_api_gateway_method.voice_api_get_sessions_session_id",
        "aws_api_gateway_integration.voice_api_get_sessions_session_id_integration",
        "aws_lambda_permission.voice_api_post_voice_invoke",
        "aws_api_gateway_deployment.voice_api_deployment",
        "aws_api_gateway_stage.voice_api_stage",
        "aws_api_gateway_method_settings.voice_api_stage_all_methods",
        "aws_cloudwatch_log_group.voice_api_stage_access_logs",
        "aws_api_gateway_account.voice_api_account_logging",
        "aws_iam_role.voice_api_account_logging_role",
        "aws_api_gateway_domain_name.voice_api_domain",
        "aws_route53_record.voice_api_domain_alias",
        "aws_api_gateway_method.voice_api_options_sessions_session_id",
        "aws_api_gateway_integration.voice_api_options_sessions_session_id_integration",
        "aws_api_gateway_method_response.voice_api_options_sessions_session_id_response",
        "aws_api_gateway_integration_response.voice_api_options_sessions_session_id_integration_response",
        "aws_api_gateway_gateway_response.voice_api_default4xx_response",
        "aws_api_gateway_gateway_response.voice_api_default5xx_response",
      ]),
    );
    expect(addresses.filter((a) => /_[0-9A-F]{8}$/.test(a))).toEqual([]);
  });
});
