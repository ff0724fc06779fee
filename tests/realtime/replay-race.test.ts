// The replay/live seam under pressure: events committed while the replay is read or sent,
// more of them than the server holds, events published out of order or not at all by this
// process. Small limits make the bounded paths run with a handful of events.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { range, startHarness, startManualRun, type Harness } from "./harness";

const HOLD_LIMIT = 3;
const PAGE_SIZE = 4;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ limits: { holdLimit: HOLD_LIMIT, pageSize: PAGE_SIZE } });
});
afterEach(() => {
  h.source.swallow = () => false;
});
afterAll(async () => {
  await h?.close();
});

describe("events committed during the replay", () => {
  it("committed-after-read: events committed after the log was read reach the client before the ack, none lost", async () => {
    const run = await startManualRun(h);
    await run.commit(2);
    const watcher = await h.watch();
    const paused = h.log.pauseNextRead("after");
    const acked = watcher.subscribe(run.runId);
    await paused.reached; // the read holds 1..2 and has not been sent yet
    await run.commit(2); // 3..4 are committed and published now: the read misses them
    paused.release();

    expect(await acked).toEqual({ ok: true, run_id: run.runId, replayed: 4, last_seq: 4 });
    expect(watcher.received.map((r) => (r.kind === "event" ? r.event.seq : r.kind))).toEqual([1, 2, 3, 4, "ack"]);
    await run.commit(1);
    await watcher.waitForSeq(run.runId, 5);
    await watcher.roundTrip();
    expect(watcher.seqs(run.runId)).toEqual(range(1, 5));
  });

  it("committed-before-read: events both read from the log and received live are sent once", async () => {
    const run = await startManualRun(h);
    await run.commit(2);
    const watcher = await h.watch();
    const paused = h.log.pauseNextRead("before");
    const acked = watcher.subscribe(run.runId);
    await paused.reached; // subscribed to the live feed, the read not started
    await run.commit(2); // 3..4 are published (held) and will also be in the read
    paused.release();

    expect(await acked).toEqual({ ok: true, run_id: run.runId, replayed: 4, last_seq: 4 });
    await run.commit(1);
    await watcher.waitForSeq(run.runId, 5);
    await watcher.roundTrip();
    expect(watcher.seqs(run.runId)).toEqual(range(1, 5));
  });

  it("hold-overflow: more live events than the hold limit during a replay are re-read from the log, not kept in memory or lost", async () => {
    const run = await startManualRun(h);
    await run.commit(2);
    const watcher = await h.watch();
    const paused = h.log.pauseNextRead("after");
    const readsBefore = h.log.reads;
    const acked = watcher.subscribe(run.runId);
    await paused.reached;
    for (let i = 0; i < 4; i++) await run.commit(3); // 12 events: four times the hold limit
    paused.release();

    expect(await acked).toEqual({ ok: true, run_id: run.runId, replayed: 14, last_seq: 14 });
    expect(h.log.reads - readsBefore).toBe(2); // the overflow forced exactly one more read
    expect(watcher.seqs(run.runId)).toEqual(range(1, 14));
  });

  it("concurrent-commits: clients joining at different moments while events keep coming each get every event once, in order", async () => {
    const run = await startManualRun(h);
    const watchers = await Promise.all([h.watch(), h.watch(), h.watch(), h.watch()]);
    const committing = (async () => {
      for (let i = 0; i < 40; i++) await run.commit(1 + (i % 3));
    })();
    // Join one by one while the commits run (each replay spans several pages of PAGE_SIZE).
    for (const [index, watcher] of watchers.entries()) {
      await watcher.subscribe(run.runId, index);
    }
    await committing;
    const last = (await h.store.listEvents(run.runId)).length;
    for (const [index, watcher] of watchers.entries()) {
      await watcher.waitForSeq(run.runId, last);
      await watcher.roundTrip();
      expect(watcher.seqs(run.runId)).toEqual(range(index + 1, last));
    }
  });
});

describe("live events this process did not publish in order", () => {
  it("missed-publish: a live event that skips a seq makes the server read the missing one from the log", async () => {
    const run = await startManualRun(h);
    await run.commit(2);
    const watcher = await h.watch();
    await watcher.subscribe(run.runId);
    // seq 4 is committed but its publication never arrives here (another process committed it).
    h.source.swallow = (event) => event.run_id === run.runId && "seq" in event && event.seq === 4;
    await run.commit(2);
    await run.commit(1);
    await watcher.waitForSeq(run.runId, 5);
    await watcher.roundTrip();
    expect(watcher.seqs(run.runId)).toEqual(range(1, 5));
  });

  it("out-of-order-publish: events published in the wrong order still arrive in seq order, once", async () => {
    const run = await startManualRun(h);
    await run.commit(1);
    const watcher = await h.watch();
    await watcher.subscribe(run.runId);
    const [second] = await run.commit(1, { publish: false });
    const [third] = await run.commit(1, { publish: false });
    run.publish([third!]);
    run.publish([second!]);
    await watcher.waitForSeq(run.runId, 3);
    await run.commit(1);
    await watcher.waitForSeq(run.runId, 4);
    await watcher.roundTrip();
    expect(watcher.seqs(run.runId)).toEqual(range(1, 4));
  });
});
