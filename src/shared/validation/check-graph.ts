/**
 * Graph: every step is reachable from the entrypoint (unreachable_step) and the edges form
 * no cycle (cycle), a subsegment or map step running its own segment included. Repetition
 * belongs in critic_loop (until good enough) or map (per item), never in a loop of edges.
 */
import { cycleThrough, cyclicComponents, reachableFrom } from "./graph";
import { problemEdge, quote, stepLabel, stepPath } from "./labels";
import { problem, type Problem } from "./types";
import type { CheckContext, EdgeView } from "./view";

const REPEAT_HINT = "use a critic_loop step to repeat work until it is good enough, or a map step to repeat it per item";

function adjacencyOf({ view, byId }: CheckContext): Map<string, string[]> {
  const adjacency = new Map<string, string[]>();
  for (const id of byId.keys()) adjacency.set(id, []);
  for (const edge of view.edges) {
    if (edge.from_step === undefined || edge.to_step === undefined) continue;
    if (!byId.has(edge.from_step) || !byId.has(edge.to_step)) continue;
    const successors = adjacency.get(edge.from_step)!;
    if (!successors.includes(edge.to_step)) successors.push(edge.to_step);
  }
  return adjacency;
}

function unreachable(ctx: CheckContext, adjacency: Map<string, string[]>): Problem[] {
  const entrypoint = ctx.view.entrypoint;
  if (entrypoint === undefined || !ctx.byId.has(entrypoint)) return [];
  const reached = reachableFrom(adjacency, entrypoint);
  return [...ctx.byId.values()]
    .filter((step) => !reached.has(step.step_id))
    .map((step) =>
      problem(
        "unreachable_step",
        `${stepLabel(step)} is not reachable from the entrypoint ${quote(entrypoint)}: connect it with an edge, or remove it.`,
        { step_id: step.step_id, path: stepPath(step) },
      ),
    );
}

function closingEdge(edges: readonly EdgeView[], from: string, to: string): EdgeView | undefined {
  return edges.find((edge) => edge.from_step === from && edge.to_step === to);
}

function cycles(ctx: CheckContext, adjacency: Map<string, string[]>): Problem[] {
  const order = new Map([...ctx.byId.values()].map((step) => [step.step_id, step.index]));
  const components = cyclicComponents([...ctx.byId.keys()], adjacency);
  const found = components.map((component) => {
    const start = component.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b));
    return { start, path: cycleThrough(start, new Set(component), adjacency), size: component.length };
  });
  found.sort((a, b) => order.get(a.start)! - order.get(b.start)!);
  return found.map(({ start, path, size }) => {
    const step = ctx.byId.get(start)!;
    const last = path[path.length - 2] ?? start;
    const edge = closingEdge(ctx.view.edges, last, start);
    const others = size > path.length - 1 ? ` (${size} steps are caught in this loop)` : "";
    const message =
      path.length === 2
        ? `${stepLabel(step)} has an edge to itself, which makes a cycle: ${REPEAT_HINT}.`
        : `Steps ${path.map(quote).join(" → ")} form a cycle${others}. Segments cannot loop: ${REPEAT_HINT}.`;
    return problem("cycle", message, {
      step_id: start,
      path: stepPath(step),
      ...(edge === undefined ? {} : { edge: problemEdge(edge) }),
    });
  });
}

function selfReferences({ view }: CheckContext): Problem[] {
  if (view.segment_id === undefined) return [];
  return (view.steps ?? []).flatMap((step) => {
    if ((step.type !== "subsegment" && step.type !== "map") || step.config?.segment_id !== view.segment_id) return [];
    return [
      problem(
        "cycle",
        `${stepLabel(step)} runs segment ${quote(view.segment_id!)}, the segment it belongs to: a segment cannot run itself.`,
        { step_id: step.step_id, path: stepPath(step, "config", "segment_id") },
      ),
    ];
  });
}

export function checkGraph(ctx: CheckContext): Problem[] {
  if (ctx.view.steps === undefined || ctx.view.steps.length === 0) return [];
  const adjacency = adjacencyOf(ctx);
  return [...unreachable(ctx, adjacency), ...cycles(ctx, adjacency), ...selfReferences(ctx)];
}
