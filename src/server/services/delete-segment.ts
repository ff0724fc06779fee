import type { Engine } from "../../engine";
import { RUN_STATUSES, type RunStatus } from "../../shared/resources/run-resource";
import type { ServiceContext } from "./context";
import { AppError, notFound, type ErrorDetail } from "./errors";
import { engineCall } from "./runs/engine-errors";

/** Statuses of a run that is not over: deleting its segment would pull it from under its worker. */
const LIVE_STATUSES: readonly RunStatus[] = RUN_STATUSES.filter((s) => !["completed", "failed", "cancelled"].includes(s));

/** How long a forced delete waits for cancelled runs to stop before giving up (nothing deleted). */
export const FORCE_DELETE_WAIT_MS = 15_000;

type LiveRun = { run_id: string; status: RunStatus };

async function liveRuns(ctx: ServiceContext, segmentId: string): Promise<LiveRun[]> {
  const found: LiveRun[] = [];
  for (const status of LIVE_STATUSES) {
    let cursor: string | undefined;
    do {
      const page = await ctx.repos.runs.list({ segmentId, status, limit: 200, ...(cursor ? { cursor } : {}) });
      found.push(...page.items.map((r) => ({ run_id: r.run_id, status: r.status })));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }
  return found;
}

function describeRuns(runs: LiveRun[]): string {
  const byStatus = new Map<RunStatus, number>();
  for (const run of runs) byStatus.set(run.status, (byStatus.get(run.status) ?? 0) + 1);
  return [...byStatus].map(([status, n]) => `${n} ${status}`).join(", ");
}

const runDetails = (runs: LiveRun[]): ErrorDetail[] =>
  runs.map((r) => ({ code: "run_not_finished", path: "runs", message: `run ${r.run_id} is ${r.status}` }));

/**
 * Asks the engine to cancel each live run, then waits until none is live. Runs that appear
 * meanwhile (a parent run of another segment starting a new child of this one) are cancelled too.
 */
async function cancelAndWait(ctx: ServiceContext, engine: Engine, segmentId: string, runs: LiveRun[]): Promise<void> {
  const asked = new Set<string>();
  const deadline = Date.now() + FORCE_DELETE_WAIT_MS;
  let live = runs;
  while (live.length > 0) {
    for (const run of live.filter((r) => !asked.has(r.run_id))) {
      asked.add(run.run_id);
      // A run that finished or is being cancelled meanwhile is what we want anyway.
      await engineCall(() => engine.cancel(run.run_id)).catch((err: unknown) => {
        if (!(err instanceof AppError && (err.code === "conflict" || err.code === "not_found"))) throw err;
      });
    }
    if (Date.now() > deadline) {
      throw new AppError(
        "conflict",
        `Runs of segment "${segmentId}" were asked to cancel but ${live.length} have not stopped yet (${describeRuns(live)}): nothing was deleted, try again in a moment`,
        runDetails(live),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    live = await liveRuns(ctx, segmentId);
  }
}

/**
 * Deletes a segment with its revisions, draft and runs. While runs of it are live (pending,
 * running, waiting or paused) it refuses with a conflict, unless `force`: then it cancels them,
 * waits for them to stop (cancellation reaches their child runs too) and deletes. Nothing is
 * deleted when it refuses.
 */
export async function deleteSegment(
  ctx: ServiceContext & { engine?: Engine },
  input: { segment_id: string; force?: boolean | undefined },
): Promise<void> {
  if (!(await ctx.repos.segments.exists(input.segment_id))) throw notFound(`Segment "${input.segment_id}"`);
  const live = await liveRuns(ctx, input.segment_id);
  if (live.length > 0) {
    if (!input.force || !ctx.engine) {
      throw new AppError(
        "conflict",
        `Segment "${input.segment_id}" has runs that have not finished (${describeRuns(live)}): cancel them first, or force the delete, which cancels them`,
        runDetails(live),
      );
    }
    await cancelAndWait(ctx, ctx.engine, input.segment_id, live);
  }
  const deleted = await ctx.repos.segments.delete(input.segment_id);
  if (!deleted) throw notFound(`Segment "${input.segment_id}"`);
}
