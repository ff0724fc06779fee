// Contract: approvals — insert/update through commit, decideApproval (atomic, exactly once),
// a decision is never overwritten by a commit, getApproval, listApprovals filters.
import { expect, it } from "vitest";
import type { NewRunEvent } from "../../src/engine";
import { approvalRecord, approveWrite, at, createClaimed, humanDecidedEvent, startedEvent, type StoreHarness } from "./fixtures";

export function approvalContract(h: () => StoreHarness): void {
  it("decide: records the decision, appends human.decided with the next seq and pokes the run", async () => {
    const { run, lease } = await createClaimed(h().store, { status: "waiting" });
    const approval = approvalRecord(run, "review");
    await h().store.commit(lease, { approvals: [approval], events: [startedEvent(run, "review")] });
    await h().store.release(lease);
    expect((await h().store.findRunsToWake(at(0))).map((r) => r.run_id)).not.toContain(run.run_id);

    const event = humanDecidedEvent(approval, run);
    const result = await h().store.decideApproval(approval.approval_id, approveWrite(), event);
    const decided = { ...approval, ...approveWrite() };
    expect(result).toEqual({ ok: true, approval: decided, event: { ...event, seq: 2 } });
    expect(await h().store.getApproval(approval.approval_id)).toEqual(decided);
    expect((await h().store.listEvents(run.run_id, 1)).map((e) => [e.seq, e.type])).toEqual([[2, "human.decided"]]);
    expect(await h().store.findRunsToWake(at(0))).toContainEqual({ run_id: run.run_id, wake_at: null });
  });

  it("approve-twice: a second decision is refused as not_pending, with the stored approval", async () => {
    const { run, lease } = await createClaimed(h().store);
    const approval = approvalRecord(run, "review");
    await h().store.commit(lease, { approvals: [approval] });
    await h().store.decideApproval(approval.approval_id, approveWrite("alice"), humanDecidedEvent(approval, run, "alice"));
    const second = await h().store.decideApproval(approval.approval_id, approveWrite("bob"), humanDecidedEvent(approval, run, "bob"));
    expect(second).toEqual({ ok: false, reason: "not_pending", approval: { ...approval, ...approveWrite("alice") } });
    expect(await h().store.listEvents(run.run_id)).toHaveLength(1);
  });

  it("approve-twice-concurrently: of two simultaneous decisions exactly one wins and one event is written", async () => {
    const { run, lease } = await createClaimed(h().store);
    const approval = approvalRecord(run, "review");
    await h().store.commit(lease, { approvals: [approval] });
    const results = await Promise.all(
      ["alice", "bob", "carol"].map((by) => h().store.decideApproval(approval.approval_id, approveWrite(by), humanDecidedEvent(approval, run, by))),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    for (const loser of results.filter((r) => !r.ok)) expect(loser).toMatchObject({ ok: false, reason: "not_pending" });
    const events = await h().store.listEvents(run.run_id);
    expect(events.map((e) => [e.seq, e.type])).toEqual([[1, "human.decided"]]);
    const winner = winners[0];
    if (winner?.ok) expect((await h().store.getApproval(approval.approval_id))?.decided_by).toBe(winner.approval.decided_by);
  });

  it("decide-expired: a system timeout decision (no decision, expired) is recorded like any other", async () => {
    const { run, lease } = await createClaimed(h().store, { status: "waiting" });
    const approval = approvalRecord(run, "review");
    await h().store.commit(lease, { approvals: [approval] });
    const write = { status: "expired", decision: null, edited: false, result: approval.data, comment: null, decided_by: "system:timeout", decided_at: at(7_000) } as const;
    const event = { ...humanDecidedEvent(approval, run, "system:timeout"), payload: { ...humanDecidedEvent(approval, run).payload, status: "expired", decision: null } } as NewRunEvent;
    const result = await h().store.decideApproval(approval.approval_id, write, event);
    expect(result).toEqual({ ok: true, approval: { ...approval, ...write }, event: { ...event, seq: 1 } });
    expect(await h().store.listEvents(run.run_id)).toEqual([{ ...event, seq: 1 }]);
  });

  it("decide-unknown: deciding an approval that does not exist is refused as not_found", async () => {
    const { run } = await createClaimed(h().store);
    const ghost = approvalRecord(run, "review");
    expect(await h().store.decideApproval(ghost.approval_id, approveWrite(), humanDecidedEvent(ghost, run))).toEqual({ ok: false, reason: "not_found" });
    expect(await h().store.listEvents(run.run_id)).toEqual([]);
  });

  it("decision-wins-over-cancel: a commit never overwrites an approval decided meanwhile", async () => {
    const { run, lease } = await createClaimed(h().store);
    const approval = approvalRecord(run, "review");
    await h().store.commit(lease, { approvals: [approval] });
    await h().store.decideApproval(approval.approval_id, approveWrite(), humanDecidedEvent(approval, run));
    // the advancer, unaware of the decision, cancels the approval it still sees as pending
    await h().store.commit(lease, { approvals: [{ ...approval, status: "cancelled" }] });
    expect(await h().store.getApproval(approval.approval_id)).toEqual({ ...approval, ...approveWrite() });
  });

  it("decision-races-cancel: a decision racing a cancelling commit ends one way or the other, never both, never stuck", async () => {
    for (let round = 0; round < 8; round++) {
      const { run, lease } = await createClaimed(h().store);
      const approval = approvalRecord(run, "review");
      await h().store.commit(lease, { approvals: [approval] });
      const [, decided] = await Promise.all([
        h().store.commit(lease, { approvals: [{ ...approval, status: "cancelled" }], events: [startedEvent(run, "review")] }),
        h().store.decideApproval(approval.approval_id, approveWrite(), humanDecidedEvent(approval, run)),
      ]);
      const stored = await h().store.getApproval(approval.approval_id);
      expect(stored?.status).toBe(decided.ok ? "approved" : "cancelled");
      const events = await h().store.listEvents(run.run_id);
      expect(events.map((e) => e.seq)).toEqual(decided.ok ? [1, 2] : [1]);
    }
  });

  it("pending-update: a commit does update an approval that is still pending (e.g. cancels it)", async () => {
    const { run, lease } = await createClaimed(h().store);
    const approval = approvalRecord(run, "review");
    await h().store.commit(lease, { approvals: [approval] });
    const cancelled = { ...approval, status: "cancelled" as const };
    await h().store.commit(lease, { approvals: [cancelled] });
    expect(await h().store.getApproval(approval.approval_id)).toEqual(cancelled);
    const late = await h().store.decideApproval(approval.approval_id, approveWrite(), humanDecidedEvent(approval, run));
    expect(late).toEqual({ ok: false, reason: "not_pending", approval: cancelled });
  });

  it("list-approvals: filters by run_id, root_run_id and status, oldest first", async () => {
    const { run, lease } = await createClaimed(h().store);
    const other = await createClaimed(h().store, { root_run_id: run.run_id });
    const a1 = approvalRecord(run, "r1", { created_at: at(3_000) });
    const a2 = approvalRecord(run, "r2", { created_at: at(1_000), status: "approved", decision: "approved", decided_by: "x", decided_at: at(2_000) });
    const b1 = approvalRecord(other.run, "r1", { created_at: at(2_000) });
    await h().store.commit(lease, { approvals: [a1, a2] });
    await h().store.commit(other.lease, { approvals: [b1] });

    expect(await h().store.listApprovals({ run_id: run.run_id })).toEqual([a2, a1]);
    expect(await h().store.listApprovals({ root_run_id: run.run_id })).toEqual([a2, b1, a1]);
    expect(await h().store.listApprovals({ root_run_id: run.run_id, status: "pending" })).toEqual([b1, a1]);
    expect(await h().store.listApprovals({ run_id: other.run.run_id, status: "approved" })).toEqual([]);
    const pendingEverywhere = await h().store.listApprovals({ status: "pending" });
    expect(pendingEverywhere.filter((a) => [a1, b1].some((x) => x.approval_id === a.approval_id))).toEqual([b1, a1]);
    expect(pendingEverywhere.every((a) => a.status === "pending")).toBe(true);
    expect(await h().store.getApproval("no-such-approval")).toBeNull();
  });

  it("list-approvals-pages: newest first on request, at most `limit`, and `after` continues from an approval (keyset)", async () => {
    const { run, lease } = await createClaimed(h().store, { status: "waiting" });
    const made = [0, 1, 2, 3, 4].map((i) => approvalRecord(run, `s${i}`, { created_at: at(i * 1000) }));
    await h().store.commit(lease, { approvals: made });
    const ids = (list: { approval_id: string }[]) => list.map((a) => a.approval_id);
    const all = made.map((a) => a.approval_id);

    expect(ids(await h().store.listApprovals({ run_id: run.run_id, limit: 2 }))).toEqual(all.slice(0, 2));
    expect(ids(await h().store.listApprovals({ run_id: run.run_id, limit: 2, after: all[1] }))).toEqual(all.slice(2, 4));
    expect(ids(await h().store.listApprovals({ run_id: run.run_id, after: all[3] }))).toEqual(all.slice(4));
    const newest = [...all].reverse();
    expect(ids(await h().store.listApprovals({ run_id: run.run_id, newest_first: true, limit: 3 }))).toEqual(newest.slice(0, 3));
    expect(ids(await h().store.listApprovals({ run_id: run.run_id, newest_first: true, after: newest[2] }))).toEqual(newest.slice(3));
    // The last page is empty, and an unknown `after` starts from the beginning.
    expect(await h().store.listApprovals({ run_id: run.run_id, after: all[4] })).toEqual([]);
    expect(ids(await h().store.listApprovals({ run_id: run.run_id, after: "no-such-approval", limit: 1 }))).toEqual(all.slice(0, 1));
  });
}
