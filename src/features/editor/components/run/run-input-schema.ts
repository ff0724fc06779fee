/**
 * The run input form: the segment's `input_schema` made ready for rjsf with the editor's form
 * theme (the widgets of the config forms), the input it starts with, and its problems.
 *
 * Unlike a step's config form, defaults stay in the schema: the engine does not apply
 * `input_schema` defaults, so a default only reaches the run if the form writes it into the
 * input, where the JSON tab shows it too.
 */
import type { ErrorSchema, RJSFSchema, UiSchema } from "@rjsf/utils";
import { getDefaultFormState } from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";
import { Ajv2020 } from "ajv/dist/2020";
import { fieldKind, type FieldOptions } from "../../forms/config-form-schema";
import { fieldTitle, isFieldGroup, isRecord, propertiesOf, type JsonObject } from "../../forms/json-schema-node";
import { pruneUndefined } from "../../forms/json-value";

/** Draft 2020-12 with formats, as the engine checks the input when the run starts. */
export const runInputValidator = customizeValidator({ AjvClass: Ajv2020 });

export type RunForm = { schema: RJSFSchema; uiSchema: UiSchema };

/** Run inputs have no expressions: every field is a plain value. */
const NO_EXPRESSIONS = { jsonata: [], templates: [] } as const;

/** Field names that hold prose: a text box of several lines, not a one-line input. */
const PROSE_KEY = /body|content|text|notes?$|comment|description|summary|message|article|markdown/i;

/**
 * A string field written as several lines: declared as such in JSON Schema terms
 * (`contentMediaType: text/…`, e.g. text/markdown), long by its `maxLength`, or named like prose.
 */
function isLongText(prop: JsonObject, key: string): boolean {
  if (prop.type !== "string" || Array.isArray(prop.enum) || typeof prop.format === "string") return false;
  if (typeof prop.contentMediaType === "string" && prop.contentMediaType.startsWith("text/")) return true;
  if (typeof prop.maxLength === "number" && prop.maxLength >= 200) return true;
  return PROSE_KEY.test(key);
}

/**
 * The form for `inputSchema`, or null when there is nothing a form can show better than the
 * JSON tab: no schema (any input is accepted), or a root that is not an object with fields.
 */
export function runForm(inputSchema: JsonObject | undefined): RunForm | null {
  if (!inputSchema || !isFieldGroup(inputSchema)) return null;
  const schema = structuredClone(inputSchema);
  // A declared draft (often draft-07) would make ajv look for its meta-schema; the keywords
  // of input schemas mean the same in 2020-12, which is what the engine validates with.
  delete schema.$schema;
  // The root title/description would render above the fields; the dialog's header says it.
  delete schema.title;
  delete schema.description;
  return { schema: schema as RJSFSchema, uiSchema: { "ui:submitButtonOptions": { norender: true }, ...groupUi(schema) } };
}

function groupUi(node: JsonObject): UiSchema {
  const ui: UiSchema = {};
  for (const [key, prop] of Object.entries(propertiesOf(node) ?? {})) {
    const kind = isLongText(prop, key) ? "textarea" : fieldKind(prop, key, key, NO_EXPRESSIONS);
    const options: FieldOptions = { kind };
    const title = typeof prop.title === "string" && prop.title.trim() !== "" ? prop.title : fieldTitle(key);
    const entry: UiSchema = { "ui:title": title };
    const example = exampleOf(prop);
    if (example !== undefined) entry["ui:placeholder"] = example;
    switch (kind) {
      case "group":
        Object.assign(entry, groupUi(prop));
        break;
      case "json":
        entry["ui:field"] = "json";
        options.expect = prop.type === "object" ? "object" : "any";
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
          entry["ui:placeholder"] ??= "2030-01-31T09:00:00Z";
        }
        break;
      default:
        break;
    }
    entry["ui:options"] = { ...options };
    ui[key] = entry;
  }
  return ui;
}

/** The schema's first example, as a placeholder ("e.g. what the field wants"). */
function exampleOf(prop: JsonObject): string | undefined {
  const first = Array.isArray(prop.examples) ? (prop.examples[0] as unknown) : undefined;
  if (typeof first === "string" && first !== "") return first;
  if (typeof first === "number") return String(first);
  return undefined;
}

/**
 * The input the dialog opens with: `previous` (the last run's input) or an empty object, with
 * the schema's defaults filled into whatever it leaves out.
 */
export function initialRunInput(form: RunForm | null, previous?: unknown): unknown {
  const base = previous === undefined ? {} : previous;
  if (!form || !isRecord(base)) return base;
  return pruneUndefined(getDefaultFormState(runInputValidator, form.schema, base) ?? base);
}

export type RunInputProblems = {
  /** Per-field messages for the form (rjsf `extraErrors`). */
  errorSchema: ErrorSchema;
  /** Every problem as a line, for the JSON tab and the summary. */
  messages: string[];
};

const NONE: RunInputProblems = { errorSchema: {}, messages: [] };

/** What is wrong with `input` for the form's schema; nothing when the segment takes any input. */
export function runInputProblems(form: RunForm | null, input: unknown): RunInputProblems {
  if (!form) return NONE;
  const { errors } = runInputValidator.validateFormData(input ?? {}, form.schema, undefined, undefined, form.uiSchema);
  if (errors.length === 0) return NONE;
  const errorSchema: ErrorSchema = {};
  const messages: string[] = [];
  for (const error of errors) {
    const keys = (error.property ?? "").split(".").filter(Boolean);
    const missing = error.name === "required";
    // Under the field itself the label is already there: "Required", "Must be >= 1".
    addError(errorSchema, keys, missing ? "Required" : capitalise(error.message ?? "Is invalid"));
    const label = titleAt(form.uiSchema, keys);
    const line = missing ? `${label ?? "A field"} is required` : label ? `${label}: ${error.message ?? "is invalid"}` : capitalise(error.message ?? "is invalid");
    if (!messages.includes(line)) messages.push(line);
  }
  return { errorSchema, messages };
}

function addError(errorSchema: ErrorSchema, keys: readonly string[], message: string): void {
  let node = errorSchema as Record<string, unknown>;
  for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
  const list = (node.__errors ??= []) as string[];
  if (!list.includes(message)) list.push(message);
}

/** The title the form shows for the field at `keys` ("Options › Depth"), or the key. */
function titleAt(uiSchema: UiSchema, keys: readonly string[]): string | undefined {
  if (keys.length === 0) return undefined;
  const names: string[] = [];
  let node: unknown = uiSchema;
  for (const key of keys) {
    node = isRecord(node) ? node[key] ?? (isRecord(node.items) ? node.items : undefined) : undefined;
    const title = isRecord(node) && typeof node["ui:title"] === "string" ? node["ui:title"] : /^\d+$/.test(key) ? `#${Number(key) + 1}` : key;
    names.push(title);
  }
  return names.join(" › ");
}

const capitalise = (text: string) => (text === "" ? text : text[0]!.toUpperCase() + text.slice(1));
