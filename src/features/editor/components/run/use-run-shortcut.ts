"use client";
/**
 * Ctrl/Cmd+Enter anywhere in the editor, text fields included (as Ctrl+S saves from them):
 * opens the run flow, or starts the run when the run dialog is the open one. Listens in the
 * capture phase so a code editor does not also take the key (CodeMirror inserts a line).
 * Keys meant for another open dialog are left alone.
 */
import { useEffect, useRef } from "react";
import { matchShortcut } from "../../hooks/shortcut-keys";

export const RUN_DIALOG_ATTR = "data-run-dialog";

export function useRunShortcut(handlers: { open: () => void; submit: () => void }): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || matchShortcut(event) !== "run") return;
      const dialog = document.querySelector("dialog[open]");
      if (dialog && !dialog.querySelector(`[${RUN_DIALOG_ATTR}]`)) return;
      event.preventDefault();
      event.stopPropagation();
      if (event.repeat) return;
      if (dialog) latest.current.submit();
      else latest.current.open();
    };
    window.addEventListener("keydown", onKeyDown, { capture: true });
    return () => window.removeEventListener("keydown", onKeyDown, { capture: true });
  }, []);
}
