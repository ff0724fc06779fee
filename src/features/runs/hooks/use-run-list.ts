"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import type { RunFilters } from "./use-run-filters";

export const RUNS_PAGE_SIZE = 50;

/** Runs, newest first, a page at a time ("Load more" follows next_cursor). */
export function useRunList(filters: RunFilters) {
  const trpc = useTRPC();
  return useInfiniteQuery(
    trpc.runs.list.infiniteQueryOptions(
      {
        limit: RUNS_PAGE_SIZE,
        ...(filters.status ? { status: filters.status } : {}),
        ...(filters.segmentId ? { segment_id: filters.segmentId } : {}),
      },
      { getNextPageParam: (page) => page.next_cursor ?? undefined },
    ),
  );
}
