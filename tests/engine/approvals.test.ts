import { describe, expect, it } from "vitest";
import { expectEngineError, expectGapFree, setup } from "./helpers";
import type { SegmentInput } from "../../src/shared/segment";

const form = {
  type: "object",
  required: ["text"],
  properties: { text: { type: "string", minLength: 3 } },
  additionalProperties: false,
};

function review(config: Record<string, unknown> = {}): SegmentInput {
  return {
    segment_id: "review",
    name: "Review",
    entrypoint: "draft",
    steps: [
      { step_id: "draft", type: "const", config: { value: { text: "first draft" } } },
      { step_id: "approve", type: "human_approval", config: { title: "Approve the draft", form, ...config } },
      { step_id: "publish", type: "noop", config: {} },
      { step_id: "rework", type: "noop", config: {} },
    ],
    edges: [
      { from_step: "draft", to_step: "approve" },
      { from_step: "approve", to_step: "publish", condition: "output.decision = 'approved'" },
      { from_step: "approve", to_step: "rework", condition: "output.decision = 'rejected'" },
    ],
  };
}

describe("approve / edit / reject", () => {
  it("a-human-step-waits-durably-with-a-pending-approval-and-step.waiting-carries-it", async () => {
    const h = setup();
    const run = await h.start(review());
    expect(run.status).toBe("waiting");
    expect(run.steps.approve?.status).toBe("waiting");
    const approval = await h.pendingApproval(run.run_id);
    expect(approval).toMatchObject({ run_id: run.run_id, root_run_id: run.run_id, step_id: "approve", title: "Approve the draft", data: { text: "first draft" }, form });
    const waiting = h.events(run.run_id).find((e) => e.type === "step.waiting");
    expect(waiting?.payload).toMatchObject({ approval: { approval_id: approval.approval_id, status: "pending" } });
    expect(h.store.stats.commits).toBeGreaterThan(0);
  });

  it("approve: the output flows on and edges route on output.decision", async () => {
    const h = setup();
    const run = await h.start(review());
    const approval = await h.pendingApproval(run.run_id);
    await h.engine.decide({ approval_id: approval.approval_id, decision: "approve", comment: "ok", decided_by: "user:ann" });
    await h.settle();
    const done = await h.run(run.run_id);
    expect(done.status).toBe("completed");
    expect(done.steps.approve?.output).toEqual({
      decision: "approved",
      edited: false,
      data: { text: "first draft" },
      comment: "ok",
      decided_by: "user:ann",
      decided_at: "2030-01-01T00:00:00.000Z",
    });
    expect(done.steps.publish?.status).toBe("completed");
    expect(done.steps.rework?.status).toBe("skipped");
    expect(h.types(run.run_id, "approve")).toEqual(["step.started", "step.waiting", "human.decided", "step.completed"]);
    expectGapFree(h.events(run.run_id));
  });

  it("edit-then-approve: edited data must match the form; the edit becomes the output data", async () => {
    const h = setup();
    const run = await h.start(review());
    const approval = await h.pendingApproval(run.run_id);
    const error = await expectEngineError(
      h.engine.decide({ approval_id: approval.approval_id, decision: "approve", data: { text: "no", extra: 1 }, decided_by: "user:ann" }),
      "invalid_decision",
    );
    expect(error.problems.length).toBe(2);
    // nothing changed
    expect((await h.pendingApproval(run.run_id)).status).toBe("pending");
    expect((await h.run(run.run_id)).status).toBe("waiting");

    await h.engine.decide({ approval_id: approval.approval_id, decision: "approve", data: { text: "better draft" }, decided_by: "user:ann" });
    await h.settle();
    const done = await h.run(run.run_id);
    expect(done.steps.approve?.output).toMatchObject({ decision: "approved", edited: true, data: { text: "better draft" } });
    expect(done.steps.publish?.output).toMatchObject({ data: { text: "better draft" } });
  });

  it("edit-without-a-form-is-refused", async () => {
    const h = setup();
    const doc = review();
    const run = await h.start({ ...doc, steps: doc.steps.map((s) => (s.step_id === "approve" ? { ...s, config: { title: "t" } } : s)) });
    const approval = await h.pendingApproval(run.run_id);
    await expectEngineError(h.engine.decide({ approval_id: approval.approval_id, decision: "approve", data: { text: "abc" }, decided_by: "u" }), "invalid_decision");
  });

  it("reject-with-on_reject-continue: the rejection flows on as output", async () => {
    const h = setup();
    const run = await h.start(review());
    const approval = await h.pendingApproval(run.run_id);
    await h.engine.decide({ approval_id: approval.approval_id, decision: "reject", comment: "too short", decided_by: "user:bob" });
    await h.settle();
    const done = await h.run(run.run_id);
    expect(done.status).toBe("completed");
    expect(done.steps.approve?.status).toBe("completed");
    expect(done.steps.approve?.output).toMatchObject({ decision: "rejected", comment: "too short" });
    expect(done.steps.rework?.status).toBe("completed");
    expect(done.steps.publish?.status).toBe("skipped");
  });

  it("reject-with-on_reject-fail: the step fails and the run fails", async () => {
    const h = setup();
    const run = await h.start(review({ on_reject: "fail" }));
    const approval = await h.pendingApproval(run.run_id);
    await h.engine.decide({ approval_id: approval.approval_id, decision: "reject", comment: "no", decided_by: "user:bob" });
    await h.settle();
    const done = await h.run(run.run_id);
    expect(done.status).toBe("failed");
    expect(done.steps.approve?.status).toBe("failed");
    expect(done.error).toMatchObject({ code: "rejected", step_id: "approve" });
  });

  it("approve-twice: the second decision is a typed error and changes nothing", async () => {
    const h = setup();
    const run = await h.start(review());
    const approval = await h.pendingApproval(run.run_id);
    await h.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "user:ann" });
    const before = h.events(run.run_id).length;
    await expectEngineError(h.engine.decide({ approval_id: approval.approval_id, decision: "reject", decided_by: "user:bob" }), "approval_already_decided");
    await h.settle();
    const done = await h.run(run.run_id);
    expect(done.steps.approve?.output).toMatchObject({ decision: "approved", decided_by: "user:ann" });
    expect(h.events(run.run_id).filter((e) => e.type === "human.decided")).toHaveLength(1);
    expect(h.events(run.run_id).length).toBeGreaterThan(before);
  });

  it("decision-on-an-unknown-approval-is-a-typed-error", async () => {
    const h = setup();
    await expectEngineError(h.engine.decide({ approval_id: "nope", decision: "approve", decided_by: "u" }), "approval_not_found");
  });
});

