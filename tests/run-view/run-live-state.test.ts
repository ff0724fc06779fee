// The run view's reducer folds real event logs (produced by the engine with in-memory ports)
// into the state the canvas draws; it must agree with the engine's own run resource.
import { describe, expect, it } from "vitest";
import {
  applyRunEvents,
  applyTokens,
  createRunLive,
  TOKEN_PREVIEW_MAX,
  type RunLive,
} from "../../src/features/run-view/lib/run-live-state";
import type { LiveEvent, RunEvent } from "../../src/shared/events";
import type { RunDetail } from "../../src/shared/resources/run-detail";
import type { SegmentInput } from "../../src/shared/segment";
import { chain, setup, type Harness } from "../engine/helpers";

function fold(h: Harness, runId: string, detail: RunDetail): RunLive {
  return applyRunEvents(createRunLive(runId, Object.keys(detail.steps)), h.events(runId));
}

/** What the cards and the top bar show agrees with runs.get after the same events. */
function expectAgrees(live: RunLive, detail: RunDetail) {
  expect(live.status).toBe(detail.status);
  expect(live.output).toEqual(detail.output);
  expect(live.error).toEqual(detail.error);
  expect(live.started_at).toBe(detail.started_at);
  expect(live.finished_at).toBe(detail.finished_at);
  expect(live.tokens).toEqual(detail.tokens);
  expect(live.cost).toBe(detail.cost);
  for (const [id, step] of Object.entries(detail.steps)) {
    const got = live.steps[id];
    expect(got, id).toBeDefined();
    expect({ id, status: got?.status, attempts: got?.attempts, reused: got?.reused, output: got?.output, error: got?.error }).toEqual({
      id,
      status: step.status,
      attempts: step.attempts,
      reused: step.reused,
      output: step.output,
      error: step.error,
    });
    if (!step.reused) expect(got?.started_at, id).toBe(step.started_at);
    expect(got?.tokens, id).toEqual(step.tokens);
    expect(got?.cost, id).toBe(step.cost);
  }
}

