"use client";
/**
 * The selected step is in the URL (`/runs/<id>?step=<step_id>`): a link from the approvals
 * inbox opens the run with that step's panel, and a reload keeps it.
 */
import { useEffect, useRef } from "react";
import { findStepNode } from "@/features/editor/lib/flow-convert";
import { useEditorStore, useEditorStoreApi } from "@/features/editor/store";

export function useStepInUrl(): void {
  const store = useEditorStoreApi();
  const selected = useEditorStore((s) => s.selectedStepId);
  const opened = useRef(false);

  useEffect(() => {
    const stepId = new URLSearchParams(window.location.search).get("step");
    if (stepId && findStepNode(store.getState().nodes, stepId)) {
      store.getState().selectStep(stepId);
      store.getState().requestFocus({ kind: "step", id: stepId });
    }
  }, [store]);

  useEffect(() => {
    // The first pass sees the selection from before the effect above applied the URL's.
    if (!opened.current) {
      opened.current = true;
      return;
    }
    const url = new URL(window.location.href);
    if (selected) url.searchParams.set("step", selected);
    else url.searchParams.delete("step");
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
  }, [selected]);
}
