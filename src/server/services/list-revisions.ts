import type { RevisionPage } from "../../shared/resources/segment-resource";
import { diffSegments } from "../../shared/segment/diff";
import type { ServiceContext } from "./context";
import { notFound } from "./errors";

/** Revisions per page of the history (each row loads its document to diff it). */
export const REVISION_PAGE_SIZE = 30;

function stepCount(document: Record<string, unknown>): number {
  return Array.isArray(document.steps) ? document.steps.length : 0;
}

/**
 * A page of saved revisions, newest first (older than revision `cursor` when given), each with what
 * changed since the one before it; `next_cursor` is the cursor of the next (older) page.
 */
export async function listRevisions(
  ctx: ServiceContext,
  input: { segment_id: string; cursor?: number | undefined; limit?: number | undefined },
): Promise<RevisionPage> {
  if (!(await ctx.repos.segments.exists(input.segment_id))) throw notFound(`Segment "${input.segment_id}"`);
  const limit = input.limit ?? REVISION_PAGE_SIZE;
  // One more than shown: the oldest shown revision is diffed against it.
  const rows = await ctx.repos.segments.listRevisions(input.segment_id, limit + 1, input.cursor);
  const shown = rows.slice(0, limit);
  const items = shown.map((row, i) => ({
    revision: row.revision,
    created_at: row.created_at,
    created_by: row.created_by,
    step_count: stepCount(row.document),
    diff: diffSegments(rows[i + 1]?.document ?? null, row.document),
  }));
  const oldest = shown.at(-1);
  return { items, next_cursor: rows.length > limit && oldest ? oldest.revision : null };
}
