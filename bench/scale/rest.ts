// The REST v1 calls the scale suite makes (docs: /api/v1/openapi.json), with LLMTEAM_AUTH=off.
import type { SegmentInput } from "../../src/shared/segment";

/** Connection-level failures a second attempt may cure (a keep-alive connection the server closed as it was reused). */
const RETRYABLE = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

export class RestClient {
  /** Requests sent a second time after a connection failure: reported with the figures. */
  retries = 0;

  constructor(readonly origin: string) {}

  private async call<T>(method: string, path: string, body?: unknown, expect: number[] = [200]): Promise<T> {
    const send = () =>
      fetch(`${this.origin}${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
    const codeOf = (err: unknown) => (err as { cause?: { code?: string } }).cause?.code ?? "";
    const res = await send()
      .catch((err: unknown) => {
        if (!RETRYABLE.has(codeOf(err))) throw err;
        this.retries++;
        return send();
      })
      .catch((err: unknown) => {
        // fetch's own message is only "fetch failed": the cause says what happened to the connection.
        const cause = (err as { cause?: { message?: string } }).cause;
        throw new Error(`${method} ${path}: ${String(err)}${cause ? ` (${codeOf(err)} ${cause.message ?? ""})` : ""}`, { cause: err });
      });
    const text = await res.text();
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
