// The engine reads saved revisions through this port. Revisions are validated
// when saved, so parsing here only types the stored JSON (and guards against a
// row edited by hand).
import type { SegmentSource } from "../../engine";
import { parseSegment } from "../../shared/segment";
import type { Repositories } from "../db/repositories";

export function databaseSegmentSource(repos: Repositories): SegmentSource {
  return {
    async get(segmentId, revision) {
      const found = await repos.segments.findRevision(segmentId, revision);
      if (!found) return null;
      const parsed = parseSegment(found.document);
      if (!parsed.ok) {
        throw new Error(`stored revision ${found.revision} of "${segmentId}" is not a valid segment: ${parsed.problems[0]?.message}`);
      }
      return { segment: parsed.segment, revision: found.revision };
    },
  };
}
