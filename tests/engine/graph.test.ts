import { describe, expect, it } from "vitest";
import { chain, expectGapFree, setup } from "./helpers";

describe("fan-out / fan-in", () => {
  const diamond = {
    segment_id: "diamond",
    name: "Diamond",
    entrypoint: "a",
    steps: [
      { step_id: "a", type: "const", config: { value: { n: 1 } } },
      { step_id: "b", type: "gate", config: {} },
      { step_id: "c", type: "gate", config: {} },
      { step_id: "d", type: "noop", config: {} },
    ],
    edges: [
      { from_step: "a", to_step: "b" },
      { from_step: "a", to_step: "c" },
      { from_step: "b", to_step: "d" },
      { from_step: "c", to_step: "d" },
    ],
  };

  it("fan-out-runs-branches-in-parallel-and-fan-in-waits-for-all", async () => {
    const h = setup();
    const started = await h.start(diamond);
    // both branches are running at the same time; the join has not started
    expect(started.steps.b?.status).toBe("running");
    expect(started.steps.c?.status).toBe("running");
    expect(started.steps.d?.status).toBe("pending");

    h.probe.gate("c").resolve("from c");
    await h.settle();
    expect((await h.run(started.run_id)).steps.d?.status).toBe("pending");

    h.probe.gate("b").resolve("from b");
    await h.settle();
    const done = await h.run(started.run_id);
    expect(done.status).toBe("completed");
    // several predecessors: {<pred_id>: output}
    expect(done.steps.d?.output).toEqual({ b: "from b", c: "from c" });
    expect(done.output).toEqual({ b: "from b", c: "from c" });
    expect(h.probe.count("d")).toBe(1);
    expectGapFree(h.events(started.run_id));
  });

  it("step-input-entrypoint-gets-run-input-single-predecessor-gets-its-output", async () => {
    const h = setup();
    const run = await h.start(chain("line", ["a", "b", "c"]), { topic: "x" });
    expect(run.status).toBe("completed");
    expect(run.steps.a?.output).toEqual({ topic: "x" });
    expect(run.steps.c?.output).toEqual({ topic: "x" });
    expect(run.output).toEqual({ topic: "x" });
  });
});

describe("routing and skip propagation", () => {
  const triage = (urgent: boolean) => ({
    segment_id: "triage",
    name: "Triage",
    entrypoint: "classify",
    steps: [
      { step_id: "classify", type: "const", config: { value: { urgent } } },
      { step_id: "is_urgent", type: "condition", config: { expression: "step_input.urgent" } },
      { step_id: "escalate", type: "const", config: { value: "escalated" } },
      { step_id: "notify", type: "noop", config: {} },
      { step_id: "reply", type: "transform", config: { expression: "'auto reply'" } },
      { step_id: "log", type: "transform", config: { expression: "$keys(step_input)" } },
    ],
    edges: [
      { from_step: "classify", to_step: "is_urgent" },
      { from_step: "is_urgent", to_step: "escalate", from_port: "true" },
      { from_step: "escalate", to_step: "notify" },
      { from_step: "is_urgent", to_step: "reply", from_port: "false" },
      { from_step: "notify", to_step: "log" },
      { from_step: "reply", to_step: "log" },
    ],
  });

  it("condition-false-port-skips-the-true-branch-and-skipping-propagates", async () => {
    const h = setup();
    const run = await h.start(triage(false));
    expect(run.status).toBe("completed");
    expect(run.steps.is_urgent?.output).toBe(false);
    expect(run.steps.escalate?.status).toBe("skipped");
    expect(run.steps.notify?.status).toBe("skipped");
    expect(run.steps.reply?.status).toBe("completed");
    // the join runs with the one taken predecessor
    expect(run.steps.log?.status).toBe("completed");
    expect(run.steps.log?.output).toBe("reply");
    expect(h.probe.count("escalate")).toBe(0);
    expect(h.types(run.run_id, "notify")).toEqual(["step.skipped"]);
  });

  it("condition-true-port-runs-the-true-branch", async () => {
    const h = setup();
    const run = await h.start(triage(true));
    expect(run.steps.escalate?.status).toBe("completed");
    expect(run.steps.reply?.status).toBe("skipped");
    expect(run.steps.log?.output).toBe("notify");
  });

  it("edge-condition-sees-output-input-steps-and-step-input", async () => {
    const h = setup();
    const run = await h.start(
      {
        segment_id: "cond",
        name: "Cond",
        entrypoint: "a",
        steps: [
          { step_id: "a", type: "const", config: { value: { score: 7 } } },
          { step_id: "hi", type: "noop", config: {} },
          { step_id: "lo", type: "noop", config: {} },
          { step_id: "ctx", type: "noop", config: {} },
        ],
        edges: [
          { from_step: "a", to_step: "hi", condition: "output.score > input.limit" },
          { from_step: "a", to_step: "lo", condition: "output.score <= input.limit" },
          { from_step: "a", to_step: "ctx", condition: "steps.a.score = 7 and step_input.limit = 5" },
        ],
      },
      { limit: 5 },
    );
    expect(run.steps.hi?.status).toBe("completed");
    expect(run.steps.lo?.status).toBe("skipped");
    expect(run.steps.ctx?.status).toBe("completed");
    // two sinks → {<step_id>: output}
    expect(run.output).toEqual({ hi: { score: 7 }, ctx: { score: 7 } });
  });

  it("edge-condition-error-fails-the-step-with-expression_error", async () => {
    const h = setup();
    const run = await h.start({
      segment_id: "bad-cond",
      name: "Bad",
      entrypoint: "a",
      steps: [
        { step_id: "a", type: "const", config: { value: 1 } },
        { step_id: "b", type: "noop", config: {} },
      ],
      edges: [{ from_step: "a", to_step: "b", condition: "$undefinedFunction()" }],
    });
    expect(run.status).toBe("failed");
    expect(run.error?.code).toBe("expression_error");
    expect(run.error?.step_id).toBe("a");
    expect(run.steps.b?.status).toBe("pending");
  });
});
