import { z } from "zod";

/**
 * A record whose keys must match `pattern`. zod reports a bad record key only as "Invalid key in record"; this
 * reports it at `<record>.<key>` with `message`, like every other field.
 */
export function recordWithKeys<V extends z.ZodType>(pattern: RegExp, message: string, value: V) {
  return z.record(z.string(), value).superRefine((record, ctx) => {
    for (const key of Object.keys(record)) {
      if (!pattern.test(key)) ctx.addIssue({ code: "custom", path: [key], message });
    }
  });
}
