"use client";
/**
 * The canvas's keyboard shortcuts and clipboard. Keys typed into a field (inputs, textareas,
 * selects, CodeMirror, contenteditable) are never taken, nor keys meant for an open dialog
 * this canvas is not in. Copy/cut/paste use the browser's clipboard events, which need no
 * permission and carry the text across tabs; the last copy is also kept in memory.
 */
import type { XYPosition } from "@xyflow/react";
import { useEffect, useRef, type RefObject } from "react";
import { isGroupNode, isStepNode } from "../lib/flow-convert";
import { useEditorStoreApi, type EditorStore } from "../store";
import { lastCopy, rememberCopy } from "./canvas-clipboard";
import { EDITING_SHORTCUTS, matchShortcut, type ShortcutId } from "./shortcut-keys";

export type CanvasCommands = {
  quickAdd: () => void;
  toggleHelp: () => void;
  fitView: () => void;
  autoLayout: () => void;
  zoomIn: () => void;
  zoomOut: () => void;
  zoomReset: () => void;
  /** Closes the topmost popover; false when none was open. */
  closeOverlay: () => boolean;
  /** Where pasted steps go: the cursor when it is over the canvas. */
  pastePosition: () => XYPosition | undefined;
  /** Tells the user why something did not happen. */
  notify: (message: string) => void;
};

const FIELD_SELECTOR = "input, textarea, select, [contenteditable=''], [contenteditable='true'], .cm-editor";

/** True when the key or clipboard event belongs to a text field or another dialog, not the canvas. */
function notForCanvas(target: EventTarget | null, scope: HTMLElement | null): boolean {
  if (target instanceof Element && target.closest(FIELD_SELECTOR)) return true;
  const dialog = document.querySelector("dialog[open]");
  return dialog !== null && (scope === null || !dialog.contains(scope));
}

const hasTextSelection = () => {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString() !== "";
};

function stepIdsToGroup(store: EditorStore): string[] {
  return store.getState().selectedStepIds();
}

function runStoreShortcut(id: ShortcutId, store: EditorStore, notify: (message: string) => void): boolean {
  const state = store.getState();
  switch (id) {
    case "undo":
      state.undo();
      return true;
    case "redo":
      state.redo();
      return true;
    case "delete":
      state.deleteSelection();
      return true;
    case "duplicate":
      state.duplicateSelection();
      return true;
    case "selectAll":
      state.selectSteps(state.nodes.filter((n) => isStepNode(n) && !n.hidden).map((n) => n.id));
      return true;
    case "group": {
      const ids = stepIdsToGroup(store);
      if (ids.length === 0) {
        notify("Select the steps to group first (Shift-drag or Shift-click).");
        return true;
      }
      const result = state.createGroup(ids);
      if (!result.ok) notify(result.reason);
      return true;
    }
    case "ungroup": {
      const frames = state.nodes.filter((n) => isGroupNode(n) && n.selected);
      const groupIds = new Set(frames.map((f) => (isGroupNode(f) ? f.data.group_id : "")));
      if (groupIds.size === 0) {
        const selected = new Set(state.selectedStepIds());
        for (const node of state.nodes) {
          if (isGroupNode(node) && node.data.memberIds.some((id) => selected.has(id))) groupIds.add(node.data.group_id);
        }
      }
      for (const groupId of groupIds) if (groupId) state.ungroup(groupId);
      return true;
    }
    default:
      return false;
  }
}

export function useEditorShortcuts(scope: RefObject<HTMLElement | null>, commands: CanvasCommands, readOnly: boolean): void {
  const store = useEditorStoreApi();
  const latest = useRef(commands);
  useEffect(() => {
    latest.current = commands;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing || notForCanvas(event.target, scope.current)) return;
      const id = matchShortcut(event);
      if (id === null || (readOnly && EDITING_SHORTCUTS.has(id))) return;
      // Copy, cut and paste run from the clipboard events below.
      if (id === "copy" || id === "cut" || id === "paste") return;
      const run = latest.current;
      switch (id) {
        case "quickAdd":
          run.quickAdd();
          break;
        case "help":
          run.toggleHelp();
          break;
        case "fitView":
          run.fitView();
          break;
        case "autoLayout":
          run.autoLayout();
          break;
        case "zoomIn":
          run.zoomIn();
          break;
        case "zoomOut":
          run.zoomOut();
          break;
        case "zoomReset":
          run.zoomReset();
          break;
        case "escape":
          if (!run.closeOverlay()) store.getState().clearSelection();
          break;
        case "run":
          // The Run button listens for it itself (components/run/use-run-shortcut.ts).
          return;
        default:
          if (!runStoreShortcut(id, store, run.notify)) return;
      }
      event.preventDefault();
    };

    const onCopy = (event: ClipboardEvent, cut: boolean) => {
      if (notForCanvas(event.target, scope.current) || hasTextSelection()) return;
      if (cut && readOnly) return;
      const text = store.getState().copySelection();
      if (text === null) return;
      event.clipboardData?.setData("text/plain", text);
      event.preventDefault();
      rememberCopy(text, { writeSystem: false });
      if (cut) store.getState().deleteSelection();
    };

    const onPaste = (event: ClipboardEvent) => {
      if (readOnly || notForCanvas(event.target, scope.current)) return;
      const text = event.clipboardData?.getData("text/plain") || lastCopy();
      if (!text) return;
      event.preventDefault();
      const result = store.getState().paste(text, latest.current.pastePosition());
      if (!result.ok) latest.current.notify(result.reason);
    };

    const copy = (event: ClipboardEvent) => onCopy(event, false);
    const cut = (event: ClipboardEvent) => onCopy(event, true);
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("copy", copy);
    document.addEventListener("cut", cut);
    document.addEventListener("paste", onPaste);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("copy", copy);
      document.removeEventListener("cut", cut);
      document.removeEventListener("paste", onPaste);
    };
  }, [readOnly, scope, store]);
}
