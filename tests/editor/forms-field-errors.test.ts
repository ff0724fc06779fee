import { describe, expect, it } from "vitest";
import { draftConfigProblems, mergeConfigProblems } from "@/features/editor/forms/config-problems";
import { configFormSchema } from "@/features/editor/forms/config-form-schema";
import {
  configErrorSchema,
  fieldMessage,
  parseProblemPath,
  splitMessages,
  stepFieldMessages,
} from "@/features/editor/forms/field-errors";
import type { JsonObject } from "@/features/editor/forms/json-schema-node";
import { builtinCatalog } from "@/shared/catalog";
import type { Problem } from "@/shared/validation";

const schemaOf = (type: string) => configFormSchema(builtinCatalog.get(type)!).schema as JsonObject;
const p = (path: string, message = `Step "s": ${path} is wrong`, extra: Partial<Problem> = {}): Problem => ({
  code: "invalid_config",
  severity: "error",
  step_id: "s",
  message,
  path,
  ...extra,
});

describe("problem paths → form fields", () => {
  it("reads the validator's path format back, quoted keys included", () => {
    expect(parseProblemPath("steps[2].config.generator.llm_ref")).toEqual(["steps", 2, "config", "generator", "llm_ref"]);
    expect(parseProblemPath('steps[0].config.headers["X-Api-Key"]')).toEqual(["steps", 0, "config", "headers", "X-Api-Key"]);
    expect(parseProblemPath("edges[1].condition")).toEqual(["edges", 1, "condition"]);
  });

  it("a config problem lands under its field, nested ones under the nested field", () => {
    const { errorSchema, unplaced } = configErrorSchema(
      [p("steps[3].config.max_iterations", 'Step "s": too many'), p("steps[3].config.generator.llm_ref", 'Step "s": name an LLM')],
      schemaOf("critic_loop"),
    );
    expect(unplaced).toEqual([]);
    expect(errorSchema).toEqual({
      max_iterations: { __errors: ["Too many"] },
      generator: { llm_ref: { __errors: ["Name an LLM"] } },
    });
  });

  it("a problem inside a JSON field (one header) sits on that field; unknown keys go above the form", () => {
    const { errorSchema, unplaced } = configErrorSchema(
      [p('steps[0].config.headers["X-Key"]', 'Step "s": bad header'), p("steps[0].config.colour", 'Step "s": unknown config key "colour"')],
      schemaOf("http_request"),
    );
    expect(errorSchema).toEqual({ headers: { __errors: ["Bad header"] } });
    expect(unplaced).toEqual(['Unknown config key "colour"']);
  });

  it("problems elsewhere in the step are not config problems", () => {
    const { errorSchema, unplaced } = configErrorSchema([p("steps[0].retry.max_attempts"), p("edges[0].condition")], schemaOf("transform"));
    expect(errorSchema).toEqual({});
    expect(unplaced).toEqual([]);
    expect(stepFieldMessages([p("steps[0].retry.max_attempts", 'Step "s": max_attempts must be at least 1')], "retry")).toEqual([
      "max_attempts must be at least 1",
    ]);
  });

  it("warnings stay warnings through rjsf's string-only error lists", () => {
    const { errorSchema } = configErrorSchema(
      [p("steps[0].config.user_prompt_template", 'Step "s": {topic} is not filled in', { code: "legacy_placeholder", severity: "warning" })],
      schemaOf("llm_agent"),
    );
    const raw = (errorSchema as unknown as { user_prompt_template: { __errors: string[] } }).user_prompt_template.__errors;
    expect(splitMessages(raw)).toEqual({ errors: [], warnings: ["{topic} is not filled in"] });
  });

  it("the message drops the step lead-in the inspector already shows", () => {
    expect(fieldMessage({ message: 'Step "a-b": temperature must be at most 2' })).toBe("Temperature must be at most 2");
  });
});

describe("problems of the config being typed", () => {
  it("are found before anything is committed, with the validator's wording and field path", () => {
    const problems = draftConfigProblems({ step_id: "w", type: "llm_agent" }, { llm_ref: "mock", temperature: 5 });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "invalid_config", path: "steps[0].config.temperature" });
    const expr = draftConfigProblems({ step_id: "c", type: "condition" }, { expression: "a = " });
    expect(expr[0]).toMatchObject({ code: "invalid_expression", path: "steps[0].config.expression" });
  });

  it("replace the store's stale config problems but keep its other ones", () => {
    const stale = p("steps[4].config.temperature", "old");
    const other = p("steps[4].config.llm_ref", "from the server", { code: "port_mismatch" });
    const merged = mergeConfigProblems([], [stale, other]);
    expect(merged).toEqual([other]);
  });
});
