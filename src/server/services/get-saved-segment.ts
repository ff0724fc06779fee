import type { ServiceContext } from "./context";
import { AppError, notFound } from "./errors";
import { missingRevision } from "./get-revision";

/** A saved revision of a segment with the segment's own timestamps (REST `GET /segments/{id}`). */
export type SavedSegment = {
  /** The contract JSON of that revision. */
  segment: Record<string, unknown>;
  revision: number;
  latest_revision: number;
  /** When the segment was created and last changed (any revision, rename or draft edit). */
  created_at: string;
  updated_at: string;
  /** When this revision was saved, and by whom. */
  revision_created_at: string;
  revision_created_by: string | null;
};

/**
 * The latest saved revision of a segment, or revision `revision`. A segment that exists only as
 * a draft has nothing to return yet: not_found, saying to save it first.
 */
export async function getSavedSegment(
  ctx: ServiceContext,
  input: { segment_id: string; revision?: number | undefined },
): Promise<SavedSegment> {
  const segment = await ctx.repos.segments.get(input.segment_id);
  if (!segment) throw notFound(`Segment "${input.segment_id}"`);
  if (input.revision === undefined && segment.latest_revision === 0) {
    throw new AppError(
      "not_found",
      `Segment "${input.segment_id}" has no saved revision yet (it is only a draft): save it in the editor or POST it to /api/v1/segments`,
      [{ path: "revision", message: "no saved revision" }],
    );
  }
  const revision = input.revision ?? segment.latest_revision;
  const row = await ctx.repos.segments.revisionDetail(input.segment_id, revision);
  if (!row) throw await missingRevision(ctx, { segment_id: input.segment_id, revision });
  return {
    segment: row.document,
    revision: row.revision,
    latest_revision: segment.latest_revision,
    created_at: segment.created_at,
    updated_at: segment.updated_at,
    revision_created_at: row.created_at,
    revision_created_by: row.created_by,
  };
}
