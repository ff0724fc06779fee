import { describe, expect, it } from "vitest";
import { initialRunInput, runForm, runInputProblems } from "@/features/editor/components/run/run-input-schema";
import { initialRunInputState, parseInputText, runInputReducer } from "@/features/editor/components/run/run-input-state";

const schema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "Article input",
  type: "object",
  properties: {
    topic: { type: "string", title: "Topic", examples: ["Rust ownership"] },
    words: { type: "integer", minimum: 100, default: 600 },
    options: { type: "object", properties: { tone: { type: "string", enum: ["plain", "formal"] } }, required: ["tone"] },
    keywords: { type: "array", items: { type: "string" } },
    extra: { type: "object" },
    published_at: { type: "string", format: "date-time" },
  },
  required: ["topic", "options"],
};

describe("runForm", () => {
  it("is null when there is no schema or no fields to show (the JSON tab is the only way in)", () => {
    expect(runForm(undefined)).toBeNull();
    expect(runForm({ type: "object" })).toBeNull();
    expect(runForm({ type: "string" })).toBeNull();
  });

  it("labels fields by their title or their key, with the config forms' widgets", () => {
    const form = runForm(schema)!;
    expect(form.uiSchema.topic).toMatchObject({ "ui:title": "Topic", "ui:placeholder": "Rust ownership", "ui:options": { kind: "text" } });
    expect(form.uiSchema.words).toMatchObject({ "ui:title": "Words", "ui:options": { kind: "number", half: true } });
    expect(form.uiSchema.options.tone).toMatchObject({ "ui:title": "Tone", "ui:options": { kind: "choice" } });
    expect(form.uiSchema.keywords).toMatchObject({ "ui:options": { kind: "list" } });
    expect(form.uiSchema.extra).toMatchObject({ "ui:field": "json", "ui:options": { kind: "json", expect: "object" } });
    expect(form.uiSchema.published_at).toMatchObject({ "ui:title": "Published at", "ui:widget": "text" });
  });

  it("gives prose fields a text box of several lines: text/* content, a long maxLength, or a prose name", () => {
    const form = runForm({
      type: "object",
      properties: {
        title: { type: "string" },
        body: { type: "string" },
        article: { type: "string", contentMediaType: "text/markdown" },
        abstract: { type: "string", maxLength: 500 },
        code: { type: "string", maxLength: 12 },
        content_type: { type: "string", enum: ["a", "b"] },
        comment_url: { type: "string", format: "uri" },
      },
    })!;
    for (const key of ["body", "article", "abstract"]) expect(form.uiSchema[key], key).toMatchObject({ "ui:widget": "textarea", "ui:options": { kind: "textarea" } });
    expect(form.uiSchema.title).toMatchObject({ "ui:options": { kind: "text" } });
    expect(form.uiSchema.code).toMatchObject({ "ui:options": { kind: "text" } });
    expect(form.uiSchema.content_type).toMatchObject({ "ui:options": { kind: "choice" } });
    expect(form.uiSchema.comment_url).toMatchObject({ "ui:options": { kind: "text" } });
  });

  it("drops the declared draft and the root title but keeps defaults (the run must receive them)", () => {
    const form = runForm(schema)!;
    expect(form.schema.$schema).toBeUndefined();
    expect(form.schema.title).toBeUndefined();
    expect((form.schema.properties as Record<string, { default?: unknown }>).words!.default).toBe(600);
    // The segment's own schema is not changed.
    expect(schema.$schema).toBeDefined();
  });
});

describe("initialRunInput", () => {
  const form = runForm(schema);

  it("fills the schema's defaults into an empty input", () => {
    expect(initialRunInput(form)).toEqual({ words: 600, options: {} });
  });

  it("keeps the last run's values and fills in what it left out", () => {
    expect(initialRunInput(form, { topic: "x", words: 900 })).toEqual({ topic: "x", words: 900, options: {} });
  });

  it("takes anything as is when the segment has no schema, or the last input was not an object", () => {
    expect(initialRunInput(null)).toEqual({});
    expect(initialRunInput(null, [1, 2])).toEqual([1, 2]);
    expect(initialRunInput(form, "text")).toBe("text");
  });
});

