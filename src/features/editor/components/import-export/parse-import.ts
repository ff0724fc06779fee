/**
 * Reading a segment file to import: JSON syntax first (a clear message with line and
 * column), then the document is read leniently: a file with contract problems still opens
 * (what can be shown is kept) and its problems are reported, never refused blindly.
 */
import type { Segment } from "@/shared/segment";
import { validateSegment, type Problem } from "@/shared/validation";
import { readSegmentDocument } from "../../lib/read-document";
import { findJsonSyntaxError } from "../../lib/json-syntax";

export type ImportFailure = { ok: false; message: string; line?: number; column?: number };

export type PreparedImport = {
  ok: true;
  segment: Segment;
  /** Sentences about what was changed on the way in (the segment id). */
  notices: string[];
  /** The validator's problems of the file as written. */
  fileProblems: Problem[];
};

export function parseJsonText(text: string): { ok: true; value: unknown } | ImportFailure {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const found = findJsonSyntaxError(text);
    if (found) return { ok: false, message: found.message, line: found.line, column: found.column };
    return { ok: false, message: error instanceof Error ? error.message : "This is not valid JSON" };
  }
}

/** Why text cannot be imported at all (syntax, not a segment), or null when it can. */
export function importFailureOf(text: string): ImportFailure | null {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const notSegment = notASegment(parsed.value);
  return notSegment ? { ok: false, message: notSegment } : null;
}

function notASegment(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return "This JSON is not a segment: a segment is an object with steps and edges.";
  }
  if (!("steps" in value) && !("edges" in value) && !("entrypoint" in value)) {
    return "This JSON is not a segment: it has no steps, edges or entrypoint.";
  }
  return null;
}

/** Turns a parsed file into the segment to load in place of the current one. */
export function prepareImport(value: unknown, current: { segment_id: string; name: string }): PreparedImport | ImportFailure {
  const notSegment = notASegment(value);
  if (notSegment) return { ok: false, message: notSegment };
  const doc = value as Record<string, unknown>;
  const notices: string[] = [];
  const fileId = typeof doc.segment_id === "string" ? doc.segment_id : null;
  if (fileId !== current.segment_id) {
    notices.push(
      fileId === null || fileId === ""
        ? `The file has no segment id; it was given this segment's id "${current.segment_id}".`
        : `The file's segment id "${fileId}" was replaced by this segment's id "${current.segment_id}".`,
    );
  }
  const fileProblems = validateSegment({ ...doc, segment_id: current.segment_id }).problems;
  const segment = readSegmentDocument({ ...doc, segment_id: current.segment_id }, current);
  return { ok: true, segment, notices, fileProblems };
}

/**
 * The file's problems that are gone once it is loaded (the lenient reader dropped or fixed
 * what they are about): shown next to the live list, which covers everything else.
 */
export function problemsFixedByLoading(fileProblems: readonly Problem[], loadedProblems: readonly Problem[]): Problem[] {
  const remaining = new Set(loadedProblems.map((p) => `${p.code}\u0000${p.message}`));
  return fileProblems.filter((p) => !remaining.has(`${p.code}\u0000${p.message}`));
}
