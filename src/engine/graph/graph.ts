/**
 * The segment as a graph the runner can query in O(1): steps by id, incoming/outgoing edges
 * (as indices into `segment.edges`), distinct predecessors. Built once per segment object.
 * The validator reports structural problems to users; here they are a refusal to run.
 */
import type { Edge, Segment, Step } from "../../shared/segment";
import { EngineError } from "../errors";

export interface SegmentGraph {
  readonly segment: Segment;
  readonly steps: ReadonlyMap<string, Step>;
  /** Step ids in a topological order (entrypoint-first where the edges allow). */
  readonly order: readonly string[];
  readonly incoming: ReadonlyMap<string, readonly number[]>;
  readonly outgoing: ReadonlyMap<string, readonly number[]>;
  /** Distinct `from_step`s of the incoming edges, in edge order. */
  readonly predecessors: ReadonlyMap<string, readonly string[]>;
  /** Distinct `to_step`s of the outgoing edges, in edge order. */
  readonly successors: ReadonlyMap<string, readonly string[]>;
  edge(index: number): Edge;
}

const built = new WeakMap<Segment, SegmentGraph>();

export function graphOf(segment: Segment): SegmentGraph {
  let graph = built.get(segment);
  if (!graph) {
    graph = buildGraph(segment);
    built.set(segment, graph);
  }
  return graph;
}

function pushUnique(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list && !list.includes(value)) list.push(value);
}

function buildGraph(segment: Segment): SegmentGraph {
  const problems: string[] = [];
  const steps = new Map<string, Step>();
  for (const step of segment.steps) {
    if (steps.has(step.step_id)) problems.push(`duplicate step_id "${step.step_id}"`);
    steps.set(step.step_id, step);
  }
  if (!steps.has(segment.entrypoint)) problems.push(`entrypoint "${segment.entrypoint}" is not a step`);

  const incoming = new Map<string, number[]>();
  const outgoing = new Map<string, number[]>();
  const predecessors = new Map<string, string[]>();
  const successors = new Map<string, string[]>();
  for (const id of steps.keys()) {
    incoming.set(id, []);
    outgoing.set(id, []);
    predecessors.set(id, []);
    successors.set(id, []);
  }
  segment.edges.forEach((edge, index) => {
    if (!steps.has(edge.from_step) || !steps.has(edge.to_step)) {
      problems.push(`edges[${index}] connects unknown step "${steps.has(edge.from_step) ? edge.to_step : edge.from_step}"`);
      return;
    }
    outgoing.get(edge.from_step)?.push(index);
    incoming.get(edge.to_step)?.push(index);
    pushUnique(predecessors, edge.to_step, edge.from_step);
    pushUnique(successors, edge.from_step, edge.to_step);
  });

  const order = topologicalOrder(segment.entrypoint, steps, predecessors, successors);
  if (order.length < steps.size) problems.push("the edges form a cycle");
  if (problems.length > 0) {
    throw new EngineError("invalid_segment", `segment "${segment.segment_id}" cannot run: ${problems.join("; ")}`, problems);
  }
  return {
    segment,
    steps,
    order,
    incoming,
    outgoing,
    predecessors,
    successors,
    edge(index: number): Edge {
      const edge = segment.edges[index];
      if (!edge) throw new Error(`no edge ${index}`);
      return edge;
    },
  };
}

/** Kahn's algorithm; steps on a cycle are left out. */
function topologicalOrder(
  entrypoint: string,
  steps: ReadonlyMap<string, Step>,
  predecessors: ReadonlyMap<string, readonly string[]>,
  successors: ReadonlyMap<string, readonly string[]>,
): string[] {
  const remaining = new Map<string, number>();
  for (const id of steps.keys()) remaining.set(id, predecessors.get(id)?.length ?? 0);
  const queue = [...steps.keys()].filter((id) => remaining.get(id) === 0);
  queue.sort((a, b) => (a === entrypoint ? -1 : b === entrypoint ? 1 : 0));
  const order: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    order.push(id);
    for (const next of successors.get(id) ?? []) {
      const left = (remaining.get(next) ?? 0) - 1;
      remaining.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  return order;
}

/** `stepId` and every step reachable from it. */
export function downstreamOf(graph: SegmentGraph, stepId: string): Set<string> {
  const seen = new Set<string>([stepId]);
  const stack = [stepId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const next of graph.successors.get(id) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}
