import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SegmentInput } from "../../src/shared/segment";
import { setup } from "./helpers";

let server: Server;
let base = "";
const seen: Array<{ method?: string; url?: string; body: string; headers: Record<string, unknown> }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, body, headers: req.headers });
      if (req.url?.startsWith("/json")) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: true, echo: body ? (JSON.parse(body) as unknown) : null }));
      } else if (req.url?.startsWith("/missing")) {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("no such thing here ".repeat(50));
      } else if (req.url?.startsWith("/slow")) {
        // never answers
      } else {
        res.writeHead(200, { "content-type": "text/plain" });
        res.end("plain");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const request = (config: Record<string, unknown>, extra: Record<string, unknown> = {}): SegmentInput => ({
  segment_id: "http",
  name: "HTTP",
  entrypoint: "call",
  steps: [{ step_id: "call", type: "http_request", config, ...extra }],
});

/** Real fetch, but the test waits with real time for the local server. */
async function settleReal(h: ReturnType<typeof setup>, runId: string) {
  for (let i = 0; i < 2000; i++) {
    const run = await h.run(runId);
    if (run.status !== "running" && run.status !== "pending") return run;
    await new Promise((r) => setTimeout(r, 5));
    await h.settle();
  }
  return h.run(runId);
}

describe("http_request", () => {
  it("posts-a-templated-json-body-and-parses-a-json-answer", async () => {
    const h = setup();
    const started = await h.start(request({ method: "POST", url: `${base}/json?q={{ input.q }}`, headers: { "x-topic": "{{ input.q }}" }, body: { q: "{{ input.q }}", n: "{{ input.n }}" } }), {
      q: "ai",
      n: 3,
    });
    const run = await settleReal(h, started.run_id);
    expect(run.status).toBe("completed");
    expect(run.output).toMatchObject({ status: 200, body: { ok: true, echo: { q: "ai", n: 3 } } });
    const last = seen.at(-1);
    expect(last).toMatchObject({ method: "POST", url: "/json?q=ai" });
    expect(last?.headers["x-topic"]).toBe("ai");
    expect(last?.headers["content-type"]).toBe("application/json");
  });

  it("non-2xx-fails-with-http_error-status-and-body-excerpt", async () => {
    const h = setup();
    const started = await h.start(request({ url: `${base}/missing` }, { retry: { max_attempts: 3 } }));
    const run = await settleReal(h, started.run_id);
    expect(run.status).toBe("failed");
    expect(run.error?.code).toBe("http_error");
    expect(run.error?.message).toContain("404");
    expect(run.steps.call?.error?.details).toMatchObject({ status: 404 });
    expect(String(run.steps.call?.error?.details?.body_excerpt).length).toBeLessThanOrEqual(501);
    // a 404 is not retried
    expect(run.steps.call?.attempts).toBe(1);
  });

  it("no-answer-within-timeout_seconds-fails-with-timeout", async () => {
    const h = setup();
    const started = await h.start(request({ url: `${base}/slow`, timeout_seconds: 2 }));
    for (let i = 0; i < 1000 && !seen.some((s) => s.url === "/slow"); i++) await new Promise((r) => setTimeout(r, 5));
    await h.advance(2000);
    const run = await settleReal(h, started.run_id);
    expect(run.status).toBe("failed");
    expect(run.error?.code).toBe("timeout");
  });

  it("the-fetch-port-is-injectable", async () => {
    const calls: string[] = [];
    const h = setup({
      fetch: async (url) => {
        calls.push(url);
        return new Response("hi", { status: 200, headers: { "content-type": "text/plain" } });
      },
    });
    const run = await h.start(request({ url: "https://example.test/{{ input.p }}" }), { p: "x" });
    expect(run.output).toMatchObject({ status: 200, body: "hi" });
    expect(calls).toEqual(["https://example.test/x"]);
  });
});
