"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";

export type SegmentOption = { id: string; name: string };

/** Segments to filter by, sorted by name (shares the segment list's cache). */
export function useSegmentOptions() {
  const trpc = useTRPC();
  return useQuery(
    trpc.segments.list.queryOptions(undefined, {
      select: (segments): SegmentOption[] =>
        segments.map((s) => ({ id: s.segment_id, name: s.name })).sort((a, b) => a.name.localeCompare(b.name)),
    }),
  );
}
