import { AttributeTypes, attributeTypesFromSchema, fixtureOutputs, fixtureState } from "./fixtures";
import { ProcessResult, describeResult, mapLimit } from "./process";
import { TerraformJson, remoteStateReads, resourceAddresses, withOfflineAwsProvider, withoutRandomProvider } from "./stack-json";
import { SynthesizedApp, SynthesizedStack } from "./synth";
import { TerraformWorkspace } from "./workspace";

/** What an offline `terraform plan -refresh=false` of one stack would create, next to what was synthesized. */
export interface OfflinePlan {
  readonly stackId: string;
  /** Managed resource addresses terraform plans to create (instance keys stripped). */
  readonly planned: readonly string[];
  /** Managed resource addresses in the synthesized stack (after the random swap). */
  readonly synthesized: readonly string[];
  /** Terraform's own count line, e.g. "Plan: 45 to add, 0 to change, 0 to destroy." */
  readonly summary?: string;
  /** Error diagnostics, formatted; empty when the plan succeeded. */
  readonly errors: readonly string[];
  readonly result: ProcessResult;
}

/** Attribute types of every provider the workspace installed, for typed upstream fixtures (one schema load). */
export async function loadAttributeTypes(workspace: TerraformWorkspace): Promise<AttributeTypes> {
  const result = await workspace.check(workspace.providersTemplateDir, ["providers", "schema", "-json"]);
  return attributeTypesFromSchema(result.stdout);
}

/** The stack as it is planned offline: random swap, AWS provider without account checks. */
export function offlineCopy(json: TerraformJson): TerraformJson {
  return withOfflineAwsProvider(withoutRandomProvider(json));
}

/** Writes the offline copy of a stack into the workspace and runs `terraform init` against its backend. */
export async function initOfflineStack(workspace: TerraformWorkspace, stack: SynthesizedStack): Promise<string> {
  const dir = workspace.writeDir(stack.id, { "cdk.tf.json": offlineCopy(stack.json) });
  await workspace.check(dir, ["init", "-input=false", "-no-color"]);
  return dir;
}

/**
 * Seeds the state of every stack that `downstream` stacks read through `terraform_remote_state`: per upstream
 * stack, a state file whose outputs are exactly the ones the downstream stacks reference (names from the
 * synthesized references, values typed by `types`, e.g. from `loadAttributeTypes`; without it every value is an
 * ARN-shaped or plain string), written with `terraform state push` through the upstream's own backend settings,
 * as a real apply would leave it. Returns the seeded stack ids.
 */
export async function seedUpstreamStates(
  workspace: TerraformWorkspace,
  app: SynthesizedApp,
  downstream: readonly SynthesizedStack[],
  concurrency: number,
  types: AttributeTypes = () => undefined,
): Promise<string[]> {
  const needs = new Map<string, { upstream: SynthesizedStack; backendType: string; backend: Record<string, unknown>; outputs: Set<string> }>();
  for (const stack of downstream) {
    for (const read of remoteStateReads(stack.json)) {
      const upstream = app.stacks.find((candidate) => {
        const backend = candidate.json.terraform.backend?.s3;
        return backend?.bucket === read.config.bucket && backend?.key === read.config.key;
      });
      if (!upstream) throw new Error(`${stack.id} reads remote state ${read.config.bucket}/${read.config.key}, which no stack writes`);
      const need = needs.get(upstream.id) ?? { upstream, backendType: read.backend, backend: read.config, outputs: new Set<string>() };
      read.outputs.forEach((name) => need.outputs.add(name));
      needs.set(upstream.id, need);
    }
  }
  await mapLimit([...needs.values()], concurrency, async ({ upstream, backendType, backend, outputs }) => {
    const provider = upstream.json.provider?.aws?.[0] ?? {};
    const fixture = fixtureOutputs(upstream, [...outputs].sort(), types, {
      region: provider.region ?? "us-east-1",
      accountId: provider.allowed_account_ids?.[0] ?? "123456789012",
    });
    const dir = workspace.writeDir(`seed-${upstream.id}`, {
      "main.tf.json": { terraform: { backend: { [backendType]: backend } } },
      "fixture.tfstate": fixtureState(fixture, workspace.toolchain.version),
    });
    await workspace.check(dir, ["init", "-input=false", "-no-color"]);
    await workspace.check(dir, ["state", "push", "-lock-timeout=60s", "-no-color", "fixture.tfstate"]);
  });
  return [...needs.keys()];
}

/**
 * Writes, initializes and plans (`terraform plan -refresh=false`) the offline copy of one stack and reads the
 * outcome from terraform's JSON log. Upstream states the stack reads must be seeded first.
 */
export async function planOffline(workspace: TerraformWorkspace, stack: SynthesizedStack): Promise<OfflinePlan> {
  const dir = await initOfflineStack(workspace, stack);
  const result = await workspace.run(dir, ["plan", "-refresh=false", "-input=false", "-lock-timeout=60s", "-json", "-no-color"], {
    timeoutMs: 300_000,
  });
  const planned = new Set<string>();
  const errors: string[] = [];
  let summary: string | undefined;
  for (const line of result.stdout.split("\n")) {
    if (!line.startsWith("{")) continue;
    const message = JSON.parse(line) as {
      type: string;
      "@message": string;
      change?: { action: string; resource: { addr: string; resource_type: string; resource_name: string } };
      diagnostic?: { severity: string; summary: string; detail?: string; range?: { filename: string; start: { line: number } } };
    };
    if (message.type === "planned_change" && message.change && !message.change.resource.addr.startsWith("data.")) {
      if (message.change.action === "create") planned.add(`${message.change.resource.resource_type}.${message.change.resource.resource_name}`);
    } else if (message.type === "change_summary") {
      summary = message["@message"];
    } else if (message.type === "diagnostic" && message.diagnostic?.severity === "error") {
      const { summary: what, detail, range } = message.diagnostic;
      errors.push(`${what}${range ? ` (${range.filename}:${range.start.line})` : ""}: ${detail ?? ""}`);
    }
  }
  if (result.code !== 0 && errors.length === 0) errors.push(describeResult(result));
  return {
    stackId: stack.id,
    planned: [...planned].sort(),
    synthesized: resourceAddresses(withoutRandomProvider(stack.json)).sort(),
    summary,
    errors,
    result,
  };
}
