import { notFound } from "./errors";
import type { ServiceContext } from "./context";

/** Deletes a segment with its revisions, draft and runs. */
export async function deleteSegment(ctx: ServiceContext, input: { segment_id: string }): Promise<void> {
  const deleted = await ctx.repos.segments.delete(input.segment_id);
  if (!deleted) throw notFound(`Segment "${input.segment_id}"`);
}
