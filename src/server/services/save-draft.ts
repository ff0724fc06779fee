import type { DraftSaved } from "../../shared/resources/segment-resource";
import type { ServiceContext } from "./context";
import { checkDocument, listingOf, savedDraftOrThrow, toDraftSaved } from "./draft-write";

/**
 * Autosave: stores the document as the segment's draft, as given (a draft may be invalid),
 * if the draft is still at `expected_version`; otherwise a `conflict` naming the newer
 * version, so a second tab never silently overwrites the first.
 */
export async function saveDraft(
  ctx: ServiceContext,
  input: { segment_id: string; document: unknown; expected_version: number },
): Promise<DraftSaved> {
  const document = checkDocument(input.document);
  const result = await ctx.repos.segments.saveDraft({
    id: input.segment_id,
    document,
    expectedVersion: input.expected_version,
    by: ctx.principal.id,
    listing: listingOf(document),
  });
  return toDraftSaved(input.segment_id, savedDraftOrThrow(input.segment_id, result, ctx.principal));
}