const withApproval: SegmentInput = {
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

describe("applyRunEvents on engine logs", () => {
  it("before-any-event every step of the revision is pending", () => {
    const live = createRunLive("r1", ["a", "b"]);
    expect(live.status).toBe("pending");
    expect(Object.values(live.steps).map((s) => s.status)).toEqual(["pending", "pending"]);
    expect(live.last_seq).toBe(0);
  });

  it("waiting-for-approval: the step shows its pending approval and the run is waiting", async () => {
    const h = setup();
    const run = await h.start(withApproval, { q: 1 });
    const live = fold(h, run.run_id, run);
    expectAgrees(live, run);
    expect(live.status).toBe("waiting");
    expect(live.steps.ask?.status).toBe("waiting");
    expect(live.steps.ask?.approval).toMatchObject({ status: "pending", title: "Go?", step_id: "ask" });
    expect(live.steps.never).toMatchObject({ status: "skipped", skipped_reason: expect.stringContaining("no incoming edge") });
    expect(live.steps.ask?.input).toBe(true); // the condition's output
  });

  it("approve-then-complete: the decision updates the approval, the run completes with the engine's totals", async () => {
    const h = setup();
    const run = await h.start(withApproval, { q: 1 });
    const approval = await h.pendingApproval(run.run_id);
    await h.engine.decide({ approval_id: approval.approval_id, decision: "approve", comment: "fine", decided_by: "user:ann" });
    await h.settle();
    const done = await h.run(run.run_id);
    const live = fold(h, run.run_id, done);
    expectAgrees(live, done);
    expect(live.steps.ask?.approval).toMatchObject({ status: "approved", decision: "approved", comment: "fine", decided_by: "user:ann" });
    expect(live.steps.llm).toMatchObject({ status: "completed", output: "a b c" });
    expect(live.steps.llm?.duration_ms).toBeTypeOf("number");
    expect(live.events.map((e) => e.seq)).toEqual(live.events.map((_, i) => i + 1));
  });

  it("a-decided-approval-resumes-the-step-before-its-completion-arrives", async () => {
    const h = setup();
    const run = await h.start(withApproval, { q: 1 });
    const approval = await h.pendingApproval(run.run_id);
    await h.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "u" });
    await h.settle();
    const events = h.events(run.run_id);
    const decided = events.findIndex((e) => e.type === "human.decided");
    const live = applyRunEvents(createRunLive(run.run_id, []), events.slice(0, decided + 1));
    expect(live.steps.ask?.status).toBe("running");
    expect(live.status).toBe("running");
  });

  it("retry: the failed attempt's error and the next attempt's time show until it starts again", async () => {
    const h = setup();
    const segment = chain("retry", ["x"], { x: "flaky" });
    segment.steps[0] = { ...segment.steps[0]!, config: { failures: 1 }, retry: { max_attempts: 3, initial_seconds: 30 } };
    const run = await h.start(segment);
    const waiting = fold(h, run.run_id, run);
    expect(waiting.steps.x).toMatchObject({ status: "running", attempts: 1, error: { message: "attempt 1 failed" } });
    expect(waiting.steps.x?.retry_at).toMatch(/Z$/);
    await h.advance(30_000);
    const done = await h.run(run.run_id);
    const live = applyRunEvents(waiting, h.events(run.run_id));
    expectAgrees(live, done);
    expect(live.steps.x).toMatchObject({ status: "completed", attempts: 2, error: null, retry_at: null });
  });

  it("failure: the run's error names the step; on_error continue flows {error} on", async () => {
    const h = setup();
    const segment: SegmentInput = {
      segment_id: "fails",
      name: "Fails",
      entrypoint: "soft",
      steps: [
        { step_id: "soft", type: "flaky", config: { failures: 5, retryable: false }, on_error: "continue" },
        { step_id: "hard", type: "flaky", config: { failures: 5, retryable: false } },
      ],
      edges: [{ from_step: "soft", to_step: "hard" }],
    };
    const run = await h.start(segment);
    const live = fold(h, run.run_id, run);
    expectAgrees(live, run);
    expect(live.status).toBe("failed");
    expect(live.steps.soft).toMatchObject({ status: "failed", continued: true, output: { error: { code: "boom" } } });
    expect(live.steps.hard).toMatchObject({ status: "failed", continued: false, output: null });
    expect(live.error).toMatchObject({ step_id: "hard" });
  });

  it("rerun-from-step: upstream steps are reused (attempt 0), the rest runs", async () => {
    const h = setup();
    const first = await h.start(chain("pipe", ["load", "middle", "last"]), { n: 1 });
    const rerun = await h.engine.rerunFrom(first.run_id, "middle", { n: 2 });
    await h.settle();
    const done = await h.run(rerun.run_id);
    const live = fold(h, rerun.run_id, done);
    expectAgrees(live, done);
    expect(live.steps.load).toMatchObject({ status: "completed", reused: true, attempts: 0, duration_ms: null });
    expect(live.steps.middle).toMatchObject({ status: "completed", reused: false, attempts: 1 });
  });

  it("cancel-while-waiting: the step and its approval are cancelled", async () => {
    const h = setup();
    const run = await h.start(withApproval, { q: 1 });
    await h.engine.cancel(run.run_id);
    await h.settle();
    const done = await h.run(run.run_id);
    const live = fold(h, run.run_id, done);
    expectAgrees(live, done);
    expect(live.steps.ask).toMatchObject({ status: "cancelled", approval: { status: "cancelled" } });
    expect(live.steps.llm?.status).toBe("pending");
  });

  it("pause-and-resume: the run shows paused, then runs on", async () => {
    const h = setup();
    const run = await h.start(chain("p", ["a", "g", "b"], { g: "gate" }));
    await h.engine.pause(run.run_id);
    await h.settle();
    h.probe.gate("g").resolve("ok");
    await h.settle();
    const paused = await h.run(run.run_id);
    const live = fold(h, run.run_id, paused);
    expect(paused.status).toBe("paused");
    expectAgrees(live, paused);
    await h.engine.resume(run.run_id);
    await h.settle();
    const done = await h.run(run.run_id);
    const resumed = applyRunEvents(live, h.events(run.run_id));
    expectAgrees(resumed, done);
  });

  it("critic-loop: every iteration and the stop reason are kept", async () => {
    const h = setup();
    const verdict = (v: string, score: number) => JSON.stringify({ verdict: v, score, feedback: "f", suggestions: [] });
    const run = await h.start(
      {
        segment_id: "critic",
        name: "Critic",
        entrypoint: "write",
        steps: [
          {
            step_id: "write",
            type: "critic_loop",
            config: {
              generator: { llm_ref: "mock", system_prompt: "write", mock_responses: ["draft 1", "draft 2"] },
              critic: { llm_ref: "mock", system_prompt: "review", mock_responses: [verdict("needs_revision", 0.5), verdict("approved", 0.8)] },
              max_iterations: 4,
            },
          },
        ],
        edges: [],
      },
      {},
    );
    const live = fold(h, run.run_id, run);
    expectAgrees(live, run);
    expect(live.steps.write?.critic_iterations.map((i) => [i.iteration, i.verdict, i.output])).toEqual([
      [1, "needs_revision", "draft 1"],
      [2, "approved", "draft 2"],
    ]);
    expect(live.steps.write?.critic_result).toMatchObject({ reason: "quality_threshold", iterations: 2, converged: true });
  });
});

