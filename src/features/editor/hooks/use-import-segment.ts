"use client";
/**
 * Loads a segment file into the editor as one undoable change. A file with problems is
 * loaded anyway and the problems panel opens on them; what loading had to drop or fix is
 * listed there as the import's notes.
 */
import { useCallback, useEffect } from "react";
import { useToast } from "@/components/ui/toast";
import { validateSegment } from "@/shared/validation";
import { parseJsonText, prepareImport, problemsFixedByLoading, type ImportFailure } from "../components/import-export/parse-import";
import { problemCounts } from "../components/problems/problem-target";
import { useSaveSession } from "../components/save-state/save-state-context";
import { documentJson } from "../lib/document-state";
import { selectSegment, useEditorStoreApi } from "../store";
import { onDocumentChange, VALIDATION_DEBOUNCE_MS } from "./use-validation";

/** The import's notes go away when the import is undone (the document is back to before it). */
export function useDropUndoneImportReport(): void {
  const editor = useEditorStoreApi();
  const { store } = useSaveSession();
  useEffect(
    () =>
      onDocumentChange(editor, VALIDATION_DEBOUNCE_MS, () => {
        const report = store.getState().importReport;
        if (report && documentJson(selectSegment(editor.getState())) === report.beforeJson) store.getState().set({ importReport: null });
      }),
    [editor, store],
  );
}

export type ImportOutcome = { ok: true } | ImportFailure;

export function useImportSegment(): (text: string, fileName: string) => ImportOutcome {
  const editor = useEditorStoreApi();
  const { store, segmentId } = useSaveSession();
  const toast = useToast();

  return useCallback(
    (text, fileName) => {
      const parsed = parseJsonText(text);
      if (!parsed.ok) return parsed;
      const prepared = prepareImport(parsed.value, { segment_id: segmentId, name: editor.getState().base.name });
      if (!prepared.ok) return prepared;

      const beforeJson = documentJson(selectSegment(editor.getState()));
      editor.getState().replaceSegment(prepared.segment);
      editor.getState().requestFit();
      // Validated at once (not after the debounce) so the panel opens on the right list.
      const loaded = validateSegment(selectSegment(editor.getState())).problems;
      editor.getState().setProblems(loaded);
      const fixed = problemsFixedByLoading(prepared.fileProblems, loaded);
      const hasNotes = fixed.length > 0 || prepared.notices.length > 0;
      store.getState().set({
        importReport: hasNotes ? { fileName, notices: prepared.notices, problems: fixed, beforeJson } : null,
        problemsOpen: loaded.length > 0 || hasNotes,
        importOpen: false,
      });
      const { summary } = problemCounts(loaded);
      const parts = [summary, fixed.length > 0 ? `${fixed.length} fixed while loading` : null].filter(Boolean);
      toast.success(
        `Imported ${fileName}`,
        parts.length > 0 ? `${parts.join(", ")}: see the problems under the canvas. Ctrl+Z undoes the import.` : "Ctrl+Z undoes the import.",
      );
      return { ok: true };
    },
    [editor, store, segmentId, toast],
  );
}
