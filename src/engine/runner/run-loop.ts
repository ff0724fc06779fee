/**
 * The advancer's loop over one run, while it holds the lease: apply control requests, start
 * what is ready, run handlers concurrently, fold each result into RunMemory, commit once per
 * batch of results, repeat until nothing is in flight; then decide the run's status. Outcomes
 * (outcomes.ts), step transitions, planning, retries and run-level rules live in their own modules.
 */
import type { EventPayloads } from "../../shared/events";
import { StepError, toStepError } from "../errors";
import type { RunControl, RunError } from "../model";
import type { CancelTimer } from "../ports";
import type { HandlerEventType, ResumeInfo } from "../steps/types";
import { runAttempt, type AttemptResult } from "./attempt";
import type { Committer } from "./committer";
import { earliestWake, isHumanBlocked, runOutput } from "./outcome-rules";
import { applyFailure, applyOutcome } from "./outcomes";
import { isParked, Planner, type Launch } from "./planner";
import { applyBegin, cancelRun, finalizeRun, pastDeadline, timeOutRun } from "./run-lifecycle";
import type { RunMemory } from "./run-memory";
import { iso, type Runtime } from "./runtime";
import { Transitions } from "./transitions";

/** How long pure steps' starts and results may wait for a commit (the live view's lag). */
const MAX_HOLD_MS = 20;

type Signal =
  | { kind: "done"; stepId: string; attempt: number; result: AttemptResult }
  | { kind: "emit"; stepId: string; attempt: number; type: HandlerEventType; payload: EventPayloads[HandlerEventType]; resolve: () => void }
  | { kind: "poke" }
  | { kind: "tick" }
  | { kind: "control" }
  | { kind: "deadline" }
  | { kind: "lost" }
  | { kind: "hand_back" };

export class RunLoop {
  readonly transitions: Transitions;
  readonly planner: Planner;
  readonly inflight = new Map<string, { attempt: number; abort: AbortController }>();
  readonly parked = new Set<string>();
  pausing = false;
  failure: RunError | null = null;
  stopped = false;
  /** Stopped by handBack(): the lease is released and the run scheduled again. */
  handedBack = false;
  #control: RunControl | null = null;
  #queue: Signal[] = [];
  #notify: (() => void) | null = null;
  #configs = new Map<string, unknown>();
  #tick: { at: number; cancel: CancelTimer } | null = null;
  /** Since when changes wait uncommitted because only pure steps were launched (#mayHold). */
  #heldSince: number | null = null;

  constructor(
    readonly runtime: Runtime,
    readonly mem: RunMemory,
    readonly committer: Committer,
  ) {
    this.transitions = new Transitions(mem, runtime);
    this.planner = new Planner(mem, this.transitions);
  }

  poke(): void {
    this.#push({ kind: "poke" });
  }

  onLeaseLost(): void {
    this.#push({ kind: "lost" });
  }

  /**
   * A stopping process gives the run back: in-flight calls are aborted without writing, so the
   * next advancer (another worker) runs them again as new attempts; completed steps stay done.
   */
  handBack(): void {
    this.#push({ kind: "hand_back" });
  }

  noteControl(control: RunControl | null): void {
    if (control !== null) this.#control = control;
  }

