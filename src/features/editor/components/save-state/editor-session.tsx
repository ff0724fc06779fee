"use client";
/**
 * Everything the editor does around the document, mounted once next to the editor screen:
 * validation, autosave, Save shortcut, file drop on the canvas, and the dialogs and panels
 * of those flows.
 */
import type { ReactNode } from "react";
import { useCallback } from "react";
import type { SegmentDetail } from "@/shared/resources/segment-resource";
import { useAutosave } from "../../hooks/use-autosave";
import { useCanvasFileDrop } from "../../hooks/use-canvas-file-drop";
import { useDropUndoneImportReport, useImportSegment } from "../../hooks/use-import-segment";
import { useRevisionMatch } from "../../hooks/use-revision-match";
import { useSaveRevision, useSaveShortcut } from "../../hooks/use-save-revision";
import { useValidation } from "../../hooks/use-validation";
import { ImportDialog } from "../import-export/import-dialog";
import { RevisionHistoryPanel } from "../revisions/revision-history-panel";
import { ConflictDialog } from "./conflict-dialog";
import { SaveSessionProvider, useSaveSession } from "./save-state-context";
import { FileJsonIcon } from "./session-icons";

export function EditorSession({ detail, children }: { detail: SegmentDetail; children: ReactNode }) {
  const session = useAutosave(detail);
  useValidation();
  useRevisionMatch(session);
  return (
    <SaveSessionProvider session={session}>
      {children}
      <SessionEffects />
      <ConflictDialog />
      <ImportDialog />
      <RevisionHistoryPanel />
    </SaveSessionProvider>
  );
}

function SessionEffects() {
  const { store } = useSaveSession();
  const save = useSaveRevision();
  const importSegment = useImportSegment();
  useSaveShortcut(save);
  useDropUndoneImportReport();

  const onFile = useCallback(
    (file: File) => {
      void file.text().then((text) => {
        const outcome = importSegment(text, file.name);
        // Not importable as is: the dialog opens on the text with the error, to fix or cancel.
        if (!outcome.ok) store.getState().set({ importOpen: true, importSeed: { text, fileName: file.name } });
      });
    },
    [importSegment, store],
  );
  const dropTarget = useCanvasFileDrop(onFile);

  return dropTarget ? (
    <div
      aria-hidden
      style={dropTarget}
      className="pointer-events-none fixed z-40 flex items-center justify-center border-2 border-dashed border-indigo-400 bg-indigo-50/70 backdrop-blur-[1px]"
    >
      <div className="flex items-center gap-3 rounded-xl bg-white px-5 py-3.5 shadow-lg ring-1 ring-indigo-200">
        <FileJsonIcon className="size-5 text-indigo-600" />
        <div>
          <p className="text-sm font-semibold text-slate-900">Drop to import</p>
          <p className="text-[13px] text-slate-500">The file replaces the canvas; Ctrl+Z undoes it.</p>
        </div>
      </div>
    </div>
  ) : null;
}
