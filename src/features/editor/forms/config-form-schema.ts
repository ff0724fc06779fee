/**
 * The form of a step type's config: the catalog's JSON Schema (never restated here) made
 * ready for rjsf, plus a uiSchema that picks a widget per field.
 *
 * - Defaults are taken out of the schema: rjsf would otherwise write every default into the
 *   step's config on the first edit. They become placeholders ("0.7") and `defaultValue`
 *   options, so an empty field reads as "the default applies".
 * - A root `oneOf`/`anyOf` of bare `required` lists (delay: seconds XOR until) is dropped:
 *   rjsf would show an option picker; the validator's message says which to set instead.
 * - The catalog's `expression_fields` decide the code editors: JSONata fields get an
 *   expression editor, template strings a template editor, template objects (headers,
 *   body) and free-form objects (form, output_schema) a JSON editor.
 * - A `segment_id` field names another segment (subsegment, map): a picker over the saved
 *   segments. The contract calls a segment's id `segment_id` everywhere, so the name says it.
 */
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { configJsonSchema, type ExpressionFields, type StepTypeMetadata } from "@/shared/catalog";
import { fieldTitle, isRecord, propertiesOf, type JsonObject } from "./json-schema-node";

export type FieldKind =
  | "text"
  | "textarea"
  | "jsonata"
  | "template"
  | "json"
  | "group"
  | "list"
  | "number"
  | "choice"
  | "switch"
  | "segment";

export type ConfigFormSchema = { schema: RJSFSchema; uiSchema: UiSchema };

/** Options our widgets and templates read from `ui:options`. */
export type FieldOptions = {
  kind: FieldKind;
  /** The schema default, applied when the field is empty. */
  defaultValue?: string | number | boolean | object | null;
  /** Two such fields in a row share a line. */
  half?: boolean;
  /** Expression editors: one line (url) or several (prompts, expressions). */
  multiline?: boolean;
  /** JSON editor: the value must be an object (`form`, `headers`), or may be any JSON (`body`). */
  expect?: "object" | "any";
  /** JSON editor: strings inside the value are templates. */
  templates?: boolean;
  rows?: number;
};

/** The config key that names another segment (subsegment and map steps). */
const SEGMENT_REFERENCE = "segment_id";

/** Field names that hold prose worth a tall editor. */
const LONG_TEXT = /prompt|template|instructions/i;

const ROOT_UI: UiSchema = { "ui:submitButtonOptions": { norender: true } };

const cache = new WeakMap<object, ConfigFormSchema>();

export function configFormSchema(meta: Pick<StepTypeMetadata, "config_schema" | "expression_fields">): ConfigFormSchema {
  const cached = cache.get(meta);
  if (cached) return cached;
  const built = buildConfigFormSchema(configJsonSchema(meta.config_schema) as JsonObject, meta.expression_fields);
  cache.set(meta, built);
  return built;
}

/** Pure: the rjsf schema and uiSchema for a config JSON Schema (exported for tests). */
export function buildConfigFormSchema(jsonSchema: JsonObject, fields: ExpressionFields): ConfigFormSchema {
  const schema = structuredClone(jsonSchema);
  delete schema.$schema;
  // The root description restates the type ("Configuration of a … step"): the inspector says it better.
  delete schema.description;
  for (const key of ["oneOf", "anyOf"] as const) {
    if (Array.isArray(schema[key]) && schema[key].every(isBareRequired)) delete schema[key];
  }
  const uiSchema: UiSchema = { ...ROOT_UI, ...groupUi(schema, [], fields) };
  return { schema: schema as RJSFSchema, uiSchema };
}

function isBareRequired(member: unknown): boolean {
  return isRecord(member) && Object.keys(member).every((k) => k === "required");
}

/** uiSchema of an object's properties; mutates the nodes (defaults out). */
function groupUi(node: JsonObject, path: readonly string[], fields: ExpressionFields): UiSchema {
  const ui: UiSchema = {};
  for (const [key, prop] of Object.entries(propertiesOf(node) ?? {})) {
    const dotted = [...path, key].join(".");
    const kind = fieldKind(prop, key, dotted, fields);
    const options: FieldOptions = { kind };
    const entry: UiSchema = { "ui:title": fieldTitle(key) };
    if ("default" in prop) {
      options.defaultValue = prop.default as FieldOptions["defaultValue"];
      const shown = placeholderOf(prop.default);
      if (shown !== undefined) entry["ui:placeholder"] = shown;
      delete prop.default;
    }
    switch (kind) {
      case "group":
        Object.assign(entry, groupUi(prop, [...path, key], fields));
        break;
      case "jsonata":
        entry["ui:widget"] = "expression";
        options.multiline = true;
        break;
      case "template":
        entry["ui:widget"] = "expression";
        options.multiline = LONG_TEXT.test(key);
        break;
      case "json":
        entry["ui:field"] = "json";
        options.expect = prop.type === "object" ? "object" : "any";
        options.templates = fields.templates.includes(dotted);
        break;
      case "textarea":
        entry["ui:widget"] = "textarea";
        options.rows = 3;
        break;
      case "list":
        entry.items = { "ui:widget": "textarea", "ui:emptyValue": "", "ui:options": { ...({ kind: "textarea", rows: 2 } satisfies FieldOptions) } };
        break;
      case "number":
      case "choice":
        options.half = true;
        break;
      case "text":
        if (prop.format === "date-time") {
          // A plain text box: the value must carry its time zone, which datetime-local drops.
          entry["ui:widget"] = "text";
          entry["ui:placeholder"] = "2030-01-31T09:00:00Z";
        }
        break;
      case "segment":
        entry["ui:widget"] = "segment";
        break;
      case "switch":
        break;
    }
    entry["ui:options"] = { ...options };
    ui[key] = entry;
  }
  return ui;
}

export function fieldKind(prop: JsonObject, key: string, dotted: string, fields: ExpressionFields): FieldKind {
  const type = prop.type;
  if (fields.jsonata.includes(dotted) && type === "string") return "jsonata";
  if (fields.templates.includes(dotted)) return type === "string" ? "template" : "json";
  if (key === SEGMENT_REFERENCE && type === "string") return "segment";
  if (Array.isArray(prop.enum)) return "choice";
  if (type === "object") return propertiesOf(prop) ? "group" : "json";
  if (type === "boolean") return "switch";
  if (type === "number" || type === "integer") return "number";
  if (type === "array") return isRecord(prop.items) && prop.items.type === "string" ? "list" : "json";
  if (type === "string") return LONG_TEXT.test(key) ? "textarea" : "text";
  return "json";
}

function placeholderOf(value: unknown): string | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** The options our templates put in `ui:options` (rjsf hands them back untyped). */
export function fieldOptions(uiSchema: UiSchema | undefined): Partial<FieldOptions> {
  const options = uiSchema?.["ui:options"];
  return isRecord(options) ? (options as Partial<FieldOptions>) : {};
}
