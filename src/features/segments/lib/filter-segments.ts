import type { SegmentSummary } from "@/shared/resources/segment-resource";

/** Segments whose name or id contains every word of the query (case- and accent-insensitive). */
export function filterSegments(segments: readonly SegmentSummary[], query: string): SegmentSummary[] {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...segments];
  return segments.filter((segment) => {
    const haystack = normalize(`${segment.name} ${segment.segment_id}`);
    return words.every((word) => haystack.includes(word));
  });
}

function normalize(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}
