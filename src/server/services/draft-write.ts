// What every draft write shares (saveDraft, saveRevision, restoreRevision): the document
// checks, the segment columns kept in sync with the draft, and the conflict error.
import { segmentNameSchema, type DraftSaved } from "../../shared/resources/segment-resource";
import type { DraftConflict, DraftState, DraftWriteResult } from "../db/repositories/segment-editing";
import type { Principal } from "../auth/principal";
import { AppError, notFound } from "./errors";

/** Drafts are whole documents written on every autosave: large enough for 1,000+ steps. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

type Json = Record<string, unknown>;

/** A draft may be invalid, but it must be a JSON object of bounded size. */
export function checkDocument(document: unknown): Json {
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    const got = document === null ? "null" : Array.isArray(document) ? "an array" : `a ${typeof document}`;
    throw new AppError("invalid_input", `The segment document must be a JSON object, not ${got}`, [
      { path: "document", message: "must be a JSON object" },
    ]);
  }
  const bytes = Buffer.byteLength(JSON.stringify(document), "utf8");
  if (bytes > MAX_DOCUMENT_BYTES) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    throw new AppError(
      "invalid_input",
      `The segment document is too large (${mb(bytes)} MB; at most ${mb(MAX_DOCUMENT_BYTES)} MB): remove steps or shorten long texts`,
      [{ path: "document", message: "too large" }],
    );
  }
  return document as Json;
}

/**
 * The segment's list columns from the draft: its name when it is a valid name, its
 * description (absent or blank: none). A field being typed (not a string) is left alone.
 */
export function listingOf(document: Json): { name?: string; description?: string | null } {
  const listing: { name?: string; description?: string | null } = {};
  const name = segmentNameSchema.safeParse(document.name);
  if (name.success) listing.name = name.data;
  if (document.description === undefined) listing.description = null;
  else if (typeof document.description === "string") listing.description = document.description.trim() || null;
  return listing;
}

export function toDraftSaved(segmentId: string, draft: DraftState): DraftSaved {
  return { segment_id: segmentId, version: draft.version, updated_at: draft.updated_at };
}

/** "just now", "5 seconds ago", "2 minutes ago", "3 hours ago", "on 2026-11-20 at 14:03 UTC". */
export function timeAgo(then: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} ago`;
  if (seconds < 5) return "just now";
  if (seconds < 60) return plural(seconds, "second");
  if (seconds < 3600) return plural(Math.floor(seconds / 60), "minute");
  if (seconds < 86_400) return plural(Math.floor(seconds / 3600), "hour");
  const iso = then.toISOString();
  return `on ${iso.slice(0, 10)} at ${iso.slice(11, 16)} UTC`;
}

export function draftConflict(current: DraftConflict, principal: Principal, now = new Date()): AppError {
  const who = current.updated_by === principal.id ? "you" : current.updated_by;
  const when = timeAgo(new Date(current.updated_at), now);
  return new AppError(
    "conflict",
    `This segment was changed elsewhere (draft version ${current.version}, saved ${when} by ${who}): reload it or overwrite`,
    [
      {
        code: "draft_conflict",
        path: "expected_version",
        message: `the draft is at version ${current.version}`,
        current_version: current.version,
        updated_at: current.updated_at,
        updated_by: current.updated_by,
      },
    ],
  );
}

/** The error a refused draft write becomes: the segment is gone, or the draft moved on. */
export function refusedDraftWrite(
  segmentId: string,
  result: Exclude<DraftWriteResult, { status: "saved" }>,
  principal: Principal,
): AppError {
  return result.status === "missing" ? notFound(`Segment "${segmentId}"`) : draftConflict(result.current, principal);
}

/** The saved draft, or the error a refused write becomes. */
export function savedDraftOrThrow(segmentId: string, result: DraftWriteResult, principal: Principal): DraftState {
  if (result.status !== "saved") throw refusedDraftWrite(segmentId, result, principal);
  return result.draft;
}
