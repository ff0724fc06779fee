"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/client";

export const PENDING_COUNT_REFRESH_MS = 5_000;

/** How many approvals wait, for the navigation badge: a number, polled every few seconds. */
export function usePendingApprovalCount() {
  const trpc = useTRPC();
  return useQuery(
    trpc.approvals.pendingCount.queryOptions(undefined, {
      refetchInterval: PENDING_COUNT_REFRESH_MS,
      refetchOnWindowFocus: true,
      // A failed poll keeps the last count rather than flashing the badge away.
      retry: false,
    }),
  );
}
