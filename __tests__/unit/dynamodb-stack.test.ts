import { DynamodbTable } from "@cdktf/provider-aws/lib/dynamodb-table";
import { describe, expect, it } from "vitest";
import { ENVIRONMENTS } from "../../config";
import { guardrailErrors, synthVariant, synthWithOptionalSections } from "../support/optional-sections";
import { remoteOutputRef, remoteStateSources } from "../support/remote-state";
import { resourcesOf, synthEnvironment } from "../support/synth";

describe.each(["dev", "prod"])("%s data-dynamodb stack (sections added)", (env) => {
  const synth = synthWithOptionalSections(env);
  const stack = synth.stack("data-dynamodb");
  const tables = resourcesOf(stack, "aws_dynamodb_table");

  it("has one table per configured table, named <project>-<env>-<name>, with a readable address", () => {
    expect(Object.keys(tables).sort()).toEqual(["call_audit", "handover_tokens"]);
    expect(tables.handover_tokens.name).toBe(`voice-ai-${env}-handover-tokens`);
    expect(stack.json.terraform.backend?.s3.key).toBe(`voice-ai/${env}/data-dynamodb.tfstate`);
  });

  it("expires handover tokens through TTL on the configured attribute", () => {
    expect(stack.text).toHaveResourceWithProperties(DynamodbTable, {
      name: `voice-ai-${env}-handover-tokens`,
      ttl: { enabled: true, attribute_name: "expires_at" },
    });
    expect(tables.call_audit.ttl).toBeUndefined();
  });

  it("encrypts every table with the dynamodb CMK of secrets-kms", () => {
    for (const table of Object.values(tables)) {
      expect(table.server_side_encryption.enabled).toBe(true);
      expect(remoteOutputRef(synth, table.server_side_encryption.kms_key_arn)).toEqual({
        stack: "secrets-kms",
        value: "${aws_kms_key.dynamodb_key.arn}",
      });
    }
    expect(remoteStateSources(synth, stack)).toEqual(["secrets-kms"]);
  });

  it("keeps point-in-time recovery and deletion protection on as configured", () => {
    for (const table of Object.values(tables)) {
      expect(table.point_in_time_recovery).toEqual({ enabled: true });
      expect(table.deletion_protection_enabled).toBe(true);
      expect(table.billing_mode).toBe("PAY_PER_REQUEST");
      expect(table.read_capacity).toBeUndefined();
    }
  });

  it("defines each key attribute once, including index keys, and nothing else", () => {
    expect(tables.handover_tokens.attribute).toEqual([
      { name: "token", type: "S" },
      { name: "caller_number", type: "S" },
    ]);
    expect(tables.handover_tokens.global_secondary_index).toEqual([{ name: "by-caller", hash_key: "caller_number", projection_type: "KEYS_ONLY" }]);
    expect(tables.call_audit.attribute).toEqual([
      { name: "call_id", type: "S" },
      { name: "at", type: "N" },
    ]);
    expect(tables.call_audit.global_secondary_index).toBeUndefined();
  });

  it("gets a rotating dynamodb key in secrets-kms", () => {
    const key = resourcesOf(synth.stack("secrets-kms"), "aws_kms_key").dynamodb_key;
    expect(key).toEqual(expect.objectContaining({ enable_key_rotation: true, deletion_window_in_days: synth.config.kms.deletionWindowDays }));
  });

  it("passes the guardrails with zero errors", () => {
    expect(guardrailErrors(synth, "data-dynamodb")).toEqual([]);
  });
});

describe.each(Object.keys(ENVIRONMENTS))("%s as shipped", (env) => {
  const synth = synthEnvironment(env);

  it("has no data-dynamodb stack and no dynamodb key", () => {
    expect(synth.stackIds).not.toContain(`${env}-data-dynamodb`);
    expect(resourcesOf(synth.stack("secrets-kms"), "aws_kms_key").dynamodb_key).toBeUndefined();
    expect(synth.stacks.dynamodb).toBeUndefined();
  });
});

describe("a provisioned table", () => {
  const synth = synthVariant();

  it("gets its capacity, and so do its indexes", () => {
    const table = resourcesOf(synth.stack("data-dynamodb"), "aws_dynamodb_table").handover_tokens;
    expect(table).toEqual(expect.objectContaining({ billing_mode: "PROVISIONED", read_capacity: 5, write_capacity: 2 }));
    expect(table.global_secondary_index[0]).toEqual(expect.objectContaining({ read_capacity: 3, write_capacity: 1 }));
  });
});
