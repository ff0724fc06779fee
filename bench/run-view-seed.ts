// Data the run-view benchmark opens, written through the real RunStore before the server starts
// (PGlite is single-process): a 500-step segment with a finished run of 10,000+ events, and the
// segments whose runs the benchmark starts live.
import { v7 as uuidv7 } from "uuid";
import type { NewRunEvent, RunRecord, StepRecord } from "../src/engine/model";
import type { Database } from "../src/server/db/open-database";
import type { SegmentInput } from "../src/shared/segment";
import { canvasDoc } from "./workloads";

/** Attempts per step in the big run: each attempt writes step.started and step.retrying/completed. */
const ATTEMPTS = 10;

export const LATENCY_SEGMENT = "latency-chain";
export const APPROVAL_SEGMENT = "approval-chain";
export const LATENCY_STEPS = 40;
export const APPROVAL_STEPS = 12;

/** A chain of short delays: each step completes on its own, one after the other, while the page watches. */
export function latencyDoc(): SegmentInput {
  const steps = Array.from({ length: LATENCY_STEPS }, (_, i) => ({
    step_id: `d${i}`,
    type: "delay",
    name: `Wait ${i}`,
    // The first step leaves the page time to open and subscribe.
    config: { seconds: i === 0 ? 3 : 0.15 },
    ui: { x: (i % 8) * 300, y: Math.floor(i / 8) * 140 },
  }));
  return {
    segment_id: LATENCY_SEGMENT,
    name: "Latency chain",
    entrypoint: "d0",
    steps,
    edges: steps.slice(1).map((s, i) => ({ from_step: `d${i}`, to_step: s.step_id })),
  };
}

/** Human approvals in a row, each followed by a transform: decision → next step started. */
export function approvalDoc(): SegmentInput {
  const steps: SegmentInput["steps"] = [];
  for (let i = 0; i < APPROVAL_STEPS; i++) {
    steps.push({ step_id: `h${i}`, type: "human_approval", name: `Approve ${i}`, config: { title: `Check ${i}` }, ui: { x: i * 600, y: 0 } });
    steps.push({ step_id: `t${i}`, type: "transform", name: `After ${i}`, config: { expression: "step_input" }, ui: { x: i * 600 + 300, y: 0 } });
  }
  return {
    segment_id: APPROVAL_SEGMENT,
    name: "Approval chain",
    entrypoint: "h0",
    steps,
    edges: steps.slice(1).map((s, i) => ({ from_step: steps[i]!.step_id, to_step: s.step_id })),
  };
}

async function saveRevision(db: Database, doc: SegmentInput): Promise<void> {
  await db.repos.segments.saveRevision({ id: doc.segment_id, name: doc.name, description: null, document: { ...doc }, by: "bench" });
}

/** Saves every benchmark segment and the big finished run; returns the big run's id. */
export async function seedRunView(db: Database): Promise<{ bigRunId: string; bigSegmentId: string; events: number }> {
  await saveRevision(db, latencyDoc());
  await saveRevision(db, approvalDoc());
  const doc = { ...canvasDoc(500), segment_id: "runview-500", name: "Run view 500 steps" };
  await saveRevision(db, doc);

  const runId = uuidv7();
  const t = Date.now() - 3_600_000;
  const at = (ms: number) => new Date(t + ms).toISOString();
  const run: RunRecord = {
    run_id: runId,
    root_run_id: runId,
    parent_run_id: null,
    parent_step_id: null,
    segment_id: doc.segment_id,
    revision: 1,
    status: "running",
    input: { topic: "benchmark" },
    output: null,
    error: null,
    correlation_id: runId,
    created_by: "bench",
    input_tokens: 0,
    output_tokens: 0,
    cost: 0,
    control: null,
    wake_at: null,
    created_at: at(0),
    started_at: at(0),
    finished_at: null,
  };
  const store = db.runStore;
  await store.createRun(run);
  const claim = await store.claim(runId, "bench", at(0), new Date(Date.now() + 3_600_000).toISOString());
  if (!claim.ok) throw new Error("could not claim the benchmark run");
  const envelope = (ms: number, stepId?: string) => ({
    event_id: uuidv7(),
    run_id: runId,
    root_run_id: runId,
    segment_id: doc.segment_id,
    ts: at(ms),
    correlation_id: runId,
    ...(stepId ? { step_id: stepId } : {}),
  });
  let clock = 0;
  let count = 0;
  await store.commit(claim.lease, {
    events: [{ ...envelope(clock), type: "segment.started", payload: { revision: 1, input: run.input, parent_run_id: null, parent_step_id: null } }],
  });
  count++;
  for (const step of doc.steps) {
    const events: NewRunEvent[] = [];
    const input = { text: `output of the step before ${step.step_id}` };
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      clock += 3;
      events.push({ ...envelope(clock, step.step_id), type: "step.started", payload: { step_type: step.type, attempt, input } });
      clock += 3;
      if (attempt < ATTEMPTS) {
        const error = { code: "http_error", message: "503 Service Unavailable", details: { status: 503 } };
        events.push({
          ...envelope(clock, step.step_id),
          type: "step.retrying",
          payload: { attempt, next_attempt: attempt + 1, delay_ms: 0, next_attempt_at: at(clock), error },
        });
      } else {
        events.push({
          ...envelope(clock, step.step_id),
          type: "step.completed",
          payload: { attempt, output: { text: `result of ${step.step_id}`, items: [1, 2, 3] }, duration_ms: 3, reused: false, tokens: { input: 12, output: 34 }, cost: 0 },
        });
      }
    }
    const record: StepRecord = {
      step_id: step.step_id,
      attempt: ATTEMPTS,
      status: "completed",
      input,
      output: { text: `result of ${step.step_id}`, items: [1, 2, 3] },
      error: null,
      started_at: at(clock - 3),
      finished_at: at(clock),
      reused: false,
      wake_at: null,
      suspended: false,
      state: null,
      children: [],
      approval_id: null,
      routes: [],
      input_tokens: 12,
      output_tokens: 34,
      cost: 0,
    };
    await store.commit(claim.lease, { steps: [record], events });
    count += events.length;
  }
  clock += 1;
  await store.commit(claim.lease, {
    run: { status: "completed", finished_at: at(clock), output: { done: true } },
    events: [{ ...envelope(clock), type: "segment.completed", payload: { output: { done: true }, tokens: { input: 6000, output: 17000 }, cost: 0, duration_ms: clock } }],
  });
  count++;
  await store.release(claim.lease);
  return { bigRunId: runId, bigSegmentId: doc.segment_id, events: count };
}
