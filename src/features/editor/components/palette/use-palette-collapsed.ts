"use client";
/** Whether the palette is folded to a rail; remembered in localStorage across visits. */
import { useCallback, useSyncExternalStore } from "react";

const KEY = "llmteam.editor.paletteCollapsed";
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === "1";
  } catch {
    return false;
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePaletteCollapsed(): [boolean, (collapsed: boolean) => void] {
  const collapsed = useSyncExternalStore(subscribe, read, () => false);
  const set = useCallback((next: boolean) => {
    try {
      localStorage.setItem(KEY, next ? "1" : "0");
    } catch {
      // Private mode or storage full: the palette still folds for this page.
    }
    for (const listener of listeners) listener();
  }, []);
  return [collapsed, set];
}
