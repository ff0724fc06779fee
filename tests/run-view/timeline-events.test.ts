import { describe, expect, it } from "vitest";
import { countEvents, filterEvents, matchesFilter, NO_FILTER, toggleInSet, type EventFilter } from "@/features/run-view/panels/timeline/event-filter";
import { eventAttempt, formatCost, formatOffset, runStartTime, summarizeEvent } from "@/features/run-view/panels/timeline/event-summary";
import type { EventPayloads, RunEvent, RunEventType } from "@/shared/events/schema";
import type { Approval } from "@/shared/resources/run-detail";

const T0 = Date.parse("2030-01-01T00:00:00.000Z");
let seq = 0;

function ev<T extends RunEventType>(type: T, payload: EventPayloads[T], stepId?: string, atMs = seq * 10): RunEvent {
  seq++;
  return {
    event_id: `e${seq}`,
    run_id: "run-1",
    root_run_id: "run-1",
    segment_id: "seg",
    seq,
    type,
    ...(stepId !== undefined ? { step_id: stepId } : {}),
    ts: new Date(T0 + atMs).toISOString(),
    correlation_id: "run-1",
    payload,
  } as RunEvent;
}

const approval: Approval = {
  approval_id: "ap1",
  run_id: "run-1",
  root_run_id: "run-1",
  segment_id: "seg",
  step_id: "review",
  attempt: 1,
  status: "pending",
  title: "Approve the draft",
  instructions: null,
  data: {},
  form: null,
  decision: null,
  edited: false,
  result: null,
  comment: null,
  decided_by: null,
  decided_at: null,
  expires_at: null,
  created_at: "2030-01-01T00:00:00.000Z",
};
const noTokens = { input: 0, output: 0 };
const decided = (over: Partial<EventPayloads["human.decided"]>): EventPayloads["human.decided"] => ({
  approval_id: "ap1",
  status: "approved",
  decision: "approved",
  edited: false,
  data: {},
  comment: null,
  decided_by: "ada",
  decided_at: "2030-01-01T00:00:01.000Z",
  ...over,
});

