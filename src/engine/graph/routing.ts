/**
 * Routing: which outgoing edges a finished step takes. An edge is taken when its `from_port`
 * matches the port the output left through (handlers name it, e.g. condition's `true`/`false`;
 * default `out`) and its `condition` (JSONata over `{input, steps, step_input, output}`) is true.
 */
import { evaluateExpression, isTruthy } from "../expressions/evaluate";
import type { SegmentGraph } from "./graph";

export const DEFAULT_PORT = "out";

export interface RouteContext {
  input: unknown;
  /** Outputs of the finished steps, the from-step's included. */
  steps: Readonly<Record<string, unknown>>;
  /** The from-step's input. */
  step_input: unknown;
  /** The from-step's output. */
  output: unknown;
}

/**
 * Indices of the edges taken (the context is built only if a condition needs it). Throws ExpressionError when a condition cannot be evaluated,
 * unless `lenient` (then that edge is simply not taken).
 */
export async function routeEdges(
  graph: SegmentGraph,
  stepId: string,
  port: string | undefined,
  makeContext: () => RouteContext,
  lenient = false,
): Promise<number[]> {
  const taken: number[] = [];
  let context: RouteContext | undefined;
  for (const index of graph.outgoing.get(stepId) ?? []) {
    const edge = graph.edge(index);
    if (edge.from_port !== undefined && edge.from_port !== (port ?? DEFAULT_PORT)) continue;
    if (edge.condition !== undefined) {
      try {
        context ??= makeContext();
        if (!isTruthy(await evaluateExpression(edge.condition, context))) continue;
      } catch (error) {
        if (lenient) continue;
        throw error;
      }
    }
    taken.push(index);
  }
  return taken;
}
