import { describe, expect, it } from "vitest";
import type { SegmentInput } from "../../src/shared/segment";
import { expectEngineError, setup } from "./helpers";

const pipeline: SegmentInput = {
  segment_id: "pipe",
  name: "Pipe",
  entrypoint: "load",
  steps: [
    { step_id: "load", type: "transform", config: { expression: "input.n" } },
    { step_id: "side", type: "transform", config: { expression: "step_input * 100" } },
    { step_id: "double", type: "flaky", config: { failures: 0 } },
    { step_id: "final", type: "transform", config: { expression: "step_input" } },
  ],
  edges: [
    { from_step: "load", to_step: "side" },
    { from_step: "load", to_step: "double" },
    { from_step: "double", to_step: "final" },
  ],
};

describe("rerunFrom", () => {
  it("rerunFrom: a new run of the same revision; steps not downstream are reused and not executed", async () => {
    const h = setup();
    const first = await h.start(pipeline, { n: 2 });
    expect(first.status).toBe("completed");
    expect(h.probe.count("double")).toBe(1);

    const rerun = await h.engine.rerunFrom(first.run_id, "double");
    await h.settle();
    const run = await h.run(rerun.run_id);
    expect(run.run_id).not.toBe(first.run_id);
    expect(run.revision).toBe(first.revision);
    expect(run.rerun_of).toEqual({ run_id: first.run_id, step_id: "double" });
    expect(first.rerun_of).toBeNull();
    expect(run.status).toBe("completed");
    expect(run.steps.load).toMatchObject({ status: "completed", reused: true, output: 2, attempts: 0 });
    expect(run.steps.side).toMatchObject({ status: "completed", reused: true, output: 200 });
    expect(run.steps.double).toMatchObject({ status: "completed", reused: false, attempts: 1 });
    expect(run.steps.final?.reused).toBe(false);
    // the downstream step ran again, the upstream ones did not
    expect(h.probe.count("double")).toBe(2);
    const reused = h.events(run.run_id).filter((e) => e.type === "step.completed" && e.payload.reused);
    expect(reused.map((e) => e.step_id).sort()).toEqual(["load", "side"]);
    expect(run.output).toEqual({ side: 200, final: { attempt: 1 } });
  });

  it("rerunFrom records who asked for it (the audit's created_by), else the earlier run's", async () => {
    const h = setup();
    const revision = h.segments.add(pipeline);
    const first = await h.engine.start({ segment_id: pipeline.segment_id, revision, input: { n: 2 }, created_by: "user:alice" });
    await h.settle();
    const byBob = await h.engine.rerunFrom(first.run_id, "double", undefined, { created_by: "user:bob" });
    const unnamed = await h.engine.rerunFrom(first.run_id, "double");
    await h.settle();
    expect(byBob.created_by).toBe("user:bob");
    expect(unnamed.created_by).toBe("user:alice");
  });

  it("rerunFrom-with-new-input: only downstream steps see it", async () => {
    const h = setup();
    const first = await h.start(pipeline, { n: 2 });
    const rerun = await h.engine.rerunFrom(first.run_id, "side", { n: 5 });
    await h.settle();
    const run = await h.run(rerun.run_id);
    expect(run.input).toEqual({ n: 5 });
    expect(run.steps.load?.output).toBe(2);
    expect(run.steps.side?.output).toBe(200);
    expect(run.steps.side?.reused).toBe(false);
  });

  it("rerunFrom-an-unknown-step-or-run is a typed error", async () => {
    const h = setup();
    const first = await h.start(pipeline, { n: 1 });
    await expectEngineError(h.engine.rerunFrom(first.run_id, "nope"), "step_not_found");
    await expectEngineError(h.engine.rerunFrom("nope", "load"), "run_not_found");
  });
});
