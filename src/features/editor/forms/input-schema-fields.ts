/**
 * The segment's `input_schema` as a list of fields, for the form builder, and back.
 *
 * The builder edits `{type: "object", properties, required}` whose properties each have a
 * simple `type`, a `title`, a `description`, a `default` and (strings) an `enum`. Anything
 * else on a property (`items`, `format`, `minLength`, …) is kept as is in `extra` and written
 * back untouched, so the builder never loses what the JSON tab added. Schemas the builder
 * cannot represent at all (root not an object schema, `$ref`, type unions, …) are refused
 * with a reason, and the inspector opens the JSON tab instead.
 */
import { isRecord, type JsonObject } from "./json-schema-node";

export const INPUT_FIELD_TYPES = ["string", "number", "integer", "boolean", "object", "array"] as const;
export type InputFieldType = (typeof INPUT_FIELD_TYPES)[number];

export type InputField = {
  name: string;
  type: InputFieldType;
  required: boolean;
  /** Label shown to whoever starts a run; "" = none. */
  title: string;
  description: string;
  /** The `default`, when set (any JSON value of the field's type). */
  default?: unknown;
  /** Allowed values of a string field; empty = any string. */
  enumValues: string[];
  /** Other keywords of the property, written back unchanged. */
  extra: JsonObject;
};

export type ReadInputSchema = { ok: true; fields: InputField[] } | { ok: false; reason: string };

/** Root keywords the builder leaves alone (kept on write). */
const ROOT_KEPT = new Set(["$schema", "$id", "title", "description", "additionalProperties", "examples"]);
/** Property keywords the builder edits. */
const EDITED = new Set(["type", "title", "description", "default", "enum"]);
/** Property keywords that would change the meaning beyond what the builder shows. */
const UNSUPPORTED = new Set(["$ref", "anyOf", "oneOf", "allOf", "not", "if", "then", "else", "const"]);

const isFieldType = (value: unknown): value is InputFieldType =>
  typeof value === "string" && (INPUT_FIELD_TYPES as readonly string[]).includes(value);

export function readInputSchema(schema: JsonObject | undefined): ReadInputSchema {
  if (schema === undefined) return { ok: true, fields: [] };
  if (schema.type !== "object") return { ok: false, reason: 'The schema is not {"type": "object", …}.' };
  const unknownRoot = Object.keys(schema).find((k) => k !== "type" && k !== "properties" && k !== "required" && !ROOT_KEPT.has(k));
  if (unknownRoot !== undefined) return { ok: false, reason: `The schema uses "${unknownRoot}", which the builder cannot show.` };
  if (schema.properties !== undefined && !isRecord(schema.properties)) return { ok: false, reason: '"properties" is not an object.' };
  const required = schema.required ?? [];
  if (!Array.isArray(required) || !required.every((r) => typeof r === "string")) {
    return { ok: false, reason: '"required" is not a list of field names.' };
  }
  const fields: InputField[] = [];
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    if (!isRecord(raw)) return { ok: false, reason: `Field "${name}" is not a schema object.` };
    if (!isFieldType(raw.type)) {
      return { ok: false, reason: `Field "${name}" has no single simple type (string, number, integer, boolean, object or array).` };
    }
    const blocked = Object.keys(raw).find((k) => UNSUPPORTED.has(k));
    if (blocked !== undefined) return { ok: false, reason: `Field "${name}" uses "${blocked}", which the builder cannot show.` };
    for (const key of ["title", "description"] as const) {
      if (raw[key] !== undefined && typeof raw[key] !== "string") {
        return { ok: false, reason: `Field "${name}" has a ${key} that is not text.` };
      }
    }
    let enumValues: string[] = [];
    if (raw.enum !== undefined) {
      if (raw.type !== "string" || !Array.isArray(raw.enum) || !raw.enum.every((v) => typeof v === "string")) {
        return { ok: false, reason: `Field "${name}" has an enum the builder cannot show (only lists of strings).` };
      }
      enumValues = [...raw.enum];
    }
    const extra: JsonObject = {};
    for (const [key, value] of Object.entries(raw)) if (!EDITED.has(key)) extra[key] = value;
    const field: InputField = {
      name,
      type: raw.type,
      required: required.includes(name),
      title: (raw.title as string | undefined) ?? "",
      description: (raw.description as string | undefined) ?? "",
      enumValues,
      extra,
    };
    if ("default" in raw) field.default = raw.default;
    fields.push(field);
  }
  return { ok: true, fields };
}

/**
 * The JSON Schema for `fields`, keeping the root keywords of `previous` the builder does not
 * edit. No fields and nothing kept → undefined (the segment takes any input).
 */
export function writeInputSchema(fields: readonly InputField[], previous?: JsonObject): JsonObject | undefined {
  const kept: JsonObject = {};
  for (const [key, value] of Object.entries(previous ?? {})) if (ROOT_KEPT.has(key)) kept[key] = value;
  if (fields.length === 0 && Object.keys(kept).length === 0 && (previous === undefined || previous.properties === undefined)) {
    return undefined;
  }
  const properties: JsonObject = {};
  for (const field of fields) {
    const property: JsonObject = { type: field.type };
    if (field.title.trim() !== "") property.title = field.title;
    if (field.description.trim() !== "") property.description = field.description;
    if (field.type === "string" && field.enumValues.length > 0) property.enum = [...field.enumValues];
    if (field.default !== undefined) property.default = field.default;
    Object.assign(property, field.extra);
    properties[field.name] = property;
  }
  const required = fields.filter((f) => f.required).map((f) => f.name);
  const schema: JsonObject = { ...kept, type: "object", properties };
  if (required.length > 0) schema.required = required;
  return schema;
}

/** A new field with a name not taken yet (`field_1`, `field_2`, …). */
export function newInputField(taken: readonly InputField[]): InputField {
  const names = new Set(taken.map((f) => f.name));
  let n = taken.length + 1;
  while (names.has(`field_${n}`)) n++;
  return { name: `field_${n}`, type: "string", required: false, title: "", description: "", enumValues: [], extra: {} };
}

/** The field with its type changed: keywords of the old type and a default of the wrong type go. */
export function withType(field: InputField, type: InputFieldType): InputField {
  if (field.type === type) return field;
  const next: InputField = { ...field, type, enumValues: type === "string" ? field.enumValues : [], extra: keepAcrossTypes(field.extra) };
  if (next.default !== undefined && !defaultMatches(type, next.default)) delete next.default;
  return next;
}

/** Annotations (`examples`, `$comment`) survive a type change; type-specific keywords do not. */
function keepAcrossTypes(extra: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of ["examples", "$comment"]) if (key in extra) out[key] = extra[key];
  return out;
}

export function defaultMatches(type: InputFieldType, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "object":
      return isRecord(value);
    case "array":
      return Array.isArray(value);
  }
}

/** Why the fields cannot be written yet (per field index), e.g. an empty or repeated name. */
export function inputFieldProblems(fields: readonly InputField[]): Map<number, string> {
  const problems = new Map<number, string>();
  const seen = new Map<string, number>();
  fields.forEach((field, index) => {
    const name = field.name.trim();
    if (name === "") problems.set(index, "Give the field a name.");
    else if (seen.has(name)) problems.set(index, `Another field is already called "${name}".`);
    else seen.set(name, index);
    if (field.type === "string" && new Set(field.enumValues).size !== field.enumValues.length) {
      problems.set(index, "The allowed values repeat a value.");
    }
  });
  return problems;
}
