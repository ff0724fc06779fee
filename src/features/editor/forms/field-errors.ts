/**
 * Validator problems → messages under form fields. A problem's `path` (`steps[2].config.
 * generator.llm_ref`) names the field; a problem deeper than any rendered field (a header
 * inside the headers JSON) sits on the field that holds it; a problem with no field (an
 * unknown config key, the config as a whole) is "unplaced" and shown above the form.
 */
import type { ErrorSchema } from "@rjsf/utils";
import type { Problem } from "@/shared/validation";
import { isFieldGroup, propertiesOf, type JsonObject } from "./json-schema-node";

export type PathKey = string | number;

const TOKEN = /^(?:\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;

/** Inverse of the validator's formatPath: `steps[2].config["a b"]` → ["steps", 2, "config", "a b"]. */
export function parseProblemPath(path: string): PathKey[] {
  const keys: PathKey[] = [];
  let rest = path;
  while (rest !== "") {
    const match = TOKEN.exec(rest);
    if (!match) return keys; // not ours: keep what was understood
    if (match[1] !== undefined) keys.push(match[1]);
    else if (match[2] !== undefined) keys.push(Number(match[2]));
    else keys.push(JSON.parse(match[3]!) as string);
    rest = rest.slice(match[0].length);
  }
  return keys;
}

/** The part of a step problem's path after `steps[i].<field>`, or undefined when it is elsewhere. */
export function stepFieldPath(problem: Pick<Problem, "path">, field: string): PathKey[] | undefined {
  if (problem.path === undefined) return undefined;
  const keys = parseProblemPath(problem.path);
  if (keys[0] !== "steps" || typeof keys[1] !== "number" || keys[2] !== field) return undefined;
  return keys.slice(3);
}

/** The message without its `Step "x": ` lead-in (the inspector already shows which step). */
export function fieldMessage(problem: Pick<Problem, "message" | "step_id">): string {
  const message = problem.message.replace(/^Step "(?:[^"\\]|\\.)*": /, "");
  // Capitalise a plain first word ("must …"), never a field key ("max_attempts", "generator.llm_ref").
  return /^[a-z]+(?=[\s,:]|$)/.test(message) ? message[0]!.toUpperCase() + message.slice(1) : message;
}

/** Where in `schema` the value at `path` is rendered: the longest prefix that is a field. */
export function fieldPathFor(schema: JsonObject, path: readonly PathKey[]): PathKey[] {
  const placed: PathKey[] = [];
  let node: JsonObject = schema;
  for (const key of path) {
    if (typeof key !== "string" || !isFieldGroup(node)) break;
    const next = propertiesOf(node)?.[key];
    if (next === undefined) break;
    placed.push(key);
    node = next;
  }
  return placed;
}

/** rjsf error lists are plain strings: warnings carry this mark so the templates can colour them. */
export const WARNING_MARK = "\u26a0\ufe0e ";

/** Splits messages from an rjsf error list into errors and (unmarked) warnings. */
export function splitMessages(raw: readonly string[] | undefined): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const message of raw ?? []) {
    if (message.startsWith(WARNING_MARK)) warnings.push(message.slice(WARNING_MARK.length));
    else errors.push(message);
  }
  return { errors, warnings };
}

const marked = (problem: Problem): string => (problem.severity === "warning" ? WARNING_MARK : "") + fieldMessage(problem);

export type PlacedErrors = { errorSchema: ErrorSchema; unplaced: string[] };

/**
 * rjsf `extraErrors` for the config form from problems located under `steps[i].config`.
 * Duplicate messages on one field are shown once.
 */
export function configErrorSchema(problems: readonly Problem[], schema: JsonObject): PlacedErrors {
  const errorSchema: ErrorSchema = {};
  const unplaced: string[] = [];
  for (const problem of problems) {
    const path = stepFieldPath(problem, "config");
    if (path === undefined) continue;
    const message = marked(problem);
    const at = fieldPathFor(schema, path);
    if (at.length === 0) {
      if (!unplaced.includes(message)) unplaced.push(message);
      continue;
    }
    addError(errorSchema, at, message);
  }
  return { errorSchema, unplaced };
}

function addError(errorSchema: ErrorSchema, path: readonly PathKey[], message: string): void {
  let node = errorSchema as Record<string, unknown>;
  for (const key of path) {
    const next = (node[String(key)] ??= {}) as Record<string, unknown>;
    node = next;
  }
  const list = (node.__errors ??= []) as string[];
  if (!list.includes(message)) list.push(message);
}

/** Messages of a step's problems at `steps[i].<field>` (and below), for non-form inputs. */
export function stepFieldMessages(problems: readonly Problem[], field: string): string[] {
  const out: string[] = [];
  for (const problem of problems) {
    if (stepFieldPath(problem, field) === undefined) continue;
    const message = fieldMessage(problem);
    if (!out.includes(message)) out.push(message);
  }
  return out;
}