describe("timeline: one-line summaries", () => {
  it("says how long a step took, and its tokens and cost", () => {
    expect(summarizeEvent(ev("step.completed", { attempt: 1, output: 1, duration_ms: 1_234, reused: false, tokens: noTokens, cost: 0 }, "a"))).toBe(
      "completed in 1.2s",
    );
    expect(
      summarizeEvent(ev("step.completed", { attempt: 1, output: 1, duration_ms: 850, reused: false, tokens: { input: 1_000, output: 234 }, cost: 0.0042 }, "a")),
    ).toBe("completed in 850ms · 1,234 tokens · $0.0042");
  });

  it("marks reused outputs of a re-run", () => {
    expect(summarizeEvent(ev("step.completed", { attempt: 0, output: 1, duration_ms: 0, reused: true, tokens: noTokens, cost: 0 }, "a"))).toBe(
      "reused the output of an earlier run",
    );
  });

  it("names the error of a failure, and whether the run continues", () => {
    const error = { code: "timeout", message: "timeout" };
    expect(summarizeEvent(ev("step.failed", { attempt: 2, error, continued: false }, "a"))).toBe("failed: timeout");
    expect(summarizeEvent(ev("step.failed", { attempt: 1, error: { code: "http_error", message: "HTTP 503" }, continued: true }, "a"))).toBe(
      "failed, run continues: http_error (HTTP 503)",
    );
  });

  it("says when and which attempt a retry is", () => {
    const payload = { attempt: 1, next_attempt: 2, delay_ms: 2_000, next_attempt_at: "2030-01-01T00:00:02.000Z", error: { code: "http_error", message: "HTTP 502" } };
    expect(summarizeEvent(ev("step.retrying", payload, "a"))).toBe("retrying in 2.0s (attempt 2) after http_error");
  });

  it("numbers attempts after the first", () => {
    expect(summarizeEvent(ev("step.started", { step_type: "llm_agent", attempt: 1, input: {} }, "a"))).toBe("started");
    expect(summarizeEvent(ev("step.started", { step_type: "llm_agent", attempt: 3, input: {} }, "a"))).toBe("started (attempt 3)");
  });

  it("shows approvals: waiting, approved with edits, rejected with a comment, timed out", () => {
    expect(summarizeEvent(ev("step.waiting", { approval }, "review"))).toBe("waiting for approval: Approve the draft");
    expect(summarizeEvent(ev("human.decided", decided({ edited: true }), "review"))).toBe("approved by ada (edited)");
    expect(summarizeEvent(ev("human.decided", decided({ status: "rejected", decision: "rejected", comment: "Too long,\nshorten it" }), "review"))).toBe(
      "rejected by ada: “Too long, shorten it”",
    );
    expect(summarizeEvent(ev("human.decided", decided({ status: "expired", decision: "rejected", decided_by: "system:timeout" }), "review"))).toBe(
      "timed out, rejected by default",
    );
  });

  it("names who decided: the account's email when known, the approval link as such", () => {
    const people = new Map([["0193-user-id", "ada@example.com"]]);
    expect(summarizeEvent(ev("human.decided", decided({ decided_by: "0193-user-id" }), "review"), people)).toBe("approved by ada@example.com");
    expect(summarizeEvent(ev("human.decided", decided({ decided_by: "0193-user-id" }), "review"))).toBe("approved by 0193-user-id");
    expect(summarizeEvent(ev("human.decided", decided({ decided_by: "link:a1", status: "rejected", decision: "rejected" }), "review"), people)).toBe(
      "rejected through the approval link",
    );
  });

  it("summarizes run-level events", () => {
    expect(summarizeEvent(ev("segment.started", { revision: 4, input: {}, parent_run_id: null, parent_step_id: null }))).toBe("run started (revision 4)");
    expect(summarizeEvent(ev("segment.failed", { error: { code: "step_failed", message: "Step fetch failed", step_id: "fetch" } }))).toBe(
      "run failed: step_failed (Step fetch failed)",
    );
    expect(summarizeEvent(ev("segment.completed", { output: 1, tokens: { input: 10, output: 5 }, cost: 1.5, duration_ms: 65_000 }))).toBe(
      "run completed in 1m 05s · 15 tokens · $1.50",
    );
  });

  it("summarizes critic loops", () => {
    const iteration = { attempt: 1, iteration: 2, output: "x", verdict: "needs_revision" as const, score: 0.625, feedback: "", suggestions: [] };
    expect(summarizeEvent(ev("critic_loop.iteration", iteration, "c"))).toBe("iteration 2: needs revision (score 0.63)");
    expect(summarizeEvent(ev("critic_loop.completed", { attempt: 1, reason: "quality_threshold", iterations: 3, final_score: 0.9, converged: true }, "c"))).toBe(
      "finished after 3 iterations: quality threshold reached (score 0.90)",
    );
  });

  it("reads the attempt of step events, none for run events", () => {
    expect(eventAttempt(ev("step.cancelled", { attempt: 2 }, "a"))).toBe(2);
    expect(eventAttempt(ev("segment.paused", {}))).toBeNull();
  });
});

describe("timeline: costs", () => {
  it("keeps the fractions of a cent LLM calls cost", () => {
    expect(formatCost(0.0412)).toBe("$0.0412");
    expect(formatCost(0.5)).toBe("$0.50");
    expect(formatCost(0.00003)).toBe("<$0.0001");
    expect(formatCost(12.345)).toBe("$12.35");
    expect(formatCost(0)).toBe("$0");
  });
});

describe("timeline: time since the run started", () => {
  it("formats offsets with milliseconds", () => {
    expect(formatOffset(0)).toBe("+0.000s");
    expect(formatOffset(1_234)).toBe("+1.234s");
    expect(formatOffset(123_400)).toBe("+2m 03.400s");
    expect(formatOffset(3_723_000)).toBe("+1h 02m 03s");
  });

  it("counts from the first event of the log", () => {
    const events = [ev("segment.started", { revision: 1, input: {}, parent_run_id: null, parent_step_id: null }, undefined, 0)];
    expect(runStartTime(events)).toBe(T0);
    expect(runStartTime([])).toBeNull();
  });
});

/** A run log: per step started + completed, with run start/end around. */
function log(steps: number): RunEvent[] {
  const events: RunEvent[] = [ev("segment.started", { revision: 1, input: {}, parent_run_id: null, parent_step_id: null })];
  for (let i = 0; i < steps; i++) {
    events.push(ev("step.started", { step_type: "transform", attempt: 1, input: {} }, `s${i}`));
    events.push(ev("step.completed", { attempt: 1, output: i, duration_ms: 5, reused: false, tokens: noTokens, cost: 0 }, `s${i}`));
  }
  return events;
}

const filterOf = (steps: string[], types: RunEventType[]): EventFilter => ({ steps: new Set(steps), types: new Set(types) });

