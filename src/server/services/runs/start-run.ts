import type { RunDetail } from "../../../shared/resources/run-detail";
import type { RunServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { engineCall } from "./engine-errors";
import { assertRunsCanStart } from "./queue-admission";

/**
 * Starts a run of a saved revision (the latest unless one is named). The input
 * must match the segment's input_schema; the run proceeds in the background.
 */
export async function startRun(
  ctx: RunServiceContext,
  input: { segment_id: string; revision?: number | undefined; input?: unknown; correlation_id?: string | undefined; timeout_seconds?: number | undefined },
): Promise<RunDetail> {
  assertRunsCanStart();
  // One indexed row, not the segment's detail (documents, run count): this runs on every start.
  const latestRevision = await ctx.repos.segments.latestRevision(input.segment_id);
  if (latestRevision === null) throw notFound(`Segment "${input.segment_id}"`);
  if (latestRevision === 0) {
    // Runs execute saved revisions, never the draft.
    throw new AppError("conflict", `Segment "${input.segment_id}" has no saved revision yet: save it before running it`);
  }
  const run = await engineCall(() =>
    ctx.engine.start({
      segment_id: input.segment_id,
      // Named even when it is the latest: the engine's revision cache then answers without a query.
      revision: input.revision ?? latestRevision,
      input: input.input ?? {},
      ...(input.correlation_id ? { correlation_id: input.correlation_id } : {}),
      ...(input.timeout_seconds === undefined ? {} : { timeout_seconds: input.timeout_seconds }),
      created_by: ctx.principal.id,
    }),
  );
  const detail = await ctx.engine.newRunDetail(run);
  if (!detail) throw notFound(`Run "${run.run_id}"`);
  return detail;
}
