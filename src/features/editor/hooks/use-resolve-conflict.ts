"use client";
/**
 * The two ways out of a draft conflict. Both start from a fresh read of the segment, so
 * "keep mine" overwrites exactly the version the user was told about, never a newer one
 * (that would be a new conflict).
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/trpc/client";
import { useSaveSession } from "../components/save-state/save-state-context";
import { draftVersionOf, revisionJsonOf, segmentToOpen } from "../lib/document-state";
import { selectSegment, useEditorStoreApi } from "../store";

export function useResolveConflict() {
  const { store, saver, segmentId } = useSaveSession();
  const editor = useEditorStoreApi();
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  const fetchLatest = useCallback(
    () => queryClient.fetchQuery({ ...trpc.segments.get.queryOptions({ segment_id: segmentId }), staleTime: 0 }),
    [queryClient, trpc, segmentId],
  );

  /** Their document replaces ours (history cleared: undo must not bring ours back by accident). */
  const reloadTheirs = useCallback(async () => {
    const detail = await fetchLatest();
    editor.getState().replaceSegment(segmentToOpen(detail), { resetHistory: true });
    await saver.resolveConflict(draftVersionOf(detail), selectSegment(editor.getState()));
    store.getState().setRevision(detail.latest_revision, revisionJsonOf(detail));
  }, [fetchLatest, editor, saver, store]);

  /** Ours overwrites theirs. False when it could not be written (the status says why). */
  const keepMine = useCallback(async () => {
    const detail = await fetchLatest();
    store.getState().setRevision(detail.latest_revision, revisionJsonOf(detail));
    return saver.resolveConflict(draftVersionOf(detail), null);
  }, [fetchLatest, saver, store]);

  return { reloadTheirs, keepMine };
}
