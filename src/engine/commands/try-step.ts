/**
 * tryStep: runs one step's handler alone, in memory, with sample input (the editor's "Try a
 * step", as Dify's single-node run). Nothing is stored: no run, no events. The handler gets
 * the same context as in a run (runAttempt builds it: expressions, templates, LLM, fetch,
 * timeout), over a throwaway in-memory runtime. Steps that need a run to go on (a person's
 * decision, a wait, child runs) stop at that point and say what they would do.
 */
import type { TryStepResult } from "../../shared/resources/try-step";
import { stepSchema, type Step } from "../../shared/segment";
import { systemClock } from "../clock";
import { StepError } from "../errors";
import { withMockLlm } from "../llm/mock";
import type { RunRecord } from "../model";
import type { Clock, HttpFetch, LlmRegistry } from "../ports";
import { runAttempt } from "../runner/attempt";
import type { Runtime } from "../runner/runtime";
import type { StepRegistry } from "../steps/registry";
import type { StepUsage } from "../steps/types";
import { InMemoryRunStore } from "../testing/memory-store";
import { MemorySegmentSource } from "../testing/memory-segments";
import { nullSink } from "../testing/memory-sink";
import { describeStop } from "./try-step-stops";

/** Without `timeout_seconds` a tried step gets this long; with it, never more than the maximum. */
export const TRY_STEP_DEFAULT_TIMEOUT_SECONDS = 60;
export const TRY_STEP_MAX_TIMEOUT_SECONDS = 300;

export interface TryStepOptions {
  /** The registry the engine runs with (custom types included). */
  steps: StepRegistry;
  /** LLM refs; the built-in `mock` is always available. */
  llm?: LlmRegistry;
  /** Default: global fetch. */
  fetch?: HttpFetch;
  clock?: Clock;
}

export interface TryStepRequest {
  /** The step as in the contract (possibly unsaved). */
  step: unknown;
  /** `step_input` in expressions, and the handler's input. */
  input: unknown;
  /** `input` in expressions; default: the step input. */
  run_input?: unknown;
  /** `steps.<id>` in expressions; default: none. */
  steps?: Readonly<Record<string, unknown>>;
}

const TRY_RUN_ID = "try-step";

function throwawayRuntime(options: TryStepOptions, clock: Clock): Runtime {
  return {
    store: new InMemoryRunStore(),
    scheduler: { schedule() {} },
    // Live tokens have no audience here: the result carries the whole output.
    sink: nullSink,
    clock,
    segments: new MemorySegmentSource(),
    steps: options.steps,
    llm: withMockLlm(options.llm),
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    newId: () => crypto.randomUUID(),
    random: Math.random,
    owner: TRY_RUN_ID,
    leaseMs: 30_000,
    loadSegment: async () => null,
    wake() {},
    active: new Map(),
    claimed: new Map(),
    onError() {},
  };
}

function throwawayRun(clock: Clock, runInput: unknown): RunRecord {
  const now = clock.now().toISOString();
  return {
    run_id: TRY_RUN_ID,
    root_run_id: TRY_RUN_ID,
    parent_run_id: null,
    parent_step_id: null,
    segment_id: "",
    revision: 0,
    status: "running",
    input: runInput,
    output: null,
    error: null,
    correlation_id: TRY_RUN_ID,
    created_by: "system",
    input_tokens: 0,
    output_tokens: 0,
    cost: 0,
    control: null,
    wake_at: null,
    created_at: now,
    started_at: now,
    finished_at: null,
  };
}

const NO_USAGE: StepUsage = { input_tokens: 0, output_tokens: 0, cost: 0 };

function result(
  status: TryStepResult["status"],
  fields: { output?: unknown; port?: string | null; error?: { code: string; message: string } | null; usage?: Partial<StepUsage> },
  started: number,
  clock: Clock,
  events: NonNullable<TryStepResult["events"]>,
): TryStepResult {
  const usage = { ...NO_USAGE, ...fields.usage };
  return {
    status,
    output: fields.output ?? null,
    port: fields.port ?? null,
    error: fields.error ?? null,
    duration_ms: Math.max(0, clock.now().getTime() - started),
    tokens: { input: usage.input_tokens, output: usage.output_tokens },
    cost: usage.cost,
    events,
  };
}

function parseStep(raw: unknown): { ok: true; step: Step } | { ok: false; message: string } {
  const parsed = stepSchema.safeParse(raw);
  if (parsed.success) return { ok: true, step: parsed.data };
  const problems = parsed.error.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message));
  return { ok: false, message: `The step is not valid: ${problems.join("; ")}` };
}

/** Runs the step once. Never throws for anything the step does: failures are results. */
export async function tryStep(options: TryStepOptions, request: TryStepRequest): Promise<TryStepResult> {
  const clock = options.clock ?? systemClock;
  const started = clock.now().getTime();
  const events: NonNullable<TryStepResult["events"]> = [];
  const done = (status: TryStepResult["status"], fields: Parameters<typeof result>[1]) => result(status, fields, started, clock, events);

  const parsed = parseStep(request.step);
  if (!parsed.ok) return done("failed", { error: { code: "invalid_step", message: parsed.message } });
  const timeout = Math.min(parsed.step.timeout_seconds ?? TRY_STEP_DEFAULT_TIMEOUT_SECONDS, TRY_STEP_MAX_TIMEOUT_SECONDS);
  const step: Step = { ...parsed.step, timeout_seconds: timeout };

  const handler = options.steps.get(step.type);
  if (!handler) {
    const known = options.steps.types().join(", ");
    return done("failed", { error: { code: "unknown_step_type", message: `Unknown step type "${step.type}" (known types: ${known})` } });
  }
  let config: unknown;
  try {
    config = handler.parseConfig(step.config);
  } catch (error) {
    const failure = error instanceof StepError ? error : new StepError("invalid_config", String(error));
    return done("failed", { error: { code: failure.code, message: failure.message } });
  }

  const abort = new AbortController();
  const attempt = await runAttempt(
    {
      runtime: throwawayRuntime(options, clock),
      run: throwawayRun(clock, request.run_input === undefined ? request.input : request.run_input),
      step,
      handler,
      config,
      attempt: 1,
      input: request.input,
      outputs: request.steps ?? {},
      resume: null,
      signal: abort.signal,
      async emit(type, payload) {
        events.push({ type, payload });
      },
    },
    abort,
  );

  if (!attempt.ok) {
    return done("failed", {
      error: { code: attempt.error.code, message: attempt.error.message },
      ...(attempt.error.usage ? { usage: attempt.error.usage } : {}),
    });
  }
  const outcome = attempt.outcome;
  if (outcome.kind === "complete") {
    return done("completed", { output: outcome.output, port: outcome.port ?? null, ...(outcome.usage ? { usage: outcome.usage } : {}) });
  }
  const stop = describeStop(step, outcome, request.input, clock.now());
  return done("unsupported", { output: stop.output, error: { code: "needs_a_run", message: stop.message } });
}
