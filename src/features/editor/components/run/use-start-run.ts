"use client";
/**
 * Starts a run from the editor: saves the draft as the next revision first when the canvas
 * differs from the latest one (through the saver's queue, like Save), then `runs.start` on
 * exactly the revision the canvas is. If the save fails, no run is started.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { useWriteRevision } from "../../hooks/use-write-revision";
import { documentJson } from "../../lib/document-state";
import { selectSegment, useEditorStoreApi } from "../../store";
import { SaveBlockedError } from "../save-state/draft-saver";
import { useSaveSession } from "../save-state/save-state-context";
import { describeRefusedRevision, describeSaveError, describeStartError, type RunFailure } from "./run-errors";
import { planRun, type RunPlan } from "./run-plan";

export type StartPhase = "saving" | "starting";

export type StartOutcome =
  | { ok: true; runId: string; revision: number }
  /** `savedRevision`: the draft was saved as this revision before the start failed. */
  | { ok: false; failure: RunFailure; savedRevision?: number };

/** The plan for the canvas as it is now (not the debounced `matchesRevision`). */
export function useCurrentRunPlan(): () => RunPlan {
  const { store } = useSaveSession();
  const editor = useEditorStoreApi();
  return useCallback(() => {
    const { latestRevision, revisionJson } = store.getState();
    return planRun({ latestRevision, revisionJson, documentJson: documentJson(selectSegment(editor.getState())) });
  }, [store, editor]);
}

export function useStartRun(): (input: unknown, onPhase: (phase: StartPhase) => void) => Promise<StartOutcome> {
  const { store, segmentId } = useSaveSession();
  const writeRevision = useWriteRevision();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const currentPlan = useCurrentRunPlan();

  const saveRevision = useCallback(async (): Promise<{ ok: true; revision: number } | { ok: false; failure: RunFailure }> => {
    if (store.getState().savingRevision) return { ok: false, failure: { title: "A save is in progress: wait for it, then run again.", details: [] } };
    store.getState().set({ savingRevision: true });
    try {
      const written = await writeRevision();
      return written.ok ? written : { ok: false, failure: describeRefusedRevision(written.problems) };
    } catch (error) {
      if (error instanceof SaveBlockedError) return { ok: false, failure: describeSaveError(error) };
      return { ok: false, failure: describeSaveError({ kind: "rejected", message: error instanceof Error ? error.message : "Something went wrong." }) };
    } finally {
      store.getState().set({ savingRevision: false });
    }
  }, [store, writeRevision]);

  return useCallback(
    async (input, onPhase) => {
      const plan = currentPlan();
      let revision = plan.revision;
      if (plan.save) {
        onPhase("saving");
        const saved = await saveRevision();
        if (!saved.ok) return saved;
        revision = saved.revision;
      }
      onPhase("starting");
      try {
        // The revision is named: another tab saving meanwhile must not change what runs.
        const run = await client.runs.start.mutate({ segment_id: segmentId, revision, input });
        void Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() }),
        ]);
        return { ok: true, runId: run.run_id, revision };
      } catch (error) {
        return { ok: false, failure: describeStartError(error), ...(plan.save ? { savedRevision: revision } : {}) };
      }
    },
    [currentPlan, saveRevision, client, segmentId, queryClient, trpc],
  );
}
