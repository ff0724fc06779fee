/**
 * Step state transitions: each one updates the step row, adds its event and the run's
 * counters, synchronously, in RunMemory. Async work (routing, resolving child segments) is done
 * by the caller before; the loop commits after. Status names and events: issue 3 / event-contract.md.
 */
import type { Step } from "../../shared/segment";
import type { StepError } from "../errors";
import type { ApprovalRecord, StepRecord } from "../model";
import type { ApprovalRequest, StepUsage } from "../steps/types";
import { backoffMs, maxAttempts } from "./retry";
import { ACTIVE_RUN, pendingStep, type RunMemory } from "./run-memory";
import { addMs, iso, type Runtime } from "./runtime";

export class Transitions {
  constructor(
    private readonly mem: RunMemory,
    private readonly runtime: Runtime,
  ) {}

  #now(): string {
    return iso(this.runtime.clock.now());
  }

  #durationMs(record: StepRecord): number {
    return record.started_at ? Math.max(0, this.runtime.clock.now().getTime() - Date.parse(record.started_at)) : 0;
  }

  /** Starts attempt `attempt` (a new row) and emits step.started. */
  startAttempt(step: Step, attempt: number, input: unknown): StepRecord {
    const record: StepRecord = { ...pendingStep(step.step_id), attempt, status: "running", input, started_at: this.#now() };
    this.mem.setStep(record);
    this.mem.event("step.started", step.step_id, { step_type: step.type, attempt, input });
    return record;
  }

  skip(stepId: string, reason: string): void {
    this.mem.setStep({ ...pendingStep(stepId), status: "skipped", routes: [], finished_at: this.#now() });
    this.mem.event("step.skipped", stepId, { reason });
  }

  complete(stepId: string, output: unknown, routes: number[], usage: Partial<StepUsage> | undefined): void {
    const current = this.mem.step(stepId);
    const tokens = { input: usage?.input_tokens ?? 0, output: usage?.output_tokens ?? 0 };
    const cost = usage?.cost ?? 0;
    const record: StepRecord = {
      ...current,
      status: "completed",
      output,
      error: null,
      routes,
      finished_at: this.#now(),
      wake_at: null,
      suspended: false,
      state: null,
      input_tokens: current.input_tokens + tokens.input,
      output_tokens: current.output_tokens + tokens.output,
      cost: current.cost + cost,
    };
    this.mem.setStep(record);
    this.#addUsage(tokens.input, tokens.output, cost);
    this.mem.event("step.completed", stepId, {
      attempt: record.attempt,
      output,
      duration_ms: this.#durationMs(current),
      reused: false,
      tokens: { input: record.input_tokens, output: record.output_tokens },
      cost: record.cost,
    });
    this.#cancelActiveChildren(record);
  }

  /** Counts what a failed attempt spent (StepError.usage) on the row and the run. */
  #withUsage(record: StepRecord, error: StepError): StepRecord {
    const usage = error.usage;
    if (!usage) return record;
    this.#addUsage(usage.input_tokens, usage.output_tokens, usage.cost);
    return {
      ...record,
      input_tokens: record.input_tokens + usage.input_tokens,
      output_tokens: record.output_tokens + usage.output_tokens,
      cost: record.cost + usage.cost,
    };
  }

  #addUsage(input: number, output: number, cost: number): void {
    if (input === 0 && output === 0 && cost === 0) return;
    const run = this.mem.run;
    this.mem.patchRun({ input_tokens: run.input_tokens + input, output_tokens: run.output_tokens + output, cost: run.cost + cost });
  }

  /** Whether the retry policy gives this failure another attempt. */
  canRetry(step: Step, error: StepError): boolean {
    return error.retryable && this.mem.step(step.step_id).attempt < maxAttempts(step.retry);
  }

  /** Fails the current attempt and schedules the next one after the backoff (the step stays running). */
  retry(step: Step, error: StepError, delayMs?: number): void {
    const current = this.mem.step(step.step_id);
    const delay = delayMs ?? backoffMs(step.retry, current.attempt, this.runtime.random);
    const at = iso(addMs(this.runtime.clock.now(), delay));
    this.mem.setStep({ ...this.#withUsage(current, error), status: "failed", error: error.toInfo(), finished_at: this.#now(), wake_at: null, suspended: false });
    this.#cancelActiveChildren(current);
    this.mem.setStep({ ...pendingStep(step.step_id), attempt: current.attempt + 1, status: "running", input: current.input, wake_at: at });
    this.mem.event("step.retrying", step.step_id, {
      attempt: current.attempt,
      next_attempt: current.attempt + 1,
      delay_ms: delay,
      next_attempt_at: at,
      error: error.toInfo(),
    });
  }

  /** Final failure. `routes` non-null means on_error continue: the output `{error}` flows on. */
  fail(stepId: string, stepError: StepError, routes: number[] | null): void {
    const current = this.mem.step(stepId);
    const error = stepError.toInfo();
    const record: StepRecord = {
      ...this.#withUsage(current, stepError),
      status: "failed",
      error,
      output: routes === null ? null : { error },
      routes,
      finished_at: this.#now(),
      wake_at: null,
      suspended: false,
    };
    this.mem.setStep(record);
    this.mem.event("step.failed", stepId, { attempt: current.attempt, error, continued: routes !== null });
    this.#cancelActiveChildren(record);
    this.#cancelPendingApproval(record);
  }

  /** Cancels a running or waiting step (its in-flight call, if any, is aborted by the caller). */
  cancel(stepId: string): void {
    const current = this.mem.step(stepId);
    this.mem.setStep({ ...current, status: "cancelled", finished_at: this.#now(), wake_at: null, suspended: false });
    this.mem.event("step.cancelled", stepId, { attempt: current.attempt });
    this.#cancelActiveChildren(current);
    this.#cancelPendingApproval(current);
  }

  /** A human step starts waiting: creates its approval and emits step.waiting with it. */
  wait(stepId: string, request: ApprovalRequest): void {
    const current = this.mem.step(stepId);
    const existing = current.approval_id ? this.mem.approvals.get(current.approval_id) : undefined;
    if (existing?.status === "pending") {
      this.mem.setStep({ ...current, status: "waiting", suspended: true, wake_at: existing.expires_at });
      return;
    }
    const run = this.mem.run;
    const approval: ApprovalRecord = {
      approval_id: this.runtime.newId(),
      run_id: run.run_id,
      root_run_id: run.root_run_id,
      segment_id: run.segment_id,
      step_id: stepId,
      attempt: current.attempt,
      status: "pending",
      title: request.title,
      instructions: request.instructions ?? null,
      data: request.data,
      form: request.form ?? null,
      decision: null,
      edited: false,
      result: null,
      comment: null,
      decided_by: null,
      decided_at: null,
      expires_at: request.expires_at ? iso(request.expires_at) : null,
      created_at: this.#now(),
    };
    this.mem.putApproval(approval);
    this.mem.setStep({ ...current, status: "waiting", suspended: true, approval_id: approval.approval_id, wake_at: approval.expires_at });
    this.mem.event("step.waiting", stepId, { approval });
  }

  /** The handler asked to be called again later (a time and/or child runs changing). */
  suspend(stepId: string, state: unknown, wakeAt: Date | null, newChildren: StepRecord["children"]): void {
    const current = this.mem.step(stepId);
    this.mem.setStep({
      ...current,
      suspended: true,
      state,
      wake_at: wakeAt ? iso(wakeAt) : null,
      children: [...current.children, ...newChildren],
    });
  }

  #cancelActiveChildren(record: StepRecord): void {
    for (const child of record.children) {
      const status = this.mem.children.get(child.run_id)?.status ?? child.seen_status;
      if (ACTIVE_RUN.has(status)) this.mem.nudge({ run_id: child.run_id, control: "cancel" });
    }
  }

  #cancelPendingApproval(record: StepRecord): void {
    const approval = record.approval_id ? this.mem.approvals.get(record.approval_id) : undefined;
    if (approval?.status === "pending") this.mem.putApproval({ ...approval, status: "cancelled" });
  }
}
