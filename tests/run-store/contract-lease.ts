// Contract: claim / renew / release — one holder at a time, expiry, fencing by token.
import { expect, it } from "vitest";
import { LeaseLostError } from "../../src/engine";
import { at, createClaimed, pausedEvent, runRecord, stepRecord, type StoreHarness } from "./fixtures";

export function leaseContract(h: () => StoreHarness): void {
  it("claim-held: a second claim while the lease is live is refused with the holder's expiry", async () => {
    const { run } = await createClaimed(h().store);
    const second = await h().store.claim(run.run_id, "worker-b", at(29_999), at(60_000));
    expect(second).toEqual({ ok: false, held_until: at(30_000) });
  });

  it("claim-unknown: claiming a run that does not exist is refused without a holder", async () => {
    expect(await h().store.claim("no-such-run", "worker-a", at(0), at(1_000))).toEqual({ ok: false, held_until: null });
  });

  it("claim-race: two concurrent claims, exactly one wins", async () => {
    const run = runRecord();
    await h().store.createRun(run);
    const results = await Promise.all([
      h().store.claim(run.run_id, "worker-a", at(0), at(30_000)),
      h().store.claim(run.run_id, "worker-b", at(0), at(30_000)),
      h().store.claim(run.run_id, "worker-c", at(0), at(30_000)),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const refused of results.filter((r) => !r.ok)) expect(refused).toEqual({ ok: false, held_until: at(30_000) });
  });

  it("release-then-claim: a released lease can be claimed at once, with a new token", async () => {
    const { run, lease } = await createClaimed(h().store);
    await h().store.release(lease);
    const again = await h().store.claim(run.run_id, "worker-b", at(1), at(30_000));
    expect(again.ok).toBe(true);
    if (again.ok) expect(again.lease.token).not.toBe(lease.token);
  });

  it("claim-returns-state: a successful claim carries the run's state as load reads it, step rows included", async () => {
    const { run, lease } = await createClaimed(h().store);
    await h().store.commit(lease, { run: { status: "running" }, steps: [stepRecord("a", { status: "completed", output: { n: 1 } })], events: [pausedEvent(run)] });
    await h().store.release(lease);
    const again = await h().store.claim(run.run_id, "worker-b", at(1), at(30_000));
    if (!again.ok) throw new Error("claim refused");
    expect(again.state).toEqual(await h().store.load(run.run_id));
    expect(again.state.run.status).toBe("running");
    expect(again.state.steps.a?.output).toEqual({ n: 1 });
  });

  it("commit-with-release: the last commit frees the lease, reports a poke made while held and fences the old token", async () => {
    const { run, lease } = await createClaimed(h().store);
    expect(await h().store.requestControl(run.run_id, "pause", at(1_000))).toBe(true);
    const result = await h().store.commit(lease, { run: { status: "running" }, events: [pausedEvent(run)], release: true });
    expect(result.poked).toBe(true);
    expect(result.events.map((e) => e.seq)).toEqual([1]);
    // free at once (not only after the lease's expiry), and the old token writes nothing
    await expect(h().store.commit(lease, { events: [pausedEvent(run)] })).rejects.toBeInstanceOf(LeaseLostError);
    const next = await h().store.claim(run.run_id, "worker-b", at(2_000), at(32_000));
    expect(next.ok).toBe(true);
    if (!next.ok) return;
    // not poked while this holder held it
    const quiet = await h().store.commit(next.lease, { release: true });
    expect(quiet.poked).toBe(false);
    expect((await h().store.getRun(run.run_id))?.status).toBe("running");
  });

  it("expired-lease-taken: at its expiry another worker takes the lease; the old holder is fenced off", async () => {
    const { run, lease: old } = await createClaimed(h().store);
    const taken = await h().store.claim(run.run_id, "worker-b", at(30_000), at(60_000));
    if (!taken.ok) throw new Error("an expired lease must be claimable");

    await expect(h().store.commit(old, { run: { status: "failed" }, events: [pausedEvent(run)] })).rejects.toBeInstanceOf(LeaseLostError);
    expect(await h().store.renew(old, at(90_000))).toEqual({ ok: false, control: null });
    await h().store.release(old); // must not release the new holder's lease
    expect(await h().store.claim(run.run_id, "worker-c", at(31_000), at(61_000))).toEqual({ ok: false, held_until: at(60_000) });

    // the new holder still commits; the old holder's attempt left nothing behind
    const result = await h().store.commit(taken.lease, { events: [pausedEvent(run)] });
    expect(result.events.map((e) => e.seq)).toEqual([1]);
    expect((await h().store.getRun(run.run_id))?.status).toBe("pending");
  });

  it("renew-extends: a renewed lease is held until the new time and renew reports the control request", async () => {
    const { run, lease } = await createClaimed(h().store);
    expect(await h().store.renew(lease, at(90_000))).toEqual({ ok: true, control: null });
    expect(await h().store.claim(run.run_id, "worker-b", at(60_000), at(120_000))).toEqual({ ok: false, held_until: at(90_000) });
    expect(await h().store.requestControl(run.run_id, "pause", at(61_000))).toBe(true);
    expect(await h().store.renew(lease, at(95_000))).toEqual({ ok: true, control: "pause" });
  });

  it("non-holder-commit: a commit without the lease throws LeaseLostError and writes nothing at all", async () => {
    const { run, lease } = await createClaimed(h().store);
    const target = runRecord();
    await h().store.createRun(target);
    const forged = { run_id: run.run_id, token: `${lease.token}-forged` };
    const child = runRecord({ parent_run_id: run.run_id });
    const before = await h().store.load(run.run_id);
    const targetBefore = await h().store.getRun(target.run_id);

    await expect(
      h().store.commit(forged, {
        run: { status: "running", started_at: at(1) },
        steps: [stepRecord("a")],
        events: [pausedEvent(run), pausedEvent(run)],
        new_runs: [child],
        nudges: [{ run_id: target.run_id, control: "cancel" }],
      }),
    ).rejects.toBeInstanceOf(LeaseLostError);

    expect(await h().store.load(run.run_id)).toEqual(before);
    expect(await h().store.listEvents(run.run_id)).toEqual([]);
    expect(await h().store.getRun(child.run_id)).toBeNull();
    expect(await h().store.getRun(target.run_id)).toEqual(targetBefore);
    // the next real commit still starts at seq 1
    expect((await h().store.commit(lease, { events: [pausedEvent(run)] })).events[0]?.seq).toBe(1);
  });

  it("released-commit: after release, the former holder's commit is refused", async () => {
    const { run, lease } = await createClaimed(h().store);
    await h().store.release(lease);
    await expect(h().store.commit(lease, { events: [pausedEvent(run)] })).rejects.toBeInstanceOf(LeaseLostError);
    expect(await h().store.listEvents(run.run_id)).toEqual([]);
  });
}
