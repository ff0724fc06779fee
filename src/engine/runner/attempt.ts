/**
 * Runs one handler call (start or resume) of a step: builds its context, enforces the
 * step's `timeout_seconds` (code `timeout`; the handler's signal is aborted) and turns
 * whatever it throws into a StepError. Never rejects.
 */
import type { EventPayloads } from "../../shared/events";
import type { Step } from "../../shared/segment";
import { StepError, toStepError } from "../errors";
import { evaluateExpression } from "../expressions/evaluate";
import { renderDeep, renderTemplate } from "../expressions/template";
import type { RunRecord } from "../model";
import type { HandlerEventType, ResumeInfo, StepContext, StepHandler, StepOutcome } from "../steps/types";
import type { Runtime } from "./runtime";

export type AttemptResult = { ok: true; outcome: StepOutcome } | { ok: false; error: StepError };

export interface AttemptSpec {
  runtime: Runtime;
  run: RunRecord;
  step: Step;
  handler: StepHandler<unknown>;
  config: unknown;
  attempt: number;
  input: unknown;
  outputs: Readonly<Record<string, unknown>>;
  resume: ResumeInfo | null;
  signal: AbortSignal;
  emit(type: HandlerEventType, payload: EventPayloads[HandlerEventType]): Promise<void>;
}

function buildContext(spec: AttemptSpec): StepContext<unknown> {
  const { runtime, run, step } = spec;
  const data = (extra?: Record<string, unknown>) => ({
    input: run.input,
    steps: spec.outputs,
    step_input: spec.input,
    ...extra,
  });
  return {
    run_id: run.run_id,
    root_run_id: run.root_run_id,
    segment_id: run.segment_id,
    step,
    config: spec.config,
    attempt: spec.attempt,
    input: spec.input,
    signal: spec.signal,
    resume: spec.resume,
    now: () => runtime.clock.now(),
    data,
    evaluate: (expression, extra) => evaluateExpression(expression, data(extra)),
    render: (template, extra) => renderTemplate(template, data(extra)),
    renderDeep: (value, extra) => renderDeep(value, data(extra)),
    emit: (type, payload) => spec.emit(type, payload),
    token(role, index, token) {
      runtime.sink.publishLive({
        event_id: runtime.newId(),
        run_id: run.run_id,
        root_run_id: run.root_run_id,
        segment_id: run.segment_id,
        type: "llm.token",
        step_id: step.step_id,
        ts: runtime.clock.now().toISOString(),
        correlation_id: run.correlation_id,
        payload: { attempt: spec.attempt, role, index, token },
      });
    },
    llm: runtime.llm,
    fetch: runtime.fetch,
    setTimer: (ms, callback) => runtime.clock.setTimer(ms, callback),
  };
}

/** Runs start() or resume() of the handler under the step's timeout. */
export async function runAttempt(spec: AttemptSpec, abort: AbortController): Promise<AttemptResult> {
  const ctx = buildContext(spec);
  const call = () => {
    if (spec.resume === null) return spec.handler.start(ctx);
    if (!spec.handler.resume) throw new StepError("step_error", `step type "${spec.step.type}" cannot resume`, { retryable: false });
    return spec.handler.resume(ctx);
  };
  const timeoutMs = spec.step.timeout_seconds === undefined ? 0 : spec.step.timeout_seconds * 1000;
  if (timeoutMs <= 0) {
    try {
      return { ok: true, outcome: await call() };
    } catch (error) {
      return { ok: false, error: toStepError(error) };
    }
  }
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const cancelTimer = spec.runtime.clock.setTimer(timeoutMs, () => {
      if (settled) return;
      settled = true;
      abort.abort(new StepError("timeout", `step timed out after ${spec.step.timeout_seconds}s`));
      resolve({ ok: false, error: new StepError("timeout", `the attempt did not finish within timeout_seconds (${spec.step.timeout_seconds}s)`) });
    });
    Promise.resolve()
      .then(call)
      .then(
        (outcome) => ({ ok: true, outcome }) as AttemptResult,
        (error: unknown) => ({ ok: false, error: toStepError(error) }) as AttemptResult,
      )
      .then((result) => {
        if (settled) return;
        settled = true;
        cancelTimer();
        resolve(result);
      });
  });
}
