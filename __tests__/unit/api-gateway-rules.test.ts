import { ApiGatewayAccount } from "@cdktf/provider-aws/lib/api-gateway-account";
import { ApiGatewayDeployment } from "@cdktf/provider-aws/lib/api-gateway-deployment";
import { ApiGatewayIntegration } from "@cdktf/provider-aws/lib/api-gateway-integration";
import { ApiGatewayMethod } from "@cdktf/provider-aws/lib/api-gateway-method";
import { ApiGatewayMethodSettings } from "@cdktf/provider-aws/lib/api-gateway-method-settings";
import { ApiGatewayResource } from "@cdktf/provider-aws/lib/api-gateway-resource";
import { ApiGatewayRestApi } from "@cdktf/provider-aws/lib/api-gateway-rest-api";
import { ApiGatewayStage } from "@cdktf/provider-aws/lib/api-gateway-stage";
import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { TerraformStack } from "cdktf";
import { describe, expect, it } from "vitest";
import { RULES } from "../../guardrails";
import { API_GATEWAY_APPLY_CASES, API_GATEWAY_SECURITY_CASES, rawApi, voiceApi } from "../support/api-gateway-cases";
import { guardedFindings as findings } from "../support/test-app";

const of = (id: string, build: (stack: TerraformStack) => void) => findings(build).filter((f) => f.ruleId === id);

const CASES = { ...API_GATEWAY_SECURITY_CASES, ...API_GATEWAY_APPLY_CASES };
const RULE_IDS = RULES.map((r) => r.id).filter((id) => id.startsWith("VP-APIGW-"));

describe("API Gateway guardrails", () => {
  it("are registered, each with an unsafe and a safe case, apply rules with their AWS or provider reference", () => {
    expect(RULE_IDS.sort()).toEqual(Object.keys(CASES).sort());
    for (const id of Object.keys(API_GATEWAY_APPLY_CASES)) {
      const rule = RULES.find((r) => r.id === id)!;
      expect(rule.category).toBe("apply");
      expect(rule.reference).toMatch(/^https:\/\/(docs\.aws\.amazon\.com|github\.com\/hashicorp\/terraform-provider-aws)\//);
    }
    for (const id of Object.keys(API_GATEWAY_SECURITY_CASES)) expect(RULES.find((r) => r.id === id)!.category ?? "security").toBe("security");
  });

  it.each(Object.keys(CASES))("%s flags its unsafe case with the why and the fix", (id) => {
    const rule = RULES.find((r) => r.id === id)!;
    const flagged = of(id, CASES[id].unsafe);
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged[0]).toMatchObject({ level: rule.level, stack: "test", path: expect.stringMatching(/^test\/unsafe/) });
    expect(flagged[0].message).toMatch(CASES[id].message);
    expect(flagged[0].message).toContain(`Fix: ${rule.fix}`);
  });

  it.each(Object.keys(CASES))("%s passes its safe case", (id) => {
    expect(of(id, CASES[id].safe)).toEqual([]);
  });

  it("RestApi passes every guardrail, whether it creates the account's logging role or declares it preexisting", () => {
    expect(findings((s) => voiceApi(s, "api"))).toEqual([]);
    expect(findings((s) => voiceApi(s, "api", { cors: { allowOrigins: ["https://assistant.example.com"] } }))).toEqual([]);
    expect(
      findings((s) => voiceApi(s, "api", { accountLoggingRole: "preexisting", cache: undefined, routes: voiceApiRoutesWithoutCache() })),
    ).toEqual([]);
  });
});

function voiceApiRoutesWithoutCache() {
  return [
    {
      path: "/voice",
      methods: ["POST" as const],
      target: { functionName: "voice-handler", aliasName: "live", invokeArn: "arn:aws:apigateway:us-east-1:lambda:path/x" },
    },
  ];
}

