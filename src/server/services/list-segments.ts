import type { SegmentSummary } from "../../shared/resources/segment-resource";
import type { ServiceContext } from "./context";

export async function listSegments(ctx: ServiceContext): Promise<SegmentSummary[]> {
  return ctx.repos.segments.list();
}
