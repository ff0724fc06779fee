/**
 * The live state of one run, folded from its event log (docs/contracts/event-contract.md).
 * Pure: the socket layer feeds batches of events into `applyRunEvents`; components read slices.
 */
import type { LiveEvent, RunEvent } from "@/shared/events/schema";
import type { Approval, StepErrorInfo, StepStatus, TokenCount } from "@/shared/resources/run-detail";
import type { RunStatus } from "@/shared/resources/run-resource";

/** One `critic_loop.iteration` of a critic loop step. */
export type CriticIteration = {
  attempt: number;
  iteration: number;
  output: unknown;
  verdict: "approved" | "needs_revision" | "rejected";
  score: number;
  feedback: string;
  suggestions: string[];
};

/** Everything the run view knows about one step of the run. Replaced only when that step changes. */
export type StepLiveState = {
  step_id: string;
  status: StepStatus;
  /** Attempts started in this run (0: reused, skipped or not run yet). */
  attempts: number;
  /** ISO time the current (latest) attempt started; null before the step starts. */
  started_at: string | null;
  finished_at: string | null;
  /** From step.completed; null while running or when the step did not complete. */
  duration_ms: number | null;
  /** The latest attempt's input (step.started payload); undefined until the step starts. */
  input: unknown;
  /** Null until the step finishes; `{error}` for an `on_error: continue` failure. */
  output: unknown;
  error: StepErrorInfo | null;
  /** The failure was `on_error: continue`: the run went on with `{error}` as output. */
  continued: boolean;
  /** Output copied from an earlier run by "re-run from step". */
  reused: boolean;
  /** A retry is scheduled at this ISO time (status stays running). */
  retry_at: string | null;
  tokens: TokenCount;
  cost: number;
  /** The approval this step waits or waited for (step.waiting, updated by human.decided). */
  approval: Approval | null;
  /** Why it was skipped (step.skipped payload). */
  skipped_reason: string | null;
  /** critic_loop steps: every iteration of the latest attempt, in order. */
  critic_iterations: CriticIteration[];
  critic_result: {
    reason: "quality_threshold" | "rejected" | "no_improvement" | "max_iterations";
    iterations: number;
    final_score: number;
    converged: boolean;
  } | null;
  /** The tail (≤ TOKEN_PREVIEW_MAX chars) of the LLM text streaming in for the current attempt. */
  token_preview: string;
  /** Seq of the last stored event that touched this step (0: none). */
  last_seq: number;
};

export type RunLiveStatus = RunStatus;

export type RunLive = {
  run_id: string;
  status: RunLiveStatus;
  started_at: string | null;
  finished_at: string | null;
  input: unknown;
  output: unknown;
  error: { code: string; message: string; step_id?: string } | null;
  tokens: TokenCount;
  cost: number;
  /** Highest seq applied: the next subscribe asks for events after it. */
  last_seq: number;
  steps: Record<string, StepLiveState>;
  /** Every stored event applied, in seq order (the timeline). */
  events: RunEvent[];
};

/** How much of the streaming LLM text a step keeps (the card shows the end of it). */
export const TOKEN_PREVIEW_MAX = 2_000;

const NO_TOKENS: TokenCount = { input: 0, output: 0 };
const NO_ITERATIONS: CriticIteration[] = [];

export function pendingStepState(stepId: string): StepLiveState {
  return {
    step_id: stepId,
    status: "pending",
    attempts: 0,
    started_at: null,
    finished_at: null,
    duration_ms: null,
    input: undefined,
    output: null,
    error: null,
    continued: false,
    reused: false,
    retry_at: null,
    tokens: NO_TOKENS,
    cost: 0,
    approval: null,
    skipped_reason: null,
    critic_iterations: NO_ITERATIONS,
    critic_result: null,
    token_preview: "",
    last_seq: 0,
  };
}

/** Before any event: the run has not started and every step of its revision is pending. */
export function createRunLive(runId: string, stepIds: readonly string[]): RunLive {
  const steps: Record<string, StepLiveState> = {};
  for (const id of stepIds) steps[id] = pendingStepState(id);
  return {
    run_id: runId,
    status: "pending",
    started_at: null,
    finished_at: null,
    input: null,
    output: null,
    error: null,
    tokens: NO_TOKENS,
    cost: 0,
    last_seq: 0,
    steps,
    events: [],
  };
}

