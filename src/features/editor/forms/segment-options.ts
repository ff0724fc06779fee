/**
 * The segment picker's logic (subsegment / map `segment_id`): which saved segments it lists
 * for what is typed, and what it says about the id in the field. Pure, for the widget and tests.
 */
import type { SegmentSummary } from "@/shared/resources/segment-resource";

export type SegmentChoice = Pick<SegmentSummary, "segment_id" | "name" | "latest_revision">;

const normalize = (text: string) => text.toLowerCase().replace(/[_-]+/g, " ").trim();

/**
 * The segments to offer: all but the one being edited (a segment cannot run itself), those
 * matching every word of the query in their name or id, the closest first: the exact id,
 * then name or id starting with the query, then the rest in list order (newest first).
 */
export function segmentChoices(list: readonly SegmentChoice[], query: string, exceptId?: string): SegmentChoice[] {
  const others = list.filter((s) => s.segment_id !== exceptId);
  const wanted = normalize(query);
  if (wanted === "") return others;
  const words = wanted.split(/\s+/);
  const rank = (s: SegmentChoice): number | null => {
    const id = normalize(s.segment_id);
    const name = normalize(s.name);
    if (!words.every((w) => id.includes(w) || name.includes(w))) return null;
    if (s.segment_id === query.trim()) return 0;
    if (id.startsWith(wanted) || name.startsWith(wanted)) return 1;
    return 2;
  };
  return others
    .map((segment, order) => ({ segment, order, rank: rank(segment) }))
    .filter((x): x is { segment: SegmentChoice; order: number; rank: number } => x.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((x) => x.segment);
}

/** What the picker says under the field about the id in it. */
export type SegmentIdStatus =
  /** Nothing typed, or the list is not loaded yet: nothing to say. */
  | { kind: "none" }
  /** A saved segment with a revision the step can run. */
  | { kind: "saved"; segment: SegmentChoice }
  /** The segment exists but no revision was saved yet: a run would find nothing to run. */
  | { kind: "no-revision"; segment: SegmentChoice }
  /** No segment has this id (yet): allowed, to wire a child that is written later. */
  | { kind: "unsaved"; id: string }
  /** The segment being edited: the validator reports it under the field. */
  | { kind: "self" };

export function segmentIdStatus(id: string | undefined, list: readonly SegmentChoice[] | undefined, selfId?: string): SegmentIdStatus {
  const value = id?.trim() ?? "";
  if (value === "" || !list) return { kind: "none" };
  if (value === selfId) return { kind: "self" };
  const segment = list.find((s) => s.segment_id === value);
  if (!segment) return { kind: "unsaved", id: value };
  return segment.latest_revision > 0 ? { kind: "saved", segment } : { kind: "no-revision", segment };
}

/** The warning line for a status, or null when there is nothing to warn about. */
export function segmentIdWarning(status: SegmentIdStatus): string | null {
  switch (status.kind) {
    case "unsaved":
      return `Not saved yet: no segment has the id “${status.id}”. Save one with this id before running this step.`;
    case "no-revision":
      return `“${status.segment.name}” has no saved revision yet: save it before running this step.`;
    default:
      return null;
  }
}
