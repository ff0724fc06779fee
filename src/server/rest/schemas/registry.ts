// Named REST schemas: a schema made with named() becomes one entry of the OpenAPI document's
// `components.schemas` (referenced with $ref wherever a route uses it) instead of being inlined
// at every use. Name the shapes a client would name: resources, the error envelope.
//
// The id lives in zod's global registry (that is where z.toJSONSchema looks for ids and for the
// descriptions written with .describe()), on a copy: the schema passed in is left untouched, so
// other JSON Schema exports of it (docs/contracts/segment.schema.json) don't change.
import type { z } from "zod";

const byId = new Map<string, z.ZodType>();

/** A copy of `schema` named `id` (unique: "Error", "SegmentResource") in the OpenAPI document. */
export function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  const copy = schema.meta(description === undefined ? { id } : { id, description });
  byId.set(id, copy);
  return copy;
}

/** Every named schema, by id (the OpenAPI generator checks which differ between input and output). */
export function namedSchemas(): ReadonlyMap<string, z.ZodType> {
  return byId;
}