export const TERMINAL_RUN_STATUSES: ReadonlySet<RunLiveStatus> = new Set(["completed", "failed", "cancelled"]);

type RunFields = Omit<RunLive, "steps" | "events">;

/**
 * Folds stored events into the state. Events of another run, and events at or below
 * `last_seq` (a replay overlapping what was applied), are ignored, so applying a batch twice
 * changes nothing. Returns the same object when nothing applied; otherwise a new state whose
 * untouched steps keep their identity (memoized cards skip re-rendering).
 */
export function applyRunEvents(state: RunLive, events: readonly RunEvent[]): RunLive {
  let run: RunFields | null = null;
  let steps: Record<string, StepLiveState> | null = null;
  const accepted: RunEvent[] = [];
  let lastSeq = state.last_seq;

  for (const event of events) {
    if (event.run_id !== state.run_id || event.seq <= lastSeq) continue;
    lastSeq = event.seq;
    accepted.push(event);
    const current: RunFields = run ?? state;
    const runPatch = runEffect(current, event);
    if (runPatch) run = { ...current, ...runPatch };
    if (event.step_id === undefined) continue;
    const source = steps ?? state.steps;
    const before = source[event.step_id] ?? pendingStepState(event.step_id);
    const after = stepEffect(before, event);
    if (after === before) continue;
    steps ??= { ...state.steps };
    steps[event.step_id] = { ...after, last_seq: event.seq };
    if (event.type === "step.completed" && !event.payload.reused) {
      // Run totals while running; segment.completed replaces them with the engine's figures.
      const base: RunFields = run ?? state;
      run = {
        ...base,
        tokens: addTokens(base.tokens, diffTokens(event.payload.tokens, before.tokens)),
        cost: base.cost + Math.max(0, event.payload.cost - before.cost),
      };
    }
  }
  if (accepted.length === 0) return state;
  const nextSteps = steps ?? state.steps;
  const fields: RunFields = { ...(run ?? state), last_seq: lastSeq };
  return {
    ...fields,
    status: derivedStatus(fields.status, nextSteps, steps !== null),
    steps: nextSteps,
    events: state.events.concat(accepted),
  };
}

/** Runs whose in-flight steps all wait for a person are `waiting` (as the engine reports them). */
function derivedStatus(status: RunLiveStatus, steps: Record<string, StepLiveState>, stepsChanged: boolean): RunLiveStatus {
  if (status !== "running" && status !== "waiting") return status;
  if (!stepsChanged && status === "running") return status;
  let waiting = false;
  for (const id in steps) {
    const step = steps[id] as StepLiveState;
    if (step.status === "running") return "running";
    if (step.status === "waiting") waiting = true;
  }
  return waiting ? "waiting" : "running";
}

function runEffect(run: RunFields, event: RunEvent): Partial<RunFields> | null {
  switch (event.type) {
    case "segment.started":
      return { status: "running", started_at: event.ts, input: event.payload.input };
    case "segment.completed":
      return {
        status: "completed",
        finished_at: event.ts,
        output: event.payload.output,
        tokens: event.payload.tokens,
        cost: event.payload.cost,
      };
    case "segment.failed":
      return { status: "failed", finished_at: event.ts, error: event.payload.error };
    case "segment.cancelled":
      return { status: "cancelled", finished_at: event.ts };
    case "segment.paused":
      return { status: "paused" };
    case "segment.resumed":
      return { status: "running" };
    default:
      return run.status === "pending" ? { status: "running" } : null;
  }
}

