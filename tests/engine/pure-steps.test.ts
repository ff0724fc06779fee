// Pure steps (StepHandler.pure: transform, condition, delay) are not committed as "started"
// before they run: their start rides with their result. What must never be lost, a result of
// a step with effects outside the run, is still committed before anything else runs.
import { describe, expect, it } from "vitest";
import { complete, type StepHandler } from "../../src/engine/steps/types";
import type { StepRegistry } from "../../src/engine/steps/registry";
import { FakeClock } from "../../src/engine/testing";
import { chain, expectGapFree, linear, registerTestTypes, setup, type Harness, type Probe } from "./helpers";

const transform = (step_id: string, expression: string) => ({ step_id, type: "transform", config: { expression } });

/**
 * `seen`: a pure test step that reports what the store holds for the step before it (`of`)
 * at the moment it runs, i.e. what a crash at that moment would leave behind.
 */
function withSeen(getHarness: () => Harness) {
  return (registry: StepRegistry, probe: Probe) => {
    registerTestTypes(registry, probe);
    const seen: StepHandler<{ of: string }> = {
      type: "seen",
      pure: true,
      parseConfig: (c) => c as { of: string },
      async start(ctx) {
        const rows = await getHarness().store.stepAttempts(ctx.run_id, ctx.config.of);
        return complete({ committed: rows.map((r) => r.status) });
      },
    };
    registry.register(seen);
  };
}

/** A pure test step that moves the fake clock on by `ms` while it runs (a slow expression). */
function withSlowPure(clock: FakeClock, ms: number) {
  return (registry: StepRegistry, probe: Probe) => {
    registerTestTypes(registry, probe);
    const slow: StepHandler<unknown> = {
      type: "slow_pure",
      pure: true,
      parseConfig: (c) => c,
      async start(ctx) {
        clock.advance(ms);
        return complete(ctx.input);
      },
    };
    registry.register(slow);
  };
}

describe("pure steps", () => {
  it("a run of pure steps commits once: the starts ride with the results and the run's end", async () => {
    const h = setup();
    const before = h.store.stats.commits;
    const run = await h.start(linear("two-transforms", [transform("a", "{ 'n': 1 }"), transform("b", "{ 'n': step_input.n + 1 }")]));
    expect(run.status).toBe("completed");
    expect(run.output).toEqual({ n: 2 });
    expect(h.store.stats.commits - before).toBe(1);
    // The log is the same as with a commit per step: every event, in order, gap-free.
    expect(h.types(run.run_id)).toEqual([
      "segment.started",
      "step.started:a",
      "step.completed:a",
      "step.started:b",
      "step.completed:b",
      "segment.completed",
    ]);
    expectGapFree(h.events(run.run_id));
  });

  it("the result of a step with effects is committed before a pure step after it runs", async () => {
    const h: Harness = setup({ registry: withSeen(() => h) });
    // `work` (a noop test type, not pure) stands for an LLM call or an HTTP request.
    const run = await h.start(linear("effect-then-pure", [{ step_id: "work", type: "noop", config: {} }, { step_id: "check", type: "seen", config: { of: "work" } }]));
    expect(run.error).toBeNull();
    expect(run.status).toBe("completed");
    expect(run.steps.check?.output).toEqual({ committed: ["completed"] });
  });

  it("a pure step's own start is not committed before it runs", async () => {
    const h: Harness = setup({ registry: withSeen(() => h) });
    const doc = linear("pure-then-pure", [transform("first", "1"), { step_id: "check", type: "seen", config: { of: "first" } }]);
    const run = await h.start(doc);
    // `first` completed in memory, but nothing of it was in the store when `check` ran.
    expect(run.steps.check?.output).toEqual({ committed: [] });
    expect((await h.store.stepAttempts(run.run_id, "first")).map((r) => r.status)).toEqual(["completed"]);
  });

  it("a step with effects after pure steps is preceded by a commit of everything before it", async () => {
    const h = setup();
    const before = h.store.stats.commits;
    const run = await h.start(linear("pure-then-effect", [transform("a", "1"), transform("b", "2"), { step_id: "work", type: "noop", config: {} }]));
    expect(run.status).toBe("completed");
    // a+b and work's start (1), then work's result with the run's end (1).
    expect(h.store.stats.commits - before).toBe(2);
  });

  it("a long chain of pure steps is committed as it goes, at most ~20 ms of it held", async () => {
    const clock = new FakeClock();
    const h = setup({ clock, registry: withSlowPure(clock, 8) });
    const before = h.store.stats.commits;
    const ids = Array.from({ length: 12 }, (_, i) => `p${i}`);
    const run = await h.start(chain("slow-pures", ids, Object.fromEntries(ids.map((id) => [id, "slow_pure"]))));
    expect(run.status).toBe("completed");
    // 8 ms per step: a commit after every third step (held ≥ 20 ms), not one per step nor one at the end.
    const commits = h.store.stats.commits - before;
    expect(commits).toBeGreaterThanOrEqual(4);
    expect(commits).toBeLessThanOrEqual(5);
    expectGapFree(h.events(run.run_id));
  });

  it("a decision, the transform after it and the next approval's request are committed together, once", async () => {
    const h = setup();
    const ask = (step_id: string) => ({ step_id, type: "human_approval", config: { title: step_id } });
    const run = await h.start(linear("decide-then-pure", [ask("h0"), transform("t0", "step_input"), ask("h1")]));
    expect(run.status).toBe("waiting");
    const approval = await h.pendingApproval(run.run_id, "h0");
    const before = h.store.stats.commits;
    await h.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "alice" });
    await h.settle();
    expect(h.store.stats.commits - before).toBe(1);
    const after = await h.run(run.run_id);
    expect([after.status, after.steps.h0?.status, after.steps.t0?.status, after.steps.h1?.status]).toEqual(["waiting", "completed", "completed", "waiting"]);
    expect((await h.pendingApproval(run.run_id, "h1")).step_id).toBe("h1");
    expect(h.types(run.run_id).slice(-6)).toEqual(["human.decided:h0", "step.completed:h0", "step.started:t0", "step.completed:t0", "step.started:h1", "step.waiting:h1"]);
    expectGapFree(h.events(run.run_id));
  });

  it("the built-in transform, condition, delay and approval steps are pure; LLM, HTTP and child-run steps are not", () => {
    const h = setup();
    const pure = ["transform", "condition", "delay", "human_approval"];
    for (const type of pure) expect(h.engine.steps.get(type)?.pure, type).toBe(true);
    for (const type of ["llm_agent", "http_request", "subsegment", "map", "critic_loop"]) {
      expect(h.engine.steps.get(type)?.pure ?? false, type).toBe(false);
    }
  });
});