describe("approval timeouts", () => {
  it.each([
    ["approve", "completed", "approved"],
    ["reject", "completed", "rejected"],
  ] as const)("timeout-decision-%s: decided by system:timeout", async (onTimeout, runStatus, decision) => {
    const h = setup();
    const run = await h.start(review({ timeout_seconds: 60, on_timeout: onTimeout }));
    expect((await h.pendingApproval(run.run_id)).expires_at).toBe("2030-01-01T00:01:00.000Z");
    await h.advance(59_999);
    expect((await h.run(run.run_id)).status).toBe("waiting");
    await h.advance(1);
    const done = await h.run(run.run_id);
    expect(done.status).toBe(runStatus);
    expect(done.steps.approve?.output).toMatchObject({ decision, decided_by: "system:timeout", edited: false });
    const [approval] = await h.engine.listApprovals({ run_id: run.run_id });
    expect(approval).toMatchObject({ status: "expired", decision, decided_by: "system:timeout" });
    expect(done.steps[decision === "approved" ? "publish" : "rework"]?.status).toBe("completed");
  });

  it("timeout-decision-fail: the step fails with approval_timeout", async () => {
    const h = setup();
    const run = await h.start(review({ timeout_seconds: 60 }));
    await h.advance(60_000);
    const done = await h.run(run.run_id);
    expect(done.status).toBe("failed");
    expect(done.error).toMatchObject({ code: "approval_timeout", step_id: "approve" });
    const [approval] = await h.engine.listApprovals({ run_id: run.run_id });
    expect(approval).toMatchObject({ status: "expired", decision: null, decided_by: "system:timeout" });
  });

  it("timeout-reject-with-on_reject-fail-fails-the-step", async () => {
    const h = setup();
    const run = await h.start(review({ timeout_seconds: 1, on_timeout: "reject", on_reject: "fail" }));
    await h.advance(1000);
    expect((await h.run(run.run_id)).error?.code).toBe("rejected");
  });

  it("a-human-decision-before-the-timeout-wins", async () => {
    const h = setup();
    const run = await h.start(review({ timeout_seconds: 60, on_timeout: "reject" }));
    const approval = await h.pendingApproval(run.run_id);
    await h.advance(30_000);
    await h.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "user:ann" });
    await h.settle();
    await h.advance(60_000);
    const done = await h.run(run.run_id);
    expect(done.steps.approve?.output).toMatchObject({ decision: "approved", decided_by: "user:ann" });
    expect(h.events(run.run_id).filter((e) => e.type === "human.decided")).toHaveLength(1);
  });
});

