/** Builds the run resource (src/shared/resources/run-detail.ts) from a run's stored state. */
import type { RunDetail, RunStep } from "../../shared/resources/run-detail";
import type { Segment } from "../../shared/segment";
import type { RunState, StepRecord } from "../model";
import { pendingStep } from "../runner/run-memory";

/** Attempts started in this run: the row of a scheduled retry (or one cancelled before it began) has not started. */
function attemptsOf(record: StepRecord): number {
  if (record.attempt === 0) return 0;
  return record.started_at === null ? record.attempt - 1 : record.attempt;
}

function stepOf(record: StepRecord): RunStep {
  return {
    status: record.status,
    output: record.output ?? null,
    error: record.error,
    attempts: attemptsOf(record),
    started_at: record.started_at,
    finished_at: record.finished_at,
    reused: record.reused,
    tokens: { input: record.input_tokens, output: record.output_tokens },
    cost: record.cost,
  };
}

export function toRunDetail(state: RunState, segment: Segment): RunDetail {
  const { run } = state;
  const steps: Record<string, RunStep> = {};
  for (const step of segment.steps) steps[step.step_id] = stepOf(state.steps[step.step_id] ?? pendingStep(step.step_id));
  return {
    run_id: run.run_id,
    root_run_id: run.root_run_id,
    parent_run_id: run.parent_run_id,
    parent_step_id: run.parent_step_id,
    rerun_of: run.rerun_of ?? null,
    segment_id: run.segment_id,
    revision: run.revision,
    status: run.status,
    input: run.input ?? null,
    output: run.output ?? null,
    error: run.error,
    steps,
    tokens: { input: run.input_tokens, output: run.output_tokens },
    cost: run.cost,
    correlation_id: run.correlation_id,
    created_at: run.created_at,
    started_at: run.started_at,
    finished_at: run.finished_at,
  };
}
