import { segmentNameSchema, type SegmentDetail } from "../../shared/resources/segment-resource";
import { notFound } from "./errors";
import type { ServiceContext } from "./context";
import { getSegment } from "./get-segment";

/** Renames a segment (its list name and its draft); saved revisions keep their name. */
export async function renameSegment(
  ctx: ServiceContext,
  input: { segment_id: string; name: string },
): Promise<SegmentDetail> {
  const name = segmentNameSchema.parse(input.name);
  const renamed = await ctx.repos.segments.rename(input.segment_id, name, ctx.principal.id);
  if (!renamed) throw notFound(`Segment "${input.segment_id}"`);
  return getSegment(ctx, input);
}
