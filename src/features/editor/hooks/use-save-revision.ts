"use client";
/**
 * "Save" (button, Ctrl/Cmd+S): turns the current document into a new revision
 * (useWriteRevision), with a toast for the outcome.
 */
import { useCallback, useEffect } from "react";
import { useToast } from "@/components/ui/toast";
import { SaveBlockedError } from "../components/save-state/draft-saver";
import { useSaveSession } from "../components/save-state/save-state-context";
import { useWriteRevision } from "./use-write-revision";

export function useSaveRevision(): () => Promise<void> {
  const { store, saver } = useSaveSession();
  const writeRevision = useWriteRevision();
  const toast = useToast();

  return useCallback(async () => {
    const state = store.getState();
    if (state.savingRevision) return;
    if (saver.currentStatus.kind === "conflict") {
      state.set({ conflictOpen: true });
      return;
    }
    if (state.matchesRevision) {
      void saver.flush();
      toast.success(`Already saved as revision ${state.latestRevision}`, "Nothing changed since then.");
      return;
    }
    state.set({ savingRevision: true });
    try {
      const written = await writeRevision();
      if (written.ok) {
        toast.success(`Saved as revision ${written.revision}`);
      } else {
        store.getState().set({ problemsOpen: true });
        toast.error(`Not saved: ${countErrors(written.problems)}`, "The draft is kept. Fix the problems listed under the canvas, then save again.");
      }
    } catch (error) {
      // A conflict opens its own dialog through the save status.
      if (error instanceof SaveBlockedError && error.kind === "conflict") return;
      toast.error("Could not save a revision", error instanceof Error ? error.message : undefined);
    } finally {
      store.getState().set({ savingRevision: false });
    }
  }, [store, saver, writeRevision, toast]);
}

/** Ctrl+S / Cmd+S anywhere in the editor (also in text fields), instead of the browser's "Save page". */
export function useSaveShortcut(save: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== "s") return;
      event.preventDefault();
      if (!event.repeat) save();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [save]);
}

export function countErrors(problems: ReadonlyArray<{ severity: string }>): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  return errors === 1 ? "1 error" : `${errors} errors`;
}
