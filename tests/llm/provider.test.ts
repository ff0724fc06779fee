import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { generateText } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StepError } from "../../src/engine/errors";
import type { LlmClient, LlmResult } from "../../src/engine/ports";
import { parseLlmConfig, type LlmRefConfig } from "../../src/server/config/llms";
import { createLanguageModel } from "../../src/server/llm/models";
import { createLlmRegistry } from "../../src/server/llm/registry";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "./fake-openai-server";

const KEY = "sk-fake-9f8e7d6c5b4a";

let server: FakeOpenAiServer;
beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(() => server.close());

function refs(extra: Record<string, unknown> = {}): LlmRefConfig[] {
  const settings = {
    fake: { provider: "openai-compatible", model: "fake-model", base_url: server.baseUrl, api_key_env: "FAKE_LLM_KEY", ...extra },
    // The OpenAI provider pointed at the same server (Chat Completions).
    "fake-openai": { provider: "openai", model: "gpt-fake", base_url: server.baseUrl, api_key_env: "FAKE_LLM_KEY" },
  };
  return parseLlmConfig(JSON.stringify(settings), () => "", (name) => (name === "FAKE_LLM_KEY" ? KEY : undefined));
}

function client(ref = "fake", extra: Record<string, unknown> = {}): LlmClient {
  const found = createLlmRegistry(refs(extra)).get(ref);
  if (!found) throw new Error(`no client for ${ref}`);
  return found;
}

async function collect(generator: AsyncGenerator<string, LlmResult, void>): Promise<{ tokens: string[]; result: LlmResult }> {
  const tokens: string[] = [];
  for (;;) {
    const next = await generator.next();
    if (next.done) return { tokens, result: next.value };
    tokens.push(next.value);
  }
}

async function failure(generator: AsyncGenerator<string, LlmResult, void>): Promise<StepError> {
  const error = await collect(generator).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StepError);
  return error as StepError;
}

const request = (signal = new AbortController().signal) => ({ system: "Be brief.", prompt: "Say hello", temperature: 0.2, max_tokens: 50, signal });