describe("VP-APIGW-1: stage logs and traces", () => {
  it("names an access log group without a CMK", () => {
    const flagged = of("VP-APIGW-1", (s) => {
      const { stage } = rawApi(s, "api");
      stage.addOverride("access_log_settings.destination_arn", "${aws_cloudwatch_log_group.plain.arn}");
      new CloudwatchLogGroup(s, "plain", { name: "/aws/apigateway/plain", retentionInDays: 30 });
    });
    expect(flagged.map((f) => f.message)).toEqual([
      expect.stringMatching(/access log group aws_cloudwatch_log_group\.plain is not encrypted with a CMK/),
    ]);
  });

  it("does not trust a destination outside the stack", () => {
    const flagged = of("VP-APIGW-1", (s) => {
      const { stage } = rawApi(s, "api");
      stage.addOverride("access_log_settings.destination_arn", "arn:aws:logs:us-east-1:111111111111:log-group:elsewhere");
    });
    expect(flagged[0].message).toMatch(/not a log group of this stack whose encryption can be checked/);
  });
});

describe("VP-APIGW-2: cached data encrypted", () => {
  it("ignores settings that do not cache", () => {
    const flagged = of("VP-APIGW-2", (s) => {
      new ApiGatewayMethodSettings(s, "settings", { restApiId: "a1", stageName: "dev", methodPath: "*/*", settings: { metricsEnabled: true } });
    });
    expect(flagged).toEqual([]);
  });
});

describe("VP-APIGW-3: authorization unless declared public", () => {
  it("reads the declared path through nested resources and the root", () => {
    const flagged = of("VP-APIGW-3", (s) => {
      const api = new ApiGatewayRestApi(s, "api", { name: "api", tags: { "public-routes": "GET:/ GET:/v1/health" } });
      const v1 = new ApiGatewayResource(s, "v1", {
        restApiId: api.id,
        parentId: api.rootResourceId,
        pathPart: "v1",
      });
      const health = new ApiGatewayResource(s, "health", {
        restApiId: api.id,
        parentId: v1.id,
        pathPart: "health",
      });
      new ApiGatewayMethod(s, "root_get", { restApiId: api.id, resourceId: api.rootResourceId, httpMethod: "GET", authorization: "NONE" });
      new ApiGatewayMethod(s, "health_get", { restApiId: api.id, resourceId: health.id, httpMethod: "GET", authorization: "NONE" });
      // Declared for GET only.
      new ApiGatewayMethod(s, "health_post", { restApiId: api.id, resourceId: health.id, httpMethod: "POST", authorization: "NONE" });
      new ApiGatewayMethod(s, "v1_get", { restApiId: api.id, resourceId: v1.id, httpMethod: "GET", authorization: "AWS_IAM" });
    });
    expect(flagged.map((f) => f.address)).toEqual(["aws_api_gateway_method.health_post"]);
    expect(flagged[0].message).toMatch(/POST \/v1\/health has authorization NONE/);
  });

  it("accepts an unauthorized OPTIONS whose only integration is MOCK (a CORS preflight carries no token), and nothing else", () => {
    const flagged = of("VP-APIGW-3", (s) => {
      const api = new ApiGatewayRestApi(s, "api", { name: "api" });
      const resource = (name: string) => new ApiGatewayResource(s, name, { restApiId: api.id, parentId: api.rootResourceId, pathPart: name });
      const method = (name: string, on: ApiGatewayResource, httpMethod: string) =>
        new ApiGatewayMethod(s, name, { restApiId: api.id, resourceId: on.id, httpMethod, authorization: "NONE" });
      const integrate = (m: ApiGatewayMethod, on: ApiGatewayResource, type: string) =>
        new ApiGatewayIntegration(s, `${m.friendlyUniqueId}_integration`, {
          restApiId: api.id,
          resourceId: on.id,
          httpMethod: m.httpMethod,
          type,
          ...(type === "MOCK"
            ? { requestTemplates: { "application/json": '{"statusCode": 200}' } }
            : { integrationHttpMethod: "POST", uri: "arn:x" }),
        });
      const voice = resource("voice");
      integrate(method("preflight", voice, "OPTIONS"), voice, "MOCK");
      const chat = resource("chat");
      // OPTIONS proxied to a function: it would run code without a token.
      integrate(method("proxied_options", chat, "OPTIONS"), chat, "AWS_PROXY");
      const music = resource("music");
      // MOCK does not make a GET public.
      integrate(method("mock_get", music, "GET"), music, "MOCK");
      // No integration in the stack: nothing shows it is a preflight.
      method("bare_options", resource("weather"), "OPTIONS");
    });
    expect(flagged.map((f) => f.address).sort()).toEqual([
      "aws_api_gateway_method.bare_options",
      "aws_api_gateway_method.mock_get",
      "aws_api_gateway_method.proxied_options",
    ]);
    expect(flagged.find((f) => f.address === "aws_api_gateway_method.proxied_options")!.message).toMatch(
      /OPTIONS \/chat has authorization NONE .*; it is not a preflight either, whose only integration would be MOCK/,
    );
  });

  it("flags an unauthenticated method of an API outside the stack: nothing declares it", () => {
    const flagged = of("VP-APIGW-3", (s) => {
      new ApiGatewayMethod(s, "remote", { restApiId: "a1b2c3", resourceId: "r1", httpMethod: "GET", authorization: "NONE" });
    });
    expect(flagged[0].message).toMatch(/outside this stack, so no public-routes declaration can cover it/);
  });
});

