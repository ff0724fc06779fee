"use client";
/**
 * How a live run is drawn on the editor's canvas. The run view (src/features/run-view)
 * provides a RunOverlay; the editor and the revision viewer provide none, so their nodes and
 * edges look as before. Nodes and edges call these hooks with their own ids only, so an event
 * re-renders the cards it concerns, not all 500.
 *
 * The provider never switches between null and an overlay while a canvas is mounted (the
 * hooks below are called conditionally on it).
 */
import { createContext, useContext } from "react";
import type { StepStatus } from "@/shared/resources/run-detail";

/** What a card shows of its step in the run. */
export type StepRunLook = {
  status: StepStatus;
  /** Attempts started in this run (0 = reused / not run yet). */
  attempts: number;
  /** ISO time, null until the step starts. */
  started_at: string | null;
  /** Null while running (the card ticks from started_at) or before it starts. */
  duration_ms: number | null;
  /** Output reused from an earlier run by "re-run from step". */
  reused: boolean;
  /** The tail of the LLM text streaming in for the running attempt ("" when none). */
  token_preview: string;
  /** A retry is scheduled at this ISO time (status stays running). */
  retry_at: string | null;
  /** Short error message when failed. */
  error: string | null;
  tokens: { input: number; output: number };
  cost: number;
};

/** What an edge shows: data went through it, it is being waited on, or its branch was skipped. */
export type EdgeRunLook = "idle" | "active" | "flowed" | "skipped";

export type RunOverlay = {
  useStepRun(stepId: string): StepRunLook | null;
  useEdgeRun(sourceStepId: string, targetStepId: string, sourceHandle: string | null): EdgeRunLook;
};

export const RunOverlayContext = createContext<RunOverlay | null>(null);

export const useRunOverlay = (): RunOverlay | null => useContext(RunOverlayContext);
