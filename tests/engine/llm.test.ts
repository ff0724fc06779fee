import { describe, expect, it } from "vitest";
import type { LlmClient, LlmRequest } from "../../src/engine/ports";
import { liveEventSchema } from "../../src/shared/events";
import type { SegmentInput } from "../../src/shared/segment";
import { setup } from "./helpers";

function agent(config: Record<string, unknown>, extra: Record<string, unknown> = {}): SegmentInput {
  return {
    segment_id: "agent",
    name: "Agent",
    entrypoint: "ask",
    steps: [{ step_id: "ask", type: "llm_agent", config: { llm_ref: "mock", ...config }, ...extra }],
    edges: [],
  };
}

describe("llm_agent with the mock LLM", () => {
  it("llm-mock-tokens-are-streamed-live-not-stored-and-usage-is-summed", async () => {
    const h = setup();
    const run = await h.start(agent({ system_prompt: "Be brief.", mock_responses: ["Hello there, general Kenobi"] }));
    expect(run.status).toBe("completed");
    expect(run.output).toBe("Hello there, general Kenobi");
    const tokens = h.sink.live.filter((e) => e.run_id === run.run_id);
    expect(tokens.map((e) => e.payload.token)).toEqual(["Hello ", "there, ", "general ", "Kenobi"]);
    expect(tokens.map((e) => e.payload.index)).toEqual([0, 1, 2, 3]);
    for (const token of tokens) expect(liveEventSchema.parse(token)).toMatchObject({ type: "llm.token", step_id: "ask" });
    expect(tokens.every((t) => !("seq" in t))).toBe(true);
    expect(h.events(run.run_id).some((e) => (e.type as string) === "llm.token")).toBe(false);
    // mock usage: words in (system + prompt "{}") and out
    expect(run.steps.ask?.tokens).toEqual({ input: 3, output: 4 });
    expect(run.tokens).toEqual({ input: 3, output: 4 });
    expect(run.cost).toBe(0);
  });

  it("llm-mock-echoes-the-rendered-prompt-without-responses", async () => {
    const h = setup();
    const run = await h.start(agent({ user_prompt_template: "Topic: {{ input.topic }}, n={{ input.n }}" }), { topic: "durable runs", n: 3 });
    expect(run.output).toBe("Topic: durable runs, n=3");
  });

  it("llm-json-output-is-parsed-and-validated-against-output_schema", async () => {
    const h = setup();
    const schema = { type: "object", required: ["urgent"], properties: { urgent: { type: "boolean" } } };
    const ok = await h.start(agent({ output_format: "json", output_schema: schema, mock_responses: ['```json\n{"urgent": true}\n```'] }));
    expect(ok.output).toEqual({ urgent: true });
    const bad = await h.start(agent({ output_format: "json", output_schema: schema, mock_responses: ['{"urgent": "yes"}'] }));
    expect(bad.status).toBe("failed");
    expect(bad.error?.code).toBe("invalid_output");
    // a failed attempt's tokens still count
    expect(bad.tokens.output).toBeGreaterThan(0);
  });

  it("llm-invalid-json-then-valid-on-retry: the mock's responses follow the attempts", async () => {
    const h = setup();
    const run = await h.start(agent({ output_format: "json", mock_responses: ["not json", '{"ok": 1}'] }, { retry: { max_attempts: 2, initial_seconds: 1 } }));
    expect(run.status).toBe("running");
    await h.advance(1000);
    const done = await h.run(run.run_id);
    expect(done.output).toEqual({ ok: 1 });
    expect(done.steps.ask?.attempts).toBe(2);
    // both attempts' tokens are summed on the run
    expect(done.tokens.output).toBe(4);
  });

  it("unknown-llm-ref-fails-without-retry", async () => {
    const h = setup();
    const run = await h.start(agent({ llm_ref: "gpt9" }, { retry: { max_attempts: 3 } }));
    expect(run.error?.code).toBe("unknown_llm_ref");
    expect(run.steps.ask?.attempts).toBe(1);
  });

  it("a-priced-llm-records-cost-per-step-and-run", async () => {
    const priced: LlmClient = {
      async *generate(request: LlmRequest) {
        yield "fine";
        return { text: `fine:${request.prompt}`, usage: { input_tokens: 1000, output_tokens: 500 }, cost: 0.0125 };
      },
    };
    const h = setup({ llm: { get: (ref) => (ref === "paid" ? priced : undefined) } });
    const run = await h.start({
      ...agent({}),
      steps: [
        { step_id: "a", type: "llm_agent", config: { llm_ref: "paid", user_prompt_template: "x" } },
        { step_id: "b", type: "llm_agent", config: { llm_ref: "paid", user_prompt_template: "y" } },
      ],
      entrypoint: "a",
      edges: [{ from_step: "a", to_step: "b" }],
    });
    expect(run.steps.a?.cost).toBe(0.0125);
    expect(run.cost).toBe(0.025);
    expect(run.tokens).toEqual({ input: 2000, output: 1000 });
  });

  it("critic-loop-timeout_per_iteration-fails-with-timeout", async () => {
    const slow: LlmClient = {
      // eslint-disable-next-line require-yield
      async *generate(request: LlmRequest) {
        await new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(request.signal.reason)));
        return { text: "", usage: { input_tokens: 0, output_tokens: 0 }, cost: null };
      },
    };
    const h = setup({ llm: { get: (ref) => (ref === "slow" ? slow : undefined) } });
    const run = await h.start({
      segment_id: "slow-critic",
      name: "Slow",
      entrypoint: "c",
      steps: [
        {
          step_id: "c",
          type: "critic_loop",
          config: { generator: { llm_ref: "slow", system_prompt: "g" }, critic: { llm_ref: "mock", system_prompt: "c" }, timeout_per_iteration: 10 },
        },
      ],
    });
    expect(run.status).toBe("running");
    await h.advance(10_000);
    const done = await h.run(run.run_id);
    expect(done.error?.code).toBe("timeout");
  });
});
