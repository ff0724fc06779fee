import type { Segment } from "../../shared/segment";
import type { SavedRevision } from "../../shared/resources/segment-resource";
import { validateSegment, type Problem } from "../../shared/validation";
import { AppError, type ErrorDetail } from "./errors";
import type { ServiceContext } from "./context";

function toDetail(p: Problem): ErrorDetail {
  return {
    code: p.code,
    path: p.path ?? "",
    message: p.message,
    ...(p.step_id ? { step_id: p.step_id } : {}),
  };
}

/**
 * Saves a segment document as a new immutable revision (creating the segment
 * when its id is new). Revisions are what runs execute, so the document must
 * pass the full validation (contract, step catalog, graph, expressions);
 * warnings don't block. An invalid document is refused with every problem and
 * nothing is written.
 */
export async function saveSegmentRevision(ctx: ServiceContext, input: { document: unknown }): Promise<SavedRevision> {
  const result = validateSegment(input.document);
  const errors = result.problems.filter((p) => p.severity === "error");
  if (!result.ok || !result.segment) {
    throw new AppError(
      "invalid_segment",
      `The segment has ${errors.length} problem${errors.length === 1 ? "" : "s"}`,
      errors.map(toDetail),
    );
  }
  const segment: Segment = result.segment;
  const { revision, created } = await ctx.repos.segments.saveRevision({
    id: segment.segment_id,
    name: segment.name,
    description: segment.description ?? null,
    document: segment as unknown as Record<string, unknown>,
    by: ctx.principal.id,
  });
  return { segment_id: segment.segment_id, revision, created };
}
