import type { RevisionSummary } from "../../shared/resources/segment-resource";
import { diffSegments } from "../../shared/segment/diff";
import type { ServiceContext } from "./context";
import { notFound } from "./errors";

/** The history shows at most this many revisions (the newest). */
export const REVISION_HISTORY_LIMIT = 200;

function stepCount(document: Record<string, unknown>): number {
  return Array.isArray(document.steps) ? document.steps.length : 0;
}

/** Saved revisions, newest first, each with what changed since the one before it. */
export async function listRevisions(ctx: ServiceContext, input: { segment_id: string }): Promise<RevisionSummary[]> {
  if (!(await ctx.repos.segments.exists(input.segment_id))) throw notFound(`Segment "${input.segment_id}"`);
  // One more than shown: the oldest shown revision is diffed against it.
  const rows = await ctx.repos.segments.listRevisions(input.segment_id, REVISION_HISTORY_LIMIT + 1);
  return rows.slice(0, REVISION_HISTORY_LIMIT).map((row, i) => ({
    revision: row.revision,
    created_at: row.created_at,
    created_by: row.created_by,
    step_count: stepCount(row.document),
    diff: diffSegments(rows[i + 1]?.document ?? null, row.document),
  }));
}
