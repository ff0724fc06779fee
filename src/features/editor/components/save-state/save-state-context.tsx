"use client";
/**
 * Holds the editor session around the document: the draft saver and the save state. The
 * problems panel also works without it (the read-only revision view has no session).
 */
import { createContext, useContext, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import type { DraftSaver } from "./draft-saver";
import type { SaveState, SaveStateActions, SaveStateStore } from "./save-state-store";
import { useStoreOrNull } from "./use-store-or-null";

export type SaveSession = { store: SaveStateStore; saver: DraftSaver; segmentId: string };

const SaveSessionContext = createContext<SaveSession | null>(null);

export function SaveSessionProvider({ session, children }: { session: SaveSession; children: ReactNode }) {
  return <SaveSessionContext.Provider value={session}>{children}</SaveSessionContext.Provider>;
}

/** The session, or null outside the editor (read-only views). */
export function useOptionalSaveSession(): SaveSession | null {
  return useContext(SaveSessionContext);
}

export function useSaveSession(): SaveSession {
  const session = useContext(SaveSessionContext);
  if (!session) throw new Error("useSaveSession must be used inside <SaveSessionProvider>");
  return session;
}

export function useSaveState<T>(selector: (state: SaveState & SaveStateActions) => T): T {
  return useStore(useSaveSession().store, selector);
}

/**
 * Open/closed state of the problems panel: the session's (so "Save" and "Import" can open
 * it), or the component's own when there is no session.
 */
export function useProblemsPanelOpen(): [boolean, (open: boolean) => void] {
  const session = useOptionalSaveSession();
  const [localOpen, setLocalOpen] = useState(false);
  const sessionOpen = useStoreOrNull(session?.store, (s) => s.problemsOpen);
  if (!session) return [localOpen, setLocalOpen];
  return [sessionOpen === true, (open) => session.store.getState().set({ problemsOpen: open })];
}
