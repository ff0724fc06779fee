// Contract: createRun / getRun / load keep every field of every record.
import { expect, it } from "vitest";
import type { RunState } from "../../src/engine";
import { approvalRecord, at, childRecord, createClaimed, runRecord, stepRecord, type StoreHarness } from "./fixtures";

export function recordsContract(h: () => StoreHarness): void {
  it("round-trip: createRun then getRun/load return the run exactly as given", async () => {
    const run = runRecord({ input: { text: "héllo ✓", deep: { a: [1, 2.5, { b: null }] } }, created_by: "u-1" });
    await h().store.createRun(run);
    expect(await h().store.getRun(run.run_id)).toEqual(run);
    const state = await h().store.load(run.run_id);
    expect(state).toEqual({ run, steps: {}, approvals: [], children: {} } satisfies RunState);
  });

  it("unknown-run: getRun and load return null", async () => {
    expect(await h().store.getRun("no-such-run")).toBeNull();
    expect(await h().store.load("no-such-run")).toBeNull();
  });

  it("duplicate-run: creating a run id twice is refused", async () => {
    const run = runRecord();
    await h().store.createRun(run);
    await expect(h().store.createRun(run)).rejects.toThrow();
  });

  it("rerun-prefill: createRun stores the given step rows (reused, attempt 0) with every field", async () => {
    const run = runRecord();
    const reused = stepRecord("extract", {
      attempt: 0,
      status: "completed",
      reused: true,
      output: { text: "kept", n: 3 },
      routes: [0, 2],
      finished_at: at(9_000),
      input_tokens: 12,
      output_tokens: 30,
      cost: 0.125,
    });
    const skipped = stepRecord("branch", { attempt: 0, status: "skipped", reused: true, routes: [], started_at: null });
    await h().store.createRun(run, { extract: reused, branch: skipped });
    const state = await h().store.load(run.run_id);
    expect(state?.steps).toEqual({ extract: reused, branch: skipped });
  });

  it("step-fields: every StepRecord field survives a commit (state, children, routes, wake_at, usage)", async () => {
    const { run, lease } = await createClaimed(h().store);
    const step = stepRecord("map", {
      status: "waiting",
      suspended: true,
      state: { cursor: 4, done: ["a", "b"] },
      children: [{ key: "0", run_id: "child-0", seen_status: "running" }],
      approval_id: "approval-x",
      wake_at: at(60_000),
      error: { code: "boom", message: "it broke", details: { status: 502 } },
      input_tokens: 7,
      output_tokens: 9,
      cost: 0.5,
    });
    await h().store.commit(lease, { steps: [step] });
    expect((await h().store.load(run.run_id))?.steps.map).toEqual(step);
  });

  it("latest-attempt: load returns the highest attempt per step, whatever order rows were written in", async () => {
    const { run, lease } = await createClaimed(h().store);
    await h().store.commit(lease, {
      steps: [
        stepRecord("a", { attempt: 2, status: "running", started_at: null, wake_at: at(10_000) }),
        stepRecord("a", { attempt: 1, status: "failed", error: { code: "boom", message: "x" }, finished_at: at(2_000) }),
        stepRecord("b", { attempt: 1, status: "completed", output: 1, routes: [0] }),
      ],
    });
    await h().store.commit(lease, { steps: [stepRecord("b", { attempt: 1, status: "completed", output: 2, routes: [0] })] });
    const state = await h().store.load(run.run_id);
    expect(state?.steps.a).toMatchObject({ attempt: 2, status: "running", started_at: null, wake_at: at(10_000) });
    expect(state?.steps.b).toMatchObject({ attempt: 1, output: 2 });
  });

  it("children: load summarises the run's child runs (status, output, error, usage), not grandchildren or siblings", async () => {
    const { run, lease } = await createClaimed(h().store);
    const first = childRecord(run, "map");
    const second = childRecord(run, "map");
    await h().store.commit(lease, { new_runs: [first, second] });
    const grandchild = childRecord(first, "inner");
    await h().store.createRun(grandchild);

    const claim = await h().store.claim(first.run_id, "worker-b", at(0), at(30_000));
    if (!claim.ok) throw new Error("child claim refused");
    await h().store.commit(claim.lease, {
      run: { status: "completed", output: { answer: 42 }, input_tokens: 5, output_tokens: 6, cost: 0.75, finished_at: at(4_000) },
    });

    const state = await h().store.load(run.run_id);
    expect(state?.children).toEqual({
      [first.run_id]: { run_id: first.run_id, status: "completed", output: { answer: 42 }, error: null, input_tokens: 5, output_tokens: 6, cost: 0.75 },
      [second.run_id]: { run_id: second.run_id, status: "pending", output: null, error: null, input_tokens: 0, output_tokens: 0, cost: 0 },
    });
    expect(await h().store.getRun(first.run_id)).toMatchObject({ parent_run_id: run.run_id, root_run_id: run.root_run_id, parent_step_id: "map" });
  });

  it("approvals-in-load: load returns this run's approvals of every status, and only this run's", async () => {
    const { run, lease } = await createClaimed(h().store);
    const other = await createClaimed(h().store);
    const pending = approvalRecord(run, "review", { created_at: at(2_000) });
    const cancelled = approvalRecord(run, "review", { attempt: 2, status: "cancelled", created_at: at(3_000) });
    await h().store.commit(lease, { approvals: [pending, cancelled] });
    await h().store.commit(other.lease, { approvals: [approvalRecord(other.run, "review")] });
    const state = await h().store.load(run.run_id);
    expect(state?.approvals).toEqual([pending, cancelled]);
  });
}
