"use client";
/**
 * Keeps the session's `matchesRevision` true exactly when the editor's document equals the
 * latest revision, so "Save" can say "Saved" instead of offering an empty revision.
 */
import { useEffect } from "react";
import type { SaveSession } from "../components/save-state/save-state-context";
import { documentJson } from "../lib/document-state";
import { selectSegment, useEditorStoreApi } from "../store";
import { onDocumentChange, VALIDATION_DEBOUNCE_MS } from "./use-validation";

export function useRevisionMatch(session: SaveSession): void {
  const editor = useEditorStoreApi();
  useEffect(() => {
    const { store } = session;
    const compare = () => {
      const { revisionJson, matchesRevision, set } = store.getState();
      const matches = revisionJson !== null && documentJson(selectSegment(editor.getState())) === revisionJson;
      if (matches !== matchesRevision) set({ matchesRevision: matches });
    };
    const first = setTimeout(compare, 0);
    const stopWatchingDocument = onDocumentChange(editor, VALIDATION_DEBOUNCE_MS, compare);
    const stopWatchingRevision = store.subscribe((state, previous) => {
      if (state.revisionJson !== previous.revisionJson) compare();
    });
    return () => {
      clearTimeout(first);
      stopWatchingDocument();
      stopWatchingRevision();
    };
  }, [editor, session]);
}
