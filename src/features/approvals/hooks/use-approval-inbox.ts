"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import type { Approval } from "@/shared/resources/run-detail";
import { fromWire } from "../lib/approval-wire";
import { INBOX_REFRESH_MS, sortForInbox, type InboxTab } from "../inbox/inbox-model";

/**
 * The first `limit` approvals of one inbox tab (pending: the longest waiting; decided tabs: the
 * newest), kept fresh (every few seconds and when the window regains focus). `hasMore`: the
 * page is full, "Show more" asks for a bigger one.
 */
export function useApprovalInbox(tab: InboxTab, limit: number) {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.approvals.list.queryOptions(
      { status: tab, limit, ...(tab === "pending" ? {} : { newest_first: true }) },
      {
        refetchInterval: INBOX_REFRESH_MS,
        refetchOnWindowFocus: true,
        // "Show more" keeps the rows on screen while the bigger page loads.
        placeholderData: keepPreviousData,
        select: (list): Approval[] => sortForInbox(list.map(fromWire), tab),
      },
    ),
  );
  return { ...query, hasMore: (query.data?.length ?? 0) >= limit };
}

/** Segment names by id, for the inbox's Segment column (shares the segment list's cache). */
export function useSegmentNames() {
  const trpc = useTRPC();
  return useQuery(
    trpc.segments.list.queryOptions(undefined, {
      select: (segments) => new Map(segments.map((s) => [s.segment_id, s.name])),
    }),
  );
}
