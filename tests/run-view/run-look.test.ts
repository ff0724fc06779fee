// What a card and an edge show of the live state (the canvas' overlay draws exactly this).
import { describe, expect, it } from "vitest";
import { edgeRunLook, stepRunLook } from "../../src/features/run-view/lib/run-look";
import { pendingStepState, type StepLiveState } from "../../src/features/run-view/lib/run-live-state";
import type { Approval } from "../../src/shared/resources/run-detail";

const step = (patch: Partial<StepLiveState>): StepLiveState => ({ ...pendingStepState("s"), ...patch });

const approval = (status: Approval["status"]): Approval => ({
  approval_id: "a1",
  run_id: "r",
  root_run_id: "r",
  segment_id: "seg",
  step_id: "s",
  attempt: 1,
  status,
  title: "Go?",
  instructions: null,
  data: null,
  form: null,
  decision: null,
  edited: false,
  result: null,
  comment: null,
  decided_by: null,
  decided_at: null,
  expires_at: null,
  created_at: "2030-01-01T00:00:00.000Z",
});

describe("stepRunLook", () => {
  it("a-waiting-step with a pending approval needs approval; once decided it does not", () => {
    expect(stepRunLook(step({ status: "waiting", approval: approval("pending") }), false).needs_approval).toBe(true);
    expect(stepRunLook(step({ status: "running", approval: approval("approved") }), false).needs_approval).toBe(false);
  });

  it("a-running-subsegment whose child run waits needs approval too; a finished one does not", () => {
    expect(stepRunLook(step({ status: "running" }), true).needs_approval).toBe(true);
    expect(stepRunLook(step({ status: "completed" }), true).needs_approval).toBe(false);
  });

  it("the-token-preview and the retry time show only while running", () => {
    const running = stepRunLook(step({ status: "running", token_preview: "Hello", retry_at: "2030-01-01T00:00:05.000Z" }), false);
    expect(running).toMatchObject({ token_preview: "Hello", retry_at: "2030-01-01T00:00:05.000Z", duration_ms: null });
    const done = stepRunLook(step({ status: "completed", token_preview: "Hello", duration_ms: 1200 }), false);
    expect(done).toMatchObject({ token_preview: "", retry_at: null, duration_ms: 1200 });
  });

  it("a-decided human step carries its decision (a rejected step completes, and the card must say rejected)", () => {
    const rejected = { ...approval("rejected"), decision: "rejected" as const };
    expect(stepRunLook(step({ status: "completed", approval: rejected }), false).decision).toBe("rejected");
    const approved = { ...approval("approved"), decision: "approved" as const };
    expect(stepRunLook(step({ status: "completed", approval: approved }), false).decision).toBe("approved");
    expect(stepRunLook(step({ status: "waiting", approval: approval("pending") }), false).decision).toBeNull();
    expect(stepRunLook(step({ status: "completed" }), false).decision).toBeNull();
  });

  it("the-error is its message", () => {
    expect(stepRunLook(step({ status: "failed", error: { code: "timeout", message: "took too long" } }), false).error).toBe("took too long");
  });
});

describe("edgeRunLook", () => {
  const done = step({ status: "completed", output: { a: 1 } });
  it("idle before the source delivered, active while the target works, flowed after", () => {
    expect(edgeRunLook(step({ status: "running" }), step({}), null)).toBe("idle");
    expect(edgeRunLook(done, step({ status: "running" }), null)).toBe("active");
    // A step waiting for a person has its input; nothing flows while it waits.
    expect(edgeRunLook(done, step({ status: "waiting" }), null)).toBe("flowed");
    expect(edgeRunLook(done, step({ status: "completed" }), null)).toBe("flowed");
    expect(edgeRunLook(done, step({ status: "failed" }), null)).toBe("flowed");
  });

  it("a-target waiting for other inputs keeps the edge idle", () => {
    expect(edgeRunLook(done, step({ status: "pending" }), null)).toBe("idle");
  });

  it("skipped when either end was skipped", () => {
    expect(edgeRunLook(done, step({ status: "skipped" }), null)).toBe("skipped");
    expect(edgeRunLook(step({ status: "skipped" }), step({ status: "skipped" }), null)).toBe("skipped");
  });

  it("a-condition's port it did not take is skipped even if the target ran through another path", () => {
    const condition = step({ status: "completed", output: true });
    expect(edgeRunLook(condition, step({ status: "completed" }), "true")).toBe("flowed");
    expect(edgeRunLook(condition, step({ status: "completed" }), "false")).toBe("skipped");
  });

  it("on_error-continue delivers {error} downstream: the edge flows", () => {
    const continued = step({ status: "failed", continued: true, output: { error: { code: "x", message: "y" } } });
    expect(edgeRunLook(continued, step({ status: "completed" }), null)).toBe("flowed");
    expect(edgeRunLook(step({ status: "failed", continued: false }), step({}), null)).toBe("idle");
  });

  it("unknown ends (not in the revision) are idle", () => {
    expect(edgeRunLook(undefined, done, null)).toBe("idle");
  });
});
