import { describe, expect, it } from "vitest";
import { validateSegment } from "../../src/shared/validation";
import { doc, llm, only, transform } from "./helpers";

const critic = { llm_ref: "mock", system_prompt: "Judge." };

describe("validateSegment: invalid_config", () => {
  it("an out-of-range temperature is invalid_config at steps[i].config.temperature", () => {
    const result = validateSegment(doc([transform("a"), transform("b"), llm("draft", { temperature: 3 })], [], { entrypoint: "a" }));
    expect(only(result.problems, "invalid_config")).toEqual([
      {
        code: "invalid_config",
        severity: "error",
        message: 'Step "draft": temperature must be at most 2',
        step_id: "draft",
        path: "steps[2].config.temperature",
      },
    ]);
  });

  it("a typo in a config key is invalid_config with a did-you-mean", () => {
    const result = validateSegment(doc([llm("draft", { temprature: 0.2 })]));
    expect(result.problems).toEqual([
      {
        code: "invalid_config",
        severity: "error",
        message: 'Step "draft": unknown config key "temprature" — did you mean "temperature"?',
        step_id: "draft",
        path: "steps[0].config.temprature",
      },
    ]);
  });

  it("a missing required config key and a wrong type are each reported, all at once", () => {
    const result = validateSegment(doc([{ step_id: "w", type: "llm_agent", config: { max_tokens: "many", output_format: "xml" } }]));
    expect(only(result.problems, "invalid_config").map((p) => [p.path, p.message])).toEqual([
      ["steps[0].config.llm_ref", 'Step "w": llm_ref is required'],
      ["steps[0].config.max_tokens", 'Step "w": max_tokens must be a number, got the string "many"'],
      ["steps[0].config.output_format", 'Step "w": output_format must be one of "text", "json", "markdown", got the string "xml"'],
    ]);
  });

  it("a problem inside a critic_loop role names the nested path", () => {
    const step = {
      step_id: "loop",
      type: "critic_loop",
      config: { generator: { llm_ref: "mock" }, critic: { ...critic, temprature: 0 }, max_iterations: 0 },
    };
    const result = validateSegment(doc([step]));
    expect(only(result.problems, "invalid_config").map((p) => [p.path, p.message])).toEqual([
      ["steps[0].config.generator.system_prompt", 'Step "loop": generator.system_prompt is required'],
      ["steps[0].config.critic.temprature", 'Step "loop": unknown config key "temprature" in critic — did you mean "temperature"?'],
      ["steps[0].config.max_iterations", 'Step "loop": max_iterations must be at least 1'],
    ]);
  });

  it("an unknown key with nothing close lists what the object accepts", () => {
    const result = validateSegment(doc([{ step_id: "t", type: "transform", config: { expression: "x", color: "red" } }]));
    expect(result.problems[0]?.message).toBe('Step "t": unknown config key "color"; transform accepts "expression"');
  });

  it("a delay with both seconds and until is invalid_config on the config itself", () => {
    const result = validateSegment(doc([{ step_id: "wait", type: "delay", config: { seconds: 5, until: "2030-01-01T00:00:00Z" } }]));
    expect(result.problems).toEqual([
      {
        code: "invalid_config",
        severity: "error",
        message: 'Step "wait": set either seconds or until, not both',
        step_id: "wait",
        path: "steps[0].config",
      },
    ]);
  });

  it("schema-written messages win over the generic wording (empty llm_ref, relative url)", () => {
    const result = validateSegment(
      doc([llm("a", { llm_ref: "" }), { step_id: "h", type: "http_request", config: { url: "/api" } }], [{ from_step: "a", to_step: "h" }]),
    );
    expect(only(result.problems, "invalid_config").map((p) => p.message)).toEqual([
      'Step "a": llm_ref must not be empty: name an LLM from the registry, e.g. "mock"',
      'Step "h": url must be an absolute http:// or https:// URL, or a template such as "{{ input.url }}"',
    ]);
  });

  it("config of a step with an unknown type is not checked (the type problem says enough)", () => {
    const result = validateSegment(doc([{ step_id: "x", type: "llm_agnet", config: { whatever: 1 } }]));
    expect(only(result.problems, "invalid_config")).toEqual([]);
  });
});
