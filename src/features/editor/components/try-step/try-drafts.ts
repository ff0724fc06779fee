/**
 * What the user typed in a step's Try panel and the last result, per segment and step, for
 * as long as the page lives: switching tabs or steps and coming back keeps them.
 */
import type { TryStepResult } from "@/shared/resources/try-step";

/** A result as it arrives (tRPC types `unknown` fields as optional). */
export type TryOutcome = Omit<TryStepResult, "output" | "events"> & {
  output?: unknown;
  events?: { type: string; payload?: unknown }[] | undefined;
};

export type TryDraft = {
  input: string;
  runInput: string;
  steps: string;
  /** Where `input` came from: a run id, or null when typed (or the empty default). */
  fromRun: string | null;
  result: TryOutcome | null;
};

const drafts = new Map<string, TryDraft>();

export const EMPTY_TRY_DRAFT: TryDraft = { input: "{}", runInput: "", steps: "", fromRun: null, result: null };

export function readTryDraft(segmentId: string, stepId: string): TryDraft {
  return drafts.get(`${segmentId}\u0000${stepId}`) ?? EMPTY_TRY_DRAFT;
}

export function writeTryDraft(segmentId: string, stepId: string, draft: TryDraft): void {
  drafts.set(`${segmentId}\u0000${stepId}`, draft);
}
