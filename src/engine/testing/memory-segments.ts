/** MemorySegmentSource: saved revisions in memory (revision numbers 1, 2, ... per segment). */
import { parseSegment, type Segment, type SegmentInput } from "../../shared/segment";
import type { SegmentRevision, SegmentSource } from "../ports";

export class MemorySegmentSource implements SegmentSource {
  readonly #revisions = new Map<string, Segment[]>();

  /** Parses and saves the next revision of a segment; returns its number. */
  add(document: SegmentInput | unknown): number {
    const parsed = parseSegment(document);
    if (!parsed.ok) throw new Error(`invalid segment: ${parsed.problems.map((p) => `${p.path} ${p.message}`).join("; ")}`);
    const list = this.#revisions.get(parsed.segment.segment_id) ?? [];
    list.push(parsed.segment);
    this.#revisions.set(parsed.segment.segment_id, list);
    return list.length;
  }

  async get(segmentId: string, revision?: number): Promise<SegmentRevision | null> {
    const list = this.#revisions.get(segmentId);
    if (!list || list.length === 0) return null;
    const number = revision ?? list.length;
    const segment = list[number - 1];
    return segment ? { segment, revision: number } : null;
  }
}
