// GET /api/v1/runs/{id}/events (Server-Sent Events) through its Next route handler, on the real
// engine: a finished run replays every stored event with `id: <seq>` and the stream ends after the
// terminal event; Last-Event-ID (header or ?last_event_id=) replays only what came after; a live
// run streams the replay, then the events committed later (a decision made while connected), with
// no gap and no duplicate; bad ids are 422 and an unknown run a JSON 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toNextHandler } from "../../src/server/rest/define-route";
import { runEventsRoute } from "../../src/server/rest/routes/run-events";
import type { Approval, RunDetail } from "../../src/shared/resources/run-detail";
import type { SegmentInput } from "../../src/shared/segment";
import { BASE_URL, expectError, startRestHarness, type RestHarness } from "./support";

type Frame = { id?: string; event?: string; data?: string; comment?: string; retry?: string };

let api: RestHarness;
beforeAll(async () => {
  api = await startRestHarness();
  for (const doc of [chain(), gated()]) expect([200, 201]).toContain((await api.call("POST", "/api/v1/segments", { body: doc })).status);
});
afterAll(async () => api?.stop());

function chain(): SegmentInput {
  return {
    segment_id: "sse-chain",
    name: "SSE chain",
    entrypoint: "a",
    steps: [
      { step_id: "a", type: "transform", config: { expression: '{ "n": 1 }' } },
      { step_id: "b", type: "transform", config: { expression: '{ "n": step_input.n + 1 }' } },
    ],
    edges: [{ from_step: "a", to_step: "b" }],
  };
}

function gated(): SegmentInput {
  return {
    segment_id: "sse-gated",
    name: "SSE gated",
    entrypoint: "ask",
    steps: [
      { step_id: "ask", type: "human_approval", config: { title: "Go?" } },
      { step_id: "after", type: "transform", config: { expression: '{ "went": true }' } },
    ],
    edges: [{ from_step: "ask", to_step: "after" }],
  };
}

/** Parses an SSE text into frames (blank-line separated; `:` lines are comments). */
function parseFrames(text: string): Frame[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const frame: Frame = {};
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) frame.comment = line.slice(1).trim();
        else {
          const colon = line.indexOf(":");
          const key = line.slice(0, colon) as keyof Frame;
          frame[key] = line.slice(colon + 1).replace(/^ /, "");
        }
      }
      return frame;
    });
}

const eventFrames = (frames: Frame[]) => frames.filter((f) => f.event !== undefined);

async function startRun(segmentId: string): Promise<string> {
  const reply = await api.call<{ run_id: string }>("POST", `/api/v1/segments/${segmentId}/runs`, { body: {} });
  expect(reply.status).toBe(202);
  return reply.body.run_id;
}

