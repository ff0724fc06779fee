import { SEGMENT_ID_MAX_LENGTH, slugify } from "@/shared/segment";

export type PredictedId = { id: string; base: string; taken: boolean };

/**
 * The id the server will give a new segment with this name: its slug, or the
 * slug with -2, -3, … when taken (same rule as the create service; the server
 * has the final word, another user may take the id first).
 */
export function predictSegmentId(name: string, existingIds: ReadonlySet<string>): PredictedId {
  const base = slugify(name);
  if (!existingIds.has(base)) return { id: base, base, taken: false };
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SEGMENT_ID_MAX_LENGTH - suffix.length)}${suffix}`;
    if (!existingIds.has(candidate)) return { id: candidate, base, taken: true };
  }
}
