import { describe, expect, it } from "vitest";
import { resourcesOf, synthBlueprintEnvironment } from "../support/synth";
import type { PolicyStatementJson as Statement } from "../support/policy";

describe("voice-assistant secrets-kms stack (serverless keys)", () => {
  const synth = synthBlueprintEnvironment("voice-assistant", "prod");
  const keys = resourcesOf(synth.stack("secrets-kms"), "aws_kms_key");
  const statements = (key: string): Statement[] => JSON.parse(keys[key].policy).Statement;
  const services = (key: string) => statements(key).flatMap((s) => (s.Principal?.Service ? [s.Principal.Service] : []));

  it("has a key per purpose the blueprint uses, and none for containers, databases or caches it does not have", () => {
    expect(Object.keys(keys).sort()).toEqual(
      ["audit", "backup", "dynamodb", "functions", "logs", "messaging", "parameters", "pipeline", "secrets", "storage", "workflow"].map(
        (k) => `${k}_key`,
      ),
    );
  });

  it("lets CloudFront decrypt the site's objects through origin access control, bound to this account's distributions", () => {
    const grant = statements("storage_key").find((s) => s.Principal?.Service === "cloudfront.amazonaws.com")!;
    expect(grant.Action).toBe("kms:Decrypt");
    expect(grant.Condition).toEqual({ ArnLike: { "AWS:SourceArn": "arn:aws:cloudfront::733333333333:distribution/*" } });
  });

  it("lets EventBridge deliver to the encrypted queues and topics, and log delivery write the state machine's logs", () => {
    expect(services("messaging_key")).toEqual(expect.arrayContaining(["events.amazonaws.com", "cloudwatch.amazonaws.com", "budgets.amazonaws.com"]));
    expect(services("workflow_key")).toEqual(["delivery.logs.amazonaws.com"]);
    // Lambda decrypts environment variables with the function's role, through IAM: no service principal on its key.
    expect(services("functions_key")).toEqual([]);
  });
});

describe("blueprints without a frontend or workflow keep their keys as they were", () => {
  it("grants no CloudFront or EventBridge access on voice-ai's keys", () => {
    const keys = resourcesOf(synthBlueprintEnvironment("voice-ai", "prod").stack("secrets-kms"), "aws_kms_key");
    const text = Object.values(keys)
      .map((key) => String(key.policy))
      .join("\n");
    expect(text).not.toMatch(/cloudfront\.amazonaws\.com|events\.amazonaws\.com|delivery\.logs/);
    expect(Object.keys(keys)).not.toContain("functions_key");
  });
});
