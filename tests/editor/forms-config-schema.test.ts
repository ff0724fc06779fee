import { describe, expect, it } from "vitest";
import type { UiSchema } from "@rjsf/utils";
import { configFormSchema, fieldOptions } from "@/features/editor/forms/config-form-schema";
import { fieldTitle, numberRange } from "@/features/editor/forms/json-schema-node";
import { builtinCatalog } from "@/shared/catalog";

const formOf = (type: string) => {
  const meta = builtinCatalog.get(type);
  if (!meta) throw new Error(`no type ${type}`);
  return configFormSchema(meta);
};
const props = (schema: object) => (schema as { properties: Record<string, Record<string, unknown>> }).properties;
const ui = (uiSchema: UiSchema, ...path: string[]): UiSchema => path.reduce((node, key) => node[key] as UiSchema, uiSchema);

describe("config form of a step type, from the catalog's JSON Schema", () => {
  it("defaults-are-not-written-into-the-config: rjsf sees no default, the field shows it as placeholder", () => {
    const { schema, uiSchema } = formOf("llm_agent");
    expect(props(schema).temperature).not.toHaveProperty("default");
    expect(props(schema).output_format).not.toHaveProperty("default");
    expect(ui(uiSchema, "temperature")["ui:placeholder"]).toBe("0.7");
    expect(fieldOptions(ui(uiSchema, "output_format")).defaultValue).toBe("text");
    // The catalog's own description is untouched (forms work on a copy).
    expect(builtinCatalog.describe().find((d) => d.type_id === "llm_agent")?.config_schema.properties?.temperature).toHaveProperty("default", 0.7);
  });

  it("template fields get the template editor, prompts several lines and a URL one line", () => {
    expect(fieldOptions(ui(formOf("llm_agent").uiSchema, "user_prompt_template"))).toMatchObject({ kind: "template", multiline: true });
    expect(ui(formOf("llm_agent").uiSchema, "user_prompt_template")["ui:widget"]).toBe("expression");
    expect(fieldOptions(ui(formOf("http_request").uiSchema, "url"))).toMatchObject({ kind: "template", multiline: false });
  });

  it("jsonata fields get the expression editor", () => {
    for (const [type, field] of [["condition", "expression"], ["transform", "expression"], ["map", "items"], ["subsegment", "input"]]) {
      expect(fieldOptions(ui(formOf(type!).uiSchema, field!)).kind, `${type}.${field}`).toBe("jsonata");
    }
  });

  it("free-form objects and template objects are JSON editors, never rjsf's key/value rows", () => {
    const http = formOf("http_request").uiSchema;
    expect(ui(http, "headers")["ui:field"]).toBe("json");
    expect(fieldOptions(ui(http, "headers"))).toMatchObject({ expect: "object", templates: true });
    expect(fieldOptions(ui(http, "body"))).toMatchObject({ kind: "json", expect: "any", templates: true });
    expect(fieldOptions(ui(formOf("human_approval").uiSchema, "form"))).toMatchObject({ kind: "json", expect: "object", templates: false });
    expect(ui(formOf("llm_agent").uiSchema, "output_schema")["ui:field"]).toBe("json");
  });

  it("critic_loop roles are collapsible groups whose prompt templates are linted by their dotted path", () => {
    const { uiSchema } = formOf("critic_loop");
    expect(fieldOptions(ui(uiSchema, "generator")).kind).toBe("group");
    expect(fieldOptions(ui(uiSchema, "critic", "user_prompt_template")).kind).toBe("template");
    expect(fieldOptions(ui(uiSchema, "critic", "system_prompt")).kind).toBe("textarea");
    expect(ui(uiSchema, "generator", "temperature")["ui:placeholder"]).toBe("0.7");
  });

  it("enums are selects, numbers and selects pair up, booleans switch, string lists are lists", () => {
    const llm = formOf("llm_agent").uiSchema;
    expect(fieldOptions(ui(llm, "output_format"))).toMatchObject({ kind: "choice", half: true });
    expect(fieldOptions(ui(llm, "max_tokens"))).toMatchObject({ kind: "number", half: true });
    expect(fieldOptions(ui(llm, "mock_responses")).kind).toBe("list");
    expect(fieldOptions(ui(formOf("critic_loop").uiSchema, "stop_on_rejection"))).toMatchObject({ kind: "switch", defaultValue: true });
  });

  it("delay's seconds-xor-until rule does not become an option picker", () => {
    const { schema, uiSchema } = formOf("delay");
    expect(schema).not.toHaveProperty("oneOf");
    expect(ui(uiSchema, "until")["ui:widget"]).toBe("text");
  });

  it("the root has no submit button and no $schema (ajv draft-07 would reject the 2020-12 meta-schema)", () => {
    const { schema, uiSchema } = formOf("transform");
    expect(schema).not.toHaveProperty("$schema");
    expect(uiSchema["ui:submitButtonOptions"]).toEqual({ norender: true });
  });

  it("labels read like words; number ranges are shown", () => {
    expect(fieldTitle("llm_ref")).toBe("LLM ref");
    expect(fieldTitle("user_prompt_template")).toBe("User prompt template");
    expect(fieldTitle("url")).toBe("URL");
    expect(ui(formOf("llm_agent").uiSchema, "llm_ref")["ui:title"]).toBe("LLM ref");
    expect(numberRange(props(formOf("llm_agent").schema).temperature!)).toBe("0 – 2");
    expect(numberRange(props(formOf("http_request").schema).timeout_seconds!)).toBe("> 0");
    expect(numberRange(props(formOf("llm_agent").schema).max_tokens!)).toBe("≥ 1");
  });
});
