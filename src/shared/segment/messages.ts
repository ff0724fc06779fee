/**
 * Human-readable text for contract problems (a user reads these in the browser).
 * `issueMessage` is a zod error map: it words the generic issues; messages written into
 * the schema itself (id formats, version) take precedence over it.
 */
import type { z } from "zod";

type Path = readonly PropertyKey[];

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `["steps", 2, "step_id"]` → `steps[2].step_id`; odd keys are quoted: `metadata["a b"]`. */
export function formatPath(path: Path): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = String(segment);
      if (IDENTIFIER.test(key)) out += out === "" ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

/** The name a message uses for the value at `path`: its key, or the whole path for array items. */
export function fieldLabel(path: Path): string {
  const last = path[path.length - 1];
  if (last === undefined) return "the segment document";
  if (typeof last === "string") return last;
  return formatPath(path);
}

/** "a string", "an array", "null", … for "got …" parts of messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return value.length > 40 ? "a string" : `the string ${JSON.stringify(value)}`;
    case "number":
      return `the number ${value}`;
    case "boolean":
      return `${value}`;
    case "object":
      return "an object";
    default:
      return `a ${typeof value}`;
  }
}

const EXPECTED: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  array: "an array",
  object: "an object",
  record: "an object",
};

const quoteList = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join(", ");

/** Error map for `segmentSchema.safeParse(doc, { error: issueMessage })`. */
export const issueMessage: z.core.$ZodErrorMap = (issue) => {
  const path = issue.path ?? [];
  const field = fieldLabel(path);
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return `${field} is required`;
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return `${field} must be ${expected}, got ${describeValue(issue.input)}`;
    }
    case "too_small": {
      const min = String(issue.minimum);
      if (issue.origin === "string") return `${field} must be at least ${min} characters long`;
      if (issue.origin === "array") return `${field} must have at least ${min} items`;
      return issue.inclusive ? `${field} must be at least ${min}` : `${field} must be greater than ${min}`;
    }
    case "too_big": {
      const max = String(issue.maximum);
      if (issue.origin === "string") return `${field} must be at most ${max} characters long`;
      if (issue.origin === "array") return `${field} must have at most ${max} items`;
      return issue.inclusive ? `${field} must be at most ${max}` : `${field} must be less than ${max}`;
    }
    case "invalid_value":
      return `${field} must be one of ${quoteList(issue.values)}, got ${describeValue(issue.input)}`;
    case "invalid_format":
      return `${field} has an invalid format`;
    case "unrecognized_keys":
      return issue.keys.map((key) => `unknown key ${JSON.stringify(key)}`).join("; ");
    default:
      return undefined; // zod's own wording
  }
};
