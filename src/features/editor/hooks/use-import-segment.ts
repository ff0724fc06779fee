"use client";
/**
 * Loads a segment file into the editor as one undoable change. A file with problems is
 * loaded anyway and the problems panel opens on them; what loading had to drop or fix is
 * listed there as the import's notes.
 */
import { useCallback } from "react";
import { useToast } from "@/components/ui/toast";
import { validateSegment } from "@/shared/validation";
import { parseJsonText, prepareImport, problemsFixedByLoading, type ImportFailure } from "../components/import-export/parse-import";
import { problemCounts } from "../components/problems/problem-target";
import { useSaveSession } from "../components/save-state/save-state-context";
import { selectSegment, useEditorStoreApi } from "../store";

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

      editor.getState().replaceSegment(prepared.segment);
      // Validated at once (not after the debounce) so the panel opens on the right list.
      const loaded = validateSegment(selectSegment(editor.getState())).problems;
      editor.getState().setProblems(loaded);
      const fixed = problemsFixedByLoading(prepared.fileProblems, loaded);
      const hasNotes = fixed.length > 0 || prepared.notices.length > 0;
      store.getState().set({
        importReport: hasNotes ? { fileName, notices: prepared.notices, problems: fixed } : null,
        problemsOpen: loaded.length > 0 || hasNotes,
        importOpen: false,
      });
      const { summary } = problemCounts([...loaded, ...fixed]);
      toast.success(`Imported ${fileName}`, summary ? `${summary}: see the problems under the canvas. Ctrl+Z undoes the import.` : "Ctrl+Z undoes the import.");
      return { ok: true };
    },
    [editor, store, segmentId, toast],
  );
}