describe("applyRunEvents delivery rules", () => {
  async function completedLog() {
    const h = setup();
    const run = await h.start(chain("c", ["a", "b", "c"]));
    return { runId: run.run_id, events: h.events(run.run_id), steps: Object.keys(run.steps) };
  }

  it("replayed-twice: applying the same events again changes nothing (same object)", async () => {
    const { runId, events, steps } = await completedLog();
    const once = applyRunEvents(createRunLive(runId, steps), events);
    expect(applyRunEvents(once, events)).toBe(once);
    expect(applyRunEvents(once, [])).toBe(once);
  });

  it("overlapping-batches (a reconnect replay) give the same state as one batch, no duplicate in the timeline", async () => {
    const { runId, events, steps } = await completedLog();
    const whole = applyRunEvents(createRunLive(runId, steps), events);
    const first = applyRunEvents(createRunLive(runId, steps), events.slice(0, 4));
    const rest = applyRunEvents(first, events.slice(2));
    expect(rest).toEqual(whole);
    expect(rest.events).toHaveLength(events.length);
  });

  it("old-seq-in-a-batch is dropped even after newer ones", async () => {
    const { runId, events, steps } = await completedLog();
    const shuffled: RunEvent[] = [...events.slice(0, 3), events[1]!, ...events.slice(3)];
    const live = applyRunEvents(createRunLive(runId, steps), shuffled);
    expect(live.events.map((e) => e.seq)).toEqual(events.map((e) => e.seq));
  });

  it("events-of-another-run are ignored", async () => {
    const { events, steps } = await completedLog();
    const other = createRunLive("someone-else", steps);
    expect(applyRunEvents(other, events)).toBe(other);
  });

  it("untouched-steps keep their identity, the changed step is a new object", async () => {
    const { runId, events, steps } = await completedLog();
    const before = applyRunEvents(createRunLive(runId, steps), events.slice(0, 3));
    const next = events.slice(3, 4);
    const after = applyRunEvents(before, next);
    const changed = next[0]!.step_id!;
    for (const id of steps) {
      if (id === changed) expect(after.steps[id]).not.toBe(before.steps[id]);
      else expect(after.steps[id]).toBe(before.steps[id]);
    }
  });

  it("an-unknown-step (not in the revision given) is created on its first event", async () => {
    const { runId, events } = await completedLog();
    const live = applyRunEvents(createRunLive(runId, []), events);
    expect(Object.keys(live.steps).sort()).toEqual(["a", "b", "c"]);
  });
});

describe("applyTokens", () => {
  const started = (attempt: number, seq: number): RunEvent => ({
    event_id: `e${seq}`,
    run_id: "r",
    root_run_id: "r",
    segment_id: "s",
    seq,
    type: "step.started",
    step_id: "w",
    ts: "2030-01-01T00:00:00.000Z",
    correlation_id: "r",
    payload: { step_type: "llm_agent", attempt, input: null },
  });
  const token = (attempt: number, index: number, text: string): LiveEvent => ({
    event_id: `t${attempt}-${index}`,
    run_id: "r",
    root_run_id: "r",
    segment_id: "s",
    type: "llm.token",
    step_id: "w",
    ts: "2030-01-01T00:00:00.000Z",
    correlation_id: "r",
    payload: { attempt, role: "agent", index, token: text },
  });

  it("streams-into-the-running-step and keeps only the tail", () => {
    let live = applyRunEvents(createRunLive("r", ["w", "other"]), [started(1, 1)]);
    const other = live.steps.other;
    live = applyTokens(live, [token(1, 0, "Hello "), token(1, 1, "world")]);
    expect(live.steps.w?.token_preview).toBe("Hello world");
    expect(live.steps.other).toBe(other);
    const long = Array.from({ length: 500 }, (_, i) => token(1, i + 2, "0123456789"));
    live = applyTokens(live, long);
    expect(live.steps.w?.token_preview).toHaveLength(TOKEN_PREVIEW_MAX);
    expect(live.steps.w?.token_preview.endsWith("0123456789")).toBe(true);
  });

  it("a-new-attempt starts an empty preview; tokens of another attempt are dropped", () => {
    let live = applyRunEvents(createRunLive("r", ["w"]), [started(1, 1)]);
    live = applyTokens(live, [token(1, 0, "first try")]);
    live = applyRunEvents(live, [started(2, 2)]);
    expect(live.steps.w?.token_preview).toBe("");
    const same = applyTokens(live, [token(1, 1, " late")]);
    expect(same).toBe(live);
    live = applyTokens(live, [token(2, 0, "second")]);
    expect(live.steps.w?.token_preview).toBe("second");
  });

  it("a-new-call (index 0, e.g. the critic after the generator) replaces the preview", () => {
    let live = applyRunEvents(createRunLive("r", ["w"]), [started(1, 1)]);
    live = applyTokens(live, [token(1, 0, "draft"), token(1, 1, " text"), token(1, 0, "verdict")]);
    expect(live.steps.w?.token_preview).toBe("verdict");
  });
});
