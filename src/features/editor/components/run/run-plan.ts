/**
 * What "Run" will do with the canvas: run the latest revision as is, or save the draft as the
 * next revision first (runs execute saved revisions, never the draft). Pure: the caller passes
 * what the save session knows and the canvas document's canonical JSON.
 */

export type RunPlan =
  /** The canvas is revision `revision`: run it. */
  | { save: false; revision: number }
  /** Save the draft as `revision` first, then run that. */
  | { save: true; revision: number; reason: "never-saved" | "changed" };

export function planRun(facts: { latestRevision: number; revisionJson: string | null; documentJson: string }): RunPlan {
  const { latestRevision, revisionJson, documentJson } = facts;
  if (latestRevision === 0 || revisionJson === null) return { save: true, revision: latestRevision + 1, reason: latestRevision === 0 ? "never-saved" : "changed" };
  if (documentJson === revisionJson) return { save: false, revision: latestRevision };
  return { save: true, revision: latestRevision + 1, reason: "changed" };
}

/** The sentence the dialog shows about it. */
export function planNote(plan: RunPlan): string {
  if (!plan.save) return `Runs revision ${plan.revision}, which is what the canvas shows.`;
  if (plan.reason === "never-saved") return `This segment has never been saved: the draft will be saved as revision ${plan.revision}, then run.`;
  return `The draft has changes: it will be saved as revision ${plan.revision} before the run starts.`;
}

/** The start button's label. */
export function startLabel(plan: RunPlan): string {
  return plan.save ? "Save and run" : "Start run";
}
