/**
 * The JSON Schema (draft 2020-12) of a segment document, generated from segmentSchema with
 * zod's z.toJSONSchema. Never edit docs/contracts/segment.schema.json by hand:
 * `npx tsx scripts/gen-json-schema.ts` regenerates it.
 */
import { z } from "zod";
import { CONTRACT_VERSION } from "./ids";
import { segmentSchema } from "./schema";

export const SEGMENT_JSON_SCHEMA_ID = `urn:llmteam-canvas:contract:segment:${CONTRACT_VERSION}`;

type JsonSchema = z.core.JSONSchema.BaseSchema;

/** Readability only: `additionalProperties: {}` → `true`, drop the implied string propertyNames and int bounds. */
function tidy(node: JsonSchema): void {
  const extra = node.additionalProperties;
  if (typeof extra === "object" && Object.keys(extra).length === 0) node.additionalProperties = true;
  const names = node.propertyNames;
  if (typeof names === "object" && Object.keys(names).length === 1 && names.type === "string") delete node.propertyNames;
  if (node.type === "integer" && node.maximum === Number.MAX_SAFE_INTEGER) delete node.maximum;
}

/**
 * JSON Schema of the document a user writes (zod "input" side: `version` and `edges` may be
 * omitted and get their defaults). Strict objects carry `additionalProperties: false`;
 * `metadata`, `ui`, `config` and `input_schema` carry `additionalProperties: true`.
 */
export function segmentJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(segmentSchema, {
    target: "draft-2020-12",
    io: "input",
    override: ({ jsonSchema }) => tidy(jsonSchema),
  });
  const { $schema, title, description, ...rest } = generated;
  return { $schema, $id: SEGMENT_JSON_SCHEMA_ID, title, description, ...rest };
}
