/** A value the emitter writes: what JSON can hold, objects keeping their key order. */
export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

/** Words YAML 1.1 readers take for booleans or null, and anything number-like: such strings are quoted. */
const AMBIGUOUS = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\d[\d_]*)?\.?\d[\d_]*(?:e[-+]?\d+)?|0x[0-9a-f]+|\.inf|\.nan)$/i;

function scalar(value: string | number | boolean | null): string {
  if (value === null) return "null";
  if (typeof value !== "string") return String(value);
  const plain =
    value !== "" && !AMBIGUOUS.test(value) && !/^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/\s$/.test(value) && !/: |:$| #|[\n\t]/.test(value);
  return plain ? value : JSON.stringify(value);
}

function isBlockText(value: YamlValue | undefined): value is string {
  // A literal block cannot start with an indented line or keep spaces before a line break.
  return typeof value === "string" && value.includes("\n") && !/^ | \n/.test(value);
}

function emit(value: YamlValue, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return ["[]"];
    return value.flatMap((item: YamlValue) => {
      const lines = emitEntry(item, `${indent}  `);
      return [`${indent}- ${lines[0].trimStart()}`, ...lines.slice(1)];
    });
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined) as [string, YamlValue][];
    if (entries.length === 0) return ["{}"];
    return entries.flatMap(([key, item]) => {
      const name = `${indent}${scalar(key)}:`;
      if (isBlockText(item)) {
        const text = item.endsWith("\n") ? item.slice(0, -1) : item;
        return [`${name} |${item.endsWith("\n") ? "" : "-"}`, ...text.split("\n").map((line) => (line === "" ? "" : `${indent}  ${line}`))];
      }
      if (item !== null && typeof item === "object" && (Array.isArray(item) ? item.length > 0 : Object.keys(item).length > 0)) {
        // Sequences are indented under their key too, as GitHub's examples and YAML formatters write them.
        return [name, ...emit(item, `${indent}  `)];
      }
      return [`${name} ${emit(item, "")[0]}`];
    });
  }
  return [scalar(value as string | number | boolean | null)];
}

/** One sequence item: a nested mapping starts on the dash's line. */
function emitEntry(item: YamlValue, indent: string): string[] {
  if (item !== null && typeof item === "object" && !Array.isArray(item) && Object.keys(item).length > 0) return emit(item, indent);
  if (Array.isArray(item) && item.length > 0) return emit(item, indent);
  if (isBlockText(item)) return [`${indent}|-`, ...item.split("\n").map((line) => `${indent}  ${line}`)];
  return [`${indent}${emit(item, "")[0]}`];
}

/** YAML for `value` in block style: mappings in key order, multi-line strings as literal blocks. */
export function toYaml(value: YamlValue): string {
  return `${emit(value, "").join("\n")}\n`;
}