describe("AI SDK clients against a fake OpenAI-compatible server", () => {
  it("streams-tokens-one-by-one-in-order-and-returns-text-usage-and-cost", async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    server.reply({ kind: "text", tokens: ["Hel", "lo", ", ", "wor", "ld"], usage: { prompt_tokens: 1200, completion_tokens: 300 }, holdAfterFirst: hold });
    const generator = client("fake", { price: { input_per_million: 2, output_per_million: 10 } }).generate(request());
    const first = await generator.next();
    // The first token arrived while the server still holds back the rest: real streaming.
    expect(first).toEqual({ done: false, value: "Hel" });
    expect(server.written.at(-1)).toEqual(["Hel"]);
    release();
    const { tokens, result } = await collect(generator);
    expect(["Hel", ...tokens]).toEqual(["Hel", "lo", ", ", "wor", "ld"]);
    expect(result.text).toBe("Hello, world");
    expect(result.usage).toEqual({ input_tokens: 1200, output_tokens: 300 });
    expect(result.cost).toBeCloseTo((1200 * 2 + 300 * 10) / 1_000_000, 12);
  });

  it("sends-the-key-from-the-named-variable-as-bearer-and-the-request-settings", async () => {
    server.reply({ kind: "text", tokens: ["ok"] });
    await collect(client().generate(request()));
    const sent = server.requests.at(-1);
    expect(sent?.url).toBe("/v1/chat/completions");
    expect(sent?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent?.body).toMatchObject({
      model: "fake-model",
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      max_tokens: 50,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Say hello" },
      ],
    });
  });

  it("the-openai-provider-speaks-chat-completions-with-the-same-key", async () => {
    server.reply({ kind: "text", tokens: ["a", "b"], usage: { prompt_tokens: 3, completion_tokens: 2 } });
    const { tokens, result } = await collect(client("fake-openai").generate(request()));
    expect(tokens).toEqual(["a", "b"]);
    expect(result).toEqual({ text: "ab", usage: { input_tokens: 3, output_tokens: 2 }, cost: null });
    const sent = server.requests.at(-1);
    expect(sent?.url).toBe("/v1/chat/completions");
    expect(sent?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(sent?.body).toMatchObject({ model: "gpt-fake", stream: true });
  });

  it("without-a-price-cost-is-null-and-missing-usage-counts-as-zero", async () => {
    server.reply({ kind: "text", tokens: ["x"] });
    const { result } = await collect(client().generate(request()));
    expect(result).toEqual({ text: "x", usage: { input_tokens: 0, output_tokens: 0 }, cost: null });
  });

  it("ref-defaults-apply-when-the-request-leaves-them-out", async () => {
    server.reply({ kind: "text", tokens: ["x"] });
    const generator = client("fake", { default_temperature: 0.1, default_max_tokens: 7 }).generate({ system: "", prompt: "p", signal: new AbortController().signal });
    await collect(generator);
    const body = server.requests.at(-1)?.body;
    expect(body).toMatchObject({ temperature: 0.1, max_tokens: 7, messages: [{ role: "user", content: "p" }] });
  });

  it("non-streaming-calls-work-with-the-same-model", async () => {
    server.reply({ kind: "text", tokens: ["Hello", " there"], usage: { prompt_tokens: 4, completion_tokens: 2 } });
    const [ref] = refs();
    const result = await generateText({ model: createLanguageModel(ref as LlmRefConfig), prompt: "hi", maxRetries: 0 });
    expect(result.text).toBe("Hello there");
    expect(result.usage.inputTokens).toBe(4);
    expect(result.usage.outputTokens).toBe(2);
    expect(server.requests.at(-1)?.body.stream).not.toBe(true);
  });

  it("401-becomes-llm_auth_error-not-retryable-without-the-key-in-the-message", async () => {
    server.reply({ kind: "error", status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}`, type: "invalid_request_error" } } });
    const error = await failure(client().generate(request()));
    expect(error.code).toBe("llm_auth_error");
    expect(error.retryable).toBe(false);
    expect(error.message).toContain("fake");
    expect(error.message).toContain("HTTP 401");
    expect(error.message).toContain("FAKE_LLM_KEY");
    expect(error.message).not.toContain(KEY);
    expect(JSON.stringify(error.toInfo())).not.toContain(KEY);
  });

  it("403-is-an-auth-error-too", async () => {
    server.reply({ kind: "error", status: 403, body: { error: { message: "forbidden" } } });
    expect((await failure(client().generate(request()))).code).toBe("llm_auth_error");
  });

  it("429-becomes-llm_rate_limited-retryable-with-retry-after", async () => {
    server.reply({ kind: "error", status: 429, body: { error: { message: "Rate limit reached" } }, headers: { "retry-after": "7" } });
    const error = await failure(client().generate(request()));
    expect(error.code).toBe("llm_rate_limited");
    expect(error.retryable).toBe(true);
    expect(error.details).toEqual({ status: 429, retry_after_seconds: 7 });
    expect(error.message).toContain("Rate limit reached");
  });

  it("a-400-is-a-non-retryable-llm_error-and-a-500-a-retryable-one", async () => {
    server.reply({ kind: "error", status: 400, body: { error: { message: "context length exceeded" } } });
    const bad = await failure(client().generate(request()));
    expect(bad).toMatchObject({ code: "llm_error", retryable: false, details: { status: 400 } });
    expect(bad.message).toContain("context length exceeded");
    server.reply({ kind: "error", status: 503, body: { error: { message: "overloaded" } } });
    expect(await failure(client().generate(request()))).toMatchObject({ code: "llm_error", retryable: true });
  });

  it("an-unreachable-server-is-a-retryable-llm_error", async () => {
    // A port that was just free: nothing listens there any more.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const registry = createLlmRegistry(
      parseLlmConfig(JSON.stringify({ gone: { provider: "openai-compatible", model: "m", base_url: `http://127.0.0.1:${port}/v1` } }), () => "", () => undefined),
    );
    const error = await failure((registry.get("gone") as LlmClient).generate(request()));
    expect(error).toMatchObject({ code: "llm_error", retryable: true });
    expect(error.message).toContain("gone: the provider could not be reached");
  });

  it("aborting-the-signal-stops-the-stream-and-closes-the-connection", async () => {
    server.reply({ kind: "text", tokens: ["one ", "two "], hang: true });
    const controller = new AbortController();
    const generator = client().generate(request(controller.signal));
    expect(await generator.next()).toEqual({ done: false, value: "one " });
    expect(await generator.next()).toEqual({ done: false, value: "two " });
    const sent = server.requests.at(-1);
    const reason = new StepError("timeout", "step timed out after 5s");
    controller.abort(reason);
    const error = await generator.next().then(
      () => null,
      (e: unknown) => e,
    );
    // The engine's reason comes back as is, so the step fails with `timeout` / `cancelled`.
    expect(error).toBe(reason);
    await sent?.closed;
  });

  it("an-already-aborted-signal-makes-no-request", async () => {
    const before = server.requests.length;
    const controller = new AbortController();
    controller.abort();
    const error = await failure(client().generate(request(controller.signal)));
    expect(error.code).toBe("llm_aborted");
    expect(server.requests.length).toBe(before);
  });

  it("unknown-refs-are-undefined-so-the-engine-reports-unknown_llm_ref", () => {
    const registry = createLlmRegistry(refs());
    expect(registry.get("fake")).toBeDefined();
    expect(registry.get("gpt9")).toBeUndefined();
    expect(createLlmRegistry().get("fake")).toBeUndefined();
  });
});
