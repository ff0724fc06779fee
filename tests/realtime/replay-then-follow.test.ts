// Following real engine runs over socket.io: whatever moment a client joins, reconnects or
// re-subscribes, it ends up with the run's stored log exactly once and in seq order, with the
// ack sitting between the replay and the live events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SegmentInput } from "../../src/shared/segment";
import { approvePending, range, saveSegment, startHarness, storedEvents, waitForStatus, type Harness, type Watcher } from "./harness";

const chain: SegmentInput = {
  segment_id: "chain",
  name: "Chain",
  entrypoint: "a",
  steps: [
    { step_id: "a", type: "transform", config: { expression: "input" } },
    { step_id: "b", type: "transform", config: { expression: "step_input" } },
    { step_id: "c", type: "transform", config: { expression: "step_input" } },
  ],
  edges: [
    { from_step: "a", to_step: "b" },
    { from_step: "b", to_step: "c" },
  ],
};

const gated: SegmentInput = {
  segment_id: "gated",
  name: "Gated",
  entrypoint: "prepare",
  steps: [
    { step_id: "prepare", type: "transform", config: { expression: "input" } },
    { step_id: "review", type: "human_approval", config: { title: "Review" } },
    { step_id: "finish", type: "transform", config: { expression: "step_input" } },
  ],
  edges: [
    { from_step: "prepare", to_step: "review" },
    { from_step: "review", to_step: "finish" },
  ],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await saveSegment(h, chain);
  await saveSegment(h, gated);
});
afterAll(async () => {
  await h?.close();
});

async function startRun(segmentId: string): Promise<string> {
  const run = await h.runtime.engine.start({ segment_id: segmentId, input: { topic: "live" }, created_by: "test" });
  return run.run_id;
}

/** What the watcher got for the run equals the store's log after `afterSeq`, event for event. */
async function expectExactlyTheLog(watcher: Watcher, runId: string, afterSeq = 0): Promise<number> {
  const stored = await storedEvents(h, runId);
  const last = stored.at(-1)?.seq ?? 0;
  await watcher.waitForSeq(runId, last);
  await watcher.roundTrip();
  const expected = stored.filter((e) => e.seq > afterSeq);
  expect(watcher.seqs(runId)).toEqual(range(afterSeq + 1, last));
  expect(watcher.events(runId).map((e) => e.event_id)).toEqual(expected.map((e) => e.event_id));
  return last;
}

describe("replay", () => {
  it("finished-run: a subscriber from seq 0 gets every event 1..N in order, then the ack", async () => {
    const runId = await startRun("chain");
    await waitForStatus(h, runId, ["completed"]);
    const stored = await storedEvents(h, runId);
    const watcher = await h.watch();

    const ack = await watcher.subscribe(runId, 0);

    expect(ack).toEqual({ ok: true, run_id: runId, replayed: stored.length, last_seq: stored.length });
    expect(watcher.received.map((r) => (r.kind === "event" ? r.event.seq : r.kind))).toEqual([...range(1, stored.length), "ack"]);
    expect(watcher.events(runId)).toEqual(stored);
    expect(stored.at(-1)?.type).toBe("segment.completed");
  });

  it("after-seq: a subscriber that already holds seq k gets only k+1.. and the ack counts them", async () => {
    const runId = await startRun("chain");
    await waitForStatus(h, runId, ["completed"]);
    const total = (await storedEvents(h, runId)).length;
    const watcher = await h.watch();

    const ack = await watcher.subscribe(runId, 3);

    expect(ack).toEqual({ ok: true, run_id: runId, replayed: total - 3, last_seq: total });
    expect(watcher.seqs(runId)).toEqual(range(4, total));
  });

  it("after-seq-past-end: nothing to replay acks last_seq = after_seq and still follows live", async () => {
    const runId = await startRun("gated");
    await waitForStatus(h, runId, ["waiting"]);
    const k = (await storedEvents(h, runId)).length;
    const watcher = await h.watch();

    expect(await watcher.subscribe(runId, k)).toEqual({ ok: true, run_id: runId, replayed: 0, last_seq: k });
    await approvePending(h, runId);
    await waitForStatus(h, runId, ["completed"]);
    await expectExactlyTheLog(watcher, runId, k);
  });
});

describe("replay, then follow", () => {
  it("late-join: joining a run mid-way gives the full log, then the rest live, without duplicates", async () => {
    const runId = await startRun("gated");
    await waitForStatus(h, runId, ["waiting"]);
    const early = await h.watch();
    await early.subscribe(runId);
    const waitingAt = early.seqs(runId).length;
    expect(early.events(runId).at(-1)?.type).toBe("step.waiting");

    await approvePending(h, runId);
    const late = await h.watch(); // joins while the run moves on
    const lateAck = await late.subscribe(runId);
    await waitForStatus(h, runId, ["completed"]);

    expect(lateAck).toMatchObject({ ok: true });
    const last = await expectExactlyTheLog(early, runId);
    await expectExactlyTheLog(late, runId);
    expect(last).toBeGreaterThan(waitingAt);
    // Live events come after the ack, replayed ones before it.
    const ackAt = early.received.findIndex((r) => r.kind === "ack");
    expect(ackAt).toBe(waitingAt);
  });

  it("reconnect-gap: a socket that drops, misses events and resubscribes from its last seq gets exactly the missing ones", async () => {
    const runId = await startRun("gated");
    await waitForStatus(h, runId, ["waiting"]);
    const watcher = await h.watch();
    const first = await watcher.subscribe(runId);
    if (!first.ok) throw new Error("subscribe failed");

    watcher.socket.disconnect();
    await approvePending(h, runId);
    await waitForStatus(h, runId, ["completed"]);
    await watcher.reconnect();
    const again = await watcher.subscribe(runId, first.last_seq);

    const stored = await storedEvents(h, runId);
    expect(again).toEqual({ ok: true, run_id: runId, replayed: stored.length - first.last_seq, last_seq: stored.length });
    await expectExactlyTheLog(watcher, runId);
  });

  it("resubscribe-same-socket: subscribing again restarts from the new after_seq and live events still come once", async () => {
    const runId = await startRun("gated");
    await waitForStatus(h, runId, ["waiting"]);
    const watcher = await h.watch();
    const first = await watcher.subscribe(runId);
    if (!first.ok) throw new Error("subscribe failed");
    const second = await watcher.subscribe(runId, 2);
    expect(second).toEqual({ ok: true, run_id: runId, replayed: first.last_seq - 2, last_seq: first.last_seq });
    expect(watcher.seqs(runId)).toEqual([...range(1, first.last_seq), ...range(3, first.last_seq)]);

    await approvePending(h, runId);
    await waitForStatus(h, runId, ["completed"]);
    const stored = await storedEvents(h, runId);
    await watcher.waitForSeq(runId, stored.length);
    await watcher.roundTrip();
    // After the two replays, each live event exactly once (the first subscription was replaced).
    const live = watcher.seqs(runId).slice(first.last_seq + (first.last_seq - 2));
    expect(live).toEqual(range(first.last_seq + 1, stored.length));
  });
});
