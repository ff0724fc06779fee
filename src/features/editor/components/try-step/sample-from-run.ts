/**
 * Sample data for trying a step, taken from a finished run of the segment: the step's input
 * in that run, the run's input, and the other steps' outputs. A run does not store step
 * inputs, so the input is rebuilt the way the engine builds it (engine/graph/readiness
 * `stepInputOf`): the entrypoint gets the run input, a step with one predecessor its output,
 * with several `{<pred_id>: output}` of those that completed.
 */
import type { Edge } from "@/shared/segment";

/** What is read of a run (runs.get): tRPC types `unknown` fields as optional. */
export type RunData = { input?: unknown; steps: Record<string, { status: string; output?: unknown }> };

export type TrySample = { input: unknown; run_input: unknown; steps: Record<string, unknown> };

const FINISHED = new Set(["completed", "failed"]);

export function sampleFromRun(
  run: RunData,
  stepId: string,
  graph: { entrypoint: string; edges: readonly Pick<Edge, "from_step" | "to_step">[] },
): TrySample | null {
  const own = run.steps[stepId];
  if (!own || !FINISHED.has(own.status)) return null;
  const steps: Record<string, unknown> = {};
  for (const [id, step] of Object.entries(run.steps)) {
    if (id !== stepId && step.status === "completed") steps[id] = step.output;
  }
  return { input: inputOf(run, stepId, graph), run_input: run.input, steps };
}

function inputOf(run: RunData, stepId: string, graph: Parameters<typeof sampleFromRun>[2]): unknown {
  // A server that records step inputs wins over the reconstruction.
  const recorded = run.steps[stepId] as { input?: unknown } | undefined;
  if (recorded && "input" in recorded && recorded.input !== undefined) return recorded.input;
  if (stepId === graph.entrypoint) return run.input;
  const preds = [...new Set(graph.edges.filter((e) => e.to_step === stepId).map((e) => e.from_step))];
  if (preds.length === 1) return run.steps[preds[0] as string]?.output ?? null;
  const input: Record<string, unknown> = {};
  for (const pred of preds) {
    if (run.steps[pred]?.status === "completed") input[pred] = run.steps[pred]?.output ?? null;
  }
  return input;
}
