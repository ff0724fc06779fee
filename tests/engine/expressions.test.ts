import { describe, expect, it } from "vitest";
import { ExpressionError, evaluateExpression, isTruthy } from "../../src/engine/expressions/evaluate";
import { renderDeep, renderTemplate } from "../../src/engine/expressions/template";
import { setup } from "./helpers";

describe("sandboxed JSONata", () => {
  it("expressions-cannot-reach-js-prototypes-or-globals", async () => {
    expect(await evaluateExpression("$.constructor", { a: 1 })).toBeUndefined();
    expect(await evaluateExpression("a.__proto__", { a: {} })).toBeUndefined();
    expect(await evaluateExpression('$lookup($, "constructor")', {})).toBeUndefined();
  });

  it("an-endless-loop-is-stopped-by-the-time-limit (expression_error)", async () => {
    const error = await evaluateExpression("($f := function($x){ $f($x + 1) }; $f(0))", {}, { timeoutMs: 50, maxDepth: 10_000, maxSequence: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).code).toBe("expression_error");
    expect((error as ExpressionError).message).toMatch(/timeout/i);
  });

  it("deep-recursion-is-stopped-by-the-depth-limit", async () => {
    const error = await evaluateExpression("($f := function($x){ $x = 0 ? 0 : 1 + $f($x - 1) }; $f(100000))", {}, { timeoutMs: 5000, maxDepth: 100, maxSequence: 1000 }).catch(
      (e: unknown) => e,
    );
    expect((error as ExpressionError).details).toMatchObject({ jsonata_code: "D1011" });
  });

  it("syntax-and-runtime-errors-name-the-expression", async () => {
    const syntax = (await evaluateExpression("a +", {}).catch((e: unknown) => e)) as ExpressionError;
    expect(syntax.code).toBe("expression_error");
    expect(syntax.expression).toBe("a +");
    expect(syntax.message).toContain('"a +"');
    const runtime = (await evaluateExpression("$number('x')", {}).catch((e: unknown) => e)) as ExpressionError;
    expect(runtime.code).toBe("expression_error");
  });

  it("results-are-plain-json", async () => {
    const value = await evaluateExpression("items.{ 'n': n }", { items: [{ n: 1 }, { n: 2 }] });
    expect(value).toEqual([{ n: 1 }, { n: 2 }]);
    expect(Object.getOwnPropertyNames(value as object)).not.toContain("sequence");
  });

  it("truthiness-follows-jsonata-$boolean", () => {
    expect([undefined, null, false, 0, "", [], {}].map(isTruthy)).toEqual([false, false, false, false, false, false, false]);
    expect([true, 1, "x", [0, 1], { a: 1 }].map(isTruthy)).toEqual([true, true, true, true, true]);
  });
});

describe("templates", () => {
  it("renders-{{ expressions }}-as-text-and-json", async () => {
    const data = { input: { topic: "AI", tags: ["a", "b"] } };
    expect(await renderTemplate("Topic: {{ input.topic }} {{ input.tags }} {{ input.missing }}.", data)).toBe('Topic: AI ["a","b"] .');
    expect(await renderTemplate('{{ {"a": {"b": 1}} }}', data)).toBe('{"a":{"b":1}}');
    expect(await renderDeep({ list: "{{ input.tags }}", text: "x{{ input.topic }}" }, data)).toEqual({ list: ["a", "b"], text: "xAI" });
  });

  it("an-unclosed-template-fails-with-expression_error", async () => {
    await expect(renderTemplate("Hi {{ input.x", {})).rejects.toMatchObject({ code: "expression_error" });
  });

  it("a-transform-step-with-a-bad-expression-fails-without-retry", async () => {
    const h = setup();
    const run = await h.start({
      segment_id: "bad",
      name: "Bad",
      entrypoint: "t",
      steps: [{ step_id: "t", type: "transform", config: { expression: "$nope(" }, retry: { max_attempts: 3 } }],
    });
    expect(run.status).toBe("failed");
    expect(run.error?.code).toBe("expression_error");
    expect(run.steps.t?.attempts).toBe(1);
  });

  it("transform-and-context: {input, steps, step_input}", async () => {
    const h = setup();
    const run = await h.start(
      {
        segment_id: "ctx",
        name: "Ctx",
        entrypoint: "a",
        steps: [
          { step_id: "a", type: "transform", config: { expression: "input.x + 1" } },
          { step_id: "b", type: "transform", config: { expression: "{ 'in': step_input, 'a': steps.a, 'x': input.x }" } },
        ],
        edges: [{ from_step: "a", to_step: "b" }],
      },
      { x: 41 },
    );
    expect(run.output).toEqual({ in: 42, a: 42, x: 41 });
  });

  it("invalid-config-fails-the-step-with-invalid_config", async () => {
    const h = setup();
    const run = await h.start({ segment_id: "cfg", name: "Cfg", entrypoint: "t", steps: [{ step_id: "t", type: "transform", config: {} }] });
    expect(run.error?.code).toBe("invalid_config");
  });
});
