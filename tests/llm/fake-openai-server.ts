/**
 * A fake OpenAI-compatible server (node:http, 127.0.0.1, random port) for the real provider
 * path: `POST /v1/chat/completions`, streaming (SSE chunks, a usage chunk when
 * `stream_options.include_usage` is asked for, then `data: [DONE]`) and non-streaming.
 * Tests queue replies; each request takes the next one (the last one repeats).
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeReply =
  | {
      kind: "text";
      tokens: string[];
      usage?: { prompt_tokens: number; completion_tokens: number };
      /** Stream: the server stops after the first chunk until this resolves. */
      holdAfterFirst?: Promise<void>;
      /** Stream: after the chunks, keep the connection open and never finish. */
      hang?: boolean;
    }
  | { kind: "error"; status: number; body: unknown; headers?: Record<string, string> };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** Resolves when the client has gone away (closed or aborted the connection). */
  closed: Promise<void>;
}

export interface FakeOpenAiServer {
  /** Base URL including /v1, as a ref's base_url. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Chunks written so far per request (index = request number). */
  written: string[][];
  reply(...replies: FakeReply[]): void;
  close(): Promise<void>;
}

const sse = (res: ServerResponse, data: unknown) => res.write(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const requests: RecordedRequest[] = [];
  const written: string[][] = [];
  let replies: FakeReply[] = [{ kind: "text", tokens: ["ok"] }];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      void (async () => {
        const closed = new Promise<void>((resolve) => res.on("close", () => resolve()));
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
        } catch {
          // recorded as {}
        }
        const index = requests.length;
        requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, closed });
        written[index] = [];
        if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
          res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: `no route ${req.url}` } }));
          return;
        }
        const reply = replies.length > 1 ? (replies.shift() as FakeReply) : (replies[0] as FakeReply);
        if (reply.kind === "error") {
          res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers }).end(JSON.stringify(reply.body));
          return;
        }
        const model = String(body.model ?? "fake-model");
        const usage = reply.usage ?? { prompt_tokens: 0, completion_tokens: 0 };
        const usageJson = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
        if (body.stream !== true) {
          res.writeHead(200, { "content-type": "application/json" }).end(
            JSON.stringify({
              id: "chatcmpl-fake",
              object: "chat.completion",
              created: 1_700_000_000,
              model,
              choices: [{ index: 0, message: { role: "assistant", content: reply.tokens.join("") }, finish_reason: "stop" }],
              usage: usageJson,
            }),
          );
          return;
        }
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
        res.flushHeaders();
        const base = { id: "chatcmpl-fake", object: "chat.completion.chunk", created: 1_700_000_000, model };
        sse(res, { ...base, choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
        for (const [i, token] of reply.tokens.entries()) {
          if (res.destroyed) return;
          sse(res, { ...base, choices: [{ index: 0, delta: { content: token }, finish_reason: null }] });
          written[index]?.push(token);
          if (i === 0 && reply.holdAfterFirst) await reply.holdAfterFirst;
          else await new Promise((resolve) => setTimeout(resolve, 2));
        }
        if (reply.hang) return; // the connection stays open until the client goes away
        sse(res, { ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
        const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
        if (streamOptions?.include_usage) sse(res, { ...base, choices: [], usage: usageJson });
        sse(res, "[DONE]");
        res.end();
      })();
    });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    written,
    reply(...next) {
      replies = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
