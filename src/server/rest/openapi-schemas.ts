// zod → OpenAPI 3.1 Schema Objects (JSON Schema draft 2020-12, which 3.1 uses as is), with the
// named schemas (schemas/registry.ts) collected into `components.schemas` and referenced by $ref.
import { createHash } from "node:crypto";
import { z } from "zod";
import { namedSchemas } from "./schemas/registry";

export type JsonSchema = z.core.JSONSchema.BaseSchema;
export type SchemaIo = "input" | "output";

/** Readability only: `additionalProperties: {}` → `true`; drop implied string propertyNames and int bounds. */
function tidy(node: JsonSchema): void {
  const extra = node.additionalProperties;
  if (typeof extra === "object" && Object.keys(extra).length === 0) node.additionalProperties = true;
  const names = node.propertyNames;
  if (typeof names === "object" && Object.keys(names).length === 1 && names.type === "string") delete node.propertyNames;
  if (node.type === "integer" && node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
  if (node.type === "integer" && node.minimum === Number.MIN_SAFE_INTEGER) delete node.minimum;
}

function convert(schema: z.ZodType, io: SchemaIo): JsonSchema {
  return z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    // Transforms and custom checks have no JSON Schema: document what is accepted before them.
    unrepresentable: "any",
    override: ({ jsonSchema }) => tidy(jsonSchema),
  });
}

function rewriteRefs(node: unknown, rename: (defName: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, rename));
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === "$ref" && typeof value === "string" && value.startsWith("#/$defs/")
        ? `#/components/schemas/${rename(value.slice("#/$defs/".length))}`
        : rewriteRefs(value, rename);
  }
  return out;
}

/**
 * Converts route schemas one by one into one shared set of components. A named schema whose
 * input and output sides differ (defaults, transforms) gets two components: `Id` for what the
 * API returns and `IdInput` for what it accepts.
 */
export class OpenApiSchemas {
  readonly components: Record<string, JsonSchema> = {};
  readonly #differs = new Map<string, boolean>();

  /** The schema of a request part (`input`) or a response (`output`), refs pointing at components. */
  toSchema(schema: z.ZodType, io: SchemaIo): JsonSchema {
    const generated = convert(schema, io);
    const { $schema: _dialect, $defs, ...root } = generated;
    const names = new Map<string, string>();
    for (const [defName, def] of Object.entries($defs ?? {})) names.set(defName, this.#componentName(defName, def, io));
    const rename = (defName: string) => names.get(defName) ?? defName;
    for (const [defName, def] of Object.entries($defs ?? {})) {
      const name = rename(defName);
      // The component's name is its title: API references list models by title, and zod's
      // titles (e.g. the contract's "LLMTeam segment") would name Segment and SegmentInput alike.
      this.components[name] = { ...(rewriteRefs(def, rename) as JsonSchema), title: name };
    }
    return rewriteRefs(root, rename) as JsonSchema;
  }

  #componentName(defName: string, def: JsonSchema, io: SchemaIo): string {
    const named = namedSchemas().get(defName);
    if (!named) {
      // zod names unnamed shared subschemas (cycles) `__schemaN` per conversion: name by content.
      const hash = createHash("sha256").update(JSON.stringify(def)).digest("hex").slice(0, 8);
      return `Schema_${hash}`;
    }
    return io === "input" && this.#inputDiffers(defName, named) ? `${defName}Input` : defName;
  }

  #inputDiffers(id: string, schema: z.ZodType): boolean {
    let differs = this.#differs.get(id);
    if (differs === undefined) {
      differs = JSON.stringify(convert(schema, "input")) !== JSON.stringify(convert(schema, "output"));
      this.#differs.set(id, differs);
    }
    return differs;
  }
}
