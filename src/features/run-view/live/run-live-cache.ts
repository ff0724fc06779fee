"use client";
/**
 * The run's live state lives in the react-query cache under `runLiveKey(runId)` (server state;
 * socket events patch it). Components read slices with `useRunLiveState(runId, select)`: it
 * re-renders only when the selected value changes, so a card reading its own step skips the
 * events of the 499 others.
 */
import { hashKey, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useSyncExternalStore } from "react";
import { createRunLive, type RunLive } from "../lib/run-live-state";

export const RUN_LIVE_SCOPE = ["run-view", "live"] as const;

export const runLiveKey = (runId: string) => [...RUN_LIVE_SCOPE, runId] as const;

/**
 * The cache holds one big immutable object per run: structural sharing would deep-compare
 * 10,000 events and multi-MB outputs on every write for nothing.
 */
export function configureRunLiveQueries(queryClient: QueryClient): void {
  queryClient.setQueryDefaults(RUN_LIVE_SCOPE, { structuralSharing: false, staleTime: Infinity, gcTime: 60_000 });
}

const empty = new Map<string, RunLive>();

/** What a reader sees before the view has seeded the cache: the run with no events. */
function emptyRun(runId: string): RunLive {
  let state = empty.get(runId);
  if (!state) {
    state = createRunLive(runId, []);
    empty.set(runId, state);
  }
  return state;
}

export function readRunLive(queryClient: QueryClient, runId: string): RunLive | undefined {
  return queryClient.getQueryCache().get<RunLive>(hashKey(runLiveKey(runId)))?.state.data;
}

/** One cache subscription per client, fanned out to the readers of each run. */
const listenersByClient = new WeakMap<QueryClient, Map<string, Set<() => void>>>();

function subscribeRun(queryClient: QueryClient, runId: string, listener: () => void): () => void {
  let byHash = listenersByClient.get(queryClient);
  if (!byHash) {
    const map = new Map<string, Set<() => void>>();
    byHash = map;
    listenersByClient.set(queryClient, map);
    queryClient.getQueryCache().subscribe((event) => {
      const listeners = map.get(event.query.queryHash);
      if (listeners) for (const notify of [...listeners]) notify();
    });
  }
  const hash = hashKey(runLiveKey(runId));
  let listeners = byHash.get(hash);
  if (!listeners) byHash.set(hash, (listeners = new Set()));
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

type Memo<T> = { data: RunLive; select: (state: RunLive) => T; value: T };

/**
 * A slice of the run's live state. `select` should return something stable (a step object,
 * a string, a number); give `equal` when it builds a new value each time.
 */
export function useRunLiveState<T>(runId: string, select: (state: RunLive) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const queryClient = useQueryClient();
  const memo = useRef<Memo<T> | null>(null);
  const subscribe = useCallback((listener: () => void) => subscribeRun(queryClient, runId, listener), [queryClient, runId]);
  const snapshot = () => {
    const data = readRunLive(queryClient, runId) ?? emptyRun(runId);
    const last = memo.current;
    if (last && last.data === data && last.select === select) return last.value;
    const value = select(data);
    const kept = last && equal(last.value, value) ? last.value : value;
    memo.current = { data, select, value: kept };
    return kept;
  };
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
