/**
 * JSON Schema checks for approval forms, llm_agent output_schema and run input_schema (ajv,
 * draft 2020-12, formats). Compiled validators are cached per schema object.
 */
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";

const ajv = new Ajv2020({ allErrors: true, strict: false });
// ajv-formats is CommonJS: its default export arrives wrapped or not depending on the loader.
const formats = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
formats(ajv);

type Validate = ReturnType<typeof ajv.compile>;
const compiled = new WeakMap<object, Validate | string>();

function compile(schema: Record<string, unknown>): Validate | string {
  let hit = compiled.get(schema);
  if (hit === undefined) {
    // A declared $schema (often draft-07) would make ajv look for that meta-schema; the keywords
    // forms use are the same across drafts, so validate with 2020-12.
    const { $schema: _ignored, ...rest } = schema;
    try {
      hit = ajv.compile(rest);
    } catch (error) {
      hit = `invalid JSON Schema: ${error instanceof Error ? error.message : String(error)}`;
    }
    compiled.set(schema, hit);
  }
  return hit;
}

/** Every problem of `data` against `schema`, as readable lines (empty: valid). */
export function jsonSchemaProblems(schema: Record<string, unknown>, data: unknown): string[] {
  const validate = compile(schema);
  if (typeof validate === "string") return [validate];
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath === "" ? "(root)" : e.instancePath} ${e.message ?? "is invalid"}`);
}
