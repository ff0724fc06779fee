import { describe, expect, it } from "vitest";
import type { SegmentInput } from "../../src/shared/segment";
import { expectGapFree, setup } from "./helpers";

const reviewChild: SegmentInput = {
  segment_id: "child-review",
  name: "Child review",
  entrypoint: "prep",
  steps: [
    { step_id: "prep", type: "transform", config: { expression: "{ 'text': step_input.text & '!' }" } },
    { step_id: "ok", type: "human_approval", config: { title: "OK?" } },
    { step_id: "out", type: "transform", config: { expression: "step_input.data.text" } },
  ],
  edges: [
    { from_step: "prep", to_step: "ok" },
    { from_step: "ok", to_step: "out" },
  ],
};

const parent: SegmentInput = {
  segment_id: "parent",
  name: "Parent",
  entrypoint: "begin",
  steps: [
    { step_id: "begin", type: "const", config: { value: { text: "hello" } } },
    { step_id: "sub", type: "subsegment", config: { segment_id: "child-review" } },
    { step_id: "end", type: "transform", config: { expression: "'got ' & step_input" } },
  ],
  edges: [
    { from_step: "begin", to_step: "sub" },
    { from_step: "sub", to_step: "end" },
  ],
};

const echoChild: SegmentInput = {
  segment_id: "echo",
  name: "Echo",
  entrypoint: "g",
  steps: [{ step_id: "g", type: "gate", config: {} }],
  edges: [],
};

describe("subsegment", () => {
  it("approval-inside-a-subsegment: listed with the child's run_id and the root's root_run_id; the parent waits and resumes", async () => {
    const h = setup();
    h.segments.add(reviewChild);
    const run = await h.start(parent);
    expect(run.status).toBe("waiting");
    expect(run.steps.sub?.status).toBe("running");

    const [approval, ...more] = await h.engine.listApprovals({ root_run_id: run.run_id, status: "pending" });
    expect(more).toHaveLength(0);
    expect(approval?.root_run_id).toBe(run.run_id);
    expect(approval?.run_id).not.toBe(run.run_id);
    expect(approval?.data).toEqual({ text: "hello!" });
    const child = await h.run(approval?.run_id as string);
    expect(child).toMatchObject({ root_run_id: run.run_id, parent_run_id: run.run_id, parent_step_id: "sub", status: "waiting" });
    // child events carry the root
    expect(h.events(child.run_id).every((e) => e.root_run_id === run.run_id)).toBe(true);

    await h.engine.decide({ approval_id: approval?.approval_id as string, decision: "approve", decided_by: "u" });
    await h.settle();
    expect((await h.run(child.run_id)).status).toBe("completed");
    const done = await h.run(run.run_id);
    expect(done.status).toBe("completed");
    expect(done.steps.sub?.output).toBe("hello!");
    expect(done.output).toBe("got hello!");
    expectGapFree(h.events(run.run_id));
    expectGapFree(h.events(child.run_id));
  });

  it("cancel-carries-down-to-the-child-run", async () => {
    const h = setup();
    h.segments.add(reviewChild);
    const run = await h.start(parent);
    const [approval] = await h.engine.listApprovals({ root_run_id: run.run_id });
    await h.engine.cancel(run.run_id);
    await h.settle();
    expect((await h.run(run.run_id)).status).toBe("cancelled");
    expect((await h.run(approval?.run_id as string)).status).toBe("cancelled");
    const [after] = await h.engine.listApprovals({ root_run_id: run.run_id });
    expect(after?.status).toBe("cancelled");
  });

  it("pause-and-resume-carry-down-to-the-child-run", async () => {
    const h = setup();
    h.segments.add(echoChild);
    const run = await h.start({ ...parent, steps: parent.steps.map((s) => (s.step_id === "sub" ? { ...s, config: { segment_id: "echo" } } : s)) });
    const child = (await h.store.allRuns()).find((r) => r.parent_run_id === run.run_id);
    await h.engine.pause(run.run_id);
    await h.settle();
    // the child's in-flight step keeps running until it finishes
    h.probe.gate("g").resolve("x");
    await h.settle();
    expect((await h.run(child?.run_id as string)).status).toBe("paused");
    expect((await h.run(run.run_id)).status).toBe("paused");
    await h.engine.resume(run.run_id);
    await h.settle();
    expect((await h.run(child?.run_id as string)).status).toBe("completed");
    expect((await h.run(run.run_id)).output).toBe("got x");
  });

  it("a-failed-child-fails-the-subsegment-step-with-child_failed", async () => {
    const h = setup();
    h.segments.add({ segment_id: "bad", name: "Bad", entrypoint: "x", steps: [{ step_id: "x", type: "flaky", config: { failures: 1 } }] });
    const run = await h.start({ ...parent, steps: parent.steps.map((s) => (s.step_id === "sub" ? { ...s, config: { segment_id: "bad" } } : s)) });
    expect(run.status).toBe("failed");
    expect(run.error).toMatchObject({ code: "child_failed", step_id: "sub" });
  });

  it("an-unknown-child-segment-fails-the-step-with-segment_not_found", async () => {
    const h = setup();
    const run = await h.start({ ...parent, steps: parent.steps.map((s) => (s.step_id === "sub" ? { ...s, config: { segment_id: "nope" } } : s)) });
    expect(run.error).toMatchObject({ code: "segment_not_found", step_id: "sub" });
  });
});

describe("map", () => {
  const mapParent = (concurrency: number): SegmentInput => ({
    segment_id: "mapper",
    name: "Mapper",
    entrypoint: "each",
    steps: [{ step_id: "each", type: "map", config: { items: "input.items", segment_id: "echo", concurrency } }],
    edges: [],
  });

  it("map-keeps-item-order-and-respects-concurrency", async () => {
    const h = setup();
    let running = 0;
    let peak = 0;
    const gates: Array<(value: unknown) => void> = [];
    // one waiting step per child run; count how many wait at once
    h.engine.steps.register({
      type: "item",
      parseConfig: (c) => c,
      start: (ctx) =>
        new Promise((resolve) => {
          running++;
          peak = Math.max(peak, running);
          gates.push((value) => {
            running--;
            resolve({ kind: "complete", output: `${String(value)}${String(ctx.input)}` });
          });
        }),
    });
    h.segments.add({ segment_id: "echo", name: "Echo", entrypoint: "g", steps: [{ step_id: "g", type: "item", config: {} }] });
    const run = await h.start(mapParent(2), { items: ["a", "b", "c", "d", "e"] });
    expect(run.status).toBe("running");
    expect(gates).toHaveLength(2);
    // finish out of order: the second child first
    gates[1]?.("B");
    await h.settle();
    expect(gates).toHaveLength(3);
    gates[0]?.("A");
    gates[2]?.("C");
    await h.settle();
    gates[4]?.("E");
    gates[3]?.("D");
    await h.settle();
    const done = await h.run(run.run_id);
    expect(done.status).toBe("completed");
    expect(done.output).toEqual(["Aa", "Bb", "Cc", "Dd", "Ee"]);
    expect(peak).toBe(2);
    const children = (await h.store.allRuns()).filter((r) => r.parent_run_id === run.run_id);
    expect(children).toHaveLength(5);
    expect(children.every((c) => c.root_run_id === run.run_id && c.status === "completed")).toBe(true);
  });

  it("map-over-no-items-outputs-an-empty-array", async () => {
    const h = setup();
    h.segments.add(echoChild);
    const run = await h.start(mapParent(4), { items: [] });
    expect(run.output).toEqual([]);
  });
});
