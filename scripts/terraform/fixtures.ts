import { randomUUID } from "node:crypto";
import type { TerraformJson } from "./stack-json";

/** A Terraform type in the JSON form `providers schema -json` and state files use (`"string"`, `["list","string"]`). */
export type TerraformType = string | [string, unknown];

/** Attribute type of `<resource type>.<attribute>` (data sources as `data.<type>`), from the provider schema. */
export type AttributeTypes = (resourceType: string, attribute: string) => TerraformType | undefined;

/** Reads attribute types out of `terraform providers schema -json`. */
export function attributeTypesFromSchema(schemaJson: string): AttributeTypes {
  const schema = JSON.parse(schemaJson) as {
    provider_schemas?: Record<
      string,
      {
        resource_schemas?: Record<string, { block: { attributes?: Record<string, { type?: TerraformType }> } }>;
        data_source_schemas?: Record<string, { block: { attributes?: Record<string, { type?: TerraformType }> } }>;
      }
    >;
  };
  const types = new Map<string, TerraformType>();
  for (const provider of Object.values(schema.provider_schemas ?? {})) {
    for (const [prefix, blocks] of [
      ["", provider.resource_schemas],
      ["data.", provider.data_source_schemas],
    ] as const) {
      for (const [type, { block }] of Object.entries(blocks ?? {})) {
        for (const [attribute, spec] of Object.entries(block.attributes ?? {})) {
          if (spec.type !== undefined) types.set(`${prefix}${type}.${attribute}`, spec.type);
        }
      }
    }
  }
  return (resourceType, attribute) => types.get(`${resourceType}.${attribute}`);
}

/** Where fixture ARNs pretend to live. */
export interface FixtureContext {
  readonly region: string;
  readonly accountId: string;
}

export interface FixtureOutput {
  readonly value: unknown;
  readonly type: TerraformType;
  readonly sensitive?: boolean;
}

/** ARN service names that differ from the resource type's first word. */
const ARN_SERVICE: Record<string, string> = { db: "rds", lb: "elasticloadbalancing", alb: "elasticloadbalancing", cognito: "cognito-idp" };
const GLOBAL_ARN_SERVICES = new Set(["s3", "iam", "cloudfront", "route53", "waf"]);

const SIMPLE_REFERENCE = /^\$\{(data\.)?([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}$/;

/**
 * Stand-in values for the outputs `names` of an upstream stack, typed like the attributes they export (from the
 * provider schema) so that downstream plans accept them: strings that look like ARNs where ARNs are expected,
 * numbers for numbers, lists for lists. Fails if the upstream does not export a name.
 */
export function fixtureOutputs(
  upstream: { id: string; json: TerraformJson },
  names: readonly string[],
  types: AttributeTypes,
  context: FixtureContext,
): Record<string, FixtureOutput> {
  return Object.fromEntries(
    names.map((name) => {
      const output = upstream.json.output?.[name];
      if (!output) throw new Error(`${upstream.id} has no output "${name}", but a downstream stack reads it`);
      const fixture = fixtureFor(output.value, name, types, context);
      return [name, { ...fixture, ...(output.sensitive ? { sensitive: true } : {}) }];
    }),
  );
}

function fixtureFor(expression: unknown, name: string, types: AttributeTypes, context: FixtureContext): { value: unknown; type: TerraformType } {
  if (Array.isArray(expression)) {
    const items = expression.map((item, i) => fixtureFor(item, `${name}-${i}`, types, context));
    return { value: items.map((i) => i.value), type: ["tuple", items.map((i) => i.type)] };
  }
  if (typeof expression === "number") return { value: expression, type: "number" };
  if (typeof expression === "boolean") return { value: expression, type: "bool" };
  if (typeof expression !== "string") return { value: `fixture-${name}`, type: "string" };
  if (!expression.includes("${")) return { value: expression, type: "string" };
  const reference = SIMPLE_REFERENCE.exec(expression);
  if (!reference) return { value: `fixture-${name}`, type: "string" };
  const [, dataPrefix = "", resourceType, resourceName, attribute] = reference;
  const type = types(`${dataPrefix}${resourceType}`, attribute) ?? "string";
  return { value: fixtureValue(type, { resourceType, resourceName, attribute }, context), type };
}

function fixtureValue(
  type: TerraformType,
  hint: { resourceType: string; resourceName: string; attribute: string },
  context: FixtureContext,
): unknown {
  if (Array.isArray(type)) {
    const [kind, inner] = type;
    if (kind === "list" || kind === "set") return [fixtureValue(inner as TerraformType, hint, context)];
    if (kind === "map") return {};
    if (kind === "object") {
      return Object.fromEntries(
        Object.entries(inner as Record<string, TerraformType>).map(([k, t]) => [k, fixtureValue(t, { ...hint, attribute: k }, context)]),
      );
    }
    return [];
  }
  if (type === "number") return 1;
  if (type === "bool") return false;
  const { resourceType, resourceName, attribute } = hint;
  if (attribute === "arn" || attribute.endsWith("_arn")) {
    const word = resourceType.replace(/^aws_/, "").split("_")[0];
    const service = ARN_SERVICE[word] ?? word;
    if (GLOBAL_ARN_SERVICES.has(service)) return `arn:aws:${service}:::fixture-${resourceName.replace(/_/g, "-")}`;
    const resource = service === "kms" ? `key/${randomUUID()}` : `${resourceType.replace(/^aws_/, "")}/fixture-${resourceName.replace(/_/g, "-")}`;
    return `arn:aws:${service}:${context.region}:${context.accountId}:${resource}`;
  }
  return `fixture-${resourceName.replace(/_/g, "-")}-${attribute.replace(/_/g, "-")}`;
}

/** A minimal state file (format 4) that holds only outputs, as `terraform state push` accepts it. */
export function fixtureState(outputs: Record<string, FixtureOutput>, terraformVersion: string): string {
  return JSON.stringify({
    version: 4,
    terraform_version: terraformVersion,
    serial: 1,
    lineage: randomUUID(),
    outputs,
    resources: [],
    check_results: null,
  });
}
