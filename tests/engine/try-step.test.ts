// tryStep: one step's handler alone, in memory, with sample input (the editor's "Try a step").
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tryStep, type TryStepRequest } from "../../src/engine";
import { StepError } from "../../src/engine/errors";
import { createBuiltinRegistry } from "../../src/engine/steps/builtins";
import { complete, defineHandler } from "../../src/engine/steps/types";
import { FakeClock } from "../../src/engine/testing";
import { z } from "zod";

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      if (req.url === "/teapot") {
        res.writeHead(418, { "content-type": "text/plain" });
        res.end("short and stout");
        return;
      }
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ method: req.method, url: req.url, received: body ? (JSON.parse(body) as unknown) : null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const steps = createBuiltinRegistry();
const run = (request: TryStepRequest, registry = steps) => tryStep({ steps: registry }, request);
const step = (type: string, config: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  step_id: "tried",
  type,
  config,
  ...extra,
});

describe("tryStep: steps that complete", () => {
  it("transform sees step_input, the run input and other steps' outputs", async () => {
    const result = await run({
      step: step("transform", { expression: "{ 'total': step_input.a + steps.prev.b, 'who': input.user }" }),
      input: { a: 2 },
      run_input: { user: "ada" },
      steps: { prev: { b: 40 } },
    });
    expect(result).toMatchObject({ status: "completed", output: { total: 42, who: "ada" }, port: null, error: null });
    expect(result.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it("the run input defaults to the step input", async () => {
    const result = await run({ step: step("transform", { expression: "input.n * 2" }), input: { n: 21 } });
    expect(result.output).toBe(42);
  });

  it("condition reports the port it would leave through", async () => {
    const yes = await run({ step: step("condition", { expression: "step_input.score > 0.5" }), input: { score: 0.9 } });
    const no = await run({ step: step("condition", { expression: "step_input.score > 0.5" }), input: { score: 0.1 } });
    expect([yes.port, yes.output, no.port, no.output]).toEqual(["true", true, "false", false]);
  });

  it("llm_agent with the mock ref answers offline and counts tokens", async () => {
    const result = await run({
      step: step("llm_agent", { llm_ref: "mock", system_prompt: "Be brief", user_prompt_template: "Summarize {{ step_input.text }}" }),
      input: { text: "the quick brown fox" },
    });
    expect(result.status).toBe("completed");
    // The mock echoes the prompt; words count as tokens.
    expect(result.output).toBe("Summarize the quick brown fox");
    expect(result.tokens).toEqual({ input: 7, output: 5 });
    expect(result.cost).toBe(0);
  });

  it("http_request calls the URL and returns status and body", async () => {
    const result = await run({
      step: step("http_request", { method: "POST", url: `${base}/items/{{ step_input.id }}`, body: { name: "{{ step_input.name }}" } }),
      input: { id: 7, name: "lamp" },
    });
    expect(result.status).toBe("completed");
    expect(result.output).toMatchObject({ status: 201, body: { method: "POST", url: "/items/7", received: { name: "lamp" } } });
  });

  it("critic_loop's rounds come back as events", async () => {
    const verdict = JSON.stringify({ verdict: "approved", score: 0.9, feedback: "good", suggestions: [] });
    const result = await run({
      step: step("critic_loop", {
        generator: { llm_ref: "mock", system_prompt: "Write", mock_responses: ["a draft"] },
        critic: { llm_ref: "mock", system_prompt: "Judge", mock_responses: [verdict] },
      }),
      input: "write something",
    });
    expect(result.error).toBeNull();
    expect(result.events?.map((e) => e.type)).toEqual(["critic_loop.iteration", "critic_loop.completed"]);
  });
});

describe("tryStep: steps that fail", () => {
  it("a failing expression fails with expression_error and JSONata's message", async () => {
    const result = await run({ step: step("transform", { expression: "$number('abc') + $undefinedFn()" }), input: {} });
    expect(result.status).toBe("failed");
    expect(result.error?.code).toBe("expression_error");
    expect(result.error?.message).toMatch(/in expression/);
  });

  it("an HTTP error status fails with http_error naming the status", async () => {
    const result = await run({ step: step("http_request", { url: `${base}/teapot` }), input: null });
    expect(result).toMatchObject({ status: "failed", error: { code: "http_error" } });
    expect(result.error?.message).toContain("418");
  });

  it("invalid config fails with invalid_config and says which field", async () => {
    const result = await run({ step: step("transform", { expresion: "typo" }), input: {} });
    expect(result.status).toBe("failed");
    expect(result.error?.code).toBe("invalid_config");
    expect(result.error?.message).toMatch(/expression/);
  });

  it("an unknown type fails with unknown_step_type and lists the known ones", async () => {
    const result = await run({ step: step("teleport", {}), input: {} });
    expect(result).toMatchObject({ status: "failed", error: { code: "unknown_step_type" } });
    expect(result.error?.message).toContain("transform");
  });

  it("a step that breaks the contract fails with invalid_step", async () => {
    const result = await run({ step: { step_id: "x", type: "transform", config: { expression: "1" }, timeout_seconds: -1 }, input: {} });
    expect(result).toMatchObject({ status: "failed", error: { code: "invalid_step" } });
    expect(result.error?.message).toContain("timeout_seconds");
  });

  it("an unknown llm_ref fails and says how to configure it", async () => {
    const result = await run({ step: step("llm_agent", { llm_ref: "gpt-nowhere" }), input: "hi" });
    expect(result).toMatchObject({ status: "failed", error: { code: "unknown_llm_ref" } });
  });

  it("a step that outlives its timeout_seconds fails with timeout and its signal is aborted", async () => {
    let seen: AbortSignal | undefined;
    const registry = createBuiltinRegistry().register(
      defineHandler({
        type: "hang",
        config: z.object({}),
        start(ctx) {
          seen = ctx.signal;
          return new Promise(() => {});
        },
      }),
    );
    const result = await run({ step: step("hang", {}, { timeout_seconds: 0.05 }), input: {} }, registry);
    expect(result).toMatchObject({ status: "failed", error: { code: "timeout" } });
    expect(seen?.aborted).toBe(true);
  });

  it("a step tried without timeout_seconds stops after 60 s, and never waits more than 300 s", async () => {
    const registry = createBuiltinRegistry().register(
      defineHandler({ type: "hang", config: z.object({}), start: () => new Promise(() => {}) }),
    );
    const timedOutAfter = async (extra: Record<string, unknown>) => {
      const clock = new FakeClock();
      let settled = false;
      const pending = tryStep({ steps: registry, clock }, { step: step("hang", {}, extra), input: {} }).then((r) => {
        settled = true;
        return r;
      });
      let waited = 0;
      // One simulated second at a time, letting the attempt react in between.
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        if (settled || waited >= 3600) break;
        clock.advance(1000);
        waited += 1;
      }
      expect((await pending).error?.code).toBe("timeout");
      return waited;
    };
    expect(await timedOutAfter({})).toBe(60);
    expect(await timedOutAfter({ timeout_seconds: 10_000 })).toBe(300);
  });

  it("a handler's StepError keeps its code, and its usage is counted", async () => {
    const registry = createBuiltinRegistry().register(
      defineHandler({
        type: "grumpy",
        config: z.object({}),
        async start() {
          throw new StepError("no_mood", "not today", { usage: { input_tokens: 3, output_tokens: 1, cost: 0.5 } });
        },
      }),
    );
    const result = await run({ step: step("grumpy", {}), input: {} }, registry);
    expect(result).toMatchObject({ status: "failed", error: { code: "no_mood", message: "not today" }, tokens: { input: 3, output: 1 }, cost: 0.5 });
  });
});

describe("tryStep: steps that need a run", () => {
  it("human_approval says what the person would see", async () => {
    const result = await run({ step: step("human_approval", { title: "Publish the article?" }), input: { draft: "text" } });
    expect(result.status).toBe("unsupported");
    expect(result.error?.message).toBe("A human approval step waits for a person; in a run it would show: Publish the article?");
    expect(result.output).toMatchObject({ title: "Publish the article?", data: { draft: "text" } });
  });

  it("delay says how long it would wait and passes its input on", async () => {
    const result = await run({ step: step("delay", { seconds: 30 }), input: { keep: 1 } });
    expect(result.status).toBe("unsupported");
    expect(result.error?.message).toBe("A delay step would wait 30 seconds, then pass its input on");
    expect(result.output).toEqual({ keep: 1 });
  });

  it("a zero delay simply completes", async () => {
    expect(await run({ step: step("delay", { seconds: 0 }), input: 5 })).toMatchObject({ status: "completed", output: 5 });
  });

  it("subsegment names the segment it would run, with the input it would pass", async () => {
    const result = await run({ step: step("subsegment", { segment_id: "child-flow" }), input: { q: 1 } });
    expect(result.status).toBe("unsupported");
    expect(result.error?.message).toContain('segment "child-flow"');
    expect(result.output).toEqual({ q: 1 });
  });

  it("map evaluates its items and says how many child runs it would start", async () => {
    const result = await run({ step: step("map", { segment_id: "per-item", items: "step_input.list", concurrency: 2 }), input: { list: [1, 2, 3] } });
    expect(result.status).toBe("unsupported");
    expect(result.error?.message).toContain("3 items");
    expect(result.output).toEqual([1, 2, 3]);
  });

  it("a custom type that completes at once works like a built-in", async () => {
    const registry = createBuiltinRegistry().register(
      defineHandler({ type: "echo", config: z.object({}), async start(ctx) { return complete(ctx.input, { port: "out" }); } }),
    );
    expect(await run({ step: step("echo", {}), input: "hello" }, registry)).toMatchObject({ status: "completed", output: "hello", port: "out" });
  });
});
