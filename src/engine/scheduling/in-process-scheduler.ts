/**
 * InProcessScheduler: runs advances in this process (the embedded default; queue mode uses BullMQ). One advance per run at a time; a schedule
 * call during an advance makes it run once more afterwards (merged, never lost). Timed calls use
 * the clock's timers (a FakeClock in tests), keeping only the earliest per run.
 */
import type { CancelTimer, Clock, Scheduler } from "../ports";

type Advance = (runId: string) => Promise<unknown>;

export class InProcessScheduler implements Scheduler {
  readonly advancesHere = true;
  #advance: Advance | null = null;
  readonly #running = new Map<string, Promise<void>>();
  readonly #again = new Set<string>();
  readonly #timers = new Map<string, { at: number; cancel: CancelTimer }>();
  /** Errors thrown by advances when no onError is given (tests assert it stays empty); bounded. */
  readonly errors: unknown[] = [];

  constructor(
    private readonly clock: Clock,
    private readonly onError?: (error: unknown, runId: string) => void,
  ) {}

  /** Connects the scheduler to the engine: `scheduler.attach((id) => engine.advance(id))`. */
  attach(advance: Advance): void {
    this.#advance = advance;
  }

  schedule(runId: string, options?: { at?: Date }): void {
    const delay = options?.at ? options.at.getTime() - this.clock.now().getTime() : 0;
    if (delay <= 0) return this.#enqueue(runId);
    const at = this.clock.now().getTime() + delay;
    const existing = this.#timers.get(runId);
    if (existing && existing.at <= at) return;
    existing?.cancel();
    const cancel = this.clock.setTimer(delay, () => {
      this.#timers.delete(runId);
      this.#enqueue(runId);
    });
    this.#timers.set(runId, { at, cancel });
  }

  #enqueue(runId: string): void {
    if (this.#running.has(runId)) {
      this.#again.add(runId);
      return;
    }
    const run = async () => {
      await Promise.resolve();
      do {
        this.#again.delete(runId);
        try {
          await this.#advance?.(runId);
        } catch (error) {
          if (this.onError) this.onError(error, runId);
          else if (this.errors.length < 1000) this.errors.push(error);
        }
      } while (this.#again.has(runId) && this.#advance !== null);
    };
    this.#running.set(
      runId,
      run().finally(() => this.#running.delete(runId)),
    );
  }

  /** Resolves when no advance is running or queued (timers not yet due are not waited for). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all([...this.#running.values()]);
  }

  /** Number of runs with a timed wake-up pending. */
  get timers(): number {
    return this.#timers.size;
  }

  /** Stops scheduling (a "crashed" process): pending timers are cancelled. */
  dispose(): void {
    this.#advance = null;
    for (const timer of this.#timers.values()) timer.cancel();
    this.#timers.clear();
  }
}