async function waitFor(runId: string, statuses: RunDetail["status"][]): Promise<RunDetail> {
  const until = Date.now() + 10_000;
  for (;;) {
    const run = (await api.call<RunDetail>("GET", `/api/v1/runs/${runId}`)).body;
    if (statuses.includes(run.status)) return run;
    if (Date.now() > until) throw new Error(`run ${runId} stayed ${run.status}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Opens the stream the way Next calls the route, and reads frames as they arrive. */
async function openStream(runId: string, options: { lastEventId?: string; query?: string } = {}) {
  const controller = new AbortController();
  const request = new Request(`${BASE_URL}/api/v1/runs/${runId}/events${options.query ?? ""}`, {
    headers: options.lastEventId === undefined ? {} : { "last-event-id": options.lastEventId },
    signal: controller.signal,
  });
  const response = await toNextHandler(runEventsRoute)(request, { params: Promise.resolve({ id: runId }) });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let ended = false;
  // A read that lost the race against the poll timeout stays pending and is awaited next time:
  // dropping it would drop the chunk it delivers (a missing frame that is the test's, not the server's).
  let pending: ReturnType<typeof reader.read> | null = null;
  /** Reads until `done(frames)` holds or the stream ends; returns every frame so far. */
  const readUntil = async (done: (frames: Frame[]) => boolean, timeoutMs = 10_000): Promise<Frame[]> => {
    const until = Date.now() + timeoutMs;
    while (!ended && !done(parseFrames(text))) {
      if (Date.now() > until) throw new Error(`stream of ${runId} did not reach the expected frames; got:\n${text}`);
      pending ??= reader.read();
      const chunk = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), 200))]);
      if (chunk === null) continue;
      pending = null;
      if (chunk.done) ended = true;
      else text += decoder.decode(chunk.value, { stream: true });
    }
    return parseFrames(text);
  };
  return { response, readUntil, ended: () => ended, close: () => controller.abort() };
}

describe("a finished run", () => {
  it("replays every stored event in seq order with id = seq, then the stream ends", async () => {
    const runId = await startRun("sse-chain");
    await waitFor(runId, ["completed"]);
    const reply = await api.call("GET", `/api/v1/runs/${runId}/events`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(reply.headers.get("cache-control")).toContain("no-store");
    const frames = eventFrames(parseFrames(reply.text));
    const events = frames.map((f) => JSON.parse(f.data!) as { seq: number; type: string; run_id: string });
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(frames.map((f) => f.id)).toEqual(events.map((e) => String(e.seq)));
    expect(frames.map((f) => f.event)).toEqual(events.map((e) => e.type));
    expect(events[0]?.type).toBe("segment.started");
    expect(events.at(-1)?.type).toBe("segment.completed");
    expect(events.every((e) => e.run_id === runId)).toBe(true);
    expect(parseFrames(reply.text)[0]).toEqual({ retry: "2000" });
  });

  it("Last-Event-ID (header, or ?last_event_id=) replays only the events after it; the header wins", async () => {
    const runId = await startRun("sse-chain");
    await waitFor(runId, ["completed"]);
    const all = eventFrames(parseFrames((await api.call("GET", `/api/v1/runs/${runId}/events`)).text));
    const last = Number(all.at(-1)!.id);

    const fromHeader = eventFrames(parseFrames((await api.call("GET", `/api/v1/runs/${runId}/events`, { headers: { "last-event-id": "3" } })).text));
    expect(fromHeader.map((f) => Number(f.id))).toEqual(Array.from({ length: last - 3 }, (_, i) => i + 4));
    const fromQuery = eventFrames(parseFrames((await api.call("GET", `/api/v1/runs/${runId}/events?last_event_id=${last - 1}`)).text));
    expect(fromQuery.map((f) => f.event)).toEqual(["segment.completed"]);
    const both = eventFrames(parseFrames((await api.call("GET", `/api/v1/runs/${runId}/events?last_event_id=1`, { headers: { "last-event-id": String(last - 1) } })).text));
    expect(both).toHaveLength(1);
  });

  it("a bad Last-Event-ID or last_event_id is 422; an unknown run is a JSON 404", async () => {
    const runId = await startRun("sse-chain");
    await waitFor(runId, ["completed"]);
    expectError(await api.call("GET", `/api/v1/runs/${runId}/events`, { headers: { "last-event-id": "abc" } }), 422, "invalid_input");
    expectError(await api.call("GET", `/api/v1/runs/${runId}/events?last_event_id=-1`), 422, "invalid_input");
    const missing = await api.call("GET", "/api/v1/runs/no-such-run/events");
    expectError(missing, 404, "not_found");
    expect(missing.headers.get("content-type")).toMatch(/^application\/json/);
  });
});

describe("a live run", () => {
  it("streams the replay, then what is committed while connected, once each, and ends with the run", async () => {
    const runId = await startRun("sse-gated");
    await waitFor(runId, ["waiting"]);
    const stream = await openStream(runId);
    expect(stream.response.status).toBe(200);
    const replayed = eventFrames(await stream.readUntil((frames) => frames.some((f) => f.event === "step.waiting")));
    expect(stream.ended()).toBe(false);

    const [approval] = (await api.call<Approval[]>("GET", `/api/v1/approvals?run_id=${runId}&status=pending`)).body;
    expect((await api.call("POST", `/api/v1/approvals/${approval!.approval_id}/decision`, { body: { decision: "approve" } })).status).toBe(200);

    const frames = eventFrames(await stream.readUntil((all) => all.some((f) => f.event === "segment.completed")));
    await stream.readUntil(() => false, 2_000).catch(() => undefined);
    expect(stream.ended()).toBe(true);
    const seqs = frames.map((f) => Number(f.id));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const live = frames.slice(replayed.length).map((f) => f.event);
    expect(live).toEqual(expect.arrayContaining(["human.decided", "step.completed", "segment.completed"]));
    expect(live.at(-1)).toBe("segment.completed");
  });

  it("a client that reconnects with the last id it saw gets the rest, with nothing repeated", async () => {
    const runId = await startRun("sse-gated");
    await waitFor(runId, ["waiting"]);
    const first = await openStream(runId);
    const seen = eventFrames(await first.readUntil((frames) => frames.some((f) => f.event === "step.waiting")));
    first.close();

    const [approval] = (await api.call<Approval[]>("GET", `/api/v1/approvals?run_id=${runId}&status=pending`)).body;
    await api.call("POST", `/api/v1/approvals/${approval!.approval_id}/decision`, { body: { decision: "approve" } });
    await waitFor(runId, ["completed"]);

    const second = await openStream(runId, { lastEventId: seen.at(-1)!.id! });
    const rest = eventFrames(await second.readUntil((frames) => frames.some((f) => f.event === "segment.completed")));
    const seqs = [...seen, ...rest].map((f) => Number(f.id));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(rest[0]?.event).toBe("human.decided");
  });
});
