// Contract: commit applies a whole batch (steps, events, run patch, approvals, child runs,
// nudges) and numbers events gap-free from 1; control requests and nudges.
import { expect, it } from "vitest";
import type { RunEvent } from "../../src/engine";
import {
  approvalRecord,
  approveWrite,
  at,
  childRecord,
  createClaimed,
  expectGapFree,
  humanDecidedEvent,
  pausedEvent,
  runRecord,
  startedEvent,
  stepRecord,
  type StoreHarness,
} from "./fixtures";

export function commitContract(h: () => StoreHarness): void {
  it("typical-commit: one step row + two events + a run patch land together, events numbered 1, 2", async () => {
    const { run, lease } = await createClaimed(h().store);
    const events = [startedEvent(run, "a"), pausedEvent(run)];
    const result = await h().store.commit(lease, {
      run: { status: "running", started_at: at(1_000), wake_at: at(50_000) },
      steps: [stepRecord("a")],
      events,
    });
    expect(result).toEqual({ events: events.map((e, i) => ({ ...e, seq: i + 1 }) as RunEvent), control: null });
    expect(await h().store.listEvents(run.run_id)).toEqual(result.events);
    const state = await h().store.load(run.run_id);
    expect(state?.run).toEqual({ ...run, status: "running", started_at: at(1_000), wake_at: at(50_000) });
    expect(state?.steps).toEqual({ a: stepRecord("a") });
  });

  it("seq-continues: later commits continue the numbering; an empty batch is fine and numbers nothing", async () => {
    const { run, lease } = await createClaimed(h().store);
    await h().store.commit(lease, { events: [pausedEvent(run), pausedEvent(run)] });
    expect((await h().store.commit(lease, {})).events).toEqual([]);
    const third = await h().store.commit(lease, { events: [startedEvent(run, "a"), startedEvent(run, "b"), startedEvent(run, "c")] });
    expect(third.events.map((e) => e.seq)).toEqual([3, 4, 5]);
    expectGapFree((await h().store.listEvents(run.run_id)).map((e) => e.seq));
  });

  it("patch-nulls-and-usage: a patch sets exactly the fields it names, including explicit nulls", async () => {
    const { run, lease } = await createClaimed(h().store, { control: "pause", wake_at: at(9_000) });
    await h().store.commit(lease, {
      run: { status: "failed", error: { code: "x", message: "bad", step_id: "a" }, input_tokens: 100, output_tokens: 250, cost: 1.234567 },
    });
    await h().store.commit(lease, { run: { control: null, wake_at: null, output: null, finished_at: at(7_000) } });
    expect(await h().store.getRun(run.run_id)).toEqual({
      ...run,
      status: "failed",
      error: { code: "x", message: "bad", step_id: "a" },
      input_tokens: 100,
      output_tokens: 250,
      cost: 1.234567,
      control: null,
      wake_at: null,
      finished_at: at(7_000),
    });
  });

  it("concurrent-seq: commits racing a decision on the same run get distinct, gap-free seqs", async () => {
    const { run, lease } = await createClaimed(h().store);
    const approval = approvalRecord(run, "review");
    await h().store.commit(lease, { approvals: [approval] });
    const results = await Promise.all([
      h().store.commit(lease, { events: [startedEvent(run, "a"), startedEvent(run, "a")] }),
      h().store.decideApproval(approval.approval_id, approveWrite(), humanDecidedEvent(approval, run)),
      h().store.commit(lease, { events: [startedEvent(run, "b")] }),
      h().store.commit(lease, { events: [startedEvent(run, "c"), startedEvent(run, "c"), startedEvent(run, "c")] }),
    ]);
    const stored = await h().store.listEvents(run.run_id);
    expectGapFree(stored.map((e) => e.seq));
    expect(stored).toHaveLength(7);
    const returned = results.flatMap((r) => ("events" in r ? r.events : r.ok ? [r.event] : []));
    expect(returned.map((e) => e.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const event of returned) expect(stored[event.seq - 1]?.event_id).toBe(event.event_id);
  });

  it("new-runs: child runs of a commit are created pending, in the parent's children, and findable to wake", async () => {
    const { run, lease } = await createClaimed(h().store);
    const child = childRecord(run, "sub", { input: { part: 1 } });
    await h().store.commit(lease, { new_runs: [child] });
    expect(await h().store.getRun(child.run_id)).toEqual(child);
    expect(Object.keys((await h().store.load(run.run_id))?.children ?? {})).toEqual([child.run_id]);
    const wake = await h().store.findRunsToWake(at(0));
    expect(wake).toContainEqual({ run_id: child.run_id, wake_at: null });
  });

  it("nudge: a nudged run is poked (found to wake) and gets the control request; a cancel is never replaced", async () => {
    const { lease } = await createClaimed(h().store);
    const target = await createClaimed(h().store, { status: "waiting" });
    await h().store.release(target.lease); // claimed (poke cleared), now idle
    expect((await h().store.findRunsToWake(at(0))).map((r) => r.run_id)).not.toContain(target.run.run_id);

    await h().store.commit(lease, { nudges: [{ run_id: target.run.run_id }] });
    expect(await h().store.findRunsToWake(at(0))).toContainEqual({ run_id: target.run.run_id, wake_at: null });
    expect((await h().store.getRun(target.run.run_id))?.control).toBeNull();

    await h().store.commit(lease, { nudges: [{ run_id: target.run.run_id, control: "cancel" }, { run_id: target.run.run_id, control: "pause" }] });
    expect((await h().store.getRun(target.run.run_id))?.control).toBe("cancel");
    await h().store.commit(lease, { nudges: [{ run_id: target.run.run_id, control: "resume" }] });
    expect((await h().store.getRun(target.run.run_id))?.control).toBe("cancel");
  });

  it("nudge-finished: nudging a finished run changes nothing", async () => {
    const { lease } = await createClaimed(h().store);
    const done = await createClaimed(h().store);
    await h().store.commit(done.lease, { run: { status: "completed", finished_at: at(1) } });
    await h().store.release(done.lease);
    await h().store.commit(lease, { nudges: [{ run_id: done.run.run_id, control: "cancel" }] });
    expect((await h().store.getRun(done.run.run_id))?.control).toBeNull();
    expect((await h().store.findRunsToWake(at(0))).map((r) => r.run_id)).not.toContain(done.run.run_id);
  });

  it("self-nudge: a batch nudging its own run pokes it after the patch, unless the patch finishes it", async () => {
    const { run, lease } = await createClaimed(h().store, { status: "running" });
    await h().store.commit(lease, { run: { status: "waiting" }, nudges: [{ run_id: run.run_id, control: "pause" }] });
    expect((await h().store.getRun(run.run_id))?.control).toBe("pause");
    await h().store.release(lease);
    expect(await h().store.findRunsToWake(at(0))).toContainEqual({ run_id: run.run_id, wake_at: null });

    const done = await createClaimed(h().store, { status: "running" });
    await h().store.commit(done.lease, { run: { status: "completed", finished_at: at(1) }, nudges: [{ run_id: done.run.run_id, control: "cancel" }] });
    expect((await h().store.getRun(done.run.run_id))?.control).toBeNull();
  });

  it("nudge-new-run: a nudge to a child created by the same batch sets its control request", async () => {
    const { run, lease } = await createClaimed(h().store);
    const child = childRecord(run, "sub");
    await h().store.commit(lease, { new_runs: [child], nudges: [{ run_id: child.run_id, control: "pause" }] });
    expect((await h().store.getRun(child.run_id))?.control).toBe("pause");
  });

  it("commit-returns-control: a control request set meanwhile comes back from the next commit", async () => {
    const { run, lease } = await createClaimed(h().store, { status: "running" });
    expect(await h().store.requestControl(run.run_id, "cancel", at(1))).toBe(true);
    const result = await h().store.commit(lease, { events: [startedEvent(run, "a")] });
    expect(result.control).toBe("cancel");
    expect((await h().store.commit(lease, { run: { control: null } })).control).toBeNull();
  });

  it("ack-control: acknowledging clears the request it names; a request made meanwhile survives", async () => {
    const { run, lease } = await createClaimed(h().store, { status: "running" });
    await h().store.requestControl(run.run_id, "pause", at(1));
    expect((await h().store.commit(lease, { ack_control: "pause", events: [pausedEvent(run)] })).control).toBeNull();
    expect((await h().store.getRun(run.run_id))?.control).toBeNull();

    await h().store.requestControl(run.run_id, "pause", at(2));
    await h().store.requestControl(run.run_id, "cancel", at(3)); // arrives while the pause is being applied
    expect((await h().store.commit(lease, { ack_control: "pause", run: { status: "paused" } })).control).toBe("cancel");
    expect((await h().store.getRun(run.run_id))?.control).toBe("cancel");
  });

  it("finish-clears-control: a commit that finishes the run clears any control request", async () => {
    const { run, lease } = await createClaimed(h().store, { status: "running" });
    await h().store.requestControl(run.run_id, "pause", at(1));
    const result = await h().store.commit(lease, { run: { status: "completed", output: { ok: true }, finished_at: at(2) } });
    expect(result.control).toBeNull();
    expect(await h().store.getRun(run.run_id)).toMatchObject({ status: "completed", control: null });
  });

  it("request-control: pokes a live run (cancel wins over pause/resume); refused for finished or unknown runs", async () => {
    const { run, lease } = await createClaimed(h().store, { status: "paused" });
    await h().store.release(lease);
    expect(await h().store.requestControl(run.run_id, "resume", at(1))).toBe(true);
    expect(await h().store.findRunsToWake(at(1))).toContainEqual({ run_id: run.run_id, wake_at: null });
    expect((await h().store.getRun(run.run_id))?.control).toBe("resume");
    expect(await h().store.requestControl(run.run_id, "cancel", at(2))).toBe(true);
    expect(await h().store.requestControl(run.run_id, "pause", at(3))).toBe(true);
    expect((await h().store.getRun(run.run_id))?.control).toBe("cancel");

    const finished = runRecord({ status: "completed" });
    await h().store.createRun(finished);
    expect(await h().store.requestControl(finished.run_id, "cancel", at(1))).toBe(false);
    expect((await h().store.getRun(finished.run_id))?.control).toBeNull();
    expect(await h().store.requestControl("no-such-run", "cancel", at(1))).toBe(false);
  });
}
