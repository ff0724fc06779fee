// Node's http request/response ⇄ the Fetch API's Request/Response, for the API routes main.ts
// serves itself (REST v1, tRPC): the same handlers Next's route files export, without Next's
// routing, rendering pipeline and response compression in front of them. The request's signal
// aborts when the client goes away (an SSE stream stops), as under Next.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

export function toFetchRequest(req: IncomingMessage, res: ServerResponse, origin: string): Request {
  const abort = new AbortController();
  // Only a client that left before the answer was complete aborts (an abort builds a
  // DOMException: measurable on every request of a busy server).
  res.once("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method,
    headers,
    signal: abort.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: "half" } : {}),
  } as RequestInit);
}

/** Writes `response` to `res`: an event stream (SSE) flows as it is produced, any other body in one write. */
export async function sendFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  if (!response.body) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  if (!response.headers.get("content-type")?.startsWith("text/event-stream")) {
    // A whole answer (JSON): one write, without a web → Node stream adapter per response.
    const body = Buffer.from(await response.arrayBuffer());
    headers["content-length"] = String(body.length);
    res.writeHead(response.status, headers);
    res.end(body);
    return;
  }
  res.writeHead(response.status, headers);
  const body = Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  await new Promise<void>((resolve) => {
    body.once("error", () => {
      res.destroy();
      resolve();
    });
    res.once("close", () => {
      body.destroy();
      resolve();
    });
    body.pipe(res);
  });
}
