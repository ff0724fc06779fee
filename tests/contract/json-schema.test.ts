import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SEGMENT_ID_PATTERN, segmentJsonSchema } from "../../src/shared/segment";

type Node = Record<string, unknown> & { properties?: Record<string, Node>; items?: Node; required?: string[] };

const schema = segmentJsonSchema() as Node;
const props = schema.properties!;
const step = props.steps!.items!;
const edge = props.edges!.items!;

describe("generated JSON Schema", () => {
  it("is a draft 2020-12 object schema with $id, title and description", () => {
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toEqual(expect.any(String));
    expect(schema.title).toEqual(expect.any(String));
    expect(schema.description).toEqual(expect.any(String));
    expect(schema.type).toBe("object");
  });

  it("requires what the contract requires (version and edges have defaults, so not required)", () => {
    expect(schema.required).toEqual(["segment_id", "name", "entrypoint", "steps"]);
    expect(step.required).toEqual(["step_id", "type", "config"]);
    expect(edge.required).toEqual(["from_step", "to_step"]);
    expect(props.version).toMatchObject({ const: "1.0", default: "1.0" });
    expect(props.edges).toMatchObject({ type: "array", default: [] });
  });

  it("closes the strict objects with additionalProperties false (top, step, edge, retry)", () => {
    expect(schema.additionalProperties).toBe(false);
    expect(step.additionalProperties).toBe(false);
    expect(edge.additionalProperties).toBe(false);
    expect(step.properties!.retry!.additionalProperties).toBe(false);
  });

  it("leaves metadata, ui, config and input_schema open", () => {
    for (const open of [props.metadata, props.input_schema, step.properties!.ui, step.properties!.config]) {
      expect(open).toMatchObject({ type: "object" });
      expect([true, undefined]).toContain(open!.additionalProperties);
    }
    expect(step.properties!.ui!.required).toEqual(["x", "y"]);
  });

  it("carries the id patterns and the enums/bounds of the zod schema", () => {
    expect(props.segment_id!.pattern).toBe(SEGMENT_ID_PATTERN.source);
    expect(step.properties!.step_id).toMatchObject({ pattern: "^[A-Za-z0-9_][A-Za-z0-9_-]*$", maxLength: 64 });
    expect(step.properties!.on_error!.enum).toEqual(["fail", "continue"]);
    expect(step.properties!.timeout_seconds).toMatchObject({ exclusiveMinimum: 0 });
    expect(step.properties!.retry!.properties!.max_attempts).toMatchObject({ type: "integer", minimum: 1, default: 1 });
  });

  it("is JSON-serializable and stable across calls", () => {
    expect(JSON.parse(JSON.stringify(segmentJsonSchema()))).toEqual(segmentJsonSchema());
  });
});

describe("committed docs/contracts/segment.schema.json", () => {
  it("has not drifted from the zod schema (regenerate: npx tsx scripts/gen-json-schema.ts)", () => {
    const path = new URL("../../docs/contracts/segment.schema.json", import.meta.url);
    const committed = readFileSync(path, "utf8");
    expect(committed).toBe(`${JSON.stringify(segmentJsonSchema(), null, 2)}\n`);
  });
});
