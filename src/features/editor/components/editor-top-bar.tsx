"use client";
/**
 * The editor's top bar: back to the list, the segment's name (rename in place) and id, its
 * revision, the draft's save status, Save (Ctrl/Cmd+S), Run (Ctrl/Cmd+Enter) and the "⋯"
 * menu. Undo/redo live on the canvas toolbar.
 */
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Menu } from "@/components/ui/menu";
import type { SegmentDetail } from "@/shared/resources/segment-resource";
import { useSaveRevision } from "../hooks/use-save-revision";
import { selectSegment, useEditorStore, useEditorStoreApi } from "../store";
import { downloadSegment } from "./import-export/export-segment";
import { RunButton } from "./run/run-button";
import { useSaveSession, useSaveState } from "./save-state/save-state-context";
import { SaveStatusIndicator } from "./save-state/save-status";
import { SegmentTitle } from "./save-state/segment-title";
import { CheckIcon, DownloadIcon, HistoryIcon, SlidersIcon, UploadIcon } from "./save-state/session-icons";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const SAVE_SHORTCUT = isMac ? "⌘S" : "Ctrl+S";

/** `_props.detail`: kept for the editor screen's call; the session holds what is current. */
export function EditorTopBar(_props: { detail: SegmentDetail }) {
  const segmentId = useEditorStore((s) => s.base.segment_id);
  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-slate-200 bg-white px-3" data-testid="editor-top-bar">
      <Link href="/" className={buttonClasses({ variant: "ghost", size: "sm", className: "text-slate-600" })}>
        <span aria-hidden>←</span> Segments
      </Link>
      <span className="h-6 w-px bg-slate-200" aria-hidden />
      <div className="flex min-w-0 items-center gap-2.5">
        <SegmentTitle />
        <code className="truncate font-mono text-xs text-slate-500" title="Segment id">
          {segmentId}
        </code>
        <RevisionBadges />
      </div>
      <div className="ml-auto flex shrink-0 items-center gap-2">
        <SaveStatusIndicator />
        <SaveButton />
        <RunButton />
        <MoreMenu />
      </div>
    </header>
  );
}

function RevisionBadges() {
  const latest = useSaveState((s) => s.latestRevision);
  const matches = useSaveState((s) => s.matchesRevision);
  if (latest === 0) {
    return (
      <Badge tone="gray" title="Edits are kept in a draft; runs need a revision: Save (Ctrl+S) makes revision 1">
        no revision yet
      </Badge>
    );
  }
  return (
    <span className="flex shrink-0 items-center gap-1.5" data-testid="revision-badge">
      <Badge tone="slate" title={`Latest saved revision: ${latest}`}>
        rev {latest}
      </Badge>
      {matches ? null : (
        <Badge tone="amber" dot title={`The draft has changes that are not in revision ${latest}`}>
          Draft
        </Badge>
      )}
    </span>
  );
}

function SaveButton() {
  const save = useSaveRevision();
  const saving = useSaveState((s) => s.savingRevision);
  const matches = useSaveState((s) => s.matchesRevision);
  const latest = useSaveState((s) => s.latestRevision);
  if (matches && !saving) {
    return (
      <Button size="sm" disabled icon={<CheckIcon className="size-3.5" />} title={`The canvas is revision ${latest}: nothing to save`}>
        Saved
      </Button>
    );
  }
  return (
    <Button
      size="sm"
      variant="primary"
      loading={saving}
      onClick={() => void save()}
      title={`Save the draft as revision ${latest + 1} (${SAVE_SHORTCUT})`}
      aria-keyshortcuts={isMac ? "Meta+S" : "Control+S"}
    >
      Save
      <kbd className="-mr-0.5 rounded bg-white/15 px-1 font-sans text-[11px] font-medium text-indigo-50">{SAVE_SHORTCUT}</kbd>
    </Button>
  );
}

function MoreMenu() {
  const { store } = useSaveSession();
  const editor = useEditorStoreApi();
  return (
    <Menu
      label="Segment actions"
      items={[
        { label: "Export JSON", icon: <DownloadIcon />, onSelect: () => downloadSegment(selectSegment(editor.getState())) },
        { label: "Import JSON…", icon: <UploadIcon />, onSelect: () => store.getState().set({ importOpen: true, importSeed: null }) },
        { label: "Revision history", icon: <HistoryIcon />, onSelect: () => store.getState().set({ historyOpen: true }) },
        // The inspector shows the segment's settings when nothing is selected.
        { label: "Segment settings", icon: <SlidersIcon />, onSelect: () => editor.getState().clearSelection() },
      ]}
    />
  );
}
