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
});