  /** A control request seen by the heartbeat (set by another process): apply it now. */
  onRemoteControl(control: RunControl | null): void {
    if (control === null || control === this.#control) return;
    this.noteControl(control);
    this.#push({ kind: "control" });
  }

  /** Runs until nothing is in flight; returns when the run must be woken next (null: not by time). */
  async run(): Promise<string | null> {
    const stopDeadline = this.#armDeadline();
    try {
      if (!(await applyBegin(this))) return this.#wakeForControl(null);
      await this.#cycle();
      for (;;) {
        await this.#applyControl();
        if (this.stopped) return null;
        if (this.inflight.size === 0 && this.#queue.length === 0) break;
        await this.#drain();
        await this.#applyControl();
        if (this.stopped) return null;
        await this.#cycle();
      }
      this.#clearTick();
      return this.#wakeForControl(await finalizeRun(this));
    } finally {
      stopDeadline();
      this.#clearTick();
    }
  }

  /** A step still in flight at the run's deadline (a long LLM call) is stopped then, not after. */
  #armDeadline(): () => void {
    const deadline = this.mem.run.deadline_at;
    if (!deadline) return () => undefined;
    return this.runtime.clock.setTimer(Math.max(0, Date.parse(deadline) - this.runtime.clock.now().getTime()), () => this.#push({ kind: "deadline" }));
  }

  #wakeForControl(wake: string | null): string | null {
    return this.#control !== null && !this.mem.finished ? iso(this.runtime.clock.now()) : wake;
  }

  // -- committing ------------------------------------------------------------------------------

  /**
   * Commits what is pending. `release`: this is the advance's last write (finalizeRun), so the
   * lease goes with it: one transaction less per advance (advanceRun then has nothing to release).
   */
  async flush(options: { release?: boolean } = {}): Promise<void> {
    this.#heldSince = null;
    const batch = this.mem.takeBatch();
    if (!batch || this.stopped) return;
    if (options.release) batch.release = true;
    this.#control = await this.committer.commit(batch);
  }

  /** A poke or control request that arrived after run() returned (advanceRun then schedules again). */
  get hasUnhandledSignals(): boolean {
    return this.#queue.some((s) => s.kind === "poke" || s.kind === "control");
  }

  // -- planning and launching ---------------------------------------------------------------------

  get canStart(): boolean {
    return !this.pausing && this.failure === null && !this.stopped && this.mem.run.status !== "paused";
  }

  async #cycle(): Promise<void> {
    if (this.canStart) {
      const launches = [...this.planner.dueParked(this.parked, this.runtime.clock.now().getTime()), ...this.planner.ready()];
      for (const launch of launches) this.parked.delete(launch.stepId);
      if (launches.length > 0 && this.mem.run.status === "waiting") this.mem.patchRun({ status: "running" });
      const resumes = launches.filter((l) => l.mode === "resume").map((l) => [l.stepId, this.#resumeInfo(l.stepId)] as const);
      // Nothing more will run in this advance: finalize commits these changes with the run's own.
      if (launches.length === 0 && this.inflight.size === 0 && this.#queue.length === 0) return;
      // Resuming parked steps (a decided approval, finished children, an elapsed delay) runs no
      // side effect before its result is committed, so "the run is running again" needs no commit
      // of its own: it rides with the resumed step's result. One transaction less between a
      // decision and the next step starting (issue 5's decision latency).
      const onlyResumes = launches.length > 0 && launches.every((l) => l.mode === "resume");
      if (onlyResumes && this.mem.onlyStateChanges) {
        // no commit needed before these launches (see above)
      } else if (this.#mayHold(launches)) {
        this.#heldSince ??= this.runtime.clock.now().getTime();
      } else {
        await this.flush();
      }
      if (this.stopped) return;
      const resumeInfo = new Map(resumes);
      for (const launch of launches) this.#launch(launch, resumeInfo.get(launch.stepId) ?? null);
    } else {
      await this.flush();
    }
    this.#armTick();
  }

  /**
   * Launching only pure steps (StepHandler.pure) needs no commit first when what is pending is
   * only the run's and pure steps' own progress (RunMemory.mayWait): it rides with their results.
   * A 2-step transform run then commits once, not three times. Held at most MAX_HOLD_MS, so that
   * a long chain of pure steps still shows on the canvas as it goes.
   */
  #mayHold(launches: Launch[]): boolean {
    if (launches.length === 0) return false;
    if (this.#heldSince !== null && this.runtime.clock.now().getTime() - this.#heldSince >= MAX_HOLD_MS) return false;
    const isPure = (stepId: string) => {
      const step = this.mem.graph.steps.get(stepId);
      return step !== undefined && this.runtime.steps.get(step.type)?.pure === true;
    };
    return launches.every((l) => l.mode !== "resume" && isPure(l.stepId)) && this.mem.mayWait(isPure);
  }

  #resumeInfo(stepId: string): ResumeInfo {
    const record = this.mem.step(stepId);
    const children = record.children.map((ref) => {
      const summary = this.mem.children.get(ref.run_id);
      return {
        key: ref.key,
        run_id: ref.run_id,
        status: summary?.status ?? ref.seen_status,
        output: summary?.output ?? null,
        error: summary?.error ?? null,
        usage: { input_tokens: summary?.input_tokens ?? 0, output_tokens: summary?.output_tokens ?? 0, cost: summary?.cost ?? 0 },
      };
    });
    if (children.some((child, i) => child.status !== record.children[i]?.seen_status)) {
      this.mem.setStep({ ...record, children: record.children.map((ref, i) => ({ ...ref, seen_status: children[i]?.status ?? ref.seen_status })) });
    }
    const approval = record.approval_id ? (this.mem.approvals.get(record.approval_id) ?? null) : null;
    return { state: record.state, approval, children };
  }

  #launch(launch: Launch, resume: ResumeInfo | null): void {
    const { stepId } = launch;
    const step = this.mem.graph.steps.get(stepId);
    const record = this.mem.step(stepId);
    if (!step) return;
    const abort = new AbortController();
    const attempt = record.attempt;
    this.inflight.set(stepId, { attempt, abort });
    const done = (result: AttemptResult) => this.#push({ kind: "done", stepId, attempt, result });
    const handler = this.runtime.steps.get(step.type);
    if (!handler) {
      done({ ok: false, error: new StepError("unknown_step_type", `no handler for step type "${step.type}"`, { retryable: false }) });
      return;
    }
    let config = this.#configs.get(stepId);
    if (config === undefined) {
      try {
        config = handler.parseConfig(step.config);
        this.#configs.set(stepId, config);
      } catch (error) {
        done({ ok: false, error: toStepError(error) });
        return;
      }
    }
    const emit = (type: HandlerEventType, payload: EventPayloads[HandlerEventType]) =>
      new Promise<void>((resolve) => this.#push({ kind: "emit", stepId, attempt, type, payload, resolve }));
    void runAttempt(
      { runtime: this.runtime, run: this.mem.run, step, handler, config, attempt, input: record.input, outputs: this.mem.outputs, resume, signal: abort.signal, emit },
      abort,
    ).then(done);
  }

  // -- signals ---------------------------------------------------------------------------------

  #push(signal: Signal): void {
    this.#queue.push(signal);
    const notify = this.#notify;
    this.#notify = null;
    notify?.();
  }

  async #drain(): Promise<void> {
    if (this.#queue.length === 0) await new Promise<void>((resolve) => (this.#notify = resolve));
    while (this.#queue.length > 0 && !this.stopped) {
      const signal = this.#queue.shift() as Signal;
      await this.#handle(signal);
    }
  }

  async #handle(signal: Signal): Promise<void> {
    switch (signal.kind) {
      case "done": {
        const entry = this.inflight.get(signal.stepId);
        if (!entry || entry.attempt !== signal.attempt) return;
        this.inflight.delete(signal.stepId);
        if (signal.result.ok) await applyOutcome(this, signal.stepId, signal.result.outcome);
        else await applyFailure(this, signal.stepId, signal.result.error);
        return;
      }
      case "emit": {
        const entry = this.inflight.get(signal.stepId);
        if (entry?.attempt === signal.attempt) {
          this.mem.event(signal.type, signal.stepId, signal.payload as never);
          await this.flush();
        }
        signal.resolve();
        return;
      }
      case "poke":
        return this.#refresh();
      case "tick":
        this.#tick = null;
        return;
      case "control":
      case "deadline":
        return;
      case "lost":
        this.stopped = true;
        this.abortAll();
        return;
      case "hand_back":
        this.stopped = true;
        this.handedBack = true;
        this.abortAll();
        return;
    }
  }

