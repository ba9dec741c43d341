// docs/reference/configuration.md, generated from the zod schema (structure, types, defaults, constraints and their
// messages, at run time) and the doc comments beside its fields (descriptions, read from the sources). A field
// that gets `.describe()` or `.meta({ description })` in the schema shows that text instead of its comment.
import { z } from "zod";
import { environmentConfigSchema } from "../../config/schema";
import { type FieldComment, schemaComments } from "./source-comments";
import { GENERATED_NOTICE, cell, code } from "./markdown";

export const CONFIGURATION_REFERENCE = "docs/reference/configuration.md";

/** The parts of a zod 4 schema's internal definition the reference reads. */
interface Def {
  readonly type: string;
  readonly innerType?: Schema;
  readonly defaultValue?: unknown;
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly element?: Schema;
  readonly keyType?: Schema;
  readonly valueType?: Schema;
  readonly options?: readonly Schema[];
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly values?: readonly unknown[];
  readonly in?: Schema;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
}

interface CheckDef {
  readonly check: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly length?: number;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly pattern?: RegExp;
  readonly error?: (issue?: unknown) => unknown;
}

type Schema = z.core.$ZodType & { readonly _zod: { readonly def: Def } };

/** One row of the reference. */
export interface FieldDoc {
  readonly path: string;
  readonly type: string;
  /** `required`, `optional`, or the default value. */
  readonly presence: string;
  readonly constraints: readonly string[];
  readonly description: string;
  readonly file?: string;
}

/** Wrappers that do not change what a field holds. */
const WRAPPERS = new Set(["optional", "default", "prefault", "nullable", "readonly", "catch", "nonoptional"]);

export function configurationFields(root: string): FieldDoc[] {
  const comments = schemaComments(root, "config/schema.ts", "environmentConfigSchema");
  const fields = new Map<string, FieldDoc>();
  walk(environmentConfigSchema as unknown as Schema, "", { optional: false }, comments, fields);
  return [...fields.values()];
}

interface Presence {
  readonly optional: boolean;
  readonly defaultValue?: unknown;
  readonly described?: string;
}

function walk(schema: Schema, path: string, presence: Presence, comments: Map<string, FieldComment>, fields: Map<string, FieldDoc>): void {
  let current = schema;
  let { optional, defaultValue, described } = presence;
  let hasDefault = "defaultValue" in presence;
  described ??= metaDescription(current);
  while (WRAPPERS.has(current._zod.def.type) || current._zod.def.type === "pipe") {
    const def = current._zod.def;
    if (def.type === "optional") optional = true;
    if (def.type === "default" || def.type === "prefault") {
      hasDefault = true;
      defaultValue = def.defaultValue;
    }
    current = (def.type === "pipe" ? def.in : def.innerType)!;
    described ??= metaDescription(current);
  }
  const def = current._zod.def;
  // A list's element or a map's value is its field's own row (`list of object`); its fields follow.
  if (path && !path.endsWith("[]") && !path.endsWith("<name>")) {
    const comment = comments.get(path);
    const row: FieldDoc = {
      path,
      type: typeName(current),
      presence: hasDefault ? code(JSON.stringify(defaultValue)) : optional ? optionalText(comment) : "required",
      constraints: constraintsOf(current),
      description: described ?? comment?.description ?? comment?.fallback ?? "",
      file: comment?.file,
    };
    const known = fields.get(path);
    fields.set(path, known ? merge(known, row) : row);
  }
  const child: Presence = { optional: false };
  if (def.type === "object") {
    for (const [key, value] of Object.entries(def.shape!)) walk(value, path ? `${path}.${key}` : key, child, comments, fields);
  } else if (def.type === "array" && isStructured(def.element!)) {
    walk(def.element!, `${path}[]`, child, comments, fields);
  } else if (def.type === "record" && isStructured(def.valueType!)) {
    walk(def.valueType!, `${path}.<name>`, child, comments, fields);
  } else if (def.type === "union") {
    // Variants of one object (`{ enabled: false } | { enabled: true, ... }`): their fields, merged by path.
    for (const option of def.options!) if (isStructured(option)) walkFields(option, path, comments, fields);
  }
}

function walkFields(schema: Schema, path: string, comments: Map<string, FieldComment>, fields: Map<string, FieldDoc>): void {
  const def = unwrap(schema)._zod.def;
  if (def.type === "object")
    for (const [key, value] of Object.entries(def.shape!)) walk(value, `${path}.${key}`, { optional: false }, comments, fields);
}

function merge(known: FieldDoc, row: FieldDoc): FieldDoc {
  const types = [...new Set([...known.type.split(" \\| "), ...row.type.split(" \\| ")])];
  return {
    ...known,
    type: types.join(" \\| "),
    presence: known.presence === row.presence ? known.presence : `${known.presence} / ${row.presence}`,
    constraints: [...new Set([...known.constraints, ...row.constraints])],
    description: known.description || row.description,
  };
}

function optionalText(comment: FieldComment | undefined): string {
  return comment?.defaultTag ? `optional (default ${comment.defaultTag.replace(/^-\s*/, "")})` : "optional";
}

