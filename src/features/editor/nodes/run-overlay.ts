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
import { createContext, useContext, type ReactNode } from "react";
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
  /** A person must decide: this step waits for an approval, or a child run of this step does. */
  needs_approval: boolean;
  /** Why the step was skipped, when it was. */
  skipped_reason: string | null;
  /** A human step's decision once made (a rejected step still completes: the card says so). */
  decision: "approved" | "rejected" | null;
};

/** What an edge shows: data went through it, it is being waited on, or its branch was skipped. */
export type EdgeRunLook = "idle" | "active" | "flowed" | "skipped";

/** An entry the run view adds to a step's right-click menu ("Re-run from this step"). */
export type StepRunAction = { label: string; icon?: ReactNode; disabled?: boolean; separated?: boolean; onSelect: () => void };

export type RunOverlay = {
  useStepRun(stepId: string): StepRunLook | null;
  useEdgeRun(sourceStepId: string, targetStepId: string, sourceHandle: string | null): EdgeRunLook;
  /** Called when the step's menu opens (not a hook): the run's actions on that step. */
  stepActions?(stepId: string): StepRunAction[];
};

export const RunOverlayContext = createContext<RunOverlay | null>(null);

export const useRunOverlay = (): RunOverlay | null => useContext(RunOverlayContext);
