/**
 * A revision's changes in words for the history list: "+2 steps, −1 step, ~1 changed,
 * +3 connections, settings" or "layout only". The server computes the diff; this names it.
 */
import type { RevisionDiff } from "@/shared/resources/segment-resource";

export type DiffWords = {
  /** Short parts, in order: additions, removals, changes, connections, settings. */
  parts: string[];
  /** The ids behind the counts, for a tooltip. */
  detail: string;
};

export function describeDiff(diff: RevisionDiff, revision: number): DiffWords {
  const detail = [
    diff.steps_added.length > 0 ? `Added: ${diff.steps_added.join(", ")}` : null,
    diff.steps_removed.length > 0 ? `Removed: ${diff.steps_removed.join(", ")}` : null,
    diff.steps_changed.length > 0 ? `Changed: ${diff.steps_changed.join(", ")}` : null,
  ]
    .filter(Boolean)
    .join("\n");

  if (revision === 1) {
    return { parts: [`First revision · ${count(diff.steps_added.length, "step")}`], detail };
  }
  if (diff.layout_only) return { parts: ["Layout only"], detail: "Only step positions changed." };

  const parts: string[] = [];
  if (diff.steps_added.length > 0) parts.push(`+${count(diff.steps_added.length, "step")}`);
  if (diff.steps_removed.length > 0) parts.push(`−${count(diff.steps_removed.length, "step")}`);
  if (diff.steps_changed.length > 0) parts.push(`~${diff.steps_changed.length} changed`);
  if (diff.edges_added > 0) parts.push(`+${count(diff.edges_added, "connection")}`);
  if (diff.edges_removed > 0) parts.push(`−${count(diff.edges_removed, "connection")}`);
  if (diff.settings_changed) parts.push("settings");
  if (parts.length === 0) parts.push("No changes");
  return { parts, detail };
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
