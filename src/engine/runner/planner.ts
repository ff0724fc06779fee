/**
 * Picks what to run next: pending steps whose predecessors all finished (or skips them, which
 * propagates), scheduled retries whose time has come, and parked steps (waiting, suspended)
 * that have something new to look at. Only successors of changed steps are re-examined.
 */
import { readinessOf, stepInputOf } from "../graph/readiness";
import type { StepRecord } from "../model";
import type { RunMemory } from "./run-memory";
import { TERMINAL_RUN } from "./run-memory";
import type { Transitions } from "./transitions";

export type Launch = { stepId: string; mode: "start" | "resume" };

export const isParked = (record: StepRecord): boolean => record.status === "waiting" || record.status === "running";

/** A scheduled retry: the next attempt's row exists but has not started. */
export const isScheduledRetry = (record: StepRecord): boolean =>
  record.status === "running" && !record.suspended && record.started_at === null;

function due(at: string | null, nowMs: number): boolean {
  return at !== null && Date.parse(at) <= nowMs;
}

/** Does a waiting/suspended step need its handler called again? */
export function needsResume(mem: RunMemory, record: StepRecord, nowMs: number): boolean {
  if (record.status === "waiting") {
    const approval = record.approval_id ? mem.approvals.get(record.approval_id) : undefined;
    if (!approval) return true;
    return approval.status !== "pending" || due(approval.expires_at, nowMs);
  }
  if (!record.suspended) return false;
  if (due(record.wake_at, nowMs)) return true;
  return record.children.some((child) => {
    const status = mem.children.get(child.run_id)?.status;
    return status !== undefined && status !== child.seen_status && TERMINAL_RUN.has(status);
  });
}

export class Planner {
  readonly #dirty = new Set<string>();

  constructor(
    private readonly mem: RunMemory,
    private readonly transitions: Transitions,
  ) {}

  markAll(): void {
    for (const id of this.mem.graph.order) this.#dirty.add(id);
  }

  markSuccessors(stepId: string): void {
    for (const next of this.mem.graph.successors.get(stepId) ?? []) this.#dirty.add(next);
  }

  /** Steps parked (waiting, suspended, retry scheduled) that can go now. */
  dueParked(parked: ReadonlySet<string>, nowMs: number): Launch[] {
    const launches: Launch[] = [];
    for (const id of parked) {
      const record = this.mem.step(id);
      if (isScheduledRetry(record)) {
        if (record.wake_at === null || due(record.wake_at, nowMs)) {
          this.transitions.startAttempt(this.#stepDef(id), record.attempt, record.input);
          launches.push({ stepId: id, mode: "start" });
        }
      } else if (needsResume(this.mem, record, nowMs)) {
        launches.push({ stepId: id, mode: "resume" });
      }
    }
    return launches;
  }

  /** Pending steps that became ready (started) or unreachable (skipped, propagating). */
  ready(): Launch[] {
    const launches: Launch[] = [];
    const { graph } = this.mem;
    const view = { status: (id: string) => this.mem.status(id), routes: (id: string) => this.mem.step(id).routes };
    while (this.#dirty.size > 0) {
      const id = this.#dirty.values().next().value as string;
      this.#dirty.delete(id);
      if (this.mem.status(id) !== "pending") continue;
      const readiness = readinessOf(graph, id, view);
      if (readiness.kind === "ready") {
        const input = stepInputOf(graph, id, readiness.from, this.mem.outputs, this.mem.run.input);
        this.transitions.startAttempt(this.#stepDef(id), 1, input);
        launches.push({ stepId: id, mode: "start" });
      } else if (readiness.kind === "skip") {
        this.transitions.skip(id, readiness.reason);
        this.markSuccessors(id);
      }
    }
    return launches;
  }

  #stepDef(id: string) {
    const step = this.mem.graph.steps.get(id);
    if (!step) throw new Error(`unknown step ${id}`);
    return step;
  }
}