/** The step after one of its events (the same object when the event changes nothing). */
function stepEffect(step: StepLiveState, event: RunEvent): StepLiveState {
  switch (event.type) {
    case "step.started":
      // A new attempt: what the previous one left (error, preview, iterations) is gone.
      return {
        ...pendingStepState(step.step_id),
        status: "running",
        attempts: Math.max(step.attempts, event.payload.attempt),
        started_at: event.ts,
        input: event.payload.input,
      };
    case "step.completed":
      return {
        ...step,
        status: "completed",
        finished_at: event.ts,
        duration_ms: event.payload.reused ? null : event.payload.duration_ms,
        output: event.payload.output,
        error: null,
        continued: false,
        reused: event.payload.reused,
        retry_at: null,
        tokens: event.payload.tokens,
        cost: event.payload.cost,
        approval: step.approval?.status === "pending" ? null : step.approval,
      };
    case "step.failed":
      return {
        ...step,
        status: "failed",
        finished_at: event.ts,
        duration_ms: durationBetween(step.started_at, event.ts),
        error: event.payload.error,
        continued: event.payload.continued,
        output: event.payload.continued ? { error: event.payload.error } : null,
        reused: event.payload.attempt === 0 ? true : step.reused,
        retry_at: null,
        approval: cancelledApproval(step.approval),
      };
    case "step.retrying":
      return { ...step, status: "running", error: event.payload.error, retry_at: event.payload.next_attempt_at };
    case "step.skipped":
      return {
        ...step,
        status: "skipped",
        finished_at: event.ts,
        skipped_reason: event.payload.reason,
        reused: event.payload.reason.startsWith("reused"),
      };
    case "step.waiting":
      return { ...step, status: "waiting", approval: event.payload.approval };
    case "step.cancelled":
      return {
        ...step,
        status: "cancelled",
        finished_at: event.ts,
        duration_ms: durationBetween(step.started_at, event.ts),
        retry_at: null,
        approval: cancelledApproval(step.approval),
      };
    case "human.decided": {
      const approval = step.approval;
      const decided: Approval | null =
        approval && approval.approval_id === event.payload.approval_id
          ? {
              ...approval,
              status: event.payload.status,
              decision: event.payload.decision,
              edited: event.payload.edited,
              result: event.payload.data,
              comment: event.payload.comment,
              decided_by: event.payload.decided_by,
              decided_at: event.payload.decided_at,
            }
          : approval;
      // The step resumes with the decision; its completion (or failure) follows.
      return { ...step, status: step.status === "waiting" ? "running" : step.status, approval: decided };
    }
    case "critic_loop.iteration": {
      const { attempt, iteration, output, verdict, score, feedback, suggestions } = event.payload;
      return {
        ...step,
        critic_iterations: [...step.critic_iterations, { attempt, iteration, output, verdict, score, feedback, suggestions }],
      };
    }
    case "critic_loop.completed": {
      const { reason, iterations, final_score, converged } = event.payload;
      return { ...step, critic_result: { reason, iterations, final_score, converged } };
    }
    default:
      return step;
  }
}

/**
 * Appends streamed LLM tokens (live only, never stored) to the steps' previews. Tokens of an
 * attempt the step is not running are dropped; a new call (index 0) starts a fresh preview.
 */
export function applyTokens(state: RunLive, tokens: readonly LiveEvent[]): RunLive {
  let steps: Record<string, StepLiveState> | null = null;
  for (const token of tokens) {
    if (token.run_id !== state.run_id) continue;
    const source = steps ?? state.steps;
    const step = source[token.step_id];
    if (!step || step.status !== "running" || token.payload.attempt !== step.attempts) continue;
    const base = token.payload.index === 0 ? "" : step.token_preview;
    const text = base + token.payload.token;
    steps ??= { ...state.steps };
    steps[token.step_id] = { ...step, token_preview: text.length > TOKEN_PREVIEW_MAX ? text.slice(-TOKEN_PREVIEW_MAX) : text };
  }
  return steps ? { ...state, steps } : state;
}

function cancelledApproval(approval: Approval | null): Approval | null {
  return approval?.status === "pending" ? { ...approval, status: "cancelled" } : approval;
}

function durationBetween(from: string | null, to: string): number | null {
  if (!from) return null;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? Math.max(0, ms) : null;
}

function diffTokens(next: TokenCount, previous: TokenCount): TokenCount {
  return { input: Math.max(0, next.input - previous.input), output: Math.max(0, next.output - previous.output) };
}

function addTokens(a: TokenCount, b: TokenCount): TokenCount {
  return { input: a.input + b.input, output: a.output + b.output };
}
