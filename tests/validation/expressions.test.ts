import { describe, expect, it } from "vitest";
import { validateSegment } from "../../src/shared/validation";
import { codes, doc, edge, llm, only, transform } from "./helpers";

describe("validateSegment: invalid_expression (parsed, not run)", () => {
  it("a transform expression with a syntax error is invalid_expression with JSONata's reason and position", () => {
    const result = validateSegment(doc([transform("pick", "step_input.body +")]));
    expect(result.problems).toEqual([
      {
        code: "invalid_expression",
        severity: "error",
        message: 'Step "pick": expression is not a valid JSONata expression: Unexpected end of expression (near character 17)',
        step_id: "pick",
        path: "steps[0].config.expression",
      },
    ]);
  });

  it("condition expressions, map items and subsegment input are parsed too", () => {
    const steps = [
      { step_id: "c", type: "condition", config: { expression: "a = = 1" } },
      { step_id: "m", type: "map", config: { items: "input.list[", segment_id: "child" } },
      { step_id: "s", type: "subsegment", config: { segment_id: "child", input: "{ a: }" } },
    ];
    const result = validateSegment(doc(steps, [edge("c", "m", { from_port: "true" }), edge("c", "s", { from_port: "false" })]));
    expect(only(result.problems, "invalid_expression").map((p) => p.path)).toEqual([
      "steps[0].config.expression",
      "steps[1].config.items",
      "steps[2].config.input",
    ]);
  });

  it("a broken edge condition is invalid_expression on the edge", () => {
    const result = validateSegment(doc([transform("a"), transform("b")], [edge("a", "b", { condition: 'output.decision = "approved' })]));
    expect(result.problems).toEqual([
      {
        code: "invalid_expression",
        severity: "error",
        message: expect.stringMatching(/^The edge "a" → "b": the condition is not a valid JSONata expression: /),
        edge: { index: 0, from_step: "a", to_step: "b" },
        path: "edges[0].condition",
      },
    ]);
  });

  it("a broken {{ }} inside a prompt template is invalid_expression naming the part", () => {
    const result = validateSegment(doc([llm("w", { user_prompt_template: "Topic: {{ input.topic }} for {{ input. }}" })]));
    expect(result.problems).toEqual([
      {
        code: "invalid_expression",
        severity: "error",
        message: expect.stringMatching(/^Step "w": "\{\{ input\. \}\}" in user_prompt_template is not a valid JSONata expression: /),
        step_id: "w",
        path: "steps[0].config.user_prompt_template",
      },
    ]);
  });

  it("an unclosed {{ in a url is invalid_expression", () => {
    const result = validateSegment(doc([{ step_id: "h", type: "http_request", config: { url: "https://x.dev/{{ input.id" } }]));
    expect(result.problems.map((p) => p.message)).toEqual([
      'Step "h": the "{{" at character 14 of url is never closed with "}}" (or a quote inside it is not closed)',
    ]);
  });

  it("templates inside header values and JSON bodies are checked at their own path", () => {
    const config = {
      method: "POST",
      url: "https://x.dev",
      headers: { Authorization: "Bearer {{ input.token +}}", "X-Trace": "{{ $uuid() }}" },
      body: { items: [{ name: "{{ input.name }}" }, "{{ ] }}"] },
    };
    const result = validateSegment(doc([{ step_id: "h", type: "http_request", config }]));
    expect(only(result.problems, "invalid_expression").map((p) => p.path)).toEqual([
      "steps[0].config.headers.Authorization",
      "steps[0].config.body.items[1]",
    ]);
  });

  it("critic_loop role templates are checked", () => {
    const role = { llm_ref: "mock", system_prompt: "x", user_prompt_template: "{{ ( }}" };
    const result = validateSegment(doc([{ step_id: "loop", type: "critic_loop", config: { generator: role, critic: { ...role, user_prompt_template: "ok" } } }]));
    expect(only(result.problems, "invalid_expression").map((p) => p.path)).toEqual(["steps[0].config.generator.user_prompt_template"]);
  });

  it("an empty expression field is reported once, as invalid_config (not also as invalid_expression)", () => {
    const result = validateSegment(doc([transform("t", "")]));
    expect(codes(result.problems)).toEqual(["invalid_config"]);
  });
});

describe("validateSegment: legacy_placeholder (warning)", () => {
  it("llmteam's single-brace {topic} in a prompt template is a legacy_placeholder warning suggesting {{ topic }}", () => {
    const result = validateSegment(doc([llm("w", { user_prompt_template: "Write about {topic}." })]));
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([
      {
        code: "legacy_placeholder",
        severity: "warning",
        message:
          'Step "w": user_prompt_template contains "{topic}", an llmteam placeholder that is sent as plain text — write "{{ topic }}" to insert the value.',
        step_id: "w",
        path: "steps[0].config.user_prompt_template",
      },
    ]);
  });

  it("JSON text inside a template is not a legacy placeholder", () => {
    const result = validateSegment(
      doc([llm("w", { user_prompt_template: 'Reply as JSON like {"category": "billing", "urgent": true} for {{ input.body }}' })]),
    );
    expect(result.problems).toEqual([]);
  });

  it("fields that are not templates (system_prompt, a human approval title) are not scanned", () => {
    const steps = [llm("w", { system_prompt: "Answer {x}" }), { step_id: "h", type: "human_approval", config: { title: "Check {x}" } }];
    expect(validateSegment(doc(steps, [edge("w", "h")])).problems).toEqual([]);
  });
});
