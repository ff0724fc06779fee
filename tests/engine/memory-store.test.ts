// Engine-specific store semantics on top of the RunStore contract suite (tests/run-store).
import { describe, expect, it } from "vitest";
import type { RunRecord } from "../../src/engine/model";
import { InMemoryRunStore } from "../../src/engine/testing";

const run = (over: Partial<RunRecord> = {}): RunRecord => ({
  run_id: "r1",
  root_run_id: "r1",
  parent_run_id: null,
  parent_step_id: null,
  segment_id: "s",
  revision: 1,
  status: "running",
  input: {},
  output: null,
  error: null,
  correlation_id: "r1",
  created_by: "t",
  input_tokens: 0,
  output_tokens: 0,
  cost: 0,
  control: null,
  wake_at: null,
  created_at: "2030-01-01T00:00:00.000Z",
  started_at: null,
  finished_at: null,
  ...over,
});

async function claimed(store: InMemoryRunStore, over: Partial<RunRecord> = {}) {
  await store.createRun(run(over));
  const claim = await store.claim("r1", "w", "2030-01-01T00:00:00.000Z", "2030-01-01T00:00:30.000Z");
  if (!claim.ok) throw new Error("claim failed");
  return claim.lease;
}

describe("ack_control", () => {
  it("ack-clears-the-request-it-applied", async () => {
    const store = new InMemoryRunStore();
    const lease = await claimed(store, { control: "pause" });
    expect((await store.commit(lease, { ack_control: "pause" })).control).toBeNull();
  });

  it("ack-keeps-a-newer-request", async () => {
    const store = new InMemoryRunStore();
    const lease = await claimed(store, { control: "pause" });
    await store.requestControl("r1", "resume");
    expect((await store.commit(lease, { run: { status: "paused" }, ack_control: "pause" })).control).toBe("resume");
  });

  it("a-finished-run-has-no-pending-request", async () => {
    const store = new InMemoryRunStore();
    const lease = await claimed(store, { control: "pause" });
    expect((await store.commit(lease, { run: { status: "completed" } })).control).toBeNull();
  });

  it("an-approval-decided-meanwhile-is-not-overwritten-by-a-batch", async () => {
    const store = new InMemoryRunStore();
    const lease = await claimed(store);
    const approval = {
      approval_id: "a1",
      run_id: "r1",
      root_run_id: "r1",
      segment_id: "s",
      step_id: "ask",
      attempt: 1,
      status: "pending" as const,
      title: "t",
      instructions: null,
      data: 1,
      form: null,
      decision: null,
      edited: false,
      result: null,
      comment: null,
      decided_by: null,
      decided_at: null,
      expires_at: null,
      created_at: "2030-01-01T00:00:00.000Z",
    };
    await store.commit(lease, { approvals: [approval] });
    const decided = await store.decideApproval(
      "a1",
      { status: "approved", decision: "approved", edited: false, result: 1, comment: null, decided_by: "u", decided_at: "2030-01-01T00:00:01.000Z" },
      { event_id: "e", run_id: "r1", root_run_id: "r1", segment_id: "s", type: "segment.paused", ts: "2030-01-01T00:00:01.000Z", correlation_id: "r1", payload: {} },
    );
    expect(decided.ok).toBe(true);
    await store.commit(lease, { approvals: [{ ...approval, status: "cancelled" }] });
    expect((await store.getApproval("a1"))?.status).toBe("approved");
  });
});
