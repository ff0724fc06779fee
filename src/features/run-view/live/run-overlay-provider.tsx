"use client";
/**
 * Gives the editor's canvas the run's look (RunOverlayContext): each card and edge reads only
 * its own step(s) from the live state, so an event re-renders the cards it concerns.
 */
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useStore } from "zustand";
import { createStore, type StoreApi } from "zustand/vanilla";
import { RunOverlayContext, type RunOverlay, type StepRunAction, type StepRunLook } from "@/features/editor/nodes/run-overlay";
import { edgeRunLook, stepRunLook } from "../lib/run-look";
import { useRunLiveState } from "./run-live-cache";

type StepActions = (stepId: string) => StepRunAction[];

/** What the overlay knows beside the live state; changes rarely. */
type OverlayExtras = {
  /** Steps of this run whose child runs wait for a person (a subsegment/map node shows it too). */
  childApprovalSteps: ReadonlySet<string>;
  stepActions: StepActions | undefined;
};

function createRunOverlay(runId: string, extras: StoreApi<OverlayExtras>): RunOverlay {
  return {
    useStepRun(stepId: string): StepRunLook | null {
      const step = useRunLiveState(runId, (s) => s.steps[stepId] ?? null);
      const childWaiting = useStore(extras, (s) => s.childApprovalSteps.has(stepId));
      return useMemo(() => (step ? stepRunLook(step, childWaiting) : null), [step, childWaiting]);
    },
    useEdgeRun(sourceStepId, targetStepId, sourceHandle) {
      return useRunLiveState(runId, (s) => edgeRunLook(s.steps[sourceStepId], s.steps[targetStepId], sourceHandle));
    },
    stepActions: (stepId) => extras.getState().stepActions?.(stepId) ?? [],
  };
}

export function RunOverlayProvider({
  runId,
  childApprovalSteps,
  stepActions,
  children,
}: {
  runId: string;
  childApprovalSteps: ReadonlySet<string>;
  /** Entries for a step's right-click menu. */
  stepActions?: StepActions;
  children: ReactNode;
}) {
  const [extras] = useState(() => createStore<OverlayExtras>(() => ({ childApprovalSteps, stepActions })));
  // Created once: the canvas' nodes call its hooks, which must stay the same functions.
  const [overlay] = useState(() => createRunOverlay(runId, extras));
  useEffect(() => {
    extras.setState({ childApprovalSteps, stepActions });
  }, [extras, childApprovalSteps, stepActions]);
  return <RunOverlayContext.Provider value={overlay}>{children}</RunOverlayContext.Provider>;
}
