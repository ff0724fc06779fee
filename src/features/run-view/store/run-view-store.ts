"use client";
/**
 * View state of the run view (zustand; no server data here: that lives in react-query). The
 * selected step is the canvas selection (the editor store); these are the panels around it.
 */
import { create } from "zustand";

export type RunViewState = {
  /** The bottom timeline panel is open (kept across runs: it is a preference). */
  timelineOpen: boolean;
  /** The approval card is folded to a pill. */
  approvalsFolded: boolean;
  /** "Re-run from this step" dialog for this step, or null. */
  rerunFromStep: string | null;
  setTimelineOpen: (open: boolean) => void;
  setApprovalsFolded: (folded: boolean) => void;
  openRerunFrom: (stepId: string) => void;
  closeRerunFrom: () => void;
};

export const useRunViewStore = create<RunViewState>()((set) => ({
  timelineOpen: false,
  approvalsFolded: false,
  rerunFromStep: null,
  setTimelineOpen: (timelineOpen) => set({ timelineOpen }),
  setApprovalsFolded: (approvalsFolded) => set({ approvalsFolded }),
  openRerunFrom: (rerunFromStep) => set({ rerunFromStep }),
  closeRerunFrom: () => set({ rerunFromStep: null }),
}));
