import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInMemoryEngine } from "../../src/engine/testing";
import { parseLlmConfig } from "../../src/server/config/llms";
import { createLlmRegistry } from "../../src/server/llm/registry";
import type { RunDetail } from "../../src/shared/resources/run-detail";
import type { SegmentInput } from "../../src/shared/segment";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "./fake-openai-server";

const KEY = "sk-engine-test-key-42";

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(() => server.close());

function harness() {
  const refs = parseLlmConfig(
    JSON.stringify({
      fake: {
        provider: "openai-compatible",
        model: "fake-model",
        base_url: server.baseUrl,
        api_key_env: "FAKE_KEY",
        price: { input_per_million: 3, output_per_million: 15 },
      },
    }),
    () => "",
    (name) => (name === "FAKE_KEY" ? KEY : undefined),
  );
  const h = createInMemoryEngine({ llm: createLlmRegistry(refs), random: () => 0 });

  /** Real HTTP is involved: poll until the run reaches one of `statuses`. */
  async function until(runId: string, statuses: string[], what = (run: RunDetail) => statuses.includes(run.status)): Promise<RunDetail> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const run = await h.engine.getRun(runId);
      if (run && what(run)) return run;
      if (Date.now() > deadline) throw new Error(`run ${runId} is ${run?.status}, expected ${statuses.join("|")}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  async function start(segment: SegmentInput, input: unknown = {}) {
    const revision = h.segments.add(segment);
    return h.engine.start({ segment_id: segment.segment_id, revision, input });
  }
  return { ...h, until, start };
}

const twoAgents: SegmentInput = {
  segment_id: "fake-agents",
  name: "Fake agents",
  entrypoint: "draft",
  steps: [
    { step_id: "draft", type: "llm_agent", config: { llm_ref: "fake", system_prompt: "Write.", user_prompt_template: "Topic: {{ input.topic }}" } },
    { step_id: "review", type: "llm_agent", config: { llm_ref: "fake", system_prompt: "Review.", temperature: 0 } },
  ],
  edges: [{ from_step: "draft", to_step: "review" }],
};

describe("llm_agent through the engine with the AI SDK registry", () => {
  it("streamed-text-is-the-step-output-tokens-go-live-and-usage-and-cost-are-summed", async () => {
    const h = harness();
    server.reply(
      { kind: "text", tokens: ["Durable ", "runs ", "rock."], usage: { prompt_tokens: 100, completion_tokens: 20 } },
      { kind: "text", tokens: ["Looks ", "good."], usage: { prompt_tokens: 50, completion_tokens: 10 } },
    );
    const record = await h.start(twoAgents, { topic: "durability" });
    const run = await h.until(record.run_id, ["completed", "failed"]);

    expect(run.status).toBe("completed");
    expect(run.steps.draft?.output).toBe("Durable runs rock.");
    expect(run.output).toBe("Looks good.");

    // The prompt was rendered and the previous step's text fed the next one.
    const bodies = server.requests.slice(-2).map((r) => r.body);
    expect(bodies[0]?.messages).toEqual([
      { role: "system", content: "Write." },
      { role: "user", content: "Topic: durability" },
    ]);
    expect(bodies[1]?.messages).toEqual([
      { role: "system", content: "Review." },
      { role: "user", content: "Durable runs rock." },
    ]);
    expect(bodies[1]?.temperature).toBe(0);

    const live = h.sink.live.filter((e) => e.run_id === record.run_id);
    expect(live.map((e) => [e.type, e.step_id, e.payload.index, e.payload.token])).toEqual([
      ["llm.token", "draft", 0, "Durable "],
      ["llm.token", "draft", 1, "runs "],
      ["llm.token", "draft", 2, "rock."],
      ["llm.token", "review", 0, "Looks "],
      ["llm.token", "review", 1, "good."],
    ]);
    expect(h.sink.eventsOf(record.run_id).some((e) => (e.type as string) === "llm.token")).toBe(false);

    expect(run.steps.draft?.tokens).toEqual({ input: 100, output: 20 });
    expect(run.steps.draft?.cost).toBeCloseTo((100 * 3 + 20 * 15) / 1e6, 12);
    expect(run.tokens).toEqual({ input: 150, output: 30 });
    expect(run.cost).toBeCloseTo((150 * 3 + 30 * 15) / 1e6, 12);
  });

  it("a-401-fails-the-step-with-llm_auth_error-without-retrying-or-leaking-the-key", async () => {
    const h = harness();
    server.reply({ kind: "error", status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } });
    const before = server.requests.length;
    const record = await h.start({
      segment_id: "auth",
      name: "Auth",
      entrypoint: "ask",
      steps: [{ step_id: "ask", type: "llm_agent", config: { llm_ref: "fake", system_prompt: "s" }, retry: { max_attempts: 3, initial_seconds: 0 } }],
      edges: [],
    });
    const run = await h.until(record.run_id, ["completed", "failed"]);
    expect(run.status).toBe("failed");
    expect(run.error?.code).toBe("llm_auth_error");
    expect(run.steps.ask?.attempts).toBe(1);
    expect(server.requests.length - before).toBe(1);
    expect(JSON.stringify(run)).not.toContain(KEY);
    expect(JSON.stringify(h.sink.eventsOf(record.run_id))).not.toContain(KEY);
  });

  it("a-step-timeout-aborts-the-streaming-request", async () => {
    const h = harness();
    server.reply({ kind: "text", tokens: ["still ", "thinking"], hang: true });
    const record = await h.start({
      segment_id: "slow",
      name: "Slow",
      entrypoint: "ask",
      steps: [{ step_id: "ask", type: "llm_agent", config: { llm_ref: "fake", system_prompt: "s" }, timeout_seconds: 5 }],
      edges: [],
    });
    // Wait until both tokens have streamed live, then let the step's timeout fire.
    const deadline = Date.now() + 5000;
    while (h.sink.live.filter((e) => e.run_id === record.run_id).length < 2) {
      if (Date.now() > deadline) throw new Error("no tokens arrived");
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const request = server.requests.at(-1);
    h.clock.advance(5000);
    const run = await h.until(record.run_id, ["failed", "completed"]);
    expect(run.error?.code).toBe("timeout");
    await request?.closed;
  });
});
