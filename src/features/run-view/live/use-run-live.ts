"use client";
/**
 * Follows a run over socket.io while mounted and keeps its live state in the react-query cache
 * (`runLiveKey(runId)`, read with `useRunLiveState`). Events that end the run or change its
 * approvals refresh `runs.get` and `approvals.list`.
 */
import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { RunEvent } from "@/shared/events/schema";
import { useTRPC } from "@/trpc/client";
import { createRunLive } from "../lib/run-live-state";
import { followRunIntoCache } from "./live-buffer";
import { configureRunLiveQueries, readRunLive, runLiveKey } from "./run-live-cache";
import type { FollowStatus } from "./socket";

const RUN_FACTS_EVENTS = new Set<RunEvent["type"]>(["segment.completed", "segment.failed", "segment.cancelled", "segment.paused", "segment.resumed"]);
/** A new approval to show: refresh the approvals at once. */
const NEW_APPROVAL_EVENTS = new Set<RunEvent["type"]>(["step.waiting"]);
/**
 * Approvals that ended refresh the list a moment later: right after a decision the server is
 * starting the next step and the page is drawing it, and a refetch then would compete with both
 * (the panel already shows the decision it sent).
 */
const ENDED_APPROVAL_EVENTS = new Set<RunEvent["type"]>(["human.decided", "step.cancelled", "segment.cancelled"]);
const APPROVALS_REFRESH_DELAY_MS = 300;

export type RunLiveConnection = FollowStatus;

/**
 * `stepIds`: the steps of the run's revision if known (they start pending; steps also appear
 * with their first event). Returns the connection's state for the "Live"/"Reconnecting" pill.
 */
export function useRunLive(runId: string, stepIds: readonly string[]): RunLiveConnection {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const [status, setStatus] = useState<FollowStatus>({ kind: "connecting" });

  // An observer that never re-renders this component keeps the cache entry alive while the view is open.
  useQuery({ queryKey: runLiveKey(runId), queryFn: skipToken, staleTime: Infinity, structuralSharing: false, notifyOnChangeProps: [] });

  useEffect(() => {
    configureRunLiveQueries(queryClient);
    if (!readRunLive(queryClient, runId)) queryClient.setQueryData(runLiveKey(runId), createRunLive(runId, stepIds));
    let live = false;
    let approvalsRefresh: ReturnType<typeof setTimeout> | null = null;
    const refreshApprovalsSoon = () => {
      if (approvalsRefresh !== null) return;
      approvalsRefresh = setTimeout(() => {
        approvalsRefresh = null;
        void queryClient.invalidateQueries({ queryKey: trpc.approvals.list.pathKey() });
      }, APPROVALS_REFRESH_DELAY_MS);
    };
    const stop = followRunIntoCache(queryClient, runId, {
      stepIds,
      onStatus: (next) => {
        if (next.kind === "live") live = true;
        setStatus(next);
      },
      onApplied: (types) => {
        // The replay at open is what runs.get already reflects.
        if (!live) return;
        if ([...types].some((t) => RUN_FACTS_EVENTS.has(t))) void queryClient.invalidateQueries({ queryKey: trpc.runs.get.queryKey({ run_id: runId }) });
        if ([...types].some((t) => NEW_APPROVAL_EVENTS.has(t))) void queryClient.invalidateQueries({ queryKey: trpc.approvals.list.pathKey() });
        else if ([...types].some((t) => ENDED_APPROVAL_EVENTS.has(t))) refreshApprovalsSoon();
      },
    });
    return () => {
      stop();
      if (approvalsRefresh !== null) clearTimeout(approvalsRefresh);
    };
    // stepIds only seed a fresh entry: a new array must not restart the subscription.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryClient, runId, trpc]);

  return status;
}
