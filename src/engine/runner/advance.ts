/**
 * advanceRun: the one function that moves a run forward. Claim the lease (with the run's state) →
 * loop in memory (RunLoop) → release → schedule the next wake-up. Both schedulers (in-process,
 * queue) call this and nothing else.
 */
import { EngineError } from "../errors";
import { graphOf, type SegmentGraph } from "../graph/graph";
import type { RunRecord } from "../model";
import { Committer } from "./committer";
import { RunLoop } from "./run-loop";
import { RunMemory } from "./run-memory";
import { addMs, iso, type Runtime } from "./runtime";

export type AdvanceResult =
  | { status: "advanced"; run_status: string; wake_at: string | null }
  /**
   * Another advancer holds the lease. `here`: it runs in this process and was poked. `elsewhere`:
   * the run is marked poked (its holder advances again on release) and a retry is scheduled for
   * when the lease would expire (in case the holder died); a queue worker also tells the other
   * processes (Engine.poke) so the holder refreshes at once.
   */
  | { status: "busy"; holder: "here" | "elsewhere" }
  | { status: "not_found" }
  | { status: "error"; error: unknown };

const RETRY_AFTER_ERROR_MS = 1000;

export async function advanceRun(runtime: Runtime, runId: string): Promise<AdvanceResult> {
  const local = runtime.active.get(runId);
  if (local) {
    local.poke();
    return { status: "busy", holder: "here" };
  }
  const now = runtime.clock.now();
  const created = runtime.claimed.get(runId);
  if (created) runtime.claimed.delete(runId);
  const claim = created ? { ok: true as const, ...created } : await runtime.store.claim(runId, runtime.owner, iso(now), iso(addMs(now, runtime.leaseMs)));
  if (!claim.ok) {
    if (claim.held_until === null) return { status: "not_found" };
    runtime.scheduler.schedule(runId, { at: addMs(new Date(claim.held_until), 1) });
    return { status: "busy", holder: "elsewhere" };
  }
  const committer = new Committer(runtime, claim.lease);
  let loop: RunLoop | null = null;
  try {
    const { state } = claim;
    const graph = await loadGraph(runtime, state.run);
    if (graph instanceof EngineError) {
      await failUnrunnable(runtime, committer, state.run, graph);
      return { status: "advanced", run_status: "failed", wake_at: null };
    }
    const mem = new RunMemory(state, graph, runtime.newId, () => iso(runtime.clock.now()));
    loop = new RunLoop(runtime, mem, committer);
    runtime.active.set(runId, loop);
    const current = loop;
    committer.startHeartbeat(
      () => current.onLeaseLost(),
      (control) => current.onRemoteControl(control),
    );
    const wakeAt = await loop.run();
    // Out of `active` at once: the lease may already be free (released by the last commit), and
    // a wake-up from now on must start a new advance, not poke this finished loop.
    if (runtime.active.get(runId) === loop) runtime.active.delete(runId);
    if (wakeAt !== null) runtime.scheduler.schedule(runId, { at: new Date(wakeAt) });
    return { status: "advanced", run_status: mem.run.status, wake_at: wakeAt };
  } catch (error) {
    loop?.abortAll();
    runtime.onError(error, runId);
    if (!committer.lost) runtime.scheduler.schedule(runId, { at: addMs(runtime.clock.now(), RETRY_AFTER_ERROR_MS) });
    return { status: "error", error };
  } finally {
    committer.stop();
    if (loop && runtime.active.get(runId) === loop) runtime.active.delete(runId);
    if (!committer.lost) {
      // Normally released by the last commit (finalizeRun); otherwise (nothing left to commit,
      // an error, a cancel, a hand-back) here.
      const released =
        committer.released ??
        (await runtime.store.release(claim.lease).catch((error: unknown) => {
          runtime.onError(error, runId);
          return { poked: false };
        }));
      // Poked while held (a decision, a child finishing, a wake-up refused as busy), poked in this
      // process after the loop's end, or handed back at shutdown: advance again (elsewhere, when
      // this process is stopping).
      if (released.poked || loop?.hasUnhandledSignals || loop?.handedBack) runtime.scheduler.schedule(runId);
    }
  }
}

async function loadGraph(runtime: Runtime, run: RunRecord): Promise<SegmentGraph | EngineError> {
  const found = await runtime.loadSegment(run.segment_id, run.revision);
  if (!found) return new EngineError("segment_not_found", `segment "${run.segment_id}" revision ${run.revision} not found`);
  try {
    return graphOf(found.segment);
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
}

/** A run whose revision is gone or cannot run fails at once (instead of being retried forever). */
async function failUnrunnable(runtime: Runtime, committer: Committer, run: RunRecord, error: EngineError): Promise<void> {
  if (run.status === "completed" || run.status === "failed" || run.status === "cancelled") return;
  const now = iso(runtime.clock.now());
  const runError = { code: error.code, message: error.message };
  await committer.commit({
    run: { status: "failed", error: runError, output: null, wake_at: null, finished_at: now },
    events: [
      {
        event_id: runtime.newId(),
        run_id: run.run_id,
        root_run_id: run.root_run_id,
        segment_id: run.segment_id,
        type: "segment.failed",
        ts: now,
        correlation_id: run.correlation_id,
        payload: { error: runError },
      },
    ],
    nudges: run.parent_run_id ? [{ run_id: run.parent_run_id }] : [],
  });
}
