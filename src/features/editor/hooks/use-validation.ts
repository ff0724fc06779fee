"use client";
/**
 * Runs the shared validator in the browser as the user edits: once at load, then after
 * every document change (the store's `revision`), debounced so typing stays smooth on big
 * segments. The result goes to the store's problems (badges, problems panel).
 */
import { useEffect } from "react";
import { validateSegment } from "@/shared/validation";
import { selectSegment, useEditorStoreApi } from "../store";

export const VALIDATION_DEBOUNCE_MS = 150;

export function useValidation(delayMs: number = VALIDATION_DEBOUNCE_MS): void {
  const editor = useEditorStoreApi();
  useEffect(() => {
    const run = () => {
      const state = editor.getState();
      state.setProblems(validateSegment(selectSegment(state)).problems);
    };
    // The first check waits for the canvas to paint: on a big segment it takes tens of ms.
    const first = setTimeout(run, 0);
    const stop = onDocumentChange(editor, delayMs, run);
    return () => {
      clearTimeout(first);
      stop();
    };
  }, [editor, delayMs]);
}

/** Calls `run` once the document has not changed for `delayMs`; returns the unsubscribe. */
export function onDocumentChange(editor: ReturnType<typeof useEditorStoreApi>, delayMs: number, run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = editor.subscribe((state, previous) => {
    if (state.revision === previous.revision) return;
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  });
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
