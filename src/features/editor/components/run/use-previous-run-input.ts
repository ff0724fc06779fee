"use client";
/**
 * The input of this segment's latest run started by hand (not a child run of another
 * segment), to prefill the run dialog. Fetched while the dialog is open.
 */
import { useQuery } from "@tanstack/react-query";
import { useTRPCClient } from "@/trpc/client";

/** A few recent runs are enough to find one that is not a child run. */
const RUNS_LISTED = 10;

export type PreviousRunInput = { run_id: string; created_at: string; input: unknown };

export function usePreviousRunInput(segmentId: string, enabled: boolean) {
  const client = useTRPCClient();
  return useQuery({
    queryKey: ["editor", "previous-run-input", segmentId],
    queryFn: async (): Promise<PreviousRunInput | null> => {
      const page = await client.runs.list.query({ segment_id: segmentId, limit: RUNS_LISTED });
      const latest = page.items.find((run) => run.run_id === run.root_run_id);
      if (!latest) return null;
      const run = await client.runs.get.query({ run_id: latest.run_id });
      return { run_id: run.run_id, created_at: run.created_at, input: run.input };
    },
    enabled,
    // Each opening asks again: a run started elsewhere a minute ago is the one to repeat.
    staleTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
