"use client";
/**
 * Writes the canvas as the next revision through the saver's queue (the server writes the
 * draft first, so an invalid document stays saved as a draft and its problems come back).
 * Shared by Save and by Run, which saves first when the canvas differs from the latest
 * revision. On success the save state learns the revision; on refusal the canvas shows the
 * server's problems. Throws what the saver throws (SaveBlockedError, transport errors).
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Problem } from "@/shared/validation";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { useSaveSession } from "../components/save-state/save-state-context";
import { documentJson } from "../lib/document-state";
import { selectSegment, useEditorStoreApi } from "../store";

export type RevisionWrite = { ok: true; revision: number } | { ok: false; problems: Problem[] };

export function useWriteRevision(): () => Promise<RevisionWrite> {
  const { store, saver, segmentId } = useSaveSession();
  const editor = useEditorStoreApi();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  return useCallback(async () => {
    const { result, json } = await saver.exclusive(async (expected_version) => {
      const document = selectSegment(editor.getState());
      const result = await client.segments.saveRevision.mutate({ segment_id: segmentId, document, expected_version });
      return { value: { result, json: documentJson(document) }, version: result.draft.version, saved: document };
    });
    void Promise.all([
      queryClient.invalidateQueries(trpc.segments.revisions.pathFilter()),
      queryClient.invalidateQueries({ queryKey: trpc.segments.list.queryKey() }),
      // The editor was built from the first load; a refetch only updates what the panels show.
      queryClient.invalidateQueries({ queryKey: trpc.segments.get.queryKey({ segment_id: segmentId }) }),
    ]);
    if (!result.ok) {
      // The server runs the same validator: its list is the one that refused the save.
      const problems = result.problems as Problem[];
      editor.getState().setProblems(problems);
      return { ok: false, problems };
    }
    store.getState().setRevision(result.revision, json);
    return { ok: true, revision: result.revision };
  }, [store, saver, segmentId, editor, client, trpc, queryClient]);
}
