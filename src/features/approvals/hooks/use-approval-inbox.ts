"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";
import type { Approval } from "@/shared/resources/run-detail";
import { fromWire } from "../lib/approval-wire";
import { INBOX_REFRESH_MS, sortForInbox, type InboxTab } from "../inbox/inbox-model";

/** The approvals of one inbox tab, kept fresh (every few seconds and when the window regains focus). */
export function useApprovalInbox(tab: InboxTab) {
  const trpc = useTRPC();
  return useQuery(
    trpc.approvals.list.queryOptions(
      { status: tab },
      {
        refetchInterval: INBOX_REFRESH_MS,
        refetchOnWindowFocus: true,
        select: (list): Approval[] => sortForInbox(list.map(fromWire), tab),
      },
    ),
  );
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