  /** Re-reads what others may have changed: approvals (decisions), child runs, control. */
  async #refresh(): Promise<void> {
    await this.flush();
    const state = await this.runtime.store.load(this.mem.run.run_id);
    if (!state) return;
    for (const approval of state.approvals) this.mem.approvals.set(approval.approval_id, approval);
    for (const child of Object.values(state.children)) this.mem.children.set(child.run_id, child);
    this.noteControl(state.run.control);
  }

  async #applyControl(): Promise<void> {
    if (pastDeadline(this)) return timeOutRun(this);
    const control = this.#control;
    if (control === null) return;
    this.#control = null;
    if (control === "cancel") {
      await cancelRun(this);
    } else if (control === "pause") {
      this.pausing = true;
    } else if (control === "resume") {
      this.pausing = false;
      if (this.mem.run.status !== "paused") this.mem.ackControl("resume");
    }
  }

  // -- cancelling --------------------------------------------------------------------------------

  /** Aborts in-flight calls and marks those steps cancelled. */
  cancelInflight(): void {
    for (const [stepId, entry] of this.inflight) {
      entry.abort.abort(new StepError("cancelled", "the step was cancelled"));
      this.transitions.cancel(stepId);
    }
    this.inflight.clear();
  }

  /** Aborts in-flight calls without writing anything (the lease is gone). */
  abortAll(): void {
    for (const entry of this.inflight.values()) entry.abort.abort(new StepError("cancelled", "the worker lost the run"));
    this.inflight.clear();
  }

  // -- in-process wake-up for parked steps while others are in flight --------------------------------

  #armTick(): void {
    const wake = this.inflight.size > 0 && this.canStart ? earliestWake(this.mem, this.parked) : null;
    const at = wake === null ? null : Date.parse(wake);
    if (this.#tick && this.#tick.at === at) return;
    this.#clearTick();
    if (at === null) return;
    const cancel = this.runtime.clock.setTimer(Math.max(0, at - this.runtime.clock.now().getTime()), () => this.#push({ kind: "tick" }));
    this.#tick = { at, cancel };
  }

  #clearTick(): void {
    this.#tick?.cancel();
    this.#tick = null;
  }

  // -- shared with run-lifecycle ------------------------------------------------------------------

  initParked(): void {
    for (const [id, record] of this.mem.steps) if (isParked(record)) this.parked.add(id);
  }

  statusWhenParked(): "waiting" | "running" {
    return [...this.parked].every((id) => isHumanBlocked(this.mem, this.mem.step(id))) ? "waiting" : "running";
  }

  output(): unknown {
    return runOutput(this.mem);
  }
}
