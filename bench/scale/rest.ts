// The REST v1 calls the scale suite makes (docs: /api/v1/openapi.json), with LLMTEAM_AUTH=off.
// Sent with node:http over keep-alive connections, not fetch: the load generator shares the
// machine's two cores with the server and PostgreSQL, and fetch cost it about twice the CPU per
// request (its Request/Response/stream objects), CPU the server then lacked.
import http from "node:http";
import type { SegmentInput } from "../../src/shared/segment";

/** Connection-level failures a second attempt may cure (a keep-alive connection the server closed as it was reused). */
const RETRYABLE = new Set(["ECONNRESET", "EPIPE"]);

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

type Answer = { status: number; text: string };

function send(url: URL, method: string, body: string | undefined, timeoutMs: number): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      url,
      { method, agent, headers: body === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(body) }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error(`no answer after ${timeoutMs / 1000} s`), { code: "ETIMEDOUT" })));
    req.on("error", reject);
    req.end(body);
  });
}

export class RestClient {
  /** Requests sent a second time after a connection failure: reported with the figures. */
  retries = 0;

  constructor(readonly origin: string) {}

  private async call<T>(method: string, path: string, body?: unknown, expect: number[] = [200]): Promise<T> {
    const url = new URL(path, this.origin);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const codeOf = (err: unknown) => (err as { code?: string }).code ?? "";
    const res = await send(url, method, payload, 60_000)
      .catch((err: unknown) => {
        if (!RETRYABLE.has(codeOf(err))) throw err;
        this.retries++;
        return send(url, method, payload, 60_000);
      })
      .catch((err: unknown) => {
        throw new Error(`${method} ${path}: ${String(err)} (${codeOf(err)})`, { cause: err });
      });
    const { text } = res;
    if (!expect.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  async saveSegment(doc: SegmentInput): Promise<void> {
    await this.call("POST", "/api/v1/segments", doc, [200, 201]);
  }

  async startRun(segmentId: string, input: unknown = {}): Promise<string> {
    const started = await this.call<{ run_id: string }>("POST", `/api/v1/segments/${segmentId}/runs`, { input_data: input }, [202]);
    return started.run_id;
  }

  async getRun(runId: string): Promise<{ status: string; error: unknown }> {
    return this.call("GET", `/api/v1/runs/${runId}`);
  }

  /** One page of runs (newest first). */
  async listRuns(query: { segment_id?: string; status?: string; limit?: number; cursor?: string }) {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    return this.call<{ items: { run_id: string; status: string }[]; next_cursor: string | null }>("GET", `/api/v1/runs?${params}`);
  }

  /** How many runs of the segment have this status (pages through them). */
  async countRuns(segmentId: string, status: string): Promise<number> {
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await this.listRuns({ segment_id: segmentId, status, limit: 200, cursor });
      count += page.items.length;
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return count;
  }

  async decide(approvalId: string, decision: "approve" | "reject"): Promise<void> {
    await this.call("POST", `/api/v1/approvals/${approvalId}/decision`, { decision });
  }
}
