/**
 * "Edit & approve": the approval's `form` JSON Schema as an rjsf form in the editor's theme (the
 * same builder the run input dialog uses: draft 2020-12, as the engine validates the decision),
 * the data it opens with, and its problems before anything is sent.
 */
import type { ErrorSchema, UiSchema } from "@rjsf/utils";
import { runForm, runInputProblems, runInputValidator, type RunForm } from "@/features/editor/components/run/run-input-schema";
import { isRecord, propertiesOf, type JsonObject } from "@/features/editor/forms/json-schema-node";
import { pruneUndefined } from "@/features/editor/forms/json-value";

export type ApprovalForm =
  /** An object schema with fields: a generated form. */
  | { kind: "fields"; form: RunForm }
  /** Any other schema (a string, a list, a bare object): a JSON editor checked against it. */
  | { kind: "json"; schema: JsonObject };

const cache = new WeakMap<object, ApprovalForm>();

/** How the data can be edited; null when the step allows no edits (no `form`). */
export function approvalForm(schema: Record<string, unknown> | null): ApprovalForm | null {
  if (!schema) return null;
  const hit = cache.get(schema);
  if (hit) return hit;
  const form = runForm(schema);
  const built: ApprovalForm = form ? { kind: "fields", form } : { kind: "json", schema: withoutMetaSchema(schema) };
  cache.set(schema, built);
  return built;
}

function withoutMetaSchema(schema: JsonObject): JsonObject {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
}

/** The data the editor opens with: the reviewed data (an object form needs an object). */
export function initialEditData(form: ApprovalForm, data: unknown): unknown {
  if (form.kind === "fields") return isRecord(data) ? pruneUndefined(data) : {};
  return data;
}

export type EditProblems = { errorSchema: ErrorSchema; messages: string[] };

/** Every problem of `data` for the form, as field errors and lines (empty: valid). */
export function editProblems(form: ApprovalForm, data: unknown): EditProblems {
  if (form.kind === "fields") {
    const found = runInputProblems(form.form, data);
    return { errorSchema: mapErrors(found.errorSchema), messages: found.messages.map(plainer) };
  }
  const { errors } = runInputValidator.validateFormData(data, form.schema);
  const messages = errors.map((e) => plainer(`${e.property && e.property !== "." ? `${e.property.replace(/^\./, "")}: ` : ""}${e.message ?? "is invalid"}`));
  return { errorSchema: {}, messages: [...new Set(messages)] };
}

const PLAINER: [RegExp, string][] = [
  [/must NOT have fewer than (\d+) characters?/i, "must be at least $1 characters"],
  [/must NOT have more than (\d+) characters?/i, "must be at most $1 characters"],
  [/must NOT have fewer than (\d+) items?/i, "must have at least $1 items"],
  [/must NOT have more than (\d+) items?/i, "must have at most $1 items"],
  [/must be >= (-?[\d.]+)/i, "must be at least $1"],
  [/must be <= (-?[\d.]+)/i, "must be at most $1"],
  [/must be > (-?[\d.]+)/i, "must be more than $1"],
  [/must be < (-?[\d.]+)/i, "must be less than $1"],
];

/** ajv's wording, for people: "Must NOT have fewer than 5 characters" → "Must be at least 5 characters". */
export function plainer(message: string): string {
  for (const [pattern, replacement] of PLAINER) {
    if (pattern.test(message)) {
      const out = message.replace(pattern, replacement).replace(/\b1 (item|character)s\b/, "1 $1");
      // Keep the capital a message started with ("Must be …" under a field).
      return /^[A-Z]/.test(message) && /^[a-z]/.test(out) ? out[0]!.toUpperCase() + out.slice(1) : out;
    }
  }
  return message;
}

function mapErrors(node: ErrorSchema): ErrorSchema {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    out[key] = key === "__errors" && Array.isArray(value) ? value.map((m) => (typeof m === "string" ? plainer(m) : m)) : isRecord(value) ? mapErrors(value as ErrorSchema) : value;
  }
  return out as ErrorSchema;
}

/** Text this long (or with a line break) is edited in a text area, not a one-line box. */
const LONG_TEXT = 80;

/**
 * The generated form, tuned for reviewing data: required fields first (the stored schema's
 * property order is not kept by the database, `required` is an array and keeps its order),
 * long text in text areas sized to it, short string lists as one-line inputs.
 */
export function reviewForm(form: RunForm, data: unknown): RunForm {
  const uiSchema = structuredClone(form.uiSchema);
  tuneGroup(uiSchema, form.schema as JsonObject, data);
  return { schema: form.schema, uiSchema };
}

/** Keys of an object schema, required ones first in `required` order (the form's field order). */
export function fieldOrder(schema: JsonObject | null | undefined): string[] | undefined {
  if (!schema) return undefined;
  const properties = propertiesOf(schema);
  if (!properties) return undefined;
  const required = Array.isArray(schema.required) ? schema.required.filter((k): k is string => typeof k === "string" && k in properties) : [];
  return [...new Set([...required, ...Object.keys(properties)])];
}

function tuneGroup(ui: UiSchema, schema: JsonObject, data: unknown): void {
  const order = fieldOrder(schema);
  if (order) ui["ui:order"] = [...order, "*"];
  const values = isRecord(data) ? data : {};
  for (const [key, prop] of Object.entries(propertiesOf(schema) ?? {})) {
    const entry = ui[key] as UiSchema | undefined;
    if (!entry) continue;
    const options = (entry["ui:options"] ?? {}) as Record<string, unknown>;
    const value = values[key];
    if (options.kind === "group") tuneGroup(entry, prop, value);
    else if (options.kind === "text" && prop.format === undefined && typeof value === "string" && (value.length > LONG_TEXT || value.includes("\n"))) {
      entry["ui:widget"] = "textarea";
      entry["ui:options"] = { ...options, kind: "textarea", rows: Math.min(10, Math.max(3, Math.ceil(value.length / 60) + value.split("\n").length - 1)) };
    } else if (options.kind === "list" && (!Array.isArray(value) || value.every((item) => typeof item !== "string" || (item.length <= LONG_TEXT && !item.includes("\n"))))) {
      // Tags, names, ids: one line each.
      entry.items = { "ui:emptyValue": "", "ui:options": { kind: "text" } };
    }
  }
}