describe("VP-APIGW-4: logging needs the account's CloudWatch role", () => {
  it("wants the stage to depend on the account setting of the same stack", () => {
    const flagged = of("VP-APIGW-4", (s) => {
      new ApiGatewayAccount(s, "account", { cloudwatchRoleArn: "arn:aws:iam::111111111111:role/apigw-logs" });
      const stage = new ApiGatewayStage(s, "stage", { restApiId: "a1", deploymentId: "d1", stageName: "dev" });
      new ApiGatewayMethodSettings(s, "settings", {
        restApiId: "a1",
        stageName: stage.stageName,
        methodPath: "*/*",
        settings: { loggingLevel: "INFO" },
      });
    });
    expect(flagged[0].message).toMatch(/turns on execution logging without depends_on aws_api_gateway_account\.account/);
  });

  it("passes a stage that depends on the account setting, and one that does not log", () => {
    const flagged = of("VP-APIGW-4", (s) => {
      const account = new ApiGatewayAccount(s, "account", { cloudwatchRoleArn: "arn:aws:iam::111111111111:role/apigw-logs" });
      const stage = new ApiGatewayStage(s, "stage", { restApiId: "a1", deploymentId: "d1", stageName: "dev", dependsOn: [account] });
      new ApiGatewayMethodSettings(s, "settings", {
        restApiId: "a1",
        stageName: stage.stageName,
        methodPath: "*/*",
        settings: { loggingLevel: "ERROR" },
      });
      const quiet = new ApiGatewayStage(s, "quiet", { restApiId: "a1", deploymentId: "d1", stageName: "quiet" });
      new ApiGatewayMethodSettings(s, "quiet_settings", {
        restApiId: "a1",
        stageName: quiet.stageName,
        methodPath: "*/*",
        settings: { loggingLevel: "OFF" },
      });
    });
    expect(flagged).toEqual([]);
  });
});

describe("VP-APIGW-5: deployments replaced safely", () => {
  it("rejects a deployment that also names the stage", () => {
    const flagged = of("VP-APIGW-5", (s) => {
      rawApi(s, "api");
      const deployment = s.node.findAll().find((c) => c instanceof ApiGatewayDeployment) as ApiGatewayDeployment;
      deployment.stageName = "dev";
    });
    expect(flagged.map((f) => f.message)).toEqual([expect.stringMatching(/^its stage_name makes a second owner of a stage/)]);
  });
});
