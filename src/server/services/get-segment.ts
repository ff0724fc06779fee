import type { SegmentDetail } from "../../shared/resources/segment-resource";
import { notFound } from "./errors";
import type { ServiceContext } from "./context";

export async function getSegment(ctx: ServiceContext, input: { segment_id: string }): Promise<SegmentDetail> {
  const segment = await ctx.repos.segments.get(input.segment_id);
  if (!segment) throw notFound(`Segment "${input.segment_id}"`);
  return segment;
}
