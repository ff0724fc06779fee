// Building blocks for route schemas. Query strings and path segments arrive as strings, so
// numbers and booleans are parsed from text here, once.
import { z } from "zod";

/** `?force=true` / `?force=false`; anything else is a 422 naming the allowed values. */
export const queryBoolean = z
  .enum(["true", "false"], { error: 'must be "true" or "false"' })
  .transform((value) => value === "true");

/** A positive whole number in a query string (`?revision=3`). */
export const queryPositiveInt = z.coerce.number({ error: "must be a whole number" }).int("must be a whole number").min(1, "must be at least 1");

/** `?limit=`: page size, 1 to `max`, `fallback` when absent. */
export function queryLimit(fallback: number, max: number) {
  return z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(max, `must be at most ${max}`)
    .default(fallback)
    .describe(`Items per page (1 to ${max}, default ${fallback})`);
}

/** An ISO 8601 UTC timestamp as the API writes it. */
export const isoTimestamp = z.string().describe("ISO 8601 timestamp (UTC)");
