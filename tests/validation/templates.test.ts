import { describe, expect, it } from "vitest";
import {
  extractTemplateExpressions,
  findLegacyPlaceholders,
  parseTemplate,
  validateExpression,
} from "../../src/shared/validation";

const expressions = (template: string): string[] => extractTemplateExpressions(template).map((e) => e.expression.trim());

describe("extractTemplateExpressions", () => {
  it("finds each {{ }} with its offsets", () => {
    expect(extractTemplateExpressions("Hi {{ input.name }}, see {{steps.a}}!")).toEqual([
      { kind: "expression", expression: " input.name ", start: 3, end: 19 },
      { kind: "expression", expression: "steps.a", start: 25, end: 36 },
    ]);
  });

  it("text without braces has no expressions; an empty template neither", () => {
    expect(extractTemplateExpressions("plain text")).toEqual([]);
    expect(extractTemplateExpressions("")).toEqual([]);
    expect(parseTemplate("")).toEqual({ parts: [] });
  });

  it("a nested object constructor does not end the expression early", () => {
    expect(expressions('{{ {"a": {"b": 1}} }}')).toEqual(['{"a": {"b": 1}}']);
    expect(expressions('{{ $string({"k": input.v}) }} tail')).toEqual(['$string({"k": input.v})']);
  });

  it('"}}" inside a string literal or a comment does not end the expression', () => {
    expect(expressions('{{ "}}" & input.x }}')).toEqual(['"}}" & input.x']);
    expect(expressions("{{ '}}' }}")).toEqual(["'}}'"]);
    expect(expressions('{{ "a \\" }}" }}')).toEqual(['"a \\" }}"']);
    expect(expressions("{{ /* }} */ input }}")).toEqual(["/* }} */ input"]);
  });

  it("a literal {{ is written as an expression", () => {
    expect(expressions('{{ "{{" }} not an expression')).toEqual(['"{{"']);
  });

  it("a {{ that is never closed is reported as unclosed, the rest kept as text", () => {
    expect(parseTemplate("a {{ b } c")).toEqual({ parts: [{ kind: "text", text: "a {{ b } c", start: 0 }], unclosed: 2 });
    expect(parseTemplate('x {{ "oops }}')).toMatchObject({ unclosed: 2 });
    const mixed = parseTemplate("{{ a }} and {{ b");
    expect(mixed.unclosed).toBe(12);
    expect(mixed.parts.map((p) => p.kind)).toEqual(["expression", "text"]);
  });

  it("keeps text parts between expressions in order", () => {
    expect(parseTemplate("a{{x}}b{{y}}").parts).toEqual([
      { kind: "text", text: "a", start: 0 },
      { kind: "expression", expression: "x", start: 1, end: 6 },
      { kind: "text", text: "b", start: 6 },
      { kind: "expression", expression: "y", start: 7, end: 12 },
    ]);
  });
});

describe("findLegacyPlaceholders", () => {
  it("finds llmteam's {name} and {a.b} placeholders", () => {
    expect(findLegacyPlaceholders("Write about {topic} for {input.audience}.")).toEqual([
      { text: "{topic}", name: "topic", start: 12 },
      { text: "{input.audience}", name: "input.audience", start: 24 },
    ]);
  });

  it("does not flag JSON text, empty braces or spaced text", () => {
    expect(findLegacyPlaceholders('Answer JSON: {"category": "x", "urgent": true}')).toEqual([]);
    expect(findLegacyPlaceholders('{"a": 1} and {} and { x } and {1} and {a-b}')).toEqual([]);
  });

  it("does not flag what is inside {{ }} expressions", () => {
    expect(findLegacyPlaceholders("{{ input.topic }} {{ {x} }}")).toEqual([]);
    expect(findLegacyPlaceholders("{{x}} then {y}")).toEqual([{ text: "{y}", name: "y", start: 11 }]);
  });
});

describe("validateExpression", () => {
  it("accepts valid JSONata without evaluating it", () => {
    expect(validateExpression('steps.write.output.score >= 0.8 and $exists(input.topic)')).toEqual({ ok: true });
    expect(validateExpression("$shutdownTheWorld()")).toEqual({ ok: true }); // parsed, never run
  });

  it("reports JSONata's message, code and position on a syntax error", () => {
    expect(validateExpression("a +")).toEqual({ ok: false, message: "Unexpected end of expression", position: 3, code: "S0207" });
    expect(validateExpression("$f(")).toMatchObject({ ok: false, code: "S0203" });
  });

  it("an empty or blank expression is not valid", () => {
    expect(validateExpression("  ")).toMatchObject({ ok: false, message: "The expression is empty" });
  });
});
