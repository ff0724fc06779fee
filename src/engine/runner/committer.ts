/**
 * The advancer's only way to write: one RunStore.commit per batch, then publish the numbered
 * events and wake the runs the batch touched (new child runs, nudged parents/children).
 * Also keeps the lease alive with a heartbeat and notices when it was lost.
 */
import type { ApprovalDecisionWrite, CommitBatch, NewRunEvent, RunControl } from "../model";
import type { DecideApprovalResult, Lease } from "../ports";
import { LeaseLostError } from "../errors";
import { addMs, iso, type Runtime } from "./runtime";

export class Committer {
  #lost = false;
  #stopHeartbeat: (() => void) | null = null;
  #released: { poked: boolean } | null = null;

  constructor(
    private readonly runtime: Runtime,
    readonly lease: Lease,
  ) {}

  get lost(): boolean {
    return this.#lost;
  }

  /** Set once a commit with `release` succeeded: the lease is free, nothing more may be written. */
  get released(): { poked: boolean } | null {
    return this.#released;
  }

  /** Commits a batch; returns the run's control request as the store sees it after the commit. */
  async commit(batch: CommitBatch): Promise<RunControl | null> {
    if (this.#lost || this.#released) throw new LeaseLostError(this.lease.run_id);
    // A renewal answering after the lease was released would look like a lost lease.
    if (batch.release) this.stop();
    let result;
    try {
      result = await this.runtime.store.commit(this.lease, batch);
    } catch (error) {
      if (error instanceof LeaseLostError) this.#lost = true;
      throw error;
    }
    if (batch.release) this.#released = { poked: result.poked === true };
    if (result.events.length > 0) this.runtime.sink.publish(result.events);
    for (const run of batch.new_runs ?? []) this.runtime.wake(run.run_id);
    for (const nudge of batch.nudges ?? []) this.runtime.wake(nudge.run_id);
    return result.control;
  }

  /** Records a system decision on an approval (atomic with its event, refused if no longer pending). */
  async decide(approvalId: string, write: ApprovalDecisionWrite, event: NewRunEvent): Promise<DecideApprovalResult> {
    const result = await this.runtime.store.decideApproval(approvalId, write, event);
    if (result.ok) this.runtime.sink.publish([result.event]);
    return result;
  }

  /** Renews the lease every third of its length; calls onLost once if renewal fails. */
  startHeartbeat(onLost: () => void, onControl: (control: RunControl | null) => void): void {
    const every = Math.max(1, Math.floor(this.runtime.leaseMs / 3));
    const beat = () => {
      const until = iso(addMs(this.runtime.clock.now(), this.runtime.leaseMs));
      this.runtime.store.renew(this.lease, until).then(
        (result) => {
          if (this.#stopHeartbeat === null) return;
          if (!result.ok) return this.#markLost(onLost);
          onControl(result.control);
          this.#stopHeartbeat = this.runtime.clock.setTimer(every, beat);
        },
        () => this.#markLost(onLost),
      );
    };
    this.#stopHeartbeat = this.runtime.clock.setTimer(every, beat);
  }

  #markLost(onLost: () => void): void {
    if (this.#lost) return;
    this.#lost = true;
    this.stop();
    onLost();
  }

  stop(): void {
    const stop = this.#stopHeartbeat;
    this.#stopHeartbeat = null;
    stop?.();
  }
}
