import type { DraftSaved } from "../../shared/resources/segment-resource";
import type { ServiceContext } from "./context";
import { listingOf, savedDraftOrThrow, toDraftSaved } from "./draft-write";
import { missingRevision } from "./get-revision";

/**
 * Puts a saved revision back into the draft (the draft's base becomes that revision), under the
 * same concurrency check as saveDraft. The revision itself and later ones stay as they are;
 * saving the restored draft makes a new revision.
 */
export async function restoreRevision(
  ctx: ServiceContext,
  input: { segment_id: string; revision: number; expected_version: number },
): Promise<DraftSaved> {
  const row = await ctx.repos.segments.revisionDetail(input.segment_id, input.revision);
  if (!row) throw await missingRevision(ctx, input);
  const result = await ctx.repos.segments.saveDraft({
    id: input.segment_id,
    document: row.document,
    expectedVersion: input.expected_version,
    by: ctx.principal.id,
    listing: listingOf(row.document),
    baseRevision: row.revision,
  });
  return toDraftSaved(input.segment_id, savedDraftOrThrow(input.segment_id, result, ctx.principal));
}
