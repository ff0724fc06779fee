/**
 * Where a problem points on the canvas and how to name that place in the problems list.
 * Pure: the panel passes what it reads from the store.
 */
import type { Problem } from "@/shared/validation";
import type { FlowEdge } from "../../lib/flow-convert";

export type ProblemTarget = { kind: "step" | "edge"; id: string } | { kind: "segment" };

type EdgeEnds = Pick<FlowEdge, "id" | "source" | "target">;

/**
 * The canvas element a problem concerns. An edge problem names its index in the segment's
 * `edges`, which is the store's edge order; if the ends disagree (the list is a little older
 * than the canvas), the first edge with the same ends is taken instead.
 */
export function problemTarget(problem: Problem, edges: readonly EdgeEnds[]): ProblemTarget {
  if (problem.edge) {
    const { index, from_step, to_step } = problem.edge;
    const atIndex = edges[index];
    const edge =
      atIndex && atIndex.source === from_step && atIndex.target === to_step
        ? atIndex
        : edges.find((e) => e.source === from_step && e.target === to_step);
    if (edge) return { kind: "edge", id: edge.id };
  }
  if (problem.step_id !== undefined && problem.step_id !== "") return { kind: "step", id: problem.step_id };
  return { kind: "segment" };
}

/** "Draft article", "draft → review", "Segment settings": the place a problem is in, for people. */
export function problemPlace(problem: Problem, stepName: (stepId: string) => string | undefined): string {
  if (problem.edge) return `${stepName(problem.edge.from_step) ?? problem.edge.from_step} → ${stepName(problem.edge.to_step) ?? problem.edge.to_step}`;
  if (problem.step_id) return stepName(problem.step_id) ?? problem.step_id;
  const field = problem.path?.split(/[.[]/)[0];
  if (field === "input_schema") return "Run input schema";
  if (field === "entrypoint") return "Entrypoint";
  return "Segment";
}

/** "3 errors · 1 warning", or null when there is nothing. */
export function problemCounts(problems: readonly Pick<Problem, "severity">[]): { errors: number; warnings: number; summary: string | null } {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const parts = [errors > 0 ? plural(errors, "error") : null, warnings > 0 ? plural(warnings, "warning") : null].filter(Boolean);
  return { errors, warnings, summary: parts.length > 0 ? parts.join(" · ") : null };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
