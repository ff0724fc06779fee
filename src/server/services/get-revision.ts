import type { RevisionDocument } from "../../shared/resources/segment-resource";
import type { ServiceContext } from "./context";
import { AppError, notFound } from "./errors";

/** One saved revision, to open read-only. */
export async function getRevision(ctx: ServiceContext, input: { segment_id: string; revision: number }): Promise<RevisionDocument> {
  const row = await ctx.repos.segments.revisionDetail(input.segment_id, input.revision);
  if (row) return { segment_id: input.segment_id, ...row };
  throw await missingRevision(ctx, input);
}

/** Says which is missing: the segment, or this revision of it (and which ones exist). */
export async function missingRevision(ctx: ServiceContext, input: { segment_id: string; revision: number }): Promise<AppError> {
  const segment = await ctx.repos.segments.get(input.segment_id);
  if (!segment) return notFound(`Segment "${input.segment_id}"`);
  const saved =
    segment.latest_revision === 0
      ? "it has no saved revision yet"
      : segment.latest_revision === 1
        ? "it has revision 1 only"
        : `its revisions are 1 to ${segment.latest_revision}`;
  return new AppError("not_found", `Segment "${input.segment_id}" has no revision ${input.revision}: ${saved}`, [
    { path: "revision", message: "unknown revision" },
  ]);
}
