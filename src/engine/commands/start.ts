/**
 * start and rerunFrom: create a run (status pending) pinned to a revision and schedule it.
 * The advancer does the rest. rerunFrom copies the outputs of the steps not downstream of the
 * chosen step from an earlier run (marked `reused`; they do not execute again).
 */
import type { Segment } from "../../shared/segment";
import { EngineError } from "../errors";
import { downstreamOf, graphOf } from "../graph/graph";
import { jsonSchemaProblems } from "../json-schema";
import type { RunRecord, RunState, StepRecord } from "../model";
import { addMs, iso, type Runtime } from "../runner/runtime";

export interface StartRunOptions {
  segment_id: string;
  /** Default: the latest revision. */
  revision?: number;
  input?: unknown;
  correlation_id?: string;
  created_by?: string;
  /** Fail the run with `run_timeout` if it has not finished this many seconds after it starts. */
  timeout_seconds?: number;
}

async function loadRunnable(runtime: Runtime, segmentId: string, revision?: number) {
  const found = await runtime.loadSegment(segmentId, revision);
  if (!found) {
    const which = revision === undefined ? "" : ` revision ${revision}`;
    throw new EngineError("segment_not_found", `segment "${segmentId}"${which} not found`);
  }
  const graph = graphOf(found.segment);
  const unknown = [...new Set(found.segment.steps.map((s) => s.type).filter((type) => !runtime.steps.has(type)))];
  if (unknown.length > 0) {
    const problems = unknown.map((type) => `unknown step type "${type}"`);
    throw new EngineError("invalid_segment", `segment "${segmentId}" cannot run: ${problems.join("; ")}`, problems);
  }
  return { ...found, graph };
}

function checkInput(segment: Segment, input: unknown): void {
  if (!segment.input_schema) return;
  const problems = jsonSchemaProblems(segment.input_schema, input);
  if (problems.length > 0) throw new EngineError("invalid_input", `the run input does not match input_schema: ${problems.join("; ")}`, problems);
}

function newRunRecord(
  runtime: Runtime,
  fields: {
    segment_id: string;
    revision: number;
    input: unknown;
    correlation_id?: string;
    created_by?: string;
    timeout_seconds?: number;
    rerun_of?: { run_id: string; step_id: string };
  },
): RunRecord {
  const runId = runtime.newId();
  const now = runtime.clock.now();
  return {
    run_id: runId,
    root_run_id: runId,
    parent_run_id: null,
    parent_step_id: null,
    segment_id: fields.segment_id,
    revision: fields.revision,
    status: "pending",
    input: fields.input,
    output: null,
    error: null,
    correlation_id: fields.correlation_id ?? runId,
    created_by: fields.created_by ?? "system",
    input_tokens: 0,
    output_tokens: 0,
    cost: 0,
    control: null,
    wake_at: null,
    ...(fields.timeout_seconds === undefined ? {} : { deadline_at: iso(new Date(now.getTime() + fields.timeout_seconds * 1000)) }),
    ...(fields.rerun_of ? { rerun_of: fields.rerun_of } : {}),
    created_at: iso(now),
    started_at: null,
    finished_at: null,
  };
}

export async function startRun(runtime: Runtime, options: StartRunOptions): Promise<RunRecord> {
  if (options.timeout_seconds !== undefined && !(options.timeout_seconds > 0 && Number.isFinite(options.timeout_seconds))) {
    throw new EngineError("invalid_input", `timeout_seconds must be a positive number of seconds, got ${options.timeout_seconds}`);
  }
  const { segment, revision } = await loadRunnable(runtime, options.segment_id, options.revision);
  const input = options.input ?? {};
  checkInput(segment, input);
  const run = newRunRecord(runtime, { ...options, segment_id: segment.segment_id, revision, input });
  await createAndWake(runtime, run);
  return run;
}

/**
 * Creates the run and schedules its first advance. When that advance runs in this process
 * (Scheduler.advancesHere), the run is created already claimed by it, and the advance starts from
 * the state it was created with: no claim and no read (two round trips less per run start).
 */
async function createAndWake(runtime: Runtime, run: RunRecord, steps: RunState["steps"] = {}): Promise<void> {
  if (runtime.scheduler.advancesHere) {
    const lease = { run_id: run.run_id, token: runtime.newId() };
    const until = iso(addMs(runtime.clock.now(), runtime.leaseMs));
    await runtime.store.createRun(run, steps, { owner: runtime.owner, token: lease.token, until });
    // As the store would return it (JSON: no undefined fields, no shared objects).
    const state = JSON.parse(JSON.stringify({ run, steps, approvals: [], children: {} })) as RunState;
    runtime.claimed.set(run.run_id, { lease, state });
  } else {
    await runtime.store.createRun(run, steps);
  }
  runtime.wake(run.run_id);
}

const REUSABLE = new Set(["completed", "skipped", "failed"]);

/** The earlier run's rows of steps upstream of `stepId`, as reused rows of the new run. */
function reusedSteps(previous: RunState, keep: (stepId: string) => boolean): RunState["steps"] {
  const steps: RunState["steps"] = {};
  for (const [id, record] of Object.entries(previous.steps)) {
    if (!keep(id) || !REUSABLE.has(record.status)) continue;
    if (record.status === "failed" && record.routes === null) continue;
    const reused: StepRecord = {
      ...record,
      attempt: 0,
      reused: true,
      wake_at: null,
      suspended: false,
      state: null,
      children: [],
      approval_id: null,
      input_tokens: 0,
      output_tokens: 0,
      cost: 0,
    };
    steps[id] = reused;
  }
  return steps;
}

export async function rerunFrom(
  runtime: Runtime,
  runId: string,
  stepId: string,
  input?: unknown,
  options: { correlation_id?: string; created_by?: string } = {},
): Promise<RunRecord> {
  const previous = await runtime.store.load(runId);
  if (!previous) throw new EngineError("run_not_found", `run ${runId} not found`);
  const { segment, revision, graph } = await loadRunnable(runtime, previous.run.segment_id, previous.run.revision);
  if (!graph.steps.has(stepId)) throw new EngineError("step_not_found", `step "${stepId}" is not in segment "${segment.segment_id}" revision ${revision}`);
  const runInput = input === undefined ? previous.run.input : input;
  if (input !== undefined) checkInput(segment, runInput);
  const downstream = downstreamOf(graph, stepId);
  const run = newRunRecord(runtime, {
    segment_id: segment.segment_id,
    revision,
    input: runInput,
    ...(options.correlation_id ? { correlation_id: options.correlation_id } : {}),
    created_by: options.created_by ?? previous.run.created_by,
    rerun_of: { run_id: previous.run.run_id, step_id: stepId },
  });
  await createAndWake(runtime, run, reusedSteps(previous, (id) => !downstream.has(id)));
  return run;
}
