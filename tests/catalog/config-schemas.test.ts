import { describe, expect, it } from "vitest";
import {
  conditionConfigSchema,
  criticLoopConfigSchema,
  delayConfigSchema,
  httpRequestConfigSchema,
  humanApprovalConfigSchema,
  llmAgentConfigSchema,
  mapConfigSchema,
  subsegmentConfigSchema,
  transformConfigSchema,
} from "../../src/shared/catalog";

const llm = { llm_ref: "mock", system_prompt: "You write." };

describe("config schemas: defaults", () => {
  it("llm_agent fills system_prompt, temperature and output_format", () => {
    expect(llmAgentConfigSchema.parse({ llm_ref: "mock" })).toEqual({
      llm_ref: "mock",
      system_prompt: "",
      temperature: 0.7,
      output_format: "text",
    });
  });

  it("http_request defaults to GET with a 30 s timeout", () => {
    expect(httpRequestConfigSchema.parse({ url: "https://example.com" })).toEqual({
      method: "GET",
      url: "https://example.com",
      timeout_seconds: 30,
    });
  });

  it("human_approval defaults to on_timeout fail, on_reject continue, no timeout", () => {
    expect(humanApprovalConfigSchema.parse({ title: "Approve" })).toEqual({
      title: "Approve",
      on_timeout: "fail",
      on_reject: "continue",
    });
  });

  it("critic_loop gets the seed P1-1 defaults, and temperature 0.7 per role", () => {
    const parsed = criticLoopConfigSchema.parse({ generator: llm, critic: llm });
    expect(parsed).toMatchObject({
      max_iterations: 5,
      quality_threshold: 0.85,
      improvement_threshold: 0.05,
      stop_on_rejection: true,
      timeout_per_iteration: 60,
    });
    expect(parsed.generator.temperature).toBe(0.7);
  });

  it("map runs 4 children at a time by default; subsegment revision stays unset (latest)", () => {
    expect(mapConfigSchema.parse({ items: "input.list", segment_id: "child" }).concurrency).toBe(4);
    expect(subsegmentConfigSchema.parse({ segment_id: "child" })).toEqual({ segment_id: "child" });
  });
});

describe("config schemas: what they refuse", () => {
  it("a typo in a config key is refused (strict objects), nested roles too", () => {
    expect(llmAgentConfigSchema.safeParse({ llm_ref: "mock", temprature: 1 }).success).toBe(false);
    expect(criticLoopConfigSchema.safeParse({ generator: { ...llm, modle: "x" }, critic: llm }).success).toBe(false);
  });

  it("out-of-range numbers are refused", () => {
    expect(llmAgentConfigSchema.safeParse({ llm_ref: "m", temperature: 2.5 }).success).toBe(false);
    expect(llmAgentConfigSchema.safeParse({ llm_ref: "m", max_tokens: 0 }).success).toBe(false);
    expect(llmAgentConfigSchema.safeParse({ llm_ref: "m", max_tokens: 1.5 }).success).toBe(false);
    expect(criticLoopConfigSchema.safeParse({ generator: llm, critic: llm, max_iterations: 51 }).success).toBe(false);
    expect(criticLoopConfigSchema.safeParse({ generator: llm, critic: llm, quality_threshold: 1.1 }).success).toBe(false);
    expect(mapConfigSchema.safeParse({ items: "x", segment_id: "c", concurrency: 65 }).success).toBe(false);
    expect(httpRequestConfigSchema.safeParse({ url: "https://x.dev", timeout_seconds: 0 }).success).toBe(false);
  });

  it("critic_loop needs both roles with an llm_ref and a system prompt", () => {
    expect(criticLoopConfigSchema.safeParse({ generator: llm }).success).toBe(false);
    expect(criticLoopConfigSchema.safeParse({ generator: llm, critic: { llm_ref: "mock" } }).success).toBe(false);
  });

  it("http_request url is an absolute http(s) URL unless it is a template", () => {
    expect(httpRequestConfigSchema.safeParse({ url: "{{ input.url }}" }).success).toBe(true);
    expect(httpRequestConfigSchema.safeParse({ url: "https://api.example.com/{{ input.id }}" }).success).toBe(true);
    expect(httpRequestConfigSchema.safeParse({ url: "ftp://example.com" }).success).toBe(false);
    expect(httpRequestConfigSchema.safeParse({ url: "/relative" }).success).toBe(false);
    expect(httpRequestConfigSchema.safeParse({ url: "https://x.dev", method: "get" }).success).toBe(false);
  });

  it("http_request body may be any JSON or a string; header values are strings", () => {
    expect(httpRequestConfigSchema.safeParse({ url: "https://x.dev", body: { a: [1, { b: "{{ x }}" }] } }).success).toBe(true);
    expect(httpRequestConfigSchema.safeParse({ url: "https://x.dev", body: "raw {{ x }}" }).success).toBe(true);
    expect(httpRequestConfigSchema.safeParse({ url: "https://x.dev", headers: { "X-N": 1 } }).success).toBe(false);
  });

  it("delay takes exactly one of seconds or until, with a clear message", () => {
    expect(delayConfigSchema.safeParse({ seconds: 0 }).success).toBe(true);
    expect(delayConfigSchema.safeParse({ until: "2030-01-31T09:00:00Z" }).success).toBe(true);
    expect(delayConfigSchema.safeParse({ until: "2030-01-31T09:00:00+02:00" }).success).toBe(true);
    const neither = delayConfigSchema.safeParse({});
    expect(neither.error?.issues[0]?.message).toMatch(/seconds .* or until/);
    const both = delayConfigSchema.safeParse({ seconds: 1, until: "2030-01-31T09:00:00Z" });
    expect(both.error?.issues[0]?.message).toBe("set either seconds or until, not both");
    expect(delayConfigSchema.safeParse({ until: "2030-01-31T09:00:00" }).error?.issues[0]?.message).toMatch(/time zone/);
    expect(delayConfigSchema.safeParse({ seconds: -1 }).success).toBe(false);
  });

  it("subsegment and map segment_id must be a slug; revision an integer ≥ 1", () => {
    expect(subsegmentConfigSchema.safeParse({ segment_id: "Not A Slug" }).success).toBe(false);
    expect(subsegmentConfigSchema.safeParse({ segment_id: "child", revision: 0 }).success).toBe(false);
    expect(mapConfigSchema.safeParse({ segment_id: "child" }).success).toBe(false);
  });

  it("transform and condition need a non-empty expression", () => {
    expect(transformConfigSchema.safeParse({ expression: "" }).success).toBe(false);
    expect(conditionConfigSchema.safeParse({}).success).toBe(false);
    expect(conditionConfigSchema.parse({ expression: "a = 1" })).toEqual({ expression: "a = 1" });
  });
});
