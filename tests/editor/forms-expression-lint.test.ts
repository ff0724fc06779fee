import { describe, expect, it } from "vitest";
import { completeAt, insideTemplateExpression } from "@/features/editor/forms/expression-completions";
import { headline, lintJson, lintJsonata, lintTemplate, parseJsonText } from "@/features/editor/forms/expression-lint";

describe("JSONata as you type", () => {
  it("a valid expression has no diagnostic", () => {
    expect(lintJsonata("step_input.score > 0.5 and input.topic != ''")).toEqual([]);
  });

  it("a syntax error is marked where the parser stopped, with its message", () => {
    const [d] = lintJsonata("output = ");
    expect(d).toBeDefined();
    expect(d!.severity).toBe("error");
    expect(d!.from).toBeGreaterThanOrEqual(7);
    expect(d!.to).toBeLessThanOrEqual(9);
    expect(d!.message.length).toBeGreaterThan(0);
  });

  it("empty is an error only for required fields", () => {
    expect(lintJsonata("  ")).toHaveLength(1);
    expect(lintJsonata("", { allowEmpty: true })).toEqual([]);
  });
});

describe("templates as you type", () => {
  it("points into the broken {{ }}, not at the prose around it", () => {
    const text = "Hello {{ input.name }}, see {{ steps.a. }} now";
    const diagnostics = lintTemplate(text);
    expect(diagnostics).toHaveLength(1);
    const start = text.indexOf("{{ steps");
    expect(diagnostics[0]!.from).toBeGreaterThanOrEqual(start);
    expect(diagnostics[0]!.to).toBeLessThanOrEqual(text.indexOf("}} now") + 2);
  });

  it("an unclosed {{ is an error at the {{", () => {
    const diagnostics = lintTemplate("Topic: {{ input.topic ");
    expect(diagnostics).toEqual([expect.objectContaining({ from: 7, to: 9, severity: "error" })]);
  });

  it("llmteam's {name} placeholders are warnings with the fix in the message", () => {
    const [d] = lintTemplate("Write about {topic}.");
    expect(d).toMatchObject({ severity: "warning", from: 12, to: 19 });
    expect(d!.message).toContain("{{ topic }}");
    expect(headline([d!, { from: 0, to: 1, message: "bad", severity: "error" }])?.message).toBe("bad");
  });

  it("plain text and empty templates are fine; an empty {{ }} is not", () => {
    expect(lintTemplate("")).toEqual([]);
    expect(lintTemplate("just words, {\"json\": 1}")).toEqual([]);
    expect(lintTemplate("a {{ }} b")[0]).toMatchObject({ from: 2, to: 7 });
  });
});

describe("JSON fields", () => {
  it("says where the JSON breaks, even when the engine's message does not", () => {
    const text = '{\n  "type": "object",\n  "properties": { }\n  "required": []\n}';
    const parsed = parseJsonText(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostic.from).toBe(text.indexOf('"required"'));
    expect(parsed.diagnostic.message).toMatch(/Expected "," or "}"/);
  });

  it("names the usual mistakes", () => {
    expect(lintJson("{'a': 1}")[0]?.message).toMatch(/double quotes/);
    expect(lintJson('{"a": 1,}')[0]?.message).toMatch(/Trailing comma/);
    expect(lintJson('{"a": "b')[0]?.message).toMatch(/never closed/);
    expect(lintJson('[1, 2] x')[0]?.message).toMatch(/after the JSON value/);
    expect(lintJson('{"a": [1, 2], "b": {"c": null}}')).toEqual([]);
    expect(lintJson("")).toEqual([]);
  });
});

describe("autocomplete in expressions", () => {
  const scope = { stepIds: () => ["classify", "is-urgent"], inputFields: () => ["topic"] };
  const labels = (found: ReturnType<typeof completeAt>) => found?.options.map((o) => o.label) ?? [];

  it("offers the segment's step ids after steps., quoting ids JSONata cannot read bare", () => {
    const found = completeAt("steps.cl", scope);
    expect(found?.typed).toBe("cl");
    expect(labels(found)).toEqual(["classify", "is-urgent"]);
    expect(found?.options[1]?.apply).toBe("`is-urgent`");
  });

  it("offers the run input's fields after input., and the roots elsewhere", () => {
    expect(labels(completeAt("input.", scope))).toEqual(["topic"]);
    expect(labels(completeAt("st", scope))).toEqual(expect.arrayContaining(["input", "steps", "step_input"]));
    expect(labels(completeAt("$lo", scope))).toContain("$lowercase");
    expect(completeAt("step_input.x.", scope)).toBeNull();
  });

  it("templates complete only inside {{ }}", () => {
    expect(insideTemplateExpression("Hello {{ inp")).toBe(true);
    expect(insideTemplateExpression("Hello {{ input }} and st")).toBe(false);
  });
});
