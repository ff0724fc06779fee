// timeout_seconds on the fake clock: the deadline fails a run wherever it stands (a step in
// flight, a human wait, paused), once, with run_timeout; a run that ends in time is untouched;
// a new engine over the same store (a restart) still enforces the deadline.
import { describe, expect, it } from "vitest";
import type { SegmentInput } from "../../src/shared/segment";
import { chain, expectEngineError, expectGapFree, setup } from "./helpers";

const approvalChain: SegmentInput = {
  segment_id: "timed-wait",
  name: "Timed wait",
  entrypoint: "a",
  steps: [
    { step_id: "a", type: "noop", config: {} },
    { step_id: "ask", type: "human_approval", config: { title: "Go?" } },
    { step_id: "b", type: "noop", config: {} },
  ],
  edges: [
    { from_step: "a", to_step: "ask" },
    { from_step: "ask", to_step: "b" },
  ],
};

async function startTimed(h: ReturnType<typeof setup>, segment: SegmentInput, timeout_seconds: number) {
  const revision = h.segments.add(segment);
  const record = await h.engine.start({ segment_id: segment.segment_id, revision, input: {}, timeout_seconds });
  await h.settle();
  return record.run_id;
}

describe("run timeout", () => {
  it("a step still in flight at the deadline is aborted and the run fails with run_timeout, once", async () => {
    const h = setup();
    const runId = await startTimed(h, chain("slow", ["a", "g", "b"], { g: "gate" }), 5);
    expect((await h.run(runId)).steps.g?.status).toBe("running");
    await h.advance(4_999);
    expect((await h.run(runId)).status).toBe("running");
    await h.advance(1);
    const run = await h.run(runId);
    expect(run.status).toBe("failed");
    expect(run.error).toEqual({ code: "run_timeout", message: "The run did not finish within its timeout of 5 s" });
    expect(run.steps.g?.status).toBe("cancelled");
    expect(run.steps.b?.status).toBe("pending");
    expect(h.probe.signals.get("g")?.aborted).toBe(true);
    expect(h.types(runId).filter((t) => t === "segment.failed")).toHaveLength(1);
    expectGapFree(h.events(runId));
  });

  it("a run waiting for a person fails at the deadline; its approval is cancelled and refuses a decision", async () => {
    const h = setup();
    const runId = await startTimed(h, approvalChain, 60);
    const approval = await h.pendingApproval(runId);
    await h.advance(60_000);
    const run = await h.run(runId);
    expect(run.status).toBe("failed");
    expect(run.error?.code).toBe("run_timeout");
    expect((await h.engine.listApprovals({ run_id: runId }))[0]?.status).toBe("cancelled");
    await expectEngineError(h.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "u" }), "run_finished");
  });

  it("a paused run fails at its deadline too", async () => {
    const h = setup();
    const runId = await startTimed(h, approvalChain, 30);
    await h.engine.pause(runId);
    await h.settle();
    expect((await h.run(runId)).status).toBe("paused");
    await h.advance(30_000);
    expect((await h.run(runId)).error?.code).toBe("run_timeout");
  });

  it("a run that finishes in time is untouched by its deadline", async () => {
    const h = setup();
    const runId = await startTimed(h, approvalChain, 60);
    const approval = await h.pendingApproval(runId);
    await h.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "u" });
    await h.settle();
    expect((await h.run(runId)).status).toBe("completed");
    await h.advance(120_000);
    expect((await h.run(runId)).status).toBe("completed");
    expect(h.types(runId).at(-1)).toBe("segment.completed");
  });

  it("a timeout that is not a positive number is refused", async () => {
    const h = setup();
    h.segments.add(approvalChain);
    await expectEngineError(h.engine.start({ segment_id: approvalChain.segment_id, input: {}, timeout_seconds: 0 }), "invalid_input");
    await expectEngineError(h.engine.start({ segment_id: approvalChain.segment_id, input: {}, timeout_seconds: Number.NaN }), "invalid_input");
  });
});
