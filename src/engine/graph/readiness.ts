/**
 * Readiness and step input, pure functions over the graph and the steps' current state.
 * A step runs once every predecessor has finished; it runs if at least one incoming edge was
 * taken, otherwise it is skipped (and its own edges are then not taken: skipping propagates).
 */
import type { StepStatus } from "../model";
import type { SegmentGraph } from "./graph";

export interface StepView {
  status(stepId: string): StepStatus;
  /** Outgoing edges taken by a finished step; null while unknown or for a fatal failure. */
  routes(stepId: string): readonly number[] | null;
}

export type Readiness =
  | { kind: "wait" }
  | { kind: "ready"; from: string[] }
  | { kind: "skip"; reason: string }
  /** A predecessor failed the run or was cancelled: this step will not run. */
  | { kind: "blocked" };

const FINISHED_WITH_ROUTES: ReadonlySet<StepStatus> = new Set(["completed", "failed"]);

export function readinessOf(graph: SegmentGraph, stepId: string, view: StepView): Readiness {
  if (stepId === graph.segment.entrypoint) return { kind: "ready", from: [] };
  const incoming = graph.incoming.get(stepId) ?? [];
  if (incoming.length === 0) return { kind: "skip", reason: "unreachable: no incoming edge" };
  const from: string[] = [];
  for (const index of incoming) {
    const pred = graph.edge(index).from_step;
    const status = view.status(pred);
    if (status === "skipped") continue;
    if (FINISHED_WITH_ROUTES.has(status)) {
      const routes = view.routes(pred);
      if (routes === null) return { kind: "blocked" };
      if (routes.includes(index) && !from.includes(pred)) from.push(pred);
      continue;
    }
    if (status === "cancelled") return { kind: "blocked" };
    return { kind: "wait" };
  }
  return from.length > 0 ? { kind: "ready", from } : { kind: "skip", reason: "no incoming edge was taken" };
}

/**
 * The entrypoint gets the run input; a step with one predecessor gets its output; with several,
 * `{<pred_id>: output}` of the predecessors whose edge was taken.
 */
export function stepInputOf(
  graph: SegmentGraph,
  stepId: string,
  from: readonly string[],
  outputs: Readonly<Record<string, unknown>>,
  runInput: unknown,
): unknown {
  if (stepId === graph.segment.entrypoint) return runInput;
  const preds = graph.predecessors.get(stepId) ?? [];
  if (preds.length === 1) return outputs[preds[0] as string] ?? null;
  const input: Record<string, unknown> = {};
  for (const pred of from) input[pred] = outputs[pred] ?? null;
  return input;
}
