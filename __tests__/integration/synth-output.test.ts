import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENVIRONMENTS, parseEnvironmentConfig } from "../../config";
import { GUARDRAIL_REPORT_FILE, synthesizeWithGuardrails } from "../../guardrails";
import { buildPlatformApp } from "../../stacks/app";
import { renderSummaryMarkdown, renderSummaryText, summarizeSynth, type SynthSummary } from "../../scripts/synth-summary";

// Prod is the largest environment (DR providers, per-AZ NAT, every optional feature on).
const prod = () => parseEnvironmentConfig(ENVIRONMENTS.prod, "prod");

/** The synth behind main.ts (guardrails, all-or-nothing publish), into `dir`, printing nothing. */
function synthInto(dir: string): void {
  synthesizeWithGuardrails(
    dir,
    (scratch) => buildPlatformApp({ configs: [prod()], outdir: scratch }),
    () => {},
  );
}

/** Every file below `dir`, by path relative to it. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

describe("synth output", () => {
  let first: string;
  let second: string;

  beforeAll(() => {
    first = mkdtempSync(join(tmpdir(), "voice-infra-determinism-a-"));
    second = mkdtempSync(join(tmpdir(), "voice-infra-determinism-b-"));
    synthInto(first);
    // A second App in the same process starts from other token counters and construct caches.
    synthInto(second);
  });
  afterAll(() => {
    rmSync(first, { recursive: true, force: true });
    rmSync(second, { recursive: true, force: true });
  });

  it("is byte-identical for two synths of the same config", () => {
    const a = filesOf(first);
    const b = filesOf(second);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    expect(a.size).toBeGreaterThan(1);
    for (const [path, content] of a) {
      expect(b.get(path)?.equals(content), `${path} differs between the two synths`).toBe(true);
    }
  });

  it("lists resource types and names in sorted order, whatever order constructs were created in", () => {
    for (const [path, content] of filesOf(first)) {
      if (!path.endsWith("cdk.tf.json")) continue;
      const resources: Record<string, Record<string, unknown>> = JSON.parse(content.toString()).resource ?? {};
      const types = Object.keys(resources);
      expect(types, path).toEqual([...types].sort());
      for (const [type, byName] of Object.entries(resources)) {
        const names = Object.keys(byName);
        expect(names, `${path} ${type}`).toEqual([...names].sort());
      }
    }
  });

  describe("summary", () => {
    let summary: SynthSummary;
    beforeAll(() => {
      summary = summarizeSynth(first);
    });

    it("covers every synthesized stack, with resource counts matching the JSON", () => {
      const manifest = JSON.parse(readFileSync(join(first, "manifest.json"), "utf8"));
      expect(summary.stacks.map((s) => s.id)).toEqual(Object.keys(manifest.stacks).sort());
      for (const stack of summary.stacks) {
        const json = JSON.parse(readFileSync(join(first, "stacks", stack.id, "cdk.tf.json"), "utf8"));
        const expected = Object.values<Record<string, unknown>>(json.resource ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
        expect(stack.resourceCount, stack.id).toBe(expected);
        expect(
          stack.resourcesByType.reduce((sum, r) => sum + r.count, 0),
          stack.id,
        ).toBe(expected);
      }
    });

    it("names the producing stack and expression of each cross-stack input", () => {
      const vpc = summary.stacks.find((s) => s.id === "prod-vpc")!;
      expect(vpc.inputs).toContainEqual({ fromStack: "prod-secrets-kms", values: expect.arrayContaining(["aws_kms_key.logs_key.arn"]) });
      const secretsKms = summary.stacks.find((s) => s.id === "prod-secrets-kms")!;
      const logsKey = secretsKms.outputs.find((o) => o.value === "aws_kms_key.logs_key.arn");
      expect(logsKey?.consumers).toContain("prod-vpc");
      expect(logsKey?.sensitive).toBe(true);
    });

    it("pairs every input with an output of the stack it names, and every consumer with an input", () => {
      const byId = new Map(summary.stacks.map((s) => [s.id, s]));
      for (const stack of summary.stacks) {
        for (const input of stack.inputs) {
          const producer = byId.get(input.fromStack);
          expect(producer, `${stack.id} reads from unknown ${input.fromStack}`).toBeDefined();
          for (const value of input.values) {
            const consumers = producer!.outputs.filter((o) => o.value === value).flatMap((o) => o.consumers);
            expect(consumers, `${stack.id} <- ${input.fromStack}: ${value}`).toContain(stack.id);
          }
        }
        for (const output of stack.outputs) {
          for (const consumer of output.consumers) {
            const input = byId.get(consumer)!.inputs.find((i) => i.fromStack === stack.id);
            expect(input?.values, `${consumer} <- ${stack.id}`).toContain(output.value);
          }
        }
      }
    });

    it("carries each stack's guardrail warnings and suppressions from the guardrail report", () => {
      const reports: { stack: string; findings: { level: string }[]; suppressed: unknown[] }[] = JSON.parse(
        readFileSync(join(first, GUARDRAIL_REPORT_FILE), "utf8"),
      );
      for (const stack of summary.stacks) {
        const report = reports.find((r) => r.stack === stack.id);
        expect(report, stack.id).toBeDefined();
        expect(stack.guardrails).toEqual({
          warnings: report!.findings.filter((f) => f.level === "warning").length,
          suppressed: report!.suppressed.length,
        });
      }
    });

    it("renders one line per stack for the terminal and one table row per stack for the PR", () => {
      const text = renderSummaryText(summary).split("\n");
      expect(text).toHaveLength(summary.stacks.length + 2);
      const markdown = renderSummaryMarkdown(summary);
      for (const stack of summary.stacks) {
        expect(text.some((line) => line.startsWith(`${stack.id} `))).toBe(true);
        expect(markdown).toContain(`| ${stack.id} | ${stack.resourceCount} |`);
        expect(markdown).toContain(`<summary>${stack.id}: ${stack.resourceCount} resources</summary>`);
      }
    });
  });
});
