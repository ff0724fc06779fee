"use client";
/**
 * "Save" (button, Ctrl/Cmd+S): turns the current document into a new revision. The server
 * writes the draft first, so an invalid document stays saved as a draft and the problems
 * come back instead; the write goes through the saver's queue like every other write.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { useToast } from "@/components/ui/toast";
import type { Problem } from "@/shared/validation";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { SaveBlockedError } from "../components/save-state/draft-saver";
import { useSaveSession } from "../components/save-state/save-state-context";
import { documentJson } from "../lib/document-state";
import { selectSegment, useEditorStoreApi } from "../store";

export function useSaveRevision(): () => Promise<void> {
  const { store, saver, segmentId } = useSaveSession();
  const editor = useEditorStoreApi();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();

  return useCallback(async () => {
    const state = store.getState();
    if (state.savingRevision) return;
    if (saver.currentStatus.kind === "conflict") {
      state.set({ conflictOpen: true });
      return;
    }
    if (state.matchesRevision) {
      void saver.flush();
      toast.success(`Already saved as revision ${state.latestRevision}`, "Nothing changed since then.");
      return;
    }
    state.set({ savingRevision: true });
    try {
      const { result, json } = await saver.exclusive(async (expected_version) => {
        const document = selectSegment(editor.getState());
        const result = await client.segments.saveRevision.mutate({ segment_id: segmentId, document, expected_version });
        return { value: { result, json: documentJson(document) }, version: result.draft.version, saved: document };
      });
      if (result.ok) {
        store.getState().setRevision(result.revision, json);
        toast.success(`Saved as revision ${result.revision}`);
        void Promise.all([
          queryClient.invalidateQueries(trpc.segments.revisions.pathFilter()),
          queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() }),
          // The editor was built from the first load; a refetch only updates what the panels show.
          queryClient.invalidateQueries({ queryKey: trpc.segments.get.queryKey({ segment_id: segmentId }) }),
        ]);
      } else {
        // The server runs the same validator: its list is the one that refused the save.
        editor.getState().setProblems(result.problems as Problem[]);
        store.getState().set({ problemsOpen: true });
        toast.error(`Not saved: ${countErrors(result.problems)}`, "The draft is kept. Fix the problems listed under the canvas, then save again.");
      }
    } catch (error) {
      // A conflict opens its own dialog through the save status.
      if (error instanceof SaveBlockedError && error.kind === "conflict") return;
      toast.error("Could not save a revision", error instanceof Error ? error.message : undefined);
    } finally {
      store.getState().set({ savingRevision: false });
    }
  }, [store, saver, segmentId, editor, client, trpc, queryClient, toast]);
}

/** Ctrl+S / Cmd+S anywhere in the editor (also in text fields), instead of the browser's "Save page". */
export function useSaveShortcut(save: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== "s") return;
      event.preventDefault();
      if (!event.repeat) save();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [save]);
}

export function countErrors(problems: ReadonlyArray<{ severity: string }>): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  return errors === 1 ? "1 error" : `${errors} errors`;
}
