import type { SaveRevisionResult } from "../../shared/resources/segment-resource";
import { validateSegment, type Problem } from "../../shared/validation";
import type { ServiceContext } from "./context";
import { checkDocument, listingOf, refusedDraftWrite, savedDraftOrThrow, toDraftSaved } from "./draft-write";
import { AppError } from "./errors";

type ResultProblem = Extract<SaveRevisionResult, { ok: false }>["problems"][number];

function toResultProblem(p: Problem): ResultProblem {
  return {
    code: p.code,
    message: p.message,
    severity: p.severity,
    ...(p.step_id === undefined ? {} : { step_id: p.step_id }),
    ...(p.edge === undefined ? {} : { edge: p.edge }),
    ...(p.path === undefined ? {} : { path: p.path }),
  };
}

/**
 * The editor's Save: writes the draft (as saveDraft, same conflict rules), then turns it into
 * the next immutable revision if it passes the full validation. An invalid draft stays a
 * draft and the problems come back as a value (the editor lists them); an unchanged document
 * makes no new revision.
 */
export async function saveDraftRevision(
  ctx: ServiceContext,
  input: { segment_id: string; document: unknown; expected_version: number },
): Promise<SaveRevisionResult> {
  const document = checkDocument(input.document);
  // Refused before anything is written: a revision always belongs to the segment it is saved in.
  if (typeof document.segment_id === "string" && document.segment_id !== input.segment_id) {
    throw new AppError(
      "invalid_input",
      `The document's segment_id is "${document.segment_id}" but it is being saved in segment "${input.segment_id}": set segment_id to "${input.segment_id}"`,
      [{ path: "document.segment_id", message: `must be "${input.segment_id}"` }],
    );
  }
  const write = {
    id: input.segment_id,
    document,
    expectedVersion: input.expected_version,
    by: ctx.principal.id,
    listing: listingOf(document),
  };
  const validation = validateSegment(document);
  if (!validation.ok || !validation.segment) {
    const written = await ctx.repos.segments.saveDraft(write);
    const draft = savedDraftOrThrow(input.segment_id, written, ctx.principal);
    return { ok: false, draft: toDraftSaved(input.segment_id, draft), problems: validation.problems.map(toResultProblem) };
  }
  const saved = await ctx.repos.segments.saveDraftAsRevision({
    ...write,
    revisionDocument: validation.segment as unknown as Record<string, unknown>,
  });
  if (saved.status !== "saved") throw refusedDraftWrite(input.segment_id, saved, ctx.principal);
  return { ok: true, revision: saved.revision, draft: toDraftSaved(input.segment_id, saved.draft) };
}
