import { describe, expect, it } from "vitest";
import type { SegmentInput } from "../../src/shared/segment";
import { chain, expectEngineError, expectGapFree, setup } from "./helpers";

const approvalChain: SegmentInput = {
  segment_id: "wait-chain",
  name: "Wait chain",
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

describe("cancel", () => {
  it("cancel-while-waiting: the waiting step and its approval are cancelled", async () => {
    const h = setup();
    const run = await h.start(approvalChain);
    expect(run.status).toBe("waiting");
    await h.engine.cancel(run.run_id);
    await h.settle();
    const done = await h.run(run.run_id);
    expect(done.status).toBe("cancelled");
    expect(done.output).toBeNull();
    expect(done.steps.ask?.status).toBe("cancelled");
    expect(done.steps.b?.status).toBe("pending");
    const [approval] = await h.engine.listApprovals({ run_id: run.run_id });
    expect(approval?.status).toBe("cancelled");
    expect(h.types(run.run_id).slice(-2)).toEqual(["step.cancelled:ask", "segment.cancelled"]);
    expectGapFree(h.events(run.run_id));
  });

  it("decision-on-a-cancelled-run is a typed error and changes nothing", async () => {
    const h = setup();
    const run = await h.start(approvalChain);
    const approval = await h.pendingApproval(run.run_id);
    await h.engine.cancel(run.run_id);
    // even before the advancer applied the cancel
    await expectEngineError(h.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "u" }), "run_cancelled");
    await h.settle();
    await expectEngineError(h.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "u" }), "run_cancelled");
    expect(h.events(run.run_id).some((e) => e.type === "human.decided")).toBe(false);
    expect((await h.run(run.run_id)).status).toBe("cancelled");
  });

  it("cancel-while-running aborts the in-flight step", async () => {
    const h = setup();
    const run = await h.start(chain("c", ["a", "g", "b"], { g: "gate" }));
    expect(run.steps.g?.status).toBe("running");
    await h.engine.cancel(run.run_id);
    await h.settle();
    const done = await h.run(run.run_id);
    expect(done.status).toBe("cancelled");
    expect(done.steps.g?.status).toBe("cancelled");
    expect(h.probe.signals.get("g")?.aborted).toBe(true);
    h.probe.gate("g").resolve("late");
    await h.settle();
    expect((await h.run(run.run_id)).steps.b?.status).toBe("pending");
  });

  it("cancel-requested-by-another-process is seen by the advancer's heartbeat", async () => {
    const h = setup();
    const run = await h.start(chain("remote", ["a", "g", "b"], { g: "gate" }));
    // another process writes the request straight into the store (no in-process poke)
    await h.store.requestControl(run.run_id, "cancel");
    await h.settle();
    expect((await h.run(run.run_id)).status).toBe("running");
    await h.advance(10_000); // one heartbeat (a third of the 30 s lease)
    const done = await h.run(run.run_id);
    expect(done.status).toBe("cancelled");
    expect(done.steps.g?.status).toBe("cancelled");
  });

  it("cancel-a-finished-run is a typed error", async () => {
    const h = setup();
    const run = await h.start(chain("done", ["a"]));
    await expectEngineError(h.engine.cancel(run.run_id), "run_finished");
    await expectEngineError(h.engine.cancel("missing"), "run_not_found");
  });
});

describe("pause / resume", () => {
  it("pause-resume: in-flight steps finish, nothing new starts; resume continues the same run without re-running steps", async () => {
    const h = setup();
    const run = await h.start(chain("p", ["a", "g", "b", "c"], { g: "gate" }));
    await h.engine.pause(run.run_id);
    await h.settle();
    // still running: the in-flight step has not finished yet
    expect((await h.run(run.run_id)).status).toBe("running");
    h.probe.gate("g").resolve("g-out");
    await h.settle();
    const paused = await h.run(run.run_id);
    expect(paused.status).toBe("paused");
    expect(paused.steps.g?.status).toBe("completed");
    expect(paused.steps.b?.status).toBe("pending");
    expect(h.probe.count("b")).toBe(0);

    await h.engine.resume(run.run_id);
    await h.settle();
    const done = await h.run(run.run_id);
    expect(done.run_id).toBe(run.run_id);
    expect(done.status).toBe("completed");
    expect(done.output).toBe("g-out");
    expect(h.probe.count("a")).toBe(1);
    expect(h.probe.count("g")).toBe(1);
    expect(h.types(run.run_id).filter((t) => t.startsWith("segment."))).toEqual(["segment.started", "segment.paused", "segment.resumed", "segment.completed"]);
    expectGapFree(h.events(run.run_id));
  });

  it("resume-before-the-pause-took-effect: the run never pauses", async () => {
    const h = setup();
    const run = await h.start(chain("pr2", ["a", "g", "b"], { g: "gate" }));
    await h.engine.pause(run.run_id);
    await h.engine.resume(run.run_id);
    await h.settle();
    h.probe.gate("g").resolve("x");
    await h.settle();
    const done = await h.run(run.run_id);
    expect(done.status).toBe("completed");
    expect(h.types(run.run_id).filter((t) => t.startsWith("segment."))).toEqual(["segment.started", "segment.completed"]);
    expect((await h.store.getRun(run.run_id))?.control).toBeNull();
  });

  it("pause-while-waiting pauses at once; resume-of-a-running-run is a typed error", async () => {
    const h = setup();
    const run = await h.start(approvalChain);
    await expectEngineError(h.engine.resume(run.run_id), "run_not_paused");
    await h.engine.pause(run.run_id);
    await h.settle();
    expect((await h.run(run.run_id)).status).toBe("paused");
    await h.engine.pause(run.run_id); // no-op
  });

  it("decision-while-paused is recorded and takes effect on resume", async () => {
    const h = setup();
    const run = await h.start(approvalChain);
    await h.engine.pause(run.run_id);
    await h.settle();
    const approval = await h.pendingApproval(run.run_id);
    await h.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "user:ann" });
    await h.settle();
    const paused = await h.run(run.run_id);
    expect(paused.status).toBe("paused");
    expect(paused.steps.ask?.status).toBe("waiting");
    expect(paused.steps.b?.status).toBe("pending");
    const [recorded] = await h.engine.listApprovals({ run_id: run.run_id });
    expect(recorded?.status).toBe("approved");

    await h.engine.resume(run.run_id);
    await h.settle();
    const done = await h.run(run.run_id);
    expect(done.status).toBe("completed");
    expect(done.steps.ask?.output).toMatchObject({ decision: "approved", decided_by: "user:ann" });
    expect(h.probe.count("a")).toBe(1);
  });

  it("a-retry-backoff-that-ends-while-paused-runs-on-resume", async () => {
    const h = setup();
    const doc = chain("pr", ["a", "f", "b"], { f: "flaky" });
    doc.steps[1] = { ...doc.steps[1], config: { failures: 1 }, retry: { max_attempts: 2, initial_seconds: 5 } } as (typeof doc.steps)[number];
    const run = await h.start(doc);
    await h.engine.pause(run.run_id);
    await h.settle();
    expect((await h.run(run.run_id)).status).toBe("paused");
    await h.advance(10_000);
    expect(h.probe.count("f")).toBe(1);
    await h.engine.resume(run.run_id);
    await h.settle();
    expect((await h.run(run.run_id)).status).toBe("completed");
    expect(h.probe.count("f")).toBe(2);
  });
});
