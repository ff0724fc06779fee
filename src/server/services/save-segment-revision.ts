import { parseSegment } from "../../shared/segment";
import type { SavedRevision } from "../../shared/resources/segment-resource";
import { AppError } from "./errors";
import type { ServiceContext } from "./context";

/**
 * Saves a contract document as a new immutable revision (creating the segment
 * when its id is new). An invalid document is refused with every problem and
 * nothing is written.
 */
export async function saveSegmentRevision(ctx: ServiceContext, input: { document: unknown }): Promise<SavedRevision> {
  const parsed = parseSegment(input.document);
  if (!parsed.ok) {
    throw new AppError(
      "invalid_segment",
      `The segment has ${parsed.problems.length} problem${parsed.problems.length === 1 ? "" : "s"}`,
      parsed.problems.map((p) => ({
        code: p.code,
        path: p.path,
        message: p.message,
        ...(p.step_id ? { step_id: p.step_id } : {}),
      })),
    );
  }
  const segment = parsed.segment;
  const { revision, created } = await ctx.repos.segments.saveRevision({
    id: segment.segment_id,
    name: segment.name,
    description: segment.description ?? null,
    document: segment as unknown as Record<string, unknown>,
    by: ctx.principal.id,
  });
  return { segment_id: segment.segment_id, revision, created };
}
