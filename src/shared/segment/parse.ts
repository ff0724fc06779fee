/**
 * parseSegment: a segment document in, either the typed segment (defaults applied) or
 * EVERY contract problem found, each with a JSON-path-like location and a readable message.
 * Only the shape is checked here; references (entrypoint, edge ends, step types, config)
 * are the validator's job.
 */
import { z } from "zod";
import { fieldLabel, formatPath, issueMessage } from "./messages";
import { segmentSchema, type Segment } from "./schema";
import { suggestKey } from "./suggest";

/** Problem codes produced by parseSegment. */
export type ContractProblemCode = "unknown_key" | "invalid_value" | "missing_field";

export interface ContractProblem {
  /** `unknown_key`, `invalid_value` or `missing_field` (later validators add their own codes). */
  code: string;
  /** Human-readable, shown to users as is. */
  message: string;
  /** Where: `steps[2].step_id`, `edges[0].from_step`; `""` is the document itself. */
  path: string;
  /** The step the problem is in, when it is inside `steps[i]` and that step has a string step_id. */
  step_id?: string;
}

export type ParseSegmentResult = { ok: true; segment: Segment } | { ok: false; problems: ContractProblem[] };

type Path = readonly PropertyKey[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Follows `path` through the document; `present` is false when a key along it is absent. */
function lookup(doc: unknown, path: Path): { present: boolean; value: unknown } {
  let value: unknown = doc;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === "number" && segment < value.length) value = value[segment];
    else if (isRecord(value) && typeof segment === "string" && Object.hasOwn(value, segment)) value = value[segment];
    else return { present: false, value: undefined };
  }
  return { present: value !== undefined, value };
}

function stepIdAt(doc: unknown, path: Path): string | undefined {
  if (path[0] !== "steps" || typeof path[1] !== "number") return undefined;
  const step = lookup(doc, path.slice(0, 2)).value;
  const id = isRecord(step) ? step.step_id : undefined;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/** Keys a strict object at `path` accepts, found by walking the schema itself. */
function allowedKeysAt(path: Path): string[] {
  let schema: z.ZodType = segmentSchema;
  for (const segment of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject && typeof segment === "string") {
      const next = (schema.shape as Record<string, z.ZodType | undefined>)[segment];
      if (!next) return [];
      schema = next;
    } else if (schema instanceof z.ZodArray && typeof segment === "number") {
      schema = schema.element as z.ZodType;
    } else return [];
  }
  schema = unwrap(schema);
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}

/** Where custom data goes instead, for objects whose extras have a home. */
function extrasHint(objectPath: Path): string {
  if (objectPath.length === 0) return ' (custom data belongs in "metadata")';
  if (objectPath.length === 2 && objectPath[0] === "steps") return ' (step settings belong in "config")';
  return "";
}

function unknownKeyProblems(doc: unknown, objectPath: Path, keys: readonly string[]): ContractProblem[] {
  const allowed = allowedKeysAt(objectPath);
  const stepId = stepIdAt(doc, objectPath);
  const where = objectPath.length === 0 ? "" : ` in ${formatPath(objectPath)}`;
  return keys.map((key) => {
    const suggestion = suggestKey(key, allowed);
    const message = suggestion
      ? `unknown key ${JSON.stringify(key)} — did you mean ${JSON.stringify(suggestion)}?`
      : `unknown key ${JSON.stringify(key)}${where}${extrasHint(objectPath)}`;
    return withStepId({ code: "unknown_key", message, path: formatPath([...objectPath, key]) }, stepId);
  });
}

function withStepId(problem: ContractProblem, stepId: string | undefined): ContractProblem {
  return stepId === undefined ? problem : { ...problem, step_id: stepId };
}

function toProblems(doc: unknown, issue: z.core.$ZodIssue): ContractProblem[] {
  if (issue.code === "unrecognized_keys") return unknownKeyProblems(doc, issue.path, issue.keys);
  const missing = issue.code === "invalid_type" && !lookup(doc, issue.path).present && issue.path.length > 0;
  const problem: ContractProblem = missing
    ? { code: "missing_field", message: `${fieldLabel(issue.path)} is required`, path: formatPath(issue.path) }
    : { code: "invalid_value", message: issue.message, path: formatPath(issue.path) };
  return [withStepId(problem, stepIdAt(doc, issue.path))];
}

/** Parses a segment document (already JSON-decoded). Reports all problems at once. */
export function parseSegment(doc: unknown): ParseSegmentResult {
  const result = segmentSchema.safeParse(doc, { error: issueMessage });
  if (result.success) return { ok: true, segment: result.data };
  return { ok: false, problems: result.error.issues.flatMap((issue) => toProblems(doc, issue)) };
}