describe("parallel approvals", () => {
  const parallel: SegmentInput = {
    segment_id: "two-reviews",
    name: "Two reviews",
    entrypoint: "start",
    steps: [
      { step_id: "start", type: "const", config: { value: "doc" } },
      { step_id: "legal", type: "human_approval", config: { title: "Legal" } },
      { step_id: "tech", type: "human_approval", config: { title: "Tech" } },
      { step_id: "ship", type: "transform", config: { expression: "step_input.legal.decision & '/' & step_input.tech.decision" } },
    ],
    edges: [
      { from_step: "start", to_step: "legal" },
      { from_step: "start", to_step: "tech" },
      { from_step: "legal", to_step: "ship" },
      { from_step: "tech", to_step: "ship" },
    ],
  };

  it.each([
    ["legal", "tech"],
    ["tech", "legal"],
  ])("parallel-approvals-decided-%s-then-%s: each waits independently; the run completes after both", async (first, second) => {
    const h = setup();
    const run = await h.start(parallel);
    expect(run.status).toBe("waiting");
    const approvals = await h.engine.listApprovals({ run_id: run.run_id, status: "pending" });
    expect(approvals.map((a) => a.step_id).sort()).toEqual(["legal", "tech"]);

    const a1 = await h.pendingApproval(run.run_id, first);
    await h.engine.decide({ approval_id: a1.approval_id, decision: "approve", decided_by: "u1" });
    await h.settle();
    const mid = await h.run(run.run_id);
    expect(mid.status).toBe("waiting");
    expect(mid.steps[first as string]?.status).toBe("completed");
    expect(mid.steps[second as string]?.status).toBe("waiting");
    expect(mid.steps.ship?.status).toBe("pending");

    const a2 = await h.pendingApproval(run.run_id, second);
    await h.engine.decide({ approval_id: a2.approval_id, decision: second === "tech" ? "reject" : "approve", decided_by: "u2" });
    await h.settle();
    const done = await h.run(run.run_id);
    expect(done.status).toBe("completed");
    expect(done.output).toBe(second === "tech" ? "approved/rejected" : "approved/approved");
    expect(h.probe.count("start")).toBe(1);
    expectGapFree(h.events(run.run_id));
  });

  it("run-is-running-not-waiting-while-another-branch-still-runs", async () => {
    const h = setup();
    const run = await h.start({
      ...parallel,
      steps: parallel.steps.map((s) => (s.step_id === "tech" ? { step_id: "tech", type: "gate", config: {} } : s)),
    });
    expect(run.steps.legal?.status).toBe("waiting");
    expect(run.status).toBe("running");
  });
});
