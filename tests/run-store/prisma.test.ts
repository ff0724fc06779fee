// The Prisma run store against the RunStore contract on both databases, plus what only a
// database can get wrong: a failing statement rolls the whole commit back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS } from "../helpers/test-database";
import { at, childRecord, createClaimed, pausedEvent, startedEvent, stepRecord } from "./fixtures";
import { openPrismaHarness, type PrismaHarness } from "./prisma-harness";
import { describeRunStoreContract } from "./run-store-contract";

describe.each(DB_KINDS)("Prisma run store on %s", (kind) => {
  describeRunStoreContract(`prisma/${kind}`, () => openPrismaHarness(kind));

  describe("database specifics", () => {
    let h: PrismaHarness;
    beforeAll(async () => {
      h = await openPrismaHarness(kind);
    });
    afterAll(async () => {
      await h?.close();
    });

    it("commit-rolls-back: a batch that fails on a constraint writes nothing (no rows, no events, seq not consumed)", async () => {
      const { run, lease } = await createClaimed(h.store);
      const orphan = childRecord(run, "sub", { segment_id: "no-such-segment" });
      await expect(
        h.store.commit(lease, {
          run: { status: "running", started_at: at(1) },
          steps: [stepRecord("a")],
          events: [startedEvent(run, "a"), pausedEvent(run)],
          new_runs: [orphan],
        }),
      ).rejects.toThrow();
      const state = await h.store.load(run.run_id);
      expect(state?.run.status).toBe("pending");
      expect(state?.steps).toEqual({});
      expect(await h.store.listEvents(run.run_id)).toEqual([]);
      expect(await h.store.getRun(orphan.run_id)).toBeNull();
      expect((await h.store.commit(lease, { events: [pausedEvent(run)] })).events[0]?.seq).toBe(1);
    });

    it("parent-child-crossing-nudges: a parent cancelling its child while the child reports back does not deadlock", async () => {
      for (let round = 0; round < 30; round++) {
        const parent = await createClaimed(h.store, { status: "running" });
        const child = await createClaimed(h.store, { status: "running", parent_run_id: parent.run.run_id, segment_id: "contract-child" });
        await Promise.all([
          h.store.commit(parent.lease, { events: [pausedEvent(parent.run)], nudges: [{ run_id: child.run.run_id, control: "cancel" }] }),
          h.store.commit(child.lease, { run: { status: "completed" }, events: [pausedEvent(child.run)], nudges: [{ run_id: parent.run.run_id }] }),
        ]);
        const [p, c] = await Promise.all([h.store.getRun(parent.run.run_id), h.store.getRun(child.run.run_id)]);
        expect(p?.status).toBe("running");
        expect(c?.status).toBe("completed");
      }
    });

    it("json-values: strings, numbers, nulls inside and top-level scalars survive (jsonb)", async () => {
      const { run, lease } = await createClaimed(h.store);
      const outputs = ["plain text", 42, 0.1 + 0.2, true, [null, { a: "ü\n\"q\"" }], { big: 2 ** 53 - 1 }];
      await h.store.commit(lease, { steps: outputs.map((output, i) => stepRecord(`s${i}`, { status: "completed", output })) });
      const state = await h.store.load(run.run_id);
      expect(outputs.map((_, i) => state?.steps[`s${i}`]?.output)).toEqual(outputs);
    });

    it("nul-in-output: a NUL character (which jsonb refuses) is stored as U+FFFD instead of failing the commit", async () => {
      const { run, lease } = await createClaimed(h.store);
      const output = { body: "a\u0000b", backslash_then_text: "\\u0000", both: "\\\u0000", [`k\u0000`]: 1 };
      await h.store.commit(lease, { steps: [stepRecord("s", { status: "completed", output })], run: { output } });
      const state = await h.store.load(run.run_id);
      const stored = { body: "a\ufffdb", backslash_then_text: "\\u0000", both: "\\\ufffd", [`k\ufffd`]: 1 };
      expect(state?.steps.s?.output).toEqual(stored);
      expect(state?.run.output).toEqual(stored);
    });
  });
});
