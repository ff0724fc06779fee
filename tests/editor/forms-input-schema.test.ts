import { describe, expect, it } from "vitest";
import {
  inputFieldProblems,
  newInputField,
  readInputSchema,
  withType,
  writeInputSchema,
  type InputField,
} from "@/features/editor/forms/input-schema-fields";
import { seededExamples } from "./fixtures";

const fieldsOf = (schema: Record<string, unknown> | undefined): InputField[] => {
  const read = readInputSchema(schema);
  if (!read.ok) throw new Error(read.reason);
  return read.fields;
};

describe("input_schema ↔ form builder fields", () => {
  it("the seeded examples' schemas survive a round trip unchanged (titles, formats, defaults)", () => {
    for (const [id, doc] of Object.entries(seededExamples())) {
      const schema = (doc as { input_schema?: Record<string, unknown> }).input_schema;
      const written = writeInputSchema(fieldsOf(schema), schema);
      expect(written, id).toEqual(schema);
    }
  });

  it("reads name, type, required, title, description, default and enum", () => {
    const [topic, tone] = fieldsOf({
      type: "object",
      required: ["topic"],
      properties: {
        topic: { type: "string", title: "Topic", description: "What to write about", default: "LLMs" },
        tone: { type: "string", enum: ["formal", "casual"] },
      },
    });
    expect(topic).toMatchObject({ name: "topic", type: "string", required: true, title: "Topic", description: "What to write about", default: "LLMs" });
    expect(tone).toMatchObject({ name: "tone", required: false, enumValues: ["formal", "casual"] });
  });

  it("writes required only for required fields and leaves out empty texts", () => {
    const fields: InputField[] = [
      { ...newInputField([]), name: "n", type: "integer", required: true, default: 3 },
      { ...newInputField([]), name: "flag", type: "boolean" },
    ];
    expect(writeInputSchema(fields)).toEqual({
      type: "object",
      properties: { n: { type: "integer", default: 3 }, flag: { type: "boolean" } },
      required: ["n"],
    });
  });

  it("no fields and no schema before → no schema (the segment takes any input)", () => {
    expect(fieldsOf(undefined)).toEqual([]);
    expect(writeInputSchema([], undefined)).toBeUndefined();
    expect(writeInputSchema([], { type: "object", properties: { a: { type: "string" } } })).toEqual({ type: "object", properties: {} });
  });

  it("keywords the builder does not edit are kept (items of an array, minLength)", () => {
    const schema = { type: "object", properties: { tags: { type: "array", items: { type: "string" } }, s: { type: "string", minLength: 2 } } };
    expect(writeInputSchema(fieldsOf(schema), schema)).toEqual(schema);
  });

  it("changing a field's type drops keywords and a default of the old type", () => {
    const [tags] = fieldsOf({ type: "object", properties: { tags: { type: "array", items: { type: "string" }, default: [] } } });
    const changed = withType(tags!, "string");
    expect(changed.extra).toEqual({});
    expect(changed).not.toHaveProperty("default");
  });

  it("schemas the builder cannot show are refused with a reason", () => {
    for (const schema of [
      { type: "array" },
      { type: "object", properties: { a: { $ref: "#/$defs/x", type: "string" } } },
      { type: "object", properties: { a: { type: ["string", "null"] } } },
      { type: "object", properties: { a: { type: "number", enum: [1, 2] } } },
      { type: "object", oneOf: [] },
    ]) {
      const read = readInputSchema(schema);
      expect(read.ok, JSON.stringify(schema)).toBe(false);
      if (!read.ok) expect(read.reason.length).toBeGreaterThan(10);
    }
  });

  it("empty and repeated names are reported per field before anything is written", () => {
    const a = { ...newInputField([]), name: "a" };
    const problems = inputFieldProblems([a, { ...a }, { ...a, name: " " }]);
    expect(problems.get(0)).toBeUndefined();
    expect(problems.get(1)).toMatch(/already called "a"/);
    expect(problems.get(2)).toMatch(/name/);
    expect(newInputField([{ ...a, name: "field_2" }, a]).name).toBe("field_3");
  });
});