describe("timeline: filtering by step and type", () => {
  it("shows every event without a filter", () => {
    const events = log(3);
    expect(filterEvents(events, NO_FILTER).rows).toBe(events);
  });

  it("keeps the chosen steps' events and hides run-level ones", () => {
    const rows = filterEvents(log(5), filterOf(["s1", "s3"], [])).rows;
    expect(rows.map((e) => `${e.step_id}:${e.type}`)).toEqual(["s1:step.started", "s1:step.completed", "s3:step.started", "s3:step.completed"]);
  });

  it("keeps the chosen types, of every step and the run", () => {
    const rows = filterEvents(log(3), filterOf([], ["step.completed", "segment.started"])).rows;
    expect(rows.map((e) => e.type)).toEqual(["segment.started", "step.completed", "step.completed", "step.completed"]);
  });

  it("combines step and type filters", () => {
    const filter = filterOf(["s2"], ["step.completed"]);
    const rows = filterEvents(log(4), filter).rows;
    expect(rows).toHaveLength(1);
    expect(matchesFilter(rows[0]!, filter)).toBe(true);
    expect(rows[0]!.step_id).toBe("s2");
  });

  it("on new live events, tests only the new ones and gives the same rows as a full pass", () => {
    const filter = filterOf(["s1", "s7"], []);
    const first = log(5);
    const before = filterEvents(first, filter);
    const added = log(5).filter((e) => e.step_id !== undefined).map((e) => ({ ...e, step_id: e.step_id === "s2" ? "s7" : `x${e.step_id}` }) as RunEvent);
    const grown = [...first, ...added];
    // A filter that counts how often it is asked proves the old events are not tested again.
    let tested = 0;
    const counting = new Proxy(filter.steps, {
      get(target, prop) {
        if (prop === "has") return (id: string) => (tested++, target.has(id));
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const countingFilter = { steps: counting as ReadonlySet<string>, types: filter.types };
    const seeded = filterEvents(first, countingFilter);
    tested = 0;
    const after = filterEvents(grown, countingFilter, seeded);
    expect(tested).toBe(added.length);
    expect(after.rows.map((e) => e.event_id)).toEqual(filterEvents(grown, filter).rows.map((e) => e.event_id));
    expect(before.rows.map((e) => e.step_id)).toEqual(["s1", "s1"]);
    expect(after.rows.map((e) => e.step_id)).toEqual(["s1", "s1", "s7", "s7"]);
  });

  it("returns the previous result untouched when nothing new passes", () => {
    const filter = filterOf(["s0"], []);
    const first = log(2);
    const prev = filterEvents(first, filter);
    const next = filterEvents([...first, ev("step.started", { step_type: "transform", attempt: 1, input: {} }, "s1")], filter, prev);
    expect(next.rows).toBe(prev.rows);
  });

  it("starts over when the log was replaced (another run) or the filter changed", () => {
    const filter = filterOf(["s0"], []);
    const prev = filterEvents(log(3), filter);
    const otherRun = log(1);
    expect(filterEvents(otherRun, filter, prev).rows.map((e) => e.event_id)).toEqual(otherRun.filter((e) => e.step_id === "s0").map((e) => e.event_id));
    const events = log(3);
    const a = filterEvents(events, filter);
    const b = filterEvents(events, filterOf(["s0", "s1"], []), a);
    expect(b.rows.map((e) => e.step_id)).toEqual(["s0", "s0", "s1", "s1"]);
  });
});

describe("timeline: counts for the filter chips", () => {
  it("counts events per type and per step", () => {
    const counts = countEvents(log(3));
    expect(counts.byType.get("step.started")).toBe(3);
    expect(counts.byType.get("segment.started")).toBe(1);
    expect(counts.byType.has("step.failed")).toBe(false);
    expect(counts.byStep.get("s2")).toBe(2);
  });

  it("adds new events to the previous counts without changing them", () => {
    const first = log(2);
    const prev = countEvents(first);
    const next = countEvents([...first, ev("step.failed", { attempt: 1, error: { code: "x", message: "y" }, continued: false }, "s1")], prev);
    expect(next.byType.get("step.failed")).toBe(1);
    expect(next.byStep.get("s1")).toBe(3);
    expect(prev.byStep.get("s1")).toBe(2);
  });
});

describe("timeline: toggling chips", () => {
  it("adds and removes, always as a new set", () => {
    const empty = new Set<string>();
    const one = toggleInSet(empty, "a");
    expect([...one]).toEqual(["a"]);
    expect(one).not.toBe(empty);
    expect(toggleInSet(one, "a").size).toBe(0);
  });
});
