import { describe, expect, it } from "vitest";
import { runEventSchema, RUN_EVENT_TYPES } from "../../src/shared/events";
import { approvalSchema, runDetailSchema } from "../../src/shared/resources/run-detail";
import type { SegmentInput } from "../../src/shared/segment";
import { chain, expectGapFree, setup } from "./helpers";

const mixed: SegmentInput = {
  segment_id: "mixed",
  name: "Mixed",
  entrypoint: "a",
  steps: [
    { step_id: "a", type: "flaky", config: { failures: 1 }, retry: { max_attempts: 2, initial_seconds: 0 } },
    { step_id: "check", type: "condition", config: { expression: "true" } },
    { step_id: "ask", type: "human_approval", config: { title: "Go?" } },
    { step_id: "never", type: "noop", config: {} },
    { step_id: "llm", type: "llm_agent", config: { llm_ref: "mock", mock_responses: ["a b c"] } },
  ],
  edges: [
    { from_step: "a", to_step: "check" },
    { from_step: "check", to_step: "ask", from_port: "true" },
    { from_step: "check", to_step: "never", from_port: "false" },
    { from_step: "ask", to_step: "llm" },
  ],
};

describe("events", () => {
  it("events-are-gap-free-in-seq-order-and-match-the-event-schema", async () => {
    const h = setup();
    const run = await h.start(mixed, { q: 1 });
    const approval = await h.pendingApproval(run.run_id);
    await h.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "u" });
    await h.settle();
    const published = h.events(run.run_id);
    const stored = await h.store.listEvents(run.run_id);
    expect(published).toEqual(stored);
    expectGapFree(stored);
    for (const event of stored) {
      const parsed = runEventSchema.safeParse(event);
      expect(parsed.success, `${event.type}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
      expect(event).toMatchObject({ run_id: run.run_id, root_run_id: run.run_id, segment_id: "mixed", correlation_id: run.correlation_id });
      expect(new Date(event.ts).toISOString()).toBe(event.ts);
    }
    expect(new Set(stored.map((e) => e.event_id)).size).toBe(stored.length);
    expect(h.types(run.run_id)).toEqual([
      "segment.started",
      "step.started:a",
      "step.retrying:a",
      "step.started:a",
      "step.completed:a",
      "step.started:check",
      "step.completed:check",
      "step.started:ask",
      "step.skipped:never",
      "step.waiting:ask",
      "human.decided:ask",
      "step.completed:ask",
      "step.started:llm",
      "step.completed:llm",
      "segment.completed",
    ]);
    // replay from a seq
    expect((await h.store.listEvents(run.run_id, 12)).map((e) => e.seq)).toEqual([13, 14, 15]);
    expect(RUN_EVENT_TYPES).toContain("critic_loop.completed");
  });

  it("one-commit-per-step: a step's result, its events and the next step's start go in one commit", async () => {
    const h = setup();
    const before = h.store.stats.commits;
    await h.start(chain("ten", ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10"]));
    // 1 commit starts the run and s1; then 1 per step: its result + its successor's start (the last one: + the run's end)
    expect(h.store.stats.commits - before).toBe(11);
  });
});

describe("run resource", () => {
  it("the-run-resource-matches-the-shared-schema-with-every-step-of-the-revision", async () => {
    const h = setup();
    const waiting = await h.start(mixed);
    expect(runDetailSchema.parse(waiting)).toEqual(waiting);
    expect(Object.keys(waiting.steps).sort()).toEqual(["a", "ask", "check", "llm", "never"]);
    expect(waiting).toMatchObject({
      status: "waiting",
      revision: 1,
      input: {},
      output: null,
      error: null,
      parent_run_id: null,
      steps: {
        a: { status: "completed", attempts: 2, reused: false },
        ask: { status: "waiting", attempts: 1 },
        llm: { status: "pending", attempts: 0, output: null, started_at: null },
        never: { status: "skipped", attempts: 0 },
      },
    });
    const approval = await h.pendingApproval(waiting.run_id);
    expect(approvalSchema.parse(approval)).toEqual(approval);
    await h.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "u" });
    await h.settle();
    const done = await h.run(waiting.run_id);
    expect(runDetailSchema.parse(done)).toEqual(done);
    expect(done).toMatchObject({ status: "completed", output: "a b c", tokens: { input: 1, output: 3 } });
    expect(done.finished_at).not.toBeNull();
    expect(await h.engine.getRun("missing")).toBeNull();
  });
});
