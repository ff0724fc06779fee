"use client";
import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { Segment } from "@/shared/segment";
import { createEditorStore } from "./create-editor-store";
import type { EditorState, EditorStore } from "./types";

const EditorStoreContext = createContext<EditorStore | null>(null);

/** Creates the editor's store once per mount: key the provider by segment id. */
export function EditorStoreProvider({ segment, children }: { segment: Segment; children: ReactNode }) {
  const [store] = useState(() => createEditorStore(segment));
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}

export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error("useEditorStore must be used inside <EditorStoreProvider>");
  return store;
}

/** Subscribes to a slice of the editor state; pick the smallest value you need. */
export function useEditorStore<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}
