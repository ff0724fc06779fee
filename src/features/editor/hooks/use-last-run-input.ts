"use client";
/**
 * The newest run of this segment in which the step finished, as sample data for the Try
 * panel. Looks at a few recent runs only: older data is rarely what the user wants.
 */
import { useQuery } from "@tanstack/react-query";
import { useTRPCClient } from "@/trpc/client";
import { sampleFromRun, type TrySample } from "../components/try-step/sample-from-run";
import { selectSegment, useEditorStoreApi } from "../store";

const RUNS_LISTED = 10;
const RUNS_OPENED = 5;

export type LastRunSample = TrySample & { run_id: string; created_at: string };

export function useLastRunInput(segmentId: string, stepId: string) {
  const client = useTRPCClient();
  const editor = useEditorStoreApi();
  return useQuery({
    queryKey: ["editor", "try-sample", segmentId, stepId],
    queryFn: async (): Promise<LastRunSample | null> => {
      const page = await client.runs.list.query({ segment_id: segmentId, limit: RUNS_LISTED });
      const started = page.items.filter((run) => run.started_at !== null).slice(0, RUNS_OPENED);
      for (const summary of started) {
        const run = await client.runs.get.query({ run_id: summary.run_id });
        const sample = sampleFromRun(run, stepId, selectSegment(editor.getState()));
        if (sample) return { ...sample, run_id: run.run_id, created_at: run.created_at };
      }
      return null;
    },
    staleTime: 60_000,
    retry: false,
  });
}
