/**
 * The config a new step starts with: the catalog type's defaults when `{}` is already a
 * valid config, else the required fields with empty values, so the step shows up at once
 * and validation points at what still has to be filled in.
 */
import { builtinCatalog, configJsonSchema, type StepCatalog } from "@/shared/catalog";

type JsonSchema = ReturnType<typeof configJsonSchema>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function defaultConfig(type: string, catalog: StepCatalog = builtinCatalog): Record<string, unknown> {
  const meta = catalog.get(type);
  if (!meta) return {};
  const parsed = meta.config_schema.safeParse({});
  if (parsed.success && isRecord(parsed.data)) return parsed.data;
  return minimalObject(configJsonSchema(meta.config_schema));
}

/** Required properties with a placeholder value, plus every property that declares a default. */
function minimalObject(schema: JsonSchema): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  for (const [key, property] of Object.entries(properties)) {
    if (!isRecord(property)) continue;
    if (property.default !== undefined) result[key] = structuredClone(property.default);
    else if (required.has(key)) result[key] = placeholder(property as JsonSchema);
  }
  return result;
}

function placeholder(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const variants = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(variants) && variants.length > 0 && isRecord(variants[0])) return placeholder(variants[0] as JsonSchema);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return "";
    case "number":
    case "integer":
      return typeof schema.minimum === "number" ? schema.minimum : 0;
    case "boolean":
      return false;
    case "array":
      return [];
    case "object":
      return minimalObject(schema);
    default:
      return "";
  }
}
