"use client";
/**
 * Restores a saved revision into the draft from the editor: the server copies it into the
 * draft (with the saver's version, so a concurrent edit is a conflict, not an overwrite),
 * then the canvas shows it as one undoable change.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC, useTRPCClient } from "@/trpc/client";
import { useSaveSession } from "../components/save-state/save-state-context";
import { readSegmentDocument } from "../lib/read-document";
import { selectSegment, useEditorStoreApi } from "../store";

export function useRestoreRevision(): (revision: number) => Promise<void> {
  const { saver, segmentId } = useSaveSession();
  const editor = useEditorStoreApi();
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();

  return useCallback(
    async (revision) => {
      // Read first: a failure here changes nothing.
      const saved = await queryClient.fetchQuery(trpc.segments.revision.queryOptions({ segment_id: segmentId, revision }));
      await saver.exclusive(async (expected_version) => {
        const draft = await client.segments.restoreRevision.mutate({ segment_id: segmentId, revision, expected_version });
        const { base } = editor.getState();
        editor.getState().replaceSegment(readSegmentDocument(saved.document, { segment_id: segmentId, name: base.name, description: base.description ?? null }));
        return { value: undefined, version: draft.version, saved: selectSegment(editor.getState()) };
      });
    },
    [saver, segmentId, editor, client, trpc, queryClient],
  );
}