describe("runInputProblems", () => {
  const form = runForm(schema);

  it("names each missing or wrong field by its label, and puts 'Required' under the field", () => {
    const problems = runInputProblems(form, { words: 5, options: {}, published_at: "tomorrow" });
    expect(problems.messages).toEqual([
      "Topic is required",
      "Words: must be >= 100",
      "Options › Tone is required",
      'Published at: must match format "date-time"',
    ]);
    expect(problems.errorSchema).toMatchObject({
      topic: { __errors: ["Required"] },
      words: { __errors: ["Must be >= 100"] },
      options: { tone: { __errors: ["Required"] } },
    });
  });

  it("finds nothing wrong with a valid input, nor with any input when there is no schema", () => {
    expect(runInputProblems(form, { topic: "x", options: { tone: "plain" } }).messages).toEqual([]);
    expect(runInputProblems(null, 42).messages).toEqual([]);
  });

  it("checks an empty input as {} (what the run gets)", () => {
    expect(runInputProblems(form, undefined).messages).toContain("Topic is required");
  });

  it("names list items by position", () => {
    const listed = runForm({ type: "object", properties: { tags: { type: "array", items: { type: "string", minLength: 2 } } } });
    expect(runInputProblems(listed, { tags: ["ok", "x"] }).messages).toEqual(["Tags › #2: must NOT have fewer than 2 characters"]);
  });
});

describe("runInputReducer: the form and JSON tabs stay in step", () => {
  const start = initialRunInputState({ topic: "a" });

  it("a form edit rewrites the JSON text", () => {
    const next = runInputReducer(start, { type: "form", value: { topic: "b" } });
    expect(next.value).toEqual({ topic: "b" });
    expect(JSON.parse(next.text)).toEqual({ topic: "b" });
    expect(next.origin).toBe("typed");
  });

  it("the form echoing the value it was given is not an edit", () => {
    expect(runInputReducer(start, { type: "form", value: { topic: "a" } })).toBe(start);
  });

  it("JSON that parses becomes the value the form shows", () => {
    const next = runInputReducer(start, { type: "text", text: '{"topic": "c", "n": 1}' });
    expect(next.value).toEqual({ topic: "c", n: 1 });
    expect(next.syntaxError).toBeNull();
  });

  it("JSON that does not parse keeps the last good value and says where it breaks", () => {
    const next = runInputReducer(start, { type: "text", text: '{"topic": "c",\n  }' });
    expect(next.value).toEqual({ topic: "a" });
    expect(next.syntaxError).toMatch(/^Line 2, column \d+: /);
    // Editing the form then replaces the broken text.
    const fixed = runInputReducer(next, { type: "form", value: { topic: "a" } });
    expect(fixed.syntaxError).toBeNull();
    expect(JSON.parse(fixed.text)).toEqual({ topic: "a" });
  });

  it("empty JSON text means no input", () => {
    expect(runInputReducer(start, { type: "text", text: "  " }).value).toBeUndefined();
  });

  it("the last run's input replaces the defaults, but never what the user typed", () => {
    const prefilled = runInputReducer(start, { type: "prefill", value: { topic: "last" } });
    expect(prefilled).toMatchObject({ value: { topic: "last" }, origin: "previous-run" });
    const typed = runInputReducer(start, { type: "text", text: '{"topic": "mine"}' });
    expect(runInputReducer(typed, { type: "prefill", value: { topic: "last" } })).toBe(typed);
  });

  it("reset goes back to the chosen starting point", () => {
    const typed = runInputReducer(start, { type: "text", text: "{" });
    const reset = runInputReducer(typed, { type: "reset", value: { words: 600 }, origin: "defaults" });
    expect(reset).toEqual({ value: { words: 600 }, text: JSON.stringify({ words: 600 }, null, 2), syntaxError: null, origin: "defaults" });
  });
});

describe("parseInputText", () => {
  it("reads JSON values of any kind", () => {
    expect(parseInputText("[1]")).toEqual({ ok: true, value: [1] });
    expect(parseInputText("null")).toEqual({ ok: true, value: null });
  });
});