function metaDescription(schema: Schema): string | undefined {
  return (z.globalRegistry.get(schema) as { description?: string } | undefined)?.description;
}

function unwrap(schema: Schema): Schema {
  let current = schema;
  while (WRAPPERS.has(current._zod.def.type)) current = current._zod.def.innerType!;
  return current;
}

function isStructured(schema: Schema): boolean {
  const def = unwrap(schema)._zod.def;
  return def.type === "object" || (def.type === "union" && def.options!.some(isStructured));
}

function typeName(schema: Schema): string {
  const def = unwrap(schema)._zod.def;
  switch (def.type) {
    case "object":
      return "object";
    case "array":
      return `list of ${typeName(def.element!)}`;
    case "record":
      return `map of ${typeName(def.keyType!)} to ${typeName(def.valueType!)}`;
    case "enum":
      return Object.values(def.entries!)
        .map((value) => code(JSON.stringify(value)))
        .join(" \\| ");
    case "literal":
      return def.values!.map((value) => code(JSON.stringify(value))).join(" \\| ");
    case "union":
      return [...new Set(def.options!.map(typeName))].join(" \\| ");
    case "number":
      return def.checks?.some((c) => ["safeint", "int32"].includes((c._zod.def as CheckDef).format ?? "")) ? "integer" : "number";
    case "pipe":
      return typeName(def.in!);
    default:
      return def.type;
  }
}

/** Each check of the field: its own message where the schema gives one, else the bound it sets. */
function constraintsOf(schema: Schema): string[] {
  const out: string[] = [];
  const isArray = schema._zod.def.type === "array";
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def;
    const message = messageOf(def);
    if (message) out.push(message);
    else if (def.check === "min_length") out.push(isArray ? `at least ${def.minimum} items` : `at least ${def.minimum} characters`);
    else if (def.check === "max_length") out.push(isArray ? `at most ${def.maximum} items` : `at most ${def.maximum} characters`);
    else if (def.check === "length_equals") out.push(`exactly ${def.length}`);
    else if (def.check === "greater_than") out.push(`${def.inclusive ? ">=" : ">"} ${def.value}`);
    else if (def.check === "less_than") out.push(`${def.inclusive ? "<=" : "<"} ${def.value}`);
    else if (def.check === "string_format" && def.pattern) out.push(`matches ${code(String(def.pattern))}`);
    else if (def.check === "string_format" && def.format) out.push(`${def.format} format`);
  }
  if (isArray) out.push(...constraintsOf(unwrap(schema._zod.def.element!)).map((c) => `each: ${c}`));
  return [...new Set(out)];
}

function messageOf(def: CheckDef): string | undefined {
  if (typeof def.error !== "function") return undefined;
  try {
    const message = def.error();
    return typeof message === "string" ? message : (message as { message?: string } | undefined)?.message;
  } catch {
    return undefined;
  }
}

export function renderConfigurationReference(root: string): string {
  const fields = configurationFields(root);
  const top = fields.filter((field) => !field.path.includes(".") && !field.path.includes("["));
  const sections = top.filter((field) => fields.some((other) => other.path.startsWith(`${field.path}.`) || other.path.startsWith(`${field.path}[]`)));
  const scalars = top.filter((field) => !sections.includes(field));
  const lines = [
    "# Configuration reference",
    "",
    GENERATED_NOTICE("config/schema.ts and config/sections/*.ts", "the doc comment above the field"),
    "",
    "Every field of an environment's configuration (`config/blueprints/*.ts`), as",
    "`parseEnvironmentConfig()` accepts it. *Constraints* are the schema's own checks, in its words; rules across",
    "fields (subnets per zone, prod minimums, names that must fit together) run after them and are listed in each",
    "section's `*Rules` in its file. A path such as `services[].name` is a field of every list element,",
    "`<name>` a key you choose. How to use the configuration: [configuration.md](../configuration.md).",
    "",
    "Sections:",
    "",
    ...sections.map((section) => `- [\`${section.path}\`](#${section.path.toLowerCase()})${section.presence === "optional" ? " (optional)" : ""}`),
    "",
    "## Top level",
    "",
    ...table(scalars),
  ];
  for (const section of sections) {
    const members = fields.filter((field) => field.path.startsWith(`${section.path}.`) || field.path.startsWith(`${section.path}[]`));
    lines.push("", `## ${section.path}`, "");
    const where = members.map((field) => field.file).find(Boolean) ?? section.file;
    lines.push(
      `${section.description || "(no description)"} ${section.type === "object" ? "" : `(${section.type}) `}${section.presence === "required" ? "Required." : `Presence: ${section.presence}.`}${where ? ` Defined in \`${where}\`.` : ""}`,
      "",
    );
    lines.push(...table(members));
  }
  return `${lines.join("\n")}\n`;
}

function table(fields: readonly FieldDoc[]): string[] {
  return [
    "| field | type | default | constraints | description |",
    "|---|---|---|---|---|",
    ...fields.map((field) => {
      return `| ${code(field.path)} | ${field.type} | ${cell(field.presence)} | ${cell(field.constraints.join("; "))} | ${cell(field.description)} |`;
    }),
  ];
}
