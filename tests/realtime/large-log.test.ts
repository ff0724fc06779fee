// A long run's log (10,000+ events) replays completely and in order with the production limits,
// in pages, while the run keeps committing and two clients join at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { range, startHarness, startManualRun, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("a 10,000-event log", () => {
  it("large-log: replays every event once, in order, while new events keep being committed", async () => {
    const run = await startManualRun(h);
    for (let i = 0; i < 10; i++) await run.commit(1000, { publish: false });
    const [a, b] = await Promise.all([h.watch(), h.watch()]);

    const committing = (async () => {
      for (let i = 0; i < 30; i++) await run.commit(5);
    })();
    const [ackA, ackB] = await Promise.all([a.subscribe(run.runId), b.subscribe(run.runId, 5000)]);
    await committing;

    expect(ackA).toMatchObject({ ok: true });
    expect(ackB).toMatchObject({ ok: true });
    const last = 10_150;
    for (const [watcher, from] of [[a, 1], [b, 5001]] as const) {
      await watcher.waitForSeq(run.runId, last);
      await watcher.roundTrip();
      expect(watcher.seqs(run.runId)).toEqual(range(from, last));
    }
  });

  it("large-log: a batch subscription gets the replay as pages of 500, then each live commit as one message, with no gap or duplicate", async () => {
    const run = await startManualRun(h);
    for (let i = 0; i < 4; i++) await run.commit(1000, { publish: false });
    await run.commit(250, { publish: false });
    const [paged, late] = await Promise.all([h.watch(), h.watch()]);

    const committing = (async () => {
      for (let i = 0; i < 20; i++) await run.commit(5);
    })();
    const [ack, lateAck] = await Promise.all([paged.subscribe(run.runId, 0, { batch: true }), late.subscribe(run.runId, 3990, { batch: true })]);
    await committing;

    expect(ack).toMatchObject({ ok: true });
    expect(lateAck).toMatchObject({ ok: true });
    const last = 4350;
    for (const [watcher, from] of [[paged, 1], [late, 3991]] as const) {
      await watcher.waitForSeq(run.runId, last);
      await watcher.roundTrip();
      expect(watcher.seqs(run.runId)).toEqual(range(from, last));
    }
    // The 4,250 events stored before the subscribe came in full pages (the last one partial),
    // not one message per event; events committed during the replay may follow one by one, and
    // those committed after it come a commit (5 events) per message.
    const pagedTotal = paged.batches.reduce((a, b) => a + b, 0);
    expect(paged.batches.slice(0, 8)).toEqual(Array(8).fill(500));
    expect(paged.batches.every((size) => size <= 500)).toBe(true);
    expect(pagedTotal).toBeGreaterThanOrEqual(4250);
    expect(paged.batches.slice(9).every((size) => size === 5)).toBe(true);
  });
});
