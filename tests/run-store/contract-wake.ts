// Contract: listEvents replay and findRunsToWake after a restart, including the poke mark's life
// (cleared by claim, kept when a poke arrives during an advance).
import { expect, it } from "vitest";
import type { RunToWake } from "../../src/engine";
import { at, createClaimed, pausedEvent, runRecord, startedEvent, type StoreHarness } from "./fixtures";

export function wakeContract(h: () => StoreHarness): void {
  it("list-events-after-seq: replay returns events with seq > afterSeq, in order, with every field", async () => {
    const { run, lease } = await createClaimed(h().store);
    const first = await h().store.commit(lease, { events: [startedEvent(run, "a"), pausedEvent(run)] });
    const second = await h().store.commit(lease, { events: [startedEvent(run, "b", 1, at(2_000))] });
    const all = [...first.events, ...second.events];
    expect(await h().store.listEvents(run.run_id)).toEqual(all);
    expect(await h().store.listEvents(run.run_id, 0)).toEqual(all);
    expect(await h().store.listEvents(run.run_id, 1)).toEqual(all.slice(1));
    expect(await h().store.listEvents(run.run_id, 3)).toEqual([]);
    expect(await h().store.listEvents("no-such-run")).toEqual([]);
    const paused = (await h().store.listEvents(run.run_id)).find((e) => e.type === "segment.paused");
    expect(paused && "step_id" in paused ? paused.step_id : undefined).toBeUndefined();
  });

  it("resume-after-restart: findRunsToWake finds pending, running, poked, controlled and timed runs, not idle or finished ones", async () => {
    const store = () => h().store;
    const pending = runRecord();
    await store().createRun(pending);

    const running = await createClaimed(store(), { status: "running" }); // a crashed advance: lease still live
    const timed = await createClaimed(store(), { status: "waiting" });
    await store().commit(timed.lease, { run: { wake_at: at(90_000) } });
    await store().release(timed.lease);
    const idle = await createClaimed(store(), { status: "waiting" });
    await store().release(idle.lease);
    const poked = await createClaimed(store(), { status: "waiting" });
    await store().requestControl(poked.run.run_id, "pause", at(1)); // poke arrives during the advance
    await store().commit(poked.lease, { run: { control: null } }); // the advancer consumed the request...
    await store().release(poked.lease); // ...but the poke mark stays until the next claim
    const paused = await createClaimed(store(), { status: "paused" });
    await store().release(paused.lease);
    const controlled = await createClaimed(store(), { status: "paused" });
    await store().commit(controlled.lease, { run: { control: "resume" } });
    await store().release(controlled.lease);
    const finished = await createClaimed(store(), { status: "running" });
    await store().commit(finished.lease, { run: { status: "completed", wake_at: at(5_000), finished_at: at(4_000) } });
    await store().release(finished.lease);

    await h().restart();

    const mine = new Set([pending, running.run, timed.run, idle.run, poked.run, paused.run, controlled.run, finished.run].map((r) => r.run_id));
    const found = (await h().store.findRunsToWake(at(10_000))).filter((r) => mine.has(r.run_id));
    const expected: RunToWake[] = [
      { run_id: pending.run_id, wake_at: null },
      // a lease of the dead process: valid until it expires, unless the restart voided it
      { run_id: running.run.run_id, wake_at: h().restartVoidsLeases ? null : at(30_001) },
      { run_id: timed.run.run_id, wake_at: at(90_000) },
      { run_id: poked.run.run_id, wake_at: null },
      { run_id: controlled.run.run_id, wake_at: null },
    ];
    const byId = (a: RunToWake, b: RunToWake) => a.run_id.localeCompare(b.run_id);
    expect(found.sort(byId)).toEqual(expected.sort(byId));

    // after its lease expires, the crashed run is due at once
    const later = (await h().store.findRunsToWake(at(30_000))).find((r) => r.run_id === running.run.run_id);
    expect(later).toEqual({ run_id: running.run.run_id, wake_at: null });
    // and a new worker can take it over, continuing the event numbering
    const taken = await h().store.claim(running.run.run_id, "worker-new", at(30_000), at(60_000));
    expect(taken.ok).toBe(true);
  });

  it("created-claimed: a run created with a claim is its creator's (refused to others, due only when the lease ends)", async () => {
    const run = runRecord({ status: "pending" });
    await h().store.createRun(run, {}, { owner: "creator", token: "creator-token", until: at(30_000) });
    expect(await h().store.claim(run.run_id, "worker-b", at(1_000), at(31_000))).toEqual({ ok: false, held_until: at(30_000) });
    // the creator commits with its token at once; the refused claim above marked the run poked
    const lease = { run_id: run.run_id, token: "creator-token" };
    const done = await h().store.commit(lease, { run: { status: "completed" }, release: true });
    expect(done.poked).toBe(true);
    // created not poked: left alone, it has nothing to advance again after its first advance
    const quiet = runRecord({ status: "pending" });
    await h().store.createRun(quiet, {}, { owner: "creator", token: "quiet-token", until: at(30_000) });
    expect((await h().store.commit({ run_id: quiet.run_id, token: "quiet-token" }, { release: true })).poked).toBe(false);

    // a creator that died: nothing to wake while its lease lasts, then due at once
    const orphan = runRecord({ status: "pending" });
    await h().store.createRun(orphan, {}, { owner: "creator", token: "orphan-token", until: at(30_000) });
    const early = (await h().store.findRunsToWake(at(1_000))).find((r) => r.run_id === orphan.run_id);
    expect(early?.wake_at).toBe(new Date(Date.parse(at(30_000)) + 1).toISOString());
    const late = (await h().store.findRunsToWake(at(30_000))).find((r) => r.run_id === orphan.run_id);
    expect(late).toEqual({ run_id: orphan.run_id, wake_at: null });
    const taken = await h().store.claim(orphan.run_id, "worker-new", at(30_000), at(60_000));
    expect(taken.ok).toBe(true);
  });

  it("claim-clears-poke: a claim clears the poke mark; pokes after the claim survive the release", async () => {
    const run = runRecord({ status: "waiting" });
    await h().store.createRun(run); // a new run starts poked
    const claim = await h().store.claim(run.run_id, "worker-a", at(0), at(30_000));
    if (!claim.ok) throw new Error("claim refused");
    await h().store.release(claim.lease);
    expect((await h().store.findRunsToWake(at(0))).map((r) => r.run_id)).not.toContain(run.run_id);

    const again = await h().store.claim(run.run_id, "worker-a", at(1), at(30_000));
    if (!again.ok) throw new Error("claim refused");
    const other = await createClaimed(h().store);
    await h().store.commit(other.lease, { nudges: [{ run_id: run.run_id }] });
    await h().store.release(again.lease);
    expect(await h().store.findRunsToWake(at(2))).toContainEqual({ run_id: run.run_id, wake_at: null });
  });
}
