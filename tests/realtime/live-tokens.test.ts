// llm.token is a live-only preview: it goes to sockets subscribed to its run, only once their
// replay is done, and is never part of a replay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent } from "../../src/shared/events";
import type { SegmentInput } from "../../src/shared/segment";
import { approvePending, saveSegment, startHarness, startManualRun, storedEvents, waitForStatus, type Harness } from "./harness";

const ANSWER = "Durable runs never lose a step";

const writer: SegmentInput = {
  segment_id: "writer",
  name: "Writer",
  entrypoint: "review",
  steps: [
    { step_id: "review", type: "human_approval", config: { title: "Go?" } },
    { step_id: "write", type: "llm_agent", config: { llm_ref: "mock", user_prompt_template: "Write", mock_responses: [ANSWER] } },
  ],
  edges: [{ from_step: "review", to_step: "write" }],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await saveSegment(h, writer);
});
afterAll(async () => {
  await h?.close();
});

function token(runId: string, index: number, text: string): LiveEvent {
  return {
    event_id: `token-${index}`,
    run_id: runId,
    root_run_id: runId,
    segment_id: "manual",
    type: "llm.token",
    step_id: "s",
    ts: new Date().toISOString(),
    correlation_id: runId,
    payload: { attempt: 1, role: "agent", index, token: text },
  };
}

describe("llm.token", () => {
  it("tokens-only-to-subscribers: a run's tokens stream to its subscribers between step.started and step.completed, and to nobody else", async () => {
    const { run_id: runId } = await h.runtime.engine.start({ segment_id: "writer", input: {}, created_by: "test" });
    const { run_id: otherRunId } = await h.runtime.engine.start({ segment_id: "writer", input: {}, created_by: "test" });
    await waitForStatus(h, runId, ["waiting"]);
    await waitForStatus(h, otherRunId, ["waiting"]);
    const follower = await h.watch();
    const elsewhere = await h.watch();
    const idle = await h.watch();
    await follower.subscribe(runId);
    await elsewhere.subscribe(otherRunId);

    await approvePending(h, runId);
    await waitForStatus(h, runId, ["completed"]);
    await follower.waitForSeq(runId, (await storedEvents(h, runId)).length);
    await Promise.all([follower.roundTrip(), elsewhere.roundTrip(), idle.roundTrip()]);

    const tokens = follower.tokens(runId);
    expect(tokens.map((t) => t.payload.token).join("")).toBe(ANSWER);
    expect(tokens.map((t) => t.payload.index)).toEqual(tokens.map((_, i) => i));
    const order = follower.received.map((r) => (r.kind === "event" ? `${r.event.type}:${r.event.step_id ?? ""}` : r.kind));
    const started = order.indexOf("step.started:write");
    const completed = order.indexOf("step.completed:write");
    const tokenPositions = order.flatMap((kind, i) => (kind === "token" ? [i] : []));
    expect(tokenPositions.every((i) => i > started && i < completed)).toBe(true);
    expect(elsewhere.tokens()).toEqual([]);
    expect(idle.received).toEqual([]);
  });

  it("tokens-never-replayed: a client subscribing after the run finished gets the stored log and no token", async () => {
    const { run_id: runId } = await h.runtime.engine.start({ segment_id: "writer", input: {}, created_by: "test" });
    await waitForStatus(h, runId, ["waiting"]);
    await approvePending(h, runId);
    await waitForStatus(h, runId, ["completed"]);
    const watcher = await h.watch();
    await watcher.subscribe(runId);
    await watcher.roundTrip();
    expect(watcher.tokens()).toEqual([]);
    const completed = watcher.events(runId).find((e) => e.type === "step.completed" && e.step_id === "write");
    expect(completed?.payload).toMatchObject({ output: ANSWER });
  });

  it("token-during-replay: a token published while the replay is read is not sent ahead of the log; later ones are", async () => {
    const run = await startManualRun(h);
    await run.commit(2);
    const watcher = await h.watch();
    const paused = h.log.pauseNextRead("after");
    const acked = watcher.subscribe(run.runId);
    await paused.reached;
    h.runtime.events.publishLive(token(run.runId, 0, "early "));
    paused.release();
    expect(await acked).toMatchObject({ ok: true, last_seq: 2 });

    h.runtime.events.publishLive(token(run.runId, 1, "live"));
    await watcher.roundTrip();
    expect(watcher.tokens().map((t) => t.payload.token)).toEqual(["live"]);
    expect(watcher.received.map((r) => r.kind)).toEqual(["event", "event", "ack", "token"]);
  });

  it("tokens-after-unsubscribe: an unsubscribed socket gets no more tokens of the run", async () => {
    const run = await startManualRun(h);
    await run.commit(1);
    const watcher = await h.watch();
    await watcher.subscribe(run.runId);
    h.runtime.events.publishLive(token(run.runId, 0, "before"));
    await watcher.unsubscribe(run.runId);
    h.runtime.events.publishLive(token(run.runId, 1, "after"));
    await watcher.roundTrip();
    expect(watcher.tokens().map((t) => t.payload.token)).toEqual(["before"]);
  });
});
