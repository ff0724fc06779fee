"use client";
/**
 * Starts the editor's save session: every document change (the store's `revision`) is
 * written to the draft after a short pause, when the tab is hidden, and when the editor
 * closes. See DraftSaver for the queueing, retry and conflict rules.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { SegmentDetail } from "@/shared/resources/segment-resource";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { classifySaveError } from "../components/save-state/classify-error";
import { DraftSaver, type SaveStatus } from "../components/save-state/draft-saver";
import type { SaveSession } from "../components/save-state/save-state-context";
import { createSaveStateStore } from "../components/save-state/save-state-store";
import { draftVersionOf, revisionJsonOf } from "../lib/document-state";
import { selectSegment, useEditorStoreApi } from "../store";

export function useAutosave(detail: SegmentDetail): SaveSession {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const editor = useEditorStoreApi();

  // Created once per editor from what was loaded first, like the editor store.
  const [session] = useState<SaveSession>(() => {
    const initialStatus: SaveStatus = detail.draft ? { kind: "saved", at: Date.parse(detail.draft.updated_at) } : { kind: "idle" };
    const store = createSaveStateStore({ status: initialStatus, latestRevision: detail.latest_revision, revisionJson: revisionJsonOf(detail) });
    const segmentId = detail.segment_id;
    const saver = new DraftSaver({
      version: draftVersionOf(detail),
      initialStatus,
      readDocument: () => selectSegment(editor.getState()),
      send: (document, expected_version) => client.segments.saveDraft.mutate({ segment_id: segmentId, document, expected_version }),
      classify: classifySaveError,
      onStatus: (status) => store.getState().setStatus(status),
    });
    return { store, saver, segmentId };
  });

  useEffect(() => {
    const { saver, segmentId } = session;
    const unsubscribe = editor.subscribe((state, previous) => {
      if (state.revision !== previous.revision) saver.schedule();
    });
    const flushWhenHidden = () => {
      if (document.visibilityState === "hidden") void saver.flush();
    };
    const retryWhenOnline = () => {
      if (saver.currentStatus.kind === "offline") void saver.flush();
    };
    // The browser's own "Leave site?" prompt, only while something is not written yet.
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (!saver.hasUnsavedChanges()) return;
      void saver.flush();
      event.preventDefault();
    };
    document.addEventListener("visibilitychange", flushWhenHidden);
    window.addEventListener("online", retryWhenOnline);
    window.addEventListener("beforeunload", warnBeforeLeaving);
    return () => {
      unsubscribe();
      document.removeEventListener("visibilitychange", flushWhenHidden);
      window.removeEventListener("online", retryWhenOnline);
      window.removeEventListener("beforeunload", warnBeforeLeaving);
      // Leaving the editor inside the app: write what is pending, then drop the cached
      // detail so the next visit loads the draft as it is now (not the version we started from).
      // (A remount, e.g. React's dev double effects, still observes the query: keep it then.)
      void saver.flush().finally(() => {
        const queryKey = trpc.segments.get.queryKey({ segment_id: segmentId });
        if ((queryClient.getQueryCache().find({ queryKey, exact: true })?.getObserversCount() ?? 0) === 0) {
          queryClient.removeQueries({ queryKey, exact: true });
        }
        void queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() });
      });
    };
  }, [editor, session, queryClient, trpc]);

  return session;
}
