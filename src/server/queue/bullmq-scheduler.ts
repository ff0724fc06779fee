// The engine's Scheduler in queue mode: every "advance this run" is a BullMQ job, timed ones
// (retry backoff, delay steps, approval timeouts, a busy lease) are delayed jobs. Immediate jobs
// are never deduplicated: a wake-up arriving while the run's job is active must not be dropped
// (the lease serialises advances and a refused claim marks the run poked, so extra jobs cost one
// UPDATE). Timed jobs carry an id per run and instant, so the same wake-up is queued once.
// A job that cannot be queued (Redis down) is logged; the orphan sweep finds the run in
// PostgreSQL once Redis is back.
import type { Queue } from "bullmq";
import type { Scheduler } from "../../engine";
import { ADVANCE_JOB, type AdvanceJobData } from "./names";

export class BullmqScheduler implements Scheduler {
  readonly #queue: Queue<AdvanceJobData>;
  readonly #onError: (error: unknown, runId: string) => void;
  readonly #pending = new Set<Promise<unknown>>();

  constructor(queue: Queue<AdvanceJobData>, onError: (error: unknown, runId: string) => void) {
    this.#queue = queue;
    this.#onError = onError;
  }

  schedule(runId: string, options?: { at?: Date }): void {
    const at = options?.at?.getTime();
    const delay = at === undefined ? 0 : at - Date.now();
    const timed = delay > 0 ? { delay, jobId: `wake-${runId}-${at}` } : {};
    const added: Promise<unknown> = this.#queue
      .add(ADVANCE_JOB, { run_id: runId }, timed)
      .catch((error: unknown) => this.#onError(error, runId))
      .finally(() => this.#pending.delete(added));
    this.#pending.add(added);
  }

  /** Resolves when every job handed to schedule() so far was queued (or failed to be). */
  async flushed(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }
}
